import BankCore
import Foundation

/// A payment order as the app shows it.
public struct PaymentOrderView: Codable, Sendable, Equatable {
    public var id: UUID
    public var companyId: UUID
    public var kind: String
    public var status: String
    public var number: String
    public var date: String
    public var payerAccountId: UUID
    public var beneficiaryName: String
    public var beneficiaryTaxId: String
    public var beneficiaryAccount: String
    public var beneficiaryBic: String
    public var kbe: String
    public var knp: String
    public var purpose: String
    public var amount: Money
    public var valueDate: String
    public var urgency: String
    /// SHA-256 of the canonical content that signatures and the SMS code are bound to.
    public var contentHash: String
    public var signatures: [PaymentSignatureView]
    public var executedAt: Date?
    public var rejectionCode: String?
    /// What the signer who rejected the order wrote (`rejected_by_signer`).
    public var rejectionReason: String?

    public init(
        id: UUID,
        companyId: UUID,
        kind: String,
        status: String,
        number: String,
        date: String,
        payerAccountId: UUID,
        beneficiaryName: String,
        beneficiaryTaxId: String,
        beneficiaryAccount: String,
        beneficiaryBic: String,
        kbe: String,
        knp: String,
        purpose: String,
        amount: Money,
        valueDate: String,
        urgency: String,
        contentHash: String,
        signatures: [PaymentSignatureView],
        executedAt: Date?,
        rejectionCode: String?,
        rejectionReason: String? = nil
    ) {
        self.id = id
        self.companyId = companyId
        self.kind = kind
        self.status = status
        self.number = number
        self.date = date
        self.payerAccountId = payerAccountId
        self.beneficiaryName = beneficiaryName
        self.beneficiaryTaxId = beneficiaryTaxId
        self.beneficiaryAccount = beneficiaryAccount
        self.beneficiaryBic = beneficiaryBic
        self.kbe = kbe
        self.knp = knp
        self.purpose = purpose
        self.amount = amount
        self.valueDate = valueDate
        self.urgency = urgency
        self.contentHash = contentHash
        self.signatures = signatures
        self.executedAt = executedAt
        self.rejectionCode = rejectionCode
        self.rejectionReason = rejectionReason
    }
}

/// `POST /payments/{id}/reject`: a signer refuses the order, with a reason the author sees (issue 10).
public struct RejectPaymentRequest: Codable, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

public struct PaymentSignatureView: Codable, Sendable, Equatable {
    public var userId: UUID
    public var slot: String
    public var signedAt: Date
    public init(userId: UUID, slot: String, signedAt: Date) {
        self.userId = userId
        self.slot = slot
        self.signedAt = signedAt
    }
}

/// What signing led to: executed (own accounts), more signatures needed, or an SMS code to confirm.
public struct SignOutcome: Codable, Sendable {
    public var order: PaymentOrderView
    public var confirmation: OtpChallengeResponse?
    public init(order: PaymentOrderView, confirmation: OtpChallengeResponse?) {
        self.order = order
        self.confirmation = confirmation
    }
}

/// A spending limit in minor units; `userId` nil means the whole company. A nil amount means no limit.
public struct PaymentLimitView: Codable, Sendable, Equatable {
    public var userId: UUID?
    public var currency: String
    public var perPayment: Int64?
    public var daily: Int64?
    public init(userId: UUID?, currency: String, perPayment: Int64?, daily: Int64?) {
        self.userId = userId
        self.currency = currency
        self.perPayment = perPayment
        self.daily = daily
    }
}

/// A saved payee (§2.3.2).
public struct BeneficiaryView: Codable, Sendable, Equatable {
    public var id: UUID?
    public var name: String
    public var taxId: String
    public var iban: String
    public var bic: String
    public var kbe: String
    public init(id: UUID? = nil, name: String, taxId: String, iban: String, bic: String, kbe: String) {
        self.id = id
        self.name = name
        self.taxId = taxId
        self.iban = iban
        self.bic = bic
        self.kbe = kbe
    }
}

/// A payment template: a named order to reuse (§2.3.2).
public struct TemplateView: Codable, Sendable, Equatable {
    public var id: UUID?
    public var name: String
    public var order: PaymentOrderInput
    public init(id: UUID? = nil, name: String, order: PaymentOrderInput) {
        self.id = id
        self.name = name
        self.order = order
    }
}

/// Save an executed or draft order as a template or its payee as a beneficiary.
public struct SaveFromPaymentRequest: Codable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// The signing basket: several orders signed together, confirmed with one SMS code.
public struct BasketSignRequest: Codable, Sendable {
    public var paymentIds: [UUID]
    /// §2.2.4: as for a single order, the device's location with the fraud-check consent.
    public var location: DeviceLocation?
    public init(paymentIds: [UUID], location: DeviceLocation? = nil) {
        self.paymentIds = paymentIds
        self.location = location
    }
}

public struct BasketConfirmRequest: Codable, Sendable {
    public var paymentIds: [UUID]
    public var challengeId: UUID
    public var code: String
    public var location: DeviceLocation?
    public init(paymentIds: [UUID], challengeId: UUID, code: String, location: DeviceLocation? = nil) {
        self.paymentIds = paymentIds
        self.challengeId = challengeId
        self.code = code
        self.location = location
    }
}

