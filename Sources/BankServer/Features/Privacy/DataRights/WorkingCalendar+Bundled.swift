import BankCore
import Foundation

extension WorkingCalendar {
    /// Kazakhstan's calendar from the bundled holidays file (the rules themselves are `WorkingCalendar`, BankCore).
    static func bundled() throws -> WorkingCalendar {
        guard let url = Bundle.module.url(forResource: "kz-holidays", withExtension: "json", subdirectory: "Resources/Privacy") else {
            throw CalendarError.missingFile
        }
        return try WorkingCalendar(holidayFile: Data(contentsOf: url))
    }

    enum CalendarError: Error { case missingFile }
}
