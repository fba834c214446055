import BankAPI
import Fluent
import Vapor

/// Support and feedback from the app (§2.2.7, §1.1), the staff side (role support), and the contact card (§5.2, §6.1).
enum SupportController {
    /// Public: 7711 and the bank's web site, in the reader's language.
    static func contact(req: Request) async throws -> ContactInfo {
        ContactInfo(
            phone: req.bank.localizer.text("contact.phone", req.language),
            website: req.bank.localizer.text("contact.website", req.language),
            unauthorisedUseNotice: req.bank.localizer.text("contact.unauthorised_use", req.language)
        )
    }

    static func feedback(req: Request) async throws -> Reply<FeedbackView> {
        let caller = try req.caller
        let service = SupportService(services: req.bank)
        let entry = try await service.feedback(try req.decodeBody(FeedbackRequest.self), userID: caller.userID, on: req.db)
        return .created(try service.view(entry))
    }

    static func open(req: Request) async throws -> Reply<TicketView> {
        let caller = try req.caller
        let service = SupportService(services: req.bank)
        let ticket = try await service.createTicket(try req.decodeBody(NewTicketRequest.self), userID: caller.userID, on: req.db)
        return .created(try await service.view(ticket, on: req.db))
    }

    /// Newest first, 20 a page; the cursor is the id of the last ticket on the previous page.
    static func list(req: Request) async throws -> ListPage<TicketView> {
        let caller = try req.caller
        var query = SupportTicket.query(on: req.db).filter(\.$userID == caller.userID)
        if let cursor = req.query[String.self, at: "cursor"] {
            // the cursor is the last ticket's id; its time is compared inside the database, at full precision
            guard let id = UUID(uuidString: cursor), let last = try await SupportTicket.find(id, on: req.db), last.userID == caller.userID else {
                throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
            }
            query = query.group(.or) {
                $0.filter(\.$createdAt < last.createdAt).group(.and) { $0.filter(\.$createdAt == last.createdAt).filter(\.$id < id) }
            }
        }
        let page = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(21).all()
        let service = SupportService(services: req.bank)
        var items: [TicketView] = []
        for ticket in page.prefix(20) { items.append(try await service.view(ticket, on: req.db)) }
        let next = page.count > 20 ? page[19] : nil
        return ListPage(items: items, nextCursor: try next.map { try $0.requireID().uuidString })
    }

    static func show(req: Request) async throws -> TicketView {
        let service = SupportService(services: req.bank)
        let ticket = try await service.ticket(try req.parameter(.ticketId), ownedBy: try req.caller.userID, on: req.db)
        return try await service.view(ticket, on: req.db)
    }

    static func reply(req: Request) async throws -> TicketView {
        let body = try req.decodeBody(TicketMessageRequest.self)
        let service = SupportService(services: req.bank)
        let ticket = try await service.clientReply(body.text, ticketID: try req.parameter(.ticketId), userID: try req.caller.userID, on: req.db)
        return try await service.view(ticket, on: req.db)
    }

    static func close(req: Request) async throws -> TicketView {
        let caller = try req.caller
        let service = SupportService(services: req.bank)
        let ticket = try await service.ticket(try req.parameter(.ticketId), ownedBy: caller.userID, on: req.db)
        try await service.close(ticket, actor: caller.userID, on: req.db)
        return try await service.view(ticket, on: req.db)
    }

    // MARK: staff (support)

    /// `GET /staff/support/tickets[?status=open]`: oldest waiting first; subjects only after opening one.
    static func staffList(req: Request) async throws -> [TicketSummaryView] {
        var query = SupportTicket.query(on: req.db)
        if let raw = req.query[String.self, at: "status"] {
            guard let status = SupportTicket.Status(rawValue: raw) else {
                throw BankError.validation([.init(field: "status", code: .invalidValue)])
            }
            query = query.filter(\.$status == status)
        }
        return try await query.sort(\.$updatedAt).limit(200).all().map {
            TicketSummaryView(id: try $0.requireID(), status: $0.status.rawValue, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
        }
    }

    /// Opening a ticket is a recorded read of the client's personal data.
    static func staffShow(req: Request) async throws -> TicketView {
        let staff = try req.staff
        let id = try req.parameter(.ticketId)
        guard let ticket = try await SupportTicket.find(id, on: req.db) else { throw BankError.notFound }
        try await StaffDataReader(services: req.bank).recordAccess(to: ticket.userID, reason: "support ticket \(id)", by: staff, on: req.db)
        return try await SupportService(services: req.bank).view(ticket, on: req.db)
    }

    static func staffReply(req: Request) async throws -> TicketView {
        let staff = try req.staff
        let body = try req.decodeBody(TicketMessageRequest.self)
        let service = SupportService(services: req.bank)
        let ticket = try await service.staffReply(body.text, ticketID: try req.parameter(.ticketId), staff: staff, on: req.db)
        // the answer shows the whole conversation: a recorded read too (review L1)
        try await StaffDataReader(services: req.bank).recordAccess(
            to: ticket.userID,
            reason: "support ticket \(try ticket.requireID())",
            by: staff,
            on: req.db
        )
        return try await service.view(ticket, on: req.db)
    }

    static func staffClose(req: Request) async throws -> TicketView {
        let staff = try req.staff
        guard let ticket = try await SupportTicket.find(try req.parameter(.ticketId), on: req.db) else { throw BankError.notFound }
        let service = SupportService(services: req.bank)
        try await service.close(ticket, actor: staff.id, on: req.db)
        try await StaffDataReader(services: req.bank).recordAccess(
            to: ticket.userID,
            reason: "support ticket \(try ticket.requireID())",
            by: staff,
            on: req.db
        )
        return try await service.view(ticket, on: req.db)
    }
}
