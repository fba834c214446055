import BankCore
import Vapor

/// The company-scope tier: a path with `{companyId}` is reached only through the caller's membership of that
/// company, loaded once here for the handler (`req.membership`). A company the caller does not belong to is
/// `not_found`, exactly like one that does not exist, so ids cannot be probed.
struct CompanyScope: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let companyID = try request.parameter(.companyId)
        let membership = try await CompanyAccess.membership(userID: try request.caller.userID, companyID: companyID, on: request.db)
        request.storage[MembershipKey.self] = membership
        return try await next.respond(to: request)
    }
}

/// A company-role group: the member's role must permit the action (`CompanyRole.permits`, BankCore), or 403.
struct CompanyPermission: AsyncMiddleware {
    let action: CompanyAction

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try request.membership.role.permits(action) else { throw BankError.forbidden }
        return try await next.respond(to: request)
    }
}

/// A staff-role group: the signed-in staff member must hold one of the roles, or 403.
struct StaffRoles: AsyncMiddleware {
    let roles: [StaffMember.Role]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard roles.contains(try request.staff.role) else { throw BankError.forbidden }
        return try await next.respond(to: request)
    }
}

/// A one-time-code answer: the per-IP cap on code guesses (each challenge also allows only 3 attempts), the same
/// for sign-in, registration, activation, corrections and the §5.2 report.
struct CodeGuessLimit: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let rule = RateLimiter.Rule(name: "otp-verify-ip", limit: request.bank.security.otpVerifyPerIPPerMinute, windowSeconds: 60)
        try await request.bank.rateLimiter.hit(rule, key: request.clientIP, on: request.db)
        return try await next.respond(to: request)
    }
}

struct MembershipKey: StorageKey {
    typealias Value = Membership
}

extension Request {
    /// The caller's membership of the path's company; only routes of the company-scope tier have one.
    var membership: Membership {
        get throws {
            guard let membership = storage[MembershipKey.self] else { throw BankError.notFound }
            return membership
        }
    }
}

extension TierRoutes {
    /// Paths with `{companyId}`: the membership is loaded and checked before the handler runs.
    func companyScope() -> TierRoutes {
        TierRoutes(tier: tier, base: base.grouped(CompanyScope()), companyScoped: true, guardName: "company")
    }

    /// Within the company scope, only roles the matrix permits for `action`.
    func permitting(_ action: CompanyAction) -> TierRoutes {
        precondition(companyScoped, "a company-role group sits inside the company scope")
        return TierRoutes(tier: tier, base: base.grouped(CompanyPermission(action: action)), companyScoped: true, guardName: "company.\(action)")
    }

    /// Code answers, under the per-IP cap on guesses.
    func limitingCodeGuesses() -> TierRoutes {
        TierRoutes(tier: tier, base: base.grouped(CodeGuessLimit()), companyScoped: companyScoped, guardName: guardName)
    }

    /// Staff of these roles only.
    func staffRoles(_ roles: StaffMember.Role...) -> TierRoutes {
        precondition(tier == .staff, "staff roles guard staff routes")
        let name = "staff." + roles.map(\.rawValue).joined(separator: ",")
        return TierRoutes(tier: tier, base: base.grouped(StaffRoles(roles: roles)), companyScoped: false, guardName: name)
    }
}
