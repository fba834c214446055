import BankCore
import Foundation
import Testing

struct BankDirectoryTests {
    private let directory = BankDirectory.kazakhstan

    @Test(arguments: [
        ("HSBKKZKX", "601"), ("CASPKZKA", "722"), ("IRTYKZKA", "965"), ("KCJBKZKX", "856"), ("EURIKZKA", "948"), ("KSNVKZKA", "551"),
        ("INLMKZKA", "886"), ("BRKEKZKA", "914"), ("TSESKZKA", "998"), ("KINCKZKA", "821"), ("HCSKKZKA", "972"), ("SHBKKZKA", "435"),
        ("CITIKZKA", "832"), ("KKMFKZ2A", "070"),
    ])
    func knownBank_isFoundByBICAndByBankCode(bic: String, bankCode: String) throws {
        let byBIC = try #require(directory.entry(bic: try BIC(bic)))
        #expect(byBIC.ibanBankCode == bankCode)
        #expect(directory.entry(ibanBankCode: bankCode) == byBIC)
        #expect(!byBIC.name.kk.isEmpty && !byBIC.name.ru.isEmpty && !byBIC.name.en.isEmpty)
    }

    @Test func treasury_usesTheBudgetBIC() {
        #expect(directory.entry(ibanBankCode: "070")?.bic == .treasury)
    }

    @Test func elevenCharacterBIC_findsTheInstitution() throws {
        #expect(directory.entry(bic: try BIC("HSBKKZKXXXX"))?.ibanBankCode == "601")
    }

    @Test func unknownBank_isNil() throws {
        #expect(directory.entry(bic: try BIC("DEUTDEFF")) == nil)
        #expect(directory.entry(ibanBankCode: "000") == nil)
        #expect(directory.entry(ibanBankCode: "60") == nil)
    }

    @Test func table_hasUniqueKazakhBICsAndThreeDigitCodes() {
        let entries = directory.entries
        #expect(entries.count >= 12)
        #expect(Set(entries.map { String($0.bic.value.prefix(8)) }).count == entries.count)
        #expect(Set(entries.map(\.ibanBankCode)).count == entries.count)
        for entry in entries {
            #expect(entry.bic.isKazakh, "\(entry.bic.value)")
            #expect(entry.ibanBankCode.utf8.count == 3 && entry.ibanBankCode.allSatisfy(\.isASCII) && Int(entry.ibanBankCode) != nil)
        }
    }

    @Test func duplicateEntries_firstOneWins() throws {
        let first = BankDirectory.Entry(bic: try BIC("AAAAKZKA"), ibanBankCode: "111", name: LocalizedName(kk: "A", ru: "A", en: "A"))
        let second = BankDirectory.Entry(bic: try BIC("AAAAKZKA"), ibanBankCode: "111", name: LocalizedName(kk: "B", ru: "B", en: "B"))
        let directory = BankDirectory(entries: [first, second])
        #expect(directory.entry(ibanBankCode: "111") == first)
        #expect(directory.entry(bic: try BIC("AAAAKZKA")) == first)
    }

    @Test func bicOfAnotherKnownBank_isBICMismatch() {
        // given: a Halyk IBAN (601) with Kaspi's BIC
        let input = PaymentOrderFixtures.input(setting: "beneficiaryBIC", to: "CASPKZKA")
        // then
        #expect(PaymentOrderFixtures.violations(input) == [PaymentOrderInvalid.Violation(field: "beneficiaryBIC", code: "bic_mismatch")])
    }

    @Test func bankCodeOutsideTheDirectory_cannotMismatch() throws {
        // given: bank code 123 belongs to no bank in the table
        let account = try #require(IBAN.make(bankCode: "123", accountPart: "0000000012345"))
        let input = PaymentOrderFixtures.input(setting: "beneficiaryAccount", to: account.value)
        // then
        #expect(PaymentOrderFixtures.violations(input).isEmpty)
    }

    @Test func mismatch_usesTheDirectoryPassedIn() throws {
        // given: a directory where 601 belongs to Kaspi
        let custom = BankDirectory(entries: [
            BankDirectory.Entry(bic: try BIC("CASPKZKA"), ibanBankCode: "601", name: LocalizedName(kk: "K", ru: "K", en: "K"))
        ])
        // then
        #expect(
            PaymentOrderFixtures.violations(PaymentOrderFixtures.valid, directory: custom) == [
                PaymentOrderInvalid.Violation(field: "beneficiaryBIC", code: "bic_mismatch")
            ]
        )
        #expect(PaymentOrderFixtures.violations(PaymentOrderFixtures.valid, directory: BankDirectory(entries: [])).isEmpty)
    }

    @Test func entry_roundTripsThroughJSON() throws {
        let entries = BankDirectory.kazakhstan.entries
        let decoded = try JSONDecoder().decode([BankDirectory.Entry].self, from: JSONEncoder().encode(entries))
        #expect(decoded == entries)
    }
}
