import BankCore
import Crypto
import Fluent
import Foundation

/// Pays a confirmed payroll line by line (issue 10, review M1, M2, L7). Each line runs in a transaction of its
/// own and becomes a payment order of its own, whose id is the line's id, executed by the `PaymentExecutor` like
/// any order: through the company's and the author's limits, to an open client account here, or through the
/// clearing transit account with a pacs.008 queued for another bank (settled or returned with `bizbank clearing`).
/// When the payroll's risk was elevated and its total is above the hold amount, every line's order is held for
/// the fraud team instead (§2.2.4).
///
/// A line is final when its transaction commits: `paid`, `held`, or `failed` with the reason. A process killed
/// between lines leaves the rest `pending` under an `executing` payroll; `resumeInterrupted` finishes them, and a
/// line can never be paid twice (its order's id is unique and the executor claims it conditionally).
/// The employee's name and IIN stay sealed in `payroll_lines`: the order carries the line number and the masked
/// IIN, and only the pacs.008 for another bank carries the name and IIN it must.
struct PayrollRunner: Sendable {
    let services: BankServices
    /// Tests stop the run after this many lines, as a killed process would.
    var stopAfterLines: Int?

    struct Interrupted: Error {}

    init(services: BankServices, stopAfterLines: Int? = nil) {
        self.services = services
        self.stopAfterLines = stopAfterLines
    }

    /// A payroll still `executing` this long after its confirmation was abandoned by the process that ran it.
    static let abandonedAfter: TimeInterval = 120

    func run(_ payroll: Payroll, actor: UUID, on database: any Database) async throws {
        let payrollID = try payroll.requireID()
        let held =
            !(payroll.riskReasons ?? "").isEmpty
            && (payroll.currency != "KZT" || payroll.total > services.security.fraudHoldAmountKZT * 100)
        var done = 0
        for line in try await PayrollLine.query(on: database).filter(\.$payroll.$id == payrollID).sort(\.$lineNumber).all()
        where line.status == .pending {
            if let stop = stopAfterLines, done >= stop { throw Interrupted() }
            try await pay(line, of: payroll, held: held, actor: actor, on: database)
            done += 1
        }
        let lines = try await PayrollLine.query(on: database).filter(\.$payroll.$id == payrollID).all()
        guard !lines.contains(where: { $0.status == .pending }) else { return }
        payroll.status = lines.contains { $0.status == .failed } ? .partiallyExecuted : .executed
        try await Payroll.query(on: database).filter(\.$id == payrollID).filter(\.$status == .executing)
            .set(\.$status, to: payroll.status).update()
        try await AuditLog.record(
            .payrollExecuted,
            actor: actor,
            subject: .payroll(payrollID),
            details: [
                "failed_lines": String(lines.filter { $0.status == .failed }.count),
                "held_lines": String(lines.filter { $0.status == .held }.count), "content_hash": payroll.contentHash,
            ],
            at: services.clock.now(),
            on: database
        )
    }

    /// Finishes every payroll whose run was cut short; returns how many it finished.
    @discardableResult
    func resumeInterrupted(on database: any Database) async throws -> Int {
        let cutoff = services.clock.now().addingTimeInterval(-Self.abandonedAfter)
        let abandoned = try await Payroll.query(on: database).filter(\.$status == .executing).filter(\.$executedAt < cutoff).all()
        for payroll in abandoned { try await run(payroll, actor: payroll.$author.id, on: database) }
        return abandoned.count
    }

