import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit

/// The company's people in the internet bank (issue 3 roles): the director invites, changes roles and removes;
/// every member sees the list. A company always keeps at least one director, so someone can always sign.
struct EmployeeService: Sendable {
    let services: BankServices

    /// How long an invitation can be accepted.
    static let invitationLifetime: TimeInterval = 7 * 86_400

    static let lastDirector = BankError(status: .conflict, code: .lastDirector)

    // MARK: - Invitations

    func invite(
        companyID: UUID,
        caller: Caller,
        request: EmployeeInvitationRequest,
        language: Language,
        stepUp: StepUp.Proof? = nil,
        on database: any Database
    ) async throws -> EmployeeInvitation {
        let company = try await directorOf(companyID, caller: caller, on: database)
        var validator = FieldValidator()
        let fullName = validator.require("fullName", request.fullName, maxLength: 200)
        let iin = validator.parse("iin") { try IIN(request.iin) }
        let phone = validator.parse("phone") { try PhoneNumber(request.phone) }
        let email = validator.parse("email") { try EmailAddress(request.email) }
        let role = Self.role(request.role, field: "role", into: &validator)
        try validator.throwIfInvalid()
        guard let fullName, let iin, let phone, let email, let role else { throw BankError.internalError }
        // review H3: a valid invitation waits for the director's fresh code before anything is written or sent
        if let stepUp { try await StepUp(services: services).check(stepUp, action: .invitation, on: database) }
        // review M8: each invitation is an SMS to a number the director typed; no company may pump them
        try await services.rateLimiter.hit(
            .init(name: "invite-company", limit: services.security.invitationsPerCompanyPerHour, windowSeconds: 3600),
            key: companyID.uuidString,
            on: database
        )
        let vault = services.vault
        let now = services.clock.now()
        return try await database.transaction { tx in
            let pending = try await EmployeeInvitation.query(on: tx).filter(\.$companyID == companyID)
                .filter(\.$phoneIndex == vault.phoneIndex(phone)).filter(\.$status == .pending).filter(\.$expiresAt > now).first()
            if pending != nil { throw BankError(status: .conflict, code: .invitationPending) }
            let known = try await User.query(on: tx)
                .group(.or) { $0.filter(\.$phoneIndex == vault.phoneIndex(phone)).filter(\.$iinIndex == vault.iinIndex(iin)) }.all()
            for user in known
            where try await Membership.query(on: tx).filter(\.$user.$id == user.requireID())
                .filter(\.$company.$id == companyID).first() != nil
            {
                throw BankError(status: .conflict, code: .alreadyEmployee)
            }
            let invitation = EmployeeInvitation()
            invitation.id = UUID()
            invitation.createdAt = now
            invitation.expiresAt = now.addingTimeInterval(Self.invitationLifetime)
            invitation.companyID = companyID
            invitation.invitedBy = caller.userID
            invitation.role = role.rawValue
            invitation.status = .pending
            try InvitationSeal(cipher: services.cipher).seal(
                Person(id: UUID(), fullName: fullName, iin: iin, phone: phone, email: email),
                into: invitation
            )
            try await invitation.create(on: tx)
            try await AuditLog.record(
                .employeeInvited,
                actor: caller.userID,
                subject: .invitation(try invitation.requireID()),
                details: ["company": companyID.uuidString, "role": role.rawValue],
                at: now,
                on: tx
            )
            // The same SMS whether or not the person already banks with us: the director learns nothing from it.
            let text = services.localizer.text("sms.employee_invitation", language, ["company": company.name])
            try await SMSOutbox(services: services).enqueue(to: phone, text: text, category: "service", userID: nil, on: tx)
            return invitation
        }
    }

    func invitations(companyID: UUID, caller: Caller, on database: any Database) async throws -> [EmployeeInvitation] {
        _ = try await directorOf(companyID, caller: caller, on: database)
        return try await EmployeeInvitation.query(on: database).filter(\.$companyID == companyID).sort(\.$createdAt, .descending).all()
    }

    func revoke(companyID: UUID, invitationID: UUID, caller: Caller, on database: any Database) async throws {
        _ = try await directorOf(companyID, caller: caller, on: database)
        guard let invitation = try await EmployeeInvitation.find(invitationID, on: database), invitation.companyID == companyID else {
            throw BankError.notFound
        }
        guard invitation.status == .pending else { throw BankError(status: .conflict, code: .invitationNotPending) }
        let now = services.clock.now()
        try await database.transaction { tx in
            invitation.status = .revoked
            invitation.decidedAt = now
            try await invitation.save(on: tx)
            try await AuditLog.record(.employeeInvitationRevoked, actor: caller.userID, subject: .invitation(invitationID), at: now, on: tx)
        }
    }

    // MARK: - Employees

    /// `membership` is the caller's, as the company-scope tier loaded it (`req.membership`).
    func employees(membership: Membership, on database: any Database) async throws -> [EmployeeView] {
        let companyID = membership.$company.id
        let memberships = try await Membership.query(on: database).filter(\.$company.$id == companyID).with(\.$user).all()
        // A destroyed person (Law 94-V art. 25) has no name left to show; a blocked person's data is not processed
        // (art. 24–25), so colleagues do not see it either.
        let shown = memberships.filter { ![.destroyed, .dataBlocked].contains($0.user.status) }
        let people = try await services.vault.open(shown.map(\.user), on: database)
        return try shown.map { membership in
            guard let person = people[try membership.user.requireID()] else { throw BankError.internalError }
            return view(membership, person: person)
        }
        .sorted { ($0.role, $0.fullName) < ($1.role, $1.fullName) }
    }

