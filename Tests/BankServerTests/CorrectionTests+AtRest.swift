import BankAPI
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// §5.1 for §4.1: a corrected name, a new e-mail or a new phone is never stored in the clear — not in the user row,
/// not in a pending challenge, not in an outbox, not in the audit log.
extension CorrectionTests {
    @Test(arguments: TestDatabase.all)
    func corrections_atRest_holdNoPlaintextOfTheNewData(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given corrections both pending and done
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let name = "Жаңа Есім Тегі"
            let email = "corrected.\(Fixtures.digits(6))@example.kz"
            let phone = Fixtures.phone()
            try await t.send(.PATCH, "/api/v1/me/profile", json: ProfileUpdate(fullName: name), token: grant.token).requireStatus(.ok)
            let emailChange = try await t.startEmailChange(grant, to: email)
            try await t.confirmEmailChange(grant, emailChange.challengeId, try await t.emailCode(to: email)).requireStatus(.ok)
            _ = try await t.startPhoneChange(grant, to: phone)
            _ = try await t.auditEvents()
            let secrets = [name, email, phone, String(phone.dropFirst(2))]
            // when every cell of the tables corrections write is read raw
            let tables = ["users", "otp_challenges", "sms_outbox", "email_outbox", "audit_pending", "audit_log", "rate_limit_counters"]
            // then
            let scan = try await t.expectNoPlaintextAtRest(secrets, in: tables)
            #expect(scan.cellsRead > 50)
        }
    }
}
