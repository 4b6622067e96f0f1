// Live quiz: the phone's answer panel and the big screen. Without this file the pages still
// work: the answer buttons post normally and a link reloads the page.
(() => {
  "use strict";

  // htmx leaves 4xx answers unswapped by default; a refused answer (closed question, already
  // answered) carries the reason and the panel as it now is, so it is swapped like any answer.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if ([400, 409, 422].includes(status) && source && source.closest("[data-quiz-swap]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The big screen's "Full screen" button, where the browser allows it.
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.querySelector("[data-quiz-fullscreen]");
    const page = document.documentElement;
    if (!button || !page.requestFullscreen) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        page.requestFullscreen().catch(() => {});
      }
    });
  });
})();
