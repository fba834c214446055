import BankAPI
import BankCore
import Fluent
import SQLKit
import Vapor

/// The register of disclosures to third parties (§3.3; Law 94-V art. 7, 16). Each disclosure is recorded with
/// one of the three grounds — the user's consent (§3.3.1), a law of the Republic of Kazakhstan (§3.3.2), or the
/// protection of rights when the user broke the App's terms (§3.3.3) — audited, and shown to the data subject.
struct DisclosureRegister: Sendable {
    let services: BankServices

    /// Validates and records a disclosure. `consent` is refused with `consent_required` unless the subject has
    /// a live `third_party_disclosure` consent for that recipient BIN; nothing is stored then.
    func record(_ request: RecordDisclosureRequest, by staff: StaffMember, on database: any Database) async throws -> Disclosure {
        let now = services.clock.now()
        var validator = FieldValidator()
        let recipientName = validator.require("recipientName", request.recipientName, maxLength: 200)
        let recipientBIN = Self.optional(request.recipientBin).flatMap { raw in validator.parse("recipientBin") { try BIN(raw) } }
        let categories = validator.categories("dataCategories", request.dataCategories, known: services.purposes)
        let basis = Disclosure.Basis(rawValue: request.basis)
        if basis == nil { validator.add("basis", .invalidValue) }
        let legalReference = Self.optional(request.legalReference)
        let caseReference = Self.optional(request.caseReference)
        switch basis {
        case .consent where Self.optional(request.recipientBin) == nil: validator.add("recipientBin", .required)
        case .law where legalReference == nil: validator.add("legalReference", .required)
        case .protectionOfRights where caseReference == nil: validator.add("caseReference", .required)
        default: break
        }
        if (legalReference?.count ?? 0) > 500 { validator.add("legalReference", .tooLong) }
        if (caseReference?.count ?? 0) > 500 { validator.add("caseReference", .tooLong) }
        let disclosedAt = request.disclosedAt ?? now
        if disclosedAt > now.addingTimeInterval(60) { validator.add("disclosedAt", .inTheFuture) }
        if try await User.find(request.userId, on: database) == nil { validator.add("userId", .unknownUser) }
        try validator.throwIfInvalid()
        guard let recipientName, let categories, let basis else { throw BankError.malformedRequest }

        return try await database.transaction { tx in
            var consentID: UUID?
            if basis == .consent {
                // §3.3.1: a consent live now, and already given when the data went out (no backdating past it)
                let consent = try await ConsentService(services: services)
                    .live(.thirdPartyDisclosure, userID: request.userId, recipientBIN: recipientBIN?.value, on: tx)
                guard let consent, consent.grantedAt <= disclosedAt else { throw BankError.consentRequired(.thirdPartyDisclosure) }
                consentID = consent.id
            }
            let disclosure = Disclosure()
            disclosure.recordedAt = now
            disclosure.$user.id = request.userId
            disclosure.$recordedBy.id = try staff.requireID()
            disclosure.$consent.id = consentID
            disclosure.recipientName = recipientName
            disclosure.recipientBIN = recipientBIN?.value
            disclosure.dataCategories = categories.joined(separator: ",")
            disclosure.basis = basis
            disclosure.legalReference = legalReference
            disclosure.caseReference = caseReference
            disclosure.disclosedAt = disclosedAt
            disclosure.staffRole = staff.role
            try await disclosure.create(on: tx)
            try await AuditLog.record(
                .disclosureRecorded,
                actor: staff.id,
                subject: .user(request.userId),
                details: ["disclosure": try disclosure.requireID().uuidString, "basis": basis.rawValue, "recipient_bin": recipientBIN?.value ?? "-"],
                at: now,
                on: tx
            )
            return disclosure
        }
    }

    /// §3.3, Law 94-V art. 16: the flows the system itself makes with everyone's data (SMS gateway, push relay,
    /// e-mail relay, interbank messages, payroll), as standing entries of the person's register, in force since
    /// `since` (their registration). The subject's list shows them first; the export holds them too.
    func standing(since: Date, language: Language) -> [DisclosureView] {
        services.purposes.standingDisclosures.map {
            DisclosureView(
                id: $0.id,
                recipientName: $0.recipient.text(language),
                recipientBin: nil,
                dataCategories: services.purposes.categoryViews($0.categories, in: language),
                basis: $0.basis.rawValue,
                clause: $0.clause,
                reference: nil,
                disclosedAt: since,
                staffRole: "system",
                standing: true,
                country: $0.country
            )
        }
    }

    /// Every disclosure of `userID`'s data, newest first (the subject's data export reads this).
    func disclosures(of userID: UUID, on database: any Database) async throws -> [Disclosure] {
        try await Disclosure.query(on: database).filter(\.$user.$id == userID).sort(\.$disclosedAt, .descending).sort(\.$id, .descending).all()
    }

    /// One page, newest first, of one subject's disclosures (or all when `userID` is nil). The cursor is the id of
    /// the last disclosure of the previous page; ordering is (disclosed_at, id), compared inside the database.
    func page(
        of userID: UUID?,
        after cursor: String?,
        limit: Int,
        on database: any Database
    ) async throws -> (items: [Disclosure], nextCursor: String?) {
        var query = Disclosure.query(on: database)
        if let userID { query = query.filter(\.$user.$id == userID) }
        let anchorID = try cursor.map(KeysetAnchor.parse)
        if let anchorID {
            guard let anchor = try await Disclosure.find(anchorID, on: database), userID == nil || anchor.$user.id == userID else {
                throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
            }
        }
        return try await KeysetAnchor.page(query, after: anchorID, time: "disclosed_at", limit: limit)
    }

    private static func optional(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension FieldValidator {
    /// Data category ids from the purposes register: at least one, each known; duplicates dropped.
    mutating func categories(_ field: String, _ ids: [String], known register: PurposeRegister) -> [String]? {
        if ids.isEmpty { add(field, .required) }
        for (index, id) in ids.enumerated() where register.categories[id] == nil { add("\(field)[\(index)]", .unknownCategory) }
        guard !ids.isEmpty, ids.allSatisfy({ register.categories[$0] != nil }) else { return nil }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

extension PurposeRegister {
    func categoryViews(_ ids: [String], in language: Language) -> [PurposeView.Category] {
        ids.map { .init(id: $0, name: categories[$0]?.text(language) ?? $0) }
    }
}
