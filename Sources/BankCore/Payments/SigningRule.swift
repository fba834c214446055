/// A person's role in a company (DOMAIN.md): the director signs first, the accountant second, an operator
/// drafts, a viewer reads.
public enum CompanyRole: String, Sendable, Codable, CaseIterable {
    case director, accountant, `operator`, viewer
}

/// Who must sign a payment document before it may be confirmed: one value for single orders, signing baskets
/// and payroll alike (issue 10).
///
/// Slots: the director gives the first signature, the accountant the second; operators and viewers never sign.
/// The first signature is always needed; the second too when the amount exceeds `dualSignatureAbove`.
/// With `authorMaySignAlone` the author's own signatures complete the document ("director alone": sole
/// proprietors and one-person companies); without it at least one signer must be someone other than the author.
public struct SigningRule: Sendable, Hashable, Codable {
    public enum Slot: String, Sendable, Hashable, Codable, CaseIterable {
        case first, second
    }

    /// A signature as the rule sees it: who gave it, in which slot, and the role that person holds *now*
    /// (nil when they are no longer a member). A signature whose signer was since removed or demoted out of
    /// its slot does not count.
    public struct Signature: Sendable, Hashable {
        public var signer: String
        public var slot: Slot
        public var currentRole: CompanyRole?

        public init(signer: String, slot: Slot, currentRole: CompanyRole?) {
            self.signer = signer
            self.slot = slot
            self.currentRole = currentRole
        }

        var counts: Bool { currentRole.flatMap(SigningRule.slot(for:)) == slot }
    }

    /// Above this amount (minor units) both slots are needed; nil: the first signature always suffices.
    public var dualSignatureAbove: Int64?
    public var authorMaySignAlone: Bool

    public init(dualSignatureAbove: Int64? = nil, authorMaySignAlone: Bool) {
        self.dualSignatureAbove = dualSignatureAbove
        self.authorMaySignAlone = authorMaySignAlone
    }

    /// The slot a role signs in, or nil for roles that never sign.
    public static func slot(for role: CompanyRole) -> Slot? {
        switch role {
        case .director: .first
        case .accountant: .second
        case .operator, .viewer: nil
        }
    }

    public func requiredSlots(amount: Int64) -> Set<Slot> {
        if let threshold = dualSignatureAbove, amount > threshold { return [.first, .second] }
        return [.first]
    }

    /// Whether these signatures complete a document of `amount` written by `author`.
    public func isComplete(_ signatures: [Signature], amount: Int64, author: String) -> Bool {
        let valid = signatures.filter(\.counts)
        guard requiredSlots(amount: amount).isSubset(of: Set(valid.map(\.slot))) else { return false }
        return authorMaySignAlone || valid.contains { $0.signer != author }
    }

    /// What is still missing, for "awaiting my signature": the slots not yet filled by a valid signature, and
    /// whether a signer other than the author is still needed.
    public func missingSlots(_ signatures: [Signature], amount: Int64) -> Set<Slot> {
        requiredSlots(amount: amount).subtracting(signatures.filter(\.counts).map(\.slot))
    }

    /// Whether a person in `role` who is `signer` could still add a needed signature.
    public func awaits(role: CompanyRole, signer: String, signatures: [Signature], amount: Int64, author: String) -> Bool {
        guard let slot = Self.slot(for: role), !isComplete(signatures, amount: amount, author: author) else { return false }
        guard !signatures.contains(where: { $0.counts && ($0.signer == signer || $0.slot == slot) }) else { return false }
        if missingSlots(signatures, amount: amount).contains(slot) { return true }
        // every needed slot is filled by the author alone: another signer, in a slot still free, completes it
        return !authorMaySignAlone && signer != author
    }
}
