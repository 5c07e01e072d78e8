import Foundation
import LifeCircleGEOS
import LifeCircleGeometry

/// Validates a geometry with GEOS and repairs it when it can: the one place the loader and
/// `inspect` decide what an invalid geometry becomes.
public enum GeometryCheck {
    public struct Checked: Sendable {
        public var geometry: Geometry
        public var repair: (reason: String, result: String)?
    }

    public struct Unrepairable: Error, Sendable {
        public var reason: String
    }

    /// The geometry itself when valid; its make-valid repair when that keeps its dimension;
    /// otherwise `Unrepairable` with GEOS's reason. `areaUnit` names the square unit of the
    /// coordinates, for the repair's description.
    public static func validate(_ geometry: Geometry, areaUnit: String) throws -> Checked {
        // A point is valid when it is finite: no GEOS round trip for 200,000 facility points.
        if case .point(let p) = geometry, p.coordinate.isFinite { return Checked(geometry: geometry, repair: nil) }
        // GEOS cannot even build a ring of fewer than 4 points (OSM multipolygons with broken
        // members have them): drop those rings first, and say so.
        let (buildable, dropped) = droppingDegenerateRings(geometry)
        guard !buildable.isEmpty else {
            throw Unrepairable(reason: "every ring has fewer than 4 points")
        }
        let native: NativeGeometry
        do { native = try NativeGeometry(buildable) } catch { throw Unrepairable(reason: "\(error)") }
        let validity = try native.validity()
        let droppedNote = dropped > 0 ? "\(dropped) ring(s) with fewer than 4 points dropped" : nil
        if validity.isValid {
            guard let droppedNote else { return Checked(geometry: geometry, repair: nil) }
            return Checked(geometry: buildable, repair: (droppedNote, "\(native.typeName), area \(formatted(try native.area())) \(areaUnit)"))
        }
        let repaired = try native.madeValid()
        // A polygon that collapses to lines or nothing is no longer the area the user drew.
        let keptPolygons = geometry.polygons.isEmpty || !repaired.value.polygons.isEmpty
        guard !repaired.isEmpty, keptPolygons else { throw Unrepairable(reason: validity.reason) }
        let result = geometry.polygons.isEmpty
            ? repaired.typeName
            : "\(repaired.typeName), area \(formatted(try native.area())) → \(formatted(try repaired.area())) \(areaUnit)"
        let reason = [validity.reason, droppedNote].compactMap { $0 }.joined(separator: "; ")
        return Checked(geometry: repaired.value, repair: (reason, result))
    }

    /// The geometry without polygon rings too short to be rings, and how many were dropped.
    static func droppingDegenerateRings(_ geometry: Geometry) -> (Geometry, Int) {
        var dropped = 0
        func clean(_ p: Polygon) -> Polygon? {
            guard p.exterior.count >= 4 else { dropped += 1 + p.interiors.count; return nil }
            let holes = p.interiors.filter { $0.count >= 4 }
            dropped += p.interiors.count - holes.count
            return Polygon(exterior: p.exterior, interiors: holes)
        }
        func clean(_ g: Geometry) -> Geometry {
            switch g {
            case .polygon(let p): clean(p).map(Geometry.polygon) ?? .multiPolygon([])
            case .multiPolygon(let ps): .multiPolygon(ps.compactMap(clean))
            case .geometryCollection(let gs): .geometryCollection(gs.map(clean))
            default: g
            }
        }
        let cleaned = clean(geometry)
        return (cleaned, dropped)
    }

    private static func formatted(_ area: Double) -> String {
        // Enough digits for both square metres and square degrees.
        String(format: "%.6g", area)
    }
}
