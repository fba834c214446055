import BankCore
import Testing

/// §2.3.2: photos lose where and with what they were taken before the bank stores them.
struct ImageMetadataStripperTests {
    @Test
    func jpeg_losesEXIFWithItsGPS_XMP_IPTC_comments_andTheTrailer_keepingWhatDecodingNeeds() throws {
        // given: a phone-like JPEG with EXIF (GPS IFD), XMP, IPTC, a comment and bytes after EOI
        let input = SampleFiles.jpeg()
        #expect(input.containsText("Exif") && input.containsBytes(SampleFiles.gpsPointerTag))
        // when
        let stripped = try ImageMetadataStripper.stripJPEG(input)
        // then: none of the metadata is left
        #expect(stripped.removed == ["APP1", "APP13", "COM", "trailer"])
        #expect(!stripped.bytes.containsText("Exif"))
        #expect(!stripped.bytes.containsBytes(SampleFiles.gpsPointerTag))
        #expect(!stripped.bytes.containsText("xmpmeta"))
        #expect(!stripped.bytes.containsText("8BIM"))
        #expect(!stripped.bytes.containsText(SampleFiles.coordinates))
        // and it is the same picture: SOI … EOI, JFIF, ICC, Adobe, tables, frame and scan data unchanged
        #expect(stripped.bytes.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]))
        #expect(Array(stripped.bytes.suffix(2)) == [0xFF, 0xD9])
        #expect(stripped.bytes == SampleFiles.jpeg(metadata: false, trailer: false))
        #expect(stripped.bytes.containsBytes(SampleFiles.scanData))
        // stripping twice changes nothing more
        let again = try ImageMetadataStripper.stripJPEG(stripped.bytes)
        #expect(again.bytes == stripped.bytes && again.removed.isEmpty)
    }

    @Test
    func jpeg_unknownApplicationSegments_andNonICCAPP2_areRemovedToo() throws {
        var input = SampleFiles.jpeg(metadata: false, trailer: false)
        let extra = SampleFiles.jpegSegment(0xE2, Array("MPF\0".utf8) + [0x01]) + SampleFiles.jpegSegment(0xE9, Array("Vendor".utf8))
        input.insert(contentsOf: extra, at: 2)
        let stripped = try ImageMetadataStripper.stripJPEG(input)
        #expect(stripped.removed == ["APP2", "APP9"])
        #expect(stripped.bytes == SampleFiles.jpeg(metadata: false, trailer: false))
    }

    enum JPEGDamage: String, CaseIterable, Sendable {
        case truncatedInTheScan, noEOI, segmentLongerThanTheFile, garbageWhereAMarkerBelongs

        func apply(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .truncatedInTheScan: Array(bytes.dropLast(5))
            case .noEOI: Array(bytes.dropLast(2))
            case .segmentLongerThanTheFile: Array(bytes.prefix(30))
            case .garbageWhereAMarkerBelongs: [0xFF, 0xD8, 0x00, 0x01, 0x02, 0x03] + Array(bytes.dropFirst(2))
            }
        }
    }

    @Test(arguments: JPEGDamage.allCases)
    func jpeg_thatDoesNotParse_isRefused(_ damage: JPEGDamage) {
        let damaged = damage.apply(SampleFiles.jpeg(trailer: false))
        let error = #expect(throws: DocumentContentError.self) { try ImageMetadataStripper.stripJPEG(damaged) }
        #expect(error?.code == "document_malformed")
    }

    @Test
    func jpeg_frameAndScanHeaders_mustMatchTheirComponentCounts() {
        let bad = [0xFF, 0xD8] + SampleFiles.jpegSegment(0xC0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x03, 0x01, 0x11, 0x00]) + [0xFF, 0xD9]
        #expect(throws: DocumentContentError.malformed(reason: "JPEG: a frame header whose length does not match its components")) {
            try ImageMetadataStripper.stripJPEG(bad)
        }
        let noFrame = [0xFF, 0xD8] + SampleFiles.jpegSegment(0xDA, [0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]) + SampleFiles.scanData + [0xFF, 0xD9]
        #expect(throws: DocumentContentError.malformed(reason: "JPEG: a scan before the frame header")) {
            try ImageMetadataStripper.stripJPEG(noFrame)
        }
    }

    @Test
    func png_losesTextEXIFAndTime_keepsRenderingChunks_andEveryCRCStaysValid() throws {
        // given
        let input = SampleFiles.png()
        // when
        let stripped = try ImageMetadataStripper.stripPNG(input)
        // then
        #expect(stripped.removed == ["tEXt", "eXIf", "tIME", "iTXt", "zTXt", "trailer"])
        #expect(stripped.bytes == SampleFiles.png(metadata: false, trailer: false))
        #expect(!stripped.bytes.containsText("Exif") && !stripped.bytes.containsBytes(SampleFiles.gpsPointerTag))
        #expect(!stripped.bytes.containsText(SampleFiles.coordinates))
        let chunks = try Self.chunks(of: stripped.bytes)
        #expect(chunks.map(\.type) == ["IHDR", "sRGB", "pHYs", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcIsValid })
    }

    @Test
    func png_withABadCRC_noIEND_orAnotherFirstChunk_isRefused() {
        var badCRC = SampleFiles.png(metadata: false, trailer: false)
        badCRC[SampleFiles.pngSignature.count + 8 + 2] ^= 0x01  // a bit of IHDR's width
        #expect(throws: DocumentContentError.malformed(reason: "PNG: a bad CRC in IHDR")) { try ImageMetadataStripper.stripPNG(badCRC) }
        let complete = SampleFiles.png(metadata: false, trailer: false)
        let noEnd = Array(complete.dropLast(12))
        #expect(throws: DocumentContentError.malformed(reason: "PNG: no IEND chunk (truncated)")) { try ImageMetadataStripper.stripPNG(noEnd) }
        let cut = Array(complete.dropLast(20))
        #expect(throws: DocumentContentError.self) { try ImageMetadataStripper.stripPNG(cut) }
        let headless = SampleFiles.pngSignature + SampleFiles.pngChunk("IDAT", [0x00]) + SampleFiles.pngChunk("IEND", [])
        #expect(throws: DocumentContentError.malformed(reason: "PNG: the first chunk is not IHDR")) { try ImageMetadataStripper.stripPNG(headless) }
    }

    @Test
    func crc32_matchesTheStandardCheckValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    struct Chunk {
        let type: String
        let crcIsValid: Bool
    }

    /// Walks the chunks independently of the stripper, checking each CRC.
    static func chunks(of png: [UInt8]) throws -> [Chunk] {
        var chunks: [Chunk] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(png[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let typeAndData = Array(png[(offset + 4)..<(offset + 8 + length)])
            let stored = png[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self), crcIsValid: CRC32.checksum(typeAndData) == stored))
            offset += 12 + length
        }
        guard offset == png.count else { throw DocumentContentError.malformed(reason: "test walk ended at \(offset)") }
        return chunks
    }
}
