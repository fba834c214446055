import BankAPI
import Testing

@testable import BankServer

/// Issue 13: handlers name path parameters by `PathParameter` cases, so the enum must know every `{name}` of the
/// contract's path templates, and carry no name the contract does not use.
@Suite("Path parameters")
struct PathParameterTests {
    static func placeholders(_ template: String) -> [String] {
        template.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    @Test("every {name} in Endpoints.all is a PathParameter case")
    func everyPlaceholderIsACase() {
        for endpoint in Endpoints.all {
            for name in Self.placeholders(endpoint.template) {
                #expect(PathParameter(rawValue: name) != nil, "\(endpoint): {\(name)} is not a PathParameter case")
            }
        }
    }

    @Test("every PathParameter case is used by some endpoint")
    func everyCaseIsUsed() {
        let used = Set(Endpoints.all.flatMap { Self.placeholders($0.template) })
        for parameter in PathParameter.allCases {
            #expect(used.contains(parameter.rawValue), "PathParameter.\(parameter) is in no endpoint path")
        }
    }
}
