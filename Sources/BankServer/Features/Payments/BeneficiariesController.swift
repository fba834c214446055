import BankAPI
import BankCore
import Fluent
import Vapor

/// Saved beneficiaries and payment templates (§2.3.2): create (also from a payment), reuse, edit, delete.
/// Company-scoped; viewers read only.
enum BeneficiariesController {
    // MARK: - Beneficiaries

    static func listBeneficiaries(req: Request) async throws -> ListPage<BeneficiaryView> {
        let companyID = try scoped(req, writing: false)
        let items = try await SavedBeneficiary.query(on: req.db).filter(\.$company.$id == companyID).sort(\.$name).all()
        return ListPage(items: items.map(Self.view), nextCursor: nil)
    }

    static func createBeneficiary(req: Request) async throws -> Reply<BeneficiaryView> {
        let companyID = try scoped(req, writing: true)
        let saved = try Self.validated(try req.decodeBody(BeneficiaryView.self))
        saved.$company.id = companyID
        saved.createdAt = req.bank.clock.now()
        try await saved.create(on: req.db)
        return .created(Self.view(saved))
    }

    static func updateBeneficiary(req: Request) async throws -> BeneficiaryView {
        let existing = try await ownedBeneficiary(req)
        let update = try Self.validated(try req.decodeBody(BeneficiaryView.self))
        (existing.name, existing.taxID, existing.iban, existing.bic, existing.kbe) = (update.name, update.taxID, update.iban, update.bic, update.kbe)
        try await existing.save(on: req.db)
        return Self.view(existing)
    }

    static func deleteBeneficiary(req: Request) async throws -> HTTPStatus {
        try await ownedBeneficiary(req).delete(on: req.db)
        return .noContent
    }

    static func beneficiaryFromPayment(req: Request) async throws -> Reply<BeneficiaryView> {
        let (record, _) = try await req.bank.payments.order(try req.parameter(.paymentId), caller: try req.caller, on: req.db)
        _ = try await member(req, of: record.$company.id, writing: true)
        let name = try Self.name(try req.decodeBody(SaveFromPaymentRequest.self).name)
        let saved = SavedBeneficiary()
        saved.$company.id = record.$company.id
        (saved.name, saved.taxID, saved.iban, saved.bic, saved.kbe) = (
            name, record.beneficiaryTaxID, record.beneficiaryIBAN, record.beneficiaryBIC, record.kbe
        )
        saved.createdAt = req.bank.clock.now()
        try await saved.create(on: req.db)
        return .created(Self.view(saved))
    }

    // MARK: - Templates

    static func listTemplates(req: Request) async throws -> ListPage<TemplateView> {
        let companyID = try scoped(req, writing: false)
        let items = try await PaymentTemplate.query(on: req.db).filter(\.$company.$id == companyID).sort(\.$name).all()
        return ListPage(items: try items.map(Self.view), nextCursor: nil)
    }

    static func createTemplate(req: Request) async throws -> Reply<TemplateView> {
        let companyID = try scoped(req, writing: true)
        let body = try req.decodeBody(TemplateView.self)
        let template = try Self.template(name: body.name, order: body.order)
        template.$company.id = companyID
        template.createdAt = req.bank.clock.now()
        try await template.create(on: req.db)
        return .created(try Self.view(template))
    }

    static func updateTemplate(req: Request) async throws -> TemplateView {
        let existing = try await ownedTemplate(req)
        let body = try req.decodeBody(TemplateView.self)
        let update = try Self.template(name: body.name, order: body.order)
        (existing.name, existing.order) = (update.name, update.order)
        try await existing.save(on: req.db)
        return try Self.view(existing)
    }

    static func deleteTemplate(req: Request) async throws -> HTTPStatus {
        try await ownedTemplate(req).delete(on: req.db)
        return .noContent
    }

    static func templateFromPayment(req: Request) async throws -> Reply<TemplateView> {
        let (record, _) = try await req.bank.payments.order(try req.parameter(.paymentId), caller: try req.caller, on: req.db)
        _ = try await member(req, of: record.$company.id, writing: true)
        let name = try Self.name(try req.decodeBody(SaveFromPaymentRequest.self).name)
        guard let payer = try await Account.find(record.$payerAccount.id, on: req.db) else { throw BankError.notFound }
        let order = PaymentOrderInput(
            number: record.number,
            date: record.documentDate,
            payerAccount: payer.iban,
            beneficiaryName: record.beneficiaryName,
            beneficiaryTaxID: record.beneficiaryTaxID,
            beneficiaryAccount: record.beneficiaryIBAN,
            beneficiaryBIC: record.beneficiaryBIC,
            kbe: record.kbe,
            knp: record.knp,
            purpose: record.purpose,
            amount: Money(minorUnits: record.amount, currency: try Currency(code: record.currency)).decimalString,
            currency: record.currency,
            valueDate: record.valueDate,
            urgency: record.urgency
        )
        let template = try Self.template(name: name, order: order)
        template.$company.id = record.$company.id
        template.createdAt = req.bank.clock.now()
        try await template.create(on: req.db)
        return .created(try Self.view(template))
    }

