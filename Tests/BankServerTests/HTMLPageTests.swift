import BankAPI
import BankCore
import Foundation
import Testing

@testable import BankServer

/// The server's printable pages (receipt, policy, data export, breach notice) share one layout and take every
/// label from the localisation table.
@Suite("Server HTML pages")
struct HTMLPageTests {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BankServer")

    /// Labels that are the same word in Kazakh and Russian; they must still differ from the English one.
    private static let sameInKazakhAndRussian: Set = ["page.export.profile", "page.breach.operator", "page.breach.phone"]

    private static func pageEntries() throws -> [String: [String: String]] {
        let url = sources.appendingPathComponent("Resources/Localization/messages.json")
        let table = try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: url))
        return table.filter { $0.key.hasPrefix("page.") }
    }

    @Test func everyPageLabel_hasThreeNonEmptyTexts_differentPerLanguage() throws {
        let entries = try Self.pageEntries()
        #expect(entries.count > 40)
        for (key, texts) in entries.sorted(by: { $0.key < $1.key }) {
            let kk = texts["kk"] ?? ""
            let ru = texts["ru"] ?? ""
            let en = texts["en"] ?? ""
            #expect(texts.count == 3 && ![kk, ru, en].contains { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(key) lacks a language")
            if Self.sameInKazakhAndRussian.contains(key) {
                #expect(kk == ru && en != kk, "\(key) is not the same word in kk and ru, or en is untranslated")
            } else {
                #expect(Set([kk, ru, en]).count == 3, "\(key) is not translated into every language: \(texts)")
            }
        }
    }

    /// Every `page.*` key the server's sources ask for is in the table, and the table holds none that nothing uses.
    @Test func thePagesAskOnlyForKeysOfTheTable() throws {
        let pattern = try Regex(#""page\.[a-z_]+\.[a-z_]+""#)
        var used = Set<String>()
        var layouts: [String] = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { used.insert(String(text[match.range].dropFirst().dropLast())) }
            if text.localizedCaseInsensitiveContains("<!doctype html>") { layouts.append(file.lastPathComponent) }
        }
        #expect(used == Set(try Self.pageEntries().keys))
        #expect(layouts == ["HTMLPage.swift"], "only the shared layout writes the page chrome")
    }

    @Test(arguments: Language.allCases)
    func aRenderedPage_showsAHostileValue_asText(_ language: Language) throws {
        let localizer = try Localizer.bundled()
        let hostile = "<script>alert(1)</script>"
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        let notice = BreachNotificationPage.html(
            BreachNotification(
                incident: BreachIncidentView(
                    id: UUID(),
                    detectedAt: now,
                    description: "Leak \"quoted\" & <b>bold</b>",
                    dataCategories: [.init(id: "contact", name: "Contact")],
                    measuresTaken: "Revoked",
                    affectedCount: 1,
                    notificationDueAt: now,
                    recordedAt: now,
                    staffRole: "dpo"
                ),
                operatorName: "BizBank",
                operatorBin: "990140000000",
                responsiblePerson: .init(name: "DPO", phone: "+77010000000", email: "dpo@example.kz"),
                affectedSubjects: [.init(userId: UUID(), fullName: hostile, iin: "900101300000", phone: "+77010000001")],
                generatedAt: now
            ),
            language: language,
            localizer: localizer
        )
        let receipt = ReceiptController.html(
            PaymentReceipt(
                receiptNumber: "R-1",
                executedAt: now,
                status: "executed",
                payerName: "ТОО Ромашка",
                payerTaxId: "990140000000",
                payerAccount: "KZ000000000000000001",
                payerBic: "BIZBKZKA",
                beneficiaryName: hostile,
                beneficiaryTaxId: "990140000001",
                beneficiaryAccount: "KZ000000000000000002",
                beneficiaryBic: "BIZBKZKA",
                amount: Money(minorUnits: 100, currency: .kzt),
                knp: "710",
                purpose: hostile,
                documentNumber: "1",
                contentHash: "abc"
            ),
            language: language,
            localizer: localizer
        )
        let policy = PolicyController.html(
            PolicyEditionView(
                id: UUID(),
                version: 1,
                language: language.rawValue,
                title: hostile,
                text: hostile,
                effectiveAt: now,
                lastUpdated: "2025-01-01",
                publishedAt: now
            ),
            language: language,
            localizer: localizer
        )
        for page in [notice, receipt, policy] {
            #expect(page.hasPrefix("<!doctype html>\n<html lang=\"\(language.rawValue)\">"))
            #expect(page.contains(escaped))
            #expect(!page.localizedCaseInsensitiveContains("<script"), "a value reached the page unescaped")
        }
        #expect(notice.contains("Leak &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(notice.contains("<th>\(HTMLText.escape(localizer.text("page.breach.full_name", language)))</th>"))
        #expect(receipt.contains("<h1>\(localizer.text("page.receipt.title", language)) R-1</h1>"))
        #expect(policy.contains("<title>\(escaped)</title>"))
    }
}
