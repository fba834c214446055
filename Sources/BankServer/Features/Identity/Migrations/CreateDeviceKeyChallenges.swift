import Fluent

struct CreateDeviceKeyChallenges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DeviceKeyChallenge.schema)
            .id()
            .field("device_id", .uuid, .references(Device.schema, "id"))
            .field("nonce", .data, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(DeviceKeyChallenge.schema).delete() }
}
