import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Interbank cut-off in the server: its configuration and the clearing message (DOMAIN.md)")
struct ClearingCutOffTests {
    // The cut-off rule itself is tested without an app in BankCoreTests (ClearingCutOffTests).
    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func configuration_readsHHMM_andRefusesAnythingElse() {
        var problems: [String] = []
        #expect(AppConfig.minutesOfDay("17:30", default: 1080, problems: &problems) == 17 * 60 + 30)
        #expect(AppConfig.minutesOfDay(nil, default: 1080, problems: &problems) == 1080)
        #expect(problems.isEmpty)
        for bad in ["25:00", "18", "6:00", "18:60", "aa:bb"] { _ = AppConfig.minutesOfDay(bad, default: 1080, problems: &problems) }
        #expect(problems.count == 5)
    }

    @Test(arguments: TestDatabase.all)
    func anInterbankPayment_sentAfterTheCutOff_carriesTheNextWorkingDay(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: Friday 4 December 2026, 18:30 in Almaty
            t.clock.advance(seconds: date("2026-12-04T18:30:00+05:00").timeIntervalSince(t.clock.now()))
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "100")
            input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000012345")).value
            input.beneficiaryBIC = "HSBKKZKX"
            let draft = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                .requireStatus(.created).content.decode(PaymentOrderView.self)
            // when
            try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
            // then: the message settles on Monday; the signed order keeps its own value date
            let message = try #require(try await ClearingMessage.query(on: t.db).filter(\.$payment.$id == draft.id).first())
            #expect(message.xml.contains("<IntrBkSttlmDt>2026-12-07</IntrBkSttlmDt>"))
            #expect(try await PaymentOrderRecord.find(draft.id, on: t.db)?.valueDate == "2026-12-04")
        }
    }
}
