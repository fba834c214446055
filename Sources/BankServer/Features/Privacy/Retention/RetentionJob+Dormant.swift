import BankCore
import Fluent
import Foundation

/// Retention for the dormant categories (issue 14): devices, unread inbox items, open tickets, handled alerts,
/// agreements' network data, closed accounts' documents and removed employees. Periods come from the purposes register where
/// it names one (device signals 90 days, network data 90 days, "until the account is closed, then 5 years").
extension RetentionJob {
    /// Days an unread inbox item is kept (a read one goes after `readInboxRetentionDays`).
    static let unreadInboxRetentionDays = 365.0
    /// Days a handled §5.2 security alert is kept after `handled_at` (the operations' 5 years).
    static let handledAlertRetentionDays = Double(AccountClosure.retentionDays)

    func dormantRules(now: Date) -> [Rule] {
        let day = 86_400.0
        let deviceDays = Double(services.purposes.entry(.fraudDeviceSignals).retentionDays ?? 90)
        let networkDays = Double(services.config.accessLogRetentionDays)
        let supportDays = Double(services.purposes.entry(.support).retentionDays ?? 1825)
        let closedCutoff = now.addingTimeInterval(-Double(AccountClosure.retentionDays) * day)
        let services = services
        return [
            // §2.3.3, fraud device signals: a device unused for 90 days (its sessions have long ended) goes, with its
            // pending key challenges and push tokens; signing in from it again asks for an SMS code.
            Rule(
                category: "devices",
                count: { try await Device.query(on: $0).filter(\.$lastSeenAt < now.addingTimeInterval(-deviceDays * day)).count() },
                delete: { database in
                    let ids = try await Device.query(on: database).filter(\.$lastSeenAt < now.addingTimeInterval(-deviceDays * day)).all()
                        .compactMap(\.id)
                    guard !ids.isEmpty else { return }
                    let live = try await UserSession.query(on: database).filter(\.$device.$id ~~ ids).all().map { $0.$device.id }
                    let gone = ids.filter { !live.contains($0) }
                    try await DeviceKeyChallenge.query(on: database).filter(\.$device.$id ~~ gone).delete()
                    try await PushToken.query(on: database).filter(\.$deviceID ~~ gone).delete()
                    try await PushMessage.query(on: database).filter(\.$deviceID ~~ gone).delete()
                    try await Device.query(on: database).filter(\.$id ~~ gone).delete()
                }
            ),
            // §2.2.3: an inbox item never read goes after a year.
            .rows("inbox_unread") {
                InboxItem.query(on: $0).filter(\.$readAt == nil).filter(\.$createdAt < now.addingTimeInterval(-Self.unreadInboxRetentionDays * day))
            },
            // §2.2.7: a ticket left open, untouched for the support retention, goes with its messages.
            Rule(
                category: "support_tickets_open",
                count: {
                    try await SupportTicket.query(on: $0).filter(\.$status != .closed).filter(
                        \.$updatedAt < now.addingTimeInterval(-supportDays * day)
                    )
                    .count()
                },
                delete: { database in
                    let stale = try await SupportTicket.query(on: database).filter(\.$status != .closed)
                        .filter(\.$updatedAt < now.addingTimeInterval(-supportDays * day)).all().compactMap(\.id)
                    try await SupportMessage.query(on: database).filter(\.$ticketID ~~ stale).delete()
                    try await SupportTicket.query(on: database).filter(\.$id ~~ stale).delete()
                }
            ),
            // §5.2: a report, once handled, is kept 5 years after handling; one not yet handled waits in the queue.
            .rows("security_alerts") {
                SecurityAlert.query(on: $0).filter(\.$handledAt != nil).filter(
                    \.$handledAt < now.addingTimeInterval(-Self.handledAlertRetentionDays * day)
                )
            },
            // §1.1 network data: a policy acceptance's and a consent's IP, user agent and device id are cleared after
            // the network retention (90 days); the rows stay as the evidence of the agreement (Law 94-V art. 8).
            Rule(
                category: "agreement_network_data",
                count: { database in
                    let cutoff = now.addingTimeInterval(-networkDays * day)
                    return try await PolicyAcceptance.query(on: database).filter(\.$acceptedAt < cutoff).filter(\.$ip != "0.0.0.0").count()
                        + Consent.query(on: database).filter(\.$grantedAt < cutoff).filter(\.$deviceInstallationID != "").count()
                },
                delete: { database in
                    let cutoff = now.addingTimeInterval(-networkDays * day)
                    try await PolicyAcceptance.query(on: database).filter(\.$acceptedAt < cutoff).filter(\.$ip != "0.0.0.0")
                        .set(\.$ip, to: "0.0.0.0").set(\.$userAgent, to: "").set(\.$deviceInstallationID, to: "").update()
                    try await Consent.query(on: database).filter(\.$grantedAt < cutoff).filter(\.$deviceInstallationID != "")
                        .set(\.$deviceInstallationID, to: "").update()
                }
            ),
            // "Until the account is closed, then 5 years": a closed account's payment orders and payrolls (with the
            // employees' names and IINs in their lines), their signatures, attachments and interbank messages go
            // 5 years after `closed_at`. The ledger entries stay: they hold no personal data and keep the books balanced.
            Rule(
                category: "closed_accounts",
                count: { database in
                    let accounts = try await Self.closedAccounts(before: closedCutoff, on: database)
                    guard !accounts.isEmpty else { return 0 }
                    return try await PaymentOrderRecord.query(on: database).filter(\.$payerAccount.$id ~~ accounts).count()
                        + Payroll.query(on: database).filter(\.$payerAccount.$id ~~ accounts).count()
                },
                delete: { database in
                    let accounts = try await Self.closedAccounts(before: closedCutoff, on: database)
                    guard !accounts.isEmpty else { return }
                    let orders = try await PaymentOrderRecord.query(on: database).filter(\.$payerAccount.$id ~~ accounts).all().compactMap(\.id)
                    if !orders.isEmpty {
                        let vault = DocumentVault(services: services)
                        for document in try await StoredDocument.query(on: database).filter(\.$payment.$id ~~ orders).all() {
                            try await vault.remove(document, on: database)
                        }
                        try await PaymentSignature.query(on: database).filter(\.$order.$id ~~ orders).delete()
                        try await ClearingMessage.query(on: database).filter(\.$payment.$id ~~ orders).delete()
                        try await PaymentOrderRecord.query(on: database).filter(\.$id ~~ orders).delete()
                    }
                    let payrolls = try await Payroll.query(on: database).filter(\.$payerAccount.$id ~~ accounts).all().compactMap(\.id)
                    if !payrolls.isEmpty {
                        try await PayrollSignature.query(on: database).filter(\.$payroll.$id ~~ payrolls).delete()
                        try await PayrollLine.query(on: database).filter(\.$payroll.$id ~~ payrolls).delete()
                        try await Payroll.query(on: database).filter(\.$id ~~ payrolls).delete()
                    }
                }
            ),
            // A removed employee left with no company: their data is destroyed (crypto-shredded, the rows that
            // evidence their signatures stay) 5 years after the last removal, as for a closed account.
            Rule(
                category: "removed_employees",
                count: { try await Self.removedEmployees(before: closedCutoff, on: $0).count },
                delete: { database in
                    let shredder = PersonalDataShredder(services: services)
                    for user in try await Self.removedEmployees(before: closedCutoff, on: database) { try await shredder.destroy(user, on: database) }
                }
            ),
        ]
    }

