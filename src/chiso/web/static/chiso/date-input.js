// Calendar buttons for the dd/mm/yyyy date boxes (chiso.web.widgets.DayMonthYearInput).
// The box stays a text box in dd/mm/yyyy; the button opens the browser's own calendar through
// a hidden native date input and writes the chosen day back. Browsers without showPicker()
// keep the plain text box.
(function () {
  "use strict";
  if (!("showPicker" in HTMLInputElement.prototype)) return;

  function toIso(text) {
    var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    if (!m) return "";
    return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2);
  }

  function toDayMonthYear(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }

  function enhance(box) {
    if (box.dataset.dateInputReady) return;
    box.dataset.dateInputReady = "1";
    var wrap = document.createElement("span");
    wrap.className = "date-input";
    box.parentNode.insertBefore(wrap, box);
    wrap.appendChild(box);

    var native = document.createElement("input");
    native.type = "date";
    native.className = "date-input__native";
    native.tabIndex = -1;
    native.setAttribute("aria-hidden", "true");
    wrap.appendChild(native);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "date-input__button";
    button.setAttribute("aria-label", box.dataset.pickerLabel || "");
    button.title = box.dataset.pickerLabel || "";
    button.dataset.testid = "date-picker";
    wrap.appendChild(button);

    button.addEventListener("click", function () {
      native.value = toIso(box.value);
      try {
        native.showPicker();
      } catch (error) {
        box.focus(); // no calendar here: the box still takes dd/mm/yyyy
      }
    });
    native.addEventListener("change", function () {
      if (!native.value) return;
      box.value = toDayMonthYear(native.value);
      box.dispatchEvent(new Event("input", { bubbles: true }));
      box.dispatchEvent(new Event("change", { bubbles: true }));
      box.focus();
    });
  }

  function enhanceAll(root) {
    root.querySelectorAll("input[data-date-input]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhanceAll(document);
  });
  // Forms swapped in by htmx get their buttons too.
  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.target);
  });
})();
