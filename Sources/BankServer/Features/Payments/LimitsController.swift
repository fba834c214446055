import BankAPI
import BankCore
import Fluent
import Vapor

/// The director sets per-payment and daily limits for the company or for one employee.
enum LimitsController {
    static func signingRule(req: Request) async throws -> SigningRuleView {
        let companyID = try req.parameter(.companyId)
        guard let company = try await Company.find(companyID, on: req.db) else { throw BankError.notFound }
        return SigningRuleView(dualSignatureAbove: company.dualSignatureThreshold, authorMaySignAlone: company.authorMaySignAlone)
    }

    /// Only the director changes who must sign, with a fresh code (`StepUp`); audited, and every signer is told.
    static func setSigningRule(req: Request) async throws -> Reply<SigningRuleView> {
        try await StepUp.replying(req) { Reply(try await changeSigningRule(req: req)) }
    }

    private static func changeSigningRule(req: Request) async throws -> SigningRuleView {
        let companyID = try req.parameter(.companyId)
        let caller = try req.caller
        let body = try req.decodeBody(SigningRuleView.self)
        if let threshold = body.dualSignatureAbove, threshold < 0 {
            throw BankError.validation([FieldViolation(field: "dualSignatureAbove", code: .notPositive)])
        }
        guard let company = try await Company.find(companyID, on: req.db) else { throw BankError.notFound }
        try await StepUp(services: req.bank).check(try StepUp.Proof(req, action: .signingRule, scope: companyID), action: .signingRule, on: req.db)
        company.dualSignatureThreshold = body.dualSignatureAbove
        if let alone = body.authorMaySignAlone { company.authorMaySignAlone = alone }
        try await company.save(on: req.db)
        try await AuditLog.record(
            .signingRuleSet,
            actor: caller.userID,
            subject: .company(companyID),
            details: ["dual_above": "\(body.dualSignatureAbove ?? -1)", "author_may_sign_alone": "\(company.authorMaySignAlone)"],
            at: req.bank.clock.now(),
            on: req.db
        )
        try await StepUp(services: req.bank).announce(.signingRule, companyID: companyID, actor: caller.userID, on: req.db)
        return SigningRuleView(dualSignatureAbove: company.dualSignatureThreshold, authorMaySignAlone: company.authorMaySignAlone)
    }

    static func list(req: Request) async throws -> ListPage<PaymentLimitView> {
        let companyID = try req.parameter(.companyId)
        let limits = try await PaymentLimit.query(on: req.db).filter(\.$company.$id == companyID).all()
        return ListPage(items: limits.map(Self.view), nextCursor: nil)
    }

    /// The director sets a limit with a fresh code (`StepUp`); audited, and every signer is told.
    static func set(req: Request) async throws -> Reply<PaymentLimitView> {
        try await StepUp.replying(req) { Reply(try await setLimit(req: req)) }
    }

    private static func setLimit(req: Request) async throws -> PaymentLimitView {
        let companyID = try req.parameter(.companyId)
        let caller = try req.caller
        let body = try req.decodeBody(PaymentLimitView.self)
        var validator = FieldValidator()
        if (try? Currency(code: body.currency)) == nil { validator.add("currency", .invalidValue) }
        if let perPayment = body.perPayment, perPayment <= 0 { validator.add("perPayment", .notPositive) }
        if let daily = body.daily, daily <= 0 { validator.add("daily", .notPositive) }
        try validator.throwIfInvalid()
        if let userID = body.userId {
            _ = try await CompanyAccess.membership(userID: userID, companyID: companyID, on: req.db)
        }
        try await StepUp(services: req.bank).check(try StepUp.Proof(req, action: .limits, scope: companyID), action: .limits, on: req.db)
        var query = PaymentLimit.query(on: req.db).filter(\.$company.$id == companyID).filter(\.$currency == body.currency)
        query = body.userId.map { query.filter(\.$user.$id == $0) } ?? query.filter(\.$user.$id == nil)
        let limit = try await query.first() ?? PaymentLimit()
        limit.$company.id = companyID
        limit.$user.id = body.userId
        limit.currency = body.currency
        limit.perPayment = body.perPayment
        limit.daily = body.daily
        try await limit.save(on: req.db)
        try await AuditLog.record(
            .paymentLimitSet,
            actor: caller.userID,
            subject: .company(companyID),
            details: [
                "currency": body.currency, "user": body.userId?.uuidString ?? "company", "per_payment": "\(body.perPayment ?? -1)",
                "daily": "\(body.daily ?? -1)",
            ],
            at: req.bank.clock.now(),
            on: req.db
        )
        try await StepUp(services: req.bank).announce(.limits, companyID: companyID, actor: caller.userID, on: req.db)
        return Self.view(limit)
    }

    static func view(_ limit: PaymentLimit) -> PaymentLimitView {
        PaymentLimitView(userId: limit.$user.id, currency: limit.currency, perPayment: limit.perPayment, daily: limit.daily)
    }
}

extension PaymentLimitView: Content {}
extension SigningRuleView: Content {}
