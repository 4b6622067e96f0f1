// Search page enhancements; the search works fully without this file.
// - "Use my location" fills the hidden lat/lon fields (rounded to about 100 m) and searches.
// - After an htmx search, focus moves to the results heading so that it is read out.
(() => {
  "use strict";

  const DECIMALS = 3;

  function setupLocation(form) {
    const button = form.querySelector("[data-use-location]");
    const status = form.querySelector("[data-location-status]");
    const lat = form.querySelector("input[name=lat]");
    const lon = form.querySelector("input[name=lon]");
    if (!button || !lat || !lon || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      button.disabled = true;
      if (status) status.textContent = button.dataset.messageLocating || "";
      navigator.geolocation.getCurrentPosition(
        (position) => {
          lat.value = position.coords.latitude.toFixed(DECIMALS);
          lon.value = position.coords.longitude.toFixed(DECIMALS);
          button.disabled = false;
          if (status) status.textContent = "";
          form.requestSubmit();
        },
        () => {
          button.disabled = false;
          if (status) status.textContent = button.dataset.messageDenied || "";
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
      );
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-search-form]").forEach(setupLocation);
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.target.id !== "search-results") return;
    const heading = document.getElementById("results-heading");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
})();
