import BankCore
import Testing

struct PaymentOrderContentTests {
    @Test func canonicalContent_hasTheFixedLayout() throws {
        let order = try PaymentOrderFixtures.order()
        #expect(
            order.canonicalContent == """
                format=bizbank.payment-order.v1
                payer_iban=\(PaymentOrderFixtures.payerIBAN.value)
                payee_iban=\(PaymentOrderFixtures.payeeIBAN.value)
                payee_tax_id=\(PaymentOrderFixtures.bin.value)
                amount_minor=15000000
                currency=KZT
                knp=710
                value_date=2026-11-25

                """
        )
    }

    @Test func equalOrders_giveEqualBytes_evenFromDifferentlyTypedInput() throws {
        // given: the same payment typed the lenient way
        var lenient = PaymentOrderFixtures.valid
        lenient.payerAccount = PaymentOrderFixtures.payerIBAN.formatted.lowercased()
        lenient.beneficiaryAccount = " " + PaymentOrderFixtures.payeeIBAN.formatted
        lenient.amount = "150 000"
        lenient.currency = "kzt"
        // then
        #expect(try PaymentOrderFixtures.order(lenient).canonicalContent == PaymentOrderFixtures.order().canonicalContent)
    }

    @Test(arguments: [
        ("amount", "150000.01"), ("beneficiaryAccount", IBAN.make(bankCode: "601", accountPart: "0000000012346")!.value), ("currency", "USD"),
        ("payerAccount", IBAN.make(bankCode: "998", accountPart: "KZT0000000002")!.value), ("beneficiaryTaxID", PaymentOrderFixtures.iin.value),
        ("knp", "859"), ("valueDate", "2026-11-26"),
    ])
    func changingABoundField_changesTheContent(field: String, value: String) throws {
        let changed = try PaymentOrderFixtures.order(PaymentOrderFixtures.input(setting: field, to: value))
        #expect(changed.canonicalContent != (try PaymentOrderFixtures.order()).canonicalContent)
    }

    @Test(arguments: [
        ("purpose", "Оплата по договору №6 за товары"), ("number", "18"), ("beneficiaryName", "ТОО «Алтын Дала-2»"), ("urgency", "urgent"),
        ("kbe", "19"), ("date", "2026-11-20"), ("beneficiaryBIC", "HSBKKZKXXXX"),
    ])
    func changingAnUnboundField_keepsTheContent(field: String, value: String) throws {
        let changed = try PaymentOrderFixtures.order(PaymentOrderFixtures.input(setting: field, to: value))
        #expect(changed.canonicalContent == (try PaymentOrderFixtures.order()).canonicalContent)
    }

    @Test func content_isASCIILinesOfFieldEqualsValue() throws {
        let content = try PaymentOrderFixtures.order().canonicalContent
        #expect(content.utf8.allSatisfy { $0 < 0x80 })
        #expect(content.hasSuffix("\n") && !content.contains("\r"))
        let lines = content.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.split(separator: "=", omittingEmptySubsequences: false).count == 2 })
    }

    @Test func batch_ignoresTheOrderOfTheSet() {
        #expect(CanonicalBatch.content(of: ["b\n", "a\n", "c\n"]) == CanonicalBatch.content(of: ["c\n", "b\n", "a\n"]))
    }

    @Test func batch_hasHeaderAndLengthPrefixedItems() {
        #expect(CanonicalBatch.content(of: ["b=2\n", "a=1\n"]) == "format=bizbank.payment-batch.v1\ncount=2\n--- bytes=4\na=1\n--- bytes=4\nb=2\n")
        #expect(CanonicalBatch.content(of: []) == "format=bizbank.payment-batch.v1\ncount=0\n")
    }

    @Test func batch_distinguishesDifferentSets() {
        let base = CanonicalBatch.content(of: ["a\n", "b\n"])
        #expect(CanonicalBatch.content(of: ["a\n", "b\n", "b\n"]) != base)
        #expect(CanonicalBatch.content(of: ["a\n"]) != base)
        #expect(CanonicalBatch.content(of: ["a\n", "c\n"]) != base)
        // Same concatenated bytes, different items: the lengths keep them apart.
        #expect(CanonicalBatch.content(of: ["ab", "c"]) != CanonicalBatch.content(of: ["a", "bc"]))
    }

    @Test func batch_sortsByBytes_notByLocale() {
        // "Z" (0x5A) sorts before "a" (0x61) and "é" precomposed (0xC3…) after both.
        #expect(CanonicalBatch.content(of: ["é", "a", "Z"]).hasSuffix("--- bytes=1\nZ--- bytes=1\na--- bytes=2\né"))
    }

    @Test func batchOfOrders_isStableUnderReordering() throws {
        let first = try PaymentOrderFixtures.order().canonicalContent
        let second = try PaymentOrderFixtures.order(PaymentOrderFixtures.input(setting: "amount", to: "10")).canonicalContent
        #expect(CanonicalBatch.content(of: [first, second]) == CanonicalBatch.content(of: [second, first]))
        #expect(CanonicalBatch.content(of: [first, second]) != first + second)
    }
}
