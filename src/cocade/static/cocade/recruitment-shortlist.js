// The applications list: a box in the table's header ticks or unticks every application of
// the page for the bulk decision. Without JavaScript the box stays hidden and each row is
// ticked by hand.
(function () {
  "use strict";
  function setUp(table) {
    var all = table.querySelector("input.select-all");
    if (!all) return;
    var boxes = function () {
      return table.querySelectorAll('input[type="checkbox"][name="applications"]');
    };
    all.hidden = false;
    all.addEventListener("change", function () {
      boxes().forEach(function (box) { box.checked = all.checked; });
    });
    table.addEventListener("change", function (event) {
      if (event.target === all) return;
      var list = Array.prototype.slice.call(boxes());
      all.checked = list.length > 0 && list.every(function (box) { return box.checked; });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.shortlist-table").forEach(setUp);
  });
})();
