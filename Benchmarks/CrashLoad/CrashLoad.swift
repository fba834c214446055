import BankAPI
import BankCore
import Foundation

// The crash run of docs/BENCHMARKS.md: K clients move money between their company's two accounts (the accountant
// drafts, the director signs, which executes) while the server is killed and restarted under them. Every request
// carries an Idempotency-Key and is retried with that same key until the server answers, so every transfer
// started ends acknowledged or refused. Writes the ids of the acknowledged transfers and of every draft it was
// given, for the script to hold against the database.
//
//   CrashLoad --base-url http://127.0.0.1:8082 --seed seed.json --clients 8 --seconds 60 --out run

struct Options {
    var baseURL = "http://127.0.0.1:8082"
    var seedPath = "bench-seed.json"
    var clients = 8
    var seconds = 60.0
    /// After the run's time, how long in-flight transfers may take to finish (a killed server's leases last 60 s).
    var grace = 180.0
    var out = "crash-run"

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--base-url": baseURL = value
            case "--seed": seedPath = value
            case "--clients": clients = Int(value) ?? clients
            case "--seconds": seconds = Double(value) ?? seconds
            case "--grace": grace = Double(value) ?? grace
            case "--out": out = value
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

struct Tally: Sendable {
    var started = 0
    var acknowledged = 0
    /// The sign's answer was a refusal (its first run's answer was lost in a crash) but the order reads executed.
    var acknowledgedByRead = 0
    var refused = 0
    var unfinished = 0
    var retries = 0
    var replayed = 0
    var refusals: [String: Int] = [:]
    var acknowledgedIDs: [UUID] = []
    var draftIDs: [UUID] = []

    mutating func add(_ other: Tally) {
        started += other.started
        acknowledged += other.acknowledged
        acknowledgedByRead += other.acknowledgedByRead
        refused += other.refused
        unfinished += other.unfinished
        retries += other.retries
        replayed += other.replayed
        refusals.merge(other.refusals, uniquingKeysWith: +)
        acknowledgedIDs += other.acknowledgedIDs
        draftIDs += other.draftIDs
    }

    mutating func count(_ answer: CrashClient.Answer) {
        retries += answer.retries
        replayed += answer.replayed ? 1 : 0
    }

    mutating func refuse(_ step: String, _ answer: CrashClient.Answer) {
        refused += 1
        refusals["\(step):\(answer.status):\(answer.code ?? "-")", default: 0] += 1
    }
}

@main
enum CrashLoad {
    static func main() async throws {
        let options = Options(CommandLine.arguments)
        let seeded = try JSONDecoder().decode(Seeded.self, from: Data(contentsOf: URL(fileURLWithPath: options.seedPath)))
        precondition(seeded.companies.count >= options.clients, "seed at least as many companies as clients")
        let stopStarting = ContinuousClock.now + .seconds(options.seconds)
        let client = CrashClient(baseURL: options.baseURL, giveUp: stopStarting + .seconds(options.grace))
        let started = Date()
        let tally = await withTaskGroup(of: Tally.self) { group in
            for index in 0..<options.clients {
                let company = seeded.companies[index]
                group.addTask {
                    var tally = Tally()
                    var number = 0
                    while ContinuousClock.now < stopStarting {
                        await transfer(company, number: "C\(index)-\(number)", client: client, into: &tally)
                        number += 1
                    }
                    return tally
                }
            }
            var all = Tally()
            for await one in group { all.add(one) }
            return all
        }
        for (suffix, ids) in [("acknowledged", tally.acknowledgedIDs), ("drafts", tally.draftIDs)] {
            try ids.map { $0.uuidString + "\n" }.joined().write(toFile: "\(options.out).\(suffix)", atomically: true, encoding: .utf8)
        }
        let refusals = tally.refusals.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        print(
            String(
                format: "clients=%d seconds=%.1f started=%d acknowledged=%d acknowledged_by_read=%d refused=%d unfinished=%d retries=%d replayed=%d",
                options.clients,
                Date().timeIntervalSince(started),
                tally.started,
                tally.acknowledged,
                tally.acknowledgedByRead,
                tally.refused,
                tally.unfinished,
                tally.retries,
                tally.replayed
            ) + " refusals=[\(refusals)]"
        )
        if tally.unfinished > 0 { exit(2) }
    }

    /// One transfer: a draft under one key, then its signature under another, each retried until answered.
    static func transfer(_ company: Seeded.Company, number: String, client: CrashClient, into tally: inout Tally) async {
        tally.started += 1
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let flip = tally.started % 2 == 0
        let input = PaymentOrderInput(
            number: number,
            date: today,
            payerAccount: company.accounts[flip ? 1 : 0],
            beneficiaryName: "Own account",
            beneficiaryTaxID: "050140000011",
            beneficiaryAccount: company.accounts[flip ? 0 : 1],
            beneficiaryBIC: "TSESKZKA",
            kbe: "17",
            knp: "342",
            purpose: "Crash run transfer",
            amount: "1.00",
            currency: "KZT",
            valueDate: today,
            urgency: "standard"
        )
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let path = "/api/v1/companies/\(company.companyId)/payments"
        guard let body = try? JSONEncoder().encode(input),
            let drafted = await client.send(.POST, path, token: company.accountantToken, key: UUID().uuidString, body: body)
        else {
            tally.unfinished += 1
            return
        }
        tally.count(drafted)
        guard drafted.status == 201, let order = try? decoder.decode(PaymentOrderView.self, from: drafted.body) else {
            return tally.refuse("draft", drafted)
        }
        tally.draftIDs.append(order.id)
        let signPath = "/api/v1/payments/\(order.id)/sign"
        guard let signed = await client.send(.POST, signPath, token: company.directorToken, key: UUID().uuidString) else {
            tally.unfinished += 1
            return
        }
        tally.count(signed)
        if signed.status == 200, let outcome = try? decoder.decode(SignOutcome.self, from: signed.body), outcome.order.status == "executed" {
            tally.acknowledged += 1
            tally.acknowledgedIDs.append(order.id)
            return
        }
        // A refusal may be the rerun of a sign whose first run executed the order before the server died: read it.
        guard let read = await client.send(.GET, "/api/v1/payments/\(order.id)", token: company.directorToken) else {
            tally.unfinished += 1
            return
        }
        if read.status == 200, let view = try? decoder.decode(PaymentOrderView.self, from: read.body), view.status == "executed" {
            tally.acknowledged += 1
            tally.acknowledgedByRead += 1
            tally.acknowledgedIDs.append(order.id)
        } else {
            tally.refuse("sign", signed)
        }
    }
}
