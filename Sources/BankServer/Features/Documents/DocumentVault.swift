import Crypto
import Fluent
import Foundation

/// Stores, reads and removes the bytes of §2.3.2 photos and documents, sealed with AES-GCM (§5.1).
///
/// Where: in the database (`document_contents.sealed`, BLOB on SQLite, bytea on PostgreSQL), not in files under
/// `BIZBANK_DATA_DIR`. The server is stateless and runs as several processes on several machines (ARCHITECTURE.md);
/// only the database is shared by all of them, and a row is written, replicated, backed up and deleted in the same
/// transaction as its metadata and audit record, so no file can be orphaned or outlive its row. Ten megabytes is
/// far inside both limits (bytea 1 GB, SQLite's default maximum 1,000,000,000 bytes), and metadata sits in its own
/// table, so lists never read the bytes.
///
/// Which key: a user's photo is sealed under that person's own subject key, like their name and IIN, in the key-id
/// envelope (`PersonVault.seal`). Destroying the person deletes that key from `person_keys`, so the photo's bytes
/// cannot be opened from the live database, nor from a copy taken before, once the key table it is opened against
/// no longer holds the key or the master key version that wrapped the copy's keys has been retired
/// (`bizbank keys rotate`). A backup that holds both its own key table and a master key still configured can still
/// open it: rotating the master key after a destruction closes that. A company's documents belong to the company,
/// not to whoever uploaded them, and must stay readable to all its members, so they are sealed under the system
/// data key and stay when their uploader is destroyed. Either way the associated data binds the ciphertext to its document id: sealed bytes copied into
/// another document's row fail to open.
struct DocumentVault: Sendable {
    let services: BankServices

    private func context(_ documentID: UUID) -> PersonalDataCipher.Context {
        .init(table: DocumentContent.schema, column: "sealed", row: documentID)
    }

    /// Seals a document's bytes: a photo under its subject's own key (with the key id), else the system data key.
    private func seal(_ bytes: Data, of document: StoredDocument, on database: any Database) async throws -> Data {
        let id = try document.requireID()
        if let subject = document.photoOf { return try await services.vault.seal(bytes, of: subject, context: context(id), on: database) }
        return try services.cipher.seal(bytes, with: services.cipher.keys.systemData, context: context(id))
    }

    /// Inserts the metadata row and the sealed bytes (inside the caller's transaction).
    func store(_ document: StoredDocument, bytes: [UInt8], on database: any Database) async throws {
        let id = try document.requireID()
        let content = DocumentContent()
        content.id = id
        content.sealed = try await seal(Data(bytes), of: document, on: database)
        try await document.create(on: database)
        try await content.create(on: database)
    }

    /// The stored bytes, opened and checked against the SHA-256 recorded at upload.
    func bytes(of document: StoredDocument, on database: any Database) async throws -> Data {
        let id = try document.requireID()
        guard let content = try await DocumentContent.find(id, on: database) else { throw BankError.notFound }
        let plain: Data
        if let subject = document.photoOf {
            plain = try await services.vault.open(content.sealed, of: subject, context: context(id), on: database)
        } else {
            plain = try services.cipher.open(content.sealed, with: services.cipher.keys.systemData, context: context(id))
        }
        guard SHA256.hash(data: plain).hexString == document.sha256 else { throw BankError.documentIntegrityFailed }
        return plain
    }

    /// Deletes the bytes and the metadata row (inside the caller's transaction).
    func remove(_ document: StoredDocument, on database: any Database) async throws {
        try await DocumentContent.query(on: database).filter(\.$id == (try document.requireID())).delete()
        try await document.delete(on: database)
    }

    /// Law 94-V art. 18, 24: a destroyed person's own photo goes, bytes and metadata. The company documents they
    /// uploaded stay with the company: their `uploaded_by` keeps pointing at the destroyed user row, which no longer
    /// identifies anyone (like the payment orders they signed).
    func removePhoto(of userID: UUID, on database: any Database) async throws {
        let ids = try await StoredDocument.query(on: database).filter(\.$photoOf == userID).all().map { try $0.requireID() }
        guard !ids.isEmpty else { return }
        try await DocumentContent.query(on: database).filter(\.$id ~~ ids).delete()
        try await StoredDocument.query(on: database).filter(\.$id ~~ ids).delete()
    }
}

extension BankError {
    /// The opened bytes do not hash to what was recorded at upload: never served.
    static let documentIntegrityFailed = BankError(status: .internalServerError, code: .documentIntegrityFailed)
}
