import Foundation

/// §2.3.4: one number the user picked from the phone book (the phone book itself never leaves the phone).
public struct PayeeLookupRequest: Codable, Sendable {
    public var phone: String

    public init(phone: String) {
        self.phone = phone
    }
}

/// What can be paid to the number (§2.3.4), and, only when its owner opted in to being found, their masked name.
public struct PayeeLookupResult: Codable, Sendable, Equatable {
    public var phoneMasked: String
    /// A transfer can be made: the number belongs to a client of the bank (the same as `canPay` holding `transfer`).
    public var isClient: Bool
    /// The client's first name and last initial ("Асель О."), only when that client has a live `findable_by_phone`
    /// consent; absent otherwise.
    public var nameMasked: String?
    /// The mobile operator, when the number is a Kazakhstan mobile number of a known operator.
    public var mobileOperator: String?
    /// `mobile_top_up` (an operator is known) and/or `transfer` (a client of the bank).
    public var canPay: [String]

    public init(phoneMasked: String, isClient: Bool, nameMasked: String?, mobileOperator: String?, canPay: [String]) {
        self.phoneMasked = phoneMasked
        self.isClient = isClient
        self.nameMasked = nameMasked
        self.mobileOperator = mobileOperator
        self.canPay = canPay
    }
}
