import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// Issue 14: one scenario that touches every feature that stores something about a person, for the tests that
/// derive their checks from the schema (the export covers every person column; nothing at rest is in clear text).
struct PrivacyScenario: Sendable {
    let director: SessionGrant
    let accountant: SessionGrant
    let invitee: SessionGrant
    /// Every plaintext value that must never be stored in clear: phones (with and without +7), IINs, e-mails,
    /// full names, and the payroll employees' names and IINs.
    let secrets: [String]
}

extension TestHarness {
    func privacyScenario() async throws -> PrivacyScenario {
        // registration: a director whose device is named after her (§2.3.3), and an accountant
        var directorRegistration = Fixtures.registration(device: Fixtures.device(name: "Асель Маратқызы Оспанова iPhone"))
        directorRegistration.person.fullName = "Асель Маратқызы Оспанова"
        let director = try await registerActive(directorRegistration)
        let companyID = director.user.companies[0].id
        var accountantRegistration = Fixtures.registration()
        accountantRegistration.person.fullName = "Гүлнар Төлегенқызы Сәрсенова"
        let accountant = try await registerActive(accountantRegistration)
        try await Membership(userID: accountant.user.id, companyID: companyID, role: .accountant).create(on: db)
        let accounts = try await fundedAccounts(companyID: companyID, [(.kzt, 1_000_000_00), (.kzt, 0)])
        for purpose in ["fraud_location", "camera_media", "marketing"] {
            try await send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: purpose), token: director.token).requireStatus(.created)
        }
        try await setNotificationChannels(director.token, marketing: ["sms"], operational: ["in_app", "push"])
        let device = try await firstDevice(director.token)
        try await send(
            .PUT,
            "/api/v1/me/devices/\(device)/push-token",
            json: PushTokenRegistration(token: String(repeating: "ab", count: 32), platform: "apns"),
            token: director.token
        ).requireStatus(.ok)

        // a sign-in on a new device, with the location (§2.2.4)
        let signIn = SignInRequest(
            phone: directorRegistration.person.phone,
            password: Fixtures.password,
            device: Fixtures.device(name: "Оспанова iPad"),
            location: DeviceLocation(latitude: 43.2389, longitude: 76.8897, countryCode: "KZ")
        )
        let pending = try await send(.POST, "/api/v1/auth/sign-in", json: signIn).requireStatus(.accepted).content.decode(OtpChallengeResponse.self)
        let code = try await latestCode(to: directorRegistration.person.phone)
        try await send(.POST, "/api/v1/auth/sign-in/verify", json: OtpAnswer(challengeId: pending.challengeId, code: code)).requireStatus(.ok)

        // a payment with an Idempotency-Key, signed from another network (a risk decision), and a limit
        let draft = try await send(
            .POST,
            "/api/v1/companies/\(companyID)/payments",
            json: order(from: accounts[0], to: accounts[1], amount: "1500.00"),
            token: director.token,
            headers: [("Idempotency-Key", "scenario-payment-1")]
        ).requireStatus(.created).content.decode(PaymentOrderView.self)
        let outcome = try await send(.POST, "/api/v1/payments/\(draft.id)/sign", token: director.token, ip: "192.168.7.7")
            .content.decode(SignOutcome.self)
        if let challenge = outcome.confirmation {
            let code = try await latestCode(to: directorRegistration.person.phone)
            _ = try await send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: code),
                token: director.token,
                ip: "192.168.7.7"
            )
        }
        try await sendConfirmed(
            .PUT,
            "/api/v1/companies/\(companyID)/limits",
            json: PaymentLimitView(userId: accountant.user.id, currency: "KZT", perPayment: 900_000_00, daily: nil),
            token: director.token
        ).requireStatus(.ok)

        // a payroll with employees' names and IINs, uploaded with an Idempotency-Key and signed by the director
        let employees = [("Ержан Бақытұлы Қасымов", Fixtures.iin().value), ("Дана Ерланқызы Серікова", Fixtures.iin().value)]
        let csv = employees.map { "\($0.0);\($0.1);\(accounts[1].iban);1000.00" }.joined(separator: "\n")
        let payroll = try await send(
            .POST,
            "/api/v1/companies/\(companyID)/payrolls",
            json: PayrollUpload(payerAccount: accounts[0].iban, number: "P-14", knp: "332", csv: csv),
            token: accountant.token,
            headers: [("Idempotency-Key", "scenario-payroll-1")]
        ).requireStatus(.created).content.decode(PayrollView.self)
        try await send(.POST, "/api/v1/payrolls/\(payroll.id)/sign", token: director.token).requireStatus(.accepted)

        // an invitation, activated by the new employee
        let invitation = EmployeeInvitationRequest(
            fullName: "Дәурен Серікұлы Ахметов",
            iin: Fixtures.iin().value,
            phone: Fixtures.phone(),
            email: "dauren.\(Fixtures.digits(5))@example.kz",
            role: "viewer"
        )
        try await sendConfirmed(.POST, "/api/v1/companies/\(companyID)/invitations", json: invitation, token: director.token)
            .requireStatus(.created)
        let started = try await send(
            .POST,
            "/api/v1/invitations/activate",
            json: InvitationActivationStart(phone: invitation.phone, device: Fixtures.device())
        ).requireStatus(.accepted).content.decode(OtpChallengeResponse.self)
        let invitee = try await send(
            .POST,
            "/api/v1/invitations/activate/verify",
            json: EmployeeTests.activation(started.challengeId, code: try await latestCode(to: invitation.phone))
        ).requireStatus(.created).content.decode(SessionGrant.self)

        // support, feedback, documents, a correction
        let ticket = try await send(
            .POST,
            "/api/v1/me/support/tickets",
            json: NewTicketRequest(subject: "Төлем", text: "Менің ЖСН \(directorRegistration.person.iin)"),
            token: director.token
        ).requireStatus(.created).content.decode(TicketView.self)
        let support = try await staffToken(.support)
        try await send(.POST, "/api/v1/staff/support/tickets/\(ticket.id)/messages", json: TicketMessageRequest(text: "Тексереміз."), token: support)
            .requireStatus(.ok)
        try await send(.POST, "/api/v1/me/feedback", json: FeedbackRequest(topic: "app", text: "Ыңғайлы қосымша", rating: 5), token: director.token)
            .requireStatus(.created)
        try await upload(.PUT, "/api/v1/me/photo", SampleFiles.png(), type: "image/png", token: director.token).requireStatus(.created)
        _ = try await uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: companyID, token: director.token)
        let newEmail = "asel.new.\(Fixtures.digits(5))@example.kz"
        try await sendConfirmed(.POST, "/api/v1/me/email-change", json: EmailChangeRequest(email: newEmail), token: accountant.token)
            .requireStatus(.accepted)

        // the privacy officer's registers, a staff read, a request, and a §5.2 report by someone else
        let officer = try await staffToken(.privacyOfficer)
        try await send(.GET, "/api/v1/staff/users/\(director.user.id)?reason=Client%20call", token: support).requireStatus(.ok)
        let disclosure = RecordDisclosureRequest(
            userId: director.user.id,
            recipientName: "State Revenue Committee",
            dataCategories: ["iin"],
            basis: "law",
            legalReference: "Tax Code art. 24"
        )
        try await send(.POST, "/api/v1/staff/privacy/disclosures", json: disclosure, token: officer).requireStatus(.created)
        let breach = RecordBreachRequest(
            detectedAt: clock.now(),
            description: "A statement was e-mailed to the wrong address.",
            dataCategories: ["full_name"],
            measuresTaken: "The recipient deleted it.",
            affectedUserIds: [director.user.id, accountant.user.id]
        )
        try await send(.POST, "/api/v1/staff/privacy/breaches", json: breach, token: officer).requireStatus(.created)
        try await send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "block"), token: accountant.token)
            .requireStatus(.created)
        let reporterRegistration = Fixtures.registration()
        let reporter = try await registerActive(reporterRegistration)
        try await send(.POST, "/api/v1/security/unauthorised-use", token: reporter.token).requireStatus(.ok)
        _ = try await chainAudit()

        var secrets = employees.flatMap { [$0.0, $0.1] } + [invitation.fullName, invitation.iin, invitation.phone, invitation.email, newEmail]
        for registration in [directorRegistration, accountantRegistration, reporterRegistration] {
            let person = registration.person
            secrets += [person.fullName, person.iin, person.phone, String(person.phone.dropFirst(2)), person.email]
        }
        return PrivacyScenario(director: director, accountant: accountant, invitee: invitee, secrets: secrets)
    }

    /// Every table of the schema (SQLite or PostgreSQL), as `BranchSearchTests` enumerates them.
    func schemaTables() async throws -> [String] {
        try await BranchSearchTests.tables(self)
    }

    /// Every column of `table`.
    func schemaColumns(_ table: String) async throws -> [String] {
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map {
                try $0.decode(column: "name", as: String.self)
            }
        }
        return try await sql.raw(
            "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)"
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }
}
