import CGDAL

/// A field's type, as far as LifeCircle cares.
public enum FieldType: String, Hashable, Sendable, Codable {
    case integer, real, string, date, time, dateTime
    /// Lists and binary fields, read as GDAL's text form and written as strings.
    case other

    init(_ type: OGRFieldType) {
        switch type {
        case OFTInteger, OFTInteger64: self = .integer
        case OFTReal: self = .real
        case OFTString: self = .string
        case OFTDate: self = .date
        case OFTTime: self = .time
        case OFTDateTime: self = .dateTime
        default: self = .other
        }
    }

    /// The type to create in an output file; 64-bit integers so OSM ids and large counts fit.
    var ogrType: OGRFieldType {
        switch self {
        case .integer: OFTInteger64
        case .real: OFTReal
        case .string, .other: OFTString
        case .date: OFTDate
        case .time: OFTTime
        case .dateTime: OFTDateTime
        }
    }
}

/// A layer's attribute field: the read schema, and the schema a writer creates.
public struct FieldInfo: Hashable, Sendable, Codable {
    public var name: String
    public var type: FieldType

    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}
