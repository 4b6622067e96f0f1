// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Buttons marked data-confirm ask before submitting their form.
  document.querySelectorAll("[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
  // Forms disable their submit button once sent, so a double click sends once. The buttons
  // are disabled just after the submission: a button disabled during the submit event would be
  // left out of what the form sends, and with it the name and value of the one clicked.
  document.querySelectorAll("form[method=post]").forEach((form) => {
    form.addEventListener("submit", () => {
      window.setTimeout(() => {
        form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
      }, 0);
    });
  });
});
