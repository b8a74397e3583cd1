// The notes waiting on this device to be sent, kept in IndexedDB. Loaded by
// the capture page and by the service worker, so both send the same way.
// Each note carries the id made for it on this device: sending it twice
// keeps it once.
(function (scope) {
  "use strict";
  var DATABASE = "nextround-captures";
  var STORE = "waiting";
  var ENDPOINT = "/api/v1/captures";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "client_id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var result = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () {
          db.close();
          resolve(result && "result" in result ? result.result : result);
        };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  function newId() {
    if (scope.crypto && scope.crypto.randomUUID) return scope.crypto.randomUUID();
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function csrfToken() {
    if (typeof document !== "undefined") {
      var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
      return Promise.resolve(match ? decodeURIComponent(match[1]) : "");
    }
    if (scope.cookieStore) {
      return scope.cookieStore.get("csrftoken").then(function (cookie) { return cookie ? cookie.value : ""; });
    }
    return Promise.resolve("");
  }

  function all() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (notes) {
      return (notes || []).sort(function (a, b) { return a.saved_at < b.saved_at ? -1 : 1; });
    });
  }

  function put(note) {
    return withStore("readwrite", function (store) { store.put(note); });
  }

  // Change the stored note in one transaction, unless it has gone (sent
  // meanwhile) or the server has refused it: the page and the service worker
  // may both be sending it, and a refusal is the last word on a note.
  function update(clientId, change) {
    return withStore("readwrite", function (store) {
      var request = store.get(clientId);
      request.onsuccess = function () {
        var stored = request.result;
        if (!stored || stored.status === "refused") return;
        change(stored);
        store.put(stored);
      };
    });
  }

  function remove(clientId) {
    return withStore("readwrite", function (store) { store["delete"](clientId); });
  }

  // The refusal as [{field, message}], the field in the API's words.
  function refusal(detail) {
    if (!Array.isArray(detail)) return [{ field: "", message: String(detail || "It was refused.") }];
    return detail.map(function (item) {
      var where = (item.loc || []).filter(function (part) { return typeof part === "string" && part !== "body" && part !== "payload"; });
      return { field: where.length ? where[where.length - 1] : "", message: item.msg };
    });
  }

  var sending = null;

  // One sender at a time across the page and the service worker (the Web
  // Locks API, where the browser has it): the second finds the notes the
  // first has sent already gone, so a note goes over the network once.
  function exclusively(work) {
    var locks = scope.navigator && scope.navigator.locks;
    if (!locks || !locks.request) return work();
    return locks.request("nextround-captures-send", work);
  }

  // Send every waiting note, oldest first. Resolves with what happened:
  // { sent: [...answers], login: bool, offline: bool, refused: n }.
  function sendAll() {
    if (sending) return sending;
    var outcome = { sent: [], login: false, offline: false, refused: 0 };
    sending = exclusively(function () {
      return Promise.all([all(), csrfToken()]).then(function (both) {
        var notes = both[0].filter(function (note) { return note.status !== "refused"; });
        var token = both[1];
        var next = function (index) {
          if (index >= notes.length) return outcome;
          var note = notes[index];
          return fetch(ENDPOINT, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": token, Accept: "application/json" },
            body: JSON.stringify(note.body)
          }).then(function (response) {
            if (response.status === 200 || response.status === 201) {
              return response.json().then(function (answer) {
                outcome.sent.push(answer);
                return remove(note.client_id);
              }).then(function () { return next(index + 1); });
            }
            if (response.status === 401 || response.status === 403) {
              // Logged out meanwhile: keep everything and ask to log in.
              outcome.login = true;
              return update(note.client_id, function (stored) { stored.status = "login"; }).then(function () { return outcome; });
            }
            if (response.status === 400 || response.status === 413 || response.status === 415 || response.status === 422) {
              return response.json().catch(function () { return {}; }).then(function (answer) {
                outcome.refused += 1;
                return update(note.client_id, function (stored) {
                  stored.status = "refused";
                  stored.problems = refusal(answer.detail);
                });
              }).then(function () { return next(index + 1); });
            }
            // The server is unwell: try again later, in order.
            outcome.offline = true;
            return outcome;
          }, function () {
            outcome.offline = true;
            return outcome;
          });
        };
        return next(0);
      });
    }).then(function (result) {
      sending = null;
      return result;
    }, function (error) {
      sending = null;
      throw error;
    });
    return sending;
  }

  scope.NextRoundQueue = { all: all, put: put, update: update, remove: remove, sendAll: sendAll, newId: newId };
})(self);
