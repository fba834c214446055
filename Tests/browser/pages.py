#!/usr/bin/env python3
"""Every page of the web bank audited in a phone-sized headless Chromium, in Kazakh and in Russian.

    python3 Tests/browser/pages.py http://localhost:8080 OUT_DIR

Visits the signed-out pages, every client page as the demo director and every staff page as demo-officer (the support
and fraud pages as demo-support and demo-fraud, whose role they are: the officer would only get a 403 page there).
A detail page is the first link of its kind on its list page; where the demo data has none, a support ticket, a
payment draft and a breach are made by their forms first (a payroll needs a file upload: skipped, and said so).
/staff/breaches/notice only redirects to a breach's page. For each page and language it saves OUT_DIR/screenshots/{lang}-{area}-{name}.png
and checks:
  - axe-core (from the PyPI package axe-selenium-python-nhsuk): no violation of impact "serious" or "critical";
  - the browser console: no entry of level SEVERE;
  - the page weight (the HTML document plus every CSS and JS it loads, decoded): at most 100 KB;
  - no sideways scroll (document.documentElement.scrollWidth <= window.innerWidth).
Writes OUT_DIR/page-weight.md. Collects every failure, prints them all, and exits 1 if there was any.
"""
import os
import re
import sys
import time
import urllib.parse
import urllib.request

import axe_selenium_python
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browserkit

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://localhost:8080"
OUT = sys.argv[2] if len(sys.argv) > 2 else "/tmp/bizbank-pages"
SHOTS = os.path.join(OUT, "screenshots")
os.makedirs(SHOTS, exist_ok=True)
LANGUAGES = ("kk", "ru")
MAX_WEIGHT = 102400  # bytes: HTML + CSS + JS
BLOCKING_IMPACTS = ("serious", "critical")
AXE_JS = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

DIRECTOR = ("+77010000001", "Demo-Director-2026!")
# the staff console as the privacy officer; the pages of another role as a demo member of that role (the officer
# would only see a 403 page there)
STAFF = {
    "demo-officer": "Demo-Officer-2026!",
    "demo-support": "Demo-Support-2026!",
    "demo-fraud": "Demo-Fraud-2026!",
}
STAFF_ROLE_PAGES = {"/staff/support": "demo-support", "/staff/fraud": "demo-fraud"}

# the signed-out pages
PUBLIC_PAGES = ["/sign-in", "/register", "/report", "/staff/sign-in"]
# every client GET page that is a page (Sources/BankWeb/Pages/*.swift, routes.get); downloads are left out:
# /accounts/:id/export (statement CSV/1C), /privacy/export.json, /documents/photo and /documents/:company/:document.
# (list page, the detail path pattern found there) for the pages with an id
CLIENT_PAGES = [
    "/accounts", ("/accounts", r"/accounts/" + UUID),
    "/payments", "/payments/new", "/payments/services", ("/payments", r"/payments/" + UUID),
    "/templates",
    "/payroll", ("/payroll", r"/payroll/" + UUID),
    "/employees", "/inbox",
    "/support", ("/support", r"/support/tickets/" + UUID),
    "/documents", "/privacy", "/privacy/export", "/profile", "/branches", "/policy/accept",
]
# every staff GET page (Sources/BankWeb/StaffRoutes.swift, Pages/Staff*.swift)
STAFF_PAGES = [
    "/staff", "/staff/users", "/staff/disclosures", "/staff/disclosures/new",
    "/staff/breaches", ("/staff/breaches", r"/staff/breaches/" + UUID, "record_breach"),
    "/staff/branches", "/staff/branches/new", "/staff/branches/import", ("/staff/branches", r"/staff/branches/" + UUID),
    "/staff/content",
    "/staff/support", ("/staff/support", r"/staff/support/" + UUID),
    "/staff/fraud",
]

failures = []
weights = []  # (path, lang, html, css, js)
visited = []
skipped = []


