import Vapor

/// The staff console at `/staff` (issue 12).
enum StaffRoutes {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.register(routes)
    }
}
