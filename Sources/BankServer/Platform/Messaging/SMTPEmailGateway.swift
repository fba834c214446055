import BankCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The SMTP relay's address and account (`BIZBANK_SMTP_*`).
struct SMTPSettings: Sendable, Equatable {
    var host: String
    var port: Int
    var username: String
    var password: String
    var from: String
    /// Implicit TLS (RFC 8314, port 465). Only the tests' fake server speaks plain SMTP.
    var tls: Bool = true
}

/// Production e-mail adapter: one SMTP session per message over implicit TLS (certificate and host name checked),
/// AUTH PLAIN, a UTF-8 text body in base64. Any reply other than the expected one throws, so the dispatcher
/// retries with backoff; the password and the body are never logged.
struct SMTPEmailGateway: EmailGateway {
    let settings: SMTPSettings
    let eventLoopGroup: any EventLoopGroup
    var timeout: TimeAmount = .seconds(30)

    func deliver(to address: String, subject: String, body: String) async throws {
        let recipient = try EmailAddress(address)
        let sender = try EmailAddress(settings.from)
        let message = SMTPMessage(from: sender.value, to: recipient.value, subject: subject, body: body, date: Date())
        let channel = try await connect()
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplies(lines: inbound.makeAsyncIterator())
            func command(_ line: String, expect codes: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await replies.expect(codes)
            }
            try await replies.expect([220])
            try await command("EHLO bizbank", expect: [250])
            if !settings.username.isEmpty {
                let credentials = Data("\u{0}\(settings.username)\u{0}\(settings.password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", expect: [235])
            }
            try await command("MAIL FROM:<\(sender.value)>", expect: [250])
            try await command("RCPT TO:<\(recipient.value)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await command(message.data + "\r\n.", expect: [250])
            // The message is accepted; a failed goodbye must not make the dispatcher send it again.
            try? await command("QUIT", expect: [221])
        }
    }

    private func connect() async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let tlsContext = try settings.tls ? NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let host = settings.host
        let readTimeout = timeout
        return try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(timeout)
            .connect(host: host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tlsContext { try pipeline.addHandler(try NIOSSLClientHandler(context: tlsContext, serverHostname: host)) }
                    try pipeline.addHandler(IdleStateHandler(readTimeout: readTimeout))
                    try pipeline.addHandler(CloseOnIdle())
                    try pipeline.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    enum SMTPError: Error, Equatable {
        case unexpectedReply(code: Int)
        case connectionClosed
    }
}

/// Reads SMTP replies (RFC 5321 §4.2): `250-…` lines continue, `250 …` ends the reply.
struct SMTPReplies<Lines: AsyncIteratorProtocol> where Lines.Element == String {
    var lines: Lines

    mutating func expect(_ codes: Set<Int>) async throws {
        while true {
            guard let line = try await lines.next() else { throw SMTPEmailGateway.SMTPError.connectionClosed }
            let code = Int(line.prefix(3)) ?? 0
            if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard codes.contains(code) else { throw SMTPEmailGateway.SMTPError.unexpectedReply(code: code) }
            return
        }
    }
}

/// Splits the byte stream into CRLF- (or LF-) terminated lines.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 64 * 1024 { throw SMTPEmailGateway.SMTPError.connectionClosed }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}

/// Closes a connection the server stopped answering, so a delivery never hangs.
private final class CloseOnIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

/// The message itself (RFC 5322 with MIME): headers in ASCII (the subject as an RFC 2047 encoded word), the
/// UTF-8 body in base64, so no line of it can start with a dot or carry a bare CR or LF.
struct SMTPMessage: Sendable {
    let from: String
    let to: String
    let subject: String
    let body: String
    let date: Date

    var data: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let encoded = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: <\(from)>",
            "To: <\(to)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            encoded,
        ].joined(separator: "\r\n")
    }
}
