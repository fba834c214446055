import BankAPI
import BankCore
import Fluent
import Vapor

/// The register of personal-data breaches (Law 94-V, from 1 July 2024): the authority is notified within one
/// working day of detection with the responsible person's contacts, the measures taken and the affected
/// subjects (name, IIN, phone); each affected user gets a security SMS when the incident is recorded.
struct BreachRegister: Sendable {
    let services: BankServices
    /// Kazakhstan's working days (public holidays from the bundled file).
    var calendar: WorkingCalendar { services.workingCalendar }

    /// Law 94-V: working days from detection to the notification deadline.
    static let notificationWorkingDays = 1

    /// Validates, resolves the affected subjects and records the incident, its subjects and one SMS per subject
    /// in one transaction; nothing is stored when anything is invalid.
    func record(_ request: RecordBreachRequest, by staff: StaffMember, on database: any Database) async throws -> BreachIncident {
        let now = services.clock.now()
        var validator = FieldValidator()
        let description = validator.require("description", request.description, maxLength: 4000)
        let measures = validator.require("measuresTaken", request.measuresTaken, maxLength: 4000)
        let categories = validator.categories("dataCategories", request.dataCategories, known: services.purposes)
        if request.detectedAt > now.addingTimeInterval(60) { validator.add("detectedAt", .inTheFuture) }
        let users = try await affectedUsers(request, validator: &validator, on: database)
        try validator.throwIfInvalid()
        guard let description, let measures, let categories else { throw BankError.malformedRequest }

        return try await database.transaction { tx in
            let incident = BreachIncident()
            incident.recordedAt = now
            incident.$recordedBy.id = try staff.requireID()
            incident.detectedAt = request.detectedAt
            incident.description = description
            incident.dataCategories = categories.joined(separator: ",")
            incident.measuresTaken = measures
            incident.affectedCount = users.count
            incident.noticesSent = users.count
            incident.notificationDueAt = calendar.endOfWorkingDay(after: request.detectedAt, workingDays: Self.notificationWorkingDays)
            incident.staffRole = staff.role
            try await incident.create(on: tx)
            let incidentID = try incident.requireID()
            try await users.map { BreachAffectedSubject(incidentID: incidentID, userID: try $0.requireID()) }.create(on: tx)
            let notifications = NotificationService(services: services)
            for user in users {
                // In the language the user chose for notifications, else Kazakh, the default language.
                try await notifications.notify(user, .security, .init(key: "sms.breach_notice"), language: .kk, on: tx)
            }
            try await AuditLog.record(
                .breachRecorded,
                actor: staff.id,
                subject: .breach(incidentID),
                details: ["affected": String(users.count), "due_at": ISO8601DateFormatter().string(from: incident.notificationDueAt)],
                at: now,
                on: tx
            )
            return incident
        }
    }

    /// The affected users, from ids or from the company query (exactly one of them); violations go to `validator`.
    private func affectedUsers(_ request: RecordBreachRequest, validator: inout FieldValidator, on database: any Database) async throws -> [User] {
        let ids = request.affectedUserIds ?? []
        switch (ids.isEmpty, request.affectedQuery) {
        case (false, nil):
            let users = try await User.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
            let found = Set(users.compactMap(\.id))
            for (index, id) in ids.enumerated() where !found.contains(id) { validator.add("affectedUserIds[\(index)]", .unknownUser) }
            // Issue 14: a destroyed person's data is unreadable and their key gone: nothing to notify, no one to name.
            let living = users.filter { $0.status != .destroyed }
            if !users.isEmpty, living.isEmpty { validator.add("affectedUserIds", .noMembers) }
            return living
        case (true, let query?):
            // a BIN, or a sole proprietor's IIN
            let key = services.companyIdentity.key(forNumber: query.companyBin)
            if key == nil { _ = validator.parse("affectedQuery.companyBin", { try BIN(query.companyBin) }) }
            guard let key else { return [] }
            guard let company = try await Company.query(on: database).filter(\.$bin == key).first() else {
                validator.add("affectedQuery.companyBin", .unknownCompany)
                return []
            }
            let members = try await Membership.query(on: database).filter(\.$company.$id == company.requireID()).all()
            // Issue 14: memberships outlive destruction; a destroyed member is skipped, not a reason to roll back.
            let users = try await User.query(on: database).filter(\.$id ~~ Array(Set(members.map { $0.$user.id })))
                .filter(\.$status != .destroyed).all()
            if users.isEmpty { validator.add("affectedQuery.companyBin", .noMembers) }
            return users
        case (false, _?):
            validator.add("affectedQuery", .notAllowed)
            return []
        case (true, nil):
            validator.add("affectedUserIds", .required)
            return []
        }
    }

