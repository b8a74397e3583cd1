"use strict";
// Next Round's service worker. It keeps the look of the site and the capture
// page for use without a connection, and sends notes waiting on this device.
// Pages holding anyone's records are never kept: they come from the network
// or not at all.
importScripts("{{ queue_url }}");

const CACHE = "nextround-shell-{{ version }}";
const KEEP = {{ keep|safe }};
const SHELL = "{{ shell_url }}";
const OFFLINE = "{{ offline_url }}";
const CAPTURE = "{{ capture_url }}";

self.addEventListener("install", function (event) {
  // Fetched without cookies, so nothing of whoever is logged in is in them.
  var requests = KEEP.map(function (url) { return new Request(url, { credentials: "omit" }); });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(requests); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("nextround-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (KEEP.indexOf(url.pathname) !== -1 && url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then(function (kept) {
      return kept || fetch(request);
    }));
    return;
  }
  if (request.mode === "navigate") {
    // Never stored: without a connection, the capture page's empty copy or
    // the offline page, whoever was logged in before.
    event.respondWith(fetch(request).catch(function () {
      var stand_in = url.pathname === CAPTURE ? SHELL : OFFLINE;
      return caches.match(stand_in, { cacheName: CACHE });
    }));
  }
});

function tellPages(sent) {
  return self.clients.matchAll({ type: "window" }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ type: "captures-changed", sent: sent }); });
  });
}

function sendWaiting() {
  return NextRoundQueue.sendAll().then(function (result) {
    return tellPages(result.sent).then(function () {
      // Throwing asks the browser to try the sync again later.
      if (result.offline) throw new Error("Still offline.");
    });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag === "send-captures") event.waitUntil(sendWaiting());
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "send-captures") {
    event.waitUntil(sendWaiting().catch(function () {}));
  }
});