    static func closedAccounts(before cutoff: Date, on database: any Database) async throws -> [UUID] {
        try await Account.query(on: database).filter(\.$status == .closed).filter(\.$closedAt < cutoff).all().compactMap(\.id)
    }

    /// People in no company whose last removal from one (`employee.removed`, chained or pending) is before `cutoff`.
    static func removedEmployees(before cutoff: Date, on database: any Database) async throws -> [User] {
        let cutoffMilliseconds = Int64(cutoff.timeIntervalSince1970 * 1000)
        let event = AuditEvent.employeeRemoved.rawValue
        var latest: [String: Int64] = [:]
        for entry in try await AuditEntry.query(on: database).filter(\.$event == event).all() {
            latest[entry.subject] = max(latest[entry.subject] ?? 0, entry.atMilliseconds)
        }
        for entry in try await PendingAuditRecord.query(on: database).filter(\.$event == event).all() {
            latest[entry.subject] = max(latest[entry.subject] ?? 0, entry.atMilliseconds)
        }
        let candidates = latest.filter { $0.value < cutoffMilliseconds }.compactMap { UUID(uuidString: String($0.key.dropFirst("user:".count))) }
        guard !candidates.isEmpty else { return [] }
        let members = Set(try await Membership.query(on: database).filter(\.$user.$id ~~ candidates).all().map { $0.$user.id })
        return try await User.query(on: database).filter(\.$id ~~ candidates.filter { !members.contains($0) }).filter(\.$status != .destroyed).all()
    }
}
