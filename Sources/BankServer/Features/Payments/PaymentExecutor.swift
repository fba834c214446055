import BankCore
import Fluent
import Foundation
import SQLKit

/// Moves the money of a fully signed (and, where needed, confirmed) order, exactly once: the status change is
/// a conditional update in the same transaction as the ledger entries.
struct PaymentExecutor: Sendable {
    let services: BankServices

    /// `notify`: the author hears of it in the inbox (not for each line of a payroll).
    func execute(_ record: PaymentOrderRecord, notify: Bool = true, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let orderID = try record.requireID()
        let now = services.clock.now()
        let target: PaymentOrderRecord.Status
        do { target = try record.status.applying(record.kind == .interbank ? .send : .execute) } catch { throw BankError.paymentStatusChanged }
        let transactionID = UUID()
        let claimed = try await sql.claim(
            PaymentOrderRecord.schema,
            id: orderID,
            set: ["status": target.rawValue, "executed_at": now, "updated_at": now, "ledger_transaction_id": transactionID]
        ) { $0.where("status", .equal, record.status.rawValue).where("content_hash", .equal, record.contentHash) }
        guard claimed != nil else { throw BankError(status: .conflict, code: .paymentNotSignable) }
        try await PaymentLimits(services: services).charge(record, on: database)
        let currency = try Currency(code: record.currency)
        let destination: UUID
        switch record.kind {
        case .ownAccounts, .intrabank, .service:
            if let known = record.knownPayeeAccountID {
                destination = known
            } else {
                guard let payee = try await Account.query(on: database).filter(\.$iban == record.beneficiaryIBAN).first(), let id = payee.id else {
                    throw LedgerService.LedgerError.accountUnavailable(accountID: record.$payerAccount.id)
                }
                destination = id
            }
        case .interbank:
            destination = try await services.accounts.bankAccount(.clearingTransit, currency: currency, on: database).requireID()
        }
        let transaction = try await services.ledger.transfer(
            Money(minorUnits: record.amount, currency: currency),
            from: record.$payerAccount.id,
            to: destination,
            kind: "payment_\(record.kind.rawValue)",
            reference: "payment:\(orderID)",
            description: "№\(record.number) \(record.purpose)",
            transactionID: transactionID,
            on: database
        )
        record.status = target
        record.executedAt = now
        record.ledgerTransactionID = transaction.id
        if record.kind == .interbank {
            try await ClearingService(services: services).queue(record, on: database)
        }
        try await AuditLog.record(
            .paymentExecuted,
            actor: nil,
            subject: .payment(orderID),
            details: [
                "content_hash": record.contentHash, "document_hash": PaymentIntegrity.documentHash(record), "status": target.rawValue,
                "ledger_transaction": try transaction.requireID().uuidString,
            ],
            at: now,
            on: database
        )
        if notify { try await notifyAuthor(record, amount: Money(minorUnits: record.amount, currency: currency), on: database) }
    }

    /// §2.2.3: the order's author hears of the execution in the inbox, and by push when a device has a token.
    private func notifyAuthor(_ record: PaymentOrderRecord, amount: Money, on database: any Database) async throws {
        let message = NotificationMessage(
            key: record.status == .sent ? "notification.payment_sent" : "notification.payment_executed",
            parameters: ["number": record.number, "amount": "\(amount.decimalString) \(record.currency)", "payee": record.beneficiaryName]
        )
        // In-app and push need only the author's id: the user row is read only if a channel needs the phone or e-mail.
        try await NotificationService(services: services).notify(
            userID: record.$author.id,
            .operational,
            message,
            channels: [.inApp, .push],
            on: database
        )
    }
}
