/// Free-text fields of a payment order (number, beneficiary name, purpose): trimmed, non-empty, printable, bounded.
enum DocumentText {
    /// Why a free-text field was rejected; `code` is the stable violation code.
    struct Rejection: Error, Equatable {
        let code: String
    }

    /// Trims surrounding whitespace, then checks, in order: blank → `required`; a non-printable character →
    /// `invalid_characters`; more than `maxLength` characters → `too_long`.
    ///
    /// Length counts Unicode scalars, as PostgreSQL `varchar(n)` and ISO 20022 `Max140Text` count characters.
    static func parse(_ raw: String, maxLength: Int) throws(Rejection) -> String {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw Rejection(code: "required") }
        guard text.unicodeScalars.allSatisfy(isPrintable) else { throw Rejection(code: "invalid_characters") }
        guard text.unicodeScalars.count <= maxLength else { throw Rejection(code: "too_long") }
        return text
    }

    /// Rejects control characters (line breaks, tabs), invisible format characters and unassigned or private
    /// code points: the payer must see exactly what is sent (PSD2 RTS art. 5), and bidirectional overrides
    /// (U+202E) could make a beneficiary name read differently from its bytes.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: false
        default: true
        }
    }
}
