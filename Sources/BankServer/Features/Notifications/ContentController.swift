import BankAPI
import Vapor

/// §2.2.8 over HTTP. Reading is public: news and tariffs are what the bank also publishes on its web site, the same
/// for everyone, so reading them processes no personal data and the app can show tariffs before sign-in. Publishing
/// is for support staff and the privacy officer.
enum ContentController {
    /// `GET /content[?kind=news|tariff|offer][&cursor=…][&limit=…]` in the `Accept-Language` language.
    static func list(req: Request) async throws -> ListPage<ContentView> {
        let (items, next) = try await ContentLibrary(services: req.bank)
            .page(
                kind: try Self.kind(req),
                publishedOnly: true,
                after: req.query[String.self, at: "cursor"],
                limit: try DisclosureController.limit(req),
                on: req.db
            )
        let language = req.language
        return ListPage(items: try items.map { try $0.view(in: language) }, nextCursor: next)
    }

    /// Staff: `POST /staff/content`.
    static func publish(req: Request) async throws -> Reply<StaffContentView> {
        let staff = try req.staff
        let body = try req.decodeBody(ContentPublishRequest.self)
        let item = try await ContentLibrary(services: req.bank).publish(body, by: staff, on: req.db)
        return .created(try item.staffView())
    }

    /// Staff: `GET /staff/content`, scheduled items too.
    static func staffList(req: Request) async throws -> ListPage<StaffContentView> {
        let (items, next) = try await ContentLibrary(services: req.bank)
            .page(
                kind: try Self.kind(req),
                publishedOnly: false,
                after: req.query[String.self, at: "cursor"],
                limit: try DisclosureController.limit(req),
                on: req.db
            )
        return ListPage(items: try items.map { try $0.staffView() }, nextCursor: next)
    }

    /// Staff: `DELETE /staff/content/{contentId}`.
    static func delete(req: Request) async throws -> HTTPStatus {
        let staff = try req.staff
        try await ContentLibrary(services: req.bank).delete(try req.parameter(.contentId), by: staff, on: req.db)
        return .noContent
    }

    private static func kind(_ req: Request) throws -> ContentItem.Kind? {
        guard let raw = req.query[String.self, at: "kind"] else { return nil }
        guard let kind = ContentItem.Kind(rawValue: raw) else { throw BankError.validation([.init(field: "kind", code: .invalidValue)]) }
        return kind
    }

    /// A short marketing offer text to every client with the marketing consent (§2.2.6), not kept as content.
    static func queueOffer(req: Request) async throws -> OfferQueued {
        let staff = try req.staff
        let offer = try req.content.decode(LocalizedOffer.self)
        var validator = FieldValidator()
        _ = validator.require("kk", offer.kk, maxLength: 300)
        _ = validator.require("ru", offer.ru, maxLength: 300)
        _ = validator.require("en", offer.en, maxLength: 300)
        try validator.throwIfInvalid()
        return OfferQueued(recipients: try await MarketingOffers(services: req.bank).send(offer, by: staff.id, on: req.db))
    }
}
