import BankAPI
import Foundation

/// Files both ways: statement exports, receipts and documents down; photos and documents up, each as the raw bytes
/// with their media type (the server takes no multipart and no base64).
extension BankClient {
    public enum StatementFormat: String, Sendable {
        case csv
        /// The 1C exchange text (docs/DOMAIN.md).
        case oneC = "1c"
    }

    /// A statement file for the days `from`…`to` (Kazakhstan dates, `yyyy-MM-dd`).
    public func statementFile(
        account: UUID,
        format: StatementFormat,
        from: String? = nil,
        to: String? = nil,
        windows1251: Bool = false
    )
        async throws -> Data
    {
        var query = [URLQueryItem(name: "format", value: format.rawValue)]
        if let from { query.append(URLQueryItem(name: "from", value: from)) }
        if let to { query.append(URLQueryItem(name: "to", value: to)) }
        if windows1251 { query.append(URLQueryItem(name: "encoding", value: "windows1251")) }
        return try await download(Endpoints.Statements.exportStatement, account, body: NoBody(), options: Options(query: query))
    }

    /// The printable receipt page of an executed order (HTML).
    public func receiptPage(payment: UUID) async throws -> Data {
        let query = [URLQueryItem(name: "format", value: "html")]
        return try await download(Endpoints.Statements.getPaymentReceipt, payment, body: NoBody(), options: Options(query: query))
    }

    /// A company document's bytes.
    public func documentContent(company: UUID, document: UUID) async throws -> Data {
        try await download(Endpoints.Documents.downloadCompanyDocument, IDPair(company, document), body: NoBody())
    }

    /// §2.3.2: uploads a photo or scan (JPEG, PNG or PDF) to the company, optionally attached to an order or a template.
    /// Needs the `camera_media` consent, which the server checks too.
    public func uploadDocument(
        company: UUID,
        data: Data,
        contentType: String,
        payment: UUID? = nil,
        template: UUID? = nil
    ) async throws -> DocumentView {
        var options = Options()
        if let payment { options.query.append(URLQueryItem(name: "paymentId", value: payment.uuidString)) }
        if let template { options.query.append(URLQueryItem(name: "templateId", value: template.uuidString)) }
        options.file = (data, contentType)
        return try await send(Endpoints.Documents.uploadCompanyDocument, company, body: NoBody(), options: options)
    }

    /// §2.3.2: the person's own photo, shown in the app.
    public func uploadPhoto(data: Data, contentType: String) async throws -> DocumentView {
        var options = Options()
        options.file = (data, contentType)
        return try await send(Endpoints.Documents.putMyPhoto, NoParameters(), body: NoBody(), options: options)
    }
}
