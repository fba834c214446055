import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.3.1 branches and ATMs near me, public. The browser's location leaves the page only rounded to two decimals
/// (app.js), and only for a signed-in person who consented to `branch_search_location`; a signed-out visitor's
/// location is used for this one search only. A city is the fallback when the location is refused or unavailable.
enum BranchPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("branches") { req in try await page(Web(req)) }
    }

    static let cities: [(id: String, latitude: Double, longitude: Double)] = [
        ("almaty", 43.24, 76.89), ("astana", 51.17, 71.45), ("shymkent", 42.32, 69.59),
    ]
    static let radii = ["5", "10", "25", "50"]

    static func page(_ web: Web) async throws -> Response {
        let query = web.request.query
        var signedIn = false
        if web.token != nil { signedIn = (try? await web.client().send(Endpoints.Sessions.getMe)) != nil }
        // signed out: the button asks the browser; signed in: only with the consent (§2.3)
        let mayLocate = signedIn ? ((try? await web.client().hasConsent(.branchSearchLocation)) ?? false) : true
        let by = query[String.self, at: "by"] ?? ""
        let city = query[String.self, at: "city"] ?? "almaty"
        let openNow = query[String.self, at: "openNow"] == "true"
        let radius = query[String.self, at: "radius"].flatMap { radii.contains($0) ? $0 : nil } ?? "10"
        var point: Coordinate?
        var hint: String?
        if by == "city", let chosen = cities.first(where: { $0.id == city }) {
            point = Coordinate(latitude: chosen.latitude, longitude: chosen.longitude)
        } else if let lat = query[String.self, at: "lat"].flatMap(Double.init), let lon = query[String.self, at: "lon"].flatMap(Double.init),
            (-90...90).contains(lat), (-180...180).contains(lon), mayLocate
        {
            point = Coordinate(latitude: lat, longitude: lon)
        } else if by == "location" || query[String.self, at: "lat"] != nil {
            hint = web.t("branches.noLocation")
        }
        var results: Markup = ""
        if let point {
            do {
                let found = try await web.client().nearbyBranches(point, radiusKm: Double(radius) ?? 10, openNow: openNow)
                results = list(web, found)
            } catch let error where Layout.errors(of: error) != nil {
                results = ServiceKit.problem(error)
            }
        }
        let cityOptions = ServiceKit.options(cities.map { ($0.id, web.t("branches.city." + $0.id)) }, selected: city)
        let radiusOptions = ServiceKit.options(radii.map { ($0, "\($0) \(web.t("branches.km"))") }, selected: radius)
        let locate: Markup =
            mayLocate
            ? "<button type=\"submit\" name=\"by\" value=\"location\" data-near-me>\(web.t("branches.nearMe"))</button>"
            : "<p class=\"hint\">\(web.t("branches.consentNeeded")) <a href=\"/privacy\">\(web.t("branches.grant"))</a></p>"
        return web.page(
            web.t("branches.title"),
            """
            <form method="get" action="/branches" class="card">
              <input type="hidden" name="lat" value="">
              <input type="hidden" name="lon" value="">
              <label class="choice"><input type="checkbox" name="openNow" value="true"\(Markup(raw: openNow ? " checked" : ""))>
                <span>\(web.t("branches.openNow"))</span></label>
              <label class="field"><span>\(web.t("branches.radius"))</span><select name="radius">\(radiusOptions)</select></label>
              \(locate)
              <p class="hint">\(web.t("branches.roundedHint"))</p>
              <div class="inline-form">
                <label class="field"><span>\(web.t("branches.orCity"))</span><select name="city">\(cityOptions)</select></label>
                <button type="submit" name="by" value="city" class="secondary">\(web.t("branches.show"))</button>
              </div>
            </form>
            \(Layout.alert(hint))
            \(results)
            """,
            signedIn: signedIn
        )
    }

    static func list(_ web: Web, _ found: NearbyBranches) -> Markup {
        let weekday = (Calendar(identifier: .gregorian).dateComponents(in: KazakhstanTime.zone, from: Date()).weekday ?? 2)
        let today = (weekday + 5) % 7  // Monday = 0
        let rows: [Markup] = found.items.map { branch in
            let distance = branch.distanceMetres.map {
                $0 < 1000 ? "\($0) \(web.t("branches.m"))" : String(format: "%.1f", Double($0) / 1000) + " " + web.t("branches.km")
            }
            let hours = branch.openingHours.ordered[today]
            return """
                <li class="card" data-testid="branch">
                  <strong>\(branch.name)</strong> · \(web.t("branchKind." + branch.kind))
                  <p>\(branch.address)</p>
                  <p>\(Markup.when(distance != nil, "\(distance ?? "") · "))<span class="status \(branch.openNow ? "s-executed" : "s-rejected")">\(web.t(branch.openNow ? "branches.isOpen" : "branches.isClosed"))</span>
                    · \(web.t("branches.today")) \(hours == "closed" ? web.t("branches.closedDay") : hours)</p>
                </li>
                """
        }
        return """
            <h2>\(web.t("branches.found")) \(found.items.count)</h2>
            <p class="hint">\(web.t("branches.around")) \(String(format: "%.2f", found.latitude)), \(String(format: "%.2f", found.longitude)) · \(String(format: "%.0f", found.radiusKm)) \(web.t("branches.km"))</p>
            \(Markup.when(found.items.isEmpty, "<p>\(web.t("branches.none"))</p>"))
            <ul class="orders">\(rows)</ul>
            """
    }
}
