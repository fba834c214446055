import BankCore
import Fluent
import Vapor

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
