import Fluent
import Foundation

/// §1.1: what the app sends automatically — IP, client and app version, time, requested path.
final class AccessLogEntry: Model, @unchecked Sendable {
    static let schema = "access_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "ip") var ip: String
    @Field(key: "user_agent") var userAgent: String
    @OptionalField(key: "app_version") var appVersion: String?
    @Field(key: "method") var method: String
    /// The path only: the query string may carry secrets and is never stored.
    @Field(key: "path") var path: String
    @Field(key: "status") var status: Int
    @Field(key: "duration_ms") var durationMilliseconds: Int
    @OptionalField(key: "user_id") var userID: UUID?

    init() {}
}
