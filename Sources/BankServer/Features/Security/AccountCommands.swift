import BankCore
import Fluent
import Vapor

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
        do {
            try await app.bank.unauthorisedUse.unblock(userID: userID, on: app.db)
        } catch let error as BankError where error.code == .accountNotSecurityBlocked {
            let status = try await User.find(userID, on: app.db)?.status.rawValue ?? "unknown"
            throw CommandFailure(
                message: "user \(userID) is not blocked after a §5.2 report (status \(status)); "
                    + "a data block (Law 94-V) is lifted only by an unblock privacy request"
            )
        }
        context.console.print("unblocked user \(userID)")
    }
}

struct AccountCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["unblock": AccountUnblockCommand()]
    let help = "Client account tools."
}
