import Fluent
import Foundation

/// A one-time code in flight. The code is never stored: only its HMAC, bound to the challenge id,
/// purpose and binding (ARCHITECTURE.md OTP rules).
final class OtpChallenge: Model, @unchecked Sendable {
    static let schema = "otp_challenges"

    @ID(key: .id) var id: UUID?
    @Enum(key: "purpose") var purpose: OtpPurpose
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "phone_index") var phoneIndex: String
    /// The recipient, sealed with the system key (needed to resend).
    @Field(key: "phone") var phone: Data
    @Field(key: "binding") var binding: String
    @Field(key: "code_hmac") var codeHMAC: String
    /// What the purpose needs after verification (e.g. the device being trusted), sealed.
    @OptionalField(key: "context") var context: Data?
    @Field(key: "attempts") var attempts: Int
    @Field(key: "sends") var sends: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "last_sent_at") var lastSentAt: Date
    @OptionalField(key: "consumed_at") var consumedAt: Date?

    init() {}
}

/// What a code may be used for; a code issued for one purpose never passes for another.
enum OtpPurpose: String, Codable, Sendable, CaseIterable {
    case registration = "registration"
    case signIn = "sign_in"
    case unauthorisedUseReport = "unauthorised_use_report"
    case paymentConfirmation = "payment_confirmation"
    case basketConfirmation = "basket_confirmation"
    /// §4.1: a new e-mail address, proved by a code sent to it.
    case emailChange = "email_change"
    /// §4.1: a new phone number, proved by two codes: one to the old number, one to the new.
    case phoneChange = "phone_change"
    /// Issue 3: a new person activates the account a company's invitation prepared.
    case invitationActivation = "invitation_activation"
    /// Issue 10 (review H3): a change to who controls the company's money, bound to that change (`StepUp`).
    case controlChange = "control_change"
    /// Law 94-V art. 24–25: a person whose data is blocked asks, from the sign-in screen, to lift the block.
    case privacyUnblock = "privacy_unblock"

    /// The phone's hourly send budget this code counts against (review M7): codes anyone who knows the number can
    /// ask for (registration, the §5.2 report from the sign-in screen, invitation activation) have a budget of their
    /// own, so using it up never stops the person signing in with their password or confirming a payment.
    var sendBudget: String {
        switch self {
        case .registration, .unauthorisedUseReport, .invitationActivation, .privacyUnblock: "otp-send-open"
        case .signIn, .paymentConfirmation, .basketConfirmation, .emailChange, .phoneChange, .controlChange: "otp-send"
        }
    }

    /// The message that carries the code: an SMS, or for `email_change` the e-mail's body.
    var messageTemplate: String {
        switch self {
        case .registration: "sms.otp.registration"
        case .signIn: "sms.otp.sign_in"
        case .unauthorisedUseReport: "sms.otp.report"
        case .paymentConfirmation: "sms.otp.payment"
        case .basketConfirmation: "sms.otp.basket"
        case .emailChange: "email.otp.email_change.body"
        case .phoneChange: "sms.otp.phone_change_new"
        case .invitationActivation: "sms.otp.invitation"
        case .controlChange: "sms.otp.control_change"
        case .privacyUnblock: "sms.otp.privacy_unblock"
        }
    }

    /// §4.1 corrections deliver their own codes (to a new e-mail, or to two phones): starting again is their resend.
    var isResendable: Bool { self != .emailChange && self != .phoneChange }
}
