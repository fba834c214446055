import BankCore
import Fluent
import Vapor

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
