import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

@testable import BankServer

/// A tiny SMTP server on a loopback port speaking plain SMTP (no TLS), for the SMTP adapter's tests: it records
/// every accepted message with its envelope and can be told to refuse recipients.
final class FakeSMTPServer: Sendable {
    struct Received: Sendable {
        var auth: String?
        var from: String
        var to: [String]
        var data: String
    }

    let received = NIOLockedValueBox<[Received]>([])
    let refuseRecipients = NIOLockedValueBox(false)
    private let channel: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>
    private let task: Task<Void, Never>
    var port: Int { channel.channel.localAddress?.port ?? 0 }

    init(group: any EventLoopGroup) async throws {
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        let server = channel
        let received = received
        let refuse = refuseRecipients
        task = Task {
            try? await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { try? await Self.serve(connection, received: received, refuse: refuse) }
                    }
                }
            }
        }
    }

    private static func serve(
        _ connection: NIOAsyncChannel<String, ByteBuffer>,
        received: NIOLockedValueBox<[Received]>,
        refuse: NIOLockedValueBox<Bool>
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            func reply(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
            try await reply("220 fake.smtp ready")
            var current = Received(from: "", to: [], data: "")
            var dataLines: [String]?
            for try await line in inbound {
                if var lines = dataLines {
                    if line == "." {
                        current.data = lines.joined(separator: "\r\n")
                        received.withLockedValue { $0.append(current) }
                        dataLines = nil
                        try await reply("250 queued")
                    } else {
                        lines.append(line)
                        dataLines = lines
                    }
                    continue
                }
                let upper = line.uppercased()
                if upper.hasPrefix("EHLO") {
                    try await reply("250-fake.smtp")
                    try await reply("250 AUTH PLAIN")
                } else if upper.hasPrefix("AUTH PLAIN ") {
                    current.auth = String(line.dropFirst("AUTH PLAIN ".count))
                    try await reply("235 accepted")
                } else if upper.hasPrefix("MAIL FROM:") {
                    current.from = String(line.dropFirst("MAIL FROM:".count))
                    try await reply("250 ok")
                } else if upper.hasPrefix("RCPT TO:") {
                    if refuse.withLockedValue({ $0 }) {
                        try await reply("550 no such user")
                    } else {
                        current.to.append(String(line.dropFirst("RCPT TO:".count)))
                        try await reply("250 ok")
                    }
                } else if upper == "DATA" {
                    dataLines = []
                    try await reply("354 go ahead")
                } else if upper == "QUIT" {
                    try await reply("221 bye")
                    return
                } else {
                    try await reply("502 not implemented")
                }
            }
        }
    }

    func stop() async {
        try? await channel.channel.close()
        task.cancel()
        await task.value
    }
}
