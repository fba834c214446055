#!/usr/bin/env python3
"""Issue 12: the web bank in a real Chromium, as a new user would use it, on a phone-sized window.

    python3 Tests/browser/walkthrough.py http://127.0.0.1:8080 [screenshot-dir]

An individual entrepreneur registers by IIN (policy accepted, consent given, the SMS code read from the development
outbox) and opens an account; a bad payment order shows each field's error; the demo director sets a two-signature
rule (step-up code), gives the §2.2.4 location consent and signs an order from Almaty (Chromium's geolocation
override); the demo accountant signs second and confirms with the SMS code; the entrepreneur sees the money, the
statement and the 1C file, enrols a passkey (virtual authenticator) and signs in with it, uploads a camera photo
with GPS EXIF that comes back without it; corrects the e-mail and the phone with their codes; every area opens; the privacy centre grants and withdraws a consent and
takes a destroy request, which a staff officer completes; "report unauthorised use" and 7711 are on every page;
branches near me get the position rounded. Every page is checked for no inline script and no other origin.
Exits non-zero on the first failure, with a screenshot of the page it failed on.
"""
import base64
import json
import os
import struct
import random
import sys
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions
from selenium.webdriver.support.ui import WebDriverWait

import browserkit

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = sys.argv[2] if len(sys.argv) > 2 else "/tmp/bizbank-shots"
os.makedirs(SHOTS, exist_ok=True)


def latest_code(phone):
    return browserkit.latest_code(BASE, phone)


def latest_email_code(address):
    return browserkit.latest_email_code(BASE, address)


def staff_code(username):
    return browserkit.staff_code(BASE, username)


iin, bin_ = browserkit.iin, browserkit.bin_
driver = browserkit.phone_chromium()
driver.implicitly_wait(5)
step_number = [0]


def shot(name):
    step_number[0] += 1
    driver.save_screenshot(os.path.join(SHOTS, "%02d-%s.png" % (step_number[0], name)))


def fail(message):
    shot("FAILED")
    print("FAILED:", message, "at", driver.current_url)
    driver.quit()
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def page_checks():
    """Every page: the §5.2 link and 7711, no asset from another origin."""
    expect(driver.find_elements(By.CSS_SELECTOR, "a[href='/report']"), "no 'report unauthorised use' link")
    expect(driver.find_elements(By.CSS_SELECTOR, "a[href='tel:7711']"), "no tel:7711 link")
    for element in driver.find_elements(By.CSS_SELECTOR, "script[src], link[href]"):
        url = element.get_attribute("src") or element.get_attribute("href")
        expect(url.startswith(BASE), "an asset from another origin: " + url)
    expect(not driver.find_elements(By.CSS_SELECTOR, "script:not([src])"), "an inline script")


def navigate(element):
    browserkit.navigate(driver, element)


def fill(name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def submit(form_selector="form.card"):
    navigate(driver.find_element(By.CSS_SELECTOR, form_selector + " button"))


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def jpeg_with_gps():
    """A real JPEG drawn by Chromium, with an EXIF segment naming the camera's GPS position (43°14' N, 76°53' E)."""
    data_url = driver.execute_script(
        "var c = document.createElement('canvas'); c.width = 64; c.height = 48; var g = c.getContext('2d');"
        "g.fillStyle = '#0b6e4f'; g.fillRect(0, 0, 64, 48); g.fillStyle = '#fff'; g.fillRect(16, 12, 32, 24);"
        "return c.toDataURL('image/jpeg', 0.9);"
    )
    jpeg = base64.b64decode(data_url.split(",", 1)[1])
    rational = lambda *values: b"".join(struct.pack(">II", v, 1) for v in values)
    gps_entries = [(1, 2, 2, b"N\0\0\0"), (2, 5, 3, 80), (3, 2, 2, b"E\0\0\0"), (4, 5, 3, 104)]
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">H", 1) + struct.pack(">HHII", 0x8825, 4, 1, 26) + struct.pack(">I", 0)
    tiff += struct.pack(">H", len(gps_entries))
    for tag, kind, count, value in gps_entries:
        tiff += struct.pack(">HHI", tag, kind, count) + (value if isinstance(value, bytes) else struct.pack(">I", value))
    tiff += struct.pack(">I", 0) + rational(43, 14, 20) + rational(76, 53, 23)
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def sign_in(phone, password):
    driver.get(BASE + "/sign-in")
    fill("phone", phone)
    fill("password", password)
    submit()
    fill("code", latest_code(phone))
    submit()
    expect("/accounts" in driver.current_url, phone + " is not signed in: " + text()[:300])


def download(url):
    """A file the signed-in browser may fetch, read with its cookies."""
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookies})) as answer:
        return answer.read()


