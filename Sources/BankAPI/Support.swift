import Foundation

/// The bank's contact information shown in the app (§5.2: 7711; §6.1: the web site).
public struct ContactInfo: Codable, Sendable {
    public var phone: String
    public var website: String
    public var unauthorisedUseNotice: String

    public init(phone: String, website: String, unauthorisedUseNotice: String) {
        self.phone = phone
        self.website = website
        self.unauthorisedUseNotice = unauthorisedUseNotice
    }
}

/// §1.1, §2.2.7: the feedback form.
public struct FeedbackRequest: Codable, Sendable {
    /// app, payments, support, tariffs or other.
    public var topic: String
    public var text: String
    /// 1–5 stars, optional.
    public var rating: Int?
    /// Optional: a document the same person uploaded (`POST /companies/{id}/documents`).
    public var attachmentId: UUID?

    public init(topic: String, text: String, rating: Int? = nil, attachmentId: UUID? = nil) {
        self.topic = topic
        self.text = text
        self.rating = rating
        self.attachmentId = attachmentId
    }
}

public struct FeedbackView: Codable, Sendable, Equatable {
    public var id: UUID
    public var topic: String
    public var text: String
    public var rating: Int?
    public var attachmentId: UUID?
    public var createdAt: Date

    public init(id: UUID, topic: String, text: String, rating: Int?, attachmentId: UUID? = nil, createdAt: Date) {
        self.id = id
        self.topic = topic
        self.text = text
        self.rating = rating
        self.attachmentId = attachmentId
        self.createdAt = createdAt
    }
}

public struct NewTicketRequest: Codable, Sendable {
    public var subject: String
    public var text: String

    public init(subject: String, text: String) {
        self.subject = subject
        self.text = text
    }
}

public struct TicketMessageRequest: Codable, Sendable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

public struct TicketMessageView: Codable, Sendable, Equatable {
    public var id: UUID
    /// client or bank.
    public var from: String
    /// For the bank's messages: the staff role, never the name.
    public var staffRole: String?
    public var text: String
    public var at: Date

    public init(id: UUID, from: String, staffRole: String?, text: String, at: Date) {
        self.id = id
        self.from = from
        self.staffRole = staffRole
        self.text = text
        self.at = at
    }
}

/// A support conversation: open (waiting for the bank), answered (waiting for the client), closed.
public struct TicketView: Codable, Sendable {
    public var id: UUID
    public var subject: String
    public var status: String
    public var createdAt: Date
    public var updatedAt: Date
    public var messages: [TicketMessageView]

    public init(id: UUID, subject: String, status: String, createdAt: Date, updatedAt: Date, messages: [TicketMessageView]) {
        self.id = id
        self.subject = subject
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.messages = messages
    }
}

/// Staff's queue: no personal data until a ticket is opened (which is recorded).
public struct TicketSummaryView: Codable, Sendable {
    public var id: UUID
    public var status: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, status: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
