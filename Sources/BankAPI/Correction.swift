import Foundation

/// PATCH /api/v1/me/profile (§4.1): the user corrects their name.
public struct ProfileUpdate: Codable, Sendable {
    public var fullName: String
    public init(fullName: String) { self.fullName = fullName }
}

/// POST /api/v1/me/email-change (§4.1): a code goes to the new address; answer it with `OtpAnswer`.
public struct EmailChangeRequest: Codable, Sendable {
    public var email: String
    public init(email: String) { self.email = email }
}

public struct EmailChangeStarted: Codable, Sendable {
    public var challengeId: UUID
    public var expiresAt: Date
    public var emailMasked: String
    public init(challengeId: UUID, expiresAt: Date, emailMasked: String) {
        self.challengeId = challengeId
        self.expiresAt = expiresAt
        self.emailMasked = emailMasked
    }
}

/// POST /api/v1/me/phone-change (§4.1): codes go by SMS to both the current and the new number.
public struct PhoneChangeRequest: Codable, Sendable {
    public var phone: String
    public init(phone: String) { self.phone = phone }
}

public struct PhoneChangeStarted: Codable, Sendable {
    public var challengeId: UUID
    public var expiresAt: Date
    public var oldPhoneMasked: String
    public var newPhoneMasked: String
    public init(challengeId: UUID, expiresAt: Date, oldPhoneMasked: String, newPhoneMasked: String) {
        self.challengeId = challengeId
        self.expiresAt = expiresAt
        self.oldPhoneMasked = oldPhoneMasked
        self.newPhoneMasked = newPhoneMasked
    }
}

/// Both codes are needed: the phone changes only when both are right.
public struct PhoneChangeConfirmation: Codable, Sendable {
    public var challengeId: UUID
    public var codeFromOldPhone: String
    public var codeFromNewPhone: String
    public init(challengeId: UUID, codeFromOldPhone: String, codeFromNewPhone: String) {
        self.challengeId = challengeId
        self.codeFromOldPhone = codeFromOldPhone
        self.codeFromNewPhone = codeFromNewPhone
    }
}
