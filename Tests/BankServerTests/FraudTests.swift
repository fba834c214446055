import BankAPI
import Crypto
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Location-based fraud checks (§2.2.4)")
struct FraudTests {
    static let almaty = DeviceLocation(latitude: 43.2389, longitude: 76.8897, countryCode: "KZ")
    static let astana = DeviceLocation(latitude: 51.1605, longitude: 71.4704, countryCode: "KZ")
    static let tbilisi = DeviceLocation(latitude: 41.7151, longitude: 44.8271, countryCode: "GE")

    private func grantLocationConsent(_ t: TestHarness, _ token: String) async throws {
        try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "fraud_location"), token: token).requireStatus(.created)
    }

    /// A password sign-in from the registration's device, proving possession with its key (review H5), so only the
    /// §2.2.4 risk decides whether an SMS code is needed.
    private func signIn(
        _ t: TestHarness,
        _ registration: RegistrationRequest,
        _ key: P256.Signing.PrivateKey,
        at location: DeviceLocation?
    ) async throws -> TestingHTTPResponse {
        let phone = registration.person.phone
        let proof = try await t.deviceProof(key, phone: phone, deviceId: registration.device.id)
        let request = SignInRequest(phone: phone, password: Fixtures.password, device: registration.device, location: location, deviceProof: proof)
        return try await t.send(.POST, "/api/v1/auth/sign-in", json: request)
    }

    @Test(arguments: TestDatabase.all)
    func withoutConsent_theLocationIsIgnored_andNeverStored(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            #expect(try await signIn(t, registration, key, at: Self.tbilisi).status == .ok)
            #expect(try await DeviceLocationRecord.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCountryOutsideTheCompanys_needsAFreshSMSCode_onATrustedDevice(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await grantLocationConsent(t, grant.token)
            #expect(try await signIn(t, registration, key, at: Self.almaty).status == .ok)
            t.clock.advance(seconds: 3 * 86_400)  // a plausible trip
            let pending = try await signIn(t, registration, key, at: Self.tbilisi)
            #expect(pending.status == .accepted)
            // the director allows Georgia: the same place is fine now
            let challenge = try pending.content.decode(OtpChallengeResponse.self)
            let session = try await t.send(
                .POST,
                "/api/v1/auth/sign-in/verify",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: registration.person.phone))
            ).content.decode(SessionGrant.self)
            let companyID = grant.user.companies[0].id
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(companyID)/security-settings",
                json: CompanySecuritySettings(allowedCountries: ["kz", "GE"]),
                token: session.token
            ).requireStatus(.ok)
            t.clock.advance(seconds: 3600)
            #expect(try await signIn(t, registration, key, at: Self.tbilisi).status == .ok)
            try await t.chainAudit()
            let reasons = try await AuditEntry.query(on: t.db).filter(\.$event == "risk.assessed").all().map(\.details)
            #expect(reasons.contains { $0.contains("country_not_allowed") })
            #expect(reasons.allSatisfy { !$0.contains("41.71") })  // never the coordinates
        }
    }

    @Test(arguments: TestDatabase.all)
    func impossibleTravel_needsAFreshSMSCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await grantLocationConsent(t, grant.token)
            #expect(try await signIn(t, registration, key, at: Self.almaty).status == .ok)
            t.clock.advance(seconds: 20 * 60)  // Almaty → Astana (~970 km) in 20 minutes
            #expect(try await signIn(t, registration, key, at: Self.astana).status == .accepted)
            t.clock.advance(seconds: 3 * 3600)  // from Astana, three hours later, nearby: fine
            #expect(try await signIn(t, registration, key, at: Self.astana).status == .ok)
            // a bad location is a clear error
            let bad = try await signIn(t, registration, key, at: DeviceLocation(latitude: 123, longitude: 0, countryCode: "KAZ"))
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["location.latitude", "location.countryCode"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBrowsersLocation_withoutACountry_isCheckedForTravelOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await grantLocationConsent(t, grant.token)
            // a browser (no geocoder) sends the point with no country; the company allows Kazakhstan only
            let web = { (point: DeviceLocation) in DeviceLocation(latitude: point.latitude, longitude: point.longitude, countryCode: nil) }
            let session = try await signIn(t, registration, key, at: web(Self.almaty)).requireStatus(.ok).content.decode(SessionGrant.self)
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(grant.user.companies[0].id)/security-settings",
                json: CompanySecuritySettings(allowedCountries: ["KZ"]),
                token: session.token
            ).requireStatus(.ok)
            t.clock.advance(seconds: 20 * 60)
            // impossible travel still counts
            let pending = try await signIn(t, registration, key, at: web(Self.astana)).requireStatus(.accepted)
            let challenge = try pending.content.decode(OtpChallengeResponse.self)
            let fresh = try await t.send(
                .POST,
                "/api/v1/auth/sign-in/verify",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: registration.person.phone))
            ).requireStatus(.ok).content.decode(SessionGrant.self)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: fresh.token).content.decode(PersonalDataExport.self)
            #expect(export.locations.count == 2 && export.locations.allSatisfy { $0.countryCode == nil })
        }
    }

    @Test(arguments: TestDatabase.all)
    func ownAccountTransfer_fromAnotherNetwork_needsAnSMSCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            // the director's session was opened from 10.0.x.x; this signature comes from another network
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token, ip: "192.168.7.7")
            #expect(signed.status == .accepted)
            #expect(try signed.content.decode(SignOutcome.self).order.status == "awaiting_confirmation")
            #expect(try await t.balance(company.second) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func elevatedRisk_aboveTheAmount_isHeldForTheFraudTeam_whoReleaseIt(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 10_000_000_00)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "6000000"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token, ip: "192.168.7.7")
            let challenge = try #require(try signed.content.decode(SignOutcome.self).confirmation)
            let confirmed = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: company.directorPhone)),
                token: company.director.token,
                ip: "192.168.7.7"
            )
            #expect(try confirmed.content.decode(PaymentOrderView.self).status == "held_for_review")
            #expect(try await t.balance(company.second) == 0)
            let support = try await t.staffToken(.support)
            #expect(try await t.send(.POST, "/api/v1/staff/fraud/holds/\(draft.id)/release", token: support).status == .forbidden)
            let analyst = try await t.staffToken(.fraud)
            let holds = try await t.send(.GET, "/api/v1/staff/fraud/holds", token: analyst).content.decode([PaymentOrderView].self)
            #expect(holds.map(\.id) == [draft.id])
            let released = try await t.send(.POST, "/api/v1/staff/fraud/holds/\(draft.id)/release", token: analyst)
            #expect(try released.content.decode(PaymentOrderView.self).status == "executed")
            #expect(try await t.balance(company.second) == 6_000_000_00)
            #expect(try await t.send(.POST, "/api/v1/staff/fraud/holds/\(draft.id)/release", token: analyst).status == .conflict)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func locations_areInTheExport_andPurgedAfter30Days(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await grantLocationConsent(t, grant.token)
            let session = try await signIn(t, registration, key, at: Self.almaty).content.decode(SessionGrant.self)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: session.token).content.decode(PersonalDataExport.self)
            #expect(export.locations.map(\.countryCode) == ["KZ"])
            #expect(export.locations.first?.latitude == Self.almaty.latitude)
            t.clock.advance(seconds: 29 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["location"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["location"] == 1)
            #expect(try await DeviceLocationRecord.query(on: t.db).count() == 0)
        }
    }
}
