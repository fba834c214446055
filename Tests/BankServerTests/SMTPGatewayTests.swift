import BankCore
import Fluent
import Foundation
import NIOPosix
import Testing

@testable import BankServer

@Suite("SMTP e-mail adapter against a fake SMTP server on loopback")
struct SMTPGatewayTests {
    private func withServer(_ body: (FakeSMTPServer, SMTPEmailGateway) async throws -> Void) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await FakeSMTPServer(group: group)
        let settings = SMTPSettings(
            host: "127.0.0.1",
            port: server.port,
            username: "bizbank",
            password: "relay-secret",
            from: "noreply@bizbank.kz",
            tls: false
        )
        var failure: (any Error)?
        do {
            try await body(server, SMTPEmailGateway(settings: settings, eventLoopGroup: group, timeout: .seconds(5)))
        } catch {
            failure = error
        }
        await server.stop()
        try await group.shutdownGracefully()
        if let failure { throw failure }
    }

    @Test
    func delivers_withAuthEnvelopeAndAUTF8Body() async throws {
        try await withServer { server, gateway in
            try await gateway.deliver(to: "asel@example.kz", subject: "BizBank: растау", body: "Код: 123456.\n.\nСоңы")
            let message = try #require(server.received.withLockedValue { $0.first })
            #expect(message.from == "<noreply@bizbank.kz>")
            #expect(message.to == ["<asel@example.kz>"])
            #expect(Data(base64Encoded: message.auth ?? "") == Data("\u{0}bizbank\u{0}relay-secret".utf8))
            let parts = message.data.components(separatedBy: "\r\n\r\n")
            #expect(parts[0].contains("Subject: =?UTF-8?B?\(Data("BizBank: растау".utf8).base64EncodedString())?="))
            #expect(parts[0].contains("Content-Type: text/plain; charset=utf-8"))
            let body = Data(base64Encoded: parts[1].replacingOccurrences(of: "\r\n", with: ""))
            #expect(body.map { String(decoding: $0, as: UTF8.self) } == "Код: 123456.\n.\nСоңы")
        }
    }

    @Test
    func aRefusedRecipient_throws_soTheDispatcherRetries() async throws {
        try await withServer { server, gateway in
            server.refuseRecipients.withLockedValue { $0 = true }
            await #expect(throws: SMTPEmailGateway.SMTPError.unexpectedReply(code: 550)) {
                try await gateway.deliver(to: "asel@example.kz", subject: "s", body: "b")
            }
            #expect(server.received.withLockedValue { $0.isEmpty })
            // a header injection through the address is refused before anything is sent
            await #expect(throws: (any Error).self) { try await gateway.deliver(to: "a@b.kz\r\nBcc: x@y.kz", subject: "s", body: "b") }
        }
    }

    @Test
    func withTLS_aServerThatSpeaksPlainSMTP_getsNothing() async throws {
        try await withServer { server, plain in
            var settings = plain.settings
            settings.tls = true
            let gateway = SMTPEmailGateway(settings: settings, eventLoopGroup: plain.eventLoopGroup, timeout: .seconds(5))
            // implicit TLS starts with a handshake: the plain greeting is not TLS, so nothing is ever sent in clear
            await #expect(throws: (any Error).self) { try await gateway.deliver(to: "asel@example.kz", subject: "s", body: "code 123456") }
            #expect(server.received.withLockedValue { $0.isEmpty })
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailDispatch_overSMTP_sendsEachMessageOnce_withTwoWorkers_andRetriesAfterARefusal(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await withServer { server, gateway in
                for index in 0..<8 {
                    try await EmailOutbox(services: t.services).enqueue(
                        to: try EmailAddress("user\(index)@example.kz"),
                        subject: "s",
                        body: "message \(index)",
                        category: "operational",
                        userID: nil,
                        on: t.db
                    )
                }
                let services = t.services.replacing(emailGateway: gateway)
                let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<2 {
                        group.addTask { try await EmailDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(delivered == 8)
                let recipients = server.received.withLockedValue { $0.flatMap(\.to) }
                #expect(recipients.count == 8)
                #expect(Set(recipients).count == 8)
                // refused: kept pending with a backoff, delivered once the relay accepts again
                try await EmailOutbox(services: t.services).enqueue(
                    to: try EmailAddress("late@example.kz"),
                    subject: "s",
                    body: "late",
                    category: "operational",
                    userID: nil,
                    on: t.db
                )
                server.refuseRecipients.withLockedValue { $0 = true }
                let dispatcher = EmailDispatcher(services: services, logger: t.app.logger)
                #expect(try await dispatcher.dispatchPending(on: t.db) == 0)
                server.refuseRecipients.withLockedValue { $0 = false }
                #expect(try await dispatcher.dispatchPending(on: t.db) == 0)  // not before its backoff
                t.clock.advance(seconds: 60)
                #expect(try await dispatcher.dispatchPending(on: t.db) == 1)
                #expect(server.received.withLockedValue { $0.count } == 9)
            }
        }
    }

    @Test
    func config_smtpInProduction_isRequired_andReportsEveryMissingVariableWithoutValues() throws {
        let error = try #require(throws: ConfigError.self) {
            try AppConfig.load(
                environment: ["BIZBANK_EMAIL_GATEWAY": "smtp", "BIZBANK_SMTP_PASSWORD": "hunter2-secret", "BIZBANK_SMTP_PORT": "x"],
                isProduction: false
            )
        }
        for name in ["BIZBANK_SMTP_HOST", "BIZBANK_SMTP_USER", "BIZBANK_SMTP_FROM", "BIZBANK_SMTP_PORT"] {
            #expect(error.description.contains(name), "missing \(name)")
        }
        #expect(!error.description.contains("hunter2"))
        let production = try #require(throws: ConfigError.self) { try AppConfig.load(environment: [:], isProduction: true) }
        #expect(production.description.contains("BIZBANK_EMAIL_GATEWAY"))
        let smtp = [
            "BIZBANK_EMAIL_GATEWAY": "smtp", "BIZBANK_SMTP_HOST": "smtp.bank.kz", "BIZBANK_SMTP_USER": "u", "BIZBANK_SMTP_PASSWORD": "p",
            "BIZBANK_SMTP_FROM": "noreply@bizbank.kz",
        ]
        let config = try AppConfig.load(environment: smtp, isProduction: false)
        #expect(config.emailGateway == .smtp(SMTPSettings(host: "smtp.bank.kz", port: 465, username: "u", password: "p", from: "noreply@bizbank.kz")))
    }
}
