/* HİD Saha service worker (scope /saha): the page and its assets from a cache when the
   network is away. The API (/saha/api/...) and map tiles always go to the network: a
   capture waits in IndexedDB (saha.js), never in this cache. */
"use strict";
var CACHE = "hid-saha-v1";
var ASSETS = [
    "/saha",
    "/hid_saha/static/src/js/saha.js",
    "/hid_saha/static/src/css/saha.css",
    "/hid/lib/leaflet/leaflet.js",
    "/hid/lib/leaflet/leaflet.css",
    "/hid/lib/leaflet/images/marker-icon.png",
    "/hid/lib/leaflet/images/marker-icon-2x.png",
    "/hid/lib/leaflet/images/marker-shadow.png",
];
var NETWORK_TIMEOUT_MS = 5000;

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.addAll(ASSETS.map(function (url) {
            return new Request(url, {credentials: "same-origin", cache: "reload"});
        }));
    }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (key) {
            return key.indexOf("hid-saha-") === 0 && key !== CACHE;
        }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); }));
});

function cacheKey(request) {
    var url = new URL(request.url);
    return url.pathname === "/saha" ? "/saha" : request;
}

self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") {
        return;
    }
    var url = new URL(request.url);
    if (url.origin !== self.location.origin || url.pathname.indexOf("/saha/api/") === 0) {
        return;
    }
    var cacheable = url.pathname === "/saha" || ASSETS.indexOf(url.pathname) !== -1;
    if (!cacheable) {
        return;
    }
    // Network first (fresh page and assignments when connected), the cache when not, or
    // when the network is too slow to wait for.
    event.respondWith(caches.open(CACHE).then(function (cache) {
        var network = fetch(request).then(function (response) {
            if (response.ok && !response.redirected) {
                cache.put(cacheKey(request), response.clone());
            } else if (response.redirected && url.pathname === "/saha") {
                // logged out: the cached page (its user's assignments) goes too
                cache.delete("/saha");
            }
            return response;
        });
        var timeout = new Promise(function (resolve) {
            setTimeout(resolve, NETWORK_TIMEOUT_MS);
        });
        var fallback = function () {
            return cache.match(cacheKey(request)).then(function (hit) {
                return hit || network;
            });
        };
        return Promise.race([network, timeout.then(fallback)]).then(function (response) {
            return response || fallback();
        }, fallback);
    }));
});
