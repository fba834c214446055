import Fluent
import Foundation

extension CompanyDocumentService {
    /// A page of the company's documents, newest first, by keyset on (upload time, id): page 1,000 costs what page 1
    /// does, and documents uploaded in the same millisecond are neither skipped nor repeated.
    struct Page: Sendable {
        var cursor: Cursor?
        var limit = 50
        var paymentID: UUID?
        var templateID: UUID?
    }

    /// The last document of the previous page, as `<milliseconds>.<id>`.
    struct Cursor: Sendable, Equatable {
        let milliseconds: Int64
        let id: UUID

        init(milliseconds: Int64, id: UUID) {
            self.milliseconds = milliseconds
            self.id = id
        }

        init?(_ text: String) {
            let parts = text.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let milliseconds = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
            self.init(milliseconds: milliseconds, id: id)
        }

        var text: String { "\(milliseconds).\(id.uuidString)" }
    }

    func list(membership: Membership, page: Page, on database: any Database) async throws -> ([StoredDocument], next: Cursor?) {
        let companyID = membership.$company.id
        let query = StoredDocument.query(on: database).filter(\.$company.$id == companyID)
        if let paymentID = page.paymentID { query.filter(\.$payment.$id == paymentID) }
        if let templateID = page.templateID { query.filter(\.$template.$id == templateID) }
        if let cursor = page.cursor {
            query.group(.or) { either in
                either.filter(\.$uploadedAtMilliseconds < cursor.milliseconds)
                either.group(.and) { $0.filter(\.$uploadedAtMilliseconds == cursor.milliseconds).filter(\.$id < cursor.id) }
            }
        }
        let rows = try await query.sort(\.$uploadedAtMilliseconds, .descending).sort(\.$id, .descending).limit(page.limit + 1).all()
        let items = Array(rows.prefix(page.limit))
        let next = rows.count > page.limit ? try items.last.map { Cursor(milliseconds: $0.uploadedAtMilliseconds, id: try $0.requireID()) } : nil
        return (items, next)
    }
}
