/// How fast an interbank payment travels (DOMAIN.md: urgent interbank payments go within the hour;
/// standard ones in the clearing batches).
public enum PaymentUrgency: String, Sendable, Codable, CaseIterable {
    case standard
    case urgent
}
