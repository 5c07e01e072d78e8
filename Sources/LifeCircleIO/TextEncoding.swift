import CGDAL

/// The encoding tried when a file's text turns out not to be UTF-8: a superset of GBK/CP936,
/// which Chinese Windows software writes Shapefile .dbf files and CSVs in.
let fallbackEncoding = "GB18030"

/// Turns the bytes GDAL hands back into Swift strings, noting whether any were not valid UTF-8.
///
/// Drivers that recode themselves (Shapefile's ENCODING open option) leave nothing to do; for the
/// others, text in a known non-UTF-8 encoding is converted with GDAL's CPLRecode.
final class TextDecoder {
    enum Mode {
        case utf8
        case recode(from: String)
    }

    let mode: Mode
    private(set) var sawInvalidUTF8 = false

    init(_ mode: Mode) { self.mode = mode }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        switch mode {
        case .utf8:
            if let valid = String(validating: bytes, as: UTF8.self) { return valid }
            sawInvalidUTF8 = true
            return String(decoding: bytes, as: UTF8.self)
        case .recode(let encoding):
            guard bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
            let recoded = CPLRecode(pointer, encoding, CPL_ENC_UTF8)
            defer { VSIFree(recoded) }
            return String(cString: recoded)
        }
    }
}

/// How the encoding of a read was settled.
enum EncodingChoice {
    /// UTF-8: the file declares no encoding and its text is valid UTF-8.
    case utf8
    /// What the file declares (a Shapefile's .cpg or language-driver byte), which GDAL decoded.
    /// `invalidText`: some text still was not valid UTF-8 (shown with replacement characters).
    case declared(String, invalidText: Bool)
    /// The file declares nothing and its text is not UTF-8: it was read as `fallbackEncoding`.
    case detected
    case requested(String)
}

/// Opens `path` and runs `body` on it; if `body` met text that is not valid UTF-8 and the file declares
/// no encoding, opens the file again and reruns `body` reading the text as GB18030. A declared encoding
/// is trusted; with `requested`, the text is read in that encoding only.
func withEncodingFallback<T>(
    path: String, requested: String?, log: GDALMessageLog,
    _ body: (OGRDataset, TextDecoder) throws -> T
) throws -> (T, EncodingChoice) {
    func read(as encoding: String) throws -> T {
        let dataset = try OGRDataset(path: path, encoding: encoding, log: log)
        return try body(dataset, TextDecoder(dataset.acceptsEncodingOption ? .utf8 : .recode(from: encoding)))
    }
    if let requested { return (try read(as: requested), .requested(requested)) }

    let text = TextDecoder(.utf8)
    let dataset = try OGRDataset(path: path, encoding: nil, log: log)
    let value = try body(dataset, text)
    if let declared = dataset.declaredEncoding { return (value, .declared(declared, invalidText: text.sawInvalidUTF8)) }
    guard text.sawInvalidUTF8 else { return (value, .utf8) }
    // The first pass's messages were about undecoded bytes.
    log.clear()
    return (try read(as: fallbackEncoding), .detected)
}
