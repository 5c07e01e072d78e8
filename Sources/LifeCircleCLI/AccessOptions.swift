import ArgumentParser
import LifeCircleCRS
import LifeCircleCoverage
import LifeCircleInput
import LifeCircleNetwork
import LifeCircleNorms
import LifeCircleRuns

/// How access is measured — along a street network, or in a straight line — for `coverage` and `site`.
struct AccessOptions: ParsableArguments {
    @Option(help: "Streets: an OpenStreetMap extract (.osm.pbf, .osm) or a road-centreline layer. Without it: straight-line distance.")
    var network: String?

    @Option(name: .customLong("network-from"), help: "CRS of a centreline layer's coordinates.", transform: parseCRS)
    var networkFrom: CRS?

    @Option(help: "Travel profile on the network: walk (1.0 m/s, default), elderly (0.8 m/s), village-ebike.")
    var profile: String?

    @Option(help: "Minutes of travel that make the service circle (default: the pack's, else 15).")
    var minutes: Double?

    @Option(name: .customLong("max-snap"), help: "Metres beyond which a point is off-network, never snapped (default 500).")
    var maxSnap: Double = 500

    @Option(help: "Radius of the straight-line circle in metres, without --network (default: the pack's, else 1000).")
    var radius: Double?

    func validate() throws {
        if let radius, !(radius > 0 && radius <= AccessLimits.radiusMetres) {
            throw ValidationError("--radius must be above 0 and at most \(Int(AccessLimits.radiusMetres)) m, found \(radius)")
        }
        if let minutes, !(minutes > 0 && minutes <= AccessLimits.minutes) {
            throw ValidationError("--minutes must be above 0 and at most \(Int(AccessLimits.minutes)), found \(minutes)")
        }
        if !(maxSnap > 0 && maxSnap <= AccessLimits.radiusMetres) {
            throw ValidationError("--max-snap must be above 0 and at most \(Int(AccessLimits.radiusMetres)) m, found \(maxSnap)")
        }
        if let profile, TravelProfile.builtIn[profile] == nil {
            throw ValidationError("--profile \(profile): not one of \(TravelProfile.builtIn.keys.sorted().joined(separator: ", "))")
        }
        if network == nil, profile != nil || minutes != nil { throw ValidationError("--profile and --minutes need --network") }
        if network != nil, radius != nil { throw ValidationError("--radius is for the straight-line method, without --network") }
    }

    /// The option that declares the centreline layer's CRS, for error messages.
    var crsOptions: [String: String] { network.map { [$0: "--network-from"] } ?? [:] }

    var request: AccessRequest {
        AccessRequest(network: network.map { LayerInput($0, from: networkFrom) }, profile: profile, minutes: minutes,
                      maxSnap: maxSnap, radius: radius)
    }
}
