extension SigningRule {
    /// What one more signature does to a document: refused because its signer or its slot has signed already,
    /// or accepted and the document then still awaits signatures, or is complete.
    public enum Step: Sendable, Equatable {
        case alreadySigned, awaitingSignatures, complete
    }

    /// The signing step shared by single orders, baskets and payroll: `signer`, holding `role` now, signs in
    /// `slot` a document of `amount` written by `author` that already bears `signatures`. Only signatures that
    /// still count (`Signature.counts`) block the signer or the slot.
    public func step(
        adding signer: String,
        in slot: Slot,
        role: CompanyRole,
        to signatures: [Signature],
        amount: Int64,
        author: String
    ) -> Step {
        if signatures.contains(where: { $0.counts && ($0.slot == slot || $0.signer == signer) }) { return .alreadySigned }
        let after = signatures + [Signature(signer: signer, slot: slot, currentRole: role)]
        return isComplete(after, amount: amount, author: author) ? .complete : .awaitingSignatures
    }
}