# 1. a new visitor lands on the sign-in page, in Kazakh, and registers as an individual entrepreneur
driver.get(BASE + "/")
page_checks()
expect("Кіру" in driver.title, "the first page is not the Kazakh sign-in: " + driver.title)
shot("sign-in-kk")
navigate(driver.find_element(By.CSS_SELECTOR, "a[href='/lang/en?back=/sign-in']"))
expect("Sign in" in driver.title, "the language did not switch to English")
navigate(driver.find_element(By.CSS_SELECTOR, "a[href='/register']"))
phone = "+7705" + "".join(random.choice("0123456789") for _ in range(7))
# an individual entrepreneur (ИП) registers by their own IIN
company_bin = iin()
driver.find_element(By.CSS_SELECTOR, "input[name='company.kind'][value='sole_proprietor']").click()
fill("company.name", "ИП Сәрсенова")
fill("company.bin", company_bin)
fill("person.fullName", "Айгерім Нұрланқызы Сәрсенова")
fill("person.iin", company_bin)
fill("person.phone", phone)
fill("person.email", "aigerim.%d@example.kz" % random.randint(1000, 99999))
fill("password", "Steppe-Horizon-Ledger-42")
driver.find_element(By.NAME, "acceptPolicy").click()
driver.find_element(By.NAME, "consentToAccountCreation").click()
shot("register-form")
submit()
expect(driver.find_elements(By.NAME, "code"), "no code form after registration: " + text()[:300])
page_checks()
fill("code", latest_code(phone))
shot("register-code")
submit()
expect("/accounts" in driver.current_url, "not on accounts after the code")
page_checks()

# 2. the director opens an account
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/accounts'] button"))
expect(driver.find_elements(By.CSS_SELECTOR, ".accounts .account"), "no account after opening one")
shot("accounts-new-company")
new_iban = driver.find_element(By.CSS_SELECTOR, ".accounts .iban").text.replace(" ", "")

# 3. a bad order shows each field's error and keeps what was typed
driver.get(BASE + "/payments/new")
fill("beneficiaryName", "ТОО «Алтын Дала»")
fill("beneficiaryTaxID", "123")
fill("beneficiaryAccount", "KZ00")
fill("amount", "-5")
submit()
errors = driver.find_elements(By.CSS_SELECTOR, ".field.invalid .error")
expect(len(errors) >= 2, "the bad order did not show its field errors")
expect(driver.find_element(By.NAME, "beneficiaryName").get_attribute("value") == "ТОО «Алтын Дала»", "the form lost what was typed")
shot("payment-field-errors")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))
expect("/sign-in" in driver.current_url, "sign-out did not go to sign-in")

# 4. a two-signature payment: the demo director sets "both signatures above 100 000 ₸" (a step-up code), gives the
# §2.2.4 location consent, drafts and signs; the demo accountant signs second and confirms with the SMS code
sign_in("+77010000001", "Demo-Director-2026!")
shot("accounts-demo")
driver.get(BASE + "/employees")
fill("dualSignatureAbove", "100000")
submit("form[action^='/employees/signing-rule']")
fill("code", latest_code("+77010000001"))
submit("form[action^='/employees/signing-rule']")
expect(driver.find_elements(By.CSS_SELECTOR, ".notice"), "the signing rule was not saved: " + text()[:300])
driver.get(BASE + "/payments/new")
fill("beneficiaryName", "ИП Сәрсенова")
fill("beneficiaryTaxID", company_bin)
fill("kbe", "19")
fill("beneficiaryAccount", new_iban)
fill("beneficiaryBIC", "TSESKZKA")
fill("purpose", "Оплата по договору №12 за услуги")
fill("amount", "125000,50")
submit()
expect("/payments/" in driver.current_url and driver.find_elements(By.CSS_SELECTOR, "form[action$='/sign'] button"), "no draft: " + text()[:400])
order_url = driver.current_url
shot("payment-draft")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action$='/sign'] button"))
status = driver.find_element(By.CSS_SELECTOR, "[data-testid=status]").text
expect(status.lower() == "awaiting signatures", "one signature completed an order above the threshold: " + status)
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))
sign_in("+77010000002", "Demo-Accountant-2026!")
driver.get(BASE + "/privacy")
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-fraud_location']"))
# the accountant's phone is in Almaty: Chromium's geolocation override stands in for its GPS
driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": BASE, "permissions": ["geolocation"]})
driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": 43.238949, "longitude": 76.889709, "accuracy": 20})
driver.get(BASE + "/payments?awaiting=me")
expect(driver.find_elements(By.CSS_SELECTOR, "a[href='%s']" % order_url.replace(BASE, "")), "the order is not awaiting the accountant")
navigate(driver.find_element(By.CSS_SELECTOR, "a[href='%s']" % order_url.replace(BASE, "")))
expect(driver.find_elements(By.CSS_SELECTOR, "form[action$='/sign'][data-fraud-location]"), "the signature form does not add the location")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action$='/sign'] button"))
fill("code", latest_code("+77010000002"))
shot("payment-code")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action$='/confirm'] button"))
status = driver.find_element(By.CSS_SELECTOR, "[data-testid=status]").text
expect(status.lower() in ("executed", "sent", "settled"), "the order is not executed after the second signature: " + status)
expect(len(driver.find_elements(By.CSS_SELECTOR, "main ul li")) >= 2, "the order does not show both signatures")
shot("payment-done")
export = json.loads(download(BASE + "/privacy/export.json"))
expect(any(abs(l["latitude"] - 43.238949) < 1e-6 and not l.get("countryCode") for l in export["locations"]), "the signature carried no §2.2.4 location")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))

