import Foundation

/// Law 94-V art. 24–25 and §4.1: a request about one's personal data.
public struct PrivacyRequestView: Codable, Sendable, Equatable {
    public var id: UUID
    /// block, unblock, destroy, information or correction.
    public var kind: String
    /// received, completed or refused.
    public var status: String
    public var receivedAt: Date
    /// The legal deadline: the end of the last working day (Kazakhstan time, UTC+5).
    public var dueAt: Date
    public var closedAt: Date?
    /// The role of the staff member who worked it (never their name).
    public var handlerRole: String?
    public var refusalReason: String?
    /// Still open after its deadline (art. 25): the officer's queue shows it first.
    public var overdue: Bool
    /// `correction`: `iin` or `companyName`, the company (for its name) and the new value asked for.
    public var field: String?
    public var companyId: UUID?
    public var newValue: String?

    public init(
        id: UUID,
        kind: String,
        status: String,
        receivedAt: Date,
        dueAt: Date,
        closedAt: Date? = nil,
        handlerRole: String? = nil,
        refusalReason: String? = nil,
        overdue: Bool = false,
        field: String? = nil,
        companyId: UUID? = nil,
        newValue: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.closedAt = closedAt
        self.handlerRole = handlerRole
        self.refusalReason = refusalReason
        self.overdue = overdue
        self.field = field
        self.companyId = companyId
        self.newValue = newValue
    }
}

public struct PrivacyRequestList: Codable, Sendable {
    public var items: [PrivacyRequestView]

    public init(items: [PrivacyRequestView]) {
        self.items = items
    }
}

public struct SubmitPrivacyRequest: Codable, Sendable {
    /// block, unblock, destroy, information or correction.
    public var kind: String
    /// `correction` only: `iin`, or `companyName` with `companyId` (a company the caller directs), and the new value.
    public var field: String?
    public var companyId: UUID?
    public var value: String?

    public init(kind: String, field: String? = nil, companyId: UUID? = nil, value: String? = nil) {
        self.kind = kind
        self.field = field
        self.companyId = companyId
        self.value = value
    }
}

/// Law 94-V art. 24–25: a person whose data is blocked cannot sign in; they ask to lift the block from the sign-in
/// screen, proving the phone with an SMS code.
public struct PrivacyUnblockStart: Codable, Sendable {
    public var phone: String

    public init(phone: String) {
        self.phone = phone
    }
}

/// Staff: a request the person made by another channel (in writing, at a branch, by 7711), recorded on their behalf.
public struct StaffSubmitPrivacyRequest: Codable, Sendable {
    public var userId: UUID
    /// block, unblock, destroy or information.
    public var kind: String

    public init(userId: UUID, kind: String) {
        self.userId = userId
        self.kind = kind
    }
}

public struct RefusePrivacyRequest: Codable, Sendable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

/// A staff member looked at the user's personal data: by role, when, and why.
public struct StaffAccessView: Codable, Sendable, Equatable {
    public var staffRole: String
    public var reason: String
    public var at: Date

    public init(staffRole: String, reason: String, at: Date) {
        self.staffRole = staffRole
        self.reason = reason
        self.at = at
    }
}

/// Staff: a client's personal data, read for a stated reason (the read is recorded and shown to the client).
public struct StaffUserView: Codable, Sendable {
    public struct Company: Codable, Sendable {
        public var id: UUID
        public var name: String
        public var bin: String
        public var role: String

        public init(id: UUID, name: String, bin: String, role: String) {
            self.id = id
            self.name = name
            self.bin = bin
            self.role = role
        }
    }

    public var id: UUID
    public var fullName: String
    public var iin: String
    public var phone: String
    public var email: String
    public var status: String
    public var companies: [Company]

    public init(id: UUID, fullName: String, iin: String, phone: String, email: String, status: String, companies: [Company]) {
        self.id = id
        self.fullName = fullName
        self.iin = iin
        self.phone = phone
        self.email = email
        self.status = status
        self.companies = companies
    }
}

/// Everything held about the signed-in person (Law 94-V art. 24), in one document.
public struct PersonalDataExport: Codable, Sendable {
    public struct Profile: Codable, Sendable {
        public var id: UUID
        public var fullName: String
        public var iin: String
        public var phone: String
        public var email: String
        public var status: String

        public init(id: UUID, fullName: String, iin: String, phone: String, email: String, status: String) {
            self.id = id
            self.fullName = fullName
            self.iin = iin
            self.phone = phone
            self.email = email
            self.status = status
        }
    }

    public struct Membership: Codable, Sendable {
        public var companyId: UUID
        public var companyName: String
        public var companyBin: String
        public var role: String

        public init(companyId: UUID, companyName: String, companyBin: String, role: String) {
            self.companyId = companyId
            self.companyName = companyName
            self.companyBin = companyBin
            self.role = role
        }
    }

    /// A device as the profile lists it (`DeviceView`): the export and the profile show the same fields.
    public typealias Device = DeviceView

