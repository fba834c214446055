import Fluent
import Foundation

@testable import BankServer

extension TestHarness {
    /// Chains what is pending with the app's audit key, as the server does every 200 ms (and anchors the head).
    @discardableResult
    func chainAudit() async throws -> Int {
        try await AuditChainer.chainPending(on: db, keys: services.cipher.keys, logger: app.logger)
    }

    /// `AuditVerifier` with the app's keys, as `bizbank audit verify` runs it.
    func verifyAudit() async throws -> AuditVerifier.Finding {
        try await AuditVerifier.verify(on: db, keys: services.cipher.keys)
    }
}
