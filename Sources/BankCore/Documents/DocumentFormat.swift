/// The file types the bank accepts for photos and documents (§2.3.2), told apart by their first bytes, never by a
/// name or a declared type: a client (or an attacker) controls both, not what the bytes are.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case jpeg
    case png
    case pdf

    /// The media type the bank stores and serves the file as.
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        }
    }

    /// The file name extension used when the file is downloaded.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .pdf: "pdf"
        }
    }

    /// The format a declared media type names (`image/jpeg`, `image/png`, `application/pdf`), if it is one of ours.
    public init?(mediaType: String) {
        guard let format = Self.allCases.first(where: { $0.mediaType == mediaType.lowercased() }) else { return nil }
        self = format
    }

    /// The format the bytes are, by their signature: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, PDF `%PDF-`.
    public init?(sniffing bytes: [UInt8]) {
        guard let format = Self.allCases.first(where: { bytes.starts(with: $0.signature) }) else { return nil }
        self = format
    }

    var signature: [UInt8] {
        switch self {
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .pdf: Array("%PDF-".utf8)
        }
    }
}
