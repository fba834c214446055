import BankAPI
import Fluent
import Foundation

/// Push tokens of the user's own devices: one per device, replaced when the platform issues a new one, sealed at
/// rest under the system key bound to its row, never logged, removed when the device is forgotten.
struct PushTokens: Sendable {
    let services: BankServices
    static let platforms: Set<String> = ["apns", "fcm"]

    /// Stores (or replaces) the token of `deviceID`, a trusted device of `userID`; another user's device, or one the
    /// user forgot, is `not_found`. Two registrations racing for one device: the loser retries and replaces.
    func register(_ registration: PushTokenRegistration, deviceID: UUID, userID: UUID, on database: any Database) async throws -> PushTokenView {
        var validator = FieldValidator()
        let token = registration.token.trimmingCharacters(in: .whitespacesAndNewlines)
        // APNs tokens are 64 hex digits, FCM tokens about 160 printable characters; nothing else belongs here.
        if token.isEmpty {
            validator.add("token", .required)
        } else if token.count > 4096 || token.count < 16 || !token.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) {
            validator.add("token", .invalidValue)
        }
        if !Self.platforms.contains(registration.platform) { validator.add("platform", .invalidValue) }
        try validator.throwIfInvalid()
        do {
            return try await store(token, platform: registration.platform, deviceID: deviceID, userID: userID, on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await store(token, platform: registration.platform, deviceID: deviceID, userID: userID, on: database)
        }
    }

    private func store(_ token: String, platform: String, deviceID: UUID, userID: UUID, on database: any Database) async throws -> PushTokenView {
        try await database.transaction { tx in
            guard try await Device.query(on: tx).filter(\.$id == deviceID).filter(\.$user.$id == userID).filter(\.$trustedAt != nil).first() != nil
            else { throw BankError.notFound }
            let row = try await PushToken.query(on: tx).filter(\.$deviceID == deviceID).first() ?? PushToken()
            if row.id == nil { row.id = UUID() }
            row.userID = userID
            row.deviceID = deviceID
            row.platform = platform
            row.token = try seal(token, row: try row.requireID())
            row.registeredAt = services.clock.now()
            try await row.save(on: tx)
            try await AuditLog.record(.pushTokenRegistered, actor: userID, subject: .device(deviceID), at: services.clock.now(), on: tx)
            return try view(row)
        }
    }

    /// Removes the token of one of the caller's devices; `not_found` when there is none.
    func remove(deviceID: UUID, userID: UUID, on database: any Database) async throws {
        try await database.transaction { tx in
            guard let row = try await PushToken.query(on: tx).filter(\.$deviceID == deviceID).filter(\.$userID == userID).first() else {
                throw BankError.notFound
            }
            try await row.delete(on: tx)
            try await PushMessage.query(on: tx).filter(\.$deviceID == deviceID).filter(\.$status == .pending).delete()
            try await AuditLog.record(.pushTokenRemoved, actor: userID, subject: .device(deviceID), at: services.clock.now(), on: tx)
        }
    }

    /// A forgotten device must not be pushed to any more.
    func removeAll(deviceID: UUID, on database: any Database) async throws {
        try await PushToken.query(on: database).filter(\.$deviceID == deviceID).delete()
        try await PushMessage.query(on: database).filter(\.$deviceID == deviceID).filter(\.$status == .pending).delete()
    }

    func target(deviceID: UUID, on database: any Database) async throws -> PushTarget? {
        guard let row = try await PushToken.query(on: database).filter(\.$deviceID == deviceID).first() else { return nil }
        return PushTarget(deviceID: deviceID, platform: row.platform, token: try open(row))
    }

    func list(userID: UUID, on database: any Database) async throws -> [PushTokenView] {
        try await PushToken.query(on: database).filter(\.$userID == userID).sort(\.$registeredAt).all().map(view)
    }

    /// Only the last six characters: enough for the owner to recognise it, useless to anyone else.
    func view(_ row: PushToken) throws -> PushTokenView {
        PushTokenView(
            deviceId: row.deviceID,
            platform: row.platform,
            tokenEnding: "…" + String(try open(row).suffix(6)),
            registeredAt: row.registeredAt
        )
    }

    private func seal(_ token: String, row: UUID) throws -> Data {
        try services.cipher.seal(token, with: services.cipher.keys.systemData, context: .init(table: "push_tokens", column: "token", row: row))
    }

    private func open(_ row: PushToken) throws -> String {
        let context = PersonalDataCipher.Context(table: "push_tokens", column: "token", row: try row.requireID())
        return try services.cipher.openString(row.token, with: services.cipher.keys.systemData, context: context)
    }
}
