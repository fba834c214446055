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
/// Which key: a user's photo is sealed under that person's own subject key, like their name and IIN, so destroying
/// the person (crypto-shredding) leaves every copy unreadable, backups included. A company's documents belong to the
/// company, not to whoever uploaded them, and must stay readable to all its members, so they are sealed under the
/// system data key. Either way the associated data binds the ciphertext to its document id: sealed bytes copied into
/// another document's row fail to open.
struct DocumentVault: Sendable {
    let services: BankServices

    private func context(_ documentID: UUID) -> PersonalDataCipher.Context {
        .init(table: DocumentContent.schema, column: "sealed", row: documentID)
    }

    /// The key a document is sealed under: the photo's subject's own key, or the system data key.
    func key(for document: StoredDocument, on database: any Database) async throws -> SymmetricKey {
        guard let subject = document.photoOf else { return services.cipher.keys.systemData }
        guard let user = try await User.find(subject, on: database) else { throw BankError.notFound }
        return try services.cipher.unwrapSubjectKey(user.dataKey, for: subject)
    }

    /// Inserts the metadata row and the sealed bytes (inside the caller's transaction).
    func store(_ document: StoredDocument, bytes: [UInt8], on database: any Database) async throws {
        let id = try document.requireID()
        let content = DocumentContent()
        content.id = id
        content.sealed = try services.cipher.seal(Data(bytes), with: try await key(for: document, on: database), context: context(id))
        try await document.create(on: database)
        try await content.create(on: database)
    }

    /// The stored bytes, opened and checked against the SHA-256 recorded at upload.
    func bytes(of document: StoredDocument, on database: any Database) async throws -> Data {
        let id = try document.requireID()
        guard let content = try await DocumentContent.find(id, on: database) else { throw BankError.notFound }
        let plain = try services.cipher.open(content.sealed, with: try await key(for: document, on: database), context: context(id))
        guard SHA256.hash(data: plain).hexString == document.sha256 else { throw BankError.documentIntegrityFailed }
        return plain
    }

    /// Deletes the bytes and the metadata row (inside the caller's transaction).
    func remove(_ document: StoredDocument, on database: any Database) async throws {
        try await DocumentContent.query(on: database).filter(\.$id == (try document.requireID())).delete()
        try await document.delete(on: database)
    }

    /// Law 94-V art. 18, 24: everything a destroyed person uploaded — their photo and the documents — goes.
    func removeAll(uploadedBy userID: UUID, on database: any Database) async throws {
        let documents = try await StoredDocument.query(on: database).filter(\.$uploader.$id == userID).all()
        let ids = try documents.map { try $0.requireID() }
        guard !ids.isEmpty else { return }
        try await DocumentContent.query(on: database).filter(\.$id ~~ ids).delete()
        try await StoredDocument.query(on: database).filter(\.$id ~~ ids).delete()
    }
}

extension BankError {
    /// The opened bytes do not hash to what was recorded at upload: never served.
    static let documentIntegrityFailed = BankError(status: .internalServerError, code: .documentIntegrityFailed)
}
