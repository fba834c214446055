import Crypto
import Vapor

/// The client side of the web bank: every page, by area.
enum WebRoutes {
    static func register(_ routes: any RoutesBuilder) {
        AuthPages.register(routes)
        AccountPages.register(routes)
        PaymentPages.register(routes)
        ServicePaymentPages.register(routes)
        PrivacyPages.register(routes)
        ContactChangePages.register(routes)
        ReportPages.register(routes)
        TemplatePages.register(routes)
        PayrollPages.register(routes)
        EmployeePages.register(routes)
        InboxPages.register(routes)
        SupportPages.register(routes)
        BranchPages.register(routes)
        DocumentPages.register(routes)
    }
}

/// The static assets: stylesheet, script, manifest, service worker, icons. From the bundle only, no CDN; read once.
enum StaticAssets {
    static let types: [String: String] = [
        "app.css": "text/css; charset=utf-8",
        "app.js": "text/javascript; charset=utf-8",
        "sw.js": "text/javascript; charset=utf-8",
        "manifest.webmanifest": "application/manifest+json",
        "icon.svg": "image/svg+xml",
    ]

    /// Every asset's bytes, with the service worker's cache named after the other assets' content: the worker serves
    /// them cache-first, so a changed stylesheet or script must come with a new cache name or phones keep the old one.
    static let files: [String: Data] = {
        var loaded: [String: Data] = [:]
        for name in types.keys {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/static"),
                let data = try? Data(contentsOf: url)
            {
                loaded[name] = data
            }
        }
        if let worker = loaded["sw.js"].map({ String(decoding: $0, as: UTF8.self) }) {
            loaded["sw.js"] = Data(worker.replacingOccurrences(of: "bizbank-static-v1", with: cacheName(of: loaded)).utf8)
        }
        return loaded
    }()

    /// `bizbank-static-` and the first 12 hex digits of SHA-256 over the cached assets, in name order.
    static func cacheName(of assets: [String: Data]) -> String {
        var hash = SHA256()
        for name in assets.keys.sorted() where name != "sw.js" {
            hash.update(data: Data(name.utf8))
            hash.update(data: assets[name] ?? Data())
        }
        return "bizbank-static-" + hash.finalize().map { String(format: "%02x", $0) }.joined().prefix(12)
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get("static", ":file") { req -> Response in
            guard let name = req.parameters.get("file"), let type = types[name], let data = files[name] else { throw Abort(.notFound) }
            var headers: HTTPHeaders = ["Content-Type": type, "Cache-Control": "public, max-age=3600"]
            // the service worker controls the whole origin, so it is served with that scope
            if name == "sw.js" { headers.replaceOrAdd(name: "Service-Worker-Allowed", value: "/") }
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
    }
}
