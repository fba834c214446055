import BankAPI
import BankCore
import Fluent
import Vapor

/// GET /api/v1/payments/{id}/receipt[?format=html]: the receipt of an executed order (issue 3), as JSON or as a
/// printable page in the reader's language. Only for members of the order's company.
enum ReceiptController {
    static func receipt(req: Request) async throws -> Reply<PaymentReceipt> {
        let (record, _) = try await req.bank.payments.order(try req.parameter(.paymentId), caller: try req.caller, on: req.db)
        guard [.executed, .sent, .settled, .returned].contains(record.status), let executedAt = record.executedAt else {
            throw BankError(status: .conflict, code: .paymentNotSignable)
        }
        guard let payer = try await Account.find(record.$payerAccount.id, on: req.db),
            let company = try await Company.find(record.$company.id, on: req.db)
        else { throw BankError.notFound }
        let receipt = PaymentReceipt(
            receiptNumber: "R-" + (record.ledgerTransactionID?.uuidString.prefix(13).uppercased() ?? "-"),
            executedAt: executedAt,
            status: record.status.rawValue,
            payerName: company.name,
            payerTaxId: try req.bank.companyIdentity.taxID(of: company),
            payerAccount: payer.iban,
            payerBic: req.bank.config.bankBIC,
            beneficiaryName: record.beneficiaryName,
            beneficiaryTaxId: record.beneficiaryTaxID,
            beneficiaryAccount: record.beneficiaryIBAN,
            beneficiaryBic: record.beneficiaryBIC,
            amount: Money(minorUnits: record.amount, currency: try Currency(code: record.currency)),
            knp: record.knp,
            purpose: record.purpose,
            documentNumber: record.number,
            contentHash: record.contentHash
        )
        guard req.query[String.self, at: "format"] == "html" else { return Reply(receipt) }
        return .page(Self.html(receipt, language: req.language, localizer: req.bank.localizer))
    }

    /// A self-contained, mobile-first page; every value is HTML-escaped.
    static func html(_ receipt: PaymentReceipt, language: Language, localizer: Localizer) -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let rows: [(String, String)] = [
            ("page.receipt.date", ISO8601DateFormatter().string(from: receipt.executedAt)),
            ("page.receipt.payer", "\(receipt.payerName), \(receipt.payerTaxId), \(receipt.payerAccount), \(receipt.payerBic)"),
            (
                "page.receipt.beneficiary",
                "\(receipt.beneficiaryName), \(receipt.beneficiaryTaxId), \(receipt.beneficiaryAccount), \(receipt.beneficiaryBic)"
            ),
            ("page.receipt.amount", "\(receipt.amount.decimalString) \(receipt.amount.currency.code)"),
            ("page.receipt.knp", receipt.knp),
            ("page.receipt.purpose", receipt.purpose),
            ("page.receipt.document_number", receipt.documentNumber),
            ("page.receipt.control_hash", receipt.contentHash),
        ]
        let body = rows.map { "<tr><th>\(e(localizer.text($0.0, language)))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n")
        let title = "\(localizer.text("page.receipt.title", language)) \(receipt.receiptNumber)"
        return HTMLPage(title: title, language: language, body: "<table>\n\(body)\n</table>").html
    }
}

extension PaymentReceipt: Content {}
