import BankAPI
import BankCore
import Fluent
import Vapor

/// Consents per purpose (Law 94-V art. 8): grant and withdraw at any time, history kept, withdrawal effective at
/// once. Consent-based processing asks `require` first; without a live consent it is refused with
/// `consent_required` and nothing is processed or stored.
struct ConsentService: Sendable {
    let services: BankServices

    struct Origin: Sendable {
        let channel: String
        let deviceInstallationID: String
    }

    struct Recipient: Sendable, Equatable {
        let name: String
        let bin: BIN
    }

    /// The live consent for `purpose` (and, for §3.3.1, for that recipient), if any.
    func live(_ purpose: ProcessingPurpose, userID: UUID, recipientBIN: String? = nil, on database: any Database) async throws -> Consent? {
        var query = Consent.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$purpose == purpose.rawValue).filter(\.$withdrawnAt == nil)
        if let recipientBIN { query = query.filter(\.$recipientBIN == recipientBIN) }
        return try await query.sort(\.$grantedAt, .descending).first()
    }

    /// Throws `consent_required` unless the purpose is not consent-based or a live consent exists.
    func require(_ purpose: ProcessingPurpose, userID: UUID, recipientBIN: String? = nil, on database: any Database) async throws {
        guard services.purposes.entry(purpose).basis == .consent else { return }
        guard try await live(purpose, userID: userID, recipientBIN: recipientBIN, on: database) != nil else {
            throw BankError.consentRequired(purpose)
        }
    }

    /// Grants a switchable purpose; granting what is already live returns the live record unchanged.
    func grant(
        _ purpose: ProcessingPurpose,
        userID: UUID,
        recipient: Recipient?,
        origin: Origin,
        language: Language,
        on database: any Database
    ) async throws -> Consent {
        let entry = services.purposes.entry(purpose)
        guard entry.switchable else { throw BankError.purposeNotSwitchable }
        if let existing = try await live(purpose, userID: userID, recipientBIN: recipient?.bin.value, on: database) { return existing }
        guard let edition = try await PolicyEditions(services: services).current(on: database) else { throw BankError.notFound }
        guard let user = try await User.find(userID, on: database) else { throw BankError.notFound }
        let person = try await services.vault.open(user, on: database)
        let consent = Consent()
        consent.$user.id = userID
        consent.purpose = purpose.rawValue
        consent.operatorName = services.config.operatorName
        consent.operatorBIN = services.config.operatorBIN
        consent.dataCategories = entry.categories.joined(separator: ",")
        consent.duration = entry.retention.en
        consent.thirdParty = entry.thirdParty
        consent.crossBorder = entry.crossBorder
        consent.$edition.id = try edition.requireID()
        consent.grantedAt = services.clock.now()
        consent.channel = origin.channel
        consent.deviceInstallationID = origin.deviceInstallationID
        consent.recipientName = recipient?.name
        consent.recipientBIN = recipient?.bin.value
        try await database.transaction { tx in
            try await stamp(consent, entry: entry, fullName: person.fullName, language: language, on: tx)
            try await consent.create(on: tx)
            try await AuditLog.record(
                .consentGranted,
                actor: userID,
                subject: .consent(try consent.requireID()),
                details: ["purpose": purpose.rawValue],
                at: services.clock.now(),
                on: tx
            )
        }
        return consent
    }

    /// Withdraws every live consent for the purpose (or for one recipient); effective at once. What was collected
    /// under the consent goes in the same transaction (Law 94-V art. 18): `fraud_location` takes the stored device
    /// locations, `camera_media` the profile photo (company documents stay: they belong to the company), and
    /// `marketing` whatever is still waiting in an outbox (`OutboxDispatcher` drops a message already being sent).
    func withdraw(_ purpose: ProcessingPurpose, userID: UUID, recipientBIN: String?, on database: any Database) async throws -> [Consent] {
        if purpose == .accountCreation { try await refuseAccountWithdrawal(userID: userID, on: database) }
        guard services.purposes.entry(purpose).switchable else { throw BankError.purposeNotSwitchable }
        return try await database.transaction { tx in
            var query = Consent.query(on: tx)
                .filter(\.$user.$id == userID).filter(\.$purpose == purpose.rawValue).filter(\.$withdrawnAt == nil)
            if let recipientBIN { query = query.filter(\.$recipientBIN == recipientBIN) }
            let live = try await query.all()
            guard !live.isEmpty else { throw BankError.notFound }
            for consent in live {
                consent.withdrawnAt = services.clock.now()
                try await consent.save(on: tx)
                try await AuditLog.record(
                    .consentWithdrawn,
                    actor: userID,
                    subject: .consent(try consent.requireID()),
                    details: ["purpose": purpose.rawValue],
                    at: services.clock.now(),
                    on: tx
                )
            }
            if purpose == .marketing { try await MarketingOffers(services: services).cancelPending(for: userID, on: tx) }
            try await removeCollected(under: purpose, userID: userID, on: tx)
            return live
        }
    }

    /// What a withdrawn consent leaves behind, deleted: the data collected under it alone.
    private func removeCollected(under purpose: ProcessingPurpose, userID: UUID, on database: any Database) async throws {
        switch purpose {
        case .fraudLocation:
            try await DeviceLocationRecord.query(on: database).filter(\.$userID == userID).delete()
        case .cameraMedia:
            try await PhotoService(services: services).removeOnWithdrawal(userID: userID, on: database)
        case .marketing:
            // §2.2.8: the offers already in the inbox go too; operational and security items stay
            try await InboxItem.query(on: database).filter(\.$userID == userID)
                .filter(\.$category == NotificationCategory.marketing.rawValue).delete()
        default:
            break
        }
    }

    func history(userID: UUID, on database: any Database) async throws -> [Consent] {
        try await Consent.query(on: database).filter(\.$user.$id == userID).with(\.$edition).sort(\.$grantedAt, .descending).all()
    }

    /// Law 94-V art. 8, on every new record: whether the data is published, the title and text of the purpose the
    /// person was shown in `language` (stored: the register may change later), and their full name as at the grant,
    /// sealed under their own key (so crypto-shredding covers it). Gives the record its id if it has none.
    func stamp(_ consent: Consent, entry: PurposeRegister.Entry, fullName: String, language: Language, on database: any Database) async throws {
        let id = consent.id ?? UUID()
        consent.id = id
        consent.published = entry.published
        consent.purposeTitle = entry.name.text(language)
        consent.purposeText = entry.description.text(language)
        consent.purposeLanguage = language.rawValue
        consent.subjectName = try await services.vault.seal(Data(fullName.utf8), of: consent.$user.id, context: Self.nameContext(id), on: database)
    }

    /// The records as the person sees them, the sealed name opened (nil once the person's key is destroyed).
    func views(_ consents: [Consent], on database: any Database) async throws -> [ConsentView] {
        var views: [ConsentView] = []
        for consent in consents {
            var name: String?
            if let sealed = consent.subjectName {
                let id = try consent.requireID()
                name = try? String(
                    decoding: await services.vault.open(sealed, of: consent.$user.id, context: Self.nameContext(id), on: database),
                    as: UTF8.self
                )
            }
            views.append(try consent.view(subjectName: name))
        }
        return views
    }

    static func nameContext(_ id: UUID) -> PersonalDataCipher.Context {
        .init(table: Consent.schema, column: "subject_name", row: id)
    }

    /// Law 94-V art. 8: the consent to the account's creation cannot be withdrawn on its own — it ends with the
    /// account. The refusal is reasoned, recorded (`consent.withdrawal_refused`, with the reason) and the problem
    /// response carries the reason in the person's language.
    private func refuseAccountWithdrawal(userID: UUID, on database: any Database) async throws {
        let consent = try await live(.accountCreation, userID: userID, on: database)
        try await AuditLog.record(
            .consentWithdrawalRefused,
            actor: userID,
            subject: try consent.map { .consent(try $0.requireID()) } ?? .user(userID),
            details: ["purpose": ProcessingPurpose.accountCreation.rawValue, "reason": ProblemCode.consentEndsWithAccount.rawValue],
            at: services.clock.now(),
            on: database
        )
        throw BankError.consentEndsWithAccount
    }
}

