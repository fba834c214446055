import Foundation

extension Endpoints {
    /// §2.3.2: the user's photo and a company's documents. Uploads send the file's raw bytes with its `Content-Type`.
    public enum Documents {
        /// The photo's bytes (`image/jpeg` or `image/png`).
        public static let getMyPhoto = Endpoint<NoParameters, NoBody, NoContent>("getMyPhoto", .GET, "/api/v1/me/photo", auth: .signedIn)
        /// The body is the JPEG or PNG file itself, not JSON (201 new, 200 replaced).
        public static let putMyPhoto = Endpoint<NoParameters, NoBody, DocumentView>(
            "putMyPhoto",
            .PUT,
            "/api/v1/me/photo",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let deleteMyPhoto = Endpoint<NoParameters, NoBody, NoContent>(
            "deleteMyPhoto",
            .DELETE,
            "/api/v1/me/photo",
            auth: .signedIn,
            idempotent: true
        )
        /// `cursor`, `limit`, `paymentId`, `templateId` in the query.
        public static let listCompanyDocuments = Endpoint<UUID, NoBody, ListPage<DocumentView>>(
            "listCompanyDocuments",
            .GET,
            "/api/v1/companies/{companyId}/documents",
            auth: .signedIn
        )
        /// The body is the JPEG, PNG or PDF file itself, not JSON; `paymentId` or `templateId` in the query (201).
        public static let uploadCompanyDocument = Endpoint<UUID, NoBody, DocumentView>(
            "uploadCompanyDocument",
            .POST,
            "/api/v1/companies/{companyId}/documents",
            auth: .signedIn,
            idempotent: true
        )
        public static let getCompanyDocument = Endpoint<IDPair, NoBody, DocumentView>(
            "getCompanyDocument",
            .GET,
            "/api/v1/companies/{companyId}/documents/{documentId}",
            auth: .signedIn
        )
        /// 204.
        public static let deleteCompanyDocument = Endpoint<IDPair, NoBody, NoContent>(
            "deleteCompanyDocument",
            .DELETE,
            "/api/v1/companies/{companyId}/documents/{documentId}",
            auth: .signedIn,
            idempotent: true
        )
        /// The stored file's bytes (`image/jpeg`, `image/png` or `application/pdf`).
        public static let downloadCompanyDocument = Endpoint<IDPair, NoBody, NoContent>(
            "downloadCompanyDocument",
            .GET,
            "/api/v1/companies/{companyId}/documents/{documentId}/content",
            auth: .signedIn
        )
    }

    /// §2.2.3, §2.2.8: notification preferences, the in-app inbox, push tokens and the bank's published content.
    public enum Notifications {
        public static let getNotificationPreferences = Endpoint<NoParameters, NoBody, NotificationPreferencesView>(
            "getNotificationPreferences",
            .GET,
            "/api/v1/me/notification-preferences",
            auth: .signedIn
        )
        public static let setNotificationPreferences = Endpoint<NoParameters, NotificationPreferencesUpdate, NotificationPreferencesView>(
            "setNotificationPreferences",
            .PUT,
            "/api/v1/me/notification-preferences",
            auth: .signedIn,
            idempotent: true
        )
        /// Newest first, with the unread count; `cursor`, `limit` in the query.
        public static let listMyInbox = Endpoint<NoParameters, NoBody, InboxPage>("listMyInbox", .GET, "/api/v1/me/inbox", auth: .signedIn)
        /// 204.
        public static let readAllMyInbox = Endpoint<NoParameters, NoBody, NoContent>(
            "readAllMyInbox",
            .POST,
            "/api/v1/me/inbox/read-all",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let readMyInboxItem = Endpoint<UUID, NoBody, NoContent>(
            "readMyInboxItem",
            .POST,
            "/api/v1/me/inbox/{itemId}/read",
            auth: .signedIn,
            idempotent: true
        )
        public static let setPushToken = Endpoint<UUID, PushTokenRegistration, PushTokenView>(
            "setPushToken",
            .PUT,
            "/api/v1/me/devices/{deviceId}/push-token",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let removePushToken = Endpoint<UUID, NoBody, NoContent>(
            "removePushToken",
            .DELETE,
            "/api/v1/me/devices/{deviceId}/push-token",
            auth: .signedIn,
            idempotent: true
        )
        /// News, tariffs and offers in the `Accept-Language` language; `kind`, `cursor`, `limit` in the query.
        public static let listContent = Endpoint<NoParameters, NoBody, ListPage<ContentView>>("listContent", .GET, "/api/v1/content", auth: .public)
    }

    /// §1.1, §2.2.7: the contact card, feedback and support conversations.
    public enum Support {
        public static let contactInfo = Endpoint<NoParameters, NoBody, ContactInfo>("contactInfo", .GET, "/api/v1/contact", auth: .public)
        /// 201.
        public static let sendFeedback = Endpoint<NoParameters, FeedbackRequest, FeedbackView>(
            "sendFeedback",
            .POST,
            "/api/v1/me/feedback",
            auth: .signedIn,
            idempotent: true
        )
        /// Newest first, 20 a page; `cursor` in the query.
        public static let listMyTickets = Endpoint<NoParameters, NoBody, ListPage<TicketView>>(
            "listMyTickets",
            .GET,
            "/api/v1/me/support/tickets",
            auth: .signedIn
        )
        /// 201.
        public static let openTicket = Endpoint<NoParameters, NewTicketRequest, TicketView>(
            "openTicket",
            .POST,
            "/api/v1/me/support/tickets",
            auth: .signedIn,
            idempotent: true
        )
        public static let showMyTicket = Endpoint<UUID, NoBody, TicketView>(
            "showMyTicket",
            .GET,
            "/api/v1/me/support/tickets/{ticketId}",
            auth: .signedIn
        )
        public static let replyToTicket = Endpoint<UUID, TicketMessageRequest, TicketView>(
            "replyToTicket",
            .POST,
            "/api/v1/me/support/tickets/{ticketId}/messages",
            auth: .signedIn,
            idempotent: true
        )
        public static let closeMyTicket = Endpoint<UUID, NoBody, TicketView>(
            "closeMyTicket",
            .POST,
            "/api/v1/me/support/tickets/{ticketId}/close",
            auth: .signedIn,
            idempotent: true
        )
    }

    /// §2.3.1: branches and ATMs, public.
    public enum Branches {
        /// `lat`, `lon`, `radiusKm`, `limit`, `openNow`, `kind`, `cursor` in the query.
        public static let findNearbyBranches = Endpoint<NoParameters, NoBody, NearbyBranches>(
            "findNearbyBranches",
            .GET,
            "/api/v1/branches/nearby",
            auth: .public
        )
        public static let getBranch = Endpoint<UUID, NoBody, BranchView>("getBranch", .GET, "/api/v1/branches/{branchId}", auth: .public)
    }
}
