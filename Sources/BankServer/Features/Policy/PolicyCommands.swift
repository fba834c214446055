import BankAPI
import Foundation
import Vapor

/// `bizbank policy publish --title … --kk FILE --ru FILE --en FILE --last-updated YYYY-MM-DD [--effective ISO8601]` (§6.1).
struct PolicyPublishCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "title", help: "The edition's title") var title: String?
        @Option(name: "kk", help: "Kazakh text file (the authority)") var kk: String?
        @Option(name: "ru", help: "Russian text file") var ru: String?
        @Option(name: "en", help: "English text file") var en: String?
        @Option(name: "last-updated", help: "YYYY-MM-DD shown with the text") var lastUpdated: String?
        @Option(name: "effective", help: "ISO 8601 time it takes effect (default: now)") var effective: String?
    }

    let help = "Publishes a new edition of the privacy policy (kk / ru / en)."

    func run(using context: CommandContext, signature: Signature) async throws {
        func read(_ path: String?, _ flag: String) throws -> String {
            guard let path else { throw CommandFailure(message: "--\(flag) is required") }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        var effectiveAt: Date?
        if let effective = signature.effective {
            guard let date = ISO8601DateFormatter().date(from: effective) else { throw CommandFailure(message: "--effective must be ISO 8601") }
            effectiveAt = date
        }
        let request = PublishPolicyRequest(
            title: signature.title ?? "",
            textKk: try read(signature.kk, "kk"),
            textRu: try read(signature.ru, "ru"),
            textEn: try read(signature.en, "en"),
            effectiveAt: effectiveAt,
            lastUpdated: signature.lastUpdated ?? ""
        )
        do {
            let edition = try await PolicyPublisher(services: context.application.bank).publish(request, by: nil, on: context.application.db)
            context.console.print(
                "published policy edition \(edition.version), effective \(ISO8601DateFormatter().string(from: edition.effectiveAt))"
            )
        } catch let error as BankError {
            let fields = error.fields.map { "\($0.field): \($0.code.rawValue)" }.joined(separator: ", ")
            throw CommandFailure(message: "\(error.code) \(fields)")
        }
    }
}

struct PolicyCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["publish": PolicyPublishCommand()]
    let help = "Privacy policy editions."
}
