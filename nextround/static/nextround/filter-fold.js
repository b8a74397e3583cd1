// On a phone, a list's search and filters fold away under one line so the list
// comes first; they stay open when a filter is in use. Without this script,
// or on a wider screen, they are simply open.
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 40rem)");
  // Turned to a wider screen, the fold's line is hidden: open what it folded.
  phone.addEventListener("change", function () {
    if (phone.matches) return;
    document.querySelectorAll("details.filter-fold").forEach(function (box) {
      box.setAttribute("open", "");
    });
  });
  function fold() {
    if (!phone.matches) return;
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    var filtering = false;
    params.forEach(function (value) { if (value) filtering = true; });
    if (filtering) return;
    document.querySelectorAll("details.filter-fold[open]").forEach(function (box) {
      box.removeAttribute("open");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fold);
  } else {
    fold();
  }
})();
