import BankAPI
import Fluent
import Foundation

/// Law 94-V art. 24: everything held about the signed-in person, in one document — profile, companies and roles,
/// devices, sessions, consents with their history, policy acceptances, access-log rows, requests and staff reads,
/// and the photo and documents the person uploaded (§2.3.2, metadata only).
struct PersonalDataExporter: Sendable {
    let services: BankServices

    func export(_ user: User, language: Language, on database: any Database) async throws -> PersonalDataExport {
        let userID = try user.requireID()
        let person = try await services.vault.open(user, on: database)
        let memberships = try await Membership.query(on: database).filter(\.$user.$id == userID).with(\.$company).all()
        let devices = try await Device.query(on: database).filter(\.$user.$id == userID).sort(\.$firstSeenAt).all()
        let sessions = try await UserSession.query(on: database).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
        let consentService = ConsentService(services: services)
        let consents = try await consentService.views(try await consentService.history(userID: userID, on: database), on: database)
        let acceptances = try await PolicyAcceptance.query(on: database).filter(\.$user.$id == userID).with(\.$edition)
            .sort(\.$acceptedAt, .descending).all()
        try await services.accessLog.flush(on: database)  // the last second's rows too (issue 15)
        let accessLog = try await AccessLogEntry.query(on: database).filter(\.$userID == userID).sort(\.$at, .descending).all()
        let requests = try await PrivacyRequest.query(on: database).filter(\.$user.$id == userID).sort(\.$receivedAt, .descending).all()
        let locations = try await DeviceLocationRecord.query(on: database).filter(\.$userID == userID).sort(\.$at, .descending).all()
        let risk = RiskEngine(services: services)
        let reads = try await StaffDataAccess.query(on: database).filter(\.$userID == userID).sort(\.$at, .descending).all()
        let uploads = try await StoredDocument.query(on: database).filter(\.$uploader.$id == userID).sort(\.$uploadedAtMilliseconds, .descending)
            .all()
        var export = PersonalDataExport(
            generatedAt: services.clock.now(),
            operatorName: services.config.operatorName,
            operatorBin: services.config.operatorBIN,
            profile: .init(
                id: userID,
                fullName: person.fullName,
                iin: person.iin.value,
                phone: person.phone.value,
                email: person.email.value,
                status: user.status.rawValue
            ),
            companies: try memberships.map {
                .init(
                    companyId: try $0.company.requireID(),
                    companyName: $0.company.name,
                    companyBin: try services.companyIdentity.taxID(of: $0.company),
                    role: $0.role.rawValue
                )
            },
            devices: try devices.map { try DeviceView($0, cipher: services.cipher) },
            sessions: try sessions.map {
                .init(
                    id: try $0.requireID(),
                    ip: $0.ip,
                    userAgent: $0.userAgent,
                    createdAt: $0.createdAt,
                    lastSeenAt: $0.lastSeenAt,
                    expiresAt: $0.expiresAt,
                    revokedAt: $0.revokedAt,
                    revokeReason: $0.revokeReason
                )
            },
            consents: consents,
            policyAcceptances: acceptances.map {
                PolicyAcceptanceView(version: $0.edition.version, acceptedAt: $0.acceptedAt, ip: $0.ip, deviceInstallationId: $0.deviceInstallationID)
            },
            accessLog: accessLog.map {
                .init(at: $0.at, ip: $0.ip, userAgent: $0.userAgent, appVersion: $0.appVersion, method: $0.method, path: $0.path, status: $0.status)
            },
            requests: try requests.map { try $0.view() },
            staffAccesses: reads.map { StaffAccessView(staffRole: $0.staffRole, reason: $0.reason, at: $0.at) },
            photo: try uploads.first { $0.kind == .userPhoto }?.view(),
            documents: try uploads.filter { $0.kind != .userPhoto }.map { try $0.view() }
        )
        export.locations = try locations.map {
            let point = try risk.coordinates(of: $0)
            return .init(
                at: $0.at,
                latitude: point.latitude,
                longitude: point.longitude,
                countryCode: $0.country.isEmpty ? nil : $0.country,
                operation: $0.operation
            )
        }
        // §3.3: the standing flows the system itself makes (Law 94-V art. 16), then what staff recorded
        let register = DisclosureRegister(services: services)
        let recorded = try await register.disclosures(of: userID, on: database)
        export.disclosures =
            register.standing(since: user.createdAt ?? services.clock.now(), language: language)
            + (try recorded.map { try $0.subjectView(purposes: services.purposes, language: language) })
        let support = SupportService(services: services)
        for ticket in try await SupportTicket.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all() {
            export.supportTickets.append(try await support.view(ticket, on: database))
        }
        export.feedback = try await FeedbackEntry.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
            .map { try support.view($0) }
        try await NotificationsExport(services: services).add(to: &export, userID: userID, language: language, on: database)
        let invitations = try await EmployeeInvitation.about(user, on: database).sort(\.$createdAt, .descending).all()
        export.invitations = try await services.employees.views(invitations, on: database)
        try await addOperations(to: &export, userID: userID, on: database)
        return export
    }
}
