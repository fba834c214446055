extension ImageMetadataStripper {
    /// The ancillary chunks that change how the picture looks (colour, transparency, pixel size, animation); every
    /// other ancillary chunk goes: tEXt, zTXt, iTXt (captions, software, XMP), eXIf (camera, GPS), tIME, and any
    /// private chunk we do not know.
    static let renderingChunks: Set<String> = [
        "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLi", "bKGD", "hIST", "tRNS", "pHYs", "sPLT", "acTL", "fcTL", "fdAT",
    ]

    /// A PNG (ISO/IEC 15948) with only its critical chunks (IHDR, PLTE, IDAT, IEND) and the rendering chunks above.
    /// Every chunk's CRC is checked before anything is kept; kept chunks are copied whole, so their CRCs stay valid.
    /// Anything after IEND is dropped.
    public static func stripPNG(_ input: [UInt8]) throws -> Stripped {
        let signature = DocumentFormat.png.signature
        guard input.starts(with: signature) else { throw pngMalformed("no PNG signature") }
        var output = signature
        output.reserveCapacity(input.count)
        var removed: [String] = []
        var offset = signature.count
        var sawData = false
        while offset < input.count {
            guard offset + 12 <= input.count else { throw pngMalformed("a chunk header past the end (truncated)") }
            let length = Int(bigEndian32(input, at: offset))
            guard length <= 0x7FFF_FFFF, length <= input.count - offset - 12 else { throw pngMalformed("a chunk running past the end") }
            let typeBytes = input[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw pngMalformed("a chunk type that is not four letters at byte \(offset)")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let end = offset + 12 + length
            guard CRC32.checksum(input[(offset + 4)..<(end - 4)]) == bigEndian32(input, at: end - 4) else {
                throw pngMalformed("a bad CRC in \(type)")
            }
            if offset == signature.count, type != "IHDR" || length != 13 { throw pngMalformed("the first chunk is not IHDR") }
            let critical = typeBytes.first.map { $0 & 0x20 == 0 } ?? false
            if critical || renderingChunks.contains(type) {
                output += input[offset..<end]
            } else {
                note(type, in: &removed)
            }
            offset = end
            if type == "IDAT" { sawData = true }
            if type == "IEND" {
                guard sawData else { throw pngMalformed("no IDAT chunk") }
                if offset < input.count { note("trailer", in: &removed) }
                return Stripped(bytes: output, removed: removed)
            }
        }
        throw pngMalformed("no IEND chunk (truncated)")
    }

    static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func pngMalformed(_ reason: String) -> DocumentContentError { .malformed(reason: "PNG: " + reason) }
}

/// CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320), over a chunk's type and data.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }

    public static func checksum<Bytes: Collection>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
