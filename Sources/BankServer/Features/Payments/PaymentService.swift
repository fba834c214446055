import BankAPI
import BankCore
import Crypto
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Payment orders: drafts, signatures, SMS confirmation bound to the content (PSD2 RTS art. 5 dynamic
/// linking) and execution through the ledger. Company-scoped: every call goes through the caller's membership.
struct PaymentService: Sendable {
    let services: BankServices

    enum SignResult: Sendable {
        case executed(PaymentOrderRecord)
        case awaitingSignatures(PaymentOrderRecord)
        case awaitingConfirmation(PaymentOrderRecord, OtpChallenge, PhoneNumber)
        /// Signed inside a signing basket: one code for the whole basket comes after.
        case awaitingBasketConfirmation(PaymentOrderRecord)
    }

    // MARK: - Drafts

    /// `membership` is the caller's, as the company-scope tier loaded it (`req.membership`): not read again here.
    func create(membership: Membership, caller: Caller, input: PaymentOrderInput, on database: any Database) async throws -> PaymentOrderRecord {
        guard membership.role != .viewer else { throw BankError.forbidden }
        let companyID = membership.$company.id
        let checked = try await PaymentOrderChecker(services: services).check(input, companyID: companyID, on: database)
        let record = PaymentOrderRecord()
        record.id = UUID()
        record.createdAt = services.clock.now()
        record.$company.id = companyID
        record.$author.id = caller.userID
        write(checked, into: record)
        record.knownSignatures = []
        try await database.transaction { tx in
            try await record.create(on: tx)
            try await notifyAwaitedSigners(record, rule: try await rule(of: companyID, on: tx), excluding: [caller.userID], on: tx)
            try await AuditLog.record(
                .paymentCreated,
                actor: caller.userID,
                subject: .payment(try record.requireID()),
                details: ["content_hash": record.contentHash],
                at: services.clock.now(),
                on: tx
            )
        }
        return record
    }

    /// Editing clears every signature: they were given on the old content (issue 3). The edit is a conditional update
    /// from the status and content it read, so an edit racing a confirmation loses with 409 instead of overwriting an
    /// executed order (review M3).
    func update(orderID: UUID, caller: Caller, input: PaymentOrderInput, on database: any Database) async throws -> PaymentOrderRecord {
        let (record, membership) = try await order(orderID, caller: caller, on: database)
        guard membership.role != .viewer else { throw BankError.forbidden }
        guard record.status.isEditable else { throw BankError(status: .conflict, code: .paymentNotEditable) }
        let checked = try await PaymentOrderChecker(services: services).check(input, companyID: record.$company.id, on: database)
        let now = services.clock.now()
        try await database.transaction { tx in
            try await record.transition(.edit, at: now, on: tx)
            let readStatus = record.status
            write(checked, into: record)
            record.status = readStatus
            try await record.save(on: tx)
            try await PaymentSignature.query(on: tx).filter(\.$order.$id == orderID).delete()
            try await AuditLog.record(
                .paymentEdited,
                actor: caller.userID,
                subject: .payment(orderID),
                details: ["content_hash": record.contentHash],
                at: now,
                on: tx
            )
            try await notifyAwaitedSigners(record, rule: try await rule(of: record.$company.id, on: tx), excluding: [caller.userID], on: tx)
        }
        return record
    }

    /// A signer (director or accountant) refuses an order before it executes, with a reason; audited (issue 10).
    func reject(orderID: UUID, caller: Caller, reason: String, on database: any Database) async throws -> PaymentOrderRecord {
        var validator = FieldValidator()
        let reason = validator.require("reason", reason, maxLength: 500)
        try validator.throwIfInvalid()
        let (record, membership) = try await order(orderID, caller: caller, on: database)
        _ = try membership.role.signatureSlot()
        guard record.status.isEditable else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        let now = services.clock.now()
        try await database.transaction { tx in
            try await record.transition(.reject, at: now, rejectionCode: "rejected_by_signer", on: tx)
            record.rejectionReason = reason
            try await record.save(on: tx)
            try await AuditLog.record(
                .paymentRejected,
                actor: caller.userID,
                subject: .payment(orderID),
                details: ["content_hash": record.contentHash, "reason": reason ?? ""],
                at: now,
                on: tx
            )
        }
        return record
    }

    func rule(of companyID: UUID, on database: any Database) async throws -> SigningRule {
        guard let company = try await Company.find(companyID, on: database) else { throw BankError.notFound }
        return company.signingRule
    }

    /// §2.2.3: each member whose signature the order now waits for hears of it in the inbox (and by push).
    func notifyAwaitedSigners(_ record: PaymentOrderRecord, rule: SigningRule, excluding: Set<UUID>, on database: any Database) async throws {
        let stored = try await PaymentSignature.query(on: database).filter(\.$order.$id == record.requireID())
            .filter(\.$contentHash == record.contentHash).all().map { SignerRoles.Stored(user: $0.$user.id, slot: $0.slot) }
        let signatures = try await SignerRoles.signatures(stored, companyID: record.$company.id, on: database)
        let awaited = try await SignerRoles.awaited(
            rule: rule,
            signatures: signatures,
            amount: record.amount,
            author: record.$author.id,
            companyID: record.$company.id,
            excluding: excluding,
            on: database
        )
        let amount = Money(minorUnits: record.amount, currency: try Currency(code: record.currency))
        let message = NotificationMessage(
            key: "notification.payment_awaits_signature",
            parameters: ["number": record.number, "amount": "\(amount.decimalString) \(record.currency)", "payee": record.beneficiaryName]
        )
        for userID in awaited {
            try await NotificationService(services: services).notify(userID: userID, .operational, message, channels: [.inApp, .push], on: database)
        }
    }

    func order(_ orderID: UUID, caller: Caller, on database: any Database) async throws -> (PaymentOrderRecord, Membership) {
        let access = try await access(orderID, caller: caller, on: database)
        return (access.record, access.membership)
    }

    /// An order with what acting on it needs: the caller's role in its company and the company's signing rule.
    struct OrderAccess: Sendable {
        let record: PaymentOrderRecord
        let membership: Membership
        let rule: SigningRule
    }

    /// One statement for the order, the caller's membership of its company, the company's signing rule and the payee's
    /// account at this bank: the reads of the signing path (docs/BENCHMARKS.md). Not a member: `not_found`, as for no order.
    func access(_ orderID: UUID, caller: Caller, on database: any Database) async throws -> OrderAccess {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        guard
            let row = try await sql.raw(
                """
                SELECT o.*, m.role AS member_role, c.dual_signature_threshold AS company_dual_threshold,
                  c.author_may_sign_alone AS company_author_alone, p.id AS payee_account_id
                FROM payment_orders o
                JOIN memberships m ON m.company_id = o.company_id AND m.user_id = \(bind: caller.userID)
                JOIN companies c ON c.id = o.company_id
                LEFT JOIN accounts p ON p.iban = o.beneficiary_iban
                WHERE o.id = \(bind: orderID)
                """
            ).first()
        else { throw BankError.notFound }
        let record = try row.decode(fluentModel: PaymentOrderRecord.self)
        guard let role = Membership.Role(rawValue: try row.decode(column: "member_role", as: String.self)) else { throw BankError.internalError }
        record.knownPayeeAccountID = try row.decode(column: "payee_account_id", as: UUID?.self)
        return OrderAccess(
            record: record,
            membership: Membership(userID: caller.userID, companyID: record.$company.id, role: role),
            rule: SigningRule(
                dualSignatureAbove: try row.decode(column: "company_dual_threshold", as: Int64?.self),
                authorMaySignAlone: try row.decode(column: "company_author_alone", as: Bool.self)
            )
        )
    }

    // MARK: - Signing

    /// Director = first signature, accountant = second; the company's `SigningRule` decides when the order is
    /// complete (one rule for orders, baskets and payroll; "director alone" for sole proprietors). Own-account
    /// transfers execute on the last signature without an SMS code (RTS art. 15); everything else then needs the
    /// SMS code bound to the content hash. Every status change is conditional on the status read (issue 10).
    /// `risk`: the request's location and address for the §2.2.4 checks, made when the last signature completes the order.
    func sign(
        orderID: UUID,
        caller: Caller,
        language: Language,
        issueCode: Bool = true,
        risk: RiskContext = .none,
        on database: any Database
    ) async throws -> SignResult {
        let access = try await access(orderID, caller: caller, on: database)
        let record = access.record
        let slot = try access.membership.role.signatureSlot()
        if record.status == .awaitingConfirmation, issueCode {
            return try await reissueCode(record, caller: caller, language: language, on: database)
        }
        guard record.status.isSignable else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        let now = services.clock.now()
        return try await database.transaction { tx in
            let existing = try await PaymentSignature.query(on: tx).filter(\.$order.$id == orderID).filter(\.$contentHash == record.contentHash).all()
            let (valid, complete) = try await SignerRoles.step(
                existing,
                user: { $0.$user.id },
                slot: \.slot,
                companyID: record.$company.id,
                rule: access.rule,
                signer: caller.userID,
                role: access.membership.role,
                amount: record.amount,
                author: record.$author.id,
                on: tx
            )
            let signature = PaymentSignature()
            signature.$order.id = orderID
            signature.$user.id = caller.userID
            signature.slot = slot
            signature.contentHash = record.contentHash
            signature.signedAt = now
            try await signature.create(on: tx)
            try await AuditLog.record(
                .paymentSigned,
                actor: caller.userID,
                subject: .payment(orderID),
                details: ["slot": slot, "content_hash": record.contentHash],
                at: now,
                on: tx
            )
            let signatures = valid + [signature]
            record.knownSignatures = signatures
            guard complete else {
                try await record.transition(.sign, at: now, on: tx)
                return .awaitingSignatures(record)
            }
            let assessment = try await RiskEngine(services: services).assess("payment_sign", caller: caller, risk: risk, on: tx)
            let reasons = assessment.elevated ? assessment.reasons.joined(separator: ",") : nil
            // RTS art. 15: own-account transfers need no SMS code — unless the risk is elevated (§2.2.4).
            if record.kind == .ownAccounts, !assessment.elevated {
                try await PaymentExecutor(services: services).execute(record, on: tx)
                return .executed(record)
            }
            try await record.transition(.complete, at: now, riskReasons: .some(reasons), on: tx)
            guard issueCode else { return .awaitingBasketConfirmation(record) }
            let (challenge, phone) = try await confirmationCode(record, caller: caller, language: language, on: tx)
            return .awaitingConfirmation(record, challenge, phone)
        }
    }

    /// The SMS code for a complete order, bound to its content hash.
    private func confirmationCode(
        _ record: PaymentOrderRecord,
        caller: Caller,
        language: Language,
        on database: any Database
    ) async throws -> (OtpChallenge, PhoneNumber) {
        let phone = try await services.vault.open(caller.user, on: database).phone
        let amount = Money(minorUnits: record.amount, currency: try Currency(code: record.currency))
        let challenge = try await services.otp.issue(
            purpose: .paymentConfirmation,
            userID: caller.userID,
            phone: phone,
            binding: record.contentHash,
            context: .init(
                language: language,
                templateParameters: ["amount": "\(amount.decimalString) \(record.currency)", "payee": record.beneficiaryName]
            ),
            on: database
        )
        return (challenge, phone)
    }

    /// An order awaiting its code whose code was lost (the page reloaded, the code expired, its attempts ran out)
    /// would be stuck: a signer whose signature is on its current content asks again and gets a new code. Nothing
    /// else changes: the signatures, the content and the risk reasons stay; the send budget per phone still applies.
    private func reissueCode(
        _ record: PaymentOrderRecord,
        caller: Caller,
        language: Language,
        on database: any Database
    ) async throws
        -> SignResult
    {
        let orderID = try record.requireID()
        let signed = try await PaymentSignature.query(on: database).filter(\.$order.$id == orderID)
            .filter(\.$contentHash == record.contentHash).filter(\.$user.$id == caller.userID).count()
        guard signed > 0 else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        return try await database.transaction { tx in
            let (challenge, phone) = try await confirmationCode(record, caller: caller, language: language, on: tx)
            try await AuditLog.record(.paymentCodeReissued, actor: caller.userID, subject: .payment(orderID), at: services.clock.now(), on: tx)
            return .awaitingConfirmation(record, challenge, phone)
        }
    }

    /// The SMS code confirms exactly this content: a code for another order, or for this order before an edit, fails.
    func confirm(
        orderID: UUID,
        caller: Caller,
        challengeID: UUID,
        code: String,
        risk: RiskContext = .none,
        on database: any Database
    ) async throws -> PaymentOrderRecord {
        let (record, _) = try await order(orderID, caller: caller, on: database)
        guard record.status == .awaitingConfirmation else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        let challenge = try await services.otp.verify(
            challengeID: challengeID,
            code: code,
            purpose: .paymentConfirmation,
            binding: record.contentHash,
            caller: caller,
            on: database
        )
        try await database.transaction { tx in
            guard let fresh = try await PaymentOrderRecord.find(orderID, on: tx), fresh.status == .awaitingConfirmation,
                fresh.contentHash == challenge.binding
            else { throw BankError.otpInvalid }
            let assessment = try await RiskEngine(services: services).assess("payment_confirm", caller: caller, risk: risk, on: tx)
            let reasons = Set((fresh.riskReasons ?? "").split(separator: ",").map(String.init) + assessment.reasons)
            if !reasons.isEmpty, FraudHolds(services: services).exceedsHoldAmount(fresh) {
                try await FraudHolds(services: services).hold(fresh, reasons: reasons.sorted(), actor: caller.userID, on: tx)
                record.status = fresh.status
                return
            }
            try await PaymentExecutor(services: services).execute(fresh, on: tx)
            record.status = fresh.status
            record.executedAt = fresh.executedAt
            record.ledgerTransactionID = fresh.ledgerTransactionID
        }
        return record
    }

    private func write(_ checked: PaymentOrderChecker.Checked, into record: PaymentOrderRecord) {
        let order = checked.order
        record.updatedAt = services.clock.now()
        record.$payerAccount.id = checked.payerAccountID
        record.number = order.number
        record.documentDate = order.date.description
        record.beneficiaryName = order.beneficiaryName
        record.beneficiaryTaxID = order.beneficiaryTaxID.value
        record.beneficiaryIBAN = order.beneficiaryAccount.value
        record.beneficiaryBIC = order.beneficiaryBIC.value
        record.kbe = order.kbe.value
        record.knp = order.knp.code
        record.purpose = order.purpose
        record.amount = order.amount.minorUnits
        record.currency = order.amount.currency.code
        record.valueDate = order.valueDate.description
        record.urgency = order.urgency.rawValue
        record.kind = checked.kind
        record.status = .draft
        record.contentHash = Self.contentHash(order)
    }

    static func contentHash(_ order: PaymentOrder) -> String {
        SHA256.hash(data: Data(order.canonicalContent.utf8)).hexString
    }
}

/// What a signing or confirming request tells the §2.2.4 checks.
struct RiskContext: Sendable {
    var location: DeviceLocation?
    var ip: String?

    static let none = RiskContext(location: nil, ip: nil)
}

extension BankServices {
    var payments: PaymentService { PaymentService(services: self) }
}
