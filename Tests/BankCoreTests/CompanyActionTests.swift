import Testing

@testable import BankCore

/// The permission matrix, cell by cell: a change to it must change this table too.
@Suite("Company roles: who may do what")
struct CompanyActionTests {
    @Test(arguments: [
        (CompanyRole.director, [CompanyAction.read, .prepare, .manage]),
        (.accountant, [.read, .prepare]),
        (.operator, [.read, .prepare]),
        (.viewer, [.read]),
    ])
    func eachRole_permitsExactlyItsActions(role: CompanyRole, allowed: [CompanyAction]) {
        for action in CompanyAction.allCases {
            #expect(role.permits(action) == allowed.contains(action), "\(role) \(action)")
        }
    }
}
