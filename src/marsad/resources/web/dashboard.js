// marsad dashboard: clicking a highlighted event in an article opens its entry in the panel.
"use strict";

function showEvent(idx) {
  const entry = document.getElementById("event-" + idx);
  if (!entry || entry.tagName !== "DETAILS") {
    return false;
  }
  document.querySelectorAll("details.event.selected").forEach((d) => {
    if (d !== entry) {
      d.classList.remove("selected");
    }
  });
  entry.open = true;
  entry.classList.add("selected");
  entry.scrollIntoView({ block: "nearest" });
  return true;
}

document.addEventListener("click", (event) => {
  const mark = event.target.closest("[data-event]");
  if (mark && showEvent(mark.dataset.event)) {
    event.preventDefault();
    history.replaceState(null, "", "#event-" + mark.dataset.event);
  }
});

document.addEventListener("DOMContentLoaded", () => {
  const m = /^#event-(\d+)$/.exec(window.location.hash);
  if (m) {
    showEvent(m[1]);
  }
});
