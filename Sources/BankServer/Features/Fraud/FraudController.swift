import BankAPI
import Fluent
import Vapor

/// §2.2.4: the company's allowed countries (members read, the director sets) and the fraud team's holds.
enum FraudController {
    static func settings(req: Request) async throws -> CompanySecuritySettings {
        let companyID = try req.parameter(.companyId)
        guard let company = try await Company.find(companyID, on: req.db) else { throw BankError.notFound }
        return CompanySecuritySettings(allowedCountries: company.allowedCountries.split(separator: ",").map(String.init))
    }

    /// The director sets the allowed countries with a fresh code (`StepUp`); every signer is told.
    static func setSettings(req: Request) async throws -> Reply<CompanySecuritySettings> {
        try await StepUp.replying(req) { Reply(try await changeSettings(req: req)) }
    }

    private static func changeSettings(req: Request) async throws -> CompanySecuritySettings {
        let companyID = try req.parameter(.companyId)
        let caller = try req.caller
        let body = try req.decodeBody(CompanySecuritySettings.self)
        var validator = FieldValidator()
        let codes = body.allowedCountries.map { $0.uppercased() }
        if codes.isEmpty || codes.count > 50 { validator.add("allowedCountries", codes.isEmpty ? .required : .tooLong) }
        for (index, code) in codes.enumerated() where code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            validator.add("allowedCountries[\(index)]", .invalidFormat)
        }
        try validator.throwIfInvalid()
        guard let company = try await Company.find(companyID, on: req.db) else { throw BankError.notFound }
        try await StepUp(services: req.bank).check(try StepUp.Proof(req, action: .countries, scope: companyID), action: .countries, on: req.db)
        let unique = Array(Set(codes)).sorted()
        company.allowedCountries = unique.joined(separator: ",")
        try await req.db.transaction { tx in
            try await company.save(on: tx)
            try await AuditLog.record(
                .fraudAllowedCountriesSet,
                actor: caller.userID,
                subject: .company(companyID),
                details: ["countries": company.allowedCountries],
                at: req.bank.clock.now(),
                on: tx
            )
        }
        try await StepUp(services: req.bank).announce(.countries, companyID: companyID, actor: caller.userID, on: req.db)
        return CompanySecuritySettings(allowedCountries: unique)
    }
}
