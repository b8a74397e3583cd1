// After htmx swaps in new content, move focus to the element in it that asks
// for focus (data-focus, or autofocus), so that after a one-click "Done" the
// keyboard lands on its Undo instead of falling back to the page's start.
document.addEventListener("htmx:afterSettle", function (event) {
  var root = event.detail.elt;
  if (!root || !root.querySelector) return;
  var target = root.matches("[data-focus], [autofocus]")
    ? root
    : root.querySelector("[data-focus], [autofocus]");
  if (target) target.focus();
});
