/// Choices a caller can make when reading a layer.
public struct ReadOptions: Hashable, Sendable {
    /// The x (longitude/easting) column of a table, instead of guessing it.
    public var xColumn: String?
    /// The y (latitude/northing) column of a table, instead of guessing it.
    public var yColumn: String?
    /// A column holding WKT geometries, instead of guessing it.
    public var wktColumn: String?
    /// The text encoding to read with (e.g. "GBK"), instead of detecting it.
    public var encoding: String?

    public init(xColumn: String? = nil, yColumn: String? = nil, wktColumn: String? = nil, encoding: String? = nil) {
        self.xColumn = xColumn
        self.yColumn = yColumn
        self.wktColumn = wktColumn
        self.encoding = encoding
    }
}
