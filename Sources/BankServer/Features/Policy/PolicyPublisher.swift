import BankAPI
import BankCore
import Fluent
import Foundation

/// §6.1: publishes a new policy edition with its kk / ru / en texts, effective date ("takes effect when published
/// unless it says otherwise") and last-updated date. Versions are assigned in order; an edition is never edited.
struct PolicyPublisher: Sendable {
    let services: BankServices

    func publish(_ request: PublishPolicyRequest, by actor: UUID?, on database: any Database) async throws -> PolicyEdition {
        var validator = FieldValidator()
        let title = validator.require("title", request.title, maxLength: 300)
        let kk = validator.require("textKk", request.textKk, maxLength: 200_000)
        let ru = validator.require("textRu", request.textRu, maxLength: 200_000)
        let en = validator.require("textEn", request.textEn, maxLength: 200_000)
        let lastUpdated = validator.parse("lastUpdated") { try CivilDate(request.lastUpdated) }
        let now = services.clock.now()
        let effectiveAt = request.effectiveAt ?? now
        if effectiveAt < now.addingTimeInterval(-60) { validator.add("effectiveAt", .inThePast) }
        try validator.throwIfInvalid()
        guard let title, let kk, let ru, let en, let lastUpdated else { throw BankError.malformedRequest }
        return try await database.transaction { tx in
            let latest = try await PolicyEdition.query(on: tx).sort(\.$version, .descending).first()
            let edition = PolicyEdition()
            edition.version = (latest?.version ?? 0) + 1
            edition.title = title
            edition.textKk = kk
            edition.textRu = ru
            edition.textEn = en
            edition.publishedAt = now
            edition.effectiveAt = effectiveAt
            edition.lastUpdated = lastUpdated.description
            try await edition.create(on: tx)
            try await AuditLog.record(
                .policyPublished,
                actor: actor,
                subject: .policy(edition.version),
                details: ["effective_at": ISO8601DateFormatter().string(from: effectiveAt)],
                at: now,
                on: tx
            )
            services.policyVersions.invalidate()
            return edition
        }
    }
}
