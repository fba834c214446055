import BankCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `bizbank bench statements [--pages N]` (release build, PostgreSQL `DATABASE_URL`, a scratch database):
/// is a statement page for an account with 1,000,000 entries as fast as one for an account with 1,000?
/// Loads both accounts with SQL (`generate_series`), then times the keyset page reads the API makes — the newest
/// page and a page in the middle of the history — alternating the accounts, and prints the ratio.
struct BenchStatementsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "pages", help: "Page reads per account (default 2000)") var pages: Int?
    }

    let help = "Times statement pages at 1,000 vs 1,000,000 entries (fills the database with benchmark data)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard !app.bank.config.isProduction, case .postgres = app.bank.config.database else {
            throw CommandFailure(message: "bench statements needs a scratch PostgreSQL DATABASE_URL and is refused in production")
        }
        let pages = signature.pages ?? 2000
        let services = app.bank
        let sql = app.db as! any SQLDatabase  // PostgreSQL: always an SQL database

        let company = Company(name: "Scale", bin: "05014" + SecureRandom.digits(7))
        try await company.create(on: app.db)
        var accounts: [(String, Account)] = []
        for (label, count) in [("1k", 1_000), ("1M", 1_000_000)] {
            let account = try await services.accounts.open(companyID: try company.requireID(), currency: .kzt, name: label, on: app.db)
            let transaction = LedgerTransaction()
            transaction.id = UUID()
            (transaction.createdAt, transaction.kind, transaction.reference, transaction.description) = (Date(), "bench", "scale", "bench")
            try await transaction.create(on: app.db)
            let started = ContinuousClock.now
            try await sql.raw(
                """
                INSERT INTO ledger_entries (id, transaction_id, account_id, seq, currency, amount, balance_after, created_at)
                SELECT gen_random_uuid(), \(bind: try transaction.requireID()), \(bind: try account.requireID()), n, 'KZT', 100, n * 100,
                       now() - ((\(bind: count) - n) * interval '1 second')
                FROM generate_series(1, \(bind: count)) AS n
                """
            ).run()
            try await sql.raw("ANALYZE ledger_entries").run()
            print("loaded \(label): \(count) entries in \(ContinuousClock.now - started)")
            accounts.append((label, account))
        }

        // Newest page, and a page at the middle of each history (cursor = half the entry count).
        var timings: [String: [Double]] = [:]
        for round in 0..<pages {
            for (label, account) in accounts {
                let depth: Int64 = label == "1M" ? 500_000 : 500
                let cursor: Int64? = round % 2 == 0 ? nil : depth
                let started = ContinuousClock.now
                let page = try await StatementReader(account: account).page(StatementQuery(before: cursor, limit: 50), on: app.db)
                let elapsed = ContinuousClock.now - started
                precondition(page.count == 51)
                timings[label, default: []].append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func p99(_ values: [Double]) -> Double { values.sorted()[min(values.count - 1, values.count * 99 / 100)] }
        let small = timings["1k"] ?? [1]
        let large = timings["1M"] ?? [1]
        print(
            String(
                format: "pages=%d  1k: median %.3f ms p99 %.3f ms   1M: median %.3f ms p99 %.3f ms",
                pages,
                median(small),
                p99(small),
                median(large),
                p99(large)
            )
        )
        print(String(format: "ratio 1M/1k (median) = %.2f  (goal <= 1.5)", median(large) / median(small)))
    }
}
