import BankCore
import Fluent
import Foundation

/// §2.3.2 "showing the user's photo in the App": one photo per person, JPEG or PNG, metadata removed, sealed under
/// the person's own key; only that person reads, replaces or deletes it.
struct PhotoService: Sendable {
    let services: BankServices

    /// Stores the photo, replacing the one before; returns it and whether it is the first.
    func put(_ upload: DocumentIntake.Upload, caller: Caller, on database: any Database) async throws -> (StoredDocument, created: Bool) {
        let intake = DocumentIntake(services: services)
        try await intake.admit(userID: caller.userID, on: database)
        let accepted = try intake.accept(upload, allowed: [.jpeg, .png])
        let document = intake.newDocument(accepted, kind: .userPhoto, uploader: caller.userID)
        document.photoOf = caller.userID
        let vault = DocumentVault(services: services)
        // Two uploads at once: the unique photo_of lets one win; the other is told to retry rather than failing hard.
        let replaced = try await Self.conflictOnDuplicate {
            try await database.transaction { tx in
                let previous = try await photo(of: caller.userID, on: tx)
                if let previous {
                    try await vault.remove(previous, on: tx)
                    try await audit(.photoDeleted, previous, caller: caller, on: tx)
                }
                try await vault.store(document, bytes: accepted.bytes, on: tx)
                try await audit(.photoUploaded, document, caller: caller, on: tx)
                return previous != nil
            }
        }
        return (document, !replaced)
    }

    func photo(of userID: UUID, on database: any Database) async throws -> StoredDocument? {
        try await StoredDocument.query(on: database).filter(\.$photoOf == userID).first()
    }

    func delete(caller: Caller, on database: any Database) async throws {
        try await database.transaction { tx in
            guard let photo = try await photo(of: caller.userID, on: tx) else { throw BankError.notFound }
            try await DocumentVault(services: services).remove(photo, on: tx)
            try await audit(.photoDeleted, photo, caller: caller, on: tx)
        }
    }

    /// §2.3.2: withdrawing the `camera_media` consent removes the photo taken under it, inside the withdrawal's
    /// transaction; the company's documents the person uploaded stay (they belong to the company).
    func removeOnWithdrawal(userID: UUID, on database: any Database) async throws {
        guard let photo = try await photo(of: userID, on: database) else { return }
        try await DocumentVault(services: services).remove(photo, on: database)
        try await AuditLog.record(
            .photoDeleted,
            actor: userID,
            subject: .document(try photo.requireID()),
            details: ["reason": "consent_withdrawn"],
            at: services.clock.now(),
            on: database
        )
    }

    private static func conflictOnDuplicate<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw BankError.conflict
        }
    }

    private func audit(_ event: AuditEvent, _ photo: StoredDocument, caller: Caller, on database: any Database) async throws {
        try await AuditLog.record(event, actor: caller.userID, subject: .document(try photo.requireID()), at: services.clock.now(), on: database)
    }
}
