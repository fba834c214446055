/// Identifiers travel as their canonical string; decoding re-runs full validation so a payload
/// can never smuggle in an unchecked value.
extension Decoder {
    /// Decodes a canonical string and validates it, so invalid JSON never yields a value.
    /// The raw input is left out of the message: identifiers are personal data (STYLE.md: never log IINs).
    func decodeValidated<T>(_ typeName: String, _ make: (String) throws(IdentifierError) -> T) throws -> T {
        let raw = try singleValueContainer().decode(String.self)
        do {
            return try make(raw)
        } catch {
            let context = DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "Invalid \(typeName): \(error.code)",
                underlyingError: error
            )
            throw DecodingError.dataCorrupted(context)
        }
    }
}

extension Encoder {
    func encodeCanonical(_ value: String) throws {
        var container = singleValueContainer()
        try container.encode(value)
    }
}
