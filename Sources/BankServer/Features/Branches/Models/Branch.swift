import Fluent
import Foundation

/// A bank branch or ATM (§2.3.1 "branches near me"). Public information about the bank, not personal data: no
/// encryption, no export, no retention rule. `cell` is the search grid cell of its coordinates (`GeoGrid`).
final class Branch: Model, @unchecked Sendable {  // Fluent models are reference types with property wrappers
    static let schema = "branches"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // reference
    /// The bank's stable branch code; CSV imports upsert by it.
    @Field(key: "code") var code: String
    @Enum(key: "kind") var kind: Kind

    // data
    @Field(key: "name_kk") var nameKk: String
    @Field(key: "name_ru") var nameRu: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "address_kk") var addressKk: String
    @Field(key: "address_ru") var addressRu: String
    @Field(key: "address_en") var addressEn: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "cell") var cell: Int64
    /// Seven entries, Monday first, comma-separated (`BranchHours.stored`).
    @Field(key: "hours") var hours: String
    /// Space-separated values of `Branch.Service`, sorted.
    @Field(key: "services") var services: String
    /// Space-separated values of `Branch.Accessibility`, sorted.
    @Field(key: "accessibility") var accessibility: String

    init() {}
}

extension Branch {
    enum Kind: String, Codable, CaseIterable, Sendable {
        case branch
        case atm
    }

    /// The fixed set of services a branch or ATM offers.
    enum Service: String, CaseIterable, Sendable {
        case cashIn = "cash_in"
        case cashOut = "cash_out"
        case currencyExchange = "currency_exchange"
        case businessDesk = "business_desk"
    }

    /// The fixed set of accessibility features.
    enum Accessibility: String, CaseIterable, Sendable {
        case stepFreeEntrance = "step_free_entrance"
        case hearingLoop = "hearing_loop"
        case audioGuidance = "audio_guidance"
        case brailleKeypad = "braille_keypad"
    }
}
