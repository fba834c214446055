import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation

/// The signing basket: sign several orders at once and confirm them with one SMS code, bound to the hash of
/// the set of their canonical contents (issue 3; PSD2 RTS art. 5 for batches). Signing is all-or-nothing;
/// execution is per order, so one order without funds does not block the others.
struct SigningBasket: Sendable {
    let services: BankServices

    static let maximum = 100

    static func basketHash(_ records: [PaymentOrderRecord]) -> String {
        SHA256.hash(data: Data(CanonicalBatch.content(of: records.map(\.contentHash)).utf8)).hexString
    }

    func sign(
        companyID: UUID,
        ids: [UUID],
        caller: Caller,
        language: Language,
        on database: any Database
    ) async throws
        -> ([PaymentOrderRecord], OtpChallenge?, PhoneNumber)
    {
        try Self.checkIDs(ids)
        let phone = try services.vault.open(caller.user).phone
        return try await database.transaction { tx in
            var records: [PaymentOrderRecord] = []
            var awaitingCode: [PaymentOrderRecord] = []
            for (index, id) in ids.enumerated() {
                guard try await PaymentOrderRecord.find(id, on: tx)?.$company.id == companyID else {
                    throw BankError.validation([FieldViolation(field: "paymentIds[\(index)]", code: "invalid_value")])
                }
                let result: PaymentService.SignResult
                result = try await services.payments.sign(orderID: id, caller: caller, language: language, issueCode: false, on: tx)
                switch result {
                case .executed(let record), .awaitingSignatures(let record): records.append(record)
                case .awaitingBasketConfirmation(let record), .awaitingConfirmation(let record, _, _):
                    records.append(record)
                    awaitingCode.append(record)
                }
            }
            guard !awaitingCode.isEmpty else { return (records, nil, phone) }
            let total = awaitingCode.reduce(into: [String: Int64]()) { $0[$1.currency, default: 0] += $1.amount }
            let amount = total.sorted { $0.key < $1.key }.map {
                "\(Money(minorUnits: $0.value, currency: (try? Currency(code: $0.key)) ?? .kzt).decimalString) \($0.key)"
            }
            let challenge = try await services.otp.issue(
                purpose: .basketConfirmation,
                userID: caller.userID,
                phone: phone,
                binding: Self.basketHash(awaitingCode),
                context: .init(
                    language: language,
                    templateParameters: ["count": String(awaitingCode.count), "amount": amount.joined(separator: ", ")]
                ),
                on: tx
            )
            return (records, challenge, phone)
        }
    }

    /// One code for the set: it fails if any order of the set changed, or if the set is not the one signed.
    func confirm(
        companyID: UUID,
        ids: [UUID],
        caller: Caller,
        challengeID: UUID,
        code: String,
        on database: any Database
    ) async throws
        -> [PaymentOrderRecord]
    {
        try Self.checkIDs(ids)
        _ = try await CompanyAccess.membership(userID: caller.userID, companyID: companyID, on: database)
        let records = try await PaymentOrderRecord.query(on: database).filter(\.$id ~~ ids).filter(\.$company.$id == companyID).all()
        guard records.count == Set(ids).count, records.allSatisfy({ $0.status == .awaitingConfirmation }) else {
            throw BankError(status: .conflict, code: "payment_not_signable")
        }
        let challenge = try await services.otp.verify(
            challengeID: challengeID,
            code: code,
            purpose: .basketConfirmation,
            binding: Self.basketHash(records),
            on: database
        )
        guard challenge.userID == caller.userID else { throw BankError.otpInvalid }
        for record in records {
            do {
                try await database.transaction { tx in try await PaymentExecutor(services: services).execute(record, on: tx) }
            } catch let error where error is LedgerService.LedgerError || error is PaymentLimits.Exceeded {
                record.status = .rejected
                record.rejectionCode = ProblemMiddleware.classify(error).code
                try await record.save(on: database)
            }
        }
        return records
    }

    private static func checkIDs(_ ids: [UUID]) throws {
        guard !ids.isEmpty, ids.count <= maximum, Set(ids).count == ids.count else {
            throw BankError.validation([FieldViolation(field: "paymentIds", code: "invalid_value")])
        }
    }
}
