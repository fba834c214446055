import BankServer
import Foundation

@main
enum Entrypoint {
    /// An operator command that fails (a tampered audit chain, a refused import) ends with its message and exit
    /// status 1, not a crash report.
    static func main() async {
        do {
            try await BizBank.main()
        } catch {
            FileHandle.standardError.write(Data("bizbank: \(error)\n".utf8))
            exit(1)
        }
    }
}
