// Makes Next Round installable and lets notes waiting on this device go out
// on the next visit to any page.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (navigator.onLine && registration.active) {
      registration.active.postMessage({ type: "send-captures" });
    }
  }).catch(function () {});
})();
