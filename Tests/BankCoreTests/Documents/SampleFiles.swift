import BankCore

/// Small pictures and PDFs built byte by byte for the §2.3.2 tests: structurally valid, with the metadata a phone
/// would write (EXIF with a GPS IFD, XMP, IPTC, comments, PNG text chunks). Shared by BankCoreTests and (through a
/// symbolic link) BankServerTests.
enum SampleFiles {
    /// The GPS IFD pointer tag (0x8825) as it appears in a big-endian EXIF IFD entry.
    static let gpsPointerTag: [UInt8] = [0x88, 0x25, 0x00, 0x04]
    /// The coordinates written into every comment and text chunk, so a test can look for them.
    static let coordinates = "43.238949,76.889709"
    /// The entropy-coded data of every sample JPEG: a stuffed `FF 00` and a restart marker inside.
    static let scanData: [UInt8] = [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xBC, 0xDE]

    // MARK: - JPEG

    static func jpegSegment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// A TIFF structure (big-endian) whose IFD0 names the camera and points to a GPS IFD with latitude and longitude.
    static func exifWithGPS() -> [UInt8] {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]
        // IFD0 at 8: two entries — Make (ASCII, 6 bytes at offset 38) and the GPS IFD pointer (offset 44).
        tiff += [0x00, 0x02]
        tiff += [0x01, 0x0F, 0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x26]
        tiff += gpsPointerTag + [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x2C]
        tiff += [0x00, 0x00, 0x00, 0x00]
        tiff += Array("Pixel\0".utf8)
        // GPS IFD at 44: GPSLatitudeRef "N", GPSLongitudeRef "E".
        tiff += [0x00, 0x02]
        tiff += [0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02] + Array("N\0".utf8) + [0x00, 0x00]
        tiff += [0x00, 0x03, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02] + Array("E\0".utf8) + [0x00, 0x00]
        tiff += [0x00, 0x00, 0x00, 0x00]
        return tiff
    }

    /// Decodable-looking JPEG: SOI, APP0 JFIF, APP1 EXIF with GPS, APP1 XMP, APP13 IPTC, COM, APP2 ICC, APP14 Adobe,
    /// DQT, SOF0, DHT, SOS with its scan data, EOI, and bytes after EOI.
    static func jpeg(metadata: Bool = true, trailer: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += jpegSegment(0xE0, Array("JFIF\0".utf8) + [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
        if metadata {
            bytes += jpegSegment(0xE1, Array("Exif\0\0".utf8) + exifWithGPS())
            bytes += jpegSegment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>\(coordinates)</x:xmpmeta>".utf8))
            bytes += jpegSegment(0xED, Array("Photoshop 3.0\08BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + Array(coordinates.utf8))
            bytes += jpegSegment(0xFE, Array("Shot at \(coordinates)".utf8))
        }
        bytes += jpegSegment(0xE2, Array("ICC_PROFILE\0".utf8) + [0x01, 0x01, 0x00, 0x00])
        bytes += jpegSegment(0xEE, Array("Adobe".utf8) + [0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x01])
        bytes += jpegSegment(0xDB, [0x00] + [UInt8](repeating: 0x01, count: 64))
        bytes += jpegSegment(0xC0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00])
        bytes += jpegSegment(0xC4, [0x00] + [0x01] + [UInt8](repeating: 0x00, count: 15) + [0x00])
        bytes += jpegSegment(0xDA, [0x01, 0x01, 0x00, 0x00, 0x3F, 0x00])
        bytes += scanData
        bytes += [0xFF, 0xD9]
        if trailer { bytes += Array("MPF second image with \(coordinates)".utf8) }
        return bytes
    }

    // MARK: - PNG

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let length = UInt32(data.count)
        let typeBytes = Array(type.utf8)
        let crc = CRC32.checksum(typeBytes + data)
        return bigEndian(length) + typeBytes + data + bigEndian(crc)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// A 1×1 grey PNG with sRGB and pHYs (kept) and tEXt, zTXt, iTXt, eXIf, tIME (removed), and bytes after IEND.
    static func png(metadata: Bool = true, trailer: Bool = true) -> [UInt8] {
        var bytes = pngSignature
        bytes += pngChunk("IHDR", bigEndian(1) + bigEndian(1) + [0x08, 0x00, 0x00, 0x00, 0x00])
        bytes += pngChunk("sRGB", [0x00])
        if metadata {
            bytes += pngChunk("tEXt", Array("Comment\0Shot at \(coordinates)".utf8))
            bytes += pngChunk("eXIf", exifWithGPS())
            bytes += pngChunk("tIME", [0x07, 0xEA, 0x0B, 0x19, 0x09, 0x28, 0x00])
            bytes += pngChunk("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>\(coordinates)</x:xmpmeta>".utf8))
            bytes += pngChunk("zTXt", Array("Author\0\0".utf8) + [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        }
        bytes += pngChunk("pHYs", bigEndian(2835) + bigEndian(2835) + [0x01])
        // zlib stream of one scanline: filter byte 0 and one grey pixel.
        bytes += pngChunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
        bytes += pngChunk("IEND", [])
        if trailer { bytes += Array("appended \(coordinates)".utf8) }
        return bytes
    }

    // MARK: - PDF

    static func pdf(_ objects: String = "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj") -> [UInt8] {
        Array("%PDF-1.7\n\(objects)\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    }
}

extension Array where Element == UInt8 {
    func containsBytes(_ needle: [UInt8]) -> Bool { firstRange(of: needle) != nil }
    func containsText(_ text: String) -> Bool { containsBytes(Array(text.utf8)) }
}
