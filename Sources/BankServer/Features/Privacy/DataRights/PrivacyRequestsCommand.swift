import Fluent
import Foundation
import Vapor

/// `bizbank privacy requests [--complete ID | --refuse ID --reason TEXT]`: the responsible person's work queue
/// (Law 94-V art. 25). Without options it lists open requests, nearest deadline first.
struct PrivacyRequestsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "complete", help: "Carry out the request with this id") var complete: String?
        @Option(name: "refuse", help: "Refuse the request with this id (needs --reason)") var refuse: String?
        @Option(name: "reason", help: "The reasoned refusal shown to the subject") var reason: String?
    }

    let help = "Lists, completes or refuses privacy requests: block, unblock, destroy, information, correction (Law 94-V art. 24–25, §4.1)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let service = PrivacyRequestService(services: app.bank)
        let handler = PrivacyRequestService.Handler(staffID: nil, role: "operator_cli")
        do {
            if let raw = signature.complete {
                let request = try await service.complete(try Self.id(raw), by: handler, on: app.db)
                context.console.print("completed \(request.kind.rawValue) request \(raw)")
            } else if let raw = signature.refuse {
                let request = try await service.refuse(try Self.id(raw), reason: signature.reason ?? "", by: handler, on: app.db)
                context.console.print("refused \(request.kind.rawValue) request \(raw)")
            } else {
                let open = try await PrivacyRequest.query(on: app.db).filter(\.$status == .received).sort(\.$dueAt).all()
                let formatter = ISO8601DateFormatter()
                for request in open {
                    let overdue = request.dueAt < app.bank.clock.now() ? "  OVERDUE" : ""
                    context.console.print(
                        "\(try request.requireID())  \(request.kind.rawValue)  user \(request.$user.id)  due \(formatter.string(from: request.dueAt))\(overdue)"
                    )
                }
                context.console.print("\(open.count) open request(s)")
            }
        } catch let error as BankError {
            throw CommandFailure(message: error.code.rawValue + error.fields.map { " \($0.field): \($0.code.rawValue)" }.joined())
        }
    }

    private static func id(_ raw: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else { throw CommandFailure(message: "not a request id: \(raw)") }
        return id
    }
}
