import BankCore
import Fluent
import Vapor

/// `bizbank audit verify`: walks the hash chain and names the first altered or missing record (§5.1).
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Verifies the audit log's hash chain and names the first altered or missing record."

    func run(using context: CommandContext, signature: Signature) async throws {
        let chained = try await AuditChainer.chainPending(on: context.application.db)
        if chained > 0 { context.console.print("chained \(chained) pending audit record(s) first") }
        let finding = try await AuditVerifier.verify(on: context.application.db)
        context.console.print(finding.description)
        let documents = try await PaymentIntegrity.verify(on: context.application.db)
        for document in documents { context.console.print(document.description) }
        if case .intact = finding, documents.isEmpty {
            context.console.print("executed payment orders intact")
            return
        }
        throw CommandFailure(message: documents.isEmpty ? finding.description : "\(documents.count) executed payment order(s) changed")
    }
}

struct AuditCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["verify": AuditVerifyCommand()]
    let help = "Audit log tools."
}

/// `bizbank account unblock --phone +77…`: the bank lifts a §5.2 block after speaking to the client.
struct AccountUnblockCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "phone", help: "The client's phone number") var phone: String?
        @Option(name: "user", help: "The user id") var user: String?
    }

    let help = "Unblocks an account blocked after a report of unauthorised use (§5.2)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let userID: UUID
        if let raw = signature.user, let id = UUID(uuidString: raw) {
            userID = id
        } else if let raw = signature.phone, let phone = try? PhoneNumber(raw),
            let user = try await User.query(on: app.db).filter(\.$phoneIndex == app.bank.vault.phoneIndex(phone)).first(), let id = user.id
        {
            userID = id
        } else {
            throw CommandFailure(message: "give --phone of a known client or --user <uuid>")
        }
        try await app.bank.unauthorisedUse.unblock(userID: userID, on: app.db)
        context.console.print("unblocked user \(userID)")
    }
}

struct AccountCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["unblock": AccountUnblockCommand()]
    let help = "Client account tools."
}

/// `bizbank privacy purge [--dry-run]`: deletes what has outlived its retention and reports it by category.
struct PrivacyPurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Count what would be deleted, delete nothing") var dryRun: Bool
    }

    let help = "Deletes data past its retention period (§2.1, Law 94-V art. 18)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await RetentionJob(services: context.application.bank).run(dryRun: signature.dryRun, on: context.application.db)
        context.console.print((signature.dryRun ? "would delete: " : "deleted: ") + report.description)
    }
}

struct PrivacyCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["purge": PrivacyPurgeCommand(), "requests": PrivacyRequestsCommand()]
    let help = "Privacy-centre tools."
}

struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `bizbank ledger verify`: both ledger invariants over the whole database; names every breach.
struct LedgerVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Checks that every currency and transaction sums to zero and every balance equals its entries."

    func run(using context: CommandContext, signature: Signature) async throws {
        let breaches = try await LedgerVerifier.verify(on: context.application.db)
        guard breaches.isEmpty else {
            for breach in breaches { context.console.print("breach: \(breach)") }
            throw CommandFailure(message: "ledger has \(breaches.count) breach(es)")
        }
        context.console.print("ledger intact: every currency and transaction sums to zero; every balance equals its entries")
    }
}

struct LedgerCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["verify": LedgerVerifyCommand()]
    let help = "Ledger tools."
}

/// `bizbank clearing settle|return --payment <id> [--reason …]`: the clearing system's answer for a sent
/// interbank payment. `list` shows what is queued.
struct ClearingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "list, settle or return") var action: String
        @Option(name: "payment", help: "The payment order id") var payment: String?
        @Option(name: "reason", help: "Why it was returned") var reason: String?
    }

    let help = "Lists queued pacs.008 messages, or settles or returns one."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let clearing = ClearingService(services: app.bank)
        switch signature.action {
        case "list":
            for message in try await ClearingMessage.query(on: app.db).filter(\.$status == .queued).sort(\.$createdAt).all() {
                context.console.print("\(message.$payment.id) \(message.messageID)")
            }
        case "settle", "return":
            guard let raw = signature.payment, let id = UUID(uuidString: raw) else { throw CommandFailure(message: "give --payment <uuid>") }
            try await clearing.resolve(
                paymentID: id,
                signature.action == "settle" ? .settle : .returned(reason: signature.reason ?? "returned"),
                on: app.db
            )
            context.console.print("\(signature.action == "settle" ? "settled" : "returned") payment \(id)")
        default:
            throw CommandFailure(message: "action must be list, settle or return")
        }
    }
}
