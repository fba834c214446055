import BankAPI
import BankCore
import Fluent
import Foundation
import Vapor

/// Business onboarding (§2.2.6, §6.2, §1.2): company, the registering person as its director, acceptance of
/// the current policy edition and the consent to create the account; active once the phone is verified.
struct RegistrationService: Sendable {
    let services: BankServices

    struct Validated: Sendable {
        let companyName: String
        let company: CompanyIdentity.Identifier
        let person: Person
        let edition: PolicyEdition
    }

    /// Checks every field and reports all violations at once; nothing is stored on failure.
    func validate(_ request: RegistrationRequest, on database: any Database) async throws -> Validated {
        var validator = FieldValidator()
        let companyName = validator.companyName("company.name", request.company.name)
        let fullName = validator.require("person.fullName", request.person.fullName, maxLength: 200)
        let iin = validator.parse("person.iin") { try IIN(request.person.iin) }
        let company = services.companyIdentity.parse(
            kind: request.company.kind,
            number: request.company.bin,
            ownerIIN: iin,
            fields: ("company.kind", "company.bin"),
            into: &validator
        )
        let phone = validator.parse("person.phone") { try PhoneNumber(request.person.phone) }
        let email = validator.parse("person.email") { try EmailAddress(request.person.email) }
        if let violation = services.passwordPolicy.violation(
            of: request.password,
            phoneDigits: phone.map { String($0.value.dropFirst(2)) },
            iin: iin?.value
        ) {
            validator.add("password", FieldCode(core: violation))
        }
        if !request.acceptPolicy { validator.add("acceptPolicy", .mustBeTrue) }
        if !request.consentToAccountCreation { validator.add("consentToAccountCreation", .mustBeTrue) }
        DeviceRegistry.validate(request.device, into: &validator)
        let current = try await PolicyEditions(services: services).current(on: database)
        if current == nil || request.policyVersion > (current?.version ?? 0) || request.policyVersion < 1 {
            validator.add("policyVersion", .unknownEdition)
        }
        try validator.throwIfInvalid()
        guard let current, let companyName, let company, let fullName, let iin, let phone, let email else { throw BankError.internalError }
        // §6.2: only the edition in force can be accepted.
        if request.policyVersion != current.version { throw BankError.policyEditionOutdated }
        return Validated(
            companyName: companyName,
            company: company,
            person: Person(id: UUID(), fullName: fullName, iin: iin, phone: phone, email: email),
            edition: current
        )
    }

    /// Starts a registration and sends the phone-verification code. If the phone or IIN already belongs to
    /// someone, the answer looks the same, and the owner gets an SMS instead of a code (no enumeration).
    func start(
        _ request: RegistrationRequest,
        origin: SessionService.Origin,
        language: Language,
        on database: any Database
    ) async throws -> OtpChallenge {
        let limiter = services.rateLimiter
        try await limiter.hit(
            .init(name: "register-ip", limit: services.security.registrationsPerIPPerHour, windowSeconds: 3600),
            key: origin.ip,
            on: database
        )
        let valid = try await validate(request, on: database)
        try await limiter.hit(
            .init(name: "register-phone", limit: services.security.registrationsPerPhonePerHour, windowSeconds: 3600),
            key: valid.person.phone.value,
            on: database
        )
        let passwordHash = try await services.hashPassword(request.password)
        let vault = services.vault
        return try await database.transaction { tx in
            // review M13: what an unfinished registration held is free again once its code has expired
            try await StaleRegistrations(services: services).release(
                bin: valid.company.key,
                phoneIndex: vault.phoneIndex(valid.person.phone),
                iinIndex: vault.iinIndex(valid.person.iin),
                on: tx
            )
            // review M4: a decoy holds the BIN for as long as a real unfinished registration would, so a second
            // registration with the same BIN answers the same whether or not the first phone or IIN was known
            if try await isTaken(valid.company.key, on: tx) { throw BankError.companyAlreadyRegistered }
            let decoyBinding = decoyBinding(bin: valid.company.key)
            let existing = try await User.query(on: tx)
                .group(.or) {
                    $0.filter(\.$phoneIndex == vault.phoneIndex(valid.person.phone)).filter(\.$iinIndex == vault.iinIndex(valid.person.iin))
                }
                .first()
            let otpContext = OtpService.Context(language: language, device: request.device)
            if let existing {
                let owner = try await vault.open(existing, on: tx)
                try await NotificationService(services: services).notify(
                    existing,
                    .security,
                    .init(key: "sms.security.already_registered"),
                    language: language,
                    on: tx
                )
                try await AuditLog.record(.registrationDuplicate, actor: nil, subject: .user(owner.id), at: services.clock.now(), on: tx)
                return try await services.otp.issue(
                    purpose: .registration,
                    userID: nil,
                    phone: valid.person.phone,
                    binding: decoyBinding,
                    context: otpContext,
                    sendSMS: false,
                    on: tx
                )
            }
            let company = try services.companyIdentity.makeCompany(name: valid.companyName, valid.company)
            try await company.create(on: tx)
            let user = try await vault.makeUser(valid.person, passwordHash: passwordHash, on: tx)
            try await user.create(on: tx)
            try await Membership(userID: valid.person.id, companyID: try company.requireID(), role: .director).create(on: tx)
            try await PolicyAcceptanceRecorder(services: services).record(
                valid.edition,
                userID: valid.person.id,
                origin: .init(ip: origin.ip, userAgent: origin.userAgent, deviceInstallationID: request.device.id),
                on: tx
            )
            try await recordAccountConsent(
                userID: valid.person.id,
                fullName: valid.person.fullName,
                language: language,
                edition: valid.edition,
                device: request.device,
                on: tx
            )
            try await AuditLog.record(
                .registrationStarted,
                actor: valid.person.id,
                subject: .company(try company.requireID()),
                details: ["policy_version": String(valid.edition.version), "device": request.device.id],
                at: services.clock.now(),
                on: tx
            )
            return try await services.otp.issue(
                purpose: .registration,
                userID: valid.person.id,
                phone: valid.person.phone,
                binding: Self.binding(userID: valid.person.id, device: request.device.id),
                context: otpContext,
                on: tx
            )
        }
    }

