import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 13: the route table is the one place that says who may call what. These tests walk the routes the server
/// actually serves, so a route added outside its tier, without a key, or outside the company scope fails here.
@Suite("Route table")
struct RouteTableTests {
    struct Served {
        var method: String
        var path: String
        var operationID: String?
        var guardName: String?
    }

    static func served(_ app: Application) -> [Served] {
        app.routes.all.compactMap { route in
            let path = "/" + route.path.map { if case .parameter(let name) = $0 { "{\(name)}" } else { $0.description } }.joined(separator: "/")
            guard path.hasPrefix("/api/") else { return nil }
            return Served(
                method: route.method.rawValue,
                path: path,
                operationID: route.userInfo[TierRoutes.operationKey] as? String,
                guardName: route.userInfo[TierRoutes.guardKey] as? String
            )
        }
    }

    /// The writes that take no `Idempotency-Key`, by name: before a session (registration, sign-in, codes, §5.2 from
    /// the sign-in page) and the staff console. Any other write must be idempotent; a new exemption is a change here.
    static let writesWithoutKey: Set<String> = [
        "startRegistration", "verifyRegistration", "signIn", "verifySignIn", "resendOtp", "createDeviceChallenge",
        "deviceSignIn", "startUnauthorisedUseReport", "confirmUnauthorisedUseReport", "startPrivacyUnblock", "confirmPrivacyUnblock",
        "startInvitationActivation",
        "completeInvitationActivation", "staffSignIn", "staffSignOut", "publishPolicyEdition", "queueOffer",
        "staffSubmitPrivacyRequest", "staffCompletePrivacyRequest", "staffRefusePrivacyRequest", "releaseFraudHold",
        "rejectFraudHold", "staffHandleSecurityAlert", "recordDisclosure", "recordBreach", "markBreachAuthorityNotified", "staffReplyToTicket",
        "staffCloseTicket", "publishContent", "deleteContent", "staffCreateBranch", "staffReplaceBranch", "staffDeleteBranch",
    ]

    @Test func everyWrite_isIdempotent_orANamedExemption() async throws {
        try await withApp(.sqlite) { t in
            let endpoints = Dictionary(uniqueKeysWithValues: Endpoints.all.map { ($0.operationID, $0) })
            var exempt = Set<String>()
            for route in Self.served(t.app) where route.method != "GET" {
                let endpoint = try #require(route.operationID.flatMap { endpoints[$0] }, "\(route.method) \(route.path)")
                if !endpoint.idempotent { exempt.insert(endpoint.operationID) }
                // an idempotent write sits behind the idempotency middleware: the client-session tier
                if endpoint.idempotent { #expect(endpoint.auth == .signedIn, "\(endpoint)") }
            }
            #expect(exempt == Self.writesWithoutKey, "unlisted: \(exempt.subtracting(Self.writesWithoutKey).sorted())")
        }
    }

    @Test func everyCompanyPath_isInTheCompanyScope_andEveryStaffRoute_namesItsRoles() async throws {
        try await withApp(.sqlite) { t in
            let routes = Self.served(t.app)
            #expect(routes.count > 130)
            for route in routes {
                let label = "\(route.method) \(route.path)"
                let company = route.guardName == "company" || route.guardName?.hasPrefix("company.") == true
                #expect(route.path.contains("{companyId}") == company, "\(label): \(route.guardName ?? "no guard")")
                let staffPath = route.path.hasPrefix("/api/v1/staff/") && !["/api/v1/staff/sign-in", "/api/v1/staff/sign-out"].contains(route.path)
                #expect(staffPath == (route.guardName?.hasPrefix("staff.") == true), "\(label): \(route.guardName ?? "no guard")")
            }
            // the director-only operations are exactly these
            let managed = Set(routes.filter { $0.guardName == "company.manage" }.compactMap(\.operationID))
            #expect(
                managed == [
                    "openAccount", "setLimit", "setSigningRule", "setSecuritySettings", "listInvitations", "inviteEmployee",
                    "revokeInvitation", "changeEmployeeRole", "removeEmployee", "closeAccount",
                ]
            )
        }
    }

    /// The groups do what the table says, on every company route: a stranger gets 404 before anything else runs,
    /// a viewer gets 403 on what only preparers or the director may do, and nothing changes.
    @Test(arguments: TestDatabase.all)
    func companyGroups_refuseAStranger_andAViewer_onEveryCompanyRoute(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let stranger = try await t.registerActive()
            let viewer = try await t.registerActive()
            try await Membership(userID: viewer.user.id, companyID: company.id, role: .viewer).create(on: t.db)
            let paymentsBefore = try await PaymentOrderRecord.query(on: t.db).count()
            for route in Self.served(t.app) where route.path.contains("{companyId}") {
                let path = route.path.replacingOccurrences(of: "{companyId}", with: company.id.uuidString)
                    .replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: UUID().uuidString, options: .regularExpression)
                let method = HTTPMethod(rawValue: route.method)
                let key = [("Idempotency-Key", UUID().uuidString)]
                let foreign = try await t.send(method, path, json: ["x": "y"], token: stranger.token, headers: key)
                #expect(foreign.status == .notFound, "stranger: \(route.method) \(route.path) answered \(foreign.status)")
                guard route.guardName != "company" else { continue }
                let looking = try await t.send(method, path, json: ["x": "y"], token: viewer.token, headers: key)
                #expect(looking.status == .forbidden, "viewer: \(route.method) \(route.path) answered \(looking.status)")
            }
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == paymentsBefore)
        }
    }
}
