import Foundation

/// An ISO 20022 pacs.008.001.08 FI-to-FI customer credit transfer: interbank credit transfers in Kazakhstan
/// since 13 January 2025 (DOMAIN.md). Text is XML-escaped; the amount is the exact decimal of the minor units.
public struct Pacs008Message: Sendable {
    public var messageID: String
    public var createdAt: Date
    public var settlementDate: String
    public var amount: Money
    public var debtorName: String
    public var debtorTaxID: String
    public var debtorIBAN: String
    public var debtorAgentBIC: String
    public var creditorName: String
    public var creditorTaxID: String
    public var creditorIBAN: String
    public var creditorAgentBIC: String
    public var purposeCode: String
    public var remittance: String

    public init(
        messageID: String,
        createdAt: Date,
        settlementDate: String,
        amount: Money,
        debtorName: String,
        debtorTaxID: String,
        debtorIBAN: String,
        debtorAgentBIC: String,
        creditorName: String,
        creditorTaxID: String,
        creditorIBAN: String,
        creditorAgentBIC: String,
        purposeCode: String,
        remittance: String
    ) {
        self.messageID = messageID
        self.createdAt = createdAt
        self.settlementDate = settlementDate
        self.amount = amount
        self.debtorName = debtorName
        self.debtorTaxID = debtorTaxID
        self.debtorIBAN = debtorIBAN
        self.debtorAgentBIC = debtorAgentBIC
        self.creditorName = creditorName
        self.creditorTaxID = creditorTaxID
        self.creditorIBAN = creditorIBAN
        self.creditorAgentBIC = creditorAgentBIC
        self.purposeCode = purposeCode
        self.remittance = remittance
    }

    /// The message, pretty-printed; `createdAt` in UTC (ISO 8601), every text field escaped.
    public var xml: String {
        let created = ISO8601DateFormatter().string(from: createdAt)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
              <FIToFICstmrCdtTrf>
                <GrpHdr>
                  <MsgId>\(Self.escape(messageID))</MsgId>
                  <CreDtTm>\(created)</CreDtTm>
                  <NbOfTxs>1</NbOfTxs>
                  <SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf>
                </GrpHdr>
                <CdtTrfTxInf>
                  <PmtId><EndToEndId>\(Self.escape(messageID))</EndToEndId></PmtId>
                  <IntrBkSttlmAmt Ccy="\(amount.currency.code)">\(amount.decimalString)</IntrBkSttlmAmt>
                  <IntrBkSttlmDt>\(Self.escape(settlementDate))</IntrBkSttlmDt>
                  <ChrgBr>SLEV</ChrgBr>
                  <Dbtr><Nm>\(Self.escape(debtorName))</Nm><Id><OrgId><Othr><Id>\(Self.escape(debtorTaxID))</Id></Othr></OrgId></Id></Dbtr>
                  <DbtrAcct><Id><IBAN>\(Self.escape(debtorIBAN))</IBAN></Id></DbtrAcct>
                  <DbtrAgt><FinInstnId><BICFI>\(Self.escape(debtorAgentBIC))</BICFI></FinInstnId></DbtrAgt>
                  <CdtrAgt><FinInstnId><BICFI>\(Self.escape(creditorAgentBIC))</BICFI></FinInstnId></CdtrAgt>
                  <Cdtr><Nm>\(Self.escape(creditorName))</Nm><Id><OrgId><Othr><Id>\(Self.escape(creditorTaxID))</Id></Othr></OrgId></Id></Cdtr>
                  <CdtrAcct><Id><IBAN>\(Self.escape(creditorIBAN))</IBAN></Id></CdtrAcct>
                  <Purp><Prtry>\(Self.escape(purposeCode))</Prtry></Purp>
                  <RmtInf><Ustrd>\(Self.escape(remittance))</Ustrd></RmtInf>
                </CdtTrfTxInf>
              </FIToFICstmrCdtTrf>
            </Document>

            """
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
