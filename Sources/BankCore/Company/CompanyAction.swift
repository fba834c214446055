/// What a member may do in their company, by role (DOMAIN.md): the one permission matrix the route table's
/// company-role groups read, so "who may call what" is answered here and in `routes.swift`, not in handlers.
///
/// Signing is not here: who signs which slot is the `SigningRule`'s business (the director first, the accountant
/// second), checked against the document's content.
public enum CompanyAction: String, Sendable, CaseIterable {
    /// See accounts, statements, payments, documents, employees, limits and settings.
    case read
    /// Draft and edit payment orders, service payments, payroll, beneficiaries, templates and company documents.
    case prepare
    /// Open accounts, set limits, the signing rule and the allowed countries, invite and manage employees.
    case manage
}

extension CompanyRole {
    /// The matrix: a viewer reads; an operator and an accountant also prepare; the director also manages.
    public func permits(_ action: CompanyAction) -> Bool {
        switch action {
        case .read: true
        case .prepare: self != .viewer
        case .manage: self == .director
        }
    }
}
