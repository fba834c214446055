import Foundation

/// The app installation making the request (§2.3.3): shown to the user in their device list.
public struct DeviceDescriptor: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var platform: String
    public var appVersion: String

    public init(id: String, name: String, platform: String, appVersion: String) {
        self.id = id
        self.name = name
        self.platform = platform
        self.appVersion = appVersion
    }
}

/// POST /api/v1/registrations (§2.2.6, §6.2, §1.2).
public struct RegistrationRequest: Codable, Sendable {
    public struct CompanyPart: Codable, Sendable {
        public var name: String
        /// A legal entity's BIN, or a sole proprietor's (ИП) IIN: the registering owner's own.
        public var bin: String
        /// `legal_entity` (when absent) or `sole_proprietor`.
        public var kind: String?
        public init(name: String, bin: String, kind: String? = nil) {
            self.name = name
            self.bin = bin
            self.kind = kind
        }
    }

    public struct PersonPart: Codable, Sendable {
        public var fullName: String
        public var iin: String
        public var phone: String
        public var email: String
        public init(fullName: String, iin: String, phone: String, email: String) {
            self.fullName = fullName
            self.iin = iin
            self.phone = phone
            self.email = email
        }
    }

    public var company: CompanyPart
    public var person: PersonPart
    public var password: String
    public var policyVersion: Int
    public var acceptPolicy: Bool
    public var consentToAccountCreation: Bool
    public var device: DeviceDescriptor

    public init(
        company: CompanyPart,
        person: PersonPart,
        password: String,
        policyVersion: Int,
        acceptPolicy: Bool,
        consentToAccountCreation: Bool,
        device: DeviceDescriptor
    ) {
        self.company = company
        self.person = person
        self.password = password
        self.policyVersion = policyVersion
        self.acceptPolicy = acceptPolicy
        self.consentToAccountCreation = consentToAccountCreation
        self.device = device
    }
}

/// A code was sent by SMS; answer it with `OtpAnswer`.
public struct OtpChallengeResponse: Codable, Sendable {
    public var challengeId: UUID
    public var expiresAt: Date
    public var phoneMasked: String
    public var resendAvailableAt: Date

    public init(challengeId: UUID, expiresAt: Date, phoneMasked: String, resendAvailableAt: Date) {
        self.challengeId = challengeId
        self.expiresAt = expiresAt
        self.phoneMasked = phoneMasked
        self.resendAvailableAt = resendAvailableAt
    }
}

public struct OtpAnswer: Codable, Sendable {
    public var challengeId: UUID
    public var code: String
    /// §2.2.4: a payment confirmation may carry the device's location (with the `fraud_location` consent).
    public var location: DeviceLocation?
    public init(challengeId: UUID, code: String, location: DeviceLocation? = nil) {
        self.challengeId = challengeId
        self.code = code
        self.location = location
    }
}

public struct ResendRequest: Codable, Sendable {
    public var challengeId: UUID
    public init(challengeId: UUID) { self.challengeId = challengeId }
}

public struct SignInRequest: Codable, Sendable {
    public var phone: String
    public var password: String
    public var device: DeviceDescriptor
    /// §2.2.4: the device's location, only with the `fraud_location` consent.
    public var location: DeviceLocation?
    /// Review H5: the device proves possession by signing a `POST /auth/device-challenge` nonce with its enrolled
    /// key; only then does a trusted device skip the SMS code. A device id alone proves nothing.
    public var deviceProof: DeviceSignInRequest?
    public init(
        phone: String,
        password: String,
        device: DeviceDescriptor,
        location: DeviceLocation? = nil,
        deviceProof: DeviceSignInRequest? = nil
    ) {
        self.phone = phone
        self.password = password
        self.device = device
        self.location = location
        self.deviceProof = deviceProof
    }
}

public struct CompanyMembershipView: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    /// The BIN, or a sole proprietor's IIN.
    public var bin: String
    public var role: String
    /// `legal_entity` or `sole_proprietor`.
    public var kind: String
    public init(id: UUID, name: String, bin: String, role: String, kind: String = "legal_entity") {
        self.id = id
        self.name = name
        self.bin = bin
        self.role = role
        self.kind = kind
    }
}

/// Everything the app's home screen needs about the signed-in person, in one call.
public struct UserProfile: Codable, Sendable, Equatable {
    public var id: UUID
    public var fullName: String
    public var phoneMasked: String
    /// §2.3.5: only while the person keeps the `email_display` consent; absent otherwise.
    public var email: String?
    public var status: String
    public var companies: [CompanyMembershipView]
    public init(id: UUID, fullName: String, phoneMasked: String, email: String?, status: String, companies: [CompanyMembershipView]) {
        self.id = id
        self.fullName = fullName
        self.phoneMasked = phoneMasked
        self.email = email
        self.status = status
        self.companies = companies
    }
}

public struct SessionGrant: Codable, Sendable {
    public var token: String
    public var sessionId: UUID
    public var expiresAt: Date
    public var idleTimeoutSeconds: Int
    public var user: UserProfile
    public init(token: String, sessionId: UUID, expiresAt: Date, idleTimeoutSeconds: Int, user: UserProfile) {
        self.token = token
        self.sessionId = sessionId
        self.expiresAt = expiresAt
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.user = user
    }
}
