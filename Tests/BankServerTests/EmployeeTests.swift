import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Employees: the director invites, the invited person accepts, roles change (issue 3)")
struct EmployeeTests {
    static func invitation(
        role: String = "accountant",
        phone: String = Fixtures.phone(),
        iin: String = Fixtures.iin().value
    ) -> EmployeeInvitationRequest {
        EmployeeInvitationRequest(
            fullName: "Дәурен Серікұлы Ахметов",
            iin: iin,
            phone: phone,
            email: "dauren.\(Fixtures.digits(5))@example.kz",
            role: role
        )
    }

    static func activation(_ challenge: UUID, code: String, password: String = Fixtures.password) -> InvitationActivationComplete {
        InvitationActivationComplete(
            challengeId: challenge,
            code: code,
            password: password,
            acceptPolicy: true,
            policyVersion: 1,
            consentToAccountCreation: true
        )
    }

    @Test(arguments: TestDatabase.all)
    func newPerson_activatesTheInvitation_andWorksInItsRole(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a director invites a person who has no account at the bank
            let company = try await t.paymentCompany()
            let request = Self.invitation(role: "viewer")
            let invited = try await t.sendConfirmed(
                .POST,
                "/api/v1/companies/\(company.id)/invitations",
                json: request,
                token: company.director.token
            )
            .requireStatus(.created).content.decode(EmployeeInvitationView.self)
            #expect(invited.status == "pending" && invited.role == "viewer" && invited.fullName == request.fullName)
            #expect(try await t.messages(to: request.phone).last?.contains("ТОО Тест") == true)
            // when: the person activates with the code sent to the invited phone
            let device = Fixtures.device()
            let started = try await t.send(
                .POST,
                "/api/v1/invitations/activate",
                json: InvitationActivationStart(phone: request.phone, device: device)
            )
            .requireStatus(.accepted).content.decode(OtpChallengeResponse.self)
            let code = try await t.latestCode(to: request.phone)
            let grant = try await t.send(.POST, "/api/v1/invitations/activate/verify", json: Self.activation(started.challengeId, code: code))
                .requireStatus(.created).content.decode(SessionGrant.self)
            // then: a member in the invited role, with the policy accepted and the account-creation consent recorded
            #expect(grant.user.companies.map(\.id) == [company.id])
            #expect(try await Membership.query(on: t.db).filter(\.$user.$id == grant.user.id).first()?.role == .viewer)
            #expect(try await Consent.query(on: t.db).filter(\.$user.$id == grant.user.id).filter(\.$purpose == "account_creation").count() == 1)
            try await t.send(.GET, "/api/v1/companies/\(company.id)/accounts", token: grant.token).requireStatus(.ok)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "5"),
                token: grant.token
            )
            #expect(draft.status == .forbidden)  // a viewer reads only
            let staff = try await t.send(.GET, "/api/v1/companies/\(company.id)/employees", token: grant.token)
                .requireStatus(.ok).content.decode(ListPage<EmployeeView>.self)
            #expect(staff.items.count == 4 && staff.items.contains { $0.userId == grant.user.id && $0.role == "viewer" })
            // and the invitation is spent: another activation gets a decoy and no code
            let before = try await t.messages(to: request.phone).count
            try await t.send(.POST, "/api/v1/invitations/activate", json: InvitationActivationStart(phone: request.phone, device: device))
                .requireStatus(.accepted)
            #expect(try await t.messages(to: request.phone).count == before)
            #expect(try await t.auditEvents().contains("employee.invitation_activated"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func activation_withAWeakPassword_keepsTheCode_andCreatesNobody(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let request = Self.invitation()
            try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: request, token: company.director.token)
                .requireStatus(
                    .created
                )
            let started = try await t.send(
                .POST,
                "/api/v1/invitations/activate",
                json: InvitationActivationStart(phone: request.phone, device: Fixtures.device())
            ).content.decode(OtpChallengeResponse.self)
            let code = try await t.latestCode(to: request.phone)
            let users = try await User.query(on: t.db).count()
            let weak = try await t.send(
                .POST,
                "/api/v1/invitations/activate/verify",
                json: Self.activation(started.challengeId, code: code, password: "short")
            )
            #expect(weak.status == .unprocessableEntity)
            #expect(try t.problem(weak).errors?.map(\.field) == ["password"])
            let wrong = try await t.send(.POST, "/api/v1/invitations/activate/verify", json: Self.activation(started.challengeId, code: "000000"))
            #expect(try t.problem(wrong).code == (code == "000000" ? "validation_failed" : "otp_invalid"))
            #expect(try await User.query(on: t.db).count() == users)
            try await t.send(.POST, "/api/v1/invitations/activate/verify", json: Self.activation(started.challengeId, code: code)).requireStatus(
                .created
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func existingClient_acceptsSignedIn_onlyTheirOwnInvitation(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a person who already banks with us (director of another company)
            let company = try await t.paymentCompany()
            let registration = Fixtures.registration()
            let person = try await t.registerActive(registration)
            let stranger = try await t.registerActive()
            let request = Self.invitation(role: "accountant", phone: registration.person.phone, iin: registration.person.iin)
            let invited = try await t.sendConfirmed(
                .POST,
                "/api/v1/companies/\(company.id)/invitations",
                json: request,
                token: company.director.token
            )
            .requireStatus(.created).content.decode(EmployeeInvitationView.self)
            // the activation path sends no code to an existing account, only a hint to accept in the app
            let before = try await t.messages(to: registration.person.phone).filter { $0.contains("#") }.count
            try await t.send(
                .POST,
                "/api/v1/invitations/activate",
                json: InvitationActivationStart(phone: registration.person.phone, device: Fixtures.device())
            ).requireStatus(.accepted)
            #expect(try await t.messages(to: registration.person.phone).filter { $0.contains("#") }.count == before)
            // when: someone else tries, then the person accepts
            let mine = try await t.send(.GET, "/api/v1/me/invitations", token: person.token).content.decode(ListPage<EmployeeInvitationView>.self)
            #expect(mine.items.map(\.id) == [invited.id])
            // the person's export shows what the director entered about them (Law 94-V art. 24)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: person.token).content.decode(PersonalDataExport.self)
            #expect(export.invitations.map(\.id) == [invited.id] && export.invitations.first?.fullName == request.fullName)
            #expect(
                try await t.send(.GET, "/api/v1/me/invitations", token: stranger.token).content.decode(ListPage<EmployeeInvitationView>.self).items
                    .isEmpty
            )
            #expect(try await t.send(.POST, "/api/v1/me/invitations/\(invited.id)/accept", token: stranger.token).status == .notFound)
            let accepted = try await t.send(.POST, "/api/v1/me/invitations/\(invited.id)/accept", token: person.token)
                .requireStatus(.ok).content.decode(EmployeeInvitationView.self)
            // then: a member as accountant; a second answer is refused
            #expect(accepted.status == "accepted")
            #expect(
                try await Membership.query(on: t.db).filter(\.$user.$id == person.user.id).filter(\.$company.$id == company.id).first()?.role
                    == .accountant
            )
            let again = try await t.send(.POST, "/api/v1/me/invitations/\(invited.id)/decline", token: person.token)
            #expect(try t.problem(again).code == "invitation_not_pending")
            let twice = try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: request, token: company.director.token)
            #expect(try t.problem(twice).code == "already_employee")
        }
    }

    @Test(arguments: TestDatabase.all)
    func invitation_badFields_orWrongCaller_storeNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let other = try await t.paymentCompany()
            let bad = EmployeeInvitationRequest(fullName: " ", iin: "123", phone: "12", email: "x", role: "owner")
            let refused = try await t.sendConfirmed(
                .POST,
                "/api/v1/companies/\(company.id)/invitations",
                json: bad,
                token: company.director.token,
                language: "ru"
            )
            #expect(refused.status == .unprocessableEntity)
            let problem = try t.problem(refused)
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["fullName", "iin", "phone", "email", "role"])
            #expect(problem.errors?.allSatisfy { !$0.message.isEmpty } == true)
            let good = Self.invitation()
            let asAccountant = try await t.sendConfirmed(
                .POST,
                "/api/v1/companies/\(company.id)/invitations",
                json: good,
                token: company.accountant.token
            )
            #expect(asAccountant.status == .forbidden)
            let asOutsider = try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: good, token: other.director.token)
            #expect(asOutsider.status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/companies/\(company.id)/employees", token: other.director.token).status == .notFound)
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 0)
            // the same person twice while the first is pending
            try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: good, token: company.director.token).requireStatus(
                .created
            )
            let duplicate = try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: good, token: company.director.token)
            #expect(try t.problem(duplicate).code == "invitation_pending")
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func revokedOrExpired_invitation_cannotBeActivated(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let revoked = Self.invitation()
            let first = try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: revoked, token: company.director.token)
                .content.decode(EmployeeInvitationView.self)
            try await t.send(.DELETE, "/api/v1/companies/\(company.id)/invitations/\(first.id)", token: company.director.token)
                .requireStatus(.noContent)
            let expired = Self.invitation()
            try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: expired, token: company.director.token)
                .requireStatus(.created)
            t.clock.advance(seconds: EmployeeService.invitationLifetime + 60)
            for phone in [revoked.phone, expired.phone] {
                let codes = try await t.messages(to: phone).filter { $0.contains("#") }.count
                try await t.send(.POST, "/api/v1/invitations/activate", json: InvitationActivationStart(phone: phone, device: Fixtures.device()))
                    .requireStatus(.accepted)
                #expect(try await t.messages(to: phone).filter { $0.contains("#") }.count == codes)
            }
            // retention: a decided or expired invitation, and the person data sealed in it, goes after a week
            t.clock.advance(seconds: 8 * 86_400)
            let report = try await RetentionJob(services: t.services).run(on: t.db)
            #expect(report["employee_invitations"] == 2)
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func roles_change_andTheLastDirectorStays(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let directorID = company.director.user.id
            let demote = try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/employees/\(directorID)",
                json: EmployeeRoleChange(role: "viewer"),
                token: company.director.token
            )
            #expect(try t.problem(demote).code == "last_director")
            let removeSelf = try await t.sendConfirmed(
                .DELETE,
                "/api/v1/companies/\(company.id)/employees/\(directorID)",
                token: company.director.token
            )
            #expect(try t.problem(removeSelf).code == "last_director")
            // the operator becomes an accountant; the accountant may not change roles
            let promoted = try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/employees/\(company.operatorUser.user.id)",
                json: EmployeeRoleChange(role: "accountant"),
                token: company.director.token
            ).requireStatus(.ok).content.decode(EmployeeView.self)
            #expect(promoted.role == "accountant")
            let byAccountant = try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/employees/\(company.operatorUser.user.id)",
                json: EmployeeRoleChange(role: "director"),
                token: company.accountant.token
            )
            #expect(byAccountant.status == .forbidden)
            // a removed employee no longer reaches the company
            try await t.sendConfirmed(
                .DELETE,
                "/api/v1/companies/\(company.id)/employees/\(company.accountant.user.id)",
                token: company.director.token
            )
            .requireStatus(.noContent)
            #expect(try await t.send(.GET, "/api/v1/companies/\(company.id)/accounts", token: company.accountant.token).status == .notFound)
            #expect(try await t.auditEvents().filter { $0.hasPrefix("employee.") } == ["employee.role_changed", "employee.removed"])
        }
    }
}
