import Fluent
import Foundation

/// Destruction of a subject's personal data (Law 94-V art. 18, art. 24) by crypto-shredding: the subject's data
/// key is overwritten and deleted from the key table (`PersonKeys.destroy`), so every value sealed under it (name,
/// IIN, phone, e-mail, the photo, pending corrections) can never be opened again, here or in a copy of the data
/// opened against the live key table; the sealed fields are overwritten too, and the blind indexes become random,
/// so the person can no longer be found by phone, IIN or e-mail; the records around them (access log, devices,
/// codes, messages, the photo) are deleted or emptied. The company documents they uploaded belong to the company
/// and stay. Financial records the law requires (payment orders, signatures, ledger entries, the
/// audit chain) stay, linked to an id that no longer identifies anyone.
struct PersonalDataShredder: Sendable {
    let services: BankServices

    func destroy(_ user: User, on database: any Database) async throws {
        let userID = try user.requireID()
        // Invitations addressed to the person hold their data under keys of their own: they go with the person.
        try await EmployeeInvitation.about(user, on: database).delete()
        try await services.personKeys.destroy(subject: userID, at: services.clock.now(), on: database)
        user.dataKey = Data()
        user.fullName = SecureRandom.bytes(user.fullName.count)
        user.iin = SecureRandom.bytes(user.iin.count)
        user.phone = SecureRandom.bytes(user.phone.count)
        user.email = SecureRandom.bytes(user.email.count)
        user.iinIndex = "destroyed:" + SecureRandom.token()
        user.phoneIndex = "destroyed:" + SecureRandom.token()
        user.emailIndex = "destroyed:" + SecureRandom.token()
        user.passwordHash = "destroyed"
        user.status = .destroyed
        try await user.save(on: database)
        try await services.sessions.revokeAll(userID: userID, reason: "personal_data_destroyed", on: database)
        try await UserSession.query(on: database).filter(\.$user.$id == userID)
            .set(\.$ip, to: "0.0.0.0").set(\.$userAgent, to: "").update()
        let devices = try await Device.query(on: database).filter(\.$user.$id == userID).all()
        for device in devices {
            device.name = "—"
            device.installationID = "destroyed:" + SecureRandom.token()
            device.publicKey = nil
            try await device.save(on: database)
        }
        try await PolicyAcceptance.query(on: database).filter(\.$user.$id == userID)
            .set(\.$ip, to: "0.0.0.0").set(\.$userAgent, to: "").set(\.$deviceInstallationID, to: "").update()
        try await Consent.query(on: database).filter(\.$user.$id == userID).set(\.$deviceInstallationID, to: "").update()
        services.accessLog.discard(userID: userID)  // and the rows not yet written (issue 15)
        try await AccessLogEntry.query(on: database).filter(\.$userID == userID).delete()
        try await OtpChallenge.query(on: database).filter(\.$userID == userID).delete()
        try await SMSMessage.query(on: database).filter(\.$userID == userID).delete()
        try await EmailMessage.query(on: database).filter(\.$userID == userID).delete()
        try await DeviceLocationRecord.query(on: database).filter(\.$userID == userID).delete()
        let tickets = try await SupportTicket.query(on: database).filter(\.$userID == userID).all().compactMap(\.id)
        try await SupportMessage.query(on: database).filter(\.$ticketID ~~ tickets).delete()
        try await SupportTicket.query(on: database).filter(\.$userID == userID).delete()
        try await FeedbackEntry.query(on: database).filter(\.$userID == userID).delete()
        try await DocumentVault(services: services).removePhoto(of: userID, on: database)
        try await NotificationsExport.destroy(userID: userID, on: database)
        try await AuditLog.record(.privacySubjectDestroyed, actor: nil, subject: .user(userID), at: services.clock.now(), on: database)
    }
}
