import BankAPI
import Fluent
import Foundation

/// Validates what the app says about itself and keeps the trusted-device list (§2.3.3).
struct DeviceRegistry: Sendable {
    let services: BankServices

    static let platforms: Set<String> = ["ios", "android", "web"]

    static func validate(_ device: DeviceDescriptor, prefix: String = "device", into validator: inout FieldValidator) {
        _ = validator.require("\(prefix).id", device.id, maxLength: 64)
        _ = validator.require("\(prefix).name", device.name, maxLength: 100)
        _ = validator.require("\(prefix).appVersion", device.appVersion, maxLength: 32)
        if !platforms.contains(device.platform) { validator.add("\(prefix).platform", .invalidValue) }
    }

    func find(userID: UUID, installationID: String, on database: any Database) async throws -> Device? {
        try await Device.query(on: database).filter(\.$user.$id == userID).filter(\.$installationID == installationID).first()
    }

    /// Marks the device trusted (creating it if new) and refreshes what it reports about itself.
    func trust(_ descriptor: DeviceDescriptor, userID: UUID, on database: any Database) async throws -> Device {
        let now = services.clock.now()
        let device = try await find(userID: userID, installationID: descriptor.id, on: database) ?? Device()
        if device.id == nil {
            device.id = UUID()
            device.$user.id = userID
            device.installationID = descriptor.id
            device.firstSeenAt = now
        }
        try device.sealName(descriptor.name, cipher: services.cipher)
        device.platform = descriptor.platform
        device.appVersion = descriptor.appVersion
        device.lastSeenAt = now
        if device.trustedAt == nil { device.trustedAt = now }
        try await device.save(on: database)
        return device
    }

    /// Review H4: a password change or a §5.2 report takes every device key of the person away (a key planted with a
    /// stolen session must not outlive it); a report also ends the trust of every device, so the next sign-in needs
    /// an SMS code.
    func revokeKeys(userID: UUID, untrust: Bool, on database: any Database) async throws {
        var update = Device.query(on: database).filter(\.$user.$id == userID).set(\.$publicKey, to: nil).set(\.$keyEnrolledAt, to: nil)
        if untrust { update = update.set(\.$trustedAt, to: nil) }
        try await update.update()
    }
}

extension BankServices {
    var devices: DeviceRegistry { DeviceRegistry(services: self) }

}
