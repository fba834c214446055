import BankAPI
import BankCore
import Fluent
import Foundation

/// The one place a payment order becomes its wire view. A list loads the signatures of all its orders in one query.
enum PaymentViews {
    /// The views of `records`, in their order, with one query for all their signatures (no query per order).
    static func views(_ records: [PaymentOrderRecord], on database: any Database) async throws -> [PaymentOrderView] {
        let unknown = records.filter { $0.knownSignatures == nil }
        if !unknown.isEmpty {
            let ids = try unknown.map { try $0.requireID() }
            let signatures = try await PaymentSignature.query(on: database).filter(\.$order.$id ~~ ids).sort(\.$signedAt).all()
            let byOrder = Dictionary(grouping: signatures) { $0.$order.id }
            for record in unknown {
                record.knownSignatures = (byOrder[try record.requireID()] ?? []).filter { $0.contentHash == record.contentHash }
            }
        }
        var views: [PaymentOrderView] = []
        for record in records { views.append(try await view(record, on: database)) }
        return views
    }

    static func view(_ record: PaymentOrderRecord, on database: any Database) async throws -> PaymentOrderView {
        let signatures: [PaymentSignature]
        if let known = record.knownSignatures {
            signatures = known.sorted { $0.signedAt < $1.signedAt }
        } else {
            signatures = try await PaymentSignature.query(on: database).filter(\.$order.$id == (try record.requireID()))
                .filter(\.$contentHash == record.contentHash).sort(\.$signedAt).all()
        }
        return PaymentOrderView(
            id: try record.requireID(),
            companyId: record.$company.id,
            kind: record.kind.rawValue,
            status: record.status.rawValue,
            number: record.number,
            date: record.documentDate,
            payerAccountId: record.$payerAccount.id,
            beneficiaryName: record.beneficiaryName,
            beneficiaryTaxId: record.beneficiaryTaxID,
            beneficiaryAccount: record.beneficiaryIBAN,
            beneficiaryBic: record.beneficiaryBIC,
            kbe: record.kbe,
            knp: record.knp,
            purpose: record.purpose,
            amount: Money(minorUnits: record.amount, currency: try Currency(code: record.currency)),
            valueDate: record.valueDate,
            urgency: record.urgency,
            contentHash: record.contentHash,
            signatures: signatures.map { PaymentSignatureView(userId: $0.$user.id, slot: $0.slot, signedAt: $0.signedAt) },
            executedAt: record.executedAt,
            rejectionCode: record.rejectionCode,
            rejectionReason: record.rejectionReason
        )
    }

    /// Insufficient funds or an unavailable account at execution: nothing moved (the transaction rolled back);
    /// the order is marked rejected with the reason, and the caller gets the clear error.
    static func rejectingOnLedgerFailure<T>(_ orderID: UUID, on database: any Database, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error where error is LedgerService.LedgerError || error is PaymentLimits.Exceeded {
            let code = ProblemMiddleware.classify(error).code.rawValue
            // only an order that has not moved money: a concurrent execution that won keeps its status (review M3)
            try await PaymentOrderRecord.query(on: database).filter(\.$id == orderID)
                .filter(\.$status ~~ [.draft, .awaitingSignatures, .awaitingConfirmation, .heldForReview])
                .set(\.$status, to: .rejected).set(\.$rejectionCode, to: code).update()
            throw error
        }
    }
}