    private func pay(_ line: PayrollLine, of payroll: Payroll, held: Bool, actor: UUID, on database: any Database) async throws {
        let lineID = try line.requireID()
        do {
            try await database.transaction { tx in
                let order = try await order(for: line, of: payroll, on: tx)
                try await order.create(on: tx)
                let status: PayrollLine.Status
                if held {
                    try await FraudHolds(services: services).hold(
                        order,
                        reasons: (payroll.riskReasons ?? "").split(separator: ",").map(String.init),
                        actor: actor,
                        on: tx
                    )
                    status = .held
                } else {
                    try await PaymentExecutor(services: services).execute(order, notify: false, on: tx)
                    status = .paid
                }
                try await PayrollLine.query(on: tx).filter(\.$id == lineID).filter(\.$status == .pending)
                    .set(\.$status, to: status).set(\.$ledgerTransactionID, to: order.ledgerTransactionID).update()
                line.status = status
            }
        } catch let error where error is LedgerService.LedgerError || error is PaymentLimits.Exceeded || error is LineRefused {
            let code = (error as? LineRefused)?.code ?? ProblemMiddleware.classify(error).code.rawValue
            try await PayrollLine.query(on: database).filter(\.$id == lineID).filter(\.$status == .pending)
                .set(\.$status, to: .failed).set(\.$failureCode, to: code).update()
            line.status = .failed
            line.failureCode = code
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // another runner paid this line first (its order's id is the line's): nothing to do
        }
    }

    /// The employee as the pacs.008 names them, opened from the sealed line.
    static func creditor(of line: PayrollLine, services: BankServices) throws -> PaymentOrderRecord.ClearingCreditor {
        let cipher = services.cipher
        let id = try line.requireID()
        return .init(
            name: try cipher.openString(
                line.fullName,
                with: cipher.keys.systemData,
                context: .init(table: "payroll_lines", column: "full_name", row: id)
            ),
            taxID: try cipher.openString(line.iin, with: cipher.keys.systemData, context: .init(table: "payroll_lines", column: "iin", row: id))
        )
    }

    struct LineRefused: Error {
        let code: String
    }

    /// The line as a payment order: to a client account here (intrabank) or to another bank (interbank).
    private func order(for line: PayrollLine, of payroll: Payroll, on database: any Database) async throws -> PaymentOrderRecord {
        let lineID = try line.requireID()
        let cipher = services.cipher
        let iban = try IBAN(line.iban)
        let record = PaymentOrderRecord()
        let now = services.clock.now()
        let today = CivilDay.text(of: now)
        record.id = lineID
        (record.createdAt, record.updatedAt) = (now, now)
        record.$company.id = payroll.$company.id
        record.$author.id = payroll.$author.id
        record.$payerAccount.id = payroll.$payerAccount.id
        let iin = try cipher.openString(line.iin, with: cipher.keys.systemData, context: .init(table: "payroll_lines", column: "iin", row: lineID))
        (record.number, record.documentDate, record.valueDate, record.urgency) = (payroll.number, today, today, "standard")
        record.beneficiaryName = "Payroll №\(payroll.number), line \(line.lineNumber)"
        record.beneficiaryTaxID = "********" + iin.suffix(4)
        record.beneficiaryIBAN = line.iban
        (record.kbe, record.knp, record.amount, record.currency) = ("19", payroll.knp, line.amount, payroll.currency)
        record.purpose = "Payroll №\(payroll.number), line \(line.lineNumber)"
        if iban.bankCode == services.config.bankCode {
            // review L7: only an open client account; never the bank's own funding, transit or provider accounts
            guard let payee = try await Account.query(on: database).filter(\.$iban == line.iban).first(), payee.kind == .current else {
                throw LineRefused(code: "account_unavailable")
            }
            record.kind = .intrabank
            record.beneficiaryBIC = services.config.bankBIC
            record.knownPayeeAccountID = payee.id
        } else {
            guard let bank = BankDirectory.kazakhstan.entry(ibanBankCode: iban.bankCode) else { throw LineRefused(code: "unknown_bank") }
            record.kind = .interbank
            record.beneficiaryBIC = bank.bic.value
            record.clearingCreditor = try Self.creditor(of: line, services: services)
        }
        // confirmed as part of the payroll: the order starts where a confirmed order stands
        record.status = .awaitingConfirmation
        let content = "payroll=\(payroll.contentHash)\nline=\(line.lineNumber)\niban=\(line.iban)\namount=\(line.amount)\n"
        record.contentHash = SHA256.hash(data: Data(content.utf8)).hexString
        return record
    }
}
