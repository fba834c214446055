import Foundation

/// Staff: records one disclosure of a user's personal data to a third party (§3.3).
public struct RecordDisclosureRequest: Codable, Sendable {
    public var userId: UUID
    public var recipientName: String
    /// Required for `consent` (the consent names its recipient); optional for authorities.
    public var recipientBin: String?
    /// Category ids from the purposes register.
    public var dataCategories: [String]
    /// `consent` (§3.3.1), `law` (§3.3.2) or `protection_of_rights` (§3.3.3).
    public var basis: String
    /// Required for `law`: the act and article that provides for the disclosure.
    public var legalReference: String?
    /// Required for `protection_of_rights`: the case or claim the disclosure serves.
    public var caseReference: String?
    /// When the data went out; now when absent.
    public var disclosedAt: Date?

    public init(
        userId: UUID,
        recipientName: String,
        recipientBin: String? = nil,
        dataCategories: [String],
        basis: String,
        legalReference: String? = nil,
        caseReference: String? = nil,
        disclosedAt: Date? = nil
    ) {
        self.userId = userId
        self.recipientName = recipientName
        self.recipientBin = recipientBin
        self.dataCategories = dataCategories
        self.basis = basis
        self.legalReference = legalReference
        self.caseReference = caseReference
        self.disclosedAt = disclosedAt
    }
}

/// Staff: a disclosure as the register holds it, with who recorded it.
public struct DisclosureRecord: Codable, Sendable, Equatable {
    public var id: UUID
    public var userId: UUID
    public var recipientName: String
    public var recipientBin: String?
    public var dataCategories: [PurposeView.Category]
    public var basis: String
    public var clause: String
    public var legalReference: String?
    public var caseReference: String?
    /// `consent`: the consent record the disclosure relied on.
    public var consentId: UUID?
    public var disclosedAt: Date
    public var recordedAt: Date
    public var recordedBy: UUID
    public var staffRole: String

    public init(
        id: UUID,
        userId: UUID,
        recipientName: String,
        recipientBin: String?,
        dataCategories: [PurposeView.Category],
        basis: String,
        clause: String,
        legalReference: String?,
        caseReference: String?,
        consentId: UUID?,
        disclosedAt: Date,
        recordedAt: Date,
        recordedBy: UUID,
        staffRole: String
    ) {
        self.id = id
        self.userId = userId
        self.recipientName = recipientName
        self.recipientBin = recipientBin
        self.dataCategories = dataCategories
        self.basis = basis
        self.clause = clause
        self.legalReference = legalReference
        self.caseReference = caseReference
        self.consentId = consentId
        self.disclosedAt = disclosedAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.staffRole = staffRole
    }
}

/// The data subject's view of a disclosure of their data: to whom, what, on which basis, when, and the role
/// (never the name) of the employee who recorded it.
public struct DisclosureView: Codable, Sendable, Equatable {
    public var id: UUID
    public var recipientName: String
    public var recipientBin: String?
    public var dataCategories: [PurposeView.Category]
    public var basis: String
    public var clause: String
    /// The legal reference (§3.3.2) or the case reference (§3.3.3).
    public var reference: String?
    /// For a standing entry: since when the flow has carried the person's data (their registration).
    public var disclosedAt: Date
    /// `system` for a standing entry.
    public var staffRole: String
    /// A flow the system itself makes for everyone (SMS gateway, push relay, e-mail relay, interbank messages,
    /// payroll), not one recorded by staff; it stays in force as long as the person uses the service.
    public var standing: Bool
    /// Where the recipient is (ISO 3166-1 alpha-2), when the register knows it; always for a standing entry.
    public var country: String?

    public init(
        id: UUID,
        recipientName: String,
        recipientBin: String?,
        dataCategories: [PurposeView.Category],
        basis: String,
        clause: String,
        reference: String?,
        disclosedAt: Date,
        staffRole: String,
        standing: Bool = false,
        country: String? = nil
    ) {
        self.id = id
        self.recipientName = recipientName
        self.recipientBin = recipientBin
        self.dataCategories = dataCategories
        self.basis = basis
        self.clause = clause
        self.reference = reference
        self.disclosedAt = disclosedAt
        self.staffRole = staffRole
        self.standing = standing
        self.country = country
    }
}