    /// The notification to the authority. Opening the subjects' name, IIN and phone is a staff read of personal
    /// data: one recorded read per subject (`StaffDataAccess`, so the subject sees it in their export, and its
    /// audit record). A subject destroyed since the recording is left out: their key is gone.
    func notification(_ incidentID: UUID, by staff: StaffMember, language: Language, on database: any Database) async throws -> BreachNotification {
        guard let incident = try await BreachIncident.find(incidentID, on: database) else { throw BankError.notFound }
        let subjects = try await BreachAffectedSubject.query(on: database).filter(\.$incident.$id == incidentID).with(\.$user).all()
        var people: [Person] = []
        for subject in subjects where subject.user.status != .destroyed { people.append(try await services.vault.open(subject.user, on: database)) }
        people.sort { $0.fullName < $1.fullName }
        let now = services.clock.now()
        let reader = StaffDataReader(services: services)
        let read = people
        try await database.transaction { tx in
            for person in read {
                try await reader.recordAccess(to: person.id, reason: "breach notification \(incidentID.uuidString)", by: staff, on: tx)
            }
        }
        let dpo = services.config.responsiblePerson
        return BreachNotification(
            incident: try view(incident, language: language),
            operatorName: services.config.operatorName,
            operatorBin: services.config.operatorBIN,
            responsiblePerson: .init(name: dpo.name, phone: dpo.phone, email: dpo.email),
            affectedSubjects: people.map { .init(userId: $0.id, fullName: $0.fullName, iin: $0.iin.value, phone: $0.phone.value) },
            generatedAt: now
        )
    }

    func view(_ incident: BreachIncident, language: Language) throws -> BreachIncidentView {
        BreachIncidentView(
            id: try incident.requireID(),
            detectedAt: incident.detectedAt,
            description: incident.description,
            dataCategories: services.purposes.categoryViews(incident.categoryIDs, in: language),
            measuresTaken: incident.measuresTaken,
            affectedCount: incident.affectedCount,
            notificationDueAt: incident.notificationDueAt,
            recordedAt: incident.recordedAt,
            staffRole: incident.staffRole.rawValue,
            status: incident.authorityNotifiedAt == nil ? "reported" : "authority_notified",
            authorityNotifiedAt: incident.authorityNotifiedAt,
            noticesSent: incident.noticesSent,
            overdue: incident.authorityNotifiedAt == nil && services.clock.now() > incident.notificationDueAt
        )
    }

    /// Issue 14: the register, newest detection first.
    func list(language: Language, on database: any Database) async throws -> [BreachIncidentView] {
        try await BreachIncident.query(on: database).sort(\.$detectedAt, .descending).all().map { try view($0, language: language) }
    }

    /// Issue 14: the privacy officer records when the authority was notified: not in the future, not before the
    /// detection. Setting it again corrects it; each setting is audited.
    func markAuthorityNotified(
        _ incidentID: UUID,
        at notifiedAt: Date,
        by staff: StaffMember,
        on database: any Database
    ) async throws -> BreachIncident {
        guard let incident = try await BreachIncident.find(incidentID, on: database) else { throw BankError.notFound }
        let now = services.clock.now()
        var validator = FieldValidator()
        if notifiedAt > now.addingTimeInterval(60) { validator.add("notifiedAt", .inTheFuture) }
        if notifiedAt < incident.detectedAt { validator.add("notifiedAt", .beforeDetection) }
        try validator.throwIfInvalid()
        return try await database.transaction { tx in
            incident.authorityNotifiedAt = notifiedAt
            try await incident.save(on: tx)
            try await AuditLog.record(
                .breachAuthorityNotified,
                actor: staff.id,
                subject: .breach(incidentID),
                details: ["notified_at": ISO8601DateFormatter().string(from: notifiedAt)],
                at: now,
                on: tx
            )
            return incident
        }
    }
}
