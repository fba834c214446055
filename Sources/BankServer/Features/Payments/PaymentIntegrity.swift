import Crypto
import Fluent
import Foundation

/// §5.1: detect distortion of electronic documents. At execution the audit log records the SHA-256 of the
/// whole order (every field, not only the ones the SMS code is bound to); the audit chain protects that record,
/// and `bizbank audit verify` recomputes the hash of every executed order and names any that changed.
enum PaymentIntegrity {
    static func documentHash(_ record: PaymentOrderRecord) -> String {
        let fields: [String] = [
            record.id?.uuidString ?? "-", record.$company.id.uuidString, record.$author.id.uuidString, record.$payerAccount.id.uuidString,
            record.number, record.documentDate, record.beneficiaryName, record.beneficiaryTaxID, record.beneficiaryIBAN, record.beneficiaryBIC,
            record.kbe, record.knp, record.purpose, String(record.amount), record.currency, record.valueDate, record.urgency, record.kind.rawValue,
            record.contentHash,
        ]
        let material = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(material.utf8)).hexString
    }

    enum Finding: Equatable, Sendable, CustomStringConvertible {
        case altered(paymentID: UUID)
        case unrecorded(paymentID: UUID)

        var description: String {
            switch self {
            case .altered(let id): "payment \(id) was changed after execution: its content does not match the hash recorded in the audit log"
            case .unrecorded(let id): "payment \(id) is executed but has no execution record in the audit log"
            }
        }
    }

    static func verify(on database: any Database) async throws -> [Finding] {
        let executedStatuses: [PaymentOrderRecord.Status] = [.executed, .sent, .settled, .returned]
        let records = try await PaymentOrderRecord.query(on: database).filter(\.$status ~~ executedStatuses).all()
        guard !records.isEmpty else { return [] }
        let entries = try await AuditEntry.query(on: database).filter(\.$event == "payment.executed").all()
        var recorded: [String: String] = [:]
        for entry in entries {
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
            if let hash = details["document_hash"] { recorded[entry.subject] = hash }
        }
        var findings: [Finding] = []
        for record in records {
            let id = try record.requireID()
            guard let hash = recorded["payment:\(id)"] else {
                findings.append(.unrecorded(paymentID: id))
                continue
            }
            if hash != documentHash(record) { findings.append(.altered(paymentID: id)) }
        }
        return findings
    }
}
