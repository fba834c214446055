import Testing

@testable import BankCore

@Suite("Signing rule and payment status (issue 10)")
struct SigningRuleTests {
    private func signature(_ who: String, _ slot: SigningRule.Slot, now role: CompanyRole?) -> SigningRule.Signature {
        SigningRule.Signature(signer: who, slot: slot, currentRole: role)
    }

    @Test
    func directorAlone_completesTheirOwnOrder_onlyWhenTheRuleSaysSo() {
        let mine = [signature("dir", .first, now: .director)]
        #expect(SigningRule(authorMaySignAlone: true).isComplete(mine, amount: 100, author: "dir"))
        #expect(!SigningRule(authorMaySignAlone: false).isComplete(mine, amount: 100, author: "dir"))
        #expect(SigningRule(authorMaySignAlone: false).isComplete(mine, amount: 100, author: "operator"))
    }

    @Test
    func aboveTheThreshold_bothSlots_andASignerWhoLeftDoesNotCount() {
        let rule = SigningRule(dualSignatureAbove: 1_000, authorMaySignAlone: true)
        let both = [signature("dir", .first, now: .director), signature("acc", .second, now: .accountant)]
        #expect(rule.isComplete(both, amount: 5_000, author: "op"))
        #expect(!rule.isComplete(Array(both.prefix(1)), amount: 5_000, author: "op"))
        #expect(rule.isComplete(Array(both.prefix(1)), amount: 1_000, author: "op"))
        let accountantLeft = [signature("dir", .first, now: .director), signature("acc", .second, now: nil)]
        #expect(!rule.isComplete(accountantLeft, amount: 5_000, author: "op"))
        let demoted = [signature("dir", .first, now: .viewer), signature("acc", .second, now: .accountant)]
        #expect(!rule.isComplete(demoted, amount: 5_000, author: "op"))
    }

    @Test
    func awaits_namesWhoseSignatureIsStillNeeded() {
        let rule = SigningRule(dualSignatureAbove: nil, authorMaySignAlone: false)
        let directorSigned = [signature("dir", .first, now: .director)]
        #expect(rule.awaits(role: .accountant, signer: "acc", signatures: directorSigned, amount: 10, author: "dir"))
        #expect(!rule.awaits(role: .director, signer: "dir", signatures: directorSigned, amount: 10, author: "dir"))
        #expect(!rule.awaits(role: .operator, signer: "op", signatures: [], amount: 10, author: "dir"))
        #expect(rule.awaits(role: .director, signer: "dir2", signatures: [], amount: 10, author: "op"))
    }

    @Test
    func theStateMachine_allowsOnlyItsTransitions() throws {
        #expect(try PaymentStatus.draft.applying(.sign) == .awaitingSignatures)
        #expect(try PaymentStatus.awaitingSignatures.applying(.complete) == .awaitingConfirmation)
        #expect(try PaymentStatus.awaitingConfirmation.applying(.hold) == .heldForReview)
        #expect(try PaymentStatus.heldForReview.applying(.execute) == .executed)
        #expect(try PaymentStatus.awaitingConfirmation.applying(.send) == .sent)
        #expect(try PaymentStatus.sent.applying(.settle) == .settled)
        #expect(try PaymentStatus.sent.applying(.return) == .returned)
        #expect(try PaymentStatus.awaitingConfirmation.applying(.edit) == .draft)
        for final in [PaymentStatus.executed, .settled, .returned, .rejected] {
            for event in PaymentStatus.Event.allCases {
                #expect(throws: PaymentStatus.TransitionError.self) { try final.applying(event) }
            }
        }
        #expect(throws: PaymentStatus.TransitionError.self) { try PaymentStatus.sent.applying(.reject) }
        #expect(throws: PaymentStatus.TransitionError.self) { try PaymentStatus.heldForReview.applying(.edit) }
    }
}

@Suite("Signing step shared by orders, baskets and payroll (issue 13)")
struct SigningStepTests {
    private let director = SigningRule.Signature(signer: "dir", slot: .first, currentRole: .director)

    @Test
    func aSignerOrASlotThatSignedAlready_isRefused_unlessThatSignatureNoLongerCounts() {
        let rule = SigningRule(dualSignatureAbove: 1_000, authorMaySignAlone: true)
        #expect(rule.step(adding: "dir", in: .second, role: .accountant, to: [director], amount: 5_000, author: "op") == .alreadySigned)
        #expect(rule.step(adding: "dir2", in: .first, role: .director, to: [director], amount: 5_000, author: "op") == .alreadySigned)
        let left = SigningRule.Signature(signer: "dir", slot: .first, currentRole: nil)
        #expect(rule.step(adding: "dir2", in: .first, role: .director, to: [left], amount: 500, author: "op") == .complete)
    }

    @Test
    func theNewSignatureDecidesCompleteness_byTheRule() {
        let dual = SigningRule(dualSignatureAbove: 1_000, authorMaySignAlone: true)
        #expect(dual.step(adding: "dir", in: .first, role: .director, to: [], amount: 5_000, author: "op") == .awaitingSignatures)
        #expect(dual.step(adding: "acc", in: .second, role: .accountant, to: [director], amount: 5_000, author: "op") == .complete)
        #expect(dual.step(adding: "dir", in: .first, role: .director, to: [], amount: 1_000, author: "op") == .complete)
        let notAlone = SigningRule(authorMaySignAlone: false)
        #expect(notAlone.step(adding: "dir", in: .first, role: .director, to: [], amount: 10, author: "dir") == .awaitingSignatures)
        #expect(notAlone.step(adding: "dir", in: .first, role: .director, to: [], amount: 10, author: "op") == .complete)
    }
}
