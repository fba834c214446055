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

/// The static assets: stylesheet, script, manifest, service worker, icons. From the bundle only, no CDN.
enum StaticAssets {
    static let files: [String: String] = [
        "app.css": "text/css; charset=utf-8",
        "app.js": "text/javascript; charset=utf-8",
        "sw.js": "text/javascript; charset=utf-8",
        "manifest.webmanifest": "application/manifest+json",
        "icon.svg": "image/svg+xml",
    ]

    static func register(_ routes: any RoutesBuilder) {
        routes.get("static", ":file") { req -> Response in
            guard let name = req.parameters.get("file"), let type = files[name],
                let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/static"),
                let data = try? Data(contentsOf: url)
            else { throw Abort(.notFound) }
            var headers: HTTPHeaders = ["Content-Type": type, "Cache-Control": "public, max-age=3600"]
            // the service worker controls the whole origin, so it is served with that scope
            if name == "sw.js" { headers.replaceOrAdd(name: "Service-Worker-Allowed", value: "/") }
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
    }
}
