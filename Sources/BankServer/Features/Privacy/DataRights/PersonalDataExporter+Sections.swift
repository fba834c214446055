import BankAPI
import BankCore
import Fluent
import Foundation

/// Issue 14: the export holds every category held about the person. `coverage` says, for every column of the
/// schema that names a person, which section of the export shows those rows; `exempt` lists the few columns
/// that name a person but are not the person's own data, each with its reason. `PrivacyRightsTests` derives the
/// columns from the live schema and fails on a column in neither list.
extension PersonalDataExporter {
    struct Coverage: Sendable {
        let table: String
        let column: String
        /// The export's JSON field that shows the rows.
        let section: String
    }

    struct Exemption: Sendable {
        let table: String
        let column: String
        let reason: String
    }

    static let coverage: [Coverage] = [
        .init(table: "users", column: "id", section: "profile"),
        .init(table: "memberships", column: "user_id", section: "companies"),
        .init(table: "devices", column: "user_id", section: "devices"),
        .init(table: "sessions", column: "user_id", section: "sessions"),
        .init(table: "consents", column: "user_id", section: "consents"),
        .init(table: "policy_acceptances", column: "user_id", section: "policyAcceptances"),
        .init(table: "access_log", column: "user_id", section: "accessLog"),
        .init(table: "privacy_requests", column: "user_id", section: "requests"),
        .init(table: "staff_data_access", column: "user_id", section: "staffAccesses"),
        .init(table: "device_locations", column: "user_id", section: "locations"),
        .init(table: "disclosures", column: "user_id", section: "disclosures"),
        .init(table: "support_tickets", column: "user_id", section: "supportTickets"),
        .init(table: "feedback", column: "user_id", section: "feedback"),
        .init(table: "documents", column: "uploaded_by", section: "documents"),
        .init(table: "documents", column: "photo_of", section: "photo"),
        .init(table: "inbox_items", column: "user_id", section: "inbox"),
        .init(table: "push_tokens", column: "user_id", section: "pushTokens"),
        .init(table: "notification_preferences", column: "user_id", section: "notificationPreferences"),
        .init(table: "employee_invitations", column: "user_id", section: "invitations"),
        .init(table: "payment_orders", column: "created_by", section: "authoredDocuments"),
        .init(table: "payrolls", column: "created_by", section: "authoredDocuments"),
        .init(table: "payment_signatures", column: "user_id", section: "signatures"),
        .init(table: "payroll_signatures", column: "user_id", section: "signatures"),
        .init(table: "payment_limits", column: "user_id", section: "paymentLimits"),
        .init(table: "security_alerts", column: "user_id", section: "securityReports"),
        .init(table: "breach_affected_subjects", column: "user_id", section: "breaches"),
        .init(table: "sms_outbox", column: "user_id", section: "messages"),
        .init(table: "email_outbox", column: "user_id", section: "messages"),
        .init(table: "push_outbox", column: "user_id", section: "messages"),
        .init(table: "idempotency_keys", column: "user_id", section: "idempotencyAnswers"),
        .init(table: "audit_log", column: "actor_id", section: "activity"),
    ]

    static let exempt: [Exemption] = [
        .init(
            table: "otp_challenges",
            column: "user_id",
            reason: "a one-time code, kept as an HMAC for minutes; the SMS that carried it is in messages"
        ),
        .init(table: "audit_pending", column: "actor_id", reason: "a staging row, moved into audit_log (exported as activity) within seconds"),
        .init(table: "person_keys", column: "user_id", reason: "the person's wrapped data key: what makes the rest readable, never data itself"),
        .init(
            table: "employee_invitations",
            column: "invited_by",
            reason: "the director who sent it; the invitation is the invitee's data, exported to them"
        ),
        .init(table: "disclosures", column: "recorded_by", reason: "a staff member (the privacy officer), not a client"),
        .init(
            table: "breach_incidents",
            column: "recorded_by",
            reason: "a staff member (the privacy officer); the incident reaches the person through breaches"
        ),
        .init(table: "privacy_requests", column: "handled_by", reason: "a staff member; the person sees the handler's role in requests"),
        .init(table: "security_alerts", column: "handled_by", reason: "a staff member; the person sees handledAt in securityReports"),
        .init(table: "content_items", column: "created_by", reason: "a staff member who published news or an offer"),
    ]

