import BankCore
import Fluent
import Foundation
import SQLKit

/// Enforces spending limits at execution, inside the executing transaction. The daily check is one
/// conditional upsert per scope (`total + amount <= limit`), so concurrent payments cannot together pass a
/// limit that each passes alone; a rolled-back payment rolls back its addition too.
struct PaymentLimits: Sendable {
    let services: BankServices

    struct Exceeded: Error, Equatable {
        let scope: String
    }

    func charge(_ record: PaymentOrderRecord, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let companyID = record.$company.id
        let limits = try await PaymentLimit.query(on: database).filter(\.$company.$id == companyID).filter(\.$currency == record.currency).all()
        let day = Self.bankingDay(services.clock.now())
        for limit in limits {
            // The company-wide limit applies to every payment; a personal one to its author's.
            if let userID = limit.$user.id, userID != record.$author.id { continue }
            let scope = limit.$user.id.map { "user:\($0)" } ?? "company:\(companyID)"
            if let perPayment = limit.perPayment, record.amount > perPayment { throw Exceeded(scope: scope) }
            guard let daily = limit.daily else { continue }
            let row = try await sql.raw(
                """
                INSERT INTO payment_daily_totals (id, scope, day, currency, total)
                SELECT \(bind: UUID()), \(bind: scope), \(bind: day), \(bind: record.currency), \(bind: record.amount)
                WHERE \(bind: record.amount) <= \(bind: daily)
                ON CONFLICT (scope, day, currency) DO UPDATE SET total = payment_daily_totals.total + excluded.total
                WHERE payment_daily_totals.total + excluded.total <= \(bind: daily)
                RETURNING total
                """
            ).first()
            if row == nil { throw Exceeded(scope: scope) }
        }
    }

    /// The banking day in Kazakhstan (UTC+5, no daylight saving since 2024).
    static func bankingDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
