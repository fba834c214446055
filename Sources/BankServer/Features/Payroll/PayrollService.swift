import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation
import SQLKit

/// Payroll (issue 3): a CSV of employees becomes one document for the total, signed with the payment rules and
/// confirmed with one SMS code bound to the hash of every line, then executed line by line — a failing line
/// (closed account, no such account) is marked failed and moves nothing, the others are paid.
struct PayrollService: Sendable {
    let services: BankServices

    struct Draft: Sendable {
        let payerAccount: String
        let number: String
        let knp: String
        let csv: String
    }

    /// `membership` is the caller's, as the company-scope tier loaded it (`req.membership`).
    func create(membership: Membership, caller: Caller, draft: Draft, on database: any Database) async throws -> Payroll {
        guard membership.role != .viewer else { throw BankError.forbidden }
        let companyID = membership.$company.id
        var validator = FieldValidator()
        let number = validator.require("number", draft.number, maxLength: 20)
        let knp = validator.parse("knp") { try KNP(draft.knp) }
        var payer: Account?
        if let iban = try? IBAN(draft.payerAccount) {
            payer = try await Account.query(on: database).filter(\.$iban == iban.value).filter(\.$company.$id == companyID).first()
        }
        if payer == nil { validator.add("payerAccount", .unknownAccount) }
        try validator.throwIfInvalid()
        guard let payer, let payerID = payer.id, let number, let knp else { throw BankError.internalError }
        let currency = try Currency(code: payer.currency)
        let lines = try PayrollCSV.parse(draft.csv, currency: currency).mapError { BankError($0) }.get()
        var total = Money.zero(currency)
        for line in lines {
            do { total = try total.adding(line.amount) } catch { throw BankError.validation([FieldViolation(field: "csv", code: .invalidValue)]) }
        }
        let finalTotal = total
        let payroll = Payroll()
        payroll.id = UUID()
        payroll.$company.id = companyID
        payroll.$author.id = caller.userID
        payroll.$payerAccount.id = payerID
        (payroll.number, payroll.knp, payroll.currency, payroll.total, payroll.lineCount) = (
            number, knp.code, currency.code, total.minorUnits, lines.count
        )
        payroll.status = .draft
        payroll.createdAt = services.clock.now()
        payroll.contentHash = Self.contentHash(payer: payer.iban, knp: knp.code, currency: currency.code, lines: lines)
        let cipher = services.cipher
        try await database.transaction { tx in
            try await payroll.create(on: tx)
            for line in lines {
                let record = PayrollLine()
                let id = UUID()
                record.id = id
                record.$payroll.id = try payroll.requireID()
                record.lineNumber = line.number
                record.fullName = try cipher.seal(
                    line.fullName,
                    with: cipher.keys.systemData,
                    context: .init(table: "payroll_lines", column: "full_name", row: id)
                )
                record.iin = try cipher.seal(
                    line.iin.value,
                    with: cipher.keys.systemData,
                    context: .init(table: "payroll_lines", column: "iin", row: id)
                )
                (record.iban, record.amount, record.status) = (line.iban.value, line.amount.minorUnits, .pending)
                try await record.create(on: tx)
            }
            try await AuditLog.record(
                .payrollCreated,
                actor: caller.userID,
                subject: .payroll(try payroll.requireID()),
                details: ["lines": String(lines.count), "total": String(finalTotal.minorUnits), "content_hash": payroll.contentHash],
                at: services.clock.now(),
                on: tx
            )
        }
        return payroll
    }

    /// The payer, KNP, currency and every line (IIN, IBAN, amount) in a fixed layout; the line set is sorted
    /// by `CanonicalBatch`, so the hash does not depend on the file's order.
    static func contentHash(payer: String, knp: String, currency: String, lines: [PayrollCSV.Line]) -> String {
        let contents = lines.map { "iin=\($0.iin.value)\niban=\($0.iban.value)\namount=\($0.amount.minorUnits)\n" }
        let text = "payer=\(payer)\nknp=\(knp)\ncurrency=\(currency)\n" + CanonicalBatch.content(of: contents)
        return SHA256.hash(data: Data(text.utf8)).hexString
    }

    func payroll(_ id: UUID, caller: Caller, on database: any Database) async throws -> (Payroll, Membership) {
        guard let payroll = try await Payroll.find(id, on: database) else { throw BankError.notFound }
        return (payroll, try await CompanyAccess.membership(userID: caller.userID, companyID: payroll.$company.id, on: database))
    }

