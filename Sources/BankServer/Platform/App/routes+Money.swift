import BankAPI
import Vapor

/// Accounts and statements, payment orders and baskets, service payments, payroll, limits, the signing rule, the
/// allowed countries (§2.2.4), beneficiaries and templates, receipts and exports.
func moneyRoutes(_ tiers: RouteTiers) {
    let signedIn = tiers.signedIn
    // reached by the resource's id: the service finds the company through it and checks the membership
    signedIn.on(Endpoints.Accounts.getAccount, use: AccountsController.show)
    signedIn.on(Endpoints.Accounts.getStatement, use: AccountsController.statement)
    signedIn.on(Endpoints.Statements.exportStatement, use: StatementExportController.export)
    signedIn.on(Endpoints.Statements.getPaymentReceipt, use: ReceiptController.receipt)
    signedIn.on(Endpoints.Payments.getPayment, use: PaymentsController.show)
    signedIn.on(Endpoints.Payments.updatePayment, use: PaymentsController.update)
    signedIn.on(Endpoints.Payments.signPayment, use: PaymentsController.sign)
    signedIn.on(Endpoints.Payments.confirmPayment, use: PaymentsController.confirm)
    signedIn.on(Endpoints.Payments.rejectPayment, use: PaymentsController.reject)
    signedIn.on(Endpoints.Payments.listServiceProviders, use: PaymentsController.serviceProviders)
    signedIn.on(Endpoints.Payments.lookupPayee, use: BeneficiariesController.lookupPayee)
    signedIn.on(Endpoints.Payroll.getPayroll, use: PayrollController.show)
    signedIn.on(Endpoints.Payroll.signPayroll, use: PayrollController.sign)
    signedIn.on(Endpoints.Payroll.confirmPayroll, use: PayrollController.confirm)
    signedIn.on(Endpoints.Beneficiaries.updateBeneficiary, use: BeneficiariesController.updateBeneficiary)
    signedIn.on(Endpoints.Beneficiaries.deleteBeneficiary, use: BeneficiariesController.deleteBeneficiary)
    signedIn.on(Endpoints.Beneficiaries.beneficiaryFromPayment, use: BeneficiariesController.beneficiaryFromPayment)
    signedIn.on(Endpoints.Templates.updateTemplate, use: BeneficiariesController.updateTemplate)
    signedIn.on(Endpoints.Templates.deleteTemplate, use: BeneficiariesController.deleteTemplate)
    signedIn.on(Endpoints.Templates.templateFromPayment, use: BeneficiariesController.templateFromPayment)

    // any member of the company reads it; signing is the signing rule's business (the director first, the accountant second)
    let company = tiers.company
    company.on(Endpoints.Accounts.listAccounts, use: AccountsController.list)
    company.on(Endpoints.Payments.listPayments, use: PaymentsController.list)
    company.on(Endpoints.Payments.signBasket, use: PaymentsController.signBasket)
    company.on(Endpoints.Payments.confirmBasket, use: PaymentsController.confirmBasket)
    company.on(Endpoints.Payments.listLimits, use: LimitsController.list)
    company.on(Endpoints.Payments.getSigningRule, use: LimitsController.signingRule)
    company.on(Endpoints.Payments.getSecuritySettings, use: FraudController.settings)
    company.on(Endpoints.Beneficiaries.listBeneficiaries, use: BeneficiariesController.listBeneficiaries)
    company.on(Endpoints.Templates.listTemplates, use: BeneficiariesController.listTemplates)

    // everyone but a viewer prepares documents
    let preparers = company.permitting(.prepare)
    preparers.on(Endpoints.Payments.createPayment, use: PaymentsController.create)
    preparers.on(Endpoints.Payments.createServicePayment, use: PaymentsController.createServicePayment)
    // a payroll file is larger than an ordinary request: up to 5,000 lines
    preparers.on(Endpoints.Payroll.uploadPayroll, body: .collect(maxSize: "1mb"), use: PayrollController.create)
    preparers.on(Endpoints.Beneficiaries.createBeneficiary, use: BeneficiariesController.createBeneficiary)
    preparers.on(Endpoints.Templates.createTemplate, use: BeneficiariesController.createTemplate)

    // the director manages (each change with its own step-up code)
    let directors = company.permitting(.manage)
    directors.on(Endpoints.Accounts.openAccount, use: AccountsController.open)
    directors.on(Endpoints.Accounts.closeAccount, use: AccountsController.close)
    directors.on(Endpoints.Payments.setLimit, use: LimitsController.set)
    directors.on(Endpoints.Payments.setSigningRule, use: LimitsController.setSigningRule)
    directors.on(Endpoints.Payments.setSecuritySettings, use: FraudController.setSettings)
}
