import Vapor

/// `bizbank branches import FILE.csv`: creates or updates branches by code from a CSV (`BranchCSV`), all or nothing.
/// Errors are printed with their line numbers and nothing is written.
struct BranchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV file (header line first)") var file: String
    }

    let help = "Imports branches and ATMs from a CSV file (upsert by branch code; all or nothing)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "cannot read \(signature.file) as UTF-8 text")
        }
        switch BranchCSV.parse(text, bankName: app.bank.config.operatorName) {
        case .failure(let error):
            let lines = error.fields.map { "\($0.field): \($0.code.rawValue) (\(app.bank.localizer.text("field.\($0.code.rawValue)", .en)))" }
            throw CommandFailure(message: (lines + ["\(lines.count) error(s) in \(signature.file); nothing imported"]).joined(separator: "\n"))
        case .success(let drafts):
            let (created, updated) = try await BranchCatalog(services: app.bank).upsert(drafts, by: nil, on: app.db)
            context.console.print("imported \(drafts.count) branches from \(signature.file): \(created) created, \(updated) updated")
        }
    }
}

struct BranchCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["import": BranchImportCommand()]
    let help = "Branches and ATMs (§2.3.1)."
}