def failure(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


driver = browserkit.phone_chromium(console_log=True)
driver.set_page_load_timeout(60)
driver.set_script_timeout(120)
with open(AXE_JS, encoding="utf-8") as f:
    AXE_SOURCE = f.read()


def latest_code(phone):
    return browserkit.latest_code(BASE, phone)


def staff_code(username):
    return browserkit.staff_code(BASE, username)


def navigate(element):
    browserkit.navigate(driver, element, timeout=20)


def fill(name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def drain_console():
    try:
        return driver.get_log("browser")
    except WebDriverException:
        return []


def set_language(lang):
    driver.get(BASE + "/lang/%s?back=/" % lang)
    cookie = driver.get_cookie("lang")
    if not cookie or cookie["value"] != lang:
        failure("the language cookie was not set to %s" % lang)


def sign_in_client():
    driver.get(BASE + "/sign-in")
    fill("phone", DIRECTOR[0])
    fill("password", DIRECTOR[1])
    navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button"))
    time.sleep(0.3)
    fill("code", latest_code(DIRECTOR[0]))
    navigate(driver.find_element(By.CSS_SELECTOR, "form.card button"))
    if "/sign-in" in driver.current_url:
        raise AssertionError("the demo director could not sign in: " + driver.find_element(By.TAG_NAME, "body").text[:300])


staff_cookies = {}  # username -> the staff session cookie: each member signs in once (a TOTP code is used once)
staff_signed_in = [None]


def sign_in_staff(username):
    if staff_signed_in[0] == username:
        return
    for cookie in driver.get_cookies():
        if "staff" in cookie["name"]:
            driver.delete_cookie(cookie["name"])
    if username in staff_cookies:
        driver.add_cookie(staff_cookies[username])
    else:
        driver.get(BASE + "/staff/sign-in")
        fill("username", username)
        fill("password", STAFF[username])
        fill("code", staff_code(username))
        navigate(driver.find_element(By.CSS_SELECTOR, "form.card button"))
        if "/staff/sign-in" in driver.current_url:
            raise AssertionError(username + " could not sign in: " + driver.find_element(By.TAG_NAME, "body").text[:300])
        cookie = next(c for c in driver.get_cookies() if "staff" in c["name"])
        staff_cookies[username] = {k: cookie[k] for k in ("name", "value", "path") if k in cookie}
    staff_signed_in[0] = username


def a_bin():
    for serial in range(10000, 99999):
        body = "%02d%02d40%05d" % (15, 6, serial)
        digit = browserkit.check_digit(body)
        if digit:
            return body + digit


def an_iban(bank="601", account="0000012345678"):
    number = int("".join(str(int(c, 36)) for c in bank + account + "KZ00"))
    return "KZ%02d%s%s" % (98 - number % 97, bank, account)


def record_breach():
    """The breach register lists nothing: record one incident (no affected people named) to audit its notice page."""
    try:
        driver.get(BASE + "/staff/breaches")
        driver.execute_script("document.querySelector(\"[name=detectedAt]\").value = arguments[0]", time.strftime("%Y-%m-%dT%H:%M"))
        fill("description", "Аудит беттері: сынақ оқиғасы")
        fill("measuresTaken", "Тексерілді")
        fill("companyBin", company_bin[0])  # the demo director's company as the affected people
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=dataCategories]")
        if boxes:
            boxes[0].click()
        navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/breaches'] button"))
    except WebDriverException as error:
        print("note: could not record a breach:", str(error).splitlines()[0])
        return None
    path = urllib.parse.urlparse(driver.current_url).path
    if not re.fullmatch(r"/staff/breaches/" + UUID, path):
        alerts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "main .alert, main .alert li")]
        alerts += [e.find_element(By.XPATH, "..").text.replace("\n", " ") for e in driver.find_elements(By.CSS_SELECTOR, "main .error")]
        print("note: the breach was not recorded:", "; ".join(alerts))
        return None
    return path


company_bin = [""]


def make_details():
    """Lists that are empty in the demo data get one item by their form, so their detail page is audited too."""
    driver.get(BASE + "/accounts")
    for line in driver.find_elements(By.CSS_SELECTOR, "main .company"):
        company_bin[0] = company_bin[0] or line.text.rsplit(" ", 1)[-1]
    driver.get(BASE + "/support")
    if not [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/support/tickets/']")]:
        try:
            fill("subject", "Аудит беттері")
            fill("text", "Қолжетімділік тексерісі үшін өтініш.")
            navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/support/tickets'] button"))
        except WebDriverException as error:
            print("note: could not open a support ticket:", str(error).splitlines()[0])
    driver.get(BASE + "/payments")
    if not [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]") if re.search("/payments/" + UUID, a.get_attribute("href"))]:
        try:
            driver.get(BASE + "/payments/new")
            fill("beneficiaryName", "ТОО «Аудит»")
            fill("beneficiaryTaxID", a_bin())
            fill("kbe", "17")
            fill("beneficiaryAccount", an_iban())
            fill("beneficiaryBIC", "HSBKKZKX")  # another bank: the IBAN need not exist here
            fill("purpose", "Оплата по договору №1 за услуги")
            fill("amount", "1000")
            navigate(driver.find_element(By.CSS_SELECTOR, "form.card button"))
            if not re.search("/payments/" + UUID, driver.current_url):
                errors = [e.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "input").get_attribute("name") + ": " + e.text
                          for e in driver.find_elements(By.CSS_SELECTOR, ".field.invalid .error")]
                alerts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "main .alert")]
                print("note: the payment draft was not created:", "; ".join(alerts + errors))
        except WebDriverException as error:
            print("note: could not draft a payment:", str(error).splitlines()[0])


