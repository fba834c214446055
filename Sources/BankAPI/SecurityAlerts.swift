import Foundation

/// §5.2: a security alert in the fraud team's queue (a report of unauthorised use, …). It names the person by id
/// only; reading who they are is a recorded staff read (`staffReadUser`).
public struct SecurityAlertView: Codable, Sendable, Equatable {
    public var id: UUID
    /// `unauthorised_use_report`.
    public var kind: String
    public var userId: UUID
    /// Where the report came from: `app` or `sign_in_screen`.
    public var channel: String
    public var createdAt: Date
    /// Set once, when a member of the fraud team marks the alert handled.
    public var handledAt: Date?
    public var handledBy: UUID?

    public init(id: UUID, kind: String, userId: UUID, channel: String, createdAt: Date, handledAt: Date? = nil, handledBy: UUID? = nil) {
        self.id = id
        self.kind = kind
        self.userId = userId
        self.channel = channel
        self.createdAt = createdAt
        self.handledAt = handledAt
        self.handledBy = handledBy
    }
}