    /// The sections added by issue 14: documents, signatures, limits, reports, breaches, risk, messages, answers.
    func addOperations(to export: inout PersonalDataExport, userID: UUID, on database: any Database) async throws {
        let orders = try await PaymentOrderRecord.query(on: database).filter(\.$author.$id == userID).sort(\.$createdAt, .descending).all()
        let payrolls = try await Payroll.query(on: database).filter(\.$author.$id == userID).sort(\.$createdAt, .descending).all()
        export.authoredDocuments =
            try orders.map {
                .init(
                    id: try $0.requireID(),
                    kind: "payment",
                    companyId: $0.$company.id,
                    number: $0.number,
                    amount: Money(minorUnits: $0.amount, currency: try Currency(code: $0.currency)),
                    beneficiaryName: $0.beneficiaryName,
                    status: $0.status.rawValue,
                    createdAt: $0.createdAt,
                    executedAt: $0.executedAt
                )
            }
            + payrolls.map {
                .init(
                    id: try $0.requireID(),
                    kind: "payroll",
                    companyId: $0.$company.id,
                    number: $0.number,
                    amount: Money(minorUnits: $0.total, currency: try Currency(code: $0.currency)),
                    beneficiaryName: nil,
                    status: $0.status.rawValue,
                    createdAt: $0.createdAt,
                    executedAt: $0.executedAt
                )
            }
        let risky = orders.compactMap { order in order.riskReasons.map { (order, $0) } }
        export.riskDecisions =
            try risky.map {
                .init(documentKind: "payment", documentId: try $0.0.requireID(), reasons: Self.reasons($0.1), status: $0.0.status.rawValue)
            }
            + payrolls.compactMap { payroll in
                guard let reasons = payroll.riskReasons else { return nil }
                return .init(
                    documentKind: "payroll",
                    documentId: try payroll.requireID(),
                    reasons: Self.reasons(reasons),
                    status: payroll.status.rawValue
                )
            }
        let paymentSignatures = try await PaymentSignature.query(on: database).filter(\.$user.$id == userID).all()
        let payrollSignatures = try await PayrollSignature.query(on: database).filter(\.$user.$id == userID).all()
        export.signatures =
            (paymentSignatures.map { .init(documentKind: "payment", documentId: $0.$order.id, slot: $0.slot, signedAt: $0.signedAt) }
            + payrollSignatures.map { .init(documentKind: "payroll", documentId: $0.$payroll.id, slot: $0.slot, signedAt: $0.signedAt) })
            .sorted { $0.signedAt > $1.signedAt }
        export.paymentLimits = try await PaymentLimit.query(on: database).filter(\.$user.$id == userID).all()
            .map { .init(companyId: $0.$company.id, currency: $0.currency, perPayment: $0.perPayment, daily: $0.daily) }
        export.securityReports = try await SecurityAlert.query(on: database).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
            .map { .init(kind: $0.kind, channel: $0.channel, createdAt: $0.createdAt, handledAt: $0.handledAt) }
        let incidents = try await BreachAffectedSubject.query(on: database).filter(\.$user.$id == userID).with(\.$incident).all().map(\.incident)
        export.breaches = try incidents.sorted { $0.detectedAt > $1.detectedAt }.map {
            .init(
                id: try $0.requireID(),
                detectedAt: $0.detectedAt,
                description: $0.description,
                dataCategories: $0.categoryIDs,
                measuresTaken: $0.measuresTaken,
                authorityNotifiedAt: $0.authorityNotifiedAt
            )
        }
        let sms = Self.messages(try await SMSMessage.query(on: database).filter(\.$userID == userID).all(), channel: "sms")
        let email = Self.messages(try await EmailMessage.query(on: database).filter(\.$userID == userID).all(), channel: "email")
        let push = Self.messages(try await PushMessage.query(on: database).filter(\.$userID == userID).all(), channel: "push")
        export.messages = (sms + email + push).sorted { $0.createdAt > $1.createdAt }
        export.idempotencyAnswers = try await IdempotencyRecord.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
            .map { .init(key: $0.key, state: $0.state, responseStatus: $0.responseStatus, createdAt: $0.createdAt) }
        let chained = try await AuditEntry.query(on: database).filter(\.$actorID == userID).all()
            .map { PersonalDataExport.ActivityEvent(event: $0.event, at: Date(timeIntervalSince1970: Double($0.atMilliseconds) / 1000)) }
        let pending = try await PendingAuditRecord.query(on: database).filter(\.$actorID == userID).all()
            .map { PersonalDataExport.ActivityEvent(event: $0.event, at: Date(timeIntervalSince1970: Double($0.atMilliseconds) / 1000)) }
        export.activity = (chained + pending).sorted { $0.at > $1.at }
    }

    private static func reasons(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }

    /// One outbox's messages as the export lists them: the channel, category and delivery state, never the text.
    private static func messages<Row: OutboxRow>(_ rows: [Row], channel: String) -> [PersonalDataExport.Message] {
        rows.map {
            PersonalDataExport.Message(
                channel: channel,
                category: $0.category,
                status: $0.status.rawValue,
                createdAt: $0.createdAt,
                sentAt: $0.sentAt
            )
        }
    }
}
