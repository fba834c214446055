import BankCore
import Fluent
import Foundation

/// One exported statement line, seen from the account holder, with the counterparty of the movement.
struct ExportLine: Sendable {
    var documentNumber: String
    var date: String  // YYYY-MM-DD
    var isDebit: Bool
    var amount: Money
    var counterpartyName: String
    var counterpartyTaxID: String
    var counterpartyIBAN: String
    var counterpartyBIC: String
    var knp: String
    var purpose: String
    var balanceAfter: Money
}

struct ExportHeader: Sendable {
    var iban: String
    var holderName: String
    var holderTaxID: String
    var bankBIC: String
    var currency: Currency
    var from: String
    var to: String
    var opening: Money
    var closing: Money
}

/// Statement exports for accountants: CSV (RFC 4180) and 1CClientBankExchange with the Kazakh field set.
enum StatementExport {
    /// UTF-8 with a BOM (so spreadsheet programs read Cyrillic), CRLF, quoted where needed; a text cell starting
    /// with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
    static func csv(_ header: ExportHeader, _ lines: [ExportLine]) -> [UInt8] {
        var rows = [
            ["date", "document", "direction", "amount", "currency", "counterparty", "bin_iin", "iban", "bic", "knp", "purpose", "balance_after"]
        ]
        for line in lines {
            rows.append([
                line.date, line.documentNumber, line.isDebit ? "debit" : "credit", line.amount.decimalString, header.currency.code,
                line.counterpartyName,
                line.counterpartyTaxID, line.counterpartyIBAN, line.counterpartyBIC, line.knp, line.purpose, line.balanceAfter.decimalString,
            ])
        }
        let numeric: Set<Int> = [3, 11]
        let text =
            rows.map { row in
                row.enumerated().map { index, cell in csvCell(cell, guardFormula: !numeric.contains(index)) }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// A text cell that no spreadsheet reads as a formula (review M9): ru-/kk-locale Excel splits on `;`, others on
    /// `,` or a tab, so every piece that would start a field after any of those separators is guarded, not only the
    /// cell's first character.
    static func csvCell(_ raw: String, guardFormula: Bool) -> String {
        var cell = raw
        if guardFormula {
            var guarded = ""
            var startsField = true
            for character in cell {
                if startsField, "=+-@\t\r".contains(character) { guarded.append("'") }
                guarded.append(character)
                startsField = ",;\t".contains(character) || (startsField && character == " ")
            }
            cell = guarded
        }
        if cell.contains(where: { ",\"\r\n".contains($0) }) { return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return cell
    }

    enum Encoding: String, Sendable { case utf8, windows1251 }

    /// 1CClientBankExchange (DOMAIN.md), `key=value` lines with CRLF; values never contain a line break.
    static func oneC(_ header: ExportHeader, _ lines: [ExportLine], encoding: Encoding, createdAt: Date) -> [UInt8] {
        var out: [String] = [
            "1CClientBankExchange", "ВерсияФормата=1.02", "Кодировка=\(encoding == .utf8 ? "UTF8" : "Windows")", "Отправитель=BizBank",
        ]
        let (createdDate, createdTime) = localDateTime(createdAt)
        out += ["Получатель=1С", "ДатаСоздания=\(createdDate)", "ВремяСоздания=\(createdTime)", "ДатаНачала=\(oneCDate(header.from))"]
        out += ["ДатаКонца=\(oneCDate(header.to))", "РасчСчет=\(header.iban)", "СекцияРасчСчет", "ДатаНачала=\(oneCDate(header.from))"]
        let credited = lines.filter { !$0.isDebit }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let debited = lines.filter(\.isDebit).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        out += [
            "ДатаКонца=\(oneCDate(header.to))", "РасчСчет=\(header.iban)", "НачальныйОстаток=\(header.opening.decimalString)",
            "ВсегоПоступило=\(Money(minorUnits: credited, currency: header.currency).decimalString)",
            "ВсегоСписано=\(Money(minorUnits: debited, currency: header.currency).decimalString)", "КонечныйОстаток=\(header.closing.decimalString)",
            "КонецРасчСчет",
        ]
        for line in lines {
            let holder = (name: header.holderName, taxID: header.holderTaxID, iban: header.iban, bic: header.bankBIC)
            let other = (name: line.counterpartyName, taxID: line.counterpartyTaxID, iban: line.counterpartyIBAN, bic: line.counterpartyBIC)
            let (payer, payee) = line.isDebit ? (holder, other) : (other, holder)
            out += [
                "СекцияДокумент=Платежное поручение", "НомерДокумента=\(line.documentNumber)", "ДатаДокумента=\(oneCDate(line.date))",
                "ВидДокумента=01", "ДатаОперации=\(oneCDate(line.date))", "ПлательщикНаименование=\(payer.name)", "ПлательщикБИН_ИИН=\(payer.taxID)",
                "ПлательщикИИК=\(payer.iban)", "ПлательщикБанкБИК=\(payer.bic)", "ПолучательНаименование=\(payee.name)",
                "ПолучательБИН_ИИН=\(payee.taxID)",
                "ПолучательИИК=\(payee.iban)", "ПолучательБанкБИК=\(payee.bic)",
                (line.isDebit ? "СуммаРасход=" : "СуммаПриход=") + line.amount.decimalString, "Сумма=\(line.amount.decimalString)",
                "НазначениеПлатежа=\(line.purpose)", "КодНазначенияПлатежа=\(line.knp)", "ДатаВалютирования=\(oneCDate(line.date))",
                "Валюта=\(header.currency.code)", "КонецДокумента",
            ]
        }
        out.append("КонецФайла")
        // A value with a line break could forge a key: line breaks inside values become spaces.
        let text =
            out.map { $0.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\r\n") + "\r\n"
        return encoding == .utf8 ? Array(text.utf8) : Windows1251.encode(text)
    }

    /// YYYY-MM-DD → dd.MM.yyyy
    static func oneCDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : iso
    }

    /// Local (Kazakhstan, UTC+5) date and time for the file header.
    static func localDateTime(_ date: Date) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (
            String(format: "%02d.%02d.%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0),
            String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        )
    }
}
