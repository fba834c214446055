import BankCore
import Testing

/// §2.3.2: a file's type is what its bytes are, never what the request says; PDFs are checked, not changed.
struct DocumentSanitizerTests {
    @Test
    func format_isTakenFromTheMagicBytes() {
        #expect(DocumentFormat(sniffing: SampleFiles.jpeg()) == .jpeg)
        #expect(DocumentFormat(sniffing: SampleFiles.png()) == .png)
        #expect(DocumentFormat(sniffing: SampleFiles.pdf()) == .pdf)
        #expect(DocumentFormat(sniffing: Array("GIF89a".utf8)) == nil)
        // HEIC ("ftypheic" at offset 4): the app converts it to JPEG first
        #expect(DocumentFormat(sniffing: [0x00, 0x00, 0x00, 0x18] + Array("ftypheic".utf8)) == nil)
        #expect(DocumentFormat(mediaType: "IMAGE/JPEG") == .jpeg)
        #expect(DocumentFormat(mediaType: "image/heic") == nil)
    }

    @Test
    func emptyUnknownAndMismatchedFiles_areRefusedWithTheirCodes() {
        #expect(throws: DocumentContentError.empty) { try DocumentSanitizer.sanitize([], declared: .jpeg) }
        #expect(throws: DocumentContentError.unsupportedType) { try DocumentSanitizer.sanitize(Array("GIF89a....".utf8), declared: .png) }
        #expect(throws: DocumentContentError.typeMismatch(declared: .jpeg, actual: .png)) {
            try DocumentSanitizer.sanitize(SampleFiles.png(), declared: .jpeg)
        }
        #expect(DocumentContentError.typeMismatch(declared: .jpeg, actual: .png).code == "document_type_mismatch")
    }

    @Test
    func pictures_areStripped_andPDFsStoredUnchanged() throws {
        let jpeg = try DocumentSanitizer.sanitize(SampleFiles.jpeg(), declared: .jpeg)
        #expect(jpeg.bytes == SampleFiles.jpeg(metadata: false, trailer: false))
        #expect(jpeg.removedMetadata.contains("APP1"))
        let pdf = SampleFiles.pdf("1 0 obj << /Type /Catalog /Metadata 3 0 R >> endobj")
        let stored = try DocumentSanitizer.sanitize(pdf, declared: .pdf)
        #expect(stored.bytes == pdf)
        #expect(stored.removedMetadata.isEmpty)
    }

    @Test(arguments: [
        "1 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj",
        "1 0 obj << /OpenAction << /S /JavaScript /JS 5 0 R >> >> endobj",
        "1 0 obj << /S /Java#53cript /J#53 (x) >> endobj",
        "1 0 obj <</AA<</O<</JS(x)>>>>>> endobj",
    ])
    func pdfWithJavaScript_isRefused(_ objects: String) {
        #expect(throws: DocumentContentError.activeContent) { try DocumentSanitizer.sanitize(SampleFiles.pdf(objects), declared: .pdf) }
    }

    @Test(arguments: [
        "1 0 obj << /Title (about /JS and /JavaScript) >> endobj",
        "% a comment naming /JavaScript\n1 0 obj << /Type /Catalog >> endobj",
        "1 0 obj << /Length 9 >>\nstream\n/JS (x)\nendstream\nendobj",
        "1 0 obj << /JSON (not a script) /JScript 1 >> endobj",
    ])
    func pdfNamingJavaScriptOnlyInTextCommentsOrStreams_isAccepted(_ objects: String) throws {
        let pdf = SampleFiles.pdf(objects)
        #expect(try DocumentSanitizer.sanitize(pdf, declared: .pdf).bytes == pdf)
    }

    @Test
    func truncatedPDF_isRefused() {
        let cut = Array(SampleFiles.pdf().dropLast(8))
        #expect(throws: DocumentContentError.malformed(reason: "PDF: no %%EOF at the end (truncated)")) {
            try DocumentSanitizer.sanitize(cut, declared: .pdf)
        }
    }
}
