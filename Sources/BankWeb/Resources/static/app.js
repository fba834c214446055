// BizBank web: small, dependency-free enhancements. Every flow works without this file.
(function () {
  "use strict";
  // §2.3.6 WebOTP: fill the code from the origin-bound SMS ("@bizbank.kz #123456"), only where a code is asked for.
  var form = document.querySelector("form[data-webotp]");
  if (form && "OTPCredential" in window) {
    var input = form.querySelector("input[autocomplete='one-time-code']");
    var abort = new AbortController();
    form.addEventListener("submit", function () { abort.abort(); });
    navigator.credentials.get({ otp: { transport: ["sms"] }, signal: abort.signal })
      .then(function (otp) { if (otp && input) { input.value = otp.code; form.requestSubmit ? form.requestSubmit() : form.submit(); } })
      .catch(function () {});
  }
  // §2.3.1: a location leaves the page only rounded to two decimals (about 1 km).
  document.querySelectorAll("[data-near-me]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!("geolocation" in navigator)) return;
      event.preventDefault();
      navigator.geolocation.getCurrentPosition(function (position) {
        var round = function (value) { return Math.round(value * 100) / 100; };
        var target = button.form || document.querySelector(button.getAttribute("data-near-me"));
        target.querySelector("[name=lat]").value = round(position.coords.latitude);
        target.querySelector("[name=lon]").value = round(position.coords.longitude);
        target.submit();
      });
    });
  });
  // §2.2.4: only rendered with the fraud_location consent; the precise point goes with a signature or confirmation.
  // Refused or unavailable, the form goes without it.
  document.querySelectorAll("form[data-fraud-location]").forEach(function (located) {
    located.addEventListener("submit", function (event) {
      if (located.dataset.located || !("geolocation" in navigator)) return;
      event.preventDefault();
      var send = function () { located.dataset.located = "1"; located.submit(); };
      navigator.geolocation.getCurrentPosition(function (position) {
        located.querySelector("[name=lat]").value = position.coords.latitude;
        located.querySelector("[name=lon]").value = position.coords.longitude;
        send();
      }, send, { timeout: 5000, maximumAge: 60000 });
    });
  });
  // §2.3.4 the Contact Picker: shown only with the contacts consent and where the browser has the API; the person
  // chooses one contact and only its number is put in the field (the phone book never leaves the phone).
  document.querySelectorAll("[data-contact-pick]").forEach(function (button) {
    if (!("contacts" in navigator) || !("ContactsManager" in window)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.contacts.select(["tel"], { multiple: false }).then(function (chosen) {
        var tel = chosen.length && chosen[0].tel && chosen[0].tel[0];
        if (tel) button.form.querySelector("[name=" + button.getAttribute("data-contact-pick") + "]").value = tel.replace(/[^+0-9]/g, "");
      }).catch(function () {});
    });
  });
  // The service worker caches static assets only, never a page or account data.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/static/sw.js", { scope: "/" }).catch(function () {});
  }
})();

// §1.1 passkeys: the platform authenticator (fingerprint, face, PIN) keeps the key; only the public key and
// signatures leave the device. Shown only where the browser has a platform authenticator.
(function () {
  "use strict";
  var b64url = function (buffer) {
    var text = "";
    new Uint8Array(buffer).forEach(function (byte) { text += String.fromCharCode(byte); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  var bytes = function (base64) {
    var text = atob(base64.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(text, function (c) { return c.charCodeAt(0); });
  };
  if (!window.PublicKeyCredential || !PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable) return;
  PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().then(function (available) {
    if (!available) return;
    var enrol = document.querySelector("form[data-passkey-enrol]");
    if (enrol) {
      enrol.hidden = false;
      enrol.querySelector("[data-passkey-create]").addEventListener("click", function () {
        navigator.credentials.create({ publicKey: {
          challenge: crypto.getRandomValues(new Uint8Array(32)),
          rp: { id: location.hostname, name: "BizBank" },
          user: { id: crypto.getRandomValues(new Uint8Array(16)), name: "BizBank", displayName: "BizBank" },
          pubKeyCredParams: [{ type: "public-key", alg: -7 }],
          authenticatorSelection: { authenticatorAttachment: "platform", userVerification: "required", residentKey: "preferred" },
          attestation: "none"
        } }).then(function (credential) {
          enrol.querySelector("[name=publicKey]").value = btoa(String.fromCharCode.apply(null, new Uint8Array(credential.response.getPublicKey())));
          enrol.submit();
        }).catch(function () {});
      });
    }
    var signIn = document.querySelector("form[data-passkey-sign-in]");
    if (signIn) {
      signIn.hidden = false;
      signIn.querySelector("[data-passkey-get]").addEventListener("click", function () {
        var phone = document.querySelector("input[name=phone]").value;
        var body = new URLSearchParams({ phone: phone, _csrf: signIn.querySelector("[name=_csrf]").value });
        fetch("/passkey/challenge", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (answer) { return answer.json(); })
          .then(function (challenge) {
            return navigator.credentials.get({ publicKey: {
              challenge: bytes(challenge.nonce), rpId: location.hostname, userVerification: "required"
            } }).then(function (assertion) {
              signIn.querySelector("[name=challengeId]").value = challenge.challengeId;
              signIn.querySelector("[name=signature]").value = b64url(assertion.response.signature);
              signIn.querySelector("[name=authenticatorData]").value = b64url(assertion.response.authenticatorData);
              signIn.querySelector("[name=clientDataJSON]").value = b64url(assertion.response.clientDataJSON);
              signIn.submit();
            });
          }).catch(function () {});
      });
    }
  });
})();
