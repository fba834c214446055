import BankAPI
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 11: one contract. The `Endpoints` of BankAPI, the operations of openapi.yaml and the server's route table
/// are the same set, compared both ways, so the spec, the server and the SDK cannot drift apart.
@Suite("Endpoint contract")
struct EndpointContractTests {
    struct Operation: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        var operationID: String
        var description: String { "\(method) \(path) (\(operationID))" }
    }

    /// Method, path and operationId of every operation, read line by line (the document's own layout).
    static func documented(_ yaml: String) -> Set<Operation> {
        var operations = Set<Operation>()
        var path: String?
        var method: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                ["get", "post", "put", "patch", "delete"].contains(line.trimmingCharacters(in: .whitespaces).dropLast())
            {
                method = String(line.trimmingCharacters(in: .whitespaces).dropLast()).uppercased()
            } else if line.hasPrefix("      operationId: "), let path, let current = method {
                operations.insert(Operation(method: current, path: path, operationID: String(line.dropFirst(19))))
                method = nil
            } else if !line.hasPrefix(" "), !line.isEmpty, line != "paths:" {
                path = nil
            }
        }
        return operations
    }

    @Test
    func everyEndpoint_isAnOperationOfTheSpec_andEveryOperationAnEndpoint() async throws {
        try await withApp(.sqlite) { t in
            let spec = Self.documented(try await t.send(.GET, "/api/openapi.yaml").body.string)
            let endpoints = Set(Endpoints.all.map { Operation(method: $0.method.rawValue, path: $0.template, operationID: $0.operationID) })
            #expect(spec.count > 100)
            #expect(endpoints.subtracting(spec).isEmpty, "endpoints the spec lacks: \(endpoints.subtracting(spec).map(\.description).sorted())")
            #expect(spec.subtracting(endpoints).isEmpty, "operations without an Endpoint: \(spec.subtracting(endpoints).map(\.description).sorted())")
            #expect(Endpoints.all.count == endpoints.count, "an endpoint is listed twice")
        }
    }

    @Test
    func everyEndpoint_isServed_andEveryServedAPIRouteIsAnEndpoint() async throws {
        try await withApp(.sqlite) { t in
            var served = Set<String>()
            for route in t.app.routes.all {
                let path =
                    "/"
                    + route.path.map { component in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                // the API and the operations routes; the rest are pages (the policy page, the web bank, development lists)
                guard path.hasPrefix("/api/") || path.hasPrefix("/health/") || path == "/metrics" else { continue }
                served.insert("\(route.method.rawValue) \(path)")
            }
            let endpoints = Set(Endpoints.all.map(\.description))
            #expect(endpoints.subtracting(served).isEmpty, "endpoints not served: \(endpoints.subtracting(served).sorted())")
            #expect(served.subtracting(endpoints).isEmpty, "routes without an Endpoint: \(served.subtracting(endpoints).sorted())")
        }
    }

    /// Every served route but the pages was registered through its `Endpoint` value (typed handler, tier checked), not by hand.
    @Test
    func everyServedRoute_isRegisteredWithItsEndpoint() async throws {
        try await withApp(.sqlite) { t in
            let byRoute = Dictionary(uniqueKeysWithValues: Endpoints.all.map { ($0.description, $0.operationID) })
            for route in t.app.routes.all {
                let path = "/" + route.path.map { if case .parameter(let name) = $0 { "{\(name)}" } else { $0.description } }.joined(separator: "/")
                // the API and the operations routes; the rest are pages (the policy page, the web bank, development lists)
                guard path.hasPrefix("/api/") || path.hasPrefix("/health/") || path == "/metrics" else { continue }
                let registered = route.userInfo[TierRoutes.operationKey] as? String
                #expect(registered != nil && registered == byRoute["\(route.method.rawValue) \(path)"], "\(route.method.rawValue) \(path)")
            }
        }
    }

    /// The tier and the key rule: staff paths are staff, every signed-in write takes `Idempotency-Key`.
    @Test func tiersAndKeys_followThePaths() {
        for endpoint in Endpoints.all {
            let staffPath = endpoint.template.hasPrefix("/api/v1/staff/") && endpoint.operationID != "staffSignIn"
            #expect((endpoint.auth == .staff) == staffPath, "\(endpoint)")
            let write = endpoint.method != .GET
            #expect(endpoint.idempotent == (write && endpoint.auth == .signedIn), "\(endpoint)")
        }
    }

    @Test func paths_fillTheirPlaceholdersInOrder() {
        let id = UUID()
        let other = UUID()
        #expect(Endpoints.Employees.changeEmployeeRole.path(IDPair(id, other)) == "/api/v1/companies/\(id.uuidString)/employees/\(other.uuidString)")
        #expect(Endpoints.Identity.signIn.path == "/api/v1/auth/sign-in")
        #expect(Endpoints.all.allSatisfy { !$0.template.isEmpty && $0.template.hasPrefix("/") })
    }
}
