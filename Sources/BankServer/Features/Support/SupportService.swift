import BankAPI
import Fluent
import Foundation

/// Support conversations and feedback (§2.2.7, §1.1). Texts are sealed with the system data key, bound to their
/// row and column; staff reading a ticket is a recorded staff read (the client sees it in the export).
struct SupportService: Sendable {
    let services: BankServices

    static let topics = ["app", "payments", "support", "tariffs", "other"]

    func createTicket(_ request: NewTicketRequest, userID: UUID, on database: any Database) async throws -> SupportTicket {
        var validator = FieldValidator()
        let subject = validator.require("subject", request.subject, maxLength: 200)
        let text = validator.require("text", request.text, maxLength: 4000)
        try validator.throwIfInvalid()
        guard let subject, let text else { throw BankError.malformedRequest }
        try await services.rateLimiter.hit(.init(name: "support-ticket", limit: 10, windowSeconds: 3600), key: userID.uuidString, on: database)
        let now = services.clock.now()
        let ticket = SupportTicket()
        let id = UUID()
        ticket.id = id
        ticket.userID = userID
        ticket.subject = try seal(subject, table: SupportTicket.schema, column: "subject", row: id)
        ticket.status = .open
        ticket.createdAt = now
        ticket.updatedAt = now
        try await database.transaction { tx in
            try await ticket.create(on: tx)
            try await addMessage(text, to: ticket, staff: nil, on: tx)
            try await AuditLog.record(.supportTicketOpened, actor: userID, subject: .ticket(id), at: now, on: tx)
        }
        return ticket
    }

    /// The client writes: a closed ticket stays closed (409); another user's ticket is not found.
    func clientReply(_ text: String, ticketID: UUID, userID: UUID, on database: any Database) async throws -> SupportTicket {
        let text = try Self.validText(text)
        let ticket = try await ticket(ticketID, ownedBy: userID, on: database)
        guard ticket.status != .closed else { throw BankError.ticketClosed }
        try await database.transaction { tx in
            try await addMessage(text, to: ticket, staff: nil, on: tx)
            ticket.status = .open
            ticket.updatedAt = services.clock.now()
            try await ticket.save(on: tx)
        }
        return ticket
    }

    func staffReply(_ text: String, ticketID: UUID, staff: StaffMember, on database: any Database) async throws -> SupportTicket {
        let text = try Self.validText(text)
        guard let ticket = try await SupportTicket.find(ticketID, on: database) else { throw BankError.notFound }
        guard ticket.status != .closed else { throw BankError.ticketClosed }
        try await database.transaction { tx in
            try await addMessage(text, to: ticket, staff: staff, on: tx)
            ticket.status = .answered
            ticket.updatedAt = services.clock.now()
            try await ticket.save(on: tx)
            // §2.2.3: the client hears of the answer in the inbox (and by push with a token); no text leaves the app
            if let client = try await User.find(ticket.userID, on: tx), client.status == .active {
                let message = NotificationMessage(key: "notification.support_answered")
                _ = try await NotificationService(services: services).notify(client, .operational, message, channels: [.inApp, .push], on: tx)
            }
            try await AuditLog.record(
                .supportTicketAnswered,
                actor: staff.id,
                subject: .ticket(ticketID),
                details: ["role": staff.role.rawValue],
                at: services.clock.now(),
                on: tx
            )
        }
        return ticket
    }

    func close(_ ticket: SupportTicket, actor: UUID?, on database: any Database) async throws {
        guard ticket.status != .closed else { return }
        ticket.status = .closed
        ticket.closedAt = services.clock.now()
        ticket.updatedAt = services.clock.now()
        try await database.transaction { tx in
            try await ticket.save(on: tx)
            try await AuditLog.record(
                .supportTicketClosed,
                actor: actor,
                subject: .ticket(try ticket.requireID()),
                at: services.clock.now(),
                on: tx
            )
        }
    }