    public struct Session: Codable, Sendable {
        public var id: UUID
        public var ip: String
        public var userAgent: String
        public var createdAt: Date
        public var lastSeenAt: Date
        public var expiresAt: Date
        public var revokedAt: Date?
        public var revokeReason: String?

        public init(
            id: UUID,
            ip: String,
            userAgent: String,
            createdAt: Date,
            lastSeenAt: Date,
            expiresAt: Date,
            revokedAt: Date? = nil,
            revokeReason: String? = nil
        ) {
            self.id = id
            self.ip = ip
            self.userAgent = userAgent
            self.createdAt = createdAt
            self.lastSeenAt = lastSeenAt
            self.expiresAt = expiresAt
            self.revokedAt = revokedAt
            self.revokeReason = revokeReason
        }
    }

    public struct AccessLogRow: Codable, Sendable {
        public var at: Date
        public var ip: String
        public var userAgent: String
        public var appVersion: String?
        public var method: String
        public var path: String
        public var status: Int

        public init(at: Date, ip: String, userAgent: String, appVersion: String? = nil, method: String, path: String, status: Int) {
            self.at = at
            self.ip = ip
            self.userAgent = userAgent
            self.appVersion = appVersion
            self.method = method
            self.path = path
            self.status = status
        }
    }

    /// §2.2.4: locations kept for fraud prevention (with the consent, 30 days).
    public struct Location: Codable, Sendable {
        public var at: Date
        public var latitude: Double
        public var longitude: Double
        /// nil when the device sent none (the web bank has no geocoder).
        public var countryCode: String?
        public var operation: String

        public init(at: Date, latitude: Double, longitude: Double, countryCode: String?, operation: String) {
            self.at = at
            self.latitude = latitude
            self.longitude = longitude
            self.countryCode = countryCode
            self.operation = operation
        }
    }

    public var generatedAt: Date
    public var operatorName: String
    public var operatorBin: String
    public var profile: Profile
    public var companies: [Membership]
    public var devices: [Device]
    public var sessions: [Session]
    public var consents: [ConsentView]
    public var policyAcceptances: [PolicyAcceptanceView]
    public var accessLog: [AccessLogRow]
    public var requests: [PrivacyRequestView]
    public var staffAccesses: [StaffAccessView]
    public var locations: [Location] = []
    /// §3.3: every disclosure of the person's data to a third party.
    public var disclosures: [DisclosureView] = []
    /// §2.2.7, §1.1: support conversations and feedback the person wrote.
    public var supportTickets: [TicketView] = []
    public var feedback: [FeedbackView] = []
    /// §2.3.2: the user's photo and the documents they uploaded, as metadata (id, size, hash, time), never the bytes.
    public var photo: DocumentView?
    public var documents: [DocumentView]
    /// §2.2.3: the in-app inbox, the push tokens (only their endings) and the notification preferences.
    public var inbox: [InboxItemView] = []
    public var pushTokens: [PushTokenView] = []
    public var notificationPreferences: NotificationPreferencesView?
    /// Issue 3: invitations into a company that name the person's phone and IIN, with the data the director entered.
    public var invitations: [EmployeeInvitationView] = []
    /// Issue 14: payment orders and payrolls the person prepared, and the signatures they gave.
    public var authoredDocuments: [AuthoredDocument] = []
    public var signatures: [Signature] = []
    /// Spending limits set on the person.
    public var paymentLimits: [Limit] = []
    /// §5.2 reports of unauthorised use the person made.
    public var securityReports: [SecurityReport] = []
    /// Personal-data breaches that concerned the person.
    public var breaches: [Breach] = []
    /// §2.2.4: risk decisions (holds, extra codes) about documents the person prepared.
    public var riskDecisions: [RiskDecision] = []
    /// SMS, e-mail and push messages still held for the person.
    public var messages: [Message] = []
    /// Stored answers to the person's requests with an `Idempotency-Key`.
    public var idempotencyAnswers: [IdempotencyAnswer] = []
    /// The audit record's events the person caused.
    public var activity: [ActivityEvent] = []

    public init(
        generatedAt: Date,
        operatorName: String,
        operatorBin: String,
        profile: Profile,
        companies: [Membership],
        devices: [Device],
        sessions: [Session],
        consents: [ConsentView],
        policyAcceptances: [PolicyAcceptanceView],
        accessLog: [AccessLogRow],
        requests: [PrivacyRequestView],
        staffAccesses: [StaffAccessView],
        photo: DocumentView? = nil,
        documents: [DocumentView] = []
    ) {
        self.generatedAt = generatedAt
        self.operatorName = operatorName
        self.operatorBin = operatorBin
        self.profile = profile
        self.companies = companies
        self.devices = devices
        self.sessions = sessions
        self.consents = consents
        self.policyAcceptances = policyAcceptances
        self.accessLog = accessLog
        self.requests = requests
        self.staffAccesses = staffAccesses
        self.photo = photo
        self.documents = documents
    }
}
