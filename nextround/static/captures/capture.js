// The capture page, enhanced: a note is kept on this device first, then sent
// (now, when the connection returns, or on the next visit). Without this
// script the form posts as an ordinary form.
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form || !window.indexedDB || !window.NextRoundQueue || !window.fetch) return;
  var queue = window.NextRoundQueue;
  var panel = document.getElementById("waiting");
  var list = document.getElementById("queue-list");
  var status = document.getElementById("queue-status");
  var loginNeeded = document.getElementById("login-needed");
  var sendNow = document.getElementById("send-now");
  var lastSent = [];

  function freshId() { form.elements.client_id.value = queue.newId(); }

  function value(name) {
    var field = form.elements[name];
    return field ? String(field.value || "").trim() : "";
  }

  function chosenLabel() {
    var select = form.elements.interview;
    if (select && select.value) return select.options[select.selectedIndex].text;
    return [value("organisation"), value("role")].filter(Boolean).join(": ") || "An interview";
  }

  // Phone photos are large: a receipt only needs to be readable.
  function receiptData(file) {
    if (!file) return Promise.resolve(null);
    var asDataUrl = function (blob) {
      return new Promise(function (resolve, reject) {
        var reader = new FileReader();
        reader.onload = function () { resolve(reader.result); };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(blob);
      });
    };
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) return asDataUrl(file);
    return createImageBitmap(file).then(function (bitmap) {
      var longest = Math.max(bitmap.width, bitmap.height);
      if (longest <= 1600 && file.size < 1500000) return asDataUrl(file);
      var ratio = Math.min(1, 1600 / longest);
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * ratio);
      canvas.height = Math.round(bitmap.height * ratio);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.85); }).then(asDataUrl);
    }).catch(function () { return asDataUrl(file); });
  }

  function noteFromForm() {
    var interview = value("interview");
    var feeling = form.querySelector('input[name="feeling"]:checked');
    var receiptInput = form.elements.receipt;
    var file = receiptInput && receiptInput.files.length ? receiptInput.files[0] : null;
    var amount = value("cost_amount").replace(",", ".");
    return receiptData(amount ? file : null).then(function (receipt) {
      var body = {
        client_id: value("client_id"),
        interview_id: interview ? parseInt(interview, 10) : null,
        organisation: interview ? "" : value("organisation"),
        role: interview ? "" : value("role"),
        how_it_went: value("how_it_went"),
        feeling: feeling ? parseInt(feeling.value, 10) : null,
        questions: value("questions") ? [value("questions")] : [],
        unprepared: form.elements.unprepared.checked,
        decision_promised_by: value("decision_promised_by") || null,
        noted_at: new Date().toISOString(),
        costs: []
      };
      if (amount) {
        body.costs.push({
          amount: amount,
          currency: value("cost_currency") || "GBP",
          category: value("cost_category") || "train",
          description: value("cost_description"),
          receipt: receipt,
          receipt_name: file ? file.name : ""
        });
      }
      return {
        client_id: body.client_id,
        body: body,
        label: chosenLabel(),
        status: "waiting",
        saved_at: new Date().toISOString()
      };
    });
  }

  // The API's field names, as the form's labels say them.
  var FORM_NAMES = { interview_id: "interview", amount: "cost_amount", currency: "cost_currency", category: "cost_category", description: "cost_description" };

  function labelFor(field) {
    var input = form.elements[FORM_NAMES[field] || field];
    if (input && !input.tagName) input = input[0];
    if (!input) return "";
    if (input.type === "radio") {
      var legend = input.closest("fieldset").querySelector("legend");
      return legend ? legend.firstChild.textContent.trim() : "";
    }
    var label = input.id && document.querySelector('label[for="' + input.id + '"]');
    return label ? label.firstChild.textContent.trim() : "";
  }

  function describe(note) {
    if (note.status === "refused") {
      var problems = (note.problems || []).map(function (problem) {
        var label = labelFor(problem.field);
        return (label ? label + ": " : "") + problem.message;
      });
      return "Not sent. " + (problems.join(" ") || "It was refused.");
    }
    if (note.status === "login") return "Waiting to send: log in first.";
    return "Waiting to send.";
  }

  function render() {
    return queue.all().then(function (notes) {
      list.textContent = "";
      var login = false;
      notes.forEach(function (note) {
        if (note.status === "login") login = true;
        var item = document.createElement("li");
        var title = document.createElement("strong");
        title.textContent = note.label;
        var state = document.createElement("span");
        state.className = note.status === "refused" ? "error" : "muted";
        state.textContent = " " + describe(note) + " ";
        item.appendChild(title);
        item.appendChild(state);
        if (note.status === "refused") {
          var drop = document.createElement("button");
          drop.type = "button";
          drop.className = "secondary small";
          drop.textContent = "Remove this note";
          drop.addEventListener("click", function () { queue.remove(note.client_id).then(render); });
          item.appendChild(drop);
        }
        list.appendChild(item);
      });
      lastSent.forEach(function (answer) {
        var item = document.createElement("li");
        item.appendChild(document.createTextNode("Sent. "));
        if (answer.interview_id) {
          var link = document.createElement("a");
          link.href = form.dataset.interviewUrl + answer.interview_id + "/";
          link.textContent = "See it with the interview";
          item.appendChild(link);
        }
        list.appendChild(item);
      });
      loginNeeded.hidden = !login;
      sendNow.hidden = notes.length === 0;
      panel.hidden = notes.length === 0 && lastSent.length === 0;
      if (notes.length) {
        status.textContent = notes.length === 1 ? "1 note is waiting to send." : notes.length + " notes are waiting to send.";
      } else if (lastSent.length) {
        status.textContent = lastSent.length === 1 ? "Your note has been sent." : "Your notes have been sent.";
      } else {
        status.textContent = "";
      }
    });
  }

  // Notes sent from this page or by the service worker, each shown once.
  function remember(sent) {
    (sent || []).forEach(function (answer) {
      var known = lastSent.some(function (earlier) { return earlier.client_id === answer.client_id; });
      if (!known) lastSent.push(answer);
    });
  }

  function send() {
    return queue.sendAll().then(function (result) {
      remember(result.sent);
      return render();
    });
  }

  function askForSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("send-captures");
    }).catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    noteFromForm().then(function (note) {
      return queue.put(note);
    }).then(function () {
      form.reset();
      freshId();
      askForSync();
      return render();
    }).then(function () {
      panel.scrollIntoView({ block: "nearest" });
      return send();
    });
  });
  sendNow.addEventListener("click", send);
  window.addEventListener("online", send);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "captures-changed") {
        remember(event.data.sent);
        render();
      }
    });
  }
  freshId();
  render().then(function () { if (navigator.onLine) send(); });
})();
