extension ImageMetadataStripper {
    /// A JPEG (ITU-T T.81, JFIF) without APP1 (EXIF with GPS and camera, XMP), APP13 (IPTC/Photoshop), COM and every
    /// other application segment, except APP0 JFIF/JFXX, APP2 ICC_PROFILE and APP14 Adobe, which decoding and colour
    /// need. Frame, tables, scans (with their entropy-coded data) and EOI are copied unchanged; anything after EOI
    /// (phone makers append extra images and data there) is dropped.
    public static func stripJPEG(_ input: [UInt8]) throws -> Stripped {
        var reader = JPEGReader(bytes: input)
        guard input.count >= 4, input[0] == 0xFF, input[1] == 0xD8 else { throw malformed("no SOI marker") }
        reader.offset = 2
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(input.count)
        var removed: [String] = []
        var sawFrame = false
        var sawScan = false
        while true {
            let marker = try reader.nextMarker()
            switch marker {
            case 0xD9:
                guard sawScan else { throw malformed("EOI before any scan") }
                output += [0xFF, 0xD9]
                if reader.offset < input.count { note("trailer", in: &removed) }
                return Stripped(bytes: output, removed: removed)
            case 0xD8:
                throw malformed("a second SOI marker")
            case 0x01, 0xD0...0xD7:
                // TEM and restart markers stand alone, without a length.
                output += [0xFF, marker]
            default:
                let segment = try reader.segment()
                try checkHeader(marker, input[segment])
                if keeps(marker, payload: input[segment.dropFirst(2)]) {
                    output += [0xFF, marker]
                    output += input[segment]
                } else {
                    note(segmentName(marker), in: &removed)
                }
                if isFrame(marker) { sawFrame = true }
                if marker == 0xDA {
                    guard sawFrame else { throw malformed("a scan before the frame header") }
                    sawScan = true
                    output += input[try reader.entropyCodedData()]
                }
            }
        }
    }

    /// The segments decoding or colour needs; every other application segment and every comment goes.
    static func keeps(_ marker: UInt8, payload: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xE0: payload.starts(with: Array("JFIF\0".utf8)) || payload.starts(with: Array("JFXX\0".utf8))
        case 0xE2: payload.starts(with: Array("ICC_PROFILE\0".utf8))
        case 0xEE: payload.starts(with: Array("Adobe".utf8))
        case 0xE1...0xEF, 0xFE, 0xF0...0xFD: false
        default: true
        }
    }

    /// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    static func isFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// The frame and scan headers must describe themselves consistently: their length follows from their component
    /// counts (T.81 B.2.2, B.2.3), and a frame has a width.
    static func checkHeader(_ marker: UInt8, _ segment: ArraySlice<UInt8>) throws {
        guard marker == 0xDA || isFrame(marker) else { return }
        let header = Array(segment)
        if marker == 0xDA {
            guard header.count >= 3, (1...4).contains(header[2]), header.count == 6 + 2 * Int(header[2]) else {
                throw malformed("a scan header whose length does not match its components")
            }
        } else {
            guard header.count >= 8, header[7] >= 1, header.count == 8 + 3 * Int(header[7]) else {
                throw malformed("a frame header whose length does not match its components")
            }
            guard Int(header[5]) << 8 | Int(header[6]) > 0 else { throw malformed("a frame without a width") }
        }
    }

    static func segmentName(_ marker: UInt8) -> String {
        switch marker {
        case 0xE0...0xEF: "APP\(marker - 0xE0)"
        case 0xFE: "COM"
        default: "JPG\(marker - 0xF0)"
        }
    }

    static func malformed(_ reason: String) -> DocumentContentError { .malformed(reason: "JPEG: " + reason) }
}

/// Walks a JPEG's markers and segments, checking every length against the end of the file.
private struct JPEGReader {
    let bytes: [UInt8]
    var offset = 0

    /// The next marker code, after its `FF` and any fill bytes.
    mutating func nextMarker() throws -> UInt8 {
        guard offset < bytes.count else { throw ImageMetadataStripper.malformed("no EOI marker (truncated)") }
        guard bytes[offset] == 0xFF else { throw ImageMetadataStripper.malformed("expected a marker at byte \(offset)") }
        while offset < bytes.count, bytes[offset] == 0xFF { offset += 1 }
        guard offset < bytes.count else { throw ImageMetadataStripper.malformed("no EOI marker (truncated)") }
        let marker = bytes[offset]
        offset += 1
        guard marker != 0x00 else { throw ImageMetadataStripper.malformed("a stuffed byte outside a scan at byte \(offset - 2)") }
        return marker
    }

    /// The segment after a marker: its two length bytes and payload, whose length the first two bytes give.
    mutating func segment() throws -> Range<Int> {
        guard offset + 2 <= bytes.count else { throw ImageMetadataStripper.malformed("a segment length past the end") }
        let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        guard length >= 2 else { throw ImageMetadataStripper.malformed("a segment length under 2 at byte \(offset)") }
        guard offset + length <= bytes.count else { throw ImageMetadataStripper.malformed("a segment running past the end") }
        defer { offset += length }
        return offset..<(offset + length)
    }

    /// The entropy-coded data after a scan header, up to the next marker that is not a stuffed `FF 00` or a restart.
    mutating func entropyCodedData() throws -> Range<Int> {
        let start = offset
        while offset + 1 < bytes.count {
            if bytes[offset] == 0xFF {
                let next = bytes[offset + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) {
                    offset += 2
                    continue
                }
                return start..<offset
            }
            offset += 1
        }
        throw ImageMetadataStripper.malformed("scan data without an end (truncated)")
    }
}
