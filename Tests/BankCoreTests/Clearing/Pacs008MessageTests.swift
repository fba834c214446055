import BankCore
import Foundation
import Testing

@Suite("pacs.008 message text (ISO 20022)")
struct Pacs008MessageTests {
    private func message(debtorName: String = "Alpha LLP", remittance: String = "Invoice 7") -> Pacs008Message {
        Pacs008Message(
            messageID: "BB0123",
            createdAt: Date(timeIntervalSince1970: 0),
            settlementDate: "2026-12-07",
            amount: Money(minorUnits: 123_456, currency: .kzt),
            debtorName: debtorName,
            debtorTaxID: "050340000019",
            debtorIBAN: "KZ86125KZT5004100100",
            debtorAgentBIC: "BIZBKZKX",
            creditorName: "Beta LLP",
            creditorTaxID: "151250000023",
            creditorIBAN: "KZ75125KZT2069100100",
            creditorAgentBIC: "HSBKKZKX",
            purposeCode: "710",
            remittance: remittance
        )
    }

    @Test func markupInText_isEscaped() {
        let xml = message(debtorName: #"Tom & Jerry <LLP> "A" 'B'"#, remittance: "</Ustrd><Evil/>").xml
        #expect(xml.contains("<Dbtr><Nm>Tom &amp; Jerry &lt;LLP&gt; &quot;A&quot; &#39;B&#39;</Nm>"))
        #expect(xml.contains("<Ustrd>&lt;/Ustrd&gt;&lt;Evil/&gt;</Ustrd>"))
        #expect(!xml.contains("<Evil/>"))
    }

    @Test func amount_isTheExactDecimal_andTheTimeIsUTC() {
        let xml = message().xml
        #expect(xml.contains(#"<IntrBkSttlmAmt Ccy="KZT">1234.56</IntrBkSttlmAmt>"#))
        #expect(xml.contains("<CreDtTm>1970-01-01T00:00:00Z</CreDtTm>"))
        #expect(xml.contains("<IntrBkSttlmDt>2026-12-07</IntrBkSttlmDt>"))
        #expect(xml.contains("<EndToEndId>BB0123</EndToEndId>"))
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    }
}
