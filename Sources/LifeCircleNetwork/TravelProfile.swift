/// How fast people move along the network, and how long a service circle's trip may take.
///
/// `speed` applies to every road class not in `speedByClass` and to the straight legs between a
/// point and the street it snaps to.
public struct TravelProfile: Hashable, Sendable, Codable {
    public var name: String
    /// Metres per second.
    public var speed: Double
    /// Metres per second by road class (an OSM `highway` value, or a centreline layer's class).
    public var speedByClass: [String: Double]
    /// The service circle: trips up to this many minutes count as served.
    public var minutes: Double

    public init(name: String, speed: Double, speedByClass: [String: Double] = [:], minutes: Double = 15) {
        self.name = name
        self.speed = speed
        self.speedByClass = speedByClass
        self.minutes = minutes
    }

    /// 1.0 m/s: 900 m in the 15 minutes of the 15-minute life circle. The default.
    public static let walk = TravelProfile(name: "walk", speed: 1.0)

    /// 0.8 m/s: older people's walking pace, 720 m in 15 minutes.
    public static let elderly = TravelProfile(name: "elderly", speed: 0.8)

    /// An example for villages, to adapt to the place: an e-bike at 4.2 m/s (about 15 km/h) on
    /// roads, walking pace (1.0 m/s) on footways, paths and steps, on classes it does not list, and
    /// on the legs to and from the road.
    public static let villageEbike = TravelProfile(name: "village-ebike", speed: 1.0, speedByClass: [
        "primary": 4.2, "primary_link": 4.2, "secondary": 4.2, "secondary_link": 4.2,
        "tertiary": 4.2, "tertiary_link": 4.2, "unclassified": 4.2, "residential": 4.2,
        "living_street": 4.2, "service": 4.2, "road": 4.2, "track": 4.2, "cycleway": 4.2,
        "footway": 1.0, "path": 1.0, "pedestrian": 1.0, "steps": 1.0,
    ])

    /// The shipped profiles, by name.
    public static let builtIn: [String: TravelProfile] = [
        walk.name: walk, elderly.name: elderly, villageEbike.name: villageEbike,
    ]

    /// The time budget in seconds.
    public var seconds: Double { minutes * 60 }

    /// The speed on a road of class `roadClass`.
    public func speed(on roadClass: String) -> Double {
        speedByClass[roadClass] ?? speed
    }
}
