import BankAPI
import BankClient
import BankClientAsyncHTTP
import BankCore
import Foundation

// Drives the HTTP API of a running release server through the SDK (BankClient over AsyncHTTPClient, no hand-built
// requests): K concurrent clients, each of its own company, move money between the company's two accounts — the accountant drafts an own-account transfer and the director signs it,
// which executes it (two requests per transfer). Prints throughput and p50/p99 latency of a whole transfer.
//
//   swift run -c release TransferLoad --base-url http://127.0.0.1:8080 --seed bench-seed.json --clients 16 --seconds 30

struct Options {
    var baseURL = "http://127.0.0.1:8080"
    var seedPath = "bench-seed.json"
    var clients = 16
    var seconds = 30.0

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--base-url": baseURL = value
            case "--seed": seedPath = value
            case "--clients": clients = Int(value) ?? clients
            case "--seconds": seconds = Double(value) ?? seconds
            default: fatalError("unknown option \(argument)")
            }
        }
    }
}

struct Seeded: Codable {
    struct Company: Codable {
        var companyId: UUID
        var directorToken: String
        var accountantToken: String
        var accounts: [String]
    }
    var companies: [Company]
}

struct ClientResult: Sendable {
    var latencies: [Double] = []
    var failures = 0
}

@main
enum TransferLoad {
    static func main() async throws {
        let options = Options(CommandLine.arguments)
        let seeded = try JSONDecoder().decode(Seeded.self, from: Data(contentsOf: URL(fileURLWithPath: options.seedPath)))
        precondition(seeded.companies.count >= options.clients, "seed at least as many companies as clients")
        let transport = AsyncHTTPClientTransport()
        guard let baseURL = URL(string: options.baseURL) else { fatalError("bad --base-url") }
        // through the SDK, as an app would: each write carries its Idempotency-Key; no retries, so a failure counts
        func client(_ token: String) -> BankClient {
            BankClient(baseURL: baseURL, language: "en", transport: transport, tokens: InMemoryTokenStore(token: token), retry: .none)
        }
        let people = seeded.companies.map { (accountant: client($0.accountantToken), director: client($0.directorToken)) }

        @Sendable func transfer(
            _ company: Seeded.Company,
            _ person: (accountant: BankClient, director: BankClient),
            _ index: Int
        ) async throws
            -> Bool
        {
            let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            let (from, to) = index % 2 == 0 ? (company.accounts[0], company.accounts[1]) : (company.accounts[1], company.accounts[0])
            let input = PaymentOrderInput(
                number: "B\(index)",
                date: today,
                payerAccount: from,
                beneficiaryName: "Own account",
                beneficiaryTaxID: "050140000011",
                beneficiaryAccount: to,
                beneficiaryBIC: "TSESKZKA",
                kbe: "17",
                knp: "342",
                purpose: "Bench transfer",
                amount: "1.00",
                currency: "KZT",
                valueDate: today,
                urgency: "standard"
            )
            let order = try await person.accountant.send(Endpoints.Payments.createPayment, company.companyId, body: input)
            let signed = try await person.director.send(Endpoints.Payments.signPayment, order.id, body: SignPaymentRequest())
            return signed.order.status == "executed"
        }

        let deadline = Date().addingTimeInterval(options.seconds)
        let started = Date()
        let results = try await withThrowingTaskGroup(of: ClientResult.self) { group in
            for client in 0..<options.clients {
                let company = seeded.companies[client]
                let person = people[client]
                group.addTask {
                    var result = ClientResult()
                    var index = 0
                    while Date() < deadline {
                        let start = ContinuousClock.now
                        let ok = (try? await transfer(company, person, index)) ?? false
                        let elapsed = ContinuousClock.now - start
                        if ok {
                            result.latencies.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
                        } else {
                            result.failures += 1
                        }
                        index += 1
                    }
                    return result
                }
            }
            var all: [ClientResult] = []
            for try await result in group { all.append(result) }
            return all
        }
        let wall = Date().timeIntervalSince(started)
        let latencies = results.flatMap(\.latencies).sorted()
        let failures = results.map(\.failures).reduce(0, +)
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(
            String(
                format: "clients=%d seconds=%.1f transfers=%d failures=%d throughput=%.1f/s p50=%.1fms p99=%.1fms",
                options.clients,
                wall,
                latencies.count,
                failures,
                Double(latencies.count) / wall,
                percentile(0.50) * 1000,
                percentile(0.99) * 1000
            )
        )
    }
}
