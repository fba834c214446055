import BankAPI
import Vapor

/// The photo and company documents (§2.3.2), notifications and the inbox, news and offers, support, branches.
func serviceRoutes(_ tiers: RouteTiers, documentBytes: Int) {
    let open = tiers.open
    open.on(Endpoints.Support.contactInfo, use: SupportController.contact)
    open.on(Endpoints.Notifications.listContent, use: ContentController.list)
    open.on(Endpoints.Branches.findNearbyBranches, use: BranchesController.nearby)
    open.on(Endpoints.Branches.getBranch, use: BranchesController.show)

    // Vapor refuses a body that reaches `maxSize`; one byte more lets a file of exactly the limit through.
    let upload = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: documentBytes + 1))
    // before the policy gate (§6.2): the notification choices are the person's say over processing
    let session = tiers.session
    session.on(Endpoints.Notifications.getNotificationPreferences, use: NotificationsController.preferences)
    session.on(Endpoints.Notifications.setNotificationPreferences, use: NotificationsController.setPreferences)

    let signedIn = tiers.signedIn
    signedIn.on(Endpoints.Documents.putMyPhoto, body: upload, use: DocumentsController.putPhoto)
        .userInfo[IdempotencyMiddleware.maxBodyKey] = documentBytes + 1
    signedIn.on(Endpoints.Documents.getMyPhoto, use: DocumentsController.photo)
    signedIn.on(Endpoints.Documents.deleteMyPhoto, use: DocumentsController.deletePhoto)
    signedIn.on(Endpoints.Notifications.listMyInbox, use: NotificationsController.inbox)
    signedIn.on(Endpoints.Notifications.readAllMyInbox, use: NotificationsController.readAll)
    signedIn.on(Endpoints.Notifications.readMyInboxItem, use: NotificationsController.read)
    signedIn.on(Endpoints.Notifications.setPushToken, use: NotificationsController.registerPushToken)
    signedIn.on(Endpoints.Notifications.removePushToken, use: NotificationsController.removePushToken)
    signedIn.on(Endpoints.Support.sendFeedback, use: SupportController.feedback)
    signedIn.on(Endpoints.Support.openTicket, use: SupportController.open)
    signedIn.on(Endpoints.Support.listMyTickets, use: SupportController.list)
    signedIn.on(Endpoints.Support.showMyTicket, use: SupportController.show)
    signedIn.on(Endpoints.Support.replyToTicket, use: SupportController.reply)
    signedIn.on(Endpoints.Support.closeMyTicket, use: SupportController.close)

    let company = tiers.company
    company.on(Endpoints.Documents.listCompanyDocuments, use: DocumentsController.list)
    company.on(Endpoints.Documents.getCompanyDocument, use: DocumentsController.show)
    company.on(Endpoints.Documents.downloadCompanyDocument, use: DocumentsController.content)
    let preparers = company.permitting(.prepare)
    preparers.on(Endpoints.Documents.uploadCompanyDocument, body: upload, use: DocumentsController.upload)
        .userInfo[IdempotencyMiddleware.maxBodyKey] = documentBytes + 1
    preparers.on(Endpoints.Documents.deleteCompanyDocument, use: DocumentsController.delete)
}
