/// Why an uploaded file was refused (§2.3.2). `code` is part of the public contract (problem+json), so the strings
/// never change once shipped; `reason` says what exactly was wrong, for tests and logs, and holds no file content.
public enum DocumentContentError: Error, Equatable, Sendable {
    /// No bytes at all.
    case empty
    /// The bytes are none of the accepted formats (HEIC included: the app converts it to JPEG before upload).
    case unsupportedType
    /// The bytes are one accepted format and the request declared another.
    case typeMismatch(declared: DocumentFormat, actual: DocumentFormat)
    /// The bytes start like the format but do not parse: a truncated file, a segment running past the end, a bad CRC.
    case malformed(reason: String)
    /// A PDF carrying JavaScript.
    case activeContent

    public var code: String {
        switch self {
        case .empty: "document_empty"
        case .unsupportedType: "document_type_unsupported"
        case .typeMismatch: "document_type_mismatch"
        case .malformed: "document_malformed"
        case .activeContent: "document_active_content"
        }
    }
}
