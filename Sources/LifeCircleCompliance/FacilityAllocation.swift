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
    var sharesByDistrict: [[FacilityShare]] = []
    var unallocated: [String] = []
    var warnings: [String] = []
    /// Per facility, what it brings (figures, kind), as a share of 1; read once, on every core.
    private let whole: [FacilityShare]

    /// `kindOf` names a facility's kind (an id of the pack's facility kinds), for rules about one kind.
    init(districts: InputLayer, facilities: InputLayer, index: SpatialIndex, kindOf: @escaping @Sendable (InputFeature) -> String?) throws {
        let fields = Fields(facilities)
        whole = Array(facilities.features.indices).parallelMap { f in
            fields.share(facilities.features[f], kind: kindOf(facilities.features[f]))
        }
        let districtField = facilities.fieldMapping["district_id"]
        // Districts by id, made only when some facility names one.
        var districtIndexByID: [String: Int]?
        func district(named id: String) -> Int? {
            if districtIndexByID == nil {
                districtIndexByID = Dictionary(districts.features.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
            return districtIndexByID?[id]
        }

        sharesByDistrict = Array(repeating: [], count: districts.features.count)
        var points: [(facility: Int, coordinate: Coordinate)] = []
        for (f, facility) in facilities.features.enumerated() {
            if let districtField, let named = facility.attributes[districtField]?.text, !named.isEmpty {
                if let d = district(named: named) {
                    sharesByDistrict[d].append(share(f, .assigned, 1))
                    continue
                }
                warnings.append("facility \(facility.id): district_id \"\(named)\" names no district; placed by its location instead")
            }
            if case .point(let p) = facility.geometry {
                points.append((f, p.coordinate))
            } else {
                let parts = try sharesByArea(f, facility, index)
                if parts.isEmpty { unallocated.append(facility.id) }
                for (d, share) in parts { sharesByDistrict[d].append(share) }
            }
        }

        let pairs = try index.query(points: points.map(\.coordinate), predicate: .intersects)
        var placedIn = [Int](repeating: -1, count: points.count)
        for (p, d) in zip(pairs.input, pairs.tree) {
            // On a shared boundary a point touches two districts; it serves the first only.
            let first = placedIn[p]
            guard first < 0 else {
                let id = facilities.features[points[p].facility].id
                warnings.append("facility \(id) lies on the boundary of districts \(districts.features[first].id) and \(districts.features[d].id); counted once, in \(districts.features[first].id)")
                continue
            }
            placedIn[p] = d
        }
        // Each district's list grown once, to its size, before the points are added.
        var count = sharesByDistrict.map(\.count)
        for d in placedIn where d >= 0 { count[d] += 1 }
        for d in sharesByDistrict.indices where count[d] > sharesByDistrict[d].count {
            sharesByDistrict[d].reserveCapacity(count[d])
        }
        for (p, point) in points.enumerated() {
            if placedIn[p] >= 0 {
                sharesByDistrict[placedIn[p]].append(share(point.facility, .inside, 1))
            } else {
                unallocated.append(facilities.features[point.facility].id)
            }
        }
    }

    /// A polygonal facility's shares in the districts it overlaps; none when it overlaps none.
    private func sharesByArea(_ f: Int, _ facility: InputFeature, _ index: SpatialIndex) throws -> [(district: Int, share: FacilityShare)] {
        let footprint = try NativeGeometry(facility.geometry)
        let total = try footprint.area()
        guard total > 0 else {
            // Lines or collapsed shapes: placed where their anchor lies (`FeatureAnchor`: a point on them).
            let anchor = try NativeGeometry(.point(Point(try FeatureAnchor.locate(facility.geometry).0)))
            guard let d = try index.query(anchor, predicate: .intersects).first else { return [] }
            return [(d, share(f, .inside, 1))]
        }
        var parts: [(district: Int, share: FacilityShare)] = []
        for d in try index.query(footprint, predicate: .intersects) {
            let inside = try footprint.intersection(index.geometries[d]).area() / total
            guard inside > 0 else { continue }
            parts.append((d, share(f, inside >= 1 - 1e-9 ? .inside : .partlyInside, min(inside, 1))))
        }
        return parts
    }

    /// Facility `f`'s figures, counted `how` and by `share`.
    private func share(_ f: Int, _ how: FacilityShare.How, _ share: Double) -> FacilityShare {
        var counted = whole[f]
        counted.how = how
        counted.share = share
        return counted
    }

    /// The facility layer's source fields for the canonical names a share reads, looked up once
    /// rather than through `InputLayer.value` (two string-keyed look-ups) five times per facility.
    private struct Fields: Sendable {
        var name, floorArea, landArea, childcarePlaces, capacity: String?

        init(_ layer: InputLayer) {
            let m = layer.fieldMapping
            (name, floorArea, landArea) = (m["name"], m["floor_area_m2"], m["land_area_m2"])
            (childcarePlaces, capacity) = (m["childcare_places"], m["capacity"])
        }

        /// A facility's figures, wholly counted.
        func share(_ facility: InputFeature, kind: String?) -> FacilityShare {
            func value(_ field: String?) -> AttributeValue? { field.flatMap { facility.attributes[$0] } }
            return FacilityShare(id: facility.id, name: value(name)?.text, kind: kind, how: .inside, share: 1,
                                 floorAreaM2: value(floorArea)?.number, landAreaM2: value(landArea)?.number,
                                 childcarePlaces: value(childcarePlaces)?.number, beds: value(capacity)?.number)
        }
    }
}
