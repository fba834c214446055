import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation

/// §2.3.4 paying for services: a mobile top-up by phone number (the operator is found from the number) or a
/// utility bill by provider and account number. It becomes an ordinary payment order to the provider's account,
/// so signatures, the SMS code bound to its content, limits and idempotency all apply unchanged.
struct ServicePaymentService: Sendable {
    let services: BankServices

    /// `membership` is the caller's, as the company-scope tier loaded it (`req.membership`).
    func create(membership: Membership, caller: Caller, request: ServicePaymentRequest, on database: any Database) async throws -> PaymentOrderRecord
    {
        guard membership.role != .viewer else { throw BankError.forbidden }
        let companyID = membership.$company.id
        var validator = FieldValidator()
        var provider: ServiceProvider?
        var reference = ""
        if let phoneText = request.phone {
            if let phone = validator.parse("phone", { try PhoneNumber(phoneText) }) {
                provider = ServiceProvider.mobileOperator(of: phone)
                if provider == nil { validator.add("phone", .notMobile) }
                reference = phone.value
            }
        } else if let id = request.providerId {
            provider = ServiceProvider.find(id)
            if provider?.kind != .utility { validator.add("providerId", .unknownCode) }
            let account = (request.accountNumber ?? "").trimmingCharacters(in: .whitespaces)
            if !(4...20).contains(account.count) || !account.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                validator.add("accountNumber", .invalidFormat)
            }
            reference = account
        } else {
            validator.add("phone", .required)
        }
        var payer: Account?
        if let iban = try? IBAN(request.payerAccount) {
            payer = try await Account.query(on: database).filter(\.$iban == iban.value).filter(\.$company.$id == companyID).first()
        }
        if payer == nil { validator.add("payerAccount", .unknownAccount) }
        var amount: Money?
        if let payer, let currency = try? Currency(code: payer.currency) {
            if currency != .kzt { validator.add("payerAccount", .currencyMismatch) }
            amount = validator.parse("amount") { () throws -> Money in
                let money = try Money(parsing: request.amount, currency: currency)
                guard money.isPositive else { throw BankError.malformedRequest }
                return money
            }
        }
        try validator.throwIfInvalid()
        guard let provider, let payer, let payerID = payer.id, let amount else { throw BankError.internalError }
        let providerAccount = try await services.accounts.bankAccount(.provider, currency: .kzt, slot: provider.slot, on: database)
        let today = PaymentLimits.bankingDay(services.clock.now())
        let record = PaymentOrderRecord()
        record.id = UUID()
        record.createdAt = services.clock.now()
        record.updatedAt = record.createdAt
        record.$company.id = companyID
        record.$author.id = caller.userID
        record.$payerAccount.id = payerID
        (record.number, record.documentDate, record.valueDate, record.urgency) = ("S" + SecureRandom.digits(6), today, today, "standard")
        (record.beneficiaryName, record.beneficiaryTaxID, record.beneficiaryIBAN) = (provider.name, provider.bin, providerAccount.iban)
        (record.beneficiaryBIC, record.kbe, record.knp) = (services.config.bankBIC, "17", "859")
        record.purpose = provider.kind == .mobile ? "Mobile top-up" : "Utility bill, account \(reference)"
        (record.amount, record.currency, record.kind, record.status) = (amount.minorUnits, amount.currency.code, .service, .draft)
        // The code binds payer, provider account, the number or account being paid, and the amount.
        let content =
            "format=bizbank.service-payment.v1\npayer=\(payer.iban)\npayee=\(providerAccount.iban)\nreference=\(reference)\namount=\(amount.minorUnits)\n"
        record.contentHash = SHA256.hash(data: Data(content.utf8)).hexString
        try await database.transaction { tx in
            try await record.create(on: tx)
            try await AuditLog.record(
                .paymentCreated,
                actor: caller.userID,
                subject: .payment(try record.requireID()),
                details: ["kind": "service", "provider": provider.id, "content_hash": record.contentHash],
                at: services.clock.now(),
                on: tx
            )
        }
        return record
    }
}
