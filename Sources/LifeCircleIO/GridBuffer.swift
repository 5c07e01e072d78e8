import CGDAL
import LifeCircleGeometry
import LifeCircleWorkers

/// The region within a distance of a set of lines, traced on a grid by GDAL: the lines are burnt
/// into a raster (every cell they touch), `GDALComputeProximity` measures each cell's distance to
/// the nearest burnt cell, and `GDALPolygonize` turns the cells within reach into polygons with
/// their holes.
///
/// Its cost grows with the window's cells, not with the number of lines, which is what a street
/// network's service circle needs: GEOS's exact buffer of a dense footway network costs seconds
/// per circle, the grid milliseconds. The shape is the exact buffer to within about a cell.
public enum GridBuffer {
    /// The most cells a window may have; a wider window gets coarser cells.
    public static let maximumCells = 16_000_000

    /// The cell size a window over `envelope` grown by `distance` gets: `cell`, or coarser when
    /// the window would exceed `maximumCells`.
    public static func cellSize(for envelope: Envelope, distance: Double, cell: Double) -> Double {
        let width = envelope.width + 2 * distance, height = envelope.height + 2 * distance
        return max(cell, (width * height / Double(maximumCells)).squareRoot())
    }

    /// The polygons of the region within `distance` of `lines` (in a projected CRS, metres) — a
    /// multipolygon, empty when there are no lines — and the cell it was traced on: `cell` metres,
    /// or coarser for a wide window (see `cellSize`).
    public static func region(around lines: [[Coordinate]], distance: Double,
                              cell requested: Double) throws -> (region: Geometry, cell: Double) {
        guard let envelope = Envelope(of: lines.joined()) else { return (.multiPolygon([]), requested) }
        let cell = cellSize(for: envelope, distance: distance, cell: requested)
        // A margin of whole cells beyond the distance keeps the region off the window's edge.
        let margin = ((distance / cell).rounded(.up) + 2) * cell
        let columns = ((envelope.width + 2 * margin) / cell).rounded(.up), rows = ((envelope.height + 2 * margin) / cell).rounded(.up)
        let window = Envelope(minX: envelope.minX - margin, minY: envelope.maxY + margin - rows * cell,
                              maxX: envelope.minX - margin + columns * cell, maxY: envelope.maxY + margin)
        // The window already reaches past every line by the margin: no cell outside it is near one.
        return (try trace(lines, distance: distance, cell: cell, window: window, withMargin: false), cell)
    }

    /// The same region over a whole city, traced in tiles of `tileCells` × `tileCells` cells on
    /// every core, each tile seeing the lines within reach of it: GDAL 3.6's polygonizer slows with
    /// the square of a raster's rings, and a city's coverage has a hole for every street block.
    /// The tiles' polygons meet exactly along the tile edges (one grid for all), so the region is
    /// their union, left as separate parts. Returns the cell used, as `region` does.
    public static func tiledRegion(around lines: [[Coordinate]], distance: Double, cell requested: Double,
                                   tileCells: Int = 256) throws -> (region: Geometry, cell: Double) {
        guard let envelope = Envelope(of: lines.joined()) else { return (.multiPolygon([]), requested) }
        // A city wider than one window's cells gets coarser cells, as one window would (`cellSize`):
        // a 40 km city is traced at 10 m, in 1.5 s rather than 6.
        let cell = cellSize(for: envelope, distance: distance, cell: requested)
        let margin = ((distance / cell).rounded(.up) + 2) * cell
        let (originX, originY) = (envelope.minX - margin, envelope.minY - margin)
        let tile = Double(tileCells) * cell
        let columns = Int(((envelope.width + 2 * margin) / tile).rounded(.up)), rows = Int(((envelope.height + 2 * margin) / tile).rounded(.up))
        // Each line goes to the tiles within its reach, binned once.
        var linesOfTile = [[Int]](repeating: [], count: columns * rows)
        let reach = distance + cell
        for (i, line) in lines.enumerated() {
            guard let e = Envelope(of: line) else { continue }
            let first = (column: max(0, Int((e.minX - reach - originX) / tile)), row: max(0, Int((e.minY - reach - originY) / tile)))
            let last = (column: min(columns - 1, Int((e.maxX + reach - originX) / tile)), row: min(rows - 1, Int((e.maxY + reach - originY) / tile)))
            for row in first.row...last.row { for column in first.column...last.column { linesOfTile[row * columns + column].append(i) } }
        }
        let tiles = Workers.split(count: columns * rows) { range, _ in
            range.map { t -> Result<[Polygon], any Error> in
                guard !linesOfTile[t].isEmpty else { return .success([]) }
                let x = originX + Double(t % columns) * tile, y = originY + Double(t / columns) * tile
                let window = Envelope(minX: x, minY: y, maxX: x + tile, maxY: y + tile)
                return Result {
                    try trace(linesOfTile[t].map { lines[$0] }, distance: distance, cell: cell, window: window, withMargin: true).polygons
                }
            }
        }
        return (.multiPolygon(try tiles.joined().flatMap { try $0.get() }), cell)
    }

