import BankCore
import Foundation

/// Opening hours per weekday in Kazakhstan time (UTC+5): `"09:00-18:00"`, `"00:00-24:00"` or `"closed"`.
public struct WeeklyHours: Codable, Sendable, Equatable {
    public var mon: String
    public var tue: String
    public var wed: String
    public var thu: String
    public var fri: String
    public var sat: String
    public var sun: String

    public init(mon: String, tue: String, wed: String, thu: String, fri: String, sat: String, sun: String) {
        self.mon = mon
        self.tue = tue
        self.wed = wed
        self.thu = thu
        self.fri = fri
        self.sat = sat
        self.sun = sun
    }

    /// Monday first, as `WeeklyHours.days` names them.
    public var ordered: [String] { [mon, tue, wed, thu, fri, sat, sun] }
    public static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public init(ordered: [String]) {
        let day = { (index: Int) in index < ordered.count ? ordered[index] : "closed" }
        self.init(mon: day(0), tue: day(1), wed: day(2), thu: day(3), fri: day(4), sat: day(5), sun: day(6))
    }
}

/// A branch or ATM as staff create and edit it (§2.3.1 branch search): texts in kk / ru / en, `kind` `branch` or
/// `atm`, services from `cash_in`, `cash_out`, `currency_exchange`, `business_desk`, accessibility from
/// `step_free_entrance`, `hearing_loop`, `audio_guidance`, `braille_keypad`.
public struct BranchInput: Codable, Sendable {
    /// The bank's stable branch code (upserts from CSV match on it).
    public var code: String
    public var kind: String
    public var name: LocalizedName
    public var address: LocalizedName
    public var latitude: Double
    public var longitude: Double
    public var openingHours: WeeklyHours
    public var services: [String]
    public var accessibility: [String]

    public init(
        code: String,
        kind: String,
        name: LocalizedName,
        address: LocalizedName,
        latitude: Double,
        longitude: Double,
        openingHours: WeeklyHours,
        services: [String],
        accessibility: [String]
    ) {
        self.code = code
        self.kind = kind
        self.name = name
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.openingHours = openingHours
        self.services = services
        self.accessibility = accessibility
    }
}

/// A branch as staff see it: every language, and when it was last changed.
public struct BranchRecord: Codable, Sendable {
    public var id: UUID
    public var code: String
    public var kind: String
    public var name: LocalizedName
    public var address: LocalizedName
    public var latitude: Double
    public var longitude: Double
    public var openingHours: WeeklyHours
    public var services: [String]
    public var accessibility: [String]
    public var updatedAt: Date

    public init(id: UUID, input: BranchInput, updatedAt: Date) {
        self.id = id
        self.code = input.code
        self.kind = input.kind
        self.name = input.name
        self.address = input.address
        self.latitude = input.latitude
        self.longitude = input.longitude
        self.openingHours = input.openingHours
        self.services = input.services
        self.accessibility = input.accessibility
        self.updatedAt = updatedAt
    }
}

/// A branch as the app shows it: texts in the reader's language, open now by the bank's clock, and the distance
/// from the (rounded) point when it came from a nearby search.
public struct BranchView: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var kind: String
    public var name: String
    public var address: String
    public var latitude: Double
    public var longitude: Double
    public var distanceMetres: Int?
    public var openingHours: WeeklyHours
    public var openNow: Bool
    public var services: [String]
    public var accessibility: [String]

    public init(
        id: UUID,
        code: String,
        kind: String,
        name: String,
        address: String,
        latitude: Double,
        longitude: Double,
        distanceMetres: Int?,
        openingHours: WeeklyHours,
        openNow: Bool,
        services: [String],
        accessibility: [String]
    ) {
        self.id = id
        self.code = code
        self.kind = kind
        self.name = name
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.distanceMetres = distanceMetres
        self.openingHours = openingHours
        self.openNow = openNow
        self.services = services
        self.accessibility = accessibility
    }
}

/// One page of a nearby search. `latitude` / `longitude` are the point as the server used it: rounded to 2
/// decimals (about 1 km, §2.3.1). `nextCursor` is always present, `null` on the last page.
public struct NearbyBranches: Codable, Sendable, Equatable {
    public var language: String
    public var latitude: Double
    public var longitude: Double
    public var radiusKm: Double
    public var items: [BranchView]
    public var nextCursor: String?

    public init(language: String, latitude: Double, longitude: Double, radiusKm: Double, items: [BranchView], nextCursor: String?) {
        self.language = language
        self.latitude = latitude
        self.longitude = longitude
        self.radiusKm = radiusKm
        self.items = items
        self.nextCursor = nextCursor
    }

    private enum CodingKeys: String, CodingKey { case language, latitude, longitude, radiusKm, items, nextCursor }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(language, forKey: .language)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
        try container.encode(radiusKm, forKey: .radiusKm)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
