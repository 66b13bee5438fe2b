// Cue for content wider than the screen (wide tables and the menu strip on phones): the side
// that has more to see fades out, so a reader knows to swipe. Marks each scroll box with
// data-more="left", "right" or "both"; the styles do the rest. Re-checked after htmx swaps.
(function () {
  "use strict";
  var SELECTOR = ".table-wrap, table.data:not(.data--stack), .site-nav ul, .chart-scroll";

  function mark(box) {
    // Right-to-left boxes (charts that open on their latest years) count scrollLeft from the
    // right edge, as zero or negative numbers.
    var rtl = getComputedStyle(box).direction === "rtl";
    var fromStart = Math.abs(box.scrollLeft);
    var hidden = box.scrollWidth - box.clientWidth - fromStart;
    var more = [];
    if ((rtl ? hidden : fromStart) > 2) more.push("left");
    if ((rtl ? fromStart : hidden) > 2) more.push("right");
    var value = more.length === 2 ? "both" : more[0] || "";
    if (value) box.dataset.more = value;
    else delete box.dataset.more;
  }

  function watch(root) {
    root.querySelectorAll(SELECTOR).forEach(function (box) {
      mark(box);
      if (box.dataset.scrollCue) return;
      box.dataset.scrollCue = "1";
      box.addEventListener("scroll", function () { mark(box); }, { passive: true });
    });
  }

  function markAll() {
    document.querySelectorAll("[data-scroll-cue]").forEach(mark);
  }

  document.addEventListener("DOMContentLoaded", function () { watch(document); });
  window.addEventListener("resize", markAll);
  document.addEventListener("htmx:afterSwap", function (event) { watch(event.target); });
})();
