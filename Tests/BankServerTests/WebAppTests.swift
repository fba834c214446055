import AsyncHTTPClient
import BankAPI
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import BankWeb

/// Issue 12: the web bank's rules that a browser run does not show on its own: escaping, the one localisation table,
/// money in Kazakhstan's format, the headers and cookies, and CSRF.
@Suite("Web app")
struct WebAppTests {
    @Test func interpolatedText_isEscaped_andMarkupIsNot() {
        let name = "<script>alert('x')</script> & \"co\""
        let page: Markup = "<p title=\"\(name)\">\(name)</p>\(Markup(stringLiteral: "<b>ok</b>"))"
        #expect(
            page.html
                == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p><b>ok</b>"
        )
    }

    @Test func money_isWrittenAsKazakhstanWritesIt() {
        #expect(MoneyFormat.text(minorUnits: 123_456_789, currency: "KZT") == "1\u{00A0}234\u{00A0}567,89\u{00A0}₸")
        #expect(MoneyFormat.text(minorUnits: -5, currency: "USD") == "−0,05\u{00A0}$")
        #expect(MoneyFormat.text(minorUnits: 100_000, currency: "KZT") == "1\u{00A0}000,00\u{00A0}₸")
    }

    /// 2026-12-31 20:30 UTC is already 1 January 2027, 01:30 in Kazakhstan (UTC+5).
    @Test func datesAndTimes_areWrittenInKazakhstanTime() {
        let newYearsEve = Date(timeIntervalSince1970: 1_798_749_000)
        #expect(KazakhstanTime.text(newYearsEve) == "01.01.2027 01:30")
        #expect(KazakhstanTime.today(newYearsEve) == "2027-01-01")
    }

    @Test func theLanguage_isTheCookieThenAcceptLanguageThenKazakh() {
        #expect(Language.choose(cookie: "ru", acceptLanguage: "en") == .ru)
        #expect(Language.choose(cookie: nil, acceptLanguage: "de-DE,en-GB;q=0.8") == .en)
        #expect(Language.choose(cookie: "xx", acceptLanguage: nil) == .kk)
    }

    /// The service worker serves the stylesheet and script cache-first, so its cache is named after their content:
    /// a changed asset gets a new name, and the placeholder never reaches a phone.
    @Test func theServiceWorkerCache_isNamedAfterTheAssetsContent() throws {
        let worker = String(decoding: try #require(StaticAssets.files["sw.js"]), as: UTF8.self)
        let name = StaticAssets.cacheName(of: StaticAssets.files)
        #expect(worker.contains("var CACHE = \"\(name)\";"))
        #expect(!worker.contains("bizbank-static-v1"))
        var changed = StaticAssets.files
        changed["app.css"]?.append(contentsOf: Array(" ".utf8))
        #expect(StaticAssets.cacheName(of: changed) != name)
        #expect(StaticAssets.files.keys.sorted() == StaticAssets.types.keys.sorted())
    }

    /// Every key a page asks for (read from the sources) is in the table in kk, ru and en, and no entry is empty.
    @Test func everyStringThePagesUse_isInTheTable_inAllThreeLanguages() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BankWeb")
        var used = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let pattern = try Regex(#"\.t\("([a-zA-Z]+\.[a-zA-Z.]+)"\)"#)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { used.insert(String(text[match.range]).dropFirst(4).dropLast(2).description) }
        }
        // keys built from API values: every payment status and signature slot the server can send
        for status in [
            "draft", "awaiting_signatures", "awaiting_confirmation", "held_for_review", "executed", "sent", "settled", "returned", "rejected",
        ] {
            used.insert("status." + status)
        }
        used.formUnion(["slot.first", "slot.second", "request.block", "request.destroy"])
        #expect(used.count > 100)
        let table = WebStrings.bundled.table
        for key in used.sorted() {
            for language in Language.allCases {
                let text = table[key]?[language.rawValue] ?? ""
                #expect(text.isEmpty == false, "\(key) has no \(language.rawValue) text")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func pages_carryTheSecurityHeaders_andAPostWithoutTheFormTokenChangesNothing(_ database: TestDatabase) async throws {
        try await withLiveServer(database) { live in
            let base = live.baseURL.absoluteString
            var get = HTTPClientRequest(url: base + "/sign-in")
            get.headers.add(name: "Accept-Language", value: "ru")
            let page = try await HTTPClient.shared.execute(get, timeout: .seconds(10))
            let html = String(buffer: try await page.body.collect(upTo: 1 << 20))
            #expect(page.status == .ok && html.contains("<html lang=\"ru\">") && html.contains("href=\"tel:7711\""))
            let csp = page.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
            let csrfCookie = try #require(page.headers[canonicalForm: "set-cookie"].first { $0.hasPrefix("bizbank-csrf=") })
            #expect(csrfCookie.contains("HttpOnly") && csrfCookie.contains("SameSite=Strict"))

            // a sign-in posted from another site (no form token) is refused before it reaches the API
            var post = HTTPClientRequest(url: base + "/sign-in")
            post.method = .POST
            post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            post.body = .bytes(ByteBuffer(string: "phone=%2B77010000001&password=x"))
            let refused = try await HTTPClient.shared.execute(post, timeout: .seconds(10))
            #expect(refused.status == .forbidden)
            #expect(try await live.t.messages(to: "+77010000001").isEmpty)
        }
    }
}

extension WebAppTests {
    /// The web tier holds no privilege of its own: it imports no database layer and no server module, so every rule
    /// stays in the API it reaches through BankClient.
    @Test func theWebModule_dependsOnNoDatabaseLayer() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BankWeb")
        let forbidden = ["import Fluent", "import SQLKit", "import FluentKit", "import BankServer", "import PostgresNIO", "import SQLiteNIO"]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(files.count > 10)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in forbidden { #expect(text.contains(line) == false, "\(file.lastPathComponent): \(line)") }
        }
    }
}