extension BankError {
    static let purposeNotSwitchable = BankError(status: .conflict, code: .purposeNotSwitchable)
    /// The account-creation consent ends with the account: close it, or ask for the data to be destroyed.
    static let consentEndsWithAccount = BankError(status: .conflict, code: .consentEndsWithAccount)
}

extension Consent {
    /// `subjectName`: the sealed name, opened by `ConsentService.views`.
    func view(subjectName: String? = nil) throws -> ConsentView {
        ConsentView(
            id: try requireID(),
            purpose: purpose,
            recipientName: recipientName,
            recipientBin: recipientBIN,
            operatorName: operatorName,
            operatorBin: operatorBIN,
            dataCategories: dataCategories.split(separator: ",").map(String.init),
            duration: duration,
            thirdParty: thirdParty,
            crossBorder: crossBorder,
            policyVersion: $edition.value?.version ?? 0,
            grantedAt: grantedAt,
            withdrawnAt: withdrawnAt,
            channel: channel,
            deviceInstallationId: deviceInstallationID,
            published: published,
            purposeTitle: purposeTitle,
            purposeText: purposeText,
            purposeLanguage: purposeLanguage,
            subjectName: subjectName
        )
    }
}

extension PurposeRegister {
    func view(_ entry: Entry, in language: Language) -> PurposeView {
        PurposeView(
            id: entry.id.rawValue,
            clause: entry.clause,
            basis: entry.basis.rawValue,
            name: entry.name.text(language),
            description: entry.description.text(language),
            categories: entry.categories.map { .init(id: $0, name: categories[$0]?.text(language) ?? $0) },
            retention: entry.retention.text(language),
            retentionDays: entry.retentionDays,
            switchable: entry.switchable,
            thirdParty: entry.thirdParty,
            crossBorder: entry.crossBorder,
            crossBorderTransfer: entry.crossBorderTransfer.map {
                .init(recipient: $0.recipient.text(language), countries: $0.countries, categories: categoryViews($0.categories, in: language))
            }
        )
    }
}
