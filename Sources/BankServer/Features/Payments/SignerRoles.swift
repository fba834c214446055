import BankCore
import Fluent
import Foundation

/// The server side of `SigningRule`: signatures as stored, with the role each signer holds *now*, and the people
/// a document still waits for (issue 10; review L4: a removed or demoted signer's signature does not count).
enum SignerRoles {
    struct Stored: Sendable {
        let user: UUID
        let slot: String
    }

    static func signatures(_ stored: [Stored], companyID: UUID, on database: any Database) async throws -> [SigningRule.Signature] {
        let users = Set(stored.map(\.user))
        guard !users.isEmpty else { return [] }
        let memberships = try await Membership.query(on: database).filter(\.$company.$id == companyID).filter(\.$user.$id ~~ users).all()
        let roles = Dictionary(memberships.map { ($0.$user.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        // a slot that is not one of the rule's (never written) counts as no role: the signature does not count
        return stored.map { signature in
            let slot = SigningRule.Slot(rawValue: signature.slot)
            return SigningRule.Signature(
                signer: signature.user.uuidString,
                slot: slot ?? .first,
                currentRole: slot == nil ? nil : roles[signature.user]
            )
        }
    }

    /// The signatures that still count, as stored and as the rule sees them; a signature whose signer was since removed
    /// or moved out of its slot is deleted, which frees the slot (review L4). Orders and payroll alike.
    static func counting<Row: Model>(
        _ stored: [Row],
        user: (Row) -> UUID,
        slot: (Row) -> String,
        companyID: UUID,
        on database: any Database
    ) async throws -> (rows: [Row], signatures: [SigningRule.Signature]) {
        let seen = try await signatures(stored.map { Stored(user: user($0), slot: slot($0)) }, companyID: companyID, on: database)
        var rows: [Row] = []
        var counted: [SigningRule.Signature] = []
        for (row, signature) in zip(stored, seen) {
            if signature.currentRole.flatMap(SigningRule.slot(for:)) == signature.slot {
                rows.append(row)
                counted.append(signature)
            } else {
                try await row.delete(on: database)
            }
        }
        return (rows, counted)
    }

    /// The members who could still add a needed signature, less `excluding` (the one acting now, or the author).
    static func awaited(
        rule: SigningRule,
        signatures: [SigningRule.Signature],
        amount: Int64,
        author: UUID,
        companyID: UUID,
        excluding: Set<UUID>,
        on database: any Database
    ) async throws -> [UUID] {
        let signers = try await Membership.query(on: database).filter(\.$company.$id == companyID).filter(\.$role ~~ [.director, .accountant]).all()
        return signers.filter {
            !excluding.contains($0.$user.id)
                && rule.awaits(role: $0.role, signer: $0.$user.id.uuidString, signatures: signatures, amount: amount, author: author.uuidString)
        }.map(\.$user.id)
    }
}

/// `GET /companies/{id}/payments?awaiting=me`: the orders whose rule still needs the caller's signature.
enum PaymentAwaiting {
    static func filter(
        _ records: [PaymentOrderRecord],
        rule: SigningRule,
        membership: Membership,
        on database: any Database
    ) async throws -> [PaymentOrderRecord] {
        let signable = records.filter(\.status.isSignable)
        guard SigningRule.slot(for: membership.role) != nil, !signable.isEmpty else { return [] }
        let ids = try signable.map { try $0.requireID() }
        let stored = try await PaymentSignature.query(on: database).filter(\.$order.$id ~~ ids).all()
        let roles = Dictionary(
            try await Membership.query(on: database).filter(\.$company.$id == membership.$company.id).all().map { ($0.$user.id, $0.role) },
            uniquingKeysWith: { first, _ in first }
        )
        let me = membership.$user.id.uuidString
        return signable.filter { record in
            let signatures = stored.filter { $0.$order.id == record.id && $0.contentHash == record.contentHash }.map {
                SigningRule.Signature(
                    signer: $0.$user.id.uuidString,
                    slot: SigningRule.Slot(rawValue: $0.slot) ?? .first,
                    currentRole: SigningRule.Slot(rawValue: $0.slot) == nil ? nil : roles[$0.$user.id]
                )
            }
            return rule.awaits(role: membership.role, signer: me, signatures: signatures, amount: record.amount, author: record.$author.id.uuidString)
        }
    }
}
