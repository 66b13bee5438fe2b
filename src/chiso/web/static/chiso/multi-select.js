// Searchable multi-selects with chips (Tom Select, vendor/tom-select) for the list boxes marked
// data-multi-select (chiso.plans.forms.MULTI_SELECT): type part of a name, with or without
// diacritics, pick, and each choice shows as a chip with a remove button. The <select> stays in
// the form and is what is submitted; without this script it is a plain list box, and the hint
// marked data-multi-hint (hold Ctrl to choose several) stays visible.
(function () {
  "use strict";

  function enhance(select) {
    if (select.tomselect || typeof TomSelect === "undefined") return;
    var form = select.closest("form");
    var texts = (form && form.dataset) || {};
    new TomSelect(select, {
      plugins: { remove_button: { title: texts.multiRemove || "Bỏ" } },
      maxOptions: null,
      hidePlaceholder: true,
      placeholder: texts.multiPlaceholder || "",
      closeAfterSelect: false,
      render: {
        no_results: function () {
          var div = document.createElement("div");
          div.className = "no-results";
          div.textContent = texts.multiNone || "—";
          return div;
        },
      },
    });
    var field = select.closest(".field");
    var hint = field && field.querySelector("[data-multi-hint]");
    if (hint) hint.hidden = true;
  }

  function enhanceAll(root) {
    root.querySelectorAll("select[multiple][data-multi-select]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhanceAll(event.target); });
})();
