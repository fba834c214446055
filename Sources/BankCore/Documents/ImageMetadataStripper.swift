/// Removes what a photo says about where and with what it was taken before the bank stores it (§2.3.2, §2.1
/// minimisation; ARCHITECTURE.md "photo metadata (EXIF, GPS) is stripped on upload").
///
/// Both parsers keep an allow-list rather than a deny-list: what the picture needs to be decoded and shown as
/// taken stays, everything else goes, so a metadata block we have never heard of is removed too. Each also checks
/// the file's structure on the way, so a file that does not parse is refused, never stored half-understood.
/// Pure functions over bytes, no I/O: the server and the tests call them the same way.
public enum ImageMetadataStripper {
    /// The picture without its metadata, and the names of what was removed (segment or chunk names, never content).
    public struct Stripped: Equatable, Sendable {
        public let bytes: [UInt8]
        /// For example `["APP1", "COM"]` or `["eXIf", "tEXt"]`; `trailer` for bytes after the end of the image.
        public let removed: [String]
    }

    /// Strips a JPEG or PNG; other formats are refused.
    public static func strip(_ bytes: [UInt8], as format: DocumentFormat) throws -> Stripped {
        switch format {
        case .jpeg: try stripJPEG(bytes)
        case .png: try stripPNG(bytes)
        case .pdf: throw DocumentContentError.unsupportedType
        }
    }

    /// Appends `name` once, keeping the order in which things were first met.
    static func note(_ name: String, in removed: inout [String]) {
        if !removed.contains(name) { removed.append(name) }
    }
}
