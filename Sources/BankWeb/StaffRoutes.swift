import Vapor

/// The staff console at `/staff` (issue 12): sign-in, then each role's work. Every page but sign-in goes through
/// `StaffPages.guarded` (no staff cookie or an ended session → `/staff/sign-in`).
enum StaffRoutes {
    static func register(_ routes: any RoutesBuilder) {
        StaffSignInPages.register(routes)
        StaffQueuePages.register(routes)
        StaffUserPages.register(routes)
        StaffDisclosurePages.register(routes)
        StaffBreachPages.register(routes)
        StaffSupportPages.register(routes)
        StaffFraudPages.register(routes)
        StaffSecurityAlertPages.register(routes)
        StaffBranchPages.register(routes)
        StaffContentPages.register(routes)
    }
}
