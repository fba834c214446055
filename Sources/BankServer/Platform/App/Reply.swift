import BankAPI
import Vapor

/// A handler's answer typed on its endpoint's `Output`: the Output with a status (201, 202) and headers — or one of
/// the two exceptions the contract documents, named as such: a 202 `OtpChallengeResponse` that asks for a code first
/// (a step-up, a sign-in on a new device), and the printable HTML page of `?format=html`.
struct Reply<Output: Content>: AsyncResponseEncodable {
    private enum Answer {
        case output(Output)
        case challenge(OtpChallengeResponse)
        case page(String)
    }

    private let answer: Answer
    private(set) var status: HTTPStatus
    private(set) var headers: HTTPHeaders

    init(_ output: Output, status: HTTPStatus = .ok) {
        self.init(.output(output), status: status)
    }

    private init(_ answer: Answer, status: HTTPStatus) {
        self.answer = answer
        self.status = status
        self.headers = [:]
    }

    static func created(_ output: Output) -> Reply { Reply(output, status: .created) }
    static func accepted(_ output: Output) -> Reply { Reply(output, status: .accepted) }

    /// 202 with a code challenge instead of the Output: the same request again with the code makes it.
    static func codeRequired(_ challenge: OtpChallengeResponse) -> Reply { Reply(.challenge(challenge), status: .accepted) }

    /// 200 with an HTML page: the Output in printable form.
    static func page(_ html: String) -> Reply { Reply(.page(html), status: .ok) }

    /// The same answer with one more header.
    func with(_ name: HTTPHeaders.Name, _ value: String) -> Reply {
        var reply = self
        reply.headers.replaceOrAdd(name: name, value: value)
        return reply
    }

    func encodeResponse(for request: Request) async throws -> Response {
        switch answer {
        case .output(let output):
            return try await output.encodeResponse(status: status, headers: headers, for: request)
        case .challenge(let challenge):
            return try await challenge.encodeResponse(status: status, headers: headers, for: request)
        case .page(let html):
            var pageHeaders = HTTPHeaders()
            pageHeaders.contentType = .html
            for (name, value) in headers { pageHeaders.replaceOrAdd(name: name, value: value) }
            return Response(status: status, headers: pageHeaders, body: .init(string: html))
        }
    }
}
