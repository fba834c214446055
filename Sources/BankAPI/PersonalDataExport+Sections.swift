import BankCore
import Foundation

/// Sections of the art. 24 export beyond the profile (issue 14): what the person did with the company's money,
/// what the bank decided about them, and the messages and answers still held about them.
extension PersonalDataExport {
    /// A payment order or payroll the person prepared (`kind` payment or payroll), as a document: no employee lines.
    public struct AuthoredDocument: Codable, Sendable, Equatable {
        public var id: UUID
        public var kind: String
        public var companyId: UUID
        public var number: String
        public var amount: Money
        public var beneficiaryName: String?
        public var status: String
        public var createdAt: Date
        public var executedAt: Date?

        public init(
            id: UUID,
            kind: String,
            companyId: UUID,
            number: String,
            amount: Money,
            beneficiaryName: String?,
            status: String,
            createdAt: Date,
            executedAt: Date?
        ) {
            self.id = id
            self.kind = kind
            self.companyId = companyId
            self.number = number
            self.amount = amount
            self.beneficiaryName = beneficiaryName
            self.status = status
            self.createdAt = createdAt
            self.executedAt = executedAt
        }
    }

    /// A signature the person gave: on a payment order or a payroll, in which slot, when.
    public struct Signature: Codable, Sendable, Equatable {
        public var documentKind: String
        public var documentId: UUID
        public var slot: String
        public var signedAt: Date

        public init(documentKind: String, documentId: UUID, slot: String, signedAt: Date) {
            self.documentKind = documentKind
            self.documentId = documentId
            self.slot = slot
            self.signedAt = signedAt
        }
    }

    /// A spending limit the director set on the person (minor units).
    public struct Limit: Codable, Sendable, Equatable {
        public var companyId: UUID
        public var currency: String
        public var perPayment: Int64?
        public var daily: Int64?

        public init(companyId: UUID, currency: String, perPayment: Int64?, daily: Int64?) {
            self.companyId = companyId
            self.currency = currency
            self.perPayment = perPayment
            self.daily = daily
        }
    }

    /// §5.2: a report of unauthorised use the person made, and when the bank handled it.
    public struct SecurityReport: Codable, Sendable, Equatable {
        public var kind: String
        public var channel: String
        public var createdAt: Date
        public var handledAt: Date?

        public init(kind: String, channel: String, createdAt: Date, handledAt: Date?) {
            self.kind = kind
            self.channel = channel
            self.createdAt = createdAt
            self.handledAt = handledAt
        }
    }

    /// A personal-data breach that concerned the person (Law 94-V), as the register holds it.
    public struct Breach: Codable, Sendable, Equatable {
        public var id: UUID
        public var detectedAt: Date
        public var description: String
        public var dataCategories: [String]
        public var measuresTaken: String
        public var authorityNotifiedAt: Date?

        public init(id: UUID, detectedAt: Date, description: String, dataCategories: [String], measuresTaken: String, authorityNotifiedAt: Date?) {
            self.id = id
            self.detectedAt = detectedAt
            self.description = description
            self.dataCategories = dataCategories
            self.measuresTaken = measuresTaken
            self.authorityNotifiedAt = authorityNotifiedAt
        }
    }

    /// §2.2.4: a risk decision about a document the person prepared: why it was held or needed a code.
    public struct RiskDecision: Codable, Sendable, Equatable {
        public var documentKind: String
        public var documentId: UUID
        public var reasons: [String]
        public var status: String

        public init(documentKind: String, documentId: UUID, reasons: [String], status: String) {
            self.documentKind = documentKind
            self.documentId = documentId
            self.reasons = reasons
            self.status = status
        }
    }

    /// An SMS, e-mail or push message still held for the person (metadata: codes and texts are not repeated).
    public struct Message: Codable, Sendable, Equatable {
        public var channel: String
        public var category: String
        public var status: String
        public var createdAt: Date
        public var sentAt: Date?

        public init(channel: String, category: String, status: String, createdAt: Date, sentAt: Date?) {
            self.channel = channel
            self.category = category
            self.status = status
            self.createdAt = createdAt
            self.sentAt = sentAt
        }
    }

    /// A stored answer to a request sent with an `Idempotency-Key` (metadata; the sealed body is replayed only).
    public struct IdempotencyAnswer: Codable, Sendable, Equatable {
        public var key: String
        public var state: String
        public var responseStatus: Int?
        public var createdAt: Date

        public init(key: String, state: String, responseStatus: Int?, createdAt: Date) {
            self.key = key
            self.state = state
            self.responseStatus = responseStatus
            self.createdAt = createdAt
        }
    }

    /// An event of the audit record the person caused (the event's name and time only).
    public struct ActivityEvent: Codable, Sendable, Equatable {
        public var event: String
        public var at: Date

        public init(event: String, at: Date) {
            self.event = event
            self.at = at
        }
    }
}
