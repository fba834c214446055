import BankCore
import Fluent
import Foundation

extension SignerRoles {
    /// The signing step of orders and payroll alike (`SigningRule.step`): the stored signatures that still count
    /// (a removed or demoted signer's are deleted, review L4), then 409 `already_signed` when the caller or the
    /// caller's slot has signed, else whether the caller's signature completes the document. Persisting the new
    /// signature stays with the caller.
    static func step<Row: Model>(
        _ stored: [Row],
        user: (Row) -> UUID,
        slot: (Row) -> String,
        companyID: UUID,
        rule: SigningRule,
        signer: UUID,
        role: CompanyRole,
        amount: Int64,
        author: UUID,
        on database: any Database
    ) async throws -> (rows: [Row], complete: Bool) {
        guard let mine = SigningRule.slot(for: role) else { throw BankError(status: .forbidden, code: .signatureNotAllowed) }
        let (rows, counted) = try await counting(stored, user: user, slot: slot, companyID: companyID, on: database)
        switch rule.step(adding: signer.uuidString, in: mine, role: role, to: counted, amount: amount, author: author.uuidString) {
        case .alreadySigned: throw BankError(status: .conflict, code: .alreadySigned)
        case .awaitingSignatures: return (rows, false)
        case .complete: return (rows, true)
        }
    }
}

extension RiskEngine {
    /// §2.2.4 for a signing or confirming step: the caller's location (with consent) and the request's address,
    /// against the session's.
    func assess(_ operation: String, caller: Caller, risk: RiskContext, on database: any Database) async throws -> Assessment {
        try await assess(
            operation,
            userID: caller.userID,
            location: risk.location,
            ip: risk.ip ?? caller.session.ip,
            previousIP: caller.session.ip,
            on: database
        )
    }
}

extension OtpService {
    /// A confirmation code the caller was sent: anyone else's challenge is `otp_invalid`.
    func verify(
        challengeID: UUID,
        code: String,
        purpose: OtpPurpose,
        binding: String,
        caller: Caller,
        on database: any Database
    ) async throws -> OtpChallenge {
        let challenge = try await verify(challengeID: challengeID, code: code, purpose: purpose, binding: binding, on: database)
        guard challenge.userID == caller.userID else { throw BankError.otpInvalid }
        return challenge
    }
}