    // MARK: - Helpers

    /// The path's company, through the membership the company-scope tier loaded (`req.membership`), not read again.
    private static func scoped(_ req: Request, writing: Bool) throws -> UUID {
        let membership = try req.membership
        if writing, membership.role == .viewer { throw BankError.forbidden }
        return membership.$company.id
    }

    private static func member(_ req: Request, of companyID: UUID, writing: Bool) async throws -> UUID {
        let membership = try await CompanyAccess.membership(userID: try req.caller.userID, companyID: companyID, on: req.db)
        if writing, membership.role == .viewer { throw BankError.forbidden }
        return companyID
    }

    private static func ownedBeneficiary(_ req: Request) async throws -> SavedBeneficiary {
        guard let item = try await SavedBeneficiary.find(try req.parameter(.itemId), on: req.db) else { throw BankError.notFound }
        _ = try await member(req, of: item.$company.id, writing: true)
        return item
    }

    private static func ownedTemplate(_ req: Request) async throws -> PaymentTemplate {
        guard let item = try await PaymentTemplate.find(try req.parameter(.itemId), on: req.db) else { throw BankError.notFound }
        _ = try await member(req, of: item.$company.id, writing: true)
        return item
    }

    static func name(_ raw: String) throws -> String {
        var validator = FieldValidator()
        let name = validator.require("name", raw, maxLength: 100)
        try validator.throwIfInvalid()
        return name ?? raw
    }

    static func validated(_ body: BeneficiaryView) throws -> SavedBeneficiary {
        var validator = FieldValidator()
        let name = validator.require("name", body.name, maxLength: 140)
        let taxID = validator.parse("taxId") { try TaxpayerID(body.taxId) }
        let iban = validator.parse("iban") { try IBAN(body.iban) }
        let bic = validator.parse("bic") { try BIC(body.bic) }
        let kbe = validator.parse("kbe") { try KBe(body.kbe) }
        try validator.throwIfInvalid()
        let saved = SavedBeneficiary()
        (saved.name, saved.taxID, saved.iban, saved.bic, saved.kbe) = (
            name ?? "", taxID?.value ?? "", iban?.value ?? "", bic?.value ?? "", kbe?.value ?? ""
        )
        return saved
    }

    /// Templates hold a complete, valid order: the same rules as a payment, reported per field under `order.`.
    static func template(name: String, order: PaymentOrderInput) throws -> PaymentTemplate {
        var violations: [FieldViolation] = []
        if case .failure(let invalid) = PaymentOrder.validate(order) {
            violations = invalid.violations.map { FieldViolation(field: "order.\($0.field)", code: FieldCode(core: $0.code)) }
        }
        var validator = FieldValidator()
        let trimmed = validator.require("name", name, maxLength: 100)
        violations = validator.violations + violations
        guard violations.isEmpty, let trimmed else { throw BankError.validation(violations) }
        let template = PaymentTemplate()
        template.name = trimmed
        template.order = String(decoding: try JSONEncoder().encode(order), as: UTF8.self)
        return template
    }

    static func view(_ item: SavedBeneficiary) -> BeneficiaryView {
        BeneficiaryView(id: item.id, name: item.name, taxId: item.taxID, iban: item.iban, bic: item.bic, kbe: item.kbe)
    }

    static func view(_ item: PaymentTemplate) throws -> TemplateView {
        TemplateView(id: item.id, name: item.name, order: try JSONDecoder().decode(PaymentOrderInput.self, from: Data(item.order.utf8)))
    }

    /// §2.3.3: the payee behind a phone number, masked (`PayeeLookup`).
    static func lookupPayee(req: Request) async throws -> PayeeLookupResult {
        try await PayeeLookup(services: req.bank).lookup(try req.decodeBody(PayeeLookupRequest.self), caller: try req.caller, on: req.db)
    }
}

extension BeneficiaryView: Content {}
extension TemplateView: Content {}