/// Staff: records a personal-data breach (Law 94-V). Affected subjects come as user ids or as a query.
public struct RecordBreachRequest: Codable, Sendable {
    public var detectedAt: Date
    public var description: String
    public var dataCategories: [String]
    public var measuresTaken: String
    public var affectedUserIds: [UUID]?
    public var affectedQuery: BreachSubjectQuery?

    public init(
        detectedAt: Date,
        description: String,
        dataCategories: [String],
        measuresTaken: String,
        affectedUserIds: [UUID]? = nil,
        affectedQuery: BreachSubjectQuery? = nil
    ) {
        self.detectedAt = detectedAt
        self.description = description
        self.dataCategories = dataCategories
        self.measuresTaken = measuresTaken
        self.affectedUserIds = affectedUserIds
        self.affectedQuery = affectedQuery
    }
}

/// Every member of the company with this BIN.
public struct BreachSubjectQuery: Codable, Sendable {
    public var companyBin: String

    public init(companyBin: String) {
        self.companyBin = companyBin
    }
}

public struct BreachIncidentView: Codable, Sendable, Equatable {
    public var id: UUID
    public var detectedAt: Date
    public var description: String
    public var dataCategories: [PurposeView.Category]
    public var measuresTaken: String
    public var affectedCount: Int
    /// The end of the next working day after detection, Almaty time (Law 94-V).
    public var notificationDueAt: Date
    public var recordedAt: Date
    public var staffRole: String
    /// Issue 14: `reported` until the authority is notified, then `authority_notified`.
    public var status: String
    public var authorityNotifiedAt: Date?
    /// How many affected people were sent the security notice (destroyed people are not).
    public var noticesSent: Int
    /// The deadline passed and the authority has not been notified.
    public var overdue: Bool

    public init(
        id: UUID,
        detectedAt: Date,
        description: String,
        dataCategories: [PurposeView.Category],
        measuresTaken: String,
        affectedCount: Int,
        notificationDueAt: Date,
        recordedAt: Date,
        staffRole: String,
        status: String = "reported",
        authorityNotifiedAt: Date? = nil,
        noticesSent: Int = 0,
        overdue: Bool = false
    ) {
        self.status = status
        self.authorityNotifiedAt = authorityNotifiedAt
        self.noticesSent = noticesSent
        self.overdue = overdue
        self.id = id
        self.detectedAt = detectedAt
        self.description = description
        self.dataCategories = dataCategories
        self.measuresTaken = measuresTaken
        self.affectedCount = affectedCount
        self.notificationDueAt = notificationDueAt
        self.recordedAt = recordedAt
        self.staffRole = staffRole
    }
}

/// The notification of a breach to the authority (Law 94-V): the responsible person's contacts, the measures
/// taken and the affected subjects so that they can be notified.
public struct BreachNotification: Codable, Sendable {
    public struct Contact: Codable, Sendable, Equatable {
        public var name: String
        public var phone: String
        public var email: String

        public init(name: String, phone: String, email: String) {
            self.name = name
            self.phone = phone
            self.email = email
        }
    }

    public struct Subject: Codable, Sendable, Equatable {
        public var userId: UUID
        public var fullName: String
        public var iin: String
        public var phone: String

        public init(userId: UUID, fullName: String, iin: String, phone: String) {
            self.userId = userId
            self.fullName = fullName
            self.iin = iin
            self.phone = phone
        }
    }

    public var incident: BreachIncidentView
    public var operatorName: String
    public var operatorBin: String
    public var responsiblePerson: Contact
    public var affectedSubjects: [Subject]
    public var generatedAt: Date

    public init(
        incident: BreachIncidentView,
        operatorName: String,
        operatorBin: String,
        responsiblePerson: Contact,
        affectedSubjects: [Subject],
        generatedAt: Date
    ) {
        self.incident = incident
        self.operatorName = operatorName
        self.operatorBin = operatorBin
        self.responsiblePerson = responsiblePerson
        self.affectedSubjects = affectedSubjects
        self.generatedAt = generatedAt
    }
}

/// Issue 14: the breach register as a list.
public struct BreachIncidentList: Codable, Sendable {
    public var items: [BreachIncidentView]

    public init(items: [BreachIncidentView]) {
        self.items = items
    }
}

/// Issue 14: the privacy officer records when the authority was notified.
public struct BreachAuthorityNotified: Codable, Sendable {
    public var notifiedAt: Date

    public init(notifiedAt: Date) {
        self.notifiedAt = notifiedAt
    }
}
