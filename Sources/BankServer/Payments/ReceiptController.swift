import BankAPI
import BankCore
import Fluent
import Vapor

/// GET /api/v1/payments/{id}/receipt[?format=html]: the receipt of an executed order (issue 3), as JSON or as a
/// printable page in the reader's language. Only for members of the order's company.
struct ReceiptController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(Endpoints.Statements.getPaymentReceipt, use: receipt)
    }

    func receipt(req: Request) async throws -> Reply<PaymentReceipt> {
        let (record, _) = try await req.bank.payments.order(try req.uuidParameter("paymentId"), caller: try req.caller, on: req.db)
        guard [.executed, .sent, .settled, .returned].contains(record.status), let executedAt = record.executedAt else {
            throw BankError(status: .conflict, code: "payment_not_signable")
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
        return .page(Self.html(receipt, language: req.language))
    }

    static let labels: [Language: [String]] = [
        .kk: ["Төлем түбіртегі", "Күні", "Төлеуші", "Алушы", "Сомасы", "ТМК", "Төлем мақсаты", "Құжат №", "Бақылау хэші"],
        .ru: ["Квитанция о платеже", "Дата", "Плательщик", "Получатель", "Сумма", "КНП", "Назначение платежа", "Документ №", "Контрольный хэш"],
        .en: ["Payment receipt", "Date", "Payer", "Beneficiary", "Amount", "KNP", "Purpose", "Document No.", "Control hash"],
    ]

    /// A self-contained, mobile-first page; every value is HTML-escaped.
    static func html(_ receipt: PaymentReceipt, language: Language) -> String {
        let l = labels[language] ?? labels[.kk] ?? []
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let rows: [(String, String)] = [
            (l[1], ISO8601DateFormatter().string(from: receipt.executedAt)),
            (l[2], "\(receipt.payerName), \(receipt.payerTaxId), \(receipt.payerAccount), \(receipt.payerBic)"),
            (l[3], "\(receipt.beneficiaryName), \(receipt.beneficiaryTaxId), \(receipt.beneficiaryAccount), \(receipt.beneficiaryBic)"),
            (l[4], "\(receipt.amount.decimalString) \(receipt.amount.currency.code)"), (l[5], receipt.knp), (l[6], receipt.purpose),
            (l[7], receipt.documentNumber), (l[8], receipt.contentHash),
        ]
        let body = rows.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(l[0])) \(e(receipt.receiptNumber))</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:40rem}th{text-align:left;padding-right:1rem;vertical-align:top}td{word-break:break-all}</style>
            </head><body><h1>\(e(l[0])) \(e(receipt.receiptNumber))</h1><table>
            \(body)
            </table></body></html>
            """
    }
}

extension PaymentReceipt: Content {}