    func view(_ membership: Membership, user: User, on database: any Database) async throws -> EmployeeView {
        view(membership, person: try await services.vault.open(user, on: database))
    }

    private func view(_ membership: Membership, person: Person) -> EmployeeView {
        EmployeeView(
            userId: person.id,
            fullName: person.fullName,
            phoneMasked: person.phone.masked,
            role: membership.role.rawValue,
            since: membership.createdAt
        )
    }

    /// Invitations as the director or the invited person sees them; each company's name is read once.
    func views(_ invitations: [EmployeeInvitation], on database: any Database) async throws -> [EmployeeInvitationView] {
        var names: [UUID: String] = [:]
        var views: [EmployeeInvitationView] = []
        for invitation in invitations {
            if names[invitation.companyID] == nil {
                names[invitation.companyID] = try await Company.find(invitation.companyID, on: database)?.name ?? ""
            }
            views.append(try view(invitation, companyName: names[invitation.companyID] ?? ""))
        }
        return views
    }

    func view(_ invitation: EmployeeInvitation, on database: any Database) async throws -> EmployeeInvitationView {
        try await views([invitation], on: database)[0]
    }

    private func view(_ invitation: EmployeeInvitation, companyName: String) throws -> EmployeeInvitationView {
        let person = try InvitationSeal(cipher: services.cipher).open(invitation)
        return EmployeeInvitationView(
            id: try invitation.requireID(),
            companyId: invitation.companyID,
            companyName: companyName,
            role: invitation.role,
            fullName: person.fullName,
            phoneMasked: person.phone.masked,
            status: invitation.status.rawValue,
            createdAt: invitation.createdAt,
            expiresAt: invitation.expiresAt
        )
    }

    func changeRole(companyID: UUID, userID: UUID, role requested: String, caller: Caller, on database: any Database) async throws -> Membership {
        _ = try await directorOf(companyID, caller: caller, on: database)
        var validator = FieldValidator()
        let role = Self.role(requested, field: "role", into: &validator)
        try validator.throwIfInvalid()
        guard let role else { throw BankError.internalError }
        return try await database.transaction { tx in
            try await lockPeople(of: companyID, caller: caller, on: tx)
            let membership = try await CompanyAccess.membership(userID: userID, companyID: companyID, on: tx)
            if membership.role == .director, role != .director { try await requireAnotherDirector(companyID, besides: userID, on: tx) }
            let previous = membership.role
            membership.role = role
            try await membership.save(on: tx)
            try await AuditLog.record(
                .employeeRoleChanged,
                actor: caller.userID,
                subject: .user(userID),
                details: ["company": companyID.uuidString, "from": previous.rawValue, "to": role.rawValue],
                at: services.clock.now(),
                on: tx
            )
            return membership
        }
    }

    func remove(companyID: UUID, userID: UUID, caller: Caller, on database: any Database) async throws {
        _ = try await directorOf(companyID, caller: caller, on: database)
        try await database.transaction { tx in
            try await lockPeople(of: companyID, caller: caller, on: tx)
            let membership = try await CompanyAccess.membership(userID: userID, companyID: companyID, on: tx)
            if membership.role == .director { try await requireAnotherDirector(companyID, besides: userID, on: tx) }
            try await membership.delete(on: tx)
            try await AuditLog.record(
                .employeeRemoved,
                actor: caller.userID,
                subject: .user(userID),
                details: ["company": companyID.uuidString, "role": membership.role.rawValue],
                at: services.clock.now(),
                on: tx
            )
        }
    }

    // MARK: - Rules

    /// Only the director manages people; anyone else in the company gets 403, anyone outside it 404.
    private func directorOf(_ companyID: UUID, caller: Caller, on database: any Database) async throws -> Company {
        let membership = try await CompanyAccess.membership(userID: caller.userID, companyID: companyID, on: database)
        guard membership.role == .director else { throw BankError.forbidden }
        guard let company = try await Company.find(companyID, on: database) else { throw BankError.notFound }
        return company
    }

    /// Changes to a company's people run one at a time (the company's row locked on PostgreSQL; SQLite has one
    /// writer), and the caller must still be a director when theirs runs: two directors demoting each other at once
    /// leave one director, never none (issue 10, review M3).
    private func lockPeople(of companyID: UUID, caller: Caller, on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            _ = try await sql.raw("SELECT id FROM companies WHERE id = \(bind: companyID) FOR UPDATE").all()
        }
        _ = try await directorOf(companyID, caller: caller, on: database)
    }

    private func requireAnotherDirector(_ companyID: UUID, besides userID: UUID, on database: any Database) async throws {
        let others = try await Membership.query(on: database).filter(\.$company.$id == companyID).filter(\.$role == .director)
            .filter(\.$user.$id != userID).count()
        if others == 0 { throw Self.lastDirector }
    }

    static func role(_ value: String, field: String, into validator: inout FieldValidator) -> Membership.Role? {
        guard let role = Membership.Role(rawValue: value) else {
            validator.add(field, .invalidValue)
            return nil
        }
        return role
    }
}

extension BankServices {
    var employees: EmployeeService { EmployeeService(services: self) }
}
