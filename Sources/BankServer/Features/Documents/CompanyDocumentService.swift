import BankCore
import Fluent
import Foundation

/// A company's photos of documents (§2.3.2 "uploading required documents", "adding a payment template"): on its
/// profile, attached to one of its payment orders, or the picture one of its templates was made from.
/// Company-scoped: another company's document, payment or template is `not_found`; viewers read only. Each call
/// takes the caller's membership as the company-scope tier loaded it (`req.membership`), not read again.
struct CompanyDocumentService: Sendable {
    let services: BankServices

    /// What an upload is attached to; both must belong to the same company.
    struct Target: Sendable {
        var paymentID: UUID?
        var templateID: UUID?
    }

    func upload(
        _ upload: DocumentIntake.Upload,
        membership: Membership,
        target: Target,
        caller: Caller,
        on database: any Database
    ) async throws -> StoredDocument {
        let intake = DocumentIntake(services: services)
        try await intake.admit(userID: caller.userID, on: database)
        try Self.writer(membership)
        let companyID = membership.$company.id
        let kind = try await check(target, companyID: companyID, on: database)
        let accepted = try intake.accept(upload, allowed: Set(DocumentFormat.allCases))
        let document = intake.newDocument(accepted, kind: kind, uploader: caller.userID)
        document.$company.id = companyID
        document.$payment.id = target.paymentID
        document.$template.id = target.templateID
        try await database.transaction { tx in
            try await DocumentVault(services: services).store(document, bytes: accepted.bytes, on: tx)
            try await AuditLog.record(
                .documentUploaded,
                actor: caller.userID,
                subject: .document(try document.requireID()),
                details: ["companyId": companyID.uuidString],
                at: services.clock.now(),
                on: tx
            )
        }
        return document
    }

    /// The company's document, for any member; another company's (or none) is `not_found`.
    func document(_ id: UUID, membership: Membership, on database: any Database) async throws -> StoredDocument {
        let companyID = membership.$company.id
        guard let document = try await StoredDocument.find(id, on: database), document.$company.id == companyID else {
            throw BankError.notFound
        }
        return document
    }

    func delete(_ id: UUID, membership: Membership, caller: Caller, on database: any Database) async throws {
        try Self.writer(membership)
        let companyID = membership.$company.id
        let document = try await document(id, membership: membership, on: database)
        try await database.transaction { tx in
            try await DocumentVault(services: services).remove(document, on: tx)
            try await AuditLog.record(
                .documentDeleted,
                actor: caller.userID,
                subject: .document(id),
                details: ["companyId": companyID.uuidString],
                at: services.clock.now(),
                on: tx
            )
        }
    }

    /// A member who may change the company's documents: anyone but a viewer.
    private static func writer(_ membership: Membership) throws {
        if membership.role == .viewer { throw BankError.forbidden }
    }

    /// The kind the target makes the upload; a payment or template of another company (or none) is `not_found`.
    private func check(_ target: Target, companyID: UUID, on database: any Database) async throws -> StoredDocument.Kind {
        switch (target.paymentID, target.templateID) {
        case (nil, nil):
            return .companyDocument
        case (let paymentID?, nil):
            guard let payment = try await PaymentOrderRecord.find(paymentID, on: database), payment.$company.id == companyID else {
                throw BankError.notFound
            }
            return .paymentAttachment
        case (nil, let templateID?):
            guard let template = try await PaymentTemplate.find(templateID, on: database), template.$company.id == companyID else {
                throw BankError.notFound
            }
            return .templatePicture
        case (.some, .some):
            throw BankError.validation([FieldViolation(field: "templateId", code: .oneTargetOnly)])
        }
    }
}
