import BankCore
import Fluent
import Foundation
import Vapor

/// A statement request: a date range and a keyset cursor (the last entry sequence seen).
struct StatementQuery: Sendable {
    var from: Date?
    var to: Date?
    var before: Int64?
    var limit: Int

    init(from: Date? = nil, to: Date? = nil, before: Int64? = nil, limit: Int = 50) {
        self.from = from
        self.to = to
        self.before = before
        self.limit = limit
    }

    init(from req: Request) throws {
        var validator = FieldValidator()
        func date(_ name: String) -> Date? {
            guard let raw = req.query[String.self, at: name] else { return nil }
            return validator.parse(name) { () throws -> Date in
                let civil = try CivilDay(raw)
                return civil.start
            }
        }
        let from = date("from")
        let to = date("to").map { $0.addingTimeInterval(86_400) }
        var before: Int64?
        if let cursor = req.query[String.self, at: "cursor"] {
            before = Int64(cursor)
            if before == nil { validator.add("cursor", .invalidValue) }
        }
        let limit = req.query[Int.self, at: "limit"] ?? 50
        if !(1...200).contains(limit) { validator.add("limit", .invalidValue) }
        try validator.throwIfInvalid()
        self.init(from: from, to: to, before: before, limit: limit)
    }
}

/// Reads statement pages by keyset (`seq < cursor`), never by offset, so page 10,000 costs what page 1 does.
struct StatementReader: Sendable {
    let account: Account

    /// Up to `limit + 1` entries, newest first (the extra one tells whether there is a next page).
    func page(_ query: StatementQuery, on database: any Database) async throws -> [LedgerEntry] {
        var builder = LedgerEntry.query(on: database).filter(\.$account.$id == (try account.requireID())).with(\.$transaction)
        if let before = query.before { builder = builder.filter(\.$seq < before) }
        if let from = query.from { builder = builder.filter(\.$createdAt >= from) }
        if let to = query.to { builder = builder.filter(\.$createdAt < to) }
        return try await builder.sort(\.$seq, .descending).limit(query.limit + 1).all()
    }
}

/// A Kazakhstan calendar day (UTC+5) from "YYYY-MM-DD": statements, limits' banking day, the 1C and CSV dates and
/// the clearing cut-off all count days in Kazakhstan time (issue 10), so an entry booked at 02:00 local is that day's.
struct CivilDay: Sendable {
    let start: Date

    init(_ raw: String) throws {
        let parts = raw.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], raw.count == 10, (1...12).contains(month),
            (1...31).contains(day)
        else { throw BankError.malformedRequest }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CivilDay.kazakhstan
        // Calendar normalises 31 April to 1 May: reject anything that does not round-trip.
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day,
            calendar.component(.month, from: date) == month
        else { throw BankError.malformedRequest }
        start = date
    }

    static let kazakhstan = TimeZone(secondsFromGMT: 5 * 3600) ?? TimeZone.gmt

    /// "YYYY-MM-DD" of the Kazakhstan day `date` falls on.
    static func text(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = kazakhstan
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }
}
