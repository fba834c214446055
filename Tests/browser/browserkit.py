"""What the browser tests share: the phone-sized headless Chromium, the development outboxes (SMS, e-mail, staff
authenticator codes), valid IINs and BINs, and a click that waits for the next page."""
import json
import os
import random
import re
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def phone_chromium(console_log=False):
    """Headless Chromium as a 390×844 phone that asks for Kazakh, then Russian."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "kk,ru"})
    # a phone: 390 CSS px wide (headless windows are never narrower than 500 px without emulation)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as answer:
        return json.load(answer)


def latest_code(base, phone):
    """The code of the newest SMS to `phone`, from its origin-bound last line `@domain #code` (§2.3.6)."""
    for item in get_json(base, "/dev/sms")["items"]:  # newest first
        if item["to"] == phone and "#" in item["text"]:
            return re.match(r"\s*(\d+)", item["text"].rsplit("#", 1)[1]).group(1)
    raise AssertionError("no code in the outbox for " + phone)


def latest_email_code(base, address):
    for item in get_json(base, "/dev/email?to=" + urllib.parse.quote(address))["items"]:  # newest first
        found = re.search(r"\b(\d{6})\b", item["text"])
        if found:
            return found.group(1)
    raise AssertionError("no code in the e-mail outbox for " + address)


def staff_code(base, username):
    return next(c["code"] for c in get_json(base, "/dev/staff-codes") if c["username"] == username)


def check_digit(first11):
    """The Kazakh IIN/BIN check digit (DOMAIN.md), or None where the rule gives none."""
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


def navigate(driver, element, timeout=15):
    """Clicks what loads a new page and waits until the old page is gone, so no check reads the page before."""
    element.click()

    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # stale, or "node does not belong to the document": the old page is gone
            return True

    WebDriverWait(driver, timeout).until(gone)
