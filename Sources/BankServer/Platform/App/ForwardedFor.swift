/// The client's address behind proxies (review M6): the right-most `X-Forwarded-For` hop that is not one of our
/// own proxies. A client may write anything into the left of the header; only the hops our proxies appended, read
/// from the right, are believed. With no list configured the peer is the one trusted proxy.
enum ForwardedFor {
    static func client(header: String?, peer: String?, trustedProxies: Set<String>) -> String {
        let peer = peer ?? "unknown"
        guard trustedProxies.isEmpty || trustedProxies.contains(peer) else { return peer }
        let hops = (header ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return hop
        }
        return hops.first ?? peer
    }
}
