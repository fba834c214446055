import BankAPI
import BankCore
import Foundation

@testable import BankServer

/// Valid, unique identifiers for each test, built with the real check-digit rules.
enum Fixtures {
    static func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9))) })
    }

    static func iin() -> IIN {
        while true {
            let year = String(format: "%02d", Int.random(in: 60...99))
            let month = String(format: "%02d", Int.random(in: 1...12))
            let day = String(format: "%02d", Int.random(in: 1...28))
            if let iin = IIN.withCheckDigit(year + month + day + String(Int.random(in: 3...4)) + digits(4)) { return iin }
        }
    }

    static func bin() -> BIN {
        while true {
            let prefix = String(format: "%02d%02d", Int.random(in: 0...24), Int.random(in: 1...12))
            if let bin = BIN.withCheckDigit(prefix + "40" + digits(5)) { return bin }
        }
    }

    static func phone() -> String { "+7701" + digits(7) }

    static let password = "Steppe-Horizon-Ledger-42"

    static func device(_ id: String = "device-" + digits(8), name: String = "Test iPhone") -> DeviceDescriptor {
        DeviceDescriptor(id: id, name: name, platform: "ios", appVersion: "1.0.0")
    }

    static func registration(
        phone: String = phone(),
        iin: String = iin().value,
        bin: String = bin().value,
        device: DeviceDescriptor = device()
    )
        -> RegistrationRequest
    {
        RegistrationRequest(
            company: .init(name: "ТОО Тест", bin: bin),
            person: .init(fullName: "Асель Маратқызы Оспанова", iin: iin, phone: phone, email: "asel.\(digits(5))@example.kz"),
            password: password,
            policyVersion: 1,
            acceptPolicy: true,
            consentToAccountCreation: true,
            device: device
        )
    }
}
