/// An uploaded file made ready to store (§2.3.2): its format from its bytes, checked against the declared type,
/// its structure parsed, and, for pictures, its metadata removed.
public struct SanitizedDocument: Equatable, Sendable {
    public let format: DocumentFormat
    /// What the bank stores: the picture without its metadata, or the PDF unchanged.
    public let bytes: [UInt8]
    /// What was removed (segment or chunk names); empty for a PDF.
    public let removedMetadata: [String]
}

public enum DocumentSanitizer {
    /// Refuses an empty file, bytes of no accepted format, bytes that disagree with `declared`, a file that does not
    /// parse and a PDF with JavaScript; otherwise returns what to store.
    public static func sanitize(_ bytes: [UInt8], declared: DocumentFormat) throws -> SanitizedDocument {
        guard !bytes.isEmpty else { throw DocumentContentError.empty }
        guard let actual = DocumentFormat(sniffing: bytes) else { throw DocumentContentError.unsupportedType }
        guard actual == declared else { throw DocumentContentError.typeMismatch(declared: declared, actual: actual) }
        switch actual {
        case .jpeg, .png:
            let stripped = try ImageMetadataStripper.strip(bytes, as: actual)
            return SanitizedDocument(format: actual, bytes: stripped.bytes, removedMetadata: stripped.removed)
        case .pdf:
            try PDFInspector.inspect(bytes)
            return SanitizedDocument(format: actual, bytes: bytes, removedMetadata: [])
        }
    }
}
