import BankAPI
import BankCore
import Fluent
import Vapor

/// Payment orders (issue 3): create, edit, list, sign, confirm — company-scoped, idempotent where they change state.
enum PaymentsController {
    /// 202 when one SMS code must confirm the signed orders.
    static func signBasket(req: Request) async throws -> Reply<BasketOutcome> {
        let companyID = try req.parameter(.companyId)
        let body = try req.decodeBody(BasketSignRequest.self)
        let (records, challenge, phone) = try await SigningBasket(services: req.bank).sign(
            companyID: companyID,
            ids: body.paymentIds,
            caller: try req.caller,
            language: req.language,
            risk: RiskContext(location: body.location, ip: req.clientIP),
            on: req.db
        )
        let views = try await PaymentViews.views(records, on: req.db)
        let confirmation = try challenge.map {
            try OtpChallengeResponse($0, phoneMasked: phone.masked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
        }
        return Reply(BasketOutcome(orders: views, confirmation: confirmation), status: confirmation == nil ? .ok : .accepted)
    }

    static func confirmBasket(req: Request) async throws -> BasketOutcome {
        let body = try req.decodeBody(BasketConfirmRequest.self)
        let records = try await SigningBasket(services: req.bank).confirm(
            membership: try req.membership,
            ids: body.paymentIds,
            caller: try req.caller,
            challengeID: body.challengeId,
            code: body.code,
            risk: RiskContext(location: body.location, ip: req.clientIP),
            on: req.db
        )
        let views = try await PaymentViews.views(records, on: req.db)
        return BasketOutcome(orders: views, confirmation: nil)
    }

    static func create(req: Request) async throws -> Reply<PaymentOrderView> {
        let input = try req.decodeBody(PaymentOrderInput.self)
        let record = try await req.bank.payments.create(membership: try req.membership, caller: try req.caller, input: input, on: req.db)
        return .created(try await PaymentViews.view(record, on: req.db))
    }

    /// §2.3.4: the providers, mobile operators first; the same list for everyone, so nothing about the caller.
    static func serviceProviders(req: Request) async throws -> ListPage<ServiceProviderView> {
        _ = try req.caller
        return ListPage(items: ServiceProvider.all.map { .init(id: $0.id, kind: $0.kind.rawValue, name: $0.name) }, nextCursor: nil)
    }

    /// §2.3.4: a mobile top-up or utility bill becomes a draft payment order to the provider; sign and confirm as usual.
    static func createServicePayment(req: Request) async throws -> Reply<PaymentOrderView> {
        let body = try req.decodeBody(ServicePaymentRequest.self)
        let record = try await ServicePaymentService(services: req.bank).create(
            membership: try req.membership,
            caller: try req.caller,
            request: body,
            on: req.db
        )
        return .created(try await PaymentViews.view(record, on: req.db))
    }

    static func update(req: Request) async throws -> PaymentOrderView {
        let input = try req.decodeBody(PaymentOrderInput.self)
        let record = try await req.bank.payments.update(orderID: try req.parameter(.paymentId), caller: try req.caller, input: input, on: req.db)
        return try await PaymentViews.view(record, on: req.db)
    }

    /// Newest first, keyset-paged on the full-precision creation time plus id, so orders created in one instant are
    /// never skipped (issue 10). `awaiting=me`: only the orders that wait for the caller's signature.
    static func list(req: Request) async throws -> ListPage<PaymentOrderView> {
        let companyID = try req.parameter(.companyId)
        let membership = try req.membership
        var cursor = try req.query[String.self, at: "cursor"].map(KeysetAnchor.parse)
        if let anchor = cursor,
            try await PaymentOrderRecord.query(on: req.db).filter(\.$id == anchor).filter(\.$company.$id == companyID).first() == nil
        {
            throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
        }
        let awaiting =
            try req.query[String.self, at: "awaiting"].map { value in
                guard value == "me" else { throw BankError.validation([.init(field: "awaiting", code: .invalidValue)]) }
                return true
            } ?? false
        let limit = 50
        var picked: [PaymentOrderRecord] = []
        let rule = awaiting ? try await req.bank.payments.rule(of: companyID, on: req.db) : nil
        while picked.count <= limit {
            var query = PaymentOrderRecord.query(on: req.db).filter(\.$company.$id == companyID)
            if awaiting { query = query.filter(\.$status ~~ [.draft, .awaitingSignatures]) }
            if let cursor { query = query.filter(KeysetAnchor.before(cursor, table: PaymentOrderRecord.schema, time: "created_at")) }
            let batch = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit + 1).all()
            if let rule {
                picked += try await PaymentAwaiting.filter(batch, rule: rule, membership: membership, on: req.db)
            } else {
                picked += batch
            }
            guard batch.count > limit, let last = batch.last else { break }
            cursor = try last.requireID()
        }
        let views = try await PaymentViews.views(Array(picked.prefix(limit)), on: req.db)
        let next = picked.count > limit ? picked.prefix(limit).last?.id?.uuidString : nil
        return ListPage(items: views, nextCursor: next)
    }

    /// A signer refuses an order before it executes (issue 10).
    static func reject(req: Request) async throws -> PaymentOrderView {
        let orderID = try req.parameter(.paymentId)
        let body = try req.decodeBody(RejectPaymentRequest.self)
        let record = try await req.bank.payments.reject(orderID: orderID, caller: try req.caller, reason: body.reason, on: req.db)
        return try await PaymentViews.view(record, on: req.db)
    }

    static func show(req: Request) async throws -> PaymentOrderView {
        let (record, _) = try await req.bank.payments.order(try req.parameter(.paymentId), caller: try req.caller, on: req.db)
        return try await PaymentViews.view(record, on: req.db)
    }

    /// 202 when an SMS code must confirm the signature.
    static func sign(req: Request) async throws -> Reply<SignOutcome> {
        let orderID = try req.parameter(.paymentId)
        let body = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeBody(SignPaymentRequest.self) : SignPaymentRequest()
        let risk = RiskContext(location: body.location, ip: req.clientIP)
        let outcome = try await PaymentViews.rejectingOnLedgerFailure(orderID, on: req.db) {
            try await req.bank.payments.sign(orderID: orderID, caller: try req.caller, language: req.language, risk: risk, on: req.db)
        }
        let gap = req.bank.security.otpResendGapSeconds
        switch outcome {
        case .executed(let record), .awaitingSignatures(let record), .awaitingBasketConfirmation(let record):
            return Reply(SignOutcome(order: try await PaymentViews.view(record, on: req.db), confirmation: nil))
        case .awaitingConfirmation(let record, let challenge, let phone):
            let confirmation = try OtpChallengeResponse(challenge, phoneMasked: phone.masked, resendGapSeconds: gap)
            return .accepted(SignOutcome(order: try await PaymentViews.view(record, on: req.db), confirmation: confirmation))
        }
    }

    static func confirm(req: Request) async throws -> PaymentOrderView {
        let orderID = try req.parameter(.paymentId)
        let body = try req.decodeBody(OtpAnswer.self)
        let record = try await PaymentViews.rejectingOnLedgerFailure(orderID, on: req.db) {
            try await req.bank.payments.confirm(
                orderID: orderID,
                caller: try req.caller,
                challengeID: body.challengeId,
                code: body.code,
                risk: RiskContext(location: body.location, ip: req.clientIP),
                on: req.db
            )
        }
        return try await PaymentViews.view(record, on: req.db)
    }
}

extension PaymentOrderView: Content {}
extension SignOutcome: Content {}
extension BasketOutcome: Content {}
