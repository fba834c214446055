import BankCore
import Testing

@Suite("Service providers (§2.3.4)")
struct ServiceProviderTests {
    @Test(arguments: [("+77011234567", "kcell"), ("+77771234567", "beeline"), ("+77471234567", "tele2-altel"), ("87051234567", "beeline")])
    func aMobileNumber_findsItsOperator_byPrefix(phone: String, provider: String) throws {
        #expect(ServiceProvider.mobileOperator(of: try PhoneNumber(phone))?.id == provider)
    }

    @Test func aMobileCodeNoProviderServes_findsNone() throws {
        #expect(ServiceProvider.mobileOperator(of: try PhoneNumber("+77031234567")) == nil)
    }

    @Test func find_byID_knowsUtilities_andNothingElse() {
        #expect(ServiceProvider.find("alseco")?.kind == .utility)
        #expect(ServiceProvider.find("kcell")?.kind == .mobile)
        #expect(ServiceProvider.find("KCELL") == nil)
        #expect(ServiceProvider.find("unknown") == nil)
    }

    @Test func everyProvider_hasItsOwnAccountSlot_andID() {
        #expect(Set(ServiceProvider.all.map(\.slot)).count == ServiceProvider.all.count)
        #expect(Set(ServiceProvider.all.map(\.id)).count == ServiceProvider.all.count)
        #expect(ServiceProvider.all.allSatisfy { ($0.kind == .mobile) == !$0.prefixes.isEmpty })
    }
}
