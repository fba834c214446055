import BankAPI
import BankCore
import Fluent
import Foundation
import VaporTesting

@testable import BankServer

/// A company with a director, an accountant and an operator, each signed in, and funded KZT accounts.
struct PaymentCompany: Sendable {
    let id: UUID
    let director: SessionGrant
    let accountant: SessionGrant
    let operatorUser: SessionGrant
    let directorPhone: String
    let main: Account
    let second: Account
}

extension TestHarness {
    func paymentCompany(funds: Int64 = 1_000_000_00, dualThreshold: Int64? = nil) async throws -> PaymentCompany {
        let registration = Fixtures.registration()
        let director = try await registerActive(registration)
        let companyID = director.user.companies[0].id
        let accountant = try await registerActive()
        let operatorUser = try await registerActive()
        try await Membership(userID: accountant.user.id, companyID: companyID, role: .accountant).create(on: db)
        try await Membership(userID: operatorUser.user.id, companyID: companyID, role: .operator).create(on: db)
        if let dualThreshold, let company = try await Company.find(companyID, on: db) {
            company.dualSignatureThreshold = dualThreshold
            try await company.save(on: db)
        }
        let accounts = try await fundedAccounts(companyID: companyID, [(.kzt, funds), (.kzt, 0)])
        return PaymentCompany(
            id: companyID,
            director: director,
            accountant: accountant,
            operatorUser: operatorUser,
            directorPhone: registration.person.phone,
            main: accounts[0],
            second: accounts[1]
        )
    }

    func order(
        from payer: Account,
        to payee: Account,
        amount: String,
        beneficiaryTaxID: String = Fixtures.bin().value,
        number: String = "17"
    )
        -> PaymentOrderInput
    {
        let today = String(ISO8601DateFormatter().string(from: clock.now()).prefix(10))
        return PaymentOrderInput(
            number: number,
            date: today,
            payerAccount: payer.iban,
            beneficiaryName: "ТОО «Алтын Дала»",
            beneficiaryTaxID: beneficiaryTaxID,
            beneficiaryAccount: payee.iban,
            beneficiaryBIC: services.config.bankBIC,
            kbe: "17",
            knp: "710",
            purpose: "Оплата по договору №5 за товары",
            amount: amount,
            currency: payee.currency,
            valueDate: today,
            urgency: "standard"
        )
    }
}

extension TestHarness {
    /// The director signs an order that needs an SMS code and confirms it with the code just sent.
    @discardableResult
    func signAndConfirm(_ orderID: UUID, _ company: PaymentCompany) async throws -> TestingHTTPResponse {
        let outcome = try await send(.POST, "/api/v1/payments/\(orderID)/sign", token: company.director.token).content.decode(SignOutcome.self)
        guard let challenge = outcome.confirmation else { throw TestFailure("no confirmation was asked for") }
        let code = try await latestCode(to: company.directorPhone)
        return try await send(
            .POST,
            "/api/v1/payments/\(orderID)/confirm",
            json: OtpAnswer(challengeId: challenge.challengeId, code: code),
            token: company.director.token
        )
    }
}

extension TestHarness {
    /// The caller a service sees for this signed-in person, for tests that drive a service directly.
    func caller(_ grant: SessionGrant) async throws -> Caller {
        guard let session = try await UserSession.query(on: db).filter(\.$tokenHash == SessionService.tokenHash(grant.token)).first(),
            let user = try await User.find(grant.user.id, on: db)
        else { throw TestFailure("no session for the grant") }
        return Caller(session: session, user: user)
    }
}
