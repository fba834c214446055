import BankAPI
import BankCore
import Fluent
import Vapor

/// GET /api/v1/accounts/{id}/statement/export?format=csv|1c&encoding=utf8|windows1251&from=&to=
/// The statement of a date range as a file for accountants, company-scoped like every account read.
enum StatementExportController {
    static let maximumEntries = 100_000

    static func export(req: Request) async throws -> Response {
        let (account, _) = try await CompanyAccess.account(try req.parameter(.accountId), userID: try req.caller.userID, on: req.db)
        var validator = FieldValidator()
        let format = req.query[String.self, at: "format"] ?? "csv"
        if !["csv", "1c"].contains(format) { validator.add("format", .invalidValue) }
        let encoding = StatementExport.Encoding(rawValue: req.query[String.self, at: "encoding"] ?? "utf8")
        if encoding == nil { validator.add("encoding", .invalidValue) }
        try validator.throwIfInvalid()
        let query = try StatementQuery(from: req)
        let (header, lines) = try await build(account: account, query: query, services: req.bank, on: req.db)
        let bytes: [UInt8]
        var headers = HTTPHeaders()
        let stamp = "\(header.from)_\(header.to)"
        if format == "csv" {
            bytes = StatementExport.csv(header, lines)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"statement_\(account.iban)_\(stamp).csv\"")
        } else {
            let encoding = encoding ?? .utf8
            bytes = StatementExport.oneC(header, lines, encoding: encoding, createdAt: req.bank.clock.now())
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": encoding == .utf8 ? "utf-8" : "windows-1251"])
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"kl_to_1c_\(account.iban)_\(stamp).txt\"")
        }
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// The lines of the range, oldest first, each with its counterparty: the other side of a payment order,
    /// or the bank for its own movements (funding, payroll, clearing).
    static func build(
        account: Account,
        query: StatementQuery,
        services: BankServices,
        on database: any Database
    ) async throws -> (ExportHeader, [ExportLine]) {
        let currency = try Currency(code: account.currency)
        let accountID = try account.requireID()
        var entriesQuery = LedgerEntry.query(on: database).filter(\.$account.$id == accountID).with(\.$transaction)
        if let from = query.from { entriesQuery = entriesQuery.filter(\.$createdAt >= from) }
        if let to = query.to { entriesQuery = entriesQuery.filter(\.$createdAt < to) }
        let entries = try await entriesQuery.sort(\.$seq, .ascending).limit(Self.maximumEntries + 1).all()
        // never a silently shortened statement (issue 10): a period with more entries is refused, with a narrower one to ask
        guard entries.count <= Self.maximumEntries else {
            throw BankError.validation([
                FieldViolation(field: "from", code: .statementTooLarge), FieldViolation(field: "to", code: .statementTooLarge),
            ])
        }
        let company = try await account.$company.get(on: database)
        var lines: [ExportLine] = []
        for entry in entries {
            var line = ExportLine(
                documentNumber: String(entry.$transaction.id.uuidString.prefix(8)),
                date: Self.day(entry.createdAt),
                isDebit: entry.amount < 0,
                amount: Money(minorUnits: abs(entry.amount), currency: currency),
                counterpartyName: services.config.operatorName,
                counterpartyTaxID: services.config.operatorBIN,
                counterpartyIBAN: "",
                counterpartyBIC: services.config.bankBIC,
                knp: "",
                purpose: entry.transaction.description,
                balanceAfter: Money(minorUnits: entry.balanceAfter, currency: currency)
            )
            let reference = entry.transaction.reference
            if reference.hasPrefix("payment:"), let id = UUID(uuidString: String(reference.dropFirst(8))),
                let order = try await PaymentOrderRecord.find(id, on: database)
            {
                (line.documentNumber, line.knp, line.purpose) = (order.number, order.knp, order.purpose)
                if line.isDebit {
                    (line.counterpartyName, line.counterpartyTaxID) = (order.beneficiaryName, order.beneficiaryTaxID)
                    (line.counterpartyIBAN, line.counterpartyBIC) = (order.beneficiaryIBAN, order.beneficiaryBIC)
                } else if let payerCompany = try await Company.find(order.$company.id, on: database),
                    let payer = try await Account.find(order.$payerAccount.id, on: database)
                {
                    let payerTaxID = try services.companyIdentity.taxID(of: payerCompany)
                    (line.counterpartyName, line.counterpartyTaxID, line.counterpartyIBAN) = (payerCompany.name, payerTaxID, payer.iban)
                }
            }
            lines.append(line)
        }
        let opening: Int64
        if let first = entries.first {
            opening = first.balanceAfter - first.amount
        } else if let from = query.from {
            opening =
                try await LedgerEntry.query(on: database).filter(\.$account.$id == accountID).filter(\.$createdAt < from)
                .sort(\.$seq, .descending).first()?.balanceAfter ?? 0
        } else {
            opening = account.balance
        }
        let header = ExportHeader(
            iban: account.iban,
            holderName: company?.name ?? "",
            holderTaxID: try company.map { try services.companyIdentity.taxID(of: $0) } ?? "",
            bankBIC: services.config.bankBIC,
            currency: currency,
            from: query.from.map(Self.day) ?? entries.first.map { Self.day($0.createdAt) } ?? Self.day(services.clock.now()),
            to: query.to.map { Self.day($0.addingTimeInterval(-1)) } ?? Self.day(services.clock.now()),
            opening: Money(minorUnits: opening, currency: currency),
            closing: Money(minorUnits: entries.last?.balanceAfter ?? opening, currency: currency)
        )
        return (header, lines)
    }

    /// The Kazakhstan (UTC+5) day of an entry (issue 10).
    static func day(_ date: Date) -> String { CivilDay.text(of: date) }
}
