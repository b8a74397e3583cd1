// Setup and sign-up ask for the password once, not twice: a "Show password"
// box lets the person see what they typed instead. Without JavaScript the box
// stays hidden and the field works as any password field.
document.querySelectorAll("[data-shows-password]").forEach((box) => {
  const field = document.getElementById(box.dataset.showsPassword);
  if (!field) return;
  box.closest("[hidden]")?.removeAttribute("hidden");
  box.addEventListener("change", () => {
    field.type = box.checked ? "text" : "password";
  });
});
