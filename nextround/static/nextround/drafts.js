// Drafted messages (templates/core/_draft.html): the send link carries what
// is in the boxes at the moment it is clicked, the copy button copies the
// message, and leaving the page with unsaved edits asks first. Without this
// file the form's own send button keeps the edits and opens the mail program.
(function () {
  "use strict";

  function field(form, part) {
    return form.querySelector('[data-draft-part="' + part + '"]');
  }

  function valueOf(form, part, fallback) {
    var box = field(form, part);
    return box ? box.value : fallback || "";
  }

  function snapshot(form) {
    var boxes = form.querySelectorAll("[data-draft-part]");
    return Array.prototype.map.call(boxes, function (box) { return box.value; }).join("\u0000");
  }

  function mailto(form) {
    var to = valueOf(form, "to", form.dataset.draftTo)
      .split(",")
      .map(function (address) { return address.trim(); })
      .filter(Boolean)
      .map(function (address) { return encodeURIComponent(address).replace(/%40/g, "@"); })
      .join(",");
    var subject = valueOf(form, "subject", form.dataset.draftSubject);
    var body = valueOf(form, "body", "");
    return "mailto:" + to + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function copyText(box) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(box.value);
    }
    // Served over plain http on a home network, the Clipboard API is missing.
    box.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function setUp(form) {
    var saved = snapshot(form);
    var submitting = false;
    var link = form.querySelector("[data-draft-link]");
    var submit = form.querySelector("[data-draft-submit]");
    var copy = form.querySelector("[data-draft-copy]");
    var status = form.querySelector("[data-draft-status]");

    function refresh() {
      if (link) link.href = mailto(form);
    }

    if (link && submit) {
      link.hidden = false;
      submit.hidden = true;
    }
    refresh();
    form.addEventListener("input", function () {
      refresh();
      if (status) status.textContent = "";
    });

    if (link) {
      link.addEventListener("click", function () {
        refresh();
        if (form.hasAttribute("data-draft-save") && snapshot(form) !== saved) {
          // Keep the edits too, as the button does without JavaScript.
          var data = new FormData(form);
          fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "HX-Request": "true" },
            keepalive: true,
          });
        }
        saved = snapshot(form);
      });
    }

    var body = field(form, "body");
    if (copy && body) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        copyText(body).then(
          function () { if (status) status.textContent = "Copied. Paste it wherever you send it."; },
          function () { if (status) status.textContent = "Your browser would not copy it: select the text and copy it by hand."; }
        );
      });
    }

    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && form.isConnected && snapshot(form) !== saved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function setUpAll() {
    document.querySelectorAll("form[data-draft]").forEach(function (form) {
      if (form.dataset.draftReady) return;
      form.dataset.draftReady = "1";
      setUp(form);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
  // A section swapped in by htmx (the contact page's connections) brings new forms.
  document.addEventListener("htmx:afterSettle", setUpAll);
})();
