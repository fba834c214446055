import BankCore
import Foundation
import Testing

struct CivilDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31", "2026-04-30"])
    func validDate_roundTripsThroughText(text: String) throws {
        #expect(try CivilDate(text).description == text)
    }

    @Test(arguments: [
        (1900, 2, 29), (2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (2026, 1, 0), (0, 1, 1), (10_000, 1, 1),
    ])
    func impossibleDay_isInvalidDate(year: Int, month: Int, day: Int) {
        #expect(throws: IdentifierError.invalidDate) { try CivilDate(year: year, month: month, day: day) }
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-06-31", "2026-13-01", "0000-01-01"])
    func impossibleDayText_isInvalidDate(text: String) {
        #expect(throws: IdentifierError.invalidDate) { try CivilDate(text) }
    }

    @Test(arguments: ["2026-1-05", "2026/01/05", "20260105", "2026-01-05T00:00", "05.01.2026", "2026-01-0a", "+026-01-05", "２０２６-01-05"])
    func otherShapes_areInvalidFormat(text: String) {
        #expect(throws: IdentifierError.invalidFormat) { try CivilDate(text) }
    }

    @Test func blank_isEmpty_andWhitespaceIsTrimmed() throws {
        #expect(throws: IdentifierError.empty) { try CivilDate(" \n") }
        #expect(try CivilDate(" 2026-01-05\n") == (try CivilDate(year: 2026, month: 1, day: 5)))
    }

    @Test func description_isZeroPadded() throws {
        #expect(try CivilDate(year: 5, month: 1, day: 2).description == "0005-01-02")
    }

    // Checked with python3 datetime.date.isoweekday().
    @Test(arguments: [
        ("2026-11-25", 3), ("2000-01-01", 6), ("1969-12-31", 3), ("2024-02-29", 4), ("0001-01-01", 1), ("9999-12-31", 5), ("2026-03-22", 7),
    ])
    func weekday_isISOMondayOne(text: String, weekday: Int) throws {
        #expect(try CivilDate(text).weekday == weekday)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-01"), ("2024-02-28", 1, "2024-02-29"), ("2024-02-29", 1, "2024-03-01"), ("2026-02-28", 1, "2026-03-01"),
        ("2026-12-31", 1, "2027-01-01"), ("2027-01-01", -1, "2026-12-31"), ("2024-03-01", -1, "2024-02-29"), ("2026-11-25", 0, "2026-11-25"),
        ("2024-01-01", 366, "2025-01-01"), ("2026-11-25", -20_782, "1970-01-01"), ("1999-12-31", 1, "2000-01-01"),
    ])
    func adding_crossesMonthsYearsAndLeapDays(start: String, days: Int, expected: String) throws {
        #expect(try CivilDate(start).adding(days: days).description == expected)
    }

    @Test func adding_oneDayAtATime_matchesAnIndependentCalendar() throws {
        // given: a plain next-day rule, written without BankCore's day counting
        func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
        func length(_ year: Int, _ month: Int) -> Int { [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] }
        var (year, month, day) = (1899, 12, 25)
        var date = try CivilDate(year: year, month: month, day: day)
        var weekday = date.weekday
        // when / then: walk 1899 → 2101, across the non-leap 1900 and 2100 and the leap 2000
        for _ in 0..<73_800 {
            day += 1
            if day > length(year, month) { (day, month) = (1, month + 1) }
            if month > 12 { (month, year) = (1, year + 1) }
            date = date.adding(days: 1)
            weekday = weekday % 7 + 1
            let expected = try CivilDate(year: year, month: month, day: day)
            guard date == expected, date.weekday == weekday else {
                Issue.record("after \(expected): got \(date), weekday \(date.weekday) instead of \(weekday)")
                return
            }
        }
    }

    @Test func adding_saturatesAtTheSupportedRange() throws {
        let last = try CivilDate("9999-12-31")
        let first = try CivilDate("0001-01-01")
        #expect(last.adding(days: 1) == last)
        #expect(first.adding(days: -1) == first)
        #expect(first.adding(days: .max) == last)
        #expect(last.adding(days: .min) == first)
    }

    @Test func comparison_followsTheCalendar() throws {
        let dates = try ["2026-11-25", "2025-12-31", "2026-01-01", "2026-11-24", "2026-02-01"].map { try CivilDate($0) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-02-01", "2026-11-24", "2026-11-25"])
        #expect(try CivilDate("2026-11-24") < CivilDate("2026-11-25"))
    }

    @Test func codable_roundTripsAsISOText_andRevalidates() throws {
        let dates = [try CivilDate("2026-11-25"), try CivilDate("2024-02-29")]
        let encoded = try JSONEncoder().encode(dates)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-11-25","2024-02-29"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: encoded) == dates)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-29"]"#.utf8)) }
    }
}