    func feedback(_ request: FeedbackRequest, userID: UUID, on database: any Database) async throws -> FeedbackEntry {
        var validator = FieldValidator()
        if !Self.topics.contains(request.topic) { validator.add("topic", .invalidValue) }
        let text = validator.require("text", request.text, maxLength: 4000)
        if let rating = request.rating, !(1...5).contains(rating) { validator.add("rating", .outOfRange) }
        if let attachment = request.attachmentId {
            // only something this person uploaded: never another user's or company's document
            let owned = try await StoredDocument.query(on: database).filter(\.$id == attachment).filter(\.$uploader.$id == userID).count()
            if owned == 0 { validator.add("attachmentId", .notFound) }
        }
        try validator.throwIfInvalid()
        guard let text else { throw BankError.malformedRequest }
        try await services.rateLimiter.hit(.init(name: "feedback", limit: 10, windowSeconds: 3600), key: userID.uuidString, on: database)
        let entry = FeedbackEntry()
        let id = UUID()
        entry.id = id
        entry.userID = userID
        entry.topic = request.topic
        entry.text = try seal(text, table: FeedbackEntry.schema, column: "text", row: id)
        entry.rating = request.rating
        entry.attachmentID = request.attachmentId
        entry.createdAt = services.clock.now()
        try await entry.create(on: database)
        return entry
    }

    func ticket(_ id: UUID, ownedBy userID: UUID, on database: any Database) async throws -> SupportTicket {
        guard let ticket = try await SupportTicket.find(id, on: database), ticket.userID == userID else { throw BankError.notFound }
        return ticket
    }

    func view(_ ticket: SupportTicket, on database: any Database) async throws -> TicketView {
        let id = try ticket.requireID()
        let messages = try await SupportMessage.query(on: database).filter(\.$ticketID == id).sort(\.$position).sort(\.$at).all()
        return TicketView(
            id: id,
            subject: try open(ticket.subject, table: SupportTicket.schema, column: "subject", row: id),
            status: ticket.status.rawValue,
            createdAt: ticket.createdAt,
            updatedAt: ticket.updatedAt,
            messages: try messages.map {
                TicketMessageView(
                    id: try $0.requireID(),
                    from: $0.staffID == nil ? "client" : "bank",
                    staffRole: $0.staffRole,
                    text: try open($0.body, table: SupportMessage.schema, column: "body", row: try $0.requireID()),
                    at: $0.at
                )
            }
        )
    }

    func view(_ entry: FeedbackEntry) throws -> FeedbackView {
        let id = try entry.requireID()
        return FeedbackView(
            id: id,
            topic: entry.topic,
            text: try open(entry.text, table: FeedbackEntry.schema, column: "text", row: id),
            rating: entry.rating,
            attachmentId: entry.attachmentID,
            createdAt: entry.createdAt
        )
    }

    private func addMessage(_ text: String, to ticket: SupportTicket, staff: StaffMember?, on database: any Database) async throws {
        let message = SupportMessage()
        let id = UUID()
        message.id = id
        message.ticketID = try ticket.requireID()
        message.position = try await SupportMessage.query(on: database).filter(\.$ticketID == message.ticketID).count() + 1
        message.staffID = staff?.id
        message.staffRole = staff?.role.rawValue
        message.body = try seal(text, table: SupportMessage.schema, column: "body", row: id)
        message.at = services.clock.now()
        try await message.create(on: database)
    }

    private static func validText(_ text: String) throws -> String {
        var validator = FieldValidator()
        let text = validator.require("text", text, maxLength: 4000)
        try validator.throwIfInvalid()
        return text ?? ""
    }

    private func seal(_ text: String, table: String, column: String, row: UUID) throws -> Data {
        try services.cipher.seal(text, with: services.cipher.keys.systemData, context: .init(table: table, column: column, row: row))
    }

    private func open(_ data: Data, table: String, column: String, row: UUID) throws -> String {
        try services.cipher.openString(data, with: services.cipher.keys.systemData, context: .init(table: table, column: column, row: row))
    }
}

extension BankError {
    static let ticketClosed = BankError(status: .conflict, code: .ticketClosed)
}
