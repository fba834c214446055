import BankAPI
import BankCore

extension BranchHours {
    /// The hours as the API carries them (`BranchHours`, BankCore, cannot see the wire types).
    var wire: WeeklyHours { WeeklyHours(ordered: entries) }
}
