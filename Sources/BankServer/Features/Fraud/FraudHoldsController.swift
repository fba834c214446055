import BankAPI
import Fluent
import Vapor

/// §2.2.4 the fraud team's holds (staff role `fraud`, checked by the route table's group): the list, release, reject.
enum FraudHoldsController {
    static func list(req: Request) async throws -> [PaymentOrderView] {
        let held = try await PaymentOrderRecord.query(on: req.db).filter(\.$status == .heldForReview).sort(\.$updatedAt).limit(500).all()
        return try await PaymentViews.views(held, on: req.db)
    }

    static func release(req: Request) async throws -> PaymentOrderView {
        try await decide(req, release: true)
    }

    static func reject(req: Request) async throws -> PaymentOrderView {
        try await decide(req, release: false)
    }

    private static func decide(_ req: Request, release: Bool) async throws -> PaymentOrderView {
        let record = try await FraudHolds(services: req.bank).decide(
            try req.parameter(.paymentId),
            release: release,
            by: try req.staff,
            on: req.db
        )
        return try await PaymentViews.view(record, on: req.db)
    }
}
