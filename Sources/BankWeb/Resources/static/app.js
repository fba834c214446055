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
      .then(function (otp) { if (otp && input) { input.value = otp.code; form.submit(); } })
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
