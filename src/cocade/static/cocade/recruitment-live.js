// The day of a speed recruitment. Without this file everything still works: the forms post
// normally and the board refreshes itself every few seconds.
(() => {
  "use strict";

  // htmx leaves 4xx answers unswapped by default: the presence buttons' refusals (400, 409)
  // carry the reason and the candidate as they now are, so they are swapped like any answer.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if ((status === 400 || status === 409) && source && source.closest("[data-live-swap]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A QR code read by the agenda's check-in script writes its answer in the status region:
  // the counts are then asked for again.
  function watchAnswers() {
    const region = document.getElementById("check-in-status");
    if (!region || !window.MutationObserver) return;
    new MutationObserver(() => {
      if (window.htmx) window.htmx.trigger(document.body, "live-refresh");
    }).observe(region, { childList: true });
  }

  // The board's time left, counted down between two refreshes from the server.
  let timer = null;
  let endsAt = 0;

  function format(seconds) {
    const minutes = Math.floor(seconds / 60);
    const rest = String(seconds % 60).padStart(2, "0");
    return `${minutes}:${rest}`;
  }

  function tick() {
    const clock = document.querySelector("[data-seconds-left]");
    if (!clock) return;
    const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    clock.textContent = left > 0 ? clock.dataset.leftFormat.replace("{left}", format(left)) : clock.dataset.over;
  }

  function startCountdown() {
    window.clearInterval(timer);
    timer = null;
    const clock = document.querySelector("[data-seconds-left]");
    if (!clock) return;
    const seconds = Number.parseInt(clock.dataset.secondsLeft, 10);
    if (Number.isNaN(seconds)) return;
    endsAt = Date.now() + seconds * 1000;
    timer = window.setInterval(tick, 1000);
  }

  document.addEventListener("DOMContentLoaded", () => {
    watchAnswers();
    startCountdown();
  });
  document.addEventListener("htmx:afterSettle", startCountdown);
})();
