import Fluent
import Foundation

/// Review M13: a registration nobody finished expires with its code. Until the phone is verified the person is
/// `pending`; once the code's lifetime has passed, the pending person, their company (if no one else is in it),
/// the acceptance and consent they gave are deleted, so nobody can hold a BIN, phone or IIN by never finishing.
/// Run at every registration start (for the BIN, phone and IIN asked for) and by the retention job (all of them).
struct StaleRegistrations: Sendable {
    let services: BankServices

    /// A pending person none of whose registration codes is still alive (a resend extends the life).
    private func stale(_ users: [User], on database: any Database) async throws -> [User] {
        let now = services.clock.now()
        var stale: [User] = []
        for user in users {
            let live = try await OtpChallenge.query(on: database).filter(\.$userID == user.requireID()).filter(\.$purpose == .registration)
                .filter(\.$expiresAt > now).count()
            if live == 0 { stale.append(user) }
        }
        return stale
    }

    func count(on database: any Database) async throws -> Int {
        try await stale(try await User.query(on: database).filter(\.$status == .pending).all(), on: database).count
    }

    /// The stale registrations touching this BIN, phone or IIN (nil: every stale registration).
    func release(bin: String? = nil, phoneIndex: String? = nil, iinIndex: String? = nil, on database: any Database) async throws {
        var query = User.query(on: database).filter(\.$status == .pending)
        var holders: [UUID] = []
        if bin != nil || phoneIndex != nil || iinIndex != nil {
            if let bin, let company = try await Company.query(on: database).filter(\.$bin == bin).first() {
                holders = try await Membership.query(on: database).filter(\.$company.$id == company.requireID()).all().map(\.$user.id)
            }
            query = query.group(.or) { either in
                if let phoneIndex { either.filter(\.$phoneIndex == phoneIndex) }
                if let iinIndex { either.filter(\.$iinIndex == iinIndex) }
                if !holders.isEmpty { either.filter(\.$id ~~ holders) }
            }
        }
        for user in try await stale(try await query.all(), on: database) {
            let userID = try user.requireID()
            let companies = try await Membership.query(on: database).filter(\.$user.$id == userID).all().map(\.$company.id)
            try await Membership.query(on: database).filter(\.$user.$id == userID).delete()
            try await Consent.query(on: database).filter(\.$user.$id == userID).delete()
            try await PolicyAcceptance.query(on: database).filter(\.$user.$id == userID).delete()
            try await Device.query(on: database).filter(\.$user.$id == userID).delete()
            try await services.personKeys.destroy(subject: userID, at: services.clock.now(), on: database)
            try await user.delete(on: database)
            for companyID in companies where try await Membership.query(on: database).filter(\.$company.$id == companyID).count() == 0 {
                guard try await Account.query(on: database).filter(\.$company.$id == companyID).count() == 0 else { continue }
                try await Company.query(on: database).filter(\.$id == companyID).delete()
            }
            try await AuditLog.record(.registrationExpired, actor: nil, subject: .user(userID), at: services.clock.now(), on: database)
        }
    }
}
