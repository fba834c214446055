import BankAPI
import Vapor

// The wire types live in BankAPI (shared with the SDK); the server only adds Vapor's Content conformance.
extension SessionGrant: Content {}
extension UserProfile: Content {}
extension CompanyMembershipView: Content {}
extension OtpChallengeResponse: Content {}
extension DeviceKeyEnrolled: Content {}
extension DeviceChallenge: Content {}
extension SecurityReportResult: Content {}
extension SecurityAlertView: Content {}
extension ChallengeStarted: Content {}
extension PolicyEditionView: Content {}
extension SessionView: Content {}
extension DeviceView: Content {}
extension ServiceProviderView: Content {}
extension ListPage: Content, RequestDecodable, ResponseEncodable, AsyncRequestDecodable,
    AsyncResponseEncodable
where Item: Content {}

extension Request {
    /// Decodes a JSON body; anything that is not JSON is `415`, broken JSON `400`, bad fields `422`.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = headers.contentType, contentType.type == "application", contentType.subType == "json" else {
            throw BankError(status: .unsupportedMediaType, code: .unsupportedMediaType)
        }
        return try content.decode(T.self)
    }
}

extension OtpChallengeResponse {
    init(_ challenge: OtpChallenge, phoneMasked: String, resendGapSeconds: Int) throws {
        self.init(
            challengeId: try challenge.requireID(),
            expiresAt: challenge.expiresAt,
            phoneMasked: phoneMasked,
            resendAvailableAt: challenge.lastSentAt.addingTimeInterval(Double(resendGapSeconds))
        )
    }
}
extension PurposeList: Content {}
extension ConsentView: Content {}
extension ConsentOverview: Content {}
extension PolicyAcceptanceView: Content {}
extension StaffSignInResponse: Content {}
extension OfferQueued: Content {}
extension PersonalDataExport: Content {}
extension PrivacyRequestView: Content {}
extension PrivacyRequestList: Content {}
extension StaffUserView: Content {}
extension CompanySecuritySettings: Content {}
extension DisclosureRecord: Content {}
extension DisclosureView: Content {}
extension BreachIncidentView: Content {}
extension BreachNotification: Content {}
extension BreachIncidentList: Content {}
extension PayeeLookupResult: Content {}
extension ContactInfo: Content {}
extension FeedbackView: Content {}
extension TicketView: Content {}
extension TicketSummaryView: Content {}
extension NotificationPreferencesView: Content {}
extension InboxPage: Content {}
extension PushTokenView: Content {}
extension StaffContentView: Content {}
extension ContentView: Content {}
extension NearbyBranches: Content {}
extension BranchView: Content {}
extension BranchRecord: Content {}
