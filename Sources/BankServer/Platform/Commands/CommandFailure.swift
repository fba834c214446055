import BankCore
import Fluent
import Vapor

struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
