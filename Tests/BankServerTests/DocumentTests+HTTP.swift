import AsyncHTTPClient
import BankAPI
import Foundation
import NIOCore
import Testing
import Vapor

@testable import BankServer

extension DocumentTests {
    /// The size limit over a real socket, where Vapor collects the streamed body: a file of exactly the limit is
    /// accepted, one byte more is `payload_too_large` before the handler runs.
    @Test(arguments: TestDatabase.all)
    func sizeLimit_overRealHTTP_acceptsExactlyTheLimit_andRefusesOneByteMore(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.documents.maxBytes = 4096 }) { t in
            // given
            let grant = try await t.registerActive()
            try await t.grantCameraConsent(grant.token)
            t.app.http.server.configuration.hostname = "127.0.0.1"
            t.app.http.server.configuration.port = 0
            try t.app.server.start()
            do {
                try await Self.checkSizeLimit(port: try #require(t.app.http.server.shared.localAddress?.port), token: grant.token)
            } catch {
                await t.app.server.shutdown()
                throw error
            }
            await t.app.server.shutdown()
            #expect(try await t.storedDocumentCounts() == (1, 1))
        }
    }

    private static func checkSizeLimit(port: Int, token: String) async throws {
        let picture = SampleFiles.jpeg(trailer: false)
        func put(_ size: Int) async throws -> HTTPClientResponse {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/me/photo")
            request.method = .PUT
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "image/jpeg")
            // bytes after EOI pad the file to the size; the stripper drops them
            request.body = .bytes(ByteBuffer(bytes: picture + [UInt8](repeating: 0x20, count: size - picture.count)))
            return try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        }
        // when / then
        #expect(try await put(4096).status == .created)
        let tooLarge = try await put(4097)
        #expect(tooLarge.status == .payloadTooLarge)
        let body = try await tooLarge.body.collect(upTo: 4096)
        #expect(try JSONDecoder().decode(Problem.self, from: body).code == "payload_too_large")
    }
}
