/// §2.3.2 upload limits, configurable (`BIZBANK_DOCUMENT_MAX_BYTES`, `BIZBANK_DOCUMENT_UPLOADS_PER_HOUR`).
struct DocumentSettings: Sendable {
    /// The largest file accepted; the upload routes collect at most this many bytes.
    var maxBytes: Int = 10 * 1024 * 1024
    /// Uploads (photo and documents together) per user per hour.
    var uploadsPerHour: Int = 60
}
