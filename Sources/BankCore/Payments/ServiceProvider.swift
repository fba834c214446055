/// Who can be paid for services (§2.3.4): mobile operators, found by the number's prefix, and utilities, paid by
/// the client's account number with them. A replaceable table; each provider's money lands on its own
/// account at the bank (a provider account, slot = its index).
public struct ServiceProvider: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case mobile
        case utility
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let bin: String
    /// Mobile: the operator codes after +7 (DOMAIN.md: KZ mobile numbers); utility: empty.
    public let prefixes: [String]
    public let slot: Int

    public static let all: [ServiceProvider] = [
        ServiceProvider(id: "kcell", kind: .mobile, name: "Kcell / activ", bin: "980140000049", prefixes: ["701", "702", "775", "778"], slot: 1),
        ServiceProvider(
            id: "beeline",
            kind: .mobile,
            name: "Beeline Kazakhstan",
            bin: "980140000057",
            prefixes: ["705", "771", "776", "777"],
            slot: 2
        ),
        ServiceProvider(
            id: "tele2-altel",
            kind: .mobile,
            name: "Tele2 / Altel",
            bin: "980140000065",
            prefixes: ["700", "707", "708", "747"],
            slot: 3
        ),
        ServiceProvider(id: "alseco", kind: .utility, name: "Alseco (utility bills)", bin: "980140000073", prefixes: [], slot: 10),
        ServiceProvider(id: "almaty-energosbyt", kind: .utility, name: "AlmatyEnergoSbyt (electricity)", bin: "980140000081", prefixes: [], slot: 11),
    ]

    public static func find(_ id: String) -> ServiceProvider? { all.first { $0.id == id } }

    /// The mobile operator of a Kazakhstan mobile number.
    public static func mobileOperator(of phone: PhoneNumber) -> ServiceProvider? {
        let code = String(phone.value.dropFirst(2).prefix(3))
        return all.first { $0.kind == .mobile && $0.prefixes.contains(code) }
    }
}
