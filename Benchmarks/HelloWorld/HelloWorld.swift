import Vapor

// The framework's own ceiling for docs/BENCHMARKS.md (issue 15): a bare Vapor 4 application with one route and
// Vapor's default middleware, built in release and loaded by `Benchmarks/run-transfer-benchmark.sh` with the same
// wrk settings as the server's `GET /health/live`, so "ours / hello-world" compares like with like.
//
//   HelloWorld --port 8083
@main
enum HelloWorld {
    static func main() async throws {
        var arguments = CommandLine.arguments
        let port = arguments.firstIndex(of: "--port").flatMap { Int(arguments[$0 + 1]) } ?? 8083
        arguments = [arguments[0], "serve", "--hostname", "127.0.0.1", "--port", String(port)]
        var environment = Environment(name: "production", arguments: arguments)
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        app.get { _ in "Hello, world!" }
        try await app.execute()
        try await app.asyncShutdown()
    }
}
