import Fluent
import Vapor

/// Development only: every SMS the server "sent", newest first, so sign-in can be completed by hand.
/// Not registered at all in production (`/dev/*` does not exist there).
enum DevController {
    struct Item: Content {
        var id: UUID
        var to: String
        var text: String
        var category: String
        var status: String
        var createdAt: Date
    }

    struct Listing: Content {
        var items: [Item]
    }

    static func sms(req: Request) async throws -> Listing {
        let outbox = SMSOutbox(services: req.bank)
        let messages = try await SMSMessage.query(on: req.db).sort(\.$createdAt, .descending).limit(100).all()
        return Listing(
            items: try messages.map {
                let (to, text) = try outbox.open($0)
                return Item(id: try $0.requireID(), to: to, text: text, category: $0.category, status: $0.status.rawValue, createdAt: $0.createdAt)
            }
        )
    }

    struct StaffCode: Content {
        var username: String
        var code: String
    }

    /// The demo staff's current authenticator codes (development only, like the SMS list).
    static func staffCodes(req: Request) async throws -> [StaffCode] {
        let step = TOTP.step(at: req.bank.clock.now())
        return DemoStaff.accounts.map { StaffCode(username: $0.username, code: DemoStaff.authenticator($0.username).code(atStep: step)) }
    }
}
