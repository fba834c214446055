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
