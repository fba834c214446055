import BankCore
import Vapor

/// An RFC 9457 problem document: the one shape every error reaches a client in.
struct Problem: Content, Equatable {
    struct FieldError: Content, Equatable {
        var field: String
        var code: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var code: String
    var detail: String?
    var errors: [FieldError]?
    /// `consent_required`: the purpose (§2.2, §2.3) whose consent is missing.
    var purpose: String?
    /// `policy_acceptance_required`: the edition to read and accept (§6.2).
    var policyVersion: Int?
}

/// A field that failed validation, before it is localised.
struct FieldViolation: Sendable, Equatable {
    let field: String
    let code: FieldCode

    init(field: String, code: FieldCode) {
        self.field = field
        self.code = code
    }

}

/// Every error a user can hit. Areas throw these; only `ProblemMiddleware` turns them into HTTP.
struct BankError: Error, Sendable, Equatable {
    let status: HTTPResponseStatus
    let code: ProblemCode
    var fields: [FieldViolation] = []
    var retryAfterSeconds: Int?
    var purpose: String?
    var policyVersion: Int?

    static func validation(_ fields: [FieldViolation]) -> BankError {
        BankError(status: .unprocessableEntity, code: .validationFailed, fields: fields)
    }

    static func rateLimited(retryAfter seconds: Int) -> BankError {
        BankError(status: .tooManyRequests, code: .rateLimited, retryAfterSeconds: max(1, seconds))
    }

    static let malformedRequest = BankError(status: .badRequest, code: .malformedRequest)
    static let authenticationRequired = BankError(status: .unauthorized, code: .authenticationRequired)
    static let sessionExpired = BankError(status: .unauthorized, code: .sessionExpired)
    /// §2.2.1 / PSD2 RTS art. 4: one answer for every sign-in failure, never naming the factor.
    static let signInFailed = BankError(status: .unauthorized, code: .signInFailed)
    /// §2.2.4: the device key is not enough this time (elevated risk); sign in with the password and an SMS code.
    static let signInNeedsCode = BankError(status: .forbidden, code: .signInNeedsCode)
    static let forbidden = BankError(status: .forbidden, code: .forbidden)
    static let notFound = BankError(status: .notFound, code: .notFound)
    static let conflict = BankError(status: .conflict, code: .conflict)
    static let otpInvalid = BankError(status: .unprocessableEntity, code: .otpInvalid)
    static let otpExpired = BankError(status: .unprocessableEntity, code: .otpExpired)
    static let otpExhausted = BankError(status: .unprocessableEntity, code: .otpExhausted)
    static let accountBlocked = BankError(status: .forbidden, code: .accountBlocked)
    static let companyAlreadyRegistered = BankError(status: .conflict, code: .companyAlreadyRegistered)
    static let policyEditionOutdated = BankError(status: .conflict, code: .policyEditionOutdated)
    static let deviceNotTrusted = BankError(status: .forbidden, code: .deviceNotTrusted)
    static let deviceKeyInvalid = BankError(status: .unprocessableEntity, code: .deviceKeyInvalid)
    static let currentPasswordIncorrect = BankError(status: .unprocessableEntity, code: .currentPasswordIncorrect)
    static let internalError = BankError(status: .internalServerError, code: .internalError)

    /// A consent-based purpose without a live consent: nothing is processed or stored.
    static func consentRequired(_ purpose: ProcessingPurpose) -> BankError {
        BankError(status: .forbidden, code: .consentRequired, purpose: purpose.rawValue)
    }

    /// §6.2: a newer edition is in force and the user has not accepted it.
    static func policyAcceptanceRequired(version: Int) -> BankError {
        BankError(status: .forbidden, code: .policyAcceptanceRequired, policyVersion: version)
    }

    static func otpResendTooSoon(retryAfter seconds: Int) -> BankError {
        BankError(status: .tooManyRequests, code: .otpResendTooSoon, retryAfterSeconds: max(1, seconds))
    }
}

/// Collects field violations so a request reports every bad field at once.
struct FieldValidator {
    private(set) var violations: [FieldViolation] = []

    mutating func add(_ field: String, _ code: FieldCode) {
        violations.append(FieldViolation(field: field, code: code))
    }

    /// Runs a throwing parser and records its error code against `field`; returns nil on failure.
    mutating func parse<T>(_ field: String, _ parser: () throws -> T) -> T? {
        do {
            return try parser()
        } catch let error as BankCoreCodedError {
            add(field, FieldCode(core: error.code))
        } catch {
            add(field, .invalidValue)
        }
        return nil
    }

    mutating func require(_ field: String, _ value: String, maxLength: Int) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            add(field, .required)
            return nil
        }
        if trimmed.count > maxLength {
            add(field, .tooLong)
            return nil
        }
        return trimmed
    }

    /// A company's name (review M8): it is quoted in SMS, so it may not carry a line break or other control
    /// character, a link, or a run of digits that reads as a phone number.
    mutating func companyName(_ field: String, _ value: String) -> String? {
        guard let name = require(field, value, maxLength: 200) else { return nil }
        let lower = name.lowercased()
        let longestDigitRun = name.split { !$0.isNumber }.map(\.count).max() ?? 0
        // a phone number, however spaced, has at least 7 digits in all
        let digits = name.filter(\.isNumber).count
        if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
            || ["http", "www.", "://", "@"].contains(where: lower.contains) || longestDigitRun >= 5 || digits >= 7
        {
            add(field, .invalidCharacters)
            return nil
        }
        return name
    }

    func throwIfInvalid() throws {
        if !violations.isEmpty { throw BankError.validation(violations) }
    }
}
