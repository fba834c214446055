import BankAPI
import BankCore
import Fluent
import Vapor

/// The privacy centre's purposes and consents (§2.1–§2.3, §3.3.1; Law 94-V art. 8).
enum PrivacyController {
    /// Public: the register of purposes in the reader's language.
    static func purposes(req: Request) async throws -> PurposeList {
        let register = req.bank.purposes
        return PurposeList(language: req.language.rawValue, items: register.entries.map { register.view($0, in: req.language) })
    }

    static func consents(req: Request) async throws -> ConsentOverview {
        let caller = try req.caller
        let consents = ConsentService(services: req.bank)
        let history = try await consents.views(try await consents.history(userID: caller.userID, on: req.db), on: req.db)
        let register = req.bank.purposes
        let items = register.entries.map { entry in
            let live = history.filter { $0.purpose == entry.id.rawValue && $0.withdrawnAt == nil }
            return ConsentOverview.PurposeState(purpose: register.view(entry, in: req.language), granted: !live.isEmpty, live: live)
        }
        return ConsentOverview(items: items, history: history)
    }

    static func grant(req: Request) async throws -> Reply<ConsentView> {
        let caller = try req.caller
        let body = try req.content.decode(GrantConsentRequest.self)
        var validator = FieldValidator()
        let purpose = ProcessingPurpose(rawValue: body.purpose)
        if purpose == nil { validator.add("purpose", .unknownPurpose) }
        var recipient: ConsentService.Recipient?
        if purpose == .thirdPartyDisclosure {
            let name = validator.require("recipientName", body.recipientName ?? "", maxLength: 200)
            let bin = validator.parse("recipientBin") { try BIN(body.recipientBin ?? "") }
            if let name, let bin { recipient = .init(name: name, bin: bin) }
        } else if body.recipientName != nil || body.recipientBin != nil {
            validator.add("recipientName", .notAllowed)
        }
        try validator.throwIfInvalid()
        guard let purpose else { throw BankError.malformedRequest }
        let device = try await caller.session.$device.get(on: req.db)
        let consents = ConsentService(services: req.bank)
        let consent = try await consents.grant(
            purpose,
            userID: caller.userID,
            recipient: recipient,
            origin: .init(channel: "mobile_app", deviceInstallationID: device.installationID),
            language: req.language,
            on: req.db
        )
        try await consent.$edition.load(on: req.db)
        return .created(try await consents.views([consent], on: req.db)[0])
    }

    /// `DELETE /me/consents/{purpose}[?recipientBin=…]`: withdraws at once; returns the withdrawn records.
    static func withdraw(req: Request) async throws -> [ConsentView] {
        let caller = try req.caller
        guard let purpose = req.parameterText(.purpose).flatMap(ProcessingPurpose.init(rawValue:)) else { throw BankError.notFound }
        let recipientBIN: String? = try? req.query.get(String.self, at: "recipientBin")
        let consents = ConsentService(services: req.bank)
        let withdrawn = try await consents.withdraw(purpose, userID: caller.userID, recipientBIN: recipientBIN, on: req.db)
        for consent in withdrawn { try await consent.$edition.load(on: req.db) }
        return try await consents.views(withdrawn, on: req.db)
    }
}
