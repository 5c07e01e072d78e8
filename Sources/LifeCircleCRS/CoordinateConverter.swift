import LifeCircleGeometry

/// Converts coordinates between any two `CRS`s, the Chinese web-map systems included: for example
/// GCJ-02 → EPSG:4547 is the iterative GCJ-02 → WGS 84 inverse, then PROJ's EPSG:4326 → 4547.
///
/// The GCJ-02 offsets are defined on WGS 84; CGCS2000 (EPSG:4490) agrees with it to a few
/// centimetres, far below the offsets' own uncertainty, so GCJ-02 data may be taken to CGCS2000
/// directly. The step still goes through PROJ (EPSG:4326 → 4490 is a null transformation there),
/// so the chain stays right if PROJ ever distinguishes them.
public struct CoordinateConverter: Sendable {
    public let source: CRS
    public let target: CRS
    private let steps: [Step]

    private enum Step: Sendable {
        case wgs84ToGCJ02, gcj02ToWGS84, gcj02ToBD09, bd09ToGCJ02
        case proj(Transformer)

        func apply(_ c: Coordinate) throws -> Coordinate {
            switch self {
            case .wgs84ToGCJ02: GCJ02.fromWGS84(c)
            case .gcj02ToWGS84: GCJ02.toWGS84(c)
            case .gcj02ToBD09: BD09.fromGCJ02(c)
            case .bd09ToGCJ02: BD09.toGCJ02(c)
            case .proj(let transformer): try transformer.transform(c)
            }
        }

        func undoes(_ other: Step) -> Bool {
            switch (self, other) {
            case (.wgs84ToGCJ02, .gcj02ToWGS84), (.gcj02ToWGS84, .wgs84ToGCJ02),
                 (.gcj02ToBD09, .bd09ToGCJ02), (.bd09ToGCJ02, .gcj02ToBD09): true
            default: false
            }
        }
    }

    public init(from source: CRS, to target: CRS, cache: TransformerCache = .shared) throws {
        self.source = source
        self.target = target
        // Checked even when no PROJ step is needed, so that EPSG:999999 → EPSG:999999 fails too.
        _ = try source.definition()
        _ = try target.definition()

        // Each side reduced to an EPSG CRS PROJ can handle, with the web-map steps around it.
        let (sourceCode, leading): (Int, [Step]) = switch source {
        case .epsg(let code): (code, [])
        case .gcj02: (4326, [.gcj02ToWGS84])
        case .bd09: (4326, [.bd09ToGCJ02, .gcj02ToWGS84])
        }
        let (targetCode, trailing): (Int, [Step]) = switch target {
        case .epsg(let code): (code, [])
        case .gcj02: (4326, [.wgs84ToGCJ02])
        case .bd09: (4326, [.wgs84ToGCJ02, .gcj02ToBD09])
        }
        let middle: [Step] = sourceCode == targetCode
            ? [] : [.proj(try cache.transformer(fromEPSG: sourceCode, toEPSG: targetCode))]

        // GCJ-02 → BD-09 must not detour through WGS 84: drop each step its successor undoes.
        var steps: [Step] = []
        for step in leading + middle + trailing {
            if let last = steps.last, step.undoes(last) { steps.removeLast() } else { steps.append(step) }
        }
        self.steps = steps
    }

    /// Throws `CRSError.transformFailed` naming the coordinate as given and this converter's CRSs.
    public func convert(_ coordinate: Coordinate) throws -> Coordinate {
        do {
            return try steps.reduce(coordinate) { try $1.apply($0) }
        } catch CRSError.transformFailed(_, _, _, let reason) {
            throw CRSError.transformFailed(coordinate, from: source, to: target, reason: reason)
        }
    }

    public func convert(_ coordinates: [Coordinate]) throws -> [Coordinate] {
        try coordinates.map(convert)
    }

    public func convert(_ geometry: Geometry) throws -> Geometry {
        try geometry.mapCoordinates(convert)
    }
}
