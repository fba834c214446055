/// Checks an uploaded PDF (§2.3.2) without changing it.
///
/// PDF metadata (the Info dictionary, an XMP stream) is deliberately left as it is: documents uploaded to the bank
/// are often signed electronically, and a PDF signature covers byte ranges of the file, so removing anything would
/// break the signature the document is worth; and the metadata may sit inside compressed object streams and
/// incremental updates that only a full PDF writer could rewrite safely. Scanners and accounting programs, which
/// make these files, do not record where they were.
///
/// What is checked: the file ends with `%%EOF` (a truncated upload is refused), and no object outside a stream
/// names `/JS` or `/JavaScript` (written plainly or with `#xx` escapes). Compressed object streams (PDF 1.5+) are
/// not inflated, so this is a guard against the plain case, not a guarantee; the server never renders a PDF and
/// serves it only as an attachment in a sandbox (see `DocumentDownload`).
public enum PDFInspector {
    public static func inspect(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: DocumentFormat.pdf.signature) else { throw DocumentContentError.malformed(reason: "PDF: no %PDF- header") }
        let tail = bytes.suffix(1024)
        guard tail.firstRange(of: Array("%%EOF".utf8)) != nil else {
            throw DocumentContentError.malformed(reason: "PDF: no %%EOF at the end (truncated)")
        }
        var scanner = PDFNameScanner(bytes: bytes)
        while let name = scanner.nextName() {
            if name == Array("JS".utf8) || name == Array("JavaScript".utf8) { throw DocumentContentError.activeContent }
        }
    }
}

/// Finds the names (`/Name`) in a PDF's object syntax, skipping comments, strings and stream contents, so that bytes
/// inside a compressed stream or the text of a string are never read as a name.
private struct PDFNameScanner {
    let bytes: [UInt8]
    var offset = 0

    static let whitespace: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]
    static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8)
    static let streamKeyword = Array("stream".utf8)
    static let endStreamKeyword = Array("endstream".utf8)

    /// The next name with its `#xx` escapes decoded, or nil at the end.
    mutating func nextName() -> [UInt8]? {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "%"): skipLine()
            case UInt8(ascii: "("): skipString()
            case UInt8(ascii: "/"):
                offset += 1
                return readName()
            case UInt8(ascii: "s") where startsStream():
                skipStream()
            default: offset += 1
            }
        }
        return nil
    }

    private mutating func readName() -> [UInt8] {
        var name: [UInt8] = []
        while offset < bytes.count, !Self.whitespace.contains(bytes[offset]), !Self.delimiters.contains(bytes[offset]) {
            if bytes[offset] == UInt8(ascii: "#"), offset + 2 < bytes.count, let high = hexValue(bytes[offset + 1]),
                let low = hexValue(bytes[offset + 2])
            {
                name.append(high << 4 | low)
                offset += 3
            } else {
                name.append(bytes[offset])
                offset += 1
            }
        }
        return name
    }

    private mutating func skipLine() {
        while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
    }

    /// A literal string: balanced parentheses, with backslash escapes.
    private mutating func skipString() {
        var depth = 0
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\\"): offset += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    offset += 1
                    return
                }
            default: break
            }
            offset += 1
        }
    }

    /// The keyword `stream` at a token boundary, followed by an end of line.
    private func startsStream() -> Bool {
        guard bytes[offset...].starts(with: Self.streamKeyword) else { return false }
        let before = offset == 0 ? 0x20 : bytes[offset - 1]
        guard Self.whitespace.contains(before) || Self.delimiters.contains(before) else { return false }
        let after = offset + Self.streamKeyword.count
        return after < bytes.count && (bytes[after] == 0x0A || bytes[after] == 0x0D)
    }

    private mutating func skipStream() {
        let start = offset + Self.streamKeyword.count
        if let end = bytes[start...].firstRange(of: Self.endStreamKeyword) {
            offset = end.upperBound
        } else {
            offset = bytes.count
        }
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
