import Foundation

/// The director invites a person to the company in a role (issue 3: director, accountant, operator, viewer).
/// The person accepts in the app: signed in if they already bank with us, or by activating a new account.
public struct EmployeeInvitationRequest: Codable, Sendable {
    public var fullName: String
    public var iin: String
    public var phone: String
    public var email: String
    /// `accountant`, `operator` or `viewer`.
    public var role: String

    public init(fullName: String, iin: String, phone: String, email: String, role: String) {
        self.fullName = fullName
        self.iin = iin
        self.phone = phone
        self.email = email
        self.role = role
    }
}

/// An invitation as the director, or the invited person, sees it.
public struct EmployeeInvitationView: Codable, Sendable, Equatable {
    public var id: UUID
    public var companyId: UUID
    public var companyName: String
    public var role: String
    public var fullName: String
    public var phoneMasked: String
    /// `pending`, `accepted`, `declined` or `revoked`; a pending one past `expiresAt` can no longer be accepted.
    public var status: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(
        id: UUID,
        companyId: UUID,
        companyName: String,
        role: String,
        fullName: String,
        phoneMasked: String,
        status: String,
        createdAt: Date,
        expiresAt: Date
    ) {
        self.id = id
        self.companyId = companyId
        self.companyName = companyName
        self.role = role
        self.fullName = fullName
        self.phoneMasked = phoneMasked
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A member of the company's staff in the internet bank.
public struct EmployeeView: Codable, Sendable, Equatable {
    public var userId: UUID
    public var fullName: String
    public var phoneMasked: String
    public var role: String
    public var since: Date?

    public init(userId: UUID, fullName: String, phoneMasked: String, role: String, since: Date?) {
        self.userId = userId
        self.fullName = fullName
        self.phoneMasked = phoneMasked
        self.role = role
        self.since = since
    }
}

public struct EmployeeRoleChange: Codable, Sendable {
    public var role: String
    public init(role: String) { self.role = role }
}

/// A new person starts activating the account an invitation prepared: the code goes to the invited phone.
public struct InvitationActivationStart: Codable, Sendable {
    public var phone: String
    public var device: DeviceDescriptor

    public init(phone: String, device: DeviceDescriptor) {
        self.phone = phone
        self.device = device
    }
}

/// The code from the SMS, the new password, and the acceptance of the policy edition in force (§6.2, §2.2.6).
public struct InvitationActivationComplete: Codable, Sendable {
    public var challengeId: UUID
    public var code: String
    public var password: String
    public var acceptPolicy: Bool
    public var policyVersion: Int
    public var consentToAccountCreation: Bool

    public init(challengeId: UUID, code: String, password: String, acceptPolicy: Bool, policyVersion: Int, consentToAccountCreation: Bool) {
        self.challengeId = challengeId
        self.code = code
        self.password = password
        self.acceptPolicy = acceptPolicy
        self.policyVersion = policyVersion
        self.consentToAccountCreation = consentToAccountCreation
    }
}
