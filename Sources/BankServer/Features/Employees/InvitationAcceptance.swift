import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit

/// The invited person's side. Someone who already banks with us accepts signed in: an invitation is theirs when
/// both its phone and its IIN match their own. A new person activates the account the invitation describes with a
/// code sent to the invited phone, their own password, and the acceptance of the policy edition in force (§6.2,
/// §2.2.6). Answers never reveal whether a phone is known to the bank.
struct InvitationAcceptance: Sendable {
    let services: BankServices

    // MARK: - Signed in

    func mine(caller: Caller, on database: any Database) async throws -> [EmployeeInvitation] {
        try await EmployeeInvitation.about(caller.user, on: database).filter(\.$status == .pending).filter(\.$expiresAt > services.clock.now())
            .sort(\.$createdAt, .descending).all()
    }

    func accept(_ invitationID: UUID, caller: Caller, on database: any Database) async throws -> EmployeeInvitation {
        try await decide(invitationID, caller: caller, to: .accepted, on: database)
    }

    func decline(_ invitationID: UUID, caller: Caller, on database: any Database) async throws -> EmployeeInvitation {
        try await decide(invitationID, caller: caller, to: .declined, on: database)
    }

    private func decide(
        _ invitationID: UUID,
        caller: Caller,
        to status: EmployeeInvitation.Status,
        on database: any Database
    ) async throws -> EmployeeInvitation {
        let now = services.clock.now()
        return try await database.transaction { tx in
            guard let invitation = try await EmployeeInvitation.find(invitationID, on: tx), invitation.names(caller.user) else {
                throw BankError.notFound
            }
            try await claim(invitation, status: status, userID: caller.userID, on: tx)
            if status == .accepted {
                try await join(invitation, userID: caller.userID, on: tx)
            }
            try await AuditLog.record(
                status == .accepted ? .employeeInvitationAccepted : .employeeInvitationDeclined,
                actor: caller.userID,
                subject: .invitation(invitationID),
                details: ["company": invitation.companyID.uuidString, "role": invitation.role],
                at: now,
                on: tx
            )
            return invitation
        }
    }

    // MARK: - A new person

