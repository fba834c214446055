import BankCore
import Foundation
import Logging

/// Where e-mails leave the bank. Development: the log (the outbox keeps them, listed at `/dev/email`).
protocol EmailGateway: Sendable {
    func deliver(to address: String, subject: String, body: String) async throws
}

/// Development adapter: "sends" by writing to the log. The body holds codes, so it is logged only
/// outside production (`includesBody`); the address is always masked (STYLE.md).
struct LogEmailGateway: EmailGateway {
    let logger: Logger
    let includesBody: Bool

    func deliver(to address: String, subject: String, body: String) async throws {
        var metadata: Logger.Metadata = ["to": "\((try? EmailAddress(address).masked) ?? "***")", "subject": "\(subject)"]
        if includesBody { metadata["text"] = "\(body)" }
        logger.notice("development e-mail", metadata: metadata)
    }
}
