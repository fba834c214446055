import BankCore
import Fluent
import Foundation
import SQLKit

extension PaymentOrderRecord {
    /// Applies `event` to the status this record was read in, as one conditional update from that status and
    /// content (issue 10): when another request changed the order first, nothing is written and the caller gets
    /// 409 `payment_status_changed` — a lost race is an answer, never a silent overwrite.
    func transition(
        _ event: PaymentStatus.Event,
        at now: Date,
        riskReasons: String?? = nil,
        rejectionCode: String? = nil,
        on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let next: PaymentStatus
        do { next = try status.applying(event) } catch { throw BankError.paymentStatusChanged }
        var update = sql.update(Self.schema).set("status", to: next.rawValue).set("updated_at", to: now)
        if let riskReasons { update = update.set("risk_reasons", to: riskReasons) }
        if let rejectionCode { update = update.set("rejection_code", to: rejectionCode) }
        let claimed =
            try await update
            .where("id", .equal, try requireID())
            .where("status", .equal, status.rawValue)
            .where("content_hash", .equal, contentHash)
            .returning("id")
            .first()
        guard claimed != nil else { throw BankError.paymentStatusChanged }
        status = next
        updatedAt = now
        if let riskReasons { self.riskReasons = riskReasons }
        if let rejectionCode { self.rejectionCode = rejectionCode }
    }
}

extension BankError {
    /// Another request changed the payment first (a lost race, or a state the action does not apply to).
    static var paymentStatusChanged: BankError { BankError(status: .conflict, code: .paymentStatusChanged) }
}
