// Live character count under a connection note; the server enforces the limit.
document.addEventListener("input", function (event) {
  var box = event.target;
  if (!box.dataset || !box.dataset.count) return;
  var counter = document.getElementById(box.dataset.count);
  if (counter) counter.firstElementChild.textContent = String(box.value.length);
});
