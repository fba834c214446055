import BankCore
import Fluent
import Foundation

/// Validates a payment order against the domain rules and the bank's own records: the payer account must
/// be the company's and in the order's currency; a payee at this bank must exist. Reports every field at once.
struct PaymentOrderChecker: Sendable {
    let services: BankServices

    struct Checked: Sendable {
        let order: PaymentOrder
        let payerAccountID: UUID
        let kind: PaymentOrderRecord.Kind
    }

    func check(_ input: PaymentOrderInput, companyID: UUID, on database: any Database) async throws -> Checked {
        var violations: [FieldViolation] = []
        let order: PaymentOrder?
        switch PaymentOrder.validate(input) {
        case .success(let valid): order = valid
        case .failure(let invalid):
            order = nil
            violations = invalid.violations.map { FieldViolation(field: $0.field, code: FieldCode(core: $0.code)) }
        }
        // The payer account is looked up even when other fields are wrong, so its error is reported too. A payee at
        // this bank is read in the same query.
        let payerIBAN = try? IBAN(input.payerAccount)
        let ownBankPayee = order.map(\.beneficiaryAccount).flatMap { $0.bankCode == services.config.bankCode ? $0.value : nil }
        let ibans = [payerIBAN?.value, ownBankPayee].compactMap { $0 }
        let known = ibans.isEmpty ? [] : try await Account.query(on: database).filter(\.$iban ~~ ibans).all()
        var payer: Account?
        if let payerIBAN {
            payer = known.first { $0.iban == payerIBAN.value && $0.$company.id == companyID }
            if payer == nil, !violations.contains(where: { $0.field == "payerAccount" }) {
                violations.append(FieldViolation(field: "payerAccount", code: .unknownAccount))
            }
        }
        guard let order, let payer, let payerID = payer.id, violations.isEmpty else {
            throw BankError.validation(violations.isEmpty ? [FieldViolation(field: "payerAccount", code: .unknownAccount)] : violations)
        }
        // Issue 14: a closed account takes no new orders, from it or to it
        if payer.status == .closed { throw BankError.validation([FieldViolation(field: "payerAccount", code: .accountClosed)]) }
        if payer.currency != order.amount.currency.code {
            throw BankError.validation([FieldViolation(field: "currency", code: .currencyMismatch)])
        }
        if order.beneficiaryAccount == order.payerAccount {
            throw BankError.validation([FieldViolation(field: "beneficiaryAccount", code: .sameAccount)])
        }
        let kind: PaymentOrderRecord.Kind
        if order.beneficiaryAccount.bankCode == services.config.bankCode {
            guard let payee = known.first(where: { $0.iban == order.beneficiaryAccount.value }), payee.kind == .current
            else {
                throw BankError.validation([FieldViolation(field: "beneficiaryAccount", code: .unknownAccount)])
            }
            if payee.currency != order.amount.currency.code {
                throw BankError.validation([FieldViolation(field: "beneficiaryAccount", code: .currencyMismatch)])
            }
            if payee.status == .closed { throw BankError.validation([FieldViolation(field: "beneficiaryAccount", code: .accountClosed)]) }
            kind = payee.$company.id == companyID ? .ownAccounts : .intrabank
        } else {
            kind = .interbank
        }
        return Checked(order: order, payerAccountID: payerID, kind: kind)
    }
}
