import BankCore
import Fluent
import Foundation

/// §4.1: the IIN and a company's name are corrected through a request the privacy officer reviews, not at once like
/// the name, e-mail and phone: the IIN is the person's legal identity and the name is the company's. The new value
/// is validated when the request is made (per-field errors, nothing stored on error) and sealed under the person's
/// own key; completing the request writes it (the IIN sealed with its blind index, as registration stores it),
/// audited without the values; a refusal changes nothing.
struct IdentityCorrection: Sendable {
    let services: BankServices

    struct Checked: Sendable {
        let field: PrivacyRequest.CorrectedField
        let companyID: UUID?
        let value: String
    }

    /// Validates a correction request into `validator`; returns nil when any field is bad.
    func check(
        _ submission: PrivacyRequestService.Submission,
        user: User,
        validator: inout FieldValidator,
        on database: any Database
    ) async throws -> Checked? {
        let field = submission.field.flatMap(PrivacyRequest.CorrectedField.init(rawValue:))
        if submission.field == nil {
            validator.add("field", .required)
        } else if field == nil {
            validator.add("field", .invalidValue)
        }
        let raw = submission.value ?? ""
        switch field {
        case .iin:
            if submission.companyID != nil { validator.add("companyId", .notAllowed) }
            guard validator.require("value", raw, maxLength: 40) != nil else { return nil }
            guard let iin = validator.parse("value", { try IIN(raw) }) else { return nil }
            if try await services.vault.open(user, on: database).iin.value == iin.value {
                validator.add("value", .unchanged)
                return nil
            }
            return Checked(field: .iin, companyID: nil, value: iin.value)
        case .companyName:
            let name = validator.companyName("value", raw)
            guard let companyID = submission.companyID else {
                validator.add("companyId", .required)
                return nil
            }
            // a stranger and a non-director get the same answer: only a director of the company may ask
            guard let company = try await directedCompany(companyID, by: try user.requireID(), on: database) else {
                validator.add("companyId", .notDirector)
                return nil
            }
            guard let name else { return nil }
            if company.name == name {
                validator.add("value", .unchanged)
                return nil
            }
            return Checked(field: .companyName, companyID: companyID, value: name)
        case nil:
            return nil
        }
    }

    /// Writes the reviewed value. Refused with `correction_conflict` when the IIN belongs to someone else, or the
    /// person no longer directs the company; nothing changes then.
    func apply(_ request: PrivacyRequest, to user: User, by handler: PrivacyRequestService.Handler, on database: any Database) async throws {
        let userID = try user.requireID()
        let requestID = try request.requireID()
        guard let field = request.field, let sealed = request.newValue else { throw BankError.internalError }
        let value = try await open(sealed, for: user, request: requestID, on: database)
        let now = services.clock.now()
        switch field {
        case .iin:
            let iin = try IIN(value)
            let vault = services.vault
            let taken = try await User.query(on: database).filter(\.$iinIndex == vault.iinIndex(iin)).filter(\.$id != userID).count()
            guard taken == 0 else { throw BankError.correctionConflict }
            var person = try await vault.open(user, on: database)
            person.iin = iin
            try await vault.update(user, with: person, on: database)
            try await user.save(on: database)
            try await AuditLog.record(
                .profileIINChanged,
                actor: handler.staffID,
                subject: .user(userID),
                details: ["request": requestID.uuidString, "role": handler.role],
                at: now,
                on: database
            )
        case .companyName:
            guard let companyID = request.companyID, let company = try await directedCompany(companyID, by: userID, on: database) else {
                throw BankError.correctionConflict
            }
            company.name = value
            try await company.save(on: database)
            try await AuditLog.record(
                .companyNameChanged,
                actor: handler.staffID,
                subject: .company(companyID),
                details: ["request": requestID.uuidString, "role": handler.role],
                at: now,
                on: database
            )
        }
    }

    /// The new value, sealed under the person's own key and bound to the request row (crypto-shredded with them).
    func seal(_ value: String, for user: User, request id: UUID, on database: any Database) async throws -> Data {
        try await services.vault.seal(Data(value.utf8), of: try user.requireID(), context: Self.context(id), on: database)
    }

    func open(_ sealed: Data, for user: User, request id: UUID, on database: any Database) async throws -> String {
        String(decoding: try await services.vault.open(sealed, of: try user.requireID(), context: Self.context(id), on: database), as: UTF8.self)
    }

    private static func context(_ id: UUID) -> PersonalDataCipher.Context {
        .init(table: PrivacyRequest.schema, column: "new_value", row: id)
    }

    private func directedCompany(_ companyID: UUID, by userID: UUID, on database: any Database) async throws -> Company? {
        let membership = try await Membership.query(on: database).filter(\.$user.$id == userID).filter(\.$company.$id == companyID)
            .filter(\.$role == .director).with(\.$company).first()
        return membership?.company
    }
}

extension BankError {
    /// The corrected IIN belongs to another person, or the requester no longer directs the company.
    static let correctionConflict = BankError(status: .conflict, code: .correctionConflict)
}
