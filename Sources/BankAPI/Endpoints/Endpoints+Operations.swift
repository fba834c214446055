import Foundation

extension Endpoints {
    /// Probes, metrics and the API description, outside `/api/v1`.
    public enum Operations {
        /// Liveness: `{"status": "ok"}`.
        public static let getHealthLive = Endpoint<NoParameters, NoBody, [String: String]>("getHealthLive", .GET, "/health/live", auth: .public)
        /// Readiness: `status` and `database`; 503 with the same shape when the database does not answer.
        public static let getHealthReady = Endpoint<NoParameters, NoBody, [String: String]>("getHealthReady", .GET, "/health/ready", auth: .public)
        /// The Prometheus text exposition format (`text/plain; version=0.0.4`).
        public static let getMetrics = Endpoint<NoParameters, NoBody, NoContent>("getMetrics", .GET, "/metrics", auth: .public)
        /// This API's OpenAPI document as YAML bytes (`application/yaml`).
        public static let getOpenAPIDocument = Endpoint<NoParameters, NoBody, NoContent>(
            "getOpenAPIDocument",
            .GET,
            "/api/openapi.yaml",
            auth: .public
        )
    }
}
