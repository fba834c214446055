import BankAPI
import Fluent
import Foundation
import SQLKit

/// §2.2.8: news, tariffs and offers that staff publish in kk / ru / en and users read in the app. Publishing can
/// also notify users, only through the marketing path (`MarketingOffers`: live consent, chosen channels).
struct ContentLibrary: Sendable {
    let services: BankServices

    func publish(_ request: ContentPublishRequest, by staff: StaffMember, on database: any Database) async throws -> ContentItem {
        let now = services.clock.now()
        var validator = FieldValidator()
        let kind = ContentItem.Kind(rawValue: request.kind)
        if kind == nil { validator.add("kind", .invalidValue) }
        func texts(_ field: String, _ text: LocalizedText, maxLength: Int) -> [String?] {
            [("kk", text.kk), ("ru", text.ru), ("en", text.en)].map { language, value in
                // Control characters (NUL above all, which PostgreSQL refuses) have no place in a published text.
                if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) {
                    validator.add("\(field).\(language)", .invalidCharacters)
                    return nil
                }
                return validator.require("\(field).\(language)", value, maxLength: maxLength)
            }
        }
        let titles = texts("title", request.title, maxLength: 200)
        let bodies = texts("body", request.body, maxLength: 10_000)
        let publishedAt = request.publishedAt ?? now
        // A notice about an item nobody can open yet would point at nothing.
        if request.notify == true, publishedAt > now { validator.add("notify", .invalidValue) }
        try validator.throwIfInvalid()
        guard let kind, case let (tk?, tr?, te?) = (titles[0], titles[1], titles[2]), case let (bk?, br?, be?) = (bodies[0], bodies[1], bodies[2])
        else {
            throw BankError.malformedRequest
        }
        let item = ContentItem()
        item.id = UUID()
        item.kind = kind
        (item.titleKk, item.titleRu, item.titleEn) = (tk, tr, te)
        (item.bodyKk, item.bodyRu, item.bodyEn) = (bk, br, be)
        item.publishedAt = publishedAt
        item.createdAt = now
        item.createdBy = try staff.requireID()
        try await database.transaction { tx in
            try await item.create(on: tx)
            try await AuditLog.record(
                .contentPublished,
                actor: staff.id,
                subject: .content(try item.requireID()),
                details: ["kind": kind.rawValue],
                at: now,
                on: tx
            )
        }
        if request.notify == true {
            item.recipients = try await MarketingOffers(services: services).send(content: item, by: staff.id, on: database)
            try await item.save(on: database)
        }
        return item
    }

    /// Deletes the item and the inbox entries pointing at it: a withdrawn tariff or offer is shown nowhere.
    func delete(_ id: UUID, by staff: StaffMember, on database: any Database) async throws {
        try await database.transaction { tx in
            guard let item = try await ContentItem.find(id, on: tx) else { throw BankError.notFound }
            try await InboxItem.query(on: tx).filter(\.$contentID == id).delete()
            try await item.delete(on: tx)
            try await AuditLog.record(.contentDeleted, actor: staff.id, subject: .content(id), at: services.clock.now(), on: tx)
        }
    }

    /// Newest first by publication, keyset-paginated by (published_at, id); `publishedOnly` hides scheduled items.
    func page(
        kind: ContentItem.Kind?,
        publishedOnly: Bool,
        after cursor: String?,
        limit: Int,
        on database: any Database
    ) async throws -> (items: [ContentItem], nextCursor: String?) {
        var query = ContentItem.query(on: database)
        if let kind { query = query.filter(\.$kind == kind) }
        if publishedOnly { query = query.filter(\.$publishedAt <= services.clock.now()) }
        let anchorID = try cursor.map(KeysetAnchor.parse)
        if let anchorID, try await ContentItem.find(anchorID, on: database) == nil {
            throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
        }
        return try await KeysetAnchor.page(query, after: anchorID, time: "published_at", limit: limit)
    }
}

extension ContentItem {
    var title: LocalizedText { LocalizedText(kk: titleKk, ru: titleRu, en: titleEn) }
    var body: LocalizedText { LocalizedText(kk: bodyKk, ru: bodyRu, en: bodyEn) }

    func view(in language: Language) throws -> ContentView {
        let (title, body) =
            switch language {
            case .kk: (titleKk, bodyKk)
            case .ru: (titleRu, bodyRu)
            case .en: (titleEn, bodyEn)
            }
        return ContentView(id: try requireID(), kind: kind.rawValue, language: language.rawValue, title: title, body: body, publishedAt: publishedAt)
    }

    func staffView() throws -> StaffContentView {
        StaffContentView(
            id: try requireID(),
            kind: kind.rawValue,
            title: title,
            body: body,
            publishedAt: publishedAt,
            createdAt: createdAt,
            recipients: recipients
        )
    }
}
