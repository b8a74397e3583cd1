// Keys 1–4 rate the question once its answer is showing. The buttons work
// without this; it only saves a reach for the mouse.
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var reveal = document.querySelector("details[data-review]");
  if (!reveal) return;
  if (!reveal.open) return;
  var button = reveal.querySelector('button[data-key="' + event.key + '"]');
  if (button) {
    event.preventDefault();
    button.click();
  }
});