    /// Sends the activation code to the invited phone. A phone with no pending invitation, or one that already has
    /// an account (whose owner is told by SMS to accept in the app), gets a decoy challenge: the same answer, no code.
    func start(
        _ request: InvitationActivationStart,
        origin: SessionService.Origin,
        language: Language,
        on database: any Database
    ) async throws
        -> OtpChallenge
    {
        try await services.rateLimiter.hit(
            .init(name: "invitation-ip", limit: services.security.registrationsPerIPPerHour, windowSeconds: 3600),
            key: origin.ip,
            on: database
        )
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(request.phone) }
        DeviceRegistry.validate(request.device, into: &validator)
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.internalError }
        let phoneIndex = services.vault.phoneIndex(phone)
        let context = OtpService.Context(language: language, device: request.device)
        return try await database.transaction { tx in
            let invitation = try await EmployeeInvitation.query(on: tx).filter(\.$phoneIndex == phoneIndex).filter(\.$status == .pending)
                .filter(\.$expiresAt > services.clock.now()).sort(\.$createdAt, .descending).first()
            let existing = try await User.query(on: tx).filter(\.$phoneIndex == phoneIndex).first()
            guard let invitation, existing == nil else {
                if existing != nil, invitation != nil {
                    let text = services.localizer.text("sms.employee_invitation_sign_in", language)
                    try await SMSOutbox(services: services).enqueue(to: phone, text: text, category: "service", userID: existing?.id, on: tx)
                }
                return try await services.otp.issue(
                    purpose: .invitationActivation,
                    userID: nil,
                    phone: phone,
                    binding: "decoy",
                    context: context,
                    sendSMS: false,
                    on: tx
                )
            }
            // The challenge carries the id the new user will have, so that a resend reaches the phone.
            return try await services.otp.issue(
                purpose: .invitationActivation,
                userID: UUID(),
                phone: phone,
                binding: Self.binding(invitation: try invitation.requireID(), device: request.device.id),
                context: context,
                on: tx
            )
        }
    }

    /// Review M5: what can be checked without the invitation (the acceptance, the edition, the password against the
    /// phone) is checked first, alike for a real and a decoy code, and a bad field keeps the code usable. Only a
    /// right code opens the invitation: then the password is checked against the invited IIN, still before the code
    /// is spent. Then, in one transaction: the user, the policy acceptance, the account-creation consent, the
    /// membership, the trusted device and a session.
    func complete(_ request: InvitationActivationComplete, origin: SessionService.Origin, on database: any Database) async throws -> SessionGrant {
        guard let pending = try await OtpChallenge.find(request.challengeId, on: database), pending.purpose == .invitationActivation,
            pending.consumedAt == nil
        else { throw BankError.otpInvalid }
        let phone = try services.otp.phone(of: pending)
        var validator = FieldValidator()
        if let violation = services.passwordPolicy.violation(of: request.password, phoneDigits: String(phone.value.dropFirst(2)), iin: nil) {
            validator.add("password", FieldCode(core: violation))
        }
        if !request.acceptPolicy { validator.add("acceptPolicy", .mustBeTrue) }
        if !request.consentToAccountCreation { validator.add("consentToAccountCreation", .mustBeTrue) }
        let current = try await PolicyEditions(services: services).current(on: database)
        if current == nil || request.policyVersion != current?.version { validator.add("policyVersion", .unknownEdition) }
        try validator.throwIfInvalid()
        guard let current else { throw BankError.internalError }
        var opened: (invitation: EmployeeInvitation, person: Person, userID: UUID, invitationID: UUID)?
        let challenge = try await services.otp.verify(
            challengeID: request.challengeId,
            code: request.code,
            purpose: .invitationActivation,
            binding: pending.binding,
            beforeConsuming: { _ in
                guard let userID = pending.userID, let invitationID = Self.invitationID(in: pending.binding),
                    let invitation = try await EmployeeInvitation.find(invitationID, on: database), invitation.status == .pending
                else { throw BankError.otpInvalid }
                let person = try InvitationSeal(cipher: services.cipher).open(invitation, personID: userID)
                var personal = FieldValidator()
                let digits = String(person.phone.value.dropFirst(2))
                if let violation = services.passwordPolicy.violation(of: request.password, phoneDigits: digits, iin: person.iin.value) {
                    personal.add("password", FieldCode(core: violation))
                }
                try personal.throwIfInvalid()
                opened = (invitation, person, userID, invitationID)
            },
            on: database
        )
        guard let (invitation, person, userID, invitationID) = opened else { throw BankError.otpInvalid }
        let otpContext = try services.otp.context(of: challenge)
        guard let descriptor = otpContext.device else { throw BankError.otpInvalid }
        let passwordHash = try await services.hashPassword(request.password)
        let vault = services.vault
        return try await database.transaction { tx in
            let taken = try await User.query(on: tx)
                .group(.or) { $0.filter(\.$phoneIndex == vault.phoneIndex(person.phone)).filter(\.$iinIndex == vault.iinIndex(person.iin)) }.first()
            guard taken == nil else { throw BankError(status: .conflict, code: .invitationNotPending) }
            let user = try await vault.makeUser(person, passwordHash: passwordHash, on: tx)
            user.status = .active
            try await user.create(on: tx)
            try await claim(invitation, status: .accepted, userID: userID, on: tx)
            try await join(invitation, userID: userID, on: tx)
            try await PolicyAcceptanceRecorder(services: services).record(
                current,
                userID: userID,
                origin: .init(ip: origin.ip, userAgent: origin.userAgent, deviceInstallationID: descriptor.id),
                on: tx
            )
            try await RegistrationService(services: services).recordAccountConsent(
                userID: userID,
                fullName: person.fullName,
                language: otpContext.language,
                edition: current,
                device: descriptor,
                on: tx
            )
            let device = try await services.devices.trust(descriptor, userID: userID, on: tx)
            try await AuditLog.record(
                .employeeInvitationActivated,
                actor: userID,
                subject: .invitation(invitationID),
                details: ["company": invitation.companyID.uuidString, "role": invitation.role, "device": descriptor.id],
                at: services.clock.now(),
                on: tx
            )
            guard let fresh = try await User.find(userID, on: tx) else { throw BankError.internalError }
            return try await services.sessions.open(for: fresh, device: device, origin: origin, on: tx)
        }
    }

    // MARK: - Internals

    /// A conditional update: two answers to one invitation cannot both win.
    private func claim(_ invitation: EmployeeInvitation, status: EmployeeInvitation.Status, userID: UUID, on database: any Database) async throws {
        let now = services.clock.now()
        guard invitation.status == .pending, invitation.expiresAt > now else { throw BankError(status: .conflict, code: .invitationNotPending) }
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let claimed = try await sql.claim(
            EmployeeInvitation.schema,
            id: try invitation.requireID(),
            set: ["status": status.rawValue, "decided_at": now, "user_id": userID]
        ) { $0.where("status", .equal, EmployeeInvitation.Status.pending.rawValue) }
        guard claimed != nil else { throw BankError(status: .conflict, code: .invitationNotPending) }
        invitation.status = status
        invitation.decidedAt = now
        invitation.userID = userID
    }

    private func join(_ invitation: EmployeeInvitation, userID: UUID, on database: any Database) async throws {
        let already = try await Membership.query(on: database).filter(\.$user.$id == userID).filter(\.$company.$id == invitation.companyID).first()
        guard already == nil else { throw BankError(status: .conflict, code: .alreadyEmployee) }
        guard let role = Membership.Role(rawValue: invitation.role) else { throw BankError.internalError }
        try await Membership(userID: userID, companyID: invitation.companyID, role: role).create(on: database)
    }

    static func binding(invitation: UUID, device: String) -> String { "invitation:\(invitation.uuidString)|\(device)" }

    static func invitationID(in binding: String) -> UUID? {
        guard binding.hasPrefix("invitation:") else { return nil }
        return UUID(uuidString: String(binding.dropFirst("invitation:".count).prefix(36)))
    }
}
