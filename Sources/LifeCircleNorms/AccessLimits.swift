/// The largest service circle LifeCircle takes, from a pack or from a user: past these a number is
/// a mistake (`1e19`, `inf`), not a plan, and is refused where it enters.
public enum AccessLimits {
    /// Ten hours of travel.
    public static let minutes = 600.0
    /// 100 km in a straight line.
    public static let radiusMetres = 100_000.0
}
