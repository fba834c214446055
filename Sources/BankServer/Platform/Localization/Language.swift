import Vapor

/// The languages users are served in; Kazakh is the default (the policy's authoritative language).
enum Language: String, Sendable, CaseIterable, Codable {
    case kk, ru, en

    /// Picks the best supported language from an `Accept-Language` header by q-value; kk when none fits.
    static func negotiate(_ header: String?) -> Language {
        guard let header, !header.isEmpty else { return .kk }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.1 ?? 0) { best = (language, quality) }
        }
        return best?.0 ?? .kk
    }
}

extension Request {
    var language: Language { Language.negotiate(headers.first(name: .acceptLanguage)) }
}
