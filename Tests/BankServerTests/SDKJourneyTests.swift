import BankAPI
import BankClient
import BankCore
import Foundation
import Testing

@testable import BankServer

/// Issue 11: the SDK end to end against the real server on a socket. A company and a sole proprietor register,
/// the director opens an account and invites an accountant, an order gets two signatures and the SMS code, the
/// statement reads and downloads in 1C, a template and a payroll follow. Every step goes through `BankClient`.
@Suite("SDK journeys")
struct SDKJourneyTests {
    @Test(arguments: TestDatabase.all)
    func aCompany_paysWithTwoSignatures_andReadsItsStatement_throughTheSDK(_ database: TestDatabase) async throws {
        try await withLiveServer(database) { live in
            // given: a company and a sole proprietor, each registered through the SDK with the code from the outbox
            let director = live.client()
            let registration = Fixtures.registration()
            let grant = try await live.register(director, registration)
            let companyID = try #require(grant.user.companies.first?.id)
            let proprietor = live.client(language: "kk")
            var soleRegistration = Fixtures.registration()
            soleRegistration.company = .init(name: "ИП Сейтқали", bin: soleRegistration.person.iin, kind: "sole_proprietor")
            let sole = try await live.register(proprietor, soleRegistration)
            #expect(sole.user.companies.first?.kind == "sole_proprietor")
            let payee = try await proprietor.send(
                Endpoints.Accounts.openAccount,
                try #require(sole.user.companies.first?.id),
                body: OpenAccountRequest(currency: "KZT")
            )

            // the director opens an account, which the bank funds (a deposit arrives through clearing, not the API)
            let account = try await director.send(Endpoints.Accounts.openAccount, companyID, body: OpenAccountRequest(currency: "KZT", name: "Main"))
            try await live.t.fund(account.id, 500_000_00)

            // two signatures above 1 000 ₸; the accountant is invited and activates their account
            let phone = registration.person.phone
            let rule = SigningRuleView(dualSignatureAbove: 1_000_00)
            _ = try await live.completing(director, phone: phone, Endpoints.Payments.setSigningRule, companyID, body: rule)
            let accountantPhone = Fixtures.phone()
            let invitation = EmployeeInvitationRequest(
                fullName: "Ержан Касымов",
                iin: Fixtures.iin().value,
                phone: accountantPhone,
                email: "erzhan@example.kz",
                role: "accountant"
            )
            _ = try await live.completing(director, phone: phone, Endpoints.Employees.inviteEmployee, companyID, body: invitation)
            let accountant = live.client(language: "ru")
            let activation = try await accountant.startActivation(phone: accountantPhone, device: Fixtures.device())
            try await accountant.completeActivation(
                activation,
                code: try await live.code(to: accountantPhone),
                password: Fixtures.password,
                policyVersion: 1
            )

            // when: the director drafts and signs, the accountant signs second and confirms with the SMS code
            let order = live.t.order(to: payee, from: account, amount: "125000.50", beneficiaryTaxID: soleRegistration.person.iin)
            let draft = try await director.send(Endpoints.Payments.createPayment, companyID, body: order)
            let first = try await director.send(Endpoints.Payments.signPayment, draft.id, body: SignPaymentRequest())
            #expect(first.order.status == "awaiting_signatures" && first.confirmation == nil)
            let second = try await accountant.send(Endpoints.Payments.signPayment, draft.id, body: SignPaymentRequest())
            let challenge = try #require(second.confirmation)
            let answer = OtpAnswer(challengeId: challenge.challengeId, code: try await live.code(to: accountantPhone))
            let executed = try await accountant.send(Endpoints.Payments.confirmPayment, draft.id, body: answer)

            // then: the money moved once, the statement shows it, the 1C file carries it
            #expect(executed.status == "executed" && executed.signatures.count == 2)
            #expect(try await director.send(Endpoints.Accounts.getAccount, account.id).balance.minorUnits == 500_000_00 - 125_000_50)
            #expect(try await proprietor.send(Endpoints.Accounts.getAccount, payee.id).balance.minorUnits == 125_000_50)
            var lines: [StatementLineView] = []
            for try await line in director.pages(Endpoints.Accounts.getStatement, account.id, query: [URLQueryItem(name: "limit", value: "1")]) {
                lines.append(line)
            }
            #expect(lines.map(\.amount.minorUnits) == [-125_000_50, 500_000_00])
            let oneC = String(decoding: try await director.statementFile(account: account.id, format: .oneC), as: UTF8.self)
            #expect(oneC.hasPrefix("1CClientBankExchange") && oneC.contains("125000.50"))

            // a template from the order, and a payroll signed alone under the threshold and confirmed
            let template = try await director.send(Endpoints.Templates.templateFromPayment, draft.id, body: SaveFromPaymentRequest(name: "Аренда"))
            #expect(try await director.send(Endpoints.Templates.listTemplates, companyID).items.map(\.id) == [template.id])
            let csv = "Гульнар Ахметова,\(soleRegistration.person.iin),\(payee.iban),500"
            let payroll = try await director.send(
                Endpoints.Payroll.uploadPayroll,
                companyID,
                body: PayrollUpload(payerAccount: account.iban, number: "P-1", knp: "332", csv: csv)
            )
            let signed = try await director.send(Endpoints.Payroll.signPayroll, payroll.id, body: SignPaymentRequest())
            let payrollChallenge = try #require(signed.confirmation)
            let paid = try await director.send(
                Endpoints.Payroll.confirmPayroll,
                payroll.id,
                body: OtpAnswer(challengeId: payrollChallenge.challengeId, code: try await live.code(to: phone))
            )
            #expect(paid.status == "executed" && paid.lines.map(\.status) == ["paid"])
            #expect(try await proprietor.send(Endpoints.Accounts.getAccount, payee.id).balance.minorUnits == 125_500_50)
        }
    }
}

extension TestHarness {
    /// The bank credits an account (as clearing would), through the ledger.
    func fund(_ accountID: UUID, _ minorUnits: Int64) async throws {
        let funding = try await services.accounts.bankAccount(.bankFunding, currency: .kzt, on: db)
        try await services.ledger.transfer(
            Money(minorUnits: minorUnits, currency: .kzt),
            from: try funding.requireID(),
            to: accountID,
            kind: "test_funding",
            reference: "test",
            description: "funding",
            on: db
        )
    }

    /// An order between two accounts as the SDK shows them.
    func order(to payee: AccountView, from payer: AccountView, amount: String, beneficiaryTaxID: String) -> PaymentOrderInput {
        let today = String(ISO8601DateFormatter().string(from: clock.now()).prefix(10))
        return PaymentOrderInput(
            number: "1",
            date: today,
            payerAccount: payer.iban,
            beneficiaryName: "ИП Сейтқали",
            beneficiaryTaxID: beneficiaryTaxID,
            beneficiaryAccount: payee.iban,
            beneficiaryBIC: services.config.bankBIC,
            kbe: "19",
            knp: "710",
            purpose: "Оплата по договору №7",
            amount: amount,
            currency: "KZT",
            valueDate: today,
            urgency: "standard"
        )
    }
}
