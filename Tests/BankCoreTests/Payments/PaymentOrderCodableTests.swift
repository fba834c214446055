import BankCore
import Foundation
import Testing

struct PaymentOrderCodableTests {
    private func json(_ order: PaymentOrder) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try #require(JSONSerialization.jsonObject(with: encoder.encode(order)) as? [String: Any])
    }

    private func decode(_ object: [String: Any]) throws -> PaymentOrder {
        try JSONDecoder().decode(PaymentOrder.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func order_roundTripsThroughJSON() throws {
        let order = try PaymentOrderFixtures.order()
        let decoded = try JSONDecoder().decode(PaymentOrder.self, from: JSONEncoder().encode(order))
        #expect(decoded == order)
        #expect(decoded.canonicalContent == order.canonicalContent)
    }

    @Test func order_encodesIdentifiersAsCanonicalStrings() throws {
        let object = try json(try PaymentOrderFixtures.order())
        #expect(object["date"] as? String == "2026-11-25")
        #expect(object["beneficiaryTaxID"] as? String == PaymentOrderFixtures.bin.value)
        #expect(object["beneficiaryAccount"] as? String == PaymentOrderFixtures.payeeIBAN.value)
        #expect(object["knp"] as? String == "710")
        #expect(object["urgency"] as? String == "standard")
        let amount = try #require(object["amount"] as? [String: Any])
        #expect(amount["minorUnits"] as? Int == 150_000_00)
        #expect(amount["currency"] as? String == "KZT")
    }

    // Values are JSON text, so the arguments stay Sendable.
    @Test(arguments: [
        ("knp", #""000""#), ("valueDate", #""2026-11-24""#), ("date", #""2026-02-30""#), ("beneficiaryName", #""""#), ("urgency", #""express""#),
        ("amount", #"{"minorUnits":-500,"currency":"KZT"}"#), ("amount", #"{"minorUnits":0,"currency":"KZT"}"#),
        ("amount", #"{"minorUnits":500,"currency":"RUB"}"#), ("purpose", "\"" + String(repeating: "x", count: 421) + "\""),
        ("beneficiaryTaxID", #""123""#), ("payerAccount", #"42"#),
    ])
    func tamperedJSON_doesNotDecode(field: String, jsonValue: String) throws {
        // given
        var object = try json(try PaymentOrderFixtures.order())
        let wrapped = try JSONSerialization.jsonObject(with: Data("[\(jsonValue)]".utf8)) as? [Any]
        object[field] = try #require(wrapped?.first)
        // then
        #expect(throws: DecodingError.self) { try decode(object) }
    }

    @Test func decoding_doesNotConsultTheBankDirectory() throws {
        // given: an order whose BIC no longer matches the table (banks merge and change BICs)
        var object = try json(try PaymentOrderFixtures.order())
        object["beneficiaryBIC"] = "CASPKZKA"
        // then
        #expect(try decode(object).beneficiaryBIC.value == "CASPKZKA")
    }

    @Test func input_roundTripsWithPropertyNamesAsKeys() throws {
        let input = PaymentOrderFixtures.valid
        let data = try JSONEncoder().encode(input)
        #expect(try JSONDecoder().decode(PaymentOrderInput.self, from: data) == input)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(Set(object.keys) == Set(PaymentOrderFixtures.fieldNames))
    }

    @Test func urgency_andLocalizedName_roundTrip() throws {
        #expect(PaymentUrgency.allCases.map(\.rawValue) == ["standard", "urgent"])
        let name = LocalizedName(kk: "Тауарлар", ru: "Товары", en: "Goods")
        #expect(try JSONDecoder().decode(LocalizedName.self, from: JSONEncoder().encode(name)) == name)
        let urgencies = try JSONDecoder().decode([PaymentUrgency].self, from: Data(#"["urgent","standard"]"#.utf8))
        #expect(urgencies == [.urgent, .standard])
    }
}
