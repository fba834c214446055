import Foundation

/// One processing purpose of the register (§2.2, §2.3), in the reader's language.
public struct PurposeView: Codable, Sendable, Equatable {
    public struct Category: Codable, Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var id: String
    public var clause: String
    /// contract, consent or law.
    public var basis: String
    public var name: String
    public var description: String
    public var categories: [Category]
    public var retention: String
    public var retentionDays: Int?
    public var switchable: Bool
    public var thirdParty: Bool
    /// Law 94-V art. 16: the purpose sends data abroad; `crossBorderTransfer` says to whom, where and what.
    public var crossBorder: Bool
    public var crossBorderTransfer: CrossBorderTransfer?

    /// The recipient abroad, its countries (ISO 3166-1 alpha-2) and the categories that go there.
    public struct CrossBorderTransfer: Codable, Sendable, Equatable {
        public var recipient: String
        public var countries: [String]
        public var categories: [Category]

        public init(recipient: String, countries: [String], categories: [Category]) {
            self.recipient = recipient
            self.countries = countries
            self.categories = categories
        }
    }

    public init(
        id: String,
        clause: String,
        basis: String,
        name: String,
        description: String,
        categories: [Category],
        retention: String,
        retentionDays: Int? = nil,
        switchable: Bool,
        thirdParty: Bool,
        crossBorder: Bool,
        crossBorderTransfer: CrossBorderTransfer? = nil
    ) {
        self.id = id
        self.clause = clause
        self.basis = basis
        self.name = name
        self.description = description
        self.categories = categories
        self.retention = retention
        self.retentionDays = retentionDays
        self.switchable = switchable
        self.thirdParty = thirdParty
        self.crossBorder = crossBorder
        self.crossBorderTransfer = crossBorderTransfer
    }
}

public struct PurposeList: Codable, Sendable {
    public var language: String
    public var items: [PurposeView]

    public init(language: String, items: [PurposeView]) {
        self.language = language
        self.items = items
    }
}

/// A consent record with the Law 94-V art. 8 fields.
public struct ConsentView: Codable, Sendable, Equatable {
    public var id: UUID
    public var purpose: String
    public var recipientName: String?
    public var recipientBin: String?
    public var operatorName: String
    public var operatorBin: String
    public var dataCategories: [String]
    public var duration: String
    public var thirdParty: Bool
    public var crossBorder: Bool
    public var policyVersion: Int
    public var grantedAt: Date
    public var withdrawnAt: Date?
    public var channel: String
    public var deviceInstallationId: String
    /// Law 94-V art. 8: whether the data is published in public sources.
    public var published: Bool
    /// The purpose's title and text as shown when the person agreed, and their language (nil on older records).
    public var purposeTitle: String?
    public var purposeText: String?
    public var purposeLanguage: String?
    /// The person's full name as at the grant (nil on older records, and once the person was destroyed).
    public var subjectName: String?

    public init(
        id: UUID,
        purpose: String,
        recipientName: String? = nil,
        recipientBin: String? = nil,
        operatorName: String,
        operatorBin: String,
        dataCategories: [String],
        duration: String,
        thirdParty: Bool,
        crossBorder: Bool,
        policyVersion: Int,
        grantedAt: Date,
        withdrawnAt: Date? = nil,
        channel: String,
        deviceInstallationId: String,
        published: Bool = false,
        purposeTitle: String? = nil,
        purposeText: String? = nil,
        purposeLanguage: String? = nil,
        subjectName: String? = nil
    ) {
        self.id = id
        self.purpose = purpose
        self.recipientName = recipientName
        self.recipientBin = recipientBin
        self.operatorName = operatorName
        self.operatorBin = operatorBin
        self.dataCategories = dataCategories
        self.duration = duration
        self.thirdParty = thirdParty
        self.crossBorder = crossBorder
        self.policyVersion = policyVersion
        self.grantedAt = grantedAt
        self.withdrawnAt = withdrawnAt
        self.channel = channel
        self.deviceInstallationId = deviceInstallationId
        self.published = published
        self.purposeTitle = purposeTitle
        self.purposeText = purposeText
        self.purposeLanguage = purposeLanguage
        self.subjectName = subjectName
    }
}

/// The privacy centre's consent screen in one call: each purpose with its live consents, and the full history.
public struct ConsentOverview: Codable, Sendable {
    public struct PurposeState: Codable, Sendable {
        public var purpose: PurposeView
        public var granted: Bool
        public var live: [ConsentView]

        public init(purpose: PurposeView, granted: Bool, live: [ConsentView]) {
            self.purpose = purpose
            self.granted = granted
            self.live = live
        }
    }

    public var items: [PurposeState]
    public var history: [ConsentView]

    public init(items: [PurposeState], history: [ConsentView]) {
        self.items = items
        self.history = history
    }
}

public struct GrantConsentRequest: Codable, Sendable {
    public var purpose: String
    /// §3.3.1 only: the third party the data may go to.
    public var recipientName: String?
    public var recipientBin: String?

    public init(purpose: String, recipientName: String? = nil, recipientBin: String? = nil) {
        self.purpose = purpose
        self.recipientName = recipientName
        self.recipientBin = recipientBin
    }
}

public struct StaffSignInRequest: Codable, Sendable {
    public var username: String
    public var password: String
    /// The 6-digit RFC 6238 code from the staff member's authenticator app (review M14).
    public var code: String

    public init(username: String, password: String, code: String) {
        self.username = username
        self.password = password
        self.code = code
    }
}

public struct StaffSignInResponse: Codable, Sendable {
    public var token: String
    public var expiresAt: Date
    public var role: String
    public var displayName: String

    public init(token: String, expiresAt: Date, role: String, displayName: String) {
        self.token = token
        self.expiresAt = expiresAt
        self.role = role
        self.displayName = displayName
    }
}

/// §6.1: a new policy edition, published by the responsible person.
public struct PublishPolicyRequest: Codable, Sendable {
    public var title: String
    public var textKk: String
    public var textRu: String
    public var textEn: String
    /// When it takes effect; now when absent.
    public var effectiveAt: Date?
    /// YYYY-MM-DD, shown with the text.
    public var lastUpdated: String

    public init(title: String, textKk: String, textRu: String, textEn: String, effectiveAt: Date? = nil, lastUpdated: String) {
        self.title = title
        self.textKk = textKk
        self.textRu = textRu
        self.textEn = textEn
        self.effectiveAt = effectiveAt
        self.lastUpdated = lastUpdated
    }
}

public struct AcceptPolicyRequest: Codable, Sendable {
    public var version: Int

    public init(version: Int) {
        self.version = version
    }
}

public struct PolicyAcceptanceView: Codable, Sendable {
    public var version: Int
    public var acceptedAt: Date
    public var ip: String
    public var deviceInstallationId: String

    public init(version: Int, acceptedAt: Date, ip: String, deviceInstallationId: String) {
        self.version = version
        self.acceptedAt = acceptedAt
        self.ip = ip
        self.deviceInstallationId = deviceInstallationId
    }
}

/// §2.2.8: an offer or news item in the three languages.
public struct LocalizedOffer: Codable, Sendable {
    public var kk: String
    public var ru: String
    public var en: String

    public init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }
}

public struct OfferQueued: Codable, Sendable {
    public var recipients: Int

    public init(recipients: Int) {
        self.recipients = recipients
    }
}
