import BankCore
import Fluent
import Vapor

/// `bizbank audit verify`: walks the keyed hash chain and names the first altered or missing record, or a chain
/// cut short of its newest signed anchor (§5.1).
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Verifies the audit log's keyed hash chain against its signed anchor and names the first altered or missing record."

    func run(using context: CommandContext, signature: Signature) async throws {
        let keys = context.application.bank.cipher.keys
        let chained = try await AuditChainer.chainPending(on: context.application.db, keys: keys, logger: context.application.logger)
        if chained > 0 { context.console.print("chained \(chained) pending audit record(s) first") }
        let finding = try await AuditVerifier.verify(on: context.application.db, keys: keys)
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
