(function () {
  "use strict";
  var table = document.getElementById("index");
  var filter = document.getElementById("filter");
  if (!table || !filter) return;
  document.body.className += " scripted";
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach(function (tr) {
      var text = tr.textContent.toLowerCase();
      tr.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
    });
  });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.setAttribute("tabindex", "0");
    function sort() {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.getAttribute("data-type") === "n";
      function key(tr) {
        var td = tr.cells[col];
        if (!td) return numeric ? -1 : "";
        return numeric ? parseFloat(td.getAttribute("data-v") || "-1") : td.textContent.toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return asc ? c : -c;
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
  });
})();
