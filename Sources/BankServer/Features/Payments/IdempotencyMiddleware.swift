import Vapor

/// Issue 10: every state-changing call of a signed-in person accepts `Idempotency-Key`, by construction: the
/// middleware sits on the signed-in route groups and runs `IdempotencyGuard` around the handler. The body is
/// collected first (the key is bound to it), up to the route's own limit (`maxBodyKey` in the route's user info,
/// for uploads) or the application's default.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let methods: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
    static let maxBodyKey = "idempotency.maxBody"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.methods.contains(request.method), request.headers.first(name: IdempotencyGuard.header) != nil else {
            return try await next.respond(to: request)
        }
        if request.body.data == nil {
            let max = request.route?.userInfo[Self.maxBodyKey] as? Int ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: max).get()
        }
        return try await IdempotencyGuard().run(request) { try await next.respond(to: request) }
    }
}

/// A step-up challenge (202 and a code to the actor's phone) is not the operation's answer: the key is released,
/// so the same request with the code, under the same key, runs the change.
struct StepUpChallengedKey: StorageKey {
    typealias Value = Bool
}