# 5. the new company sees the money, the statement, and downloads the 1C file
sign_in(phone, "Steppe-Horizon-Ledger-42")
balance = driver.find_element(By.CSS_SELECTOR, "[data-testid=balance]").text
expect("125 000,50" in balance.replace("\u00a0", " "), "the balance does not show the payment: " + balance)
navigate(driver.find_element(By.CSS_SELECTOR, ".accounts a"))
expect(driver.find_elements(By.CSS_SELECTOR, "table.statement tbody tr"), "the statement is empty")
shot("statement")
one_c = download(driver.find_element(By.XPATH, "//a[text()='1C']").get_attribute("href")).decode("utf-8")
expect(one_c.startswith("1CClientBankExchange") and "125000.50" in one_c, "the 1C file is wrong")

# a passkey (§1.1): Chromium's virtual platform authenticator with user verification stands in for the fingerprint
authenticator = VirtualAuthenticatorOptions()
authenticator.protocol = VirtualAuthenticatorOptions.Protocol.CTAP2
authenticator.transport = VirtualAuthenticatorOptions.Transport.INTERNAL
authenticator.has_resident_key = True
authenticator.has_user_verification = True
authenticator.is_user_verified = True
driver.add_virtual_authenticator(authenticator)
driver.get(BASE + "/profile")
WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-passkey-create]").is_displayed())
navigate(driver.find_element(By.CSS_SELECTOR, "[data-passkey-create]"))
fill("code", latest_code(phone))
submit()
expect("/profile" in driver.current_url and len(driver.get_credentials()) == 1, "the passkey was not enrolled: " + text()[:300])
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))
fill("phone", phone)
WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-passkey-get]").is_displayed())
codes_before = latest_code(phone)
navigate(driver.find_element(By.CSS_SELECTOR, "[data-passkey-get]"))
expect("/accounts" in driver.current_url, "the passkey sign-in failed: " + text()[:300])
expect(latest_code(phone) == codes_before, "a passkey sign-in sent an SMS code")
shot("passkey-signed-in")

# §2.3.2 a photo from the phone's camera carries its GPS position in EXIF; the bank must keep the picture, not the place
driver.get(BASE + "/privacy")
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-camera_media']"))
driver.get(BASE + "/documents")
photo_path = os.path.join(SHOTS, "camera-photo.jpg")
with open(photo_path, "wb") as photo:
    photo.write(jpeg_with_gps())
driver.find_element(By.CSS_SELECTOR, "form[action='/documents/photo'] input[type=file]").send_keys(photo_path)
submit("form[action='/documents/photo']")
expect(driver.find_elements(By.CSS_SELECTOR, "img[src='/documents/photo']"), "the photo was not saved: " + text()[:300])
stored = download(BASE + "/documents/photo")
expect(stored.startswith(b"\xff\xd8") and b"Exif\x00\x00" not in stored and b"\x88\x25" not in stored, "the photo came back with its EXIF")
expect(driver.execute_script("return document.querySelector(\"img[src='/documents/photo']\").naturalWidth") > 0, "the stored photo does not decode")
shot("photo-without-gps")

# every area the navigation names opens as a page of its own, with the §5.2 link, no error page, no sideways scroll
for path in ("/templates", "/payroll", "/employees", "/inbox", "/support", "/documents", "/profile", "/payments", "/payments/services", "/branches"):
    driver.get(BASE + path)
    page_checks()
    expect(driver.find_elements(By.TAG_NAME, "h1"), path + " has no heading")
    expect(not driver.find_elements(By.CSS_SELECTOR, "main .alert"), path + " shows an error: " + text()[:200])
    width, viewport = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    expect(width <= viewport, "%s scrolls sideways on a phone (%d px in %d)" % (path, width, viewport))
