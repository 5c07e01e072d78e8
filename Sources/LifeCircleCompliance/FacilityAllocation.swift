import LifeCircleGEOS
import LifeCircleGeometry
import LifeCircleIO
import LifeCircleInput

/// Which facilities serve which district, and by what share.
///
/// A facility whose `district_id` names a district serves that district. Otherwise it serves the
/// district it stands in: a point wholly; a polygon by the share of its footprint inside each
/// district it overlaps. A facility in no district is listed, not dropped.
struct FacilityAllocation {
    var sharesByDistrict: [[FacilityShare]]
    var unallocated: [String]
    var warnings: [String]
    private let kindOf: (InputFeature) -> String?
    private let fields: Fields

    /// `kindOf` names a facility's kind (an id of the pack's facility kinds), for rules about one kind.
    init(districts: InputLayer, facilities: InputLayer, index: SpatialIndex, kindOf: @escaping (InputFeature) -> String?) throws {
        self.kindOf = kindOf
        fields = Fields(facilities)
        sharesByDistrict = Array(repeating: [], count: districts.features.count)
        unallocated = []
        warnings = []
        let districtIndexByID = Dictionary(districts.features.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        var points: [(facility: Int, coordinate: Coordinate)] = []
        for (f, facility) in facilities.features.enumerated() {
            if let named = facilities.value("district_id", of: facility)?.text, !named.isEmpty {
                if let d = districtIndexByID[named] {
                    sharesByDistrict[d].append(share(facilities, facility, .assigned, 1))
                    continue
                }
                warnings.append("facility \(facility.id): district_id \"\(named)\" names no district; placed by its location instead")
            }
            if case .point(let p) = facility.geometry {
                points.append((f, p.coordinate))
            } else if try !allocateByArea(facilities, facility, index) {
                unallocated.append(facility.id)
            }
        }

        let pairs = try index.query(points: points.map(\.coordinate), predicate: .intersects)
        var placedIn = [Int?](repeating: nil, count: points.count)
        for (p, d) in zip(pairs.input, pairs.tree) {
            let facility = facilities.features[points[p].facility]
            // On a shared boundary a point touches two districts; it serves the first only.
            if let first = placedIn[p] {
                warnings.append("facility \(facility.id) lies on the boundary of districts \(districts.features[first].id) and \(districts.features[d].id); counted once, in \(districts.features[first].id)")
                continue
            }
            placedIn[p] = d
            sharesByDistrict[d].append(share(facilities, facility, .inside, 1))
        }
        for (p, point) in points.enumerated() where placedIn[p] == nil {
            unallocated.append(facilities.features[point.facility].id)
        }
    }

    /// Splits a polygonal facility over the districts it overlaps; false when it overlaps none.
    private mutating func allocateByArea(_ layer: InputLayer, _ facility: InputFeature, _ index: SpatialIndex) throws -> Bool {
        let footprint = try NativeGeometry(facility.geometry)
        let total = try footprint.area()
        guard total > 0 else {
            // Lines or collapsed shapes: placed where a point on them lies.
            let anchor = try footprint.pointOnSurface()
            guard let d = try index.query(anchor, predicate: .intersects).first else { return false }
            sharesByDistrict[d].append(share(layer, facility, .inside, 1))
            return true
        }
        var allocated = false
        for d in try index.query(footprint, predicate: .intersects) {
            let inside = try footprint.intersection(index.geometries[d]).area() / total
            guard inside > 0 else { continue }
            sharesByDistrict[d].append(share(layer, facility, inside >= 1 - 1e-9 ? .inside : .partlyInside, min(inside, 1)))
            allocated = true
        }
        return allocated
    }

    private func share(_ layer: InputLayer, _ facility: InputFeature, _ how: FacilityShare.How, _ share: Double) -> FacilityShare {
        func value(_ field: String?) -> AttributeValue? { field.flatMap { facility.attributes[$0] } }
        return FacilityShare(id: facility.id, name: value(fields.name)?.text, kind: kindOf(facility), how: how, share: share,
                             floorAreaM2: value(fields.floorArea)?.number, landAreaM2: value(fields.landArea)?.number,
                             childcarePlaces: value(fields.childcarePlaces)?.number, beds: value(fields.capacity)?.number)
    }

    /// The facility layer's source fields for the canonical names a share reads, looked up once
    /// rather than through `InputLayer.value` (two string-keyed look-ups) five times per facility.
    private struct Fields {
        var name, floorArea, landArea, childcarePlaces, capacity: String?

        init(_ layer: InputLayer) {
            let m = layer.fieldMapping
            (name, floorArea, landArea) = (m["name"], m["floor_area_m2"], m["land_area_m2"])
            (childcarePlaces, capacity) = (m["childcare_places"], m["capacity"])
        }
    }
}
