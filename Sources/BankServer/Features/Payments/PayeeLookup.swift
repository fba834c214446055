import BankAPI
import BankCore
import Fluent
import Vapor

/// §2.3.4 payee lookup by phone: the app sends one number the user picked (never the phone book), with the
/// `contacts` consent; the answer is what can be paid (a transfer, a mobile top-up). Another client's masked name
/// is shown only when that client opted in to being found (a live `findable_by_phone` consent): without it the
/// lookup discloses nothing of theirs but that a transfer can be made. Rate-limited per user (10 a minute, 50 a
/// day) so the bank's client list cannot be enumerated, and audited without the number.
struct PayeeLookup: Sendable {
    let services: BankServices

    func lookup(_ request: PayeeLookupRequest, caller: Caller, on database: any Database) async throws -> PayeeLookupResult {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(request.phone) }
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.malformedRequest }
        try await ConsentService(services: services).require(.contacts, userID: caller.userID, on: database)
        let key = caller.userID.uuidString
        try await services.rateLimiter.hit(.init(name: "payee-lookup-minute", limit: 10, windowSeconds: 60), key: key, on: database)
        try await services.rateLimiter.hit(.init(name: "payee-lookup-day", limit: 50, windowSeconds: 86_400), key: key, on: database)

        let client = try await User.query(on: database)
            .filter(\.$phoneIndex == services.vault.phoneIndex(phone)).filter(\.$status == .active).first()
        var nameMasked: String?
        if let client,
            try await ConsentService(services: services).live(.findableByPhone, userID: try client.requireID(), on: database) != nil
        {
            nameMasked = Self.maskedName(try await services.vault.open(client, on: database).fullName)
        }
        let mobileOperator = ServiceProvider.mobileOperator(of: phone)
        var canPay: [String] = []
        if mobileOperator != nil { canPay.append("mobile_top_up") }
        if client != nil { canPay.append("transfer") }
        try await AuditLog.record(
            .payeeLookedUp,
            actor: caller.userID,
            subject: .user(caller.userID),
            details: ["client": client == nil ? "no" : "yes", "name_shown": nameMasked == nil ? "no" : "yes", "operator": mobileOperator?.id ?? "-"],
            at: services.clock.now(),
            on: database
        )
        return PayeeLookupResult(
            phoneMasked: phone.masked,
            isClient: client != nil,
            nameMasked: nameMasked,
            mobileOperator: mobileOperator?.name,
            canPay: canPay
        )
    }

    /// "Асель Маратқызы Оспанова" → "Асель О.": enough to recognise a person you know, not to identify a stranger.
    static func maskedName(_ fullName: String) -> String {
        let words = fullName.split(separator: " ").map(String.init)
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words.last?.first else { return first }
        return "\(first) \(initial)."
    }
}
