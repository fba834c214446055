import Fluent
import Vapor

/// Development only, like `/dev/sms`: the e-mails the server "sent", newest first, optionally only those to
/// `?to=<address>`, so an e-mail change (§4.1) can be completed by hand or by a test. Never routed in production.
extension DevController {
    struct EmailItem: Content {
        var id: UUID
        var to: String
        var subject: String
        var text: String
        var category: String
        var status: String
        var createdAt: Date
    }

    struct EmailListing: Content {
        var items: [EmailItem]
    }

    static func email(req: Request) async throws -> EmailListing {
        let wanted = req.query[String.self, at: "to"]?.trimmingCharacters(in: .whitespaces).lowercased()
        let outbox = EmailOutbox(services: req.bank)
        let messages = try await EmailMessage.query(on: req.db).sort(\.$createdAt, .descending).limit(100).all()
        let items = try messages.map { message in
            let (to, text) = try outbox.open(message)
            return EmailItem(
                id: try message.requireID(),
                to: to,
                subject: message.subject,
                text: text,
                category: message.category,
                status: message.status.rawValue,
                createdAt: message.createdAt
            )
        }
        return EmailListing(items: items.filter { wanted == nil || $0.to.lowercased() == wanted })
    }
}
