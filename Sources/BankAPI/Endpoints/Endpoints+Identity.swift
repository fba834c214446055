import Foundation

extension Endpoints {
    /// Registration, sign-in and one-time codes: the operations that work without a session.
    public enum Identity {
        /// Starts a registration: an SMS code goes to the person's phone (202).
        public static let startRegistration = Endpoint<NoParameters, RegistrationRequest, OtpChallengeResponse>(
            "startRegistration",
            .POST,
            "/api/v1/registrations",
            auth: .public
        )
        /// Completes a registration with the SMS code (201).
        public static let verifyRegistration = Endpoint<NoParameters, OtpAnswer, SessionGrant>(
            "verifyRegistration",
            .POST,
            "/api/v1/registrations/verify",
            auth: .public
        )
        /// Signs in; a device not yet trusted gets a 202 with an `OtpChallengeResponse` instead of the grant.
        public static let signIn = Endpoint<NoParameters, SignInRequest, SessionGrant>("signIn", .POST, "/api/v1/auth/sign-in", auth: .public)
        /// Completes a sign-in on a new device with the SMS code.
        public static let verifySignIn = Endpoint<NoParameters, OtpAnswer, SessionGrant>(
            "verifySignIn",
            .POST,
            "/api/v1/auth/sign-in/verify",
            auth: .public
        )
        /// Sends the code of a challenge again (202).
        public static let resendOtp = Endpoint<NoParameters, ResendRequest, OtpChallengeResponse>(
            "resendOtp",
            .POST,
            "/api/v1/otp/resend",
            auth: .public
        )
        /// A nonce for the enrolled device key to sign.
        public static let createDeviceChallenge = Endpoint<NoParameters, DeviceChallengeRequest, DeviceChallenge>(
            "createDeviceChallenge",
            .POST,
            "/api/v1/auth/device-challenge",
            auth: .public
        )
        /// Signs in with the device key's signature of the nonce.
        public static let deviceSignIn = Endpoint<NoParameters, DeviceSignInRequest, SessionGrant>(
            "deviceSignIn",
            .POST,
            "/api/v1/auth/device-sign-in",
            auth: .public
        )
        /// §5.2 from the sign-in screen: an SMS code to the phone first (202).
        public static let startUnauthorisedUseReport = Endpoint<NoParameters, UnauthorisedUseStart, ChallengeStarted>(
            "startUnauthorisedUseReport",
            .POST,
            "/api/v1/security/unauthorised-use/start",
            auth: .public
        )
        /// §5.2 from the sign-in screen: the code blocks access.
        public static let confirmUnauthorisedUseReport = Endpoint<NoParameters, OtpAnswer, SecurityReportResult>(
            "confirmUnauthorisedUseReport",
            .POST,
            "/api/v1/security/unauthorised-use/confirm",
            auth: .public
        )
    }

    /// The signed-in person: profile, sessions, devices, password, corrections and another company of their own.
    public enum Sessions {
        /// Ends the current session (204).
        public static let signOut = Endpoint<NoParameters, NoBody, NoContent>(
            "signOut",
            .POST,
            "/api/v1/auth/sign-out",
            auth: .signedIn,
            idempotent: true
        )
        public static let getMe = Endpoint<NoParameters, NoBody, UserProfile>("getMe", .GET, "/api/v1/me", auth: .signedIn)
        public static let listSessions = Endpoint<NoParameters, NoBody, ListPage<SessionView>>(
            "listSessions",
            .GET,
            "/api/v1/me/sessions",
            auth: .signedIn
        )
        /// Ends one of the person's sessions (204).
        public static let revokeSession = Endpoint<UUID, NoBody, NoContent>(
            "revokeSession",
            .DELETE,
            "/api/v1/me/sessions/{sessionId}",
            auth: .signedIn,
            idempotent: true
        )
        public static let listDevices = Endpoint<NoParameters, NoBody, ListPage<DeviceView>>(
            "listDevices",
            .GET,
            "/api/v1/me/devices",
            auth: .signedIn
        )
        /// Untrusts a device: its key goes and its sessions end (204).
        public static let removeDevice = Endpoint<UUID, NoBody, NoContent>(
            "removeDevice",
            .DELETE,
            "/api/v1/me/devices/{deviceId}",
            auth: .signedIn,
            idempotent: true
        )
        /// Enrols this device's key (201); step-up: 202 with an `OtpChallengeResponse` first.
        public static let enrollDeviceKey = Endpoint<NoParameters, DeviceKeyEnrolment, DeviceKeyEnrolled>(
            "enrollDeviceKey",
            .POST,
            "/api/v1/me/device-key",
            auth: .signedIn,
            idempotent: true
        )
        /// Changes the password (204); step-up: 202 with an `OtpChallengeResponse` first.
        public static let changePassword = Endpoint<NoParameters, PasswordChangeRequest, NoContent>(
            "changePassword",
            .POST,
            "/api/v1/me/password",
            auth: .signedIn,
            idempotent: true
        )
        /// §4.1: corrects the person's name.
        public static let updateProfile = Endpoint<NoParameters, ProfileUpdate, UserProfile>(
            "updateProfile",
            .PATCH,
            "/api/v1/me/profile",
            auth: .signedIn,
            idempotent: true
        )
        /// A code to the new address (202); step-up: 202 with an `OtpChallengeResponse` first.
        public static let startEmailChange = Endpoint<NoParameters, EmailChangeRequest, EmailChangeStarted>(
            "startEmailChange",
            .POST,
            "/api/v1/me/email-change",
            auth: .signedIn,
            idempotent: true
        )
        public static let confirmEmailChange = Endpoint<NoParameters, OtpAnswer, UserProfile>(
            "confirmEmailChange",
            .POST,
            "/api/v1/me/email-change/confirm",
            auth: .signedIn,
            idempotent: true
        )
        /// Codes to both the current and the new number (202).
        public static let startPhoneChange = Endpoint<NoParameters, PhoneChangeRequest, PhoneChangeStarted>(
            "startPhoneChange",
            .POST,
            "/api/v1/me/phone-change",
            auth: .signedIn,
            idempotent: true
        )
        public static let confirmPhoneChange = Endpoint<NoParameters, PhoneChangeConfirmation, UserProfile>(
            "confirmPhoneChange",
            .POST,
            "/api/v1/me/phone-change/confirm",
            auth: .signedIn,
            idempotent: true
        )
        /// Registers another company of the person's own (201); step-up: 202 with an `OtpChallengeResponse` first.
        public static let registerAnotherCompany = Endpoint<NoParameters, RegistrationRequest.CompanyPart, CompanyMembershipView>(
            "registerAnotherCompany",
            .POST,
            "/api/v1/me/companies",
            auth: .signedIn,
            idempotent: true
        )
        /// §5.2 signed in: blocks access at once.
        public static let reportUnauthorisedUse = Endpoint<NoParameters, NoBody, SecurityReportResult>(
            "reportUnauthorisedUse",
            .POST,
            "/api/v1/security/unauthorised-use",
            auth: .signedIn,
            idempotent: true
        )
    }
}
