import BankAPI
import Vapor

/// §2.3.1 branches near me, public (no sign-in): `GET /branches/nearby` and `GET /branches/{branchId}`.
/// Rate-limited per IP. The point is rounded as it is parsed (`NearbyRequest`); the access log keeps the path
/// without the query, so the point is in no table.
enum BranchesController {
    static let perIP = RateLimiter.Rule(name: "branch-search", limit: 60, windowSeconds: 60)

    static func nearby(req: Request) async throws -> Reply<NearbyBranches> {
        try await req.bank.rateLimiter.hit(Self.perIP, key: req.clientIP, on: req.db)
        let query = try NearbyRequest.query(from: req)
        let now = req.bank.clock.now()
        let page = try await BranchSearch().nearby(query, at: now, on: req.db)
        let language = req.language
        let answer = NearbyBranches(
            language: language.rawValue,
            latitude: query.point.latitude,
            longitude: query.point.longitude,
            radiusKm: query.radiusKm,
            items: try page.items.map { try $0.branch.view(language: language, at: now, distanceMetres: Int($0.distanceMetres.rounded())) },
            nextCursor: page.next.map { BranchCursor.encode($0, tag: query.tag) }
        )
        return Reply(answer).with(.contentLanguage, language.rawValue)
    }

    static func show(req: Request) async throws -> Reply<BranchView> {
        try await req.bank.rateLimiter.hit(Self.perIP, key: req.clientIP, on: req.db)
        guard let branch = try await Branch.find(try req.parameter(.branchId), on: req.db) else { throw BankError.notFound }
        let language = req.language
        return Reply(try branch.view(language: language, at: req.bank.clock.now())).with(.contentLanguage, language.rawValue)
    }
}
