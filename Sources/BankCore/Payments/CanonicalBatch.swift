/// One confirmation for a set of orders (the signing basket, payroll): PSD2 RTS 2018/389 art. 5(3) lets a
/// single authentication code cover a batch when it is linked to the total of all the payments in it.
public enum CanonicalBatch {
    /// Identifies the layout; never equal to a single order's `format` line, so a batch and an order can
    /// never produce the same bytes.
    static let contentFormat = "bizbank.payment-batch.v1"

    /// The set's canonical content: a header, then each order's content (normally a `canonicalContent`)
    /// after a separator line that states its length in UTF-8 bytes.
    ///
    /// Sorted by UTF-8 bytes, so the order the set was assembled in does not matter and the result is the same
    /// on every platform; duplicates are kept (two equal payments are two payments). The length prefix keeps the
    /// text unambiguous whatever the items contain.
    public static func content(of orders: [String]) -> String {
        let sorted = orders.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var text = "format=\(contentFormat)\ncount=\(sorted.count)\n"
        for order in sorted {
            text += "--- bytes=\(order.utf8.count)\n" + order
        }
        return text
    }
}
