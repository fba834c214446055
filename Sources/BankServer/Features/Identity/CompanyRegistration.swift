import BankAPI
import BankCore
import Fluent
import Vapor

/// Issue 10: a signed-in client registers another company of their own — a legal entity by BIN, or their own sole
/// proprietorship by their IIN — and becomes its director, with the director-alone signing rule. A fresh SMS code to
/// their phone confirms it (a stolen session cannot tie a BIN to its victim). A BIN or IIN already registered, or
/// held by an unfinished registration or its decoy (review M4), is a conflict, as in `RegistrationService`.
struct CompanyRegistration: Sendable {
    let services: BankServices

    func register(
        _ request: RegistrationRequest.CompanyPart,
        caller: Caller,
        stepUp: StepUp.Proof,
        on database: any Database
    ) async throws
        -> CompanyMembershipView
    {
        let owner = try await services.vault.open(caller.user, on: database)
        var validator = FieldValidator()
        let name = validator.companyName("name", request.name)
        let identity = services.companyIdentity
        let identifier = identity.parse(kind: request.kind, number: request.bin, ownerIIN: owner.iin, fields: ("kind", "bin"), into: &validator)
        try validator.throwIfInvalid()
        guard let name, let identifier else { throw BankError.internalError }
        let registrations = RegistrationService(services: services)
        // a number already taken is refused before a code is sent (and again once confirmed, against a race)
        if try await registrations.isTaken(identifier.key, on: database) { throw BankError.companyAlreadyRegistered }
        try await StepUp(services: services).check(stepUp, action: .companyRegistration, on: database)
        return try await database.transaction { tx in
            try await StaleRegistrations(services: services).release(bin: identifier.key, on: tx)
            if try await registrations.isTaken(identifier.key, on: tx) { throw BankError.companyAlreadyRegistered }
            let company = try identity.makeCompany(name: name, identifier)
            try await company.create(on: tx)
            let membership = Membership(userID: caller.userID, companyID: try company.requireID(), role: .director)
            try await membership.create(on: tx)
            membership.$company.value = company
            try await AuditLog.record(
                .companyRegistered,
                actor: caller.userID,
                subject: .company(try company.requireID()),
                details: ["kind": identifier.kind.rawValue],
                at: services.clock.now(),
                on: tx
            )
            return try identity.view(of: membership)
        }
    }
}
