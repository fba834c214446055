import Foundation

public struct SessionView: Codable, Sendable {
    public var id: UUID
    public var deviceName: String
    public var platform: String
    public var ip: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var current: Bool
    public init(id: UUID, deviceName: String, platform: String, ip: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date, current: Bool) {
        self.id = id
        self.deviceName = deviceName
        self.platform = platform
        self.ip = ip
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.current = current
    }
}

public struct DeviceView: Codable, Sendable {
    public var id: UUID
    public var name: String
    public var platform: String
    public var appVersion: String
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    public var trusted: Bool
    public var hasDeviceKey: Bool
    public init(id: UUID, name: String, platform: String, appVersion: String, firstSeenAt: Date, lastSeenAt: Date, trusted: Bool, hasDeviceKey: Bool)
    {
        self.id = id
        self.name = name
        self.platform = platform
        self.appVersion = appVersion
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.trusted = trusted
        self.hasDeviceKey = hasDeviceKey
    }
}

/// A list page; `nextCursor` is nil on the last page.
public struct ListPage<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var nextCursor: String?
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    /// `nextCursor` is always present, `null` on the last page, so clients can tell "no more" from "not sent".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

public struct DeviceKeyEnrolment: Codable, Sendable {
    public var publicKey: String
    public init(publicKey: String) { self.publicKey = publicKey }
}

public struct DeviceKeyEnrolled: Codable, Sendable {
    public var deviceId: UUID
    public var enrolledAt: Date
    public init(deviceId: UUID, enrolledAt: Date) {
        self.deviceId = deviceId
        self.enrolledAt = enrolledAt
    }
}

public struct DeviceChallengeRequest: Codable, Sendable {
    public var phone: String
    public var deviceId: String
    public init(phone: String, deviceId: String) {
        self.phone = phone
        self.deviceId = deviceId
    }
}

public struct DeviceChallenge: Codable, Sendable {
    public var challengeId: UUID
    public var nonce: String
    public var expiresAt: Date
    public init(challengeId: UUID, nonce: String, expiresAt: Date) {
        self.challengeId = challengeId
        self.nonce = nonce
        self.expiresAt = expiresAt
    }
}

public struct DeviceSignInRequest: Codable, Sendable {
    public var challengeId: UUID
    public var signature: String
    /// A passkey (WebAuthn, issue 12): the authenticator's data and the client data, both base64url as the browser
    /// gives them; then `signature` is over `authenticatorData ‖ SHA-256(clientDataJSON)`, not over the nonce itself,
    /// and the client data must carry the nonce as its challenge.
    public var webAuthn: WebAuthnAssertion?
    /// §2.2.4: the phone's location, used only with the `fraud_location` consent.
    public var location: DeviceLocation?
    public init(challengeId: UUID, signature: String, webAuthn: WebAuthnAssertion? = nil, location: DeviceLocation? = nil) {
        self.challengeId = challengeId
        self.signature = signature
        self.webAuthn = webAuthn
        self.location = location
    }
}

/// The parts of a WebAuthn assertion besides the signature (`AuthenticatorAssertionResponse`), base64url.
public struct WebAuthnAssertion: Codable, Sendable {
    public var authenticatorData: String
    public var clientDataJSON: String
    public init(authenticatorData: String, clientDataJSON: String) {
        self.authenticatorData = authenticatorData
        self.clientDataJSON = clientDataJSON
    }
}

public struct PasswordChangeRequest: Codable, Sendable {
    public var currentPassword: String
    public var newPassword: String
    public init(currentPassword: String, newPassword: String) {
        self.currentPassword = currentPassword
        self.newPassword = newPassword
    }
}

/// §5.2: the answer to a report of unauthorised use, with the bank's contact.
public struct SecurityReportResult: Codable, Sendable {
    public var blockedAt: Date
    public var contactPhone: String
    public var message: String
    public init(blockedAt: Date, contactPhone: String, message: String) {
        self.blockedAt = blockedAt
        self.contactPhone = contactPhone
        self.message = message
    }
}

public struct UnauthorisedUseStart: Codable, Sendable {
    public var phone: String
    public init(phone: String) { self.phone = phone }
}

public struct ChallengeStarted: Codable, Sendable {
    public var challengeId: UUID
    public var expiresAt: Date
    public init(challengeId: UUID, expiresAt: Date) {
        self.challengeId = challengeId
        self.expiresAt = expiresAt
    }
}

public struct PolicyEditionView: Codable, Sendable {
    public var id: UUID
    public var version: Int
    public var language: String
    public var title: String
    public var text: String
    public var effectiveAt: Date
    public var lastUpdated: String
    public var publishedAt: Date
    public init(id: UUID, version: Int, language: String, title: String, text: String, effectiveAt: Date, lastUpdated: String, publishedAt: Date) {
        self.id = id
        self.version = version
        self.language = language
        self.title = title
        self.text = text
        self.effectiveAt = effectiveAt
        self.lastUpdated = lastUpdated
        self.publishedAt = publishedAt
    }
}
