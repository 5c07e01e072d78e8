import CGDAL
import Foundation

/// Where rejections of one layer are filed.
struct RejectionContext {
    let source: String
    let layer: String
    /// The field whose value identifies a feature to a person (see `FieldAliases`), if any.
    let idField: String?

    func rejection(index: Int, attributes: [String: AttributeValue], reason: String) -> Rejection {
        Rejection(source: source, layer: layer, index: index,
                  id: idField.flatMap { attributes[$0]?.text }, reason: reason)
    }
}

/// Reads every feature of `layer` from the start: attributes always, the layer's geometry when `withGeometry`.
/// A feature GDAL raised an error on, or whose geometry LifeCircle cannot hold, becomes a rejection.
func readFeatures(
    of layer: OGRLayerH, fields: [FieldInfo], withGeometry: Bool,
    text: TextDecoder, context: RejectionContext, log: GDALMessageLog
) throws -> (records: [FeatureRecord], rejections: [Rejection]) {
    var records: [FeatureRecord] = []
    var rejections: [Rejection] = []
    OGR_L_ResetReading(layer)
    var index = 0
    while true {
        let mark = log.count
        guard let feature = OGR_L_GetNextFeature(layer) else {
            if let failure = log.lastFailure(since: mark) {
                throw IOError.readFailed(path: context.source, layer: context.layer, message: failure)
            }
            break
        }
        defer {
            OGR_F_Destroy(feature)
            index += 1
        }
        var attributes: [String: AttributeValue] = [:]
        for (i, field) in zip(Int32(0)..., fields) {
            attributes[field.name] = attribute(of: feature, at: i, type: field.type, text: text)
        }
        func reject(_ reason: String) {
            rejections.append(context.rejection(index: index, attributes: attributes, reason: reason))
        }
        if let failure = log.lastFailure(since: mark) {
            reject("GDAL: \(failure)")
            continue
        }
        let fid = OGR_F_GetFID(feature)
        var record = FeatureRecord(index: index, fid: fid == OGRNullFID ? nil : fid, geometry: nil, attributes: attributes)
        if withGeometry, let geometry = OGR_F_GetGeometryRef(feature) {
            do {
                record.geometry = try readGeometry(geometry)
            } catch {
                reject("unsupported geometry type \(error.typeName)")
                continue
            }
        }
        records.append(record)
    }
    return (records, rejections)
}

private func attribute(of feature: OGRFeatureH, at i: Int32, type: FieldType, text: TextDecoder) -> AttributeValue {
    guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0 else { return .null }
    switch type {
    case .integer: return .int(OGR_F_GetFieldAsInteger64(feature, i))
    case .real: return .double(OGR_F_GetFieldAsDouble(feature, i))
    case .date, .time, .dateTime: return .string(isoDateTime(of: feature, at: i, type: type))
    case .string, .other: return .string(text.string(OGR_F_GetFieldAsString(feature, i)))
    }
}

/// ISO 8601 text for a date/time field (GDAL's own text form is "2024/01/05 08:30:00").
private func isoDateTime(of feature: OGRFeatureH, at i: Int32, type: FieldType) -> String {
    var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, zone: Int32 = 0
    var second: Float = 0
    _ = OGR_F_GetFieldAsDateTimeEx(feature, i, &year, &month, &day, &hour, &minute, &second, &zone)
    let date = String(format: "%04d-%02d-%02d", year, month, day)
    let time = String(format: "%02d:%02d:", hour, minute)
        + (second == second.rounded() ? String(format: "%02d", Int(second)) : String(format: "%06.3f", second))
    // GDAL's zone flag: 0 unknown, 1 local time, 100 UTC, else 100 + offset in quarter hours.
    let offset = Int(zone) - 100
    let suffix = zone < 100 ? "" : offset == 0 ? "Z"
        : (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 4, abs(offset) % 4 * 15)
    switch type {
    case .date: return date
    case .time: return time
    default: return date + "T" + time + suffix
    }
}
