import Fluent
import Prometheus
import SQLKit
import Vapor

/// Liveness, readiness (the database answers), Prometheus metrics and the OpenAPI document.
enum HealthController {
    static func live(req: Request) async throws -> [String: String] { ["status": "ok"] }

    static func ready(req: Request) async throws -> Reply<[String: String]> {
        var ok = false
        if let sql = req.db as? any SQLDatabase {
            ok = (try? await sql.raw("SELECT 1 AS one").first()) != nil
        }
        // Law 94-V art. 12: the declared residency of the database (`DataResidency`), "undeclared" in development
        let body = [
            "status": ok ? "ok" : "unavailable", "database": ok ? "reachable" : "unreachable",
            "dataResidency": req.bank.config.dataResidency ?? "undeclared",
        ]
        return Reply(body, status: ok ? .ok : .serviceUnavailable)
    }

    /// The registry is the one `configure` made; the route table passes it.
    static func metrics(req: Request, registry: PrometheusCollectorRegistry) async throws -> Response {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }

    static func openAPI(req: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources"),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw BankError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
