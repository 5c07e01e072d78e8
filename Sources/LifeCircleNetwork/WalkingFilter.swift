/// Which OSM ways make the default walking network.
///
/// Every way with a `highway` tag, except the values in `excludedHighways`; and without `area=yes`,
/// without `foot=no`, and without `access=no` or `access=private` — unless `foot=yes`,
/// `foot=designated` or `foot=permissive` says walkers may pass anyway (the exception lifts the
/// access restriction only: an area stays an area).
public enum WalkingFilter {
    /// `highway` values that are no walking street: motor roads, and ways not (or no longer) built.
    public static let excludedHighways: Set<String> = [
        "motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "abandoned",
        "platform", "raceway", "bus_guideway",
    ]

    private static let footAllowed: Set<String> = ["yes", "designated", "permissive"]

    /// Nil when the way is walkable, else why not — "no highway tag", "highway=motorway",
    /// "area=yes", "foot=no", "access=private" … — for the network report.
    public static func exclusion(highway: String?, tags: [String: String]) -> String? {
        guard let highway else { return "no highway tag" }
        if excludedHighways.contains(highway) { return "highway=\(highway)" }
        if tags["area"] == "yes" { return "area=yes" }
        if tags["foot"] == "no" { return "foot=no" }
        if let access = tags["access"], access == "no" || access == "private",
           !footAllowed.contains(tags["foot"] ?? "") {
            return "access=\(access)"
        }
        return nil
    }
}
