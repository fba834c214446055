// Caches the static assets only: pages and everything under /api are always fetched from the network, never stored.
// The server names the cache after the assets' content (StaticAssets.cacheName), so a new stylesheet or script
// replaces the cached one; the name below is the placeholder it fills in.
var CACHE = "bizbank-static-v1";
var ASSETS = ["/static/app.css", "/static/app.js", "/static/icon.svg", "/static/manifest.webmanifest"];
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }));
});
self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || ASSETS.indexOf(url.pathname) < 0) return;
  event.respondWith(caches.match(event.request).then(function (hit) { return hit || fetch(event.request); }));
});
