import BankAPI
import Fluent
import Vapor

/// §3.3: the disclosure register over HTTP. The privacy officer records and lists; the data subject reads their
/// own disclosures, with the recorder's role but never their name.
enum DisclosureController {
    /// Staff: `POST /staff/privacy/disclosures`.
    static func record(req: Request) async throws -> Reply<DisclosureRecord> {
        let staff = try req.staff
        let body = try req.decodeBody(RecordDisclosureRequest.self)
        let disclosure = try await DisclosureRegister(services: req.bank).record(body, by: staff, on: req.db)
        return .created(try record(disclosure, req))
    }

    /// Staff: `GET /staff/privacy/disclosures[?userId=…][&cursor=…][&limit=…]`, newest first; the read is audited.
    static func list(req: Request) async throws -> ListPage<DisclosureRecord> {
        let staff = try req.staff
        var userID: UUID?
        if let raw = req.query[String.self, at: "userId"] {
            guard let id = UUID(uuidString: raw) else { throw BankError.validation([.init(field: "userId", code: .invalidValue)]) }
            userID = id
        }
        let (items, next) = try await DisclosureRegister(services: req.bank)
            .page(of: userID, after: req.query[String.self, at: "cursor"], limit: try Self.limit(req), on: req.db)
        try await AuditLog.record(
            .disclosureListed,
            actor: staff.id,
            subject: userID.map { .user($0) } ?? .disclosures,
            details: ["count": String(items.count)],
            at: req.bank.clock.now(),
            on: req.db
        )
        return ListPage(items: try items.map { try record($0, req) }, nextCursor: next)
    }

    /// Subject: `GET /me/privacy/disclosures[?cursor=…][&limit=…]`, newest first. The first page (no cursor) starts
    /// with the standing entries (`standing: true`, not counted in `limit`): the flows the system itself makes.
    static func mine(req: Request) async throws -> ListPage<DisclosureView> {
        let caller = try req.caller
        let register = DisclosureRegister(services: req.bank)
        let cursor = req.query[String.self, at: "cursor"]
        let (items, next) = try await register.page(of: caller.userID, after: cursor, limit: try Self.limit(req), on: req.db)
        let recorded = try items.map { try $0.subjectView(purposes: req.bank.purposes, language: req.language) }
        let since = caller.user.createdAt ?? req.bank.clock.now()
        let standing = cursor == nil ? register.standing(since: since, language: req.language) : []
        return ListPage(items: standing + recorded, nextCursor: next)
    }

    private static func record(_ disclosure: Disclosure, _ req: Request) throws -> DisclosureRecord {
        DisclosureRecord(
            id: try disclosure.requireID(),
            userId: disclosure.$user.id,
            recipientName: disclosure.recipientName,
            recipientBin: disclosure.recipientBIN,
            dataCategories: req.bank.purposes.categoryViews(disclosure.categoryIDs, in: req.language),
            basis: disclosure.basis.rawValue,
            clause: disclosure.basis.clause,
            legalReference: disclosure.legalReference,
            caseReference: disclosure.caseReference,
            consentId: disclosure.$consent.id,
            disclosedAt: disclosure.disclosedAt,
            recordedAt: disclosure.recordedAt,
            recordedBy: disclosure.$recordedBy.id,
            staffRole: disclosure.staffRole.rawValue
        )
    }

    /// `limit`: 1…100, 50 when absent.
    static func limit(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "limit"] else { return 50 }
        guard let limit = Int(raw), (1...100).contains(limit) else { throw BankError.validation([.init(field: "limit", code: .invalidValue)]) }
        return limit
    }
}

extension Disclosure {
    /// What the subject sees of a disclosure (§3.3): never the staff member's name, only their role.
    func subjectView(purposes: PurposeRegister, language: Language) throws -> DisclosureView {
        DisclosureView(
            id: try requireID(),
            recipientName: recipientName,
            recipientBin: recipientBIN,
            dataCategories: purposes.categoryViews(categoryIDs, in: language),
            basis: basis.rawValue,
            clause: basis.clause,
            reference: basis == .protectionOfRights ? caseReference : legalReference,
            disclosedAt: disclosedAt,
            staffRole: staffRole.rawValue
        )
    }
}
