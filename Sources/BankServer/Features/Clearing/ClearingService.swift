import BankCore
import Fluent
import Foundation
import SQLKit

/// Interbank clearing: queues the pacs.008 message of a sent payment, and settles or returns it
/// (`bizbank clearing`). Settling moves the money from the clearing transit account to the bank's
/// correspondent (funding) account; a return credits the payer back. Both go through the ledger.
struct ClearingService: Sendable {
    let services: BankServices

    func queue(_ record: PaymentOrderRecord, on database: any Database) async throws {
        let orderID = try record.requireID()
        guard let payer = try await Account.find(record.$payerAccount.id, on: database),
            let company = try await Company.find(record.$company.id, on: database)
        else { throw BankError.internalError }
        let message = ClearingMessage()
        message.$payment.id = orderID
        message.messageID = "BB" + orderID.uuidString.replacingOccurrences(of: "-", with: "").prefix(30)
        message.xml =
            Pacs008Message(
                messageID: message.messageID,
                createdAt: services.clock.now(),
                settlementDate: try settlementDate(of: record).description,
                amount: Money(minorUnits: record.amount, currency: try Currency(code: record.currency)),
                debtorName: company.name,
                debtorTaxID: try services.companyIdentity.taxID(of: company),
                debtorIBAN: payer.iban,
                debtorAgentBIC: services.config.bankBIC,
                creditorName: record.clearingCreditor?.name ?? record.beneficiaryName,
                creditorTaxID: record.clearingCreditor?.taxID ?? record.beneficiaryTaxID,
                creditorIBAN: record.beneficiaryIBAN,
                creditorAgentBIC: record.beneficiaryBIC,
                purposeCode: record.knp,
                remittance: record.purpose
            ).xml
        message.status = .queued
        message.createdAt = services.clock.now()
        try await message.create(on: database)
    }

    /// The order's value date, or a later working day when it is sent after the cut-off or on a day off (DOMAIN.md).
    func settlementDate(of record: PaymentOrderRecord) throws -> CivilDate {
        let cutOff = ClearingCutOff(calendar: services.workingCalendar, cutOffMinutes: services.config.clearingCutOffMinutes)
        return cutOff.settlementDate(requested: try CivilDate(record.valueDate), sentAt: services.clock.now())
    }

    enum Resolution: Sendable, Equatable {
        case settle
        case returned(reason: String)
    }

    /// Settles or returns one queued message; exactly once: the message is claimed by a conditional update from
    /// `queued`, and the payment moves from `sent` the same way, so a settle racing a return leaves one ledger
    /// transaction and the other gets 409 (review M3).
    func resolve(paymentID: UUID, _ resolution: Resolution, on database: any Database) async throws {
        try await database.transaction { tx in
            let target: ClearingMessage.Status
            switch resolution {
            case .settle: target = .settled
            case .returned: target = .returned
            }
            guard let tsql = tx as? any SQLDatabase,
                try await tsql.update(ClearingMessage.schema).set("status", to: target.rawValue)
                    .where("payment_id", .equal, paymentID).where("status", .equal, ClearingMessage.Status.queued.rawValue)
                    .returning("id").first() != nil,
                let message = try await ClearingMessage.query(on: tx).filter(\.$payment.$id == paymentID).first(),
                let record = try await PaymentOrderRecord.find(paymentID, on: tx), record.status == .sent
            else { throw BankError(status: .conflict, code: .paymentNotSignable) }
            let currency = try Currency(code: record.currency)
            let amount = Money(minorUnits: record.amount, currency: currency)
            let transit = try await services.accounts.bankAccount(.clearingTransit, currency: currency, on: tx).requireID()
            let now = services.clock.now()
            switch resolution {
            case .settle:
                let correspondent = try await services.accounts.bankAccount(.bankFunding, currency: currency, on: tx).requireID()
                try await services.ledger.transfer(
                    amount,
                    from: transit,
                    to: correspondent,
                    kind: "clearing_settled",
                    reference: "payment:\(paymentID)",
                    description: "Settled",
                    on: tx
                )
                try await record.transition(.settle, at: now, on: tx)
            case .returned(let reason):
                try await services.ledger.transfer(
                    amount,
                    from: transit,
                    to: record.$payerAccount.id,
                    kind: "clearing_returned",
                    reference: "payment:\(paymentID)",
                    description: "Returned: \(reason)",
                    on: tx
                )
                message.returnReason = reason
                try await record.transition(.return, at: now, on: tx)
            }
            message.resolvedAt = now
            try await message.save(on: tx)
            try await AuditLog.record(
                message.status == .settled ? .clearingSettled : .clearingReturned,
                actor: nil,
                subject: .payment(paymentID),
                details: ["message_id": message.messageID],
                at: now,
                on: tx
            )
        }
    }
}
