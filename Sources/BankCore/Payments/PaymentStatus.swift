/// The life of a payment order (issue 10): every status change in the server is one of these events applied to
/// the status it read, written as a conditional update from that status, so a lost race is an error answer and
/// never a silent overwrite.
///
/// draft → awaiting signatures → awaiting confirmation → (held for review) → executed | sent → settled | returned;
/// any state before execution → rejected.
public enum PaymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case awaitingSignatures = "awaiting_signatures"
    case awaitingConfirmation = "awaiting_confirmation"
    /// §2.2.4: confirmed, but held for the fraud team (elevated risk above the amount).
    case heldForReview = "held_for_review"
    case executed, sent, settled, returned, rejected

    public enum Event: String, Sendable, Hashable, CaseIterable {
        /// New content: every signature is void, the order is a draft again.
        case edit
        /// A signature that does not yet complete the order.
        case sign
        /// The signature that completes it: an SMS code is asked for next.
        case complete
        /// Confirmed with elevated risk above the hold amount.
        case hold
        /// Money moved within the bank (own accounts, intrabank, service).
        case execute
        /// Money moved to the clearing transit account for another bank.
        case send
        case settle
        case `return`
        /// A signer's or the fraud team's refusal, or a ledger failure at execution.
        case reject
    }

    public struct TransitionError: Error, Sendable, Equatable {
        public let from: PaymentStatus
        public let event: Event
    }

    private static let beforeExecution: Set<PaymentStatus> = [.draft, .awaitingSignatures, .awaitingConfirmation]

    public var isEditable: Bool { Self.beforeExecution.contains(self) }
    public var isSignable: Bool { self == .draft || self == .awaitingSignatures }
    public var isFinal: Bool { [.executed, .settled, .returned, .rejected].contains(self) }

    /// The status after `event`, or `TransitionError` when the event cannot happen in this status.
    public func applying(_ event: Event) throws(TransitionError) -> PaymentStatus {
        let next: PaymentStatus? =
            switch event {
            case .edit: isEditable ? .draft : nil
            case .sign: isSignable ? .awaitingSignatures : nil
            case .complete: isSignable ? .awaitingConfirmation : nil
            case .hold: self == .awaitingConfirmation ? .heldForReview : nil
            // own-account transfers execute on the last signature, the rest after the code or the fraud team's release
            case .execute, .send: (isSignable || self == .awaitingConfirmation || self == .heldForReview) ? (event == .send ? .sent : .executed) : nil
            case .settle: self == .sent ? .settled : nil
            case .return: self == .sent ? .returned : nil
            case .reject: (isEditable || self == .heldForReview) ? .rejected : nil
            }
        guard let next else { throw TransitionError(from: self, event: event) }
        return next
    }
}