    /// Verifies the phone: the person becomes active, the device trusted, and a session opens.
    func complete(challengeID: UUID, code: String, origin: SessionService.Origin, on database: any Database) async throws -> SessionGrant {
        let otp = services.otp
        let challenge = try await otp.verify(challengeID: challengeID, code: code, purpose: .registration, on: database)
        guard let userID = challenge.userID, let descriptor = try otp.context(of: challenge).device else { throw BankError.otpInvalid }
        return try await database.transaction { tx in
            guard let user = try await User.find(userID, on: tx), user.status == .pending else { throw BankError.otpInvalid }
            user.status = .active
            try await user.save(on: tx)
            let device = try await services.devices.trust(descriptor, userID: userID, on: tx)
            try await AuditLog.record(
                .registrationCompleted,
                actor: userID,
                subject: .user(userID),
                details: ["device": descriptor.id],
                at: services.clock.now(),
                on: tx
            )
            return try await services.sessions.open(for: user, device: device, origin: origin, on: tx)
        }
    }

    static func binding(userID: UUID, device: String) -> String { "\(userID.uuidString)|\(device)" }

    /// Whether a company holds this BIN (or sole proprietor's IIN index), or a decoy registration code still holds it
    /// as long as a real unfinished registration would (review M4).
    func isTaken(_ key: String, on database: any Database) async throws -> Bool {
        if try await Company.query(on: database).filter(\.$bin == key).first() != nil { return true }
        let decoy = try await OtpChallenge.query(on: database).filter(\.$purpose == .registration).filter(\.$binding == decoyBinding(bin: key))
            .filter(\.$expiresAt > services.clock.now()).first()
        return decoy != nil
    }

    /// The binding of a decoy code: it can never verify, and it names the BIN only as a blind index.
    func decoyBinding(bin: String) -> String { "decoy|" + services.cipher.blindIndex(bin, kind: "registration-bin") }

    /// §2.2.6: creating the personal cabinet is itself the consent to the account's creation (Law 94-V art. 8 fields,
    /// the text shown in `language` and the person's name sealed, `ConsentService.stamp`). The user row and key exist.
    func recordAccountConsent(
        userID: UUID,
        fullName: String,
        language: Language,
        edition: PolicyEdition,
        device: DeviceDescriptor,
        on database: any Database
    ) async throws {
        let consent = Consent()
        consent.$user.id = userID
        consent.purpose = "account_creation"
        consent.operatorName = services.config.operatorName
        consent.operatorBIN = services.config.operatorBIN
        consent.dataCategories = "full_name,iin,phone,email,company"
        consent.duration = "until the account is closed"
        consent.thirdParty = false
        consent.crossBorder = services.purposes.entry(.accountCreation).crossBorder
        consent.$edition.id = try edition.requireID()
        consent.grantedAt = services.clock.now()
        consent.channel = "mobile_app"
        consent.deviceInstallationID = device.id
        try await ConsentService(services: services)
            .stamp(consent, entry: services.purposes.entry(.accountCreation), fullName: fullName, language: language, on: database)
        try await consent.create(on: database)
    }
}

extension BankServices {
    /// Bcrypt runs on the thread pool, never on the event loop.
    func hashPassword(_ password: String) async throws -> String {
        let cost = config.bcryptCost
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Bcrypt.hash(password, cost: cost) })
            }
        }
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Bcrypt.verify(password, created: hash) })
            }
        }
    }
}