asset_sizes = {}


def asset_size(url):
    """Decoded size of a CSS or JS file, fetched once with the session's cookies."""
    if url not in asset_sizes:
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
        request = urllib.request.Request(url, headers={"Cookie": cookies, "Accept-Encoding": "identity"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            asset_sizes[url] = len(answer.read())
    return asset_sizes[url]


def page_weight():
    """(HTML, CSS, JS) bytes: the navigation entry and every stylesheet and script the page loaded."""
    data = driver.execute_script(
        """
        var nav = performance.getEntriesByType('navigation')[0];
        var resources = performance.getEntriesByType('resource').map(function (r) {
          return {name: r.name, type: r.initiatorType, size: r.decodedBodySize};
        });
        var declared = [];
        document.querySelectorAll('link[rel~=stylesheet][href]').forEach(function (l) { declared.push({name: l.href, type: 'link', size: 0}); });
        document.querySelectorAll('script[src]').forEach(function (s) { declared.push({name: s.src, type: 'script', size: 0}); });
        return {html: nav ? nav.decodedBodySize : 0, status: nav ? (nav.responseStatus || 0) : 0, resources: resources, declared: declared,
                length: document.documentElement.outerHTML.length};
        """
    )
    html = data["html"] or data["length"]
    css = js = 0
    seen = set()
    for entry in data["resources"] + data["declared"]:
        url = entry["name"].split("#")[0]
        path = urllib.parse.urlparse(url).path
        if url in seen:
            continue
        if path.endswith(".css"):
            kind = "css"
        elif path.endswith(".js") or entry["type"] == "script":
            kind = "js"
        else:
            continue
        seen.add(url)
        size = entry["size"] or asset_size(url)
        if kind == "css":
            css += size
        else:
            js += size
    return html, css, js, data["status"]


def run_axe():
    driver.execute_script(AXE_SOURCE)
    if not driver.execute_script("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        raise AssertionError("axe-core did not load into the page")
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done({version: r.testEngine.version, violations: r.violations, passes: r.passes.length, incomplete: r.incomplete.length}); },"
        "  function (e) { done({error: String(e)}); });"
    )
    if not results or "error" in results:
        raise AssertionError("axe-core failed: %s" % (results and results.get("error")))
    return results


def name_of(path, area):
    """/accounts/<id> -> accounts-detail; in the staff area without the /staff prefix (/staff itself is the queue)."""
    name = re.sub(UUID, "detail", path).strip("/")
    if area == "staff":
        name = name[len("staff"):].strip("/") or "queue"
    return name.replace("/", "-")


def audit(path, lang, area):
    label = "%s %s" % (lang, path)
    drain_console()
    try:
        driver.get(BASE + path)
    except WebDriverException as error:
        failure("%s: did not load: %s" % (label, str(error).splitlines()[0]))
        return
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    final = urllib.parse.urlparse(driver.current_url).path
    if final != urllib.parse.urlparse(BASE + path).path:
        failure("%s: redirected to %s" % (label, final))
    visited.append((lang, area, path))
    driver.save_screenshot(os.path.join(SHOTS, "%s-%s-%s.png" % (lang, area, name_of(path, area))))
    html_lang = driver.execute_script("return document.documentElement.lang")
    if html_lang != lang:
        failure("%s: <html lang=%r>, expected %r" % (label, html_lang, lang))
    # sideways scroll
    width, viewport = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if width > viewport:
        wide = driver.execute_script(
            """
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > window.innerWidth + 0.5 && out.length < 5) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined && e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' (right ' + Math.round(r.right) + ')');
              }
            });
            return out;
            """
        )
        failure("%s: scrolls sideways (%d px in %d); widest: %s" % (label, width, viewport, ", ".join(wide)))
    # page weight
    html, css, js, status = page_weight()
    total = html + css + js
    weights.append((path, lang, html, css, js, total))
    if status and status >= 400:
        print("note: %s answered HTTP %d" % (label, status))
    if total > MAX_WEIGHT:
        failure("%s: page weight %d bytes (HTML %d, CSS %d, JS %d) is above %d" % (label, total, html, css, js, MAX_WEIGHT))
    # axe-core
    try:
        results = run_axe()
    except (AssertionError, WebDriverException) as error:
        failure("%s: axe-core did not run: %s" % (label, str(error).splitlines()[0]))
    else:
        audit.axe_version = results["version"]
        for violation in results["violations"]:
            targets = [" ".join(str(t) for t in node["target"]) for node in violation["nodes"]]
            line = "%s: axe %s (%s): %s; %d node(s): %s" % (
                label, violation["id"], violation["impact"], violation["help"], len(targets), " | ".join(targets[:8]))
            if violation["impact"] in BLOCKING_IMPACTS:
                failure(line)
            else:
                print("note:", line)
    # the console (read after axe, so errors logged while the page settled are in)
    for entry in drain_console():
        if entry.get("level") == "SEVERE":
            failure("%s: console %s: %s" % (label, entry.get("level"), entry.get("message")))


audit.axe_version = "?"


def expand(pages, lang, area, found):
    """Plain paths as they are; (list, pattern) pairs become the first detail link on the list page."""
    for page in pages:
        listing = page if isinstance(page, str) else page[0]
        if area == "staff":
            sign_in_staff(STAFF_ROLE_PAGES.get(listing, "demo-officer"))
        if isinstance(page, str):
            audit(page, lang, area)
            continue
        listing, pattern = page[0], page[1]
        if pattern not in found:
            driver.get(BASE + listing)
            links = []
            for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]"):
                path = urllib.parse.urlparse(a.get_attribute("href")).path
                if re.fullmatch(pattern, path):
                    links.append(path)
            if not links and len(page) > 2:  # none to follow: make one by the page's form
                made = globals()[page[2]]()
                if made and re.fullmatch(pattern, made):
                    links.append(made)
            found[pattern] = links[0] if links else None
            if not links:
                message = "skipped: no link matching %s on %s, so no detail page to audit" % (pattern, listing)
                skipped.append(message)
                print(message)
        if found[pattern]:
            audit(found[pattern], lang, area)


