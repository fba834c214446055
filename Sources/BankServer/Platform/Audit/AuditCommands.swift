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