shot("areas")
driver.get(BASE + "/profile")
expect(driver.find_elements(By.CSS_SELECTOR, "[data-testid=device] form[action$='/remove']"), "the profile lists no device to forget")

# §4.1 correction from the profile: the e-mail after a step-up SMS code and then the code e-mailed to the new address;
# the phone with one code from the current number and one from the new
# §2.3.5 the profile shows the e-mail only with the email_display consent
expect("hidden" in text() or "жасырылған" in text() or "скрыта" in text(), "the profile shows the e-mail without consent")
driver.get(BASE + "/privacy")
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-email_display']"))
driver.get(BASE + "/profile")
new_email = "aigerim.new.%d@example.kz" % random.randint(1000, 99999)
fill("email", new_email)
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid=change-email]"))
if driver.find_elements(By.CSS_SELECTOR, "input[name=phoneMasked]"):  # the step-up code to the person's phone
    fill("code", latest_code(phone))
    submit()
expect(driver.find_elements(By.CSS_SELECTOR, "input[name=emailMasked]"), "no e-mail code form: " + text()[:300])
fill("code", latest_email_code(new_email))
submit()
expect(driver.find_element(By.NAME, "email").get_attribute("value") == new_email, "the e-mail was not changed: " + text()[:300])
new_phone = "+7705" + "".join(random.choice("0123456789") for _ in range(7))
fill("phone", new_phone)
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid=change-phone]"))
expect(driver.find_elements(By.NAME, "codeFromNewPhone"), "no phone codes form: " + text()[:300])
fill("codeFromOldPhone", "000000" if latest_code(phone) != "000000" else "111111")
fill("codeFromNewPhone", latest_code(new_phone))
submit()
expect(driver.find_elements(By.CSS_SELECTOR, ".alert") and driver.find_elements(By.NAME, "codeFromOldPhone"), "a wrong code was not refused on its form")
fill("codeFromOldPhone", latest_code(phone))
fill("codeFromNewPhone", latest_code(new_phone))
submit()
expect(new_phone[-2:] in text() and driver.find_elements(By.CSS_SELECTOR, ".notice"), "the phone was not changed: " + text()[:300])
shot("profile-corrected")
phone = new_phone

# 6. the privacy centre: a consent on and off, a destroy request with its deadline
driver.get(BASE + "/privacy")
page_checks()
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-marketing']"))
expect(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-marketing']").get_attribute("class") == "secondary", "the consent was not granted")
navigate(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-marketing']"))
expect(driver.find_element(By.CSS_SELECTOR, "[data-testid='consent-marketing']").get_attribute("class") == "", "the consent was not withdrawn")
driver.find_element(By.CSS_SELECTOR, "form[action='/privacy/requests'] select option[value='destroy']").click()
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/privacy/requests'] button"))
expect(driver.find_elements(By.CSS_SELECTOR, ".notice"), "the destroy request was not acknowledged")
shot("privacy-centre")
driver.get(BASE + "/privacy/export")
expect("Айгерім" in text(), "the readable export does not show the name")
driver.get(BASE + "/lang/ru?back=/privacy")
expect("Центр конфиденциальности" in text(), "the language did not switch to Russian")
shot("privacy-ru")

# 7. the staff console: sign-in with the authenticator code, the queue shows the request
driver.get(BASE + "/staff/sign-in")
fill("username", "demo-officer")
fill("password", "Demo-Officer-2026!")
fill("code", staff_code("demo-officer"))
submit()
expect(driver.find_elements(By.CSS_SELECTOR, "main li"), "the staff queue is empty")
shot("staff-queue")
# the officer completes the destroy request
complete = driver.find_elements(By.CSS_SELECTOR, "form[action$='/complete'] button")
expect(complete, "no request to complete in the queue")
navigate(complete[0])
expect(not driver.find_elements(By.CSS_SELECTOR, "main .alert"), "completing the request failed: " + text()[:300])
shot("staff-completed")

# 8. report unauthorised use, signed out, from the sign-in page
driver.get(BASE + "/report")
page_checks()
shot("report")

# 9. branches near me, signed out: the browser's position (Almaty) leaves the page rounded to two decimals (§2.3.1)
driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": 43.238949, "longitude": 76.889709, "accuracy": 20})
driver.get(BASE + "/branches")
navigate(driver.find_element(By.CSS_SELECTOR, "[data-near-me]"))
expect("lat=43.24" in driver.current_url and "lon=76.89" in driver.current_url, "the position was not rounded: " + driver.current_url)
expect(driver.find_elements(By.CSS_SELECTOR, "[data-testid=branch]"), "no branch near Almaty's centre: " + text()[:300])
shot("branches-near-me")
driver.quit()
print("walkthrough passed: %d screenshots in %s" % (step_number[0], SHOTS))
