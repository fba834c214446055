#!/usr/bin/env python3
"""Issue 12: the web bank in a real Chromium, as a new user would use it, on a phone-sized window.

    python3 Tests/browser/walkthrough.py http://127.0.0.1:8080 [screenshot-dir]

A new company registers (policy accepted, consent given, the SMS code read from the development outbox), opens an
account; a bad payment order shows each field's error; the demo director pays the new company, signs and confirms
with the SMS code; the new company sees the money in its balance and statement and downloads the 1C file; the
privacy centre grants and withdraws a consent and takes a destroy request; the language switches; "report
unauthorised use" and 7711 are on every page; the staff console signs in with its authenticator code and shows
the request. Every page is checked for a Content-Security-Policy and no script or style from another origin.
Exits non-zero on the first failure, with a screenshot of the page it failed on.
"""
import json
import os
import random
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = sys.argv[2] if len(sys.argv) > 2 else "/tmp/bizbank-shots"
os.makedirs(SHOTS, exist_ok=True)


def check_digit(first11):
    digits = [int(c) for c in first11]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        total = sum(d * w for d, w in zip(digits, weights)) % 11
        if total != 10:
            return str(total)
    return None


def iin():
    while True:
        body = "%02d%02d%02d%d%04d" % (random.randint(60, 99), random.randint(1, 12), random.randint(1, 28), random.randint(3, 4), random.randint(0, 9999))
        digit = check_digit(body)
        if digit:
            return body + digit


def bin_():
    while True:
        body = "%02d%02d40%05d" % (random.randint(0, 24), random.randint(1, 12), random.randint(0, 99999))
        digit = check_digit(body)
        if digit:
            return body + digit


def latest_code(phone):
    with urllib.request.urlopen(BASE + "/dev/sms") as answer:
        items = json.load(answer)["items"]
    for item in items:  # newest first
        if item["to"] == phone and "#" in item["text"]:
            return item["text"].rsplit("#", 1)[1].strip()
    raise AssertionError("no code in the outbox for " + phone)


def staff_code(username):
    with urllib.request.urlopen(BASE + "/dev/staff-codes") as answer:
        return next(c["code"] for c in json.load(answer) if c["username"] == username)


options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "kk,ru"})
# a phone: 390 CSS px wide (headless windows are never narrower than 500 px without emulation)
options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
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
    """Clicks what loads a new page and waits until the old page is gone, so no check reads the page before."""
    element.click()

    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # stale, or "node does not belong to the document": the old page is gone
            return True

    WebDriverWait(driver, 15).until(gone)


def fill(name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def submit(form_selector="form.card"):
    navigate(driver.find_element(By.CSS_SELECTOR, form_selector + " button"))


def text():
    return driver.find_element(By.TAG_NAME, "body").text


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

# 4. the demo director pays the new company: draft, sign, SMS code
fill("phone", "+77010000001")
fill("password", "Demo-Director-2026!")
submit()
fill("code", latest_code("+77010000001"))
submit()
expect("/accounts" in driver.current_url, "the demo director is not signed in")
shot("accounts-demo")
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
shot("payment-draft")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action$='/sign'] button"))
if driver.find_elements(By.NAME, "code"):
    fill("code", latest_code("+77010000001"))
    shot("payment-code")
    navigate(driver.find_element(By.CSS_SELECTOR, "form[action$='/confirm'] button"))
status = driver.find_element(By.CSS_SELECTOR, "[data-testid=status]").text
expect(status.lower() in ("executed", "sent", "settled", "awaiting signatures"), "the order is not executed: " + status)
shot("payment-done")
navigate(driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"))

# 5. the new company sees the money, the statement, and downloads the 1C file
fill("phone", phone)
fill("password", "Steppe-Horizon-Ledger-42")
submit()
fill("code", latest_code(phone))
submit()
balance = driver.find_element(By.CSS_SELECTOR, "[data-testid=balance]").text
expect("125 000,50" in balance.replace("\u00a0", " "), "the balance does not show the payment: " + balance)
navigate(driver.find_element(By.CSS_SELECTOR, ".accounts a"))
expect(driver.find_elements(By.CSS_SELECTOR, "table.statement tbody tr"), "the statement is empty")
shot("statement")
one_c_link = driver.find_element(By.XPATH, "//a[text()='1C']").get_attribute("href")
cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
with urllib.request.urlopen(urllib.request.Request(one_c_link, headers={"Cookie": cookies})) as answer:
    one_c = answer.read().decode("utf-8")
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

# every area the navigation names opens as a page of its own, with the §5.2 link, no error page, no sideways scroll
for path in ("/templates", "/payroll", "/employees", "/inbox", "/support", "/documents", "/profile", "/payments", "/branches"):
    driver.get(BASE + path)
    page_checks()
    expect(driver.find_elements(By.TAG_NAME, "h1"), path + " has no heading")
    expect(not driver.find_elements(By.CSS_SELECTOR, "main .alert"), path + " shows an error: " + text()[:200])
    width, viewport = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    expect(width <= viewport, "%s scrolls sideways on a phone (%d px in %d)" % (path, width, viewport))
shot("areas")

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
driver.quit()
print("walkthrough passed: %d screenshots in %s" % (step_number[0], SHOTS))
