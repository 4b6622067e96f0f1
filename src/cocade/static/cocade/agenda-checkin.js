// Check-in at the door: read QR codes with the phone's camera (jsQR, loaded on demand) and
// send them to the server; the typed-code form is sent the same way. Without this file the
// page still works: the forms post normally and the server answers with a page.
(() => {
  "use strict";

  const FRAME_INTERVAL = 200; // ms between two decoded frames: about 5 per second
  const PAUSE_AFTER_READ = 2000; // ms to show an answer before reading the next code
  const MAX_SIDE = 640; // frames are scaled down to this size before decoding

  const statusRegion = () => document.getElementById("check-in-status");

  // The big answer: green (checked in), amber (already), red (refused), with a symbol too.
  function showAnswer(status, message) {
    const region = statusRegion();
    if (!region) return;
    const symbols = { checked_in: "✓", already: "!", refused: "✗" };
    const line = document.createElement("p");
    line.className = `check-in-answer check-in-${status}`;
    const symbol = document.createElement("span");
    symbol.className = "check-in-symbol";
    symbol.setAttribute("aria-hidden", "true");
    symbol.textContent = symbols[status] || "";
    line.append(symbol, ` ${message}`);
    region.replaceChildren(line);
  }

  function showNote(note, text) {
    if (note) note.textContent = text || "";
  }

  function updateCounts(answer) {
    const present = document.querySelector("[data-count-present]");
    const confirmed = document.querySelector("[data-count-confirmed]");
    if (present && typeof answer.present === "number") present.textContent = String(answer.present);
    if (confirmed && typeof answer.confirmed === "number") confirmed.textContent = String(answer.confirmed);
  }

  // POST a code to the form's address; resolve with the JSON answer, or null when none came.
  async function sendCode(form, code) {
    const data = new FormData();
    const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
    data.append("token", code);
    if (csrf) data.append("csrfmiddlewaretoken", csrf.value);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
      });
      const type = response.headers.get("Content-Type") || "";
      if (!type.includes("application/json")) return null;
      return await response.json();
    } catch (error) {
      return null;
    }
  }

  async function checkIn(form, code, messages) {
    const answer = await sendCode(form, code);
    if (!answer || !answer.status) {
      showAnswer("refused", messages.network);
      return;
    }
    showAnswer(answer.status, answer.message);
    updateCounts(answer);
    if (navigator.vibrate) navigator.vibrate(answer.status === "checked_in" ? 80 : [60, 60, 60]);
  }

  function loadScript(src) {
    if (window.jsQR) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("jsQR"));
      document.head.append(script);
    });
  }

  function setUpCamera(box, form) {
    const start = box.querySelector("[data-camera-start]");
    const stop = box.querySelector("[data-camera-stop]");
    const video = box.querySelector("[data-camera-video]");
    const canvas = box.querySelector("[data-camera-canvas]");
    const note = box.querySelector("[data-camera-note]");
    const messages = {
      unavailable: box.dataset.msgUnavailable,
      denied: box.dataset.msgDenied,
      scanning: box.dataset.msgScanning,
      sending: box.dataset.msgSending,
      network: box.dataset.msgNetwork,
    };
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.isSecureContext) {
      showNote(note, messages.unavailable);
      return;
    }
    start.hidden = false;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let stream = null;
    let timer = null;
    let paused = false;

    function stopCamera() {
      window.clearTimeout(timer);
      timer = null;
      if (stream) stream.getTracks().forEach((track) => track.stop());
      stream = null;
      video.srcObject = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
      showNote(note, "");
    }

    function decodeFrame() {
      const width = video.videoWidth;
      const height = video.videoHeight;
      if (!width || !height) return null;
      const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = window.jsQR(image.data, image.width, image.height, {
        inversionAttempts: "dontInvert",
      });
      return code && code.data ? code.data : null;
    }

    async function tick() {
      if (!stream) return;
      if (!paused && video.readyState >= 2) {
        const code = decodeFrame();
        if (code) {
          paused = true;
          showNote(note, messages.sending);
          await checkIn(form, code, messages);
          window.setTimeout(() => {
            paused = false;
            if (stream) showNote(note, messages.scanning);
          }, PAUSE_AFTER_READ);
        }
      }
      if (stream) timer = window.setTimeout(tick, FRAME_INTERVAL);
    }

    start.addEventListener("click", async () => {
      start.disabled = true;
      try {
        await loadScript(box.dataset.jsqrSrc);
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: "environment" } },
        });
      } catch (error) {
        stream = null;
        showNote(note, messages.denied);
        start.disabled = false;
        return;
      }
      start.disabled = false;
      video.srcObject = stream;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      await video.play().catch(() => {});
      video.scrollIntoView({ block: "nearest" });
      paused = false;
      showNote(note, messages.scanning);
      tick();
    });
    stop.addEventListener("click", () => {
      stopCamera();
      start.focus();
    });
    // Leaving the page (or hiding the tab) hands the camera back.
    document.addEventListener("visibilitychange", () => {
      if (document.hidden && stream) stopCamera();
    });
    window.addEventListener("pagehide", stopCamera);
  }

  function setUpTokenForm(form, messages) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = form.querySelector("input[name=token]");
      const button = form.querySelector("button[type=submit]");
      const code = input.value.trim();
      if (code) {
        await checkIn(form, code, messages);
        input.value = "";
      }
      if (button) button.disabled = false;
      input.focus();
    });
  }

  // htmx leaves 4xx answers unswapped by default: the check-in buttons' refusals (400, 409)
  // carry the reason to show, so they are swapped like any answer.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if ((status === 400 || status === 409) && source && source.closest("[data-check-in-swap]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.querySelector("[data-check-in-camera]");
    const form = document.querySelector("[data-check-in-token-form]");
    if (!box || !form) return;
    setUpTokenForm(form, { network: box.dataset.msgNetwork });
    setUpCamera(box, form);
  });
})();