try:
    for lang in LANGUAGES:
        set_language(lang)
        for path in PUBLIC_PAGES:
            audit(path, lang, "public")
    sign_in_client()
    make_details()
    found = {}
    for lang in LANGUAGES:
        set_language(lang)
        expand(CLIENT_PAGES, lang, "client", found)
    for lang in LANGUAGES:
        set_language(lang)
        expand(STAFF_PAGES, lang, "staff", found)
except Exception as error:  # a broken flow is one more failure, after what was found so far
    failure("the audit stopped at %s: %s: %s" % (driver.current_url, type(error).__name__, str(error).splitlines()[0] if str(error) else ""))
    driver.save_screenshot(os.path.join(SHOTS, "STOPPED.png"))
finally:
    driver.quit()

with open(os.path.join(OUT, "page-weight.md"), "w", encoding="utf-8") as report:
    report.write("# Page weight (HTML document + CSS + JS, decoded bytes; limit %d)\n\n" % MAX_WEIGHT)
    report.write("| page | language | HTML bytes | CSS bytes | JS bytes | total |\n")
    report.write("| --- | --- | ---: | ---: | ---: | ---: |\n")
    for path, lang, html, css, js, total in weights:
        report.write("| %s | %s | %d | %d | %d | %d |\n" % (re.sub(UUID, ":id", path), lang, html, css, js, total))

print()
print("axe-core %s; %d page views (%d pages in %s), screenshots in %s, weights in %s" % (
    audit.axe_version, len(visited), len(set(v[2] for v in visited)), " and ".join(LANGUAGES), SHOTS,
    os.path.join(OUT, "page-weight.md")))
for message in skipped:
    print(message)
if weights:
    largest = max(weights, key=lambda w: w[5])
    print("largest page: %s (%s) %d bytes (HTML %d, CSS %d, JS %d)" % (
        re.sub(UUID, ":id", largest[0]), largest[1], largest[5], largest[2], largest[3], largest[4]))
if failures:
    print()
    print("%d failure(s):" % len(failures))
    for message in failures:
        print(" -", message)
    sys.exit(1)
print("pages audit passed: no serious or critical axe violation, no console error, no page above %d bytes, no sideways scroll" % MAX_WEIGHT)
