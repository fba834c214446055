import BankAPI
import Fluent
import Vapor

/// §2.2.4: an elevated-risk payment above the hold amount is not executed on confirmation but held for the fraud
/// team, who release it (it executes then) or reject it. Every step is audited with its reasons.
struct FraudHolds: Sendable {
    let services: BankServices

    func exceedsHoldAmount(_ record: PaymentOrderRecord) -> Bool {
        guard record.currency == "KZT" else { return true }  // no exchange rates here: foreign currency is always held
        return record.amount > services.security.fraudHoldAmountKZT * 100
    }

    func hold(_ record: PaymentOrderRecord, reasons: [String], actor: UUID, on database: any Database) async throws {
        try await record.transition(.hold, at: services.clock.now(), riskReasons: .some(reasons.joined(separator: ",")), on: database)
        try await AuditLog.record(
            .paymentHeldForReview,
            actor: actor,
            subject: .payment(try record.requireID()),
            details: ["reasons": reasons.joined(separator: ",")],
            at: services.clock.now(),
            on: database
        )
    }

    /// The fraud team's decision on a held payment: `release` executes it, otherwise it is rejected; a held payroll
    /// line follows its order. Conditional from `held_for_review`, so two decisions cannot both apply.
    func decide(_ id: UUID, release: Bool, by staff: StaffMember, on database: any Database) async throws -> PaymentOrderRecord {
        try await PaymentViews.rejectingOnLedgerFailure(id, on: database) {
            try await database.transaction { tx in
                guard let record = try await PaymentOrderRecord.find(id, on: tx) else { throw BankError.notFound }
                guard record.status == .heldForReview else { throw BankError(status: .conflict, code: .paymentNotHeld) }
                if release {
                    // a held payroll line: the pacs.008 names the employee from the sealed line
                    if record.kind == .interbank, let line = try await PayrollLine.find(id, on: tx) {
                        record.clearingCreditor = try PayrollRunner.creditor(of: line, services: services)
                    }
                    try await PaymentExecutor(services: services).execute(record, on: tx)
                } else {
                    // conditional from held_for_review: a release that won the race keeps the order executed (review M3)
                    try await record.transition(.reject, at: services.clock.now(), rejectionCode: "rejected_by_fraud_team", on: tx)
                }
                // a held payroll line follows its order (issue 10)
                try await PayrollLine.query(on: tx).filter(\.$id == id).filter(\.$status == .held)
                    .set(\.$status, to: release ? .paid : .failed).set(\.$ledgerTransactionID, to: record.ledgerTransactionID)
                    .set(\.$failureCode, to: release ? nil : "rejected_by_fraud_team").update()
                try await AuditLog.record(
                    release ? .paymentHoldReleased : .paymentHoldRejected,
                    actor: staff.id,
                    subject: .payment(id),
                    details: ["role": staff.role.rawValue],
                    at: services.clock.now(),
                    on: tx
                )
                return record
            }
        }
    }
}
