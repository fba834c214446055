import BankCore
import Foundation
import Vapor

/// Where e-mails leave the bank, chosen by `BIZBANK_EMAIL_GATEWAY`.
enum EmailGatewayKind: Sendable, Equatable {
    /// Development: the log (addresses masked); the outbox keeps the messages, listed at `/dev/email`.
    case log
    /// Production: an SMTP relay over implicit TLS (`BIZBANK_SMTP_HOST`, `_PORT` (465), `_USER`, `_PASSWORD`, `_FROM`).
    case smtp(SMTPSettings)

    /// Like the SMS gateway: production refuses the log adapter, and every missing SMTP variable is reported at once,
    /// never with a value.
    static func load(_ env: [String: String], isProduction: Bool, problems: inout [String]) -> EmailGatewayKind {
        switch env["BIZBANK_EMAIL_GATEWAY"] ?? "log" {
        case "log":
            if isProduction { problems.append("BIZBANK_EMAIL_GATEWAY must be smtp in production (the log adapter is for development)") }
            return .log
        case "smtp":
            func value(_ name: String) -> String {
                let value = env[name] ?? ""
                if value.isEmpty { problems.append("\(name) is required when BIZBANK_EMAIL_GATEWAY=smtp") }
                return value
            }
            let host = value("BIZBANK_SMTP_HOST")
            let username = value("BIZBANK_SMTP_USER")
            let password = value("BIZBANK_SMTP_PASSWORD")
            let from = value("BIZBANK_SMTP_FROM")
            var port = 465
            if let raw = env["BIZBANK_SMTP_PORT"], !raw.isEmpty {
                if let parsed = Int(raw), (1...65_535).contains(parsed) {
                    port = parsed
                } else {
                    problems.append("BIZBANK_SMTP_PORT must be a port number")
                }
            }
            if !from.isEmpty, (try? EmailAddress(from)) == nil { problems.append("BIZBANK_SMTP_FROM must be an e-mail address") }
            return .smtp(SMTPSettings(host: host, port: port, username: username, password: password, from: from))
        default:
            problems.append("BIZBANK_EMAIL_GATEWAY must be log or smtp")
            return .log
        }
    }
}

/// Builds the configured e-mail adapter.
func makeEmailGateway(_ config: AppConfig, app: Application) -> any EmailGateway {
    switch config.emailGateway {
    case .log: LogEmailGateway(logger: app.logger, includesBody: !config.isProduction)
    case .smtp(let settings): SMTPEmailGateway(settings: settings, eventLoopGroup: app.eventLoopGroup)
    }
}