public struct BasketOutcome: Codable, Sendable {
    public var orders: [PaymentOrderView]
    public var confirmation: OtpChallengeResponse?
    public init(orders: [PaymentOrderView], confirmation: OtpChallengeResponse?) {
        self.orders = orders
        self.confirmation = confirmation
    }
}

/// Upload a payroll: the CSV (full name; IIN; IBAN; amount per line, optional header) as text.
public struct PayrollUpload: Codable, Sendable {
    public var payerAccount: String
    public var number: String
    public var knp: String
    public var csv: String
    public init(payerAccount: String, number: String, knp: String, csv: String) {
        self.payerAccount = payerAccount
        self.number = number
        self.knp = knp
        self.csv = csv
    }
}

public struct PayrollLineView: Codable, Sendable, Equatable {
    public var line: Int
    public var fullName: String
    public var iinMasked: String
    public var iban: String
    public var amount: Money
    public var status: String
    public var failureCode: String?
    public init(line: Int, fullName: String, iinMasked: String, iban: String, amount: Money, status: String, failureCode: String?) {
        self.line = line
        self.fullName = fullName
        self.iinMasked = iinMasked
        self.iban = iban
        self.amount = amount
        self.status = status
        self.failureCode = failureCode
    }
}

public struct PayrollView: Codable, Sendable {
    public var id: UUID
    public var number: String
    public var status: String
    public var total: Money
    public var contentHash: String
    public var lines: [PayrollLineView]
    public var confirmation: OtpChallengeResponse?
    public init(
        id: UUID,
        number: String,
        status: String,
        total: Money,
        contentHash: String,
        lines: [PayrollLineView],
        confirmation: OtpChallengeResponse?
    ) {
        self.id = id
        self.number = number
        self.status = status
        self.total = total
        self.contentHash = contentHash
        self.lines = lines
        self.confirmation = confirmation
    }
}

/// The receipt of an executed order: what was paid, from where, to whom, when, and the hashes that prove it.
public struct PaymentReceipt: Codable, Sendable {
    public var receiptNumber: String
    public var executedAt: Date
    public var status: String
    public var payerName: String
    public var payerTaxId: String
    public var payerAccount: String
    public var payerBic: String
    public var beneficiaryName: String
    public var beneficiaryTaxId: String
    public var beneficiaryAccount: String
    public var beneficiaryBic: String
    public var amount: Money
    public var knp: String
    public var purpose: String
    public var documentNumber: String
    public var contentHash: String
    public init(
        receiptNumber: String,
        executedAt: Date,
        status: String,
        payerName: String,
        payerTaxId: String,
        payerAccount: String,
        payerBic: String,
        beneficiaryName: String,
        beneficiaryTaxId: String,
        beneficiaryAccount: String,
        beneficiaryBic: String,
        amount: Money,
        knp: String,
        purpose: String,
        documentNumber: String,
        contentHash: String
    ) {
        self.receiptNumber = receiptNumber
        self.executedAt = executedAt
        self.status = status
        self.payerName = payerName
        self.payerTaxId = payerTaxId
        self.payerAccount = payerAccount
        self.payerBic = payerBic
        self.beneficiaryName = beneficiaryName
        self.beneficiaryTaxId = beneficiaryTaxId
        self.beneficiaryAccount = beneficiaryAccount
        self.beneficiaryBic = beneficiaryBic
        self.amount = amount
        self.knp = knp
        self.purpose = purpose
        self.documentNumber = documentNumber
        self.contentHash = contentHash
    }
}

/// §2.3.4 paying for services: `phone` for a mobile top-up, or `providerId` + `accountNumber` for a utility bill.
public struct ServicePaymentRequest: Codable, Sendable {
    public var payerAccount: String
    public var phone: String?
    public var providerId: String?
    public var accountNumber: String?
    public var amount: String
    public init(payerAccount: String, phone: String? = nil, providerId: String? = nil, accountNumber: String? = nil, amount: String) {
        self.payerAccount = payerAccount
        self.phone = phone
        self.providerId = providerId
        self.accountNumber = accountNumber
        self.amount = amount
    }
}

/// §2.3.4: a provider a service payment can go to: `mobile` operators (found from the phone number) and `utility`
/// companies (chosen by `id`, paid by the customer's account number with them).
public struct ServiceProviderView: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String
    public var name: String
    public init(id: String, kind: String, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }
}

/// The company's signing rule: nil → one signature (the director's) always suffices; an amount in minor units →
/// above it both the director's and the accountant's signatures are needed.
/// `authorMaySignAlone`: the author's own signature completes an order ("director alone", sole proprietors); false →
/// someone other than the author must sign too. Omitted in a PUT: unchanged.
public struct SigningRuleView: Codable, Sendable, Equatable {
    public var dualSignatureAbove: Int64?
    public var authorMaySignAlone: Bool?
    public init(dualSignatureAbove: Int64?, authorMaySignAlone: Bool? = nil) {
        self.dualSignatureAbove = dualSignatureAbove
        self.authorMaySignAlone = authorMaySignAlone
    }
}
