import BankServer
import Foundation
import NIOCore
import NIOPosix

@main
enum Entrypoint {
    /// An operator command that fails (a tampered audit chain, a refused import) ends with its message and exit
    /// status 1, not a crash report.
    static func main() async {
        // Swift concurrency runs on NIO's event loops, so an async handler does not hop threads between the loop that
        // owns its connection and the concurrency pool (issue 15; measured in docs/BENCHMARKS.md). First, before any
        // other async work, as NIO requires.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            try await BizBank.main()
        } catch {
            FileHandle.standardError.write(Data("bizbank: \(error)\n".utf8))
            exit(1)
        }
    }
}
