import BankCore
import Fluent
import Vapor

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
