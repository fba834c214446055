/// A purpose for which the bank processes personal data (§2.2, §2.3, §3.3.1). Code that processes personal
/// data names its purpose; the register (`purposes.json` on the server) says its clause, legal basis, data
/// categories and retention.
public enum ProcessingPurpose: String, CaseIterable, Codable, Sendable {
    /// §2.2.1 identifying a registered user.
    case identification
    /// §2.2.2 access to the app's personal resources.
    case personalResources = "personal_resources"
    /// §2.2.3 operations made through the app, notifications about them, requests.
    case operations
    /// §1.1, §2.1 the access log: IP, client, time, path.
    case accessLog = "access_log"
    /// §2.2.4 security and fraud prevention from device and network signals.
    case fraudDeviceSignals = "fraud_device_signals"
    /// §2.2.5 confirming the completeness of the data given.
    case dataCompleteness = "data_completeness"
    /// §2.2.6 creating the account (the personal cabinet).
    case accountCreation = "account_creation"
    /// §2.2.7 client and technical support.
    case support
    /// §2.2.8 product updates, special offers, tariffs, news, partners' offers.
    case marketing
    /// §2.2.4 the device's location for fraud prevention.
    case fraudLocation = "fraud_location"
    /// §2.3.1 approximate location to find branches near the user.
    case branchSearchLocation = "branch_search_location"
    /// §2.3.2 camera and media library: photo, documents, payment templates from a picture.
    case cameraMedia = "camera_media"
    /// §2.3.3 device state: the device's number and network, to auto-fill sign-in and raise security.
    case deviceState = "device_state"
    /// §2.3.4 one phone number picked from the phone book, to pay for services and settle with people.
    case contacts
    /// §2.3.4 being found by phone: another client who types your number sees your masked name ("Асель О.").
    case findableByPhone = "findable_by_phone"
    /// §2.3.5 showing the user's e-mail in the app.
    case emailDisplay = "email_display"
    /// §2.3.6 reading the bank's SMS to auto-fill the confirmation code.
    case smsAutofill = "sms_autofill"
    /// §3.3.1 disclosure to a named third party with the user's consent.
    case thirdPartyDisclosure = "third_party_disclosure"
}

/// Why processing is lawful (Law 94-V art. 7, 9).
public enum LegalBasis: String, Codable, Sendable {
    case contract
    case consent
    case law
}
