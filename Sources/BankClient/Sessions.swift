import BankAPI
import Foundation

extension BankClient {
    /// A sign-in's first step: a session at once (a trusted device that proved possession), or a code sent by SMS.
    public enum SignInStep: Sendable {
        case signedIn(SessionGrant)
        case codeSent(OtpChallengeResponse)
    }

    /// Phone and password; with a device key, the device proves possession and skips the SMS code (review H5).
    public func signIn(phone: String, password: String, device: DeviceDescriptor, key: (any DeviceKey)? = nil) async throws -> SignInStep {
        var proof: DeviceSignInRequest?
        if let key {
            let challenge = try await send(Endpoints.Identity.createDeviceChallenge, body: DeviceChallengeRequest(phone: phone, deviceId: device.id))
            proof = try await key.sign(challenge)
        }
        let request = SignInRequest(phone: phone, password: password, device: device, deviceProof: proof)
        switch try await call(Endpoints.Identity.signIn, body: request) {
        case .done(let grant):
            await tokens.setToken(grant.token)
            return .signedIn(grant)
        case .codeSent(let challenge): return .codeSent(challenge)
        }
    }

    /// The SMS code of a sign-in; the session's token goes to the token store.
    @discardableResult
    public func verifySignIn(_ challenge: OtpChallengeResponse, code: String) async throws -> SessionGrant {
        let grant = try await send(Endpoints.Identity.verifySignIn, body: OtpAnswer(challengeId: challenge.challengeId, code: code))
        await tokens.setToken(grant.token)
        return grant
    }

    /// Starts a registration (a company by BIN, or a sole proprietor by their IIN); the code goes to the phone.
    public func register(_ request: RegistrationRequest) async throws -> OtpChallengeResponse {
        try await send(Endpoints.Identity.startRegistration, body: request)
    }

    @discardableResult
    public func verifyRegistration(_ challenge: OtpChallengeResponse, code: String) async throws -> SessionGrant {
        let grant = try await send(Endpoints.Identity.verifyRegistration, body: OtpAnswer(challengeId: challenge.challengeId, code: code))
        await tokens.setToken(grant.token)
        return grant
    }

    /// An invited employee starts activating their account: a code goes to the invited phone.
    public func startActivation(phone: String, device: DeviceDescriptor) async throws -> OtpChallengeResponse {
        try await send(Endpoints.Employees.startInvitationActivation, body: InvitationActivationStart(phone: phone, device: device))
    }

    /// The code, a new password and the acceptance of the edition in force (§6.2, §2.2.6): the first session.
    @discardableResult
    public func completeActivation(
        _ challenge: OtpChallengeResponse,
        code: String,
        password: String,
        policyVersion: Int
    ) async throws
        -> SessionGrant
    {
        let request = InvitationActivationComplete(
            challengeId: challenge.challengeId,
            code: code,
            password: password,
            acceptPolicy: true,
            policyVersion: policyVersion,
            consentToAccountCreation: true
        )
        let grant = try await send(Endpoints.Employees.completeInvitationActivation, body: request)
        await tokens.setToken(grant.token)
        return grant
    }

    /// §6.2: accepts the edition `policyAcceptanceRequired` named, after the app has shown it.
    @discardableResult
    public func acceptPolicy(version: Int) async throws -> PolicyAcceptanceView {
        try await send(Endpoints.Privacy.acceptPolicy, body: AcceptPolicyRequest(version: version))
    }

    /// Sign-in with the device key alone (biometrics on the phone unlock it): a fresh nonce, signed.
    @discardableResult
    public func signIn(phone: String, deviceID: String, key: any DeviceKey) async throws -> SessionGrant {
        let challenge = try await send(Endpoints.Identity.createDeviceChallenge, body: DeviceChallengeRequest(phone: phone, deviceId: deviceID))
        let grant = try await send(Endpoints.Identity.deviceSignIn, body: try await key.sign(challenge))
        await tokens.setToken(grant.token)
        return grant
    }

    /// Ends the session on the server and forgets the token.
    public func signOut() async throws {
        do {
            let _: NoContent = try await send(Endpoints.Sessions.signOut)
        } catch {
            await tokens.setToken(nil)
            throw error
        }
        await tokens.setToken(nil)
    }

    /// Repeats a step-up operation with the code that its first call sent (issue 10).
    public func confirm<P, B, O>(
        _ endpoint: Endpoint<P, B, O>,
        _ parameters: P,
        body: B,
        challenge: OtpChallengeResponse,
        code: String
    )
        async throws -> O
    {
        let headers = ["X-Step-Up-Challenge": challenge.challengeId.uuidString, "X-Step-Up-Code": code]
        return try await send(endpoint, parameters, body: body, options: Options(headers: headers))
    }
}
