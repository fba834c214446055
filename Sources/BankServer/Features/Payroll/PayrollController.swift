import BankAPI
import BankCore
import Fluent
import Vapor

/// Payroll endpoints: upload, read, sign, confirm (issue 3).
enum PayrollController {
    static func create(req: Request) async throws -> Reply<PayrollView> {
        let body = try req.decodeBody(PayrollUpload.self)
        let draft = PayrollService.Draft(payerAccount: body.payerAccount, number: body.number, knp: body.knp, csv: body.csv)
        let payroll = try await PayrollService(services: req.bank).create(
            membership: try req.membership,
            caller: try req.caller,
            draft: draft,
            on: req.db
        )
        return .created(try await view(payroll, req: req))
    }

    static func show(req: Request) async throws -> PayrollView {
        let (payroll, _) = try await PayrollService(services: req.bank).payroll(
            try req.parameter(.payrollId),
            caller: try req.caller,
            on: req.db
        )
        return try await view(payroll, req: req)
    }

    /// 202 when an SMS code must confirm the signature.
    static func sign(req: Request) async throws -> Reply<PayrollView> {
        let id = try req.parameter(.payrollId)
        let body = (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeBody(SignPaymentRequest.self) : SignPaymentRequest()
        let (payroll, challenge, phone) = try await PayrollService(services: req.bank).sign(
            payrollID: id,
            caller: try req.caller,
            language: req.language,
            risk: RiskContext(location: body.location, ip: req.clientIP),
            on: req.db
        )
        let confirmation = try challenge.map {
            try OtpChallengeResponse($0, phoneMasked: phone.masked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
        }
        return Reply(try await view(payroll, req: req, confirmation: confirmation), status: confirmation == nil ? .ok : .accepted)
    }

    static func confirm(req: Request) async throws -> PayrollView {
        let id = try req.parameter(.payrollId)
        let body = try req.decodeBody(OtpAnswer.self)
        let payroll = try await PayrollService(services: req.bank).confirm(
            payrollID: id,
            caller: try req.caller,
            challengeID: body.challengeId,
            code: body.code,
            risk: RiskContext(location: body.location, ip: req.clientIP),
            on: req.db
        )
        return try await view(payroll, req: req)
    }

    private static func view(_ payroll: Payroll, req: Request, confirmation: OtpChallengeResponse? = nil) async throws -> PayrollView {
        let currency = try Currency(code: payroll.currency)
        let cipher = req.bank.cipher
        let lines = try await PayrollLine.query(on: req.db).filter(\.$payroll.$id == (try payroll.requireID())).sort(\.$lineNumber).all()
        return PayrollView(
            id: try payroll.requireID(),
            number: payroll.number,
            status: payroll.status.rawValue,
            total: Money(minorUnits: payroll.total, currency: currency),
            contentHash: payroll.contentHash,
            lines: try lines.map { line in
                let id = try line.requireID()
                let iin = try cipher.openString(
                    line.iin,
                    with: cipher.keys.systemData,
                    context: .init(table: "payroll_lines", column: "iin", row: id)
                )
                return PayrollLineView(
                    line: line.lineNumber,
                    fullName: try cipher.openString(
                        line.fullName,
                        with: cipher.keys.systemData,
                        context: .init(table: "payroll_lines", column: "full_name", row: id)
                    ),
                    iinMasked: "********" + iin.suffix(4),
                    iban: line.iban,
                    amount: Money(minorUnits: line.amount, currency: currency),
                    status: line.status.rawValue,
                    failureCode: line.failureCode
                )
            },
            confirmation: confirmation
        )
    }
}

extension PayrollView: Content {}