    /// The region within `distance` of `lines`, for the cells of `window` (whose sides are whole
    /// cells). `withMargin`: the lines are burnt into the window grown by a margin, so that lines
    /// just outside it (a tile's neighbours') still count, and only the window's own cells are
    /// polygonized.
    static func trace(_ lines: [[Coordinate]], distance: Double, cell: Double, window: Envelope, withMargin: Bool) throws -> Geometry {
        let marginCells = withMargin ? Int32((distance / cell).rounded(.up) + 2) : 0
        let margin = Double(marginCells) * cell
        let innerColumns = Int32((window.width / cell).rounded()), innerRows = Int32((window.height / cell).rounded())
        let columns = innerColumns + 2 * marginCells, rows = innerRows + 2 * marginCells
        let envelope = Envelope(minX: window.minX - margin, minY: window.minY - margin, maxX: window.maxX + margin, maxY: window.maxY + margin)
        return try GDALRuntime.run { log in
            guard let raster = GDALCreate(GDALGetDriverByName("MEM"), "", columns, rows, 2, GDT_Byte, nil) else {
                throw IOError.gridFailed(log.lastFailure() ?? "no in-memory raster of \(columns) × \(rows) cells")
            }
            defer { GDALClose(raster) }
            var transform: [Double] = [envelope.minX, cell, 0, envelope.maxY, 0, -cell]
            GDALSetGeoTransform(raster, &transform)

            let geometries: [OGRGeometryH?] = lines.filter { $0.count >= 2 }.map { makeOGRGeometry(.lineString(LineString($0))) }
            defer { geometries.forEach(OGR_G_DestroyGeometry) }
            var bands: [Int32] = [1]
            let burn = [Double](repeating: 1, count: geometries.count)
            let burnt = withCStringList(["ALL_TOUCHED=TRUE"]) { options in
                GDALRasterizeGeometries(raster, 1, &bands, Int32(geometries.count), geometries, nil, nil, burn, options, nil, nil)
            }
            guard burnt == CE_None else { throw IOError.gridFailed(log.lastFailure() ?? "rasterizing failed") }

            // Metres from each cell's centre to the nearest burnt one's, up to the reach (beyond: -1).
            // Cells touched by a line lie up to 0.7 cell off it, so the reach is a tenth of a cell
            // short of `distance`: the area then matches GEOS's buffer best (see the tests). The
            // distances go to a Float32 raster and are thresholded here, because GDAL 3.6's
            // FIXED_BUF_VAL option writes its value where its second pass reads distances, and
            // narrows dense networks' regions by half.
            guard let distances = GDALCreate(GDALGetDriverByName("MEM"), "", columns, rows, 1, GDT_Float32, nil) else {
                throw IOError.gridFailed(log.lastFailure() ?? "no in-memory raster of \(columns) × \(rows) cells")
            }
            defer { GDALClose(distances) }
            GDALSetGeoTransform(distances, &transform)
            let distanceBand = GDALGetRasterBand(distances, 1), nearBand = GDALGetRasterBand(raster, 2)
            let reach = distance - cell / 10
            let measured = withCStringList(["VALUES=1", "DISTUNITS=GEO", "MAXDIST=\(reach)", "NODATA=-1"]) {
                GDALComputeProximity(GDALGetRasterBand(raster, 1), distanceBand, $0, nil, nil)
            }
            guard measured == CE_None else { throw IOError.gridFailed(log.lastFailure() ?? "proximity failed") }
            let cells = Int(columns) * Int(rows)
            var metres = [Float](repeating: -1, count: cells)
            var near = [UInt8](repeating: 0, count: cells)
            guard GDALRasterIO(distanceBand, GF_Read, 0, 0, columns, rows, &metres, columns, rows, GDT_Float32, 0, 0) == CE_None else {
                throw IOError.gridFailed(log.lastFailure() ?? "reading distances failed")
            }
            // Only the window's cells: the margin is there for the distances.
            for row in Int(marginCells)..<Int(rows - marginCells) {
                for i in (row * Int(columns) + Int(marginCells))..<(row * Int(columns) + Int(columns - marginCells)) where metres[i] >= 0 {
                    near[i] = 1
                }
            }
            guard GDALRasterIO(nearBand, GF_Write, 0, 0, columns, rows, &near, columns, rows, GDT_Byte, 0, 0) == CE_None else {
                throw IOError.gridFailed(log.lastFailure() ?? "writing the region failed")
            }

            guard let store = GDALCreate(GDALGetDriverByName("Memory"), "", 0, 0, 0, GDT_Unknown, nil) else {
                throw IOError.gridFailed(log.lastFailure() ?? "no in-memory vector store")
            }
            defer { GDALClose(store) }
            guard let layer = GDALDatasetCreateLayer(store, "region", nil, wkbPolygon, nil) else {
                throw IOError.gridFailed(log.lastFailure() ?? "no in-memory layer")
            }
            // The band is its own mask: only the marked cells become polygons.
            guard GDALPolygonize(nearBand, nearBand, layer, -1, nil, nil, nil) == CE_None else {
                throw IOError.gridFailed(log.lastFailure() ?? "polygonizing failed")
            }
            var polygons: [Polygon] = []
            OGR_L_ResetReading(layer)
            while let feature = OGR_L_GetNextFeature(layer) {
                defer { OGR_F_Destroy(feature) }
                if let geometry = OGR_F_GetGeometryRef(feature), case .polygon(let polygon)? = try? readGeometry(geometry) {
                    polygons.append(polygon)
                }
            }
            return .multiPolygon(polygons)
        }
    }
}
