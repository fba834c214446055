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
        risk: RiskContext = .none,
        on database: any Database
    ) async throws
        -> ([PaymentOrderRecord], OtpChallenge?, PhoneNumber)
    {
        try Self.checkIDs(ids)
        let phone = try await services.vault.open(caller.user, on: database).phone
        return try await database.transaction { tx in
            var records: [PaymentOrderRecord] = []
            var awaitingCode: [PaymentOrderRecord] = []
            for (index, id) in ids.enumerated() {
                guard try await PaymentOrderRecord.find(id, on: tx)?.$company.id == companyID else {
                    throw BankError.validation([FieldViolation(field: "paymentIds[\(index)]", code: .invalidValue)])
                }
                let result: PaymentService.SignResult
                // each order gets the same §2.2.4 assessment as when signed alone (review H1)
                result = try await services.payments.sign(orderID: id, caller: caller, language: language, issueCode: false, risk: risk, on: tx)
                switch result {
                case .executed(let record), .awaitingSignatures(let record): records.append(record)
                case .awaitingBasketConfirmation(let record), .awaitingConfirmation(let record, _, _):
                    records.append(record)
                    awaitingCode.append(record)
                }
            }
            guard !awaitingCode.isEmpty else { return (records, nil, phone) }
            let amount = try Self.totals(awaitingCode).map { "\($0.decimalString) \($0.currency.code)" }
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
    /// `membership` is the caller's, as the company-scope tier loaded it (`req.membership`).
    func confirm(
        membership: Membership,
        ids: [UUID],
        caller: Caller,
        challengeID: UUID,
        code: String,
        risk: RiskContext = .none,
        on database: any Database
    ) async throws
        -> [PaymentOrderRecord]
    {
        try Self.checkIDs(ids)
        let companyID = membership.$company.id
        let records = try await PaymentOrderRecord.query(on: database).filter(\.$id ~~ ids).filter(\.$company.$id == companyID).all()
        guard records.count == Set(ids).count, records.allSatisfy({ $0.status == .awaitingConfirmation }) else {
            throw BankError(status: .conflict, code: .paymentNotSignable)
        }
        _ = try await services.otp.verify(
            challengeID: challengeID,
            code: code,
            purpose: .basketConfirmation,
            binding: Self.basketHash(records),
            caller: caller,
            on: database
        )
        let assessment = try await RiskEngine(services: services).assess("basket_confirm", caller: caller, risk: risk, on: database)
        let holds = FraudHolds(services: services)
        for record in records {
            do {
                try await database.transaction { tx in
                    // §2.2.4 as for a single order: elevated risk at signing or now, above the amount, is held (review H1)
                    let reasons = Set((record.riskReasons ?? "").split(separator: ",").map(String.init) + assessment.reasons)
                    if !reasons.isEmpty, holds.exceedsHoldAmount(record) {
                        try await holds.hold(record, reasons: reasons.sorted(), actor: caller.userID, on: tx)
                    } else {
                        try await PaymentExecutor(services: services).execute(record, on: tx)
                    }
                }
            } catch let error where error is LedgerService.LedgerError || error is PaymentLimits.Exceeded {
                try await record.transition(
                    .reject,
                    at: services.clock.now(),
                    rejectionCode: ProblemMiddleware.classify(error).code.rawValue,
                    on: database
                )
            }
        }
        return records
    }

    /// The total per currency, every sum checked: orders near `Int64.max` are a 422, never a trap that stops the
    /// process (review H2).
    static func totals(_ records: [PaymentOrderRecord]) throws -> [Money] {
        var totals: [String: Money] = [:]
        for record in records {
            let money = Money(minorUnits: record.amount, currency: try Currency(code: record.currency))
            do {
                totals[record.currency] = try (totals[record.currency] ?? .zero(money.currency)).adding(money)
            } catch {
                throw BankError.validation([FieldViolation(field: "paymentIds", code: .amountTooLarge)])
            }
        }
        return totals.sorted { $0.key < $1.key }.map(\.value)
    }

    private static func checkIDs(_ ids: [UUID]) throws {
        guard !ids.isEmpty, ids.count <= maximum, Set(ids).count == ids.count else {
            throw BankError.validation([FieldViolation(field: "paymentIds", code: .invalidValue)])
        }
    }
}
