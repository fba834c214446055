import BankCore
import Foundation
import Testing

@testable import BankServer

/// Issue 10: safe by default (review H6), the client address behind proxies (M6), CSV formulas behind `;` (M9),
/// Kazakhstan days.
@Suite("Safe defaults")
struct SafeDefaultsTests {
    @Test
    func development_listensOnLoopbackOnly_andPostgresNeedsAnEnvironmentByName() throws {
        #expect(throws: Never.self) {
            try StartupGuard.check(environmentName: "development", explicit: false, arguments: ["bizbank", "serve"], usesPostgres: false)
        }
        #expect(throws: Never.self) {
            try StartupGuard.check(
                environmentName: "development",
                explicit: true,
                arguments: ["serve", "--hostname", "127.0.0.1"],
                usesPostgres: true
            )
        }
        #expect(throws: StartupGuard.Refusal.self) {
            try StartupGuard.check(environmentName: "development", explicit: false, arguments: ["serve"], usesPostgres: true)
        }
        #expect(throws: StartupGuard.Refusal.self) {
            try StartupGuard.check(
                environmentName: "development",
                explicit: true,
                arguments: ["serve", "--hostname", "0.0.0.0"],
                usesPostgres: false
            )
        }
        #expect(throws: StartupGuard.Refusal.self) {
            try StartupGuard.check(environmentName: "development", explicit: true, arguments: ["serve", "-b", "10.1.2.3:8080"], usesPostgres: false)
        }
        #expect(throws: StartupGuard.Refusal.self) {
            try StartupGuard.check(environmentName: "staging", explicit: true, arguments: ["serve"], usesPostgres: true)
        }
        #expect(throws: Never.self) {
            try StartupGuard.check(environmentName: "production", explicit: true, arguments: ["serve", "--hostname", "0.0.0.0"], usesPostgres: true)
        }
        #expect(StartupGuard.explicitlyNamed(arguments: ["bizbank", "serve", "--env", "development"], environment: [:]))
        #expect(StartupGuard.explicitlyNamed(arguments: ["bizbank"], environment: ["VAPOR_ENV": "production"]))
        #expect(!StartupGuard.explicitlyNamed(arguments: ["bizbank", "serve"], environment: [:]))
    }

    @Test
    func productionRefuses_aCheapBcryptCost() throws {
        #expect(throws: ConfigError.self) {
            _ = try AppConfig.load(environment: ["BIZBANK_BCRYPT_COST": "4"], isProduction: true)
        }
    }

    @Test
    func theClient_isTheRightMostHopThatIsNotOurProxy() {
        // a client writes anything on the left; our proxy appended the address it saw
        #expect(ForwardedFor.client(header: "6.6.6.6, 203.0.113.9", peer: "10.0.0.2", trustedProxies: []) == "203.0.113.9")
        #expect(
            ForwardedFor.client(header: "6.6.6.6, 203.0.113.9, 10.0.0.3", peer: "10.0.0.2", trustedProxies: ["10.0.0.2", "10.0.0.3"]) == "203.0.113.9"
        )
        // a peer that is not one of our proxies is the client, whatever it says
        #expect(ForwardedFor.client(header: "1.1.1.1", peer: "198.51.100.7", trustedProxies: ["10.0.0.2"]) == "198.51.100.7")
        #expect(ForwardedFor.client(header: nil, peer: "10.0.0.2", trustedProxies: []) == "10.0.0.2")
    }

    @Test
    func csvCells_neverStartAFormula_afterAnySeparator() {
        let cell = StatementExport.csvCell("x;=1+1;-2+3;@SUM(A1:A2),+7\t=8; =9", guardFormula: true)
        for separator in [";", ",", "\t"] {
            for piece in cell.components(separatedBy: separator).dropFirst() {
                let start = piece.drop { $0 == " " || $0 == "\"" }.first
                #expect(start.map { !"=+-@".contains($0) } ?? true, "piece after \(separator): \(piece)")
            }
        }
    }

    @Test
    func anEntryAtTwoInTheMorning_belongsToThatKazakhstanDay() throws {
        // 2026-03-10 02:00 in Almaty is 2026-03-09 21:00 UTC
        let entry = Date(timeIntervalSince1970: 1_773_090_000)
        #expect(CivilDay.text(of: entry) == "2026-03-10")
        #expect(try CivilDay("2026-03-10").start <= entry)
    }
}