    /// The same `SigningRule` as payment orders: director first, accountant second, both above the company's
    /// threshold, the author alone only under "director alone". When complete, one SMS code for the whole payroll.
    func sign(
        payrollID: UUID,
        caller: Caller,
        language: Language,
        risk: RiskContext = .none,
        on database: any Database
    ) async throws -> (Payroll, OtpChallenge?, PhoneNumber) {
        let (payroll, membership) = try await payroll(payrollID, caller: caller, on: database)
        let slot = try membership.role.signatureSlot()
        let phone = try await services.vault.open(caller.user, on: database).phone
        if payroll.status == .awaitingConfirmation {
            return (payroll, try await reissueCode(payroll, caller: caller, phone: phone, language: language, on: database), phone)
        }
        guard [.draft, .awaitingSignatures].contains(payroll.status) else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        guard let rule = try await Company.find(payroll.$company.id, on: database)?.signingRule else { throw BankError.notFound }
        return try await database.transaction { tx in
            let stored = try await PayrollSignature.query(on: tx).filter(\.$payroll.$id == payrollID).all()
            let (_, complete) = try await SignerRoles.step(
                stored,
                user: { $0.$user.id },
                slot: \.slot,
                companyID: payroll.$company.id,
                rule: rule,
                signer: caller.userID,
                role: membership.role,
                amount: payroll.total,
                author: payroll.$author.id,
                on: tx
            )
            let signature = PayrollSignature()
            (signature.$payroll.id, signature.$user.id, signature.slot, signature.signedAt) = (payrollID, caller.userID, slot, services.clock.now())
            try await signature.create(on: tx)
            try await AuditLog.record(
                .payrollSigned,
                actor: caller.userID,
                subject: .payroll(payrollID),
                details: ["slot": slot],
                at: services.clock.now(),
                on: tx
            )
            guard complete else {
                payroll.status = .awaitingSignatures
                try await payroll.save(on: tx)
                return (payroll, nil, phone)
            }
            // §2.2.4 as for a single order (review M1): the reasons are kept, and the lines held at confirmation
            let assessment = try await RiskEngine(services: services).assess("payroll_sign", caller: caller, risk: risk, on: tx)
            payroll.riskReasons = assessment.elevated ? assessment.reasons.joined(separator: ",") : nil
            payroll.status = .awaitingConfirmation
            try await payroll.save(on: tx)
            return (payroll, try await confirmationCode(payroll, caller: caller, phone: phone, language: language, on: tx), phone)
        }
    }

    /// One SMS code for the whole payroll, bound to its content hash.
    private func confirmationCode(
        _ payroll: Payroll,
        caller: Caller,
        phone: PhoneNumber,
        language: Language,
        on database: any Database
    )
        async throws -> OtpChallenge
    {
        let total = Money(minorUnits: payroll.total, currency: try Currency(code: payroll.currency))
        return try await services.otp.issue(
            purpose: .basketConfirmation,
            userID: caller.userID,
            phone: phone,
            binding: payroll.contentHash,
            context: .init(
                language: language,
                templateParameters: ["count": String(payroll.lineCount), "amount": "\(total.decimalString) \(payroll.currency)"]
            ),
            on: database
        )
    }

    /// A payroll awaiting its code whose code was lost or expired would be stuck: a person who signed it asks
    /// again and gets a new code; the signatures, lines and risk reasons stay as they are.
    private func reissueCode(
        _ payroll: Payroll,
        caller: Caller,
        phone: PhoneNumber,
        language: Language,
        on database: any Database
    )
        async throws -> OtpChallenge
    {
        let payrollID = try payroll.requireID()
        let signed = try await PayrollSignature.query(on: database).filter(\.$payroll.$id == payrollID).filter(\.$user.$id == caller.userID)
            .count()
        guard signed > 0 else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        return try await database.transaction { tx in
            let challenge = try await confirmationCode(payroll, caller: caller, phone: phone, language: language, on: tx)
            try await AuditLog.record(
                .payrollCodeReissued,
                actor: caller.userID,
                subject: .payroll(payrollID),
                at: services.clock.now(),
                on: tx
            )
            return challenge
        }
    }

    /// One code for the whole payroll; then `PayrollRunner` pays it line by line (limits, clearing, fraud holds).
    func confirm(
        payrollID: UUID,
        caller: Caller,
        challengeID: UUID,
        code: String,
        risk: RiskContext = .none,
        runner: PayrollRunner? = nil,
        on database: any Database
    ) async throws -> Payroll {
        let (payroll, _) = try await payroll(payrollID, caller: caller, on: database)
        guard payroll.status == .awaitingConfirmation else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        _ = try await services.otp.verify(
            challengeID: challengeID,
            code: code,
            purpose: .basketConfirmation,
            binding: payroll.contentHash,
            caller: caller,
            on: database
        )
        let assessment = try await RiskEngine(services: services).assess("payroll_confirm", caller: caller, risk: risk, on: database)
        let reasons = Set((payroll.riskReasons ?? "").split(separator: ",").map(String.init) + assessment.reasons).sorted()
        // Claimed once: a second confirmation cannot execute the lines again.
        let now = services.clock.now()
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let riskReasons: String? = reasons.isEmpty ? nil : reasons.joined(separator: ",")
        let claimed = try await sql.claim(
            Payroll.schema,
            id: payrollID,
            set: ["status": Payroll.Status.executing.rawValue, "executed_at": now, "risk_reasons": riskReasons]
        ) { $0.where("status", .equal, Payroll.Status.awaitingConfirmation.rawValue) }
        guard claimed != nil, let fresh = try await Payroll.find(payrollID, on: database) else {
            throw BankError(status: .conflict, code: .paymentNotSignable)
        }
        try await (runner ?? PayrollRunner(services: services)).run(fresh, actor: caller.userID, on: database)
        return fresh
    }
}
