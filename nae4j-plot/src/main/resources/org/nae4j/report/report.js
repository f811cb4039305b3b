// Sortable tables, switched figures, and a note beside an audio player whose file cannot be opened.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, column) {
      th.title = "Sort by this column";
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var nx = x.hasAttribute("data-sort"), ny = y.hasAttribute("data-sort");
          var order;
          if (nx && ny) {
            order = parseFloat(x.dataset.sort) - parseFloat(y.dataset.sort);
          } else if (nx || ny) {
            return nx ? -1 : 1; // numbers first, empty cells last, whichever the direction
          } else {
            order = x.textContent.localeCompare(y.textContent);
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.querySelectorAll(".figures.switch").forEach(function (box) {
    var tabs = box.querySelector(".tabs");
    var buttons = tabs.querySelectorAll("button");
    var figures = box.querySelectorAll("figure");
    function show(index) {
      figures.forEach(function (f) { f.hidden = f.dataset.index !== index; });
      buttons.forEach(function (b) { b.classList.toggle("active", b.dataset.index === index); });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { show(b.dataset.index); });
    });
    tabs.hidden = false;
    show("0");
  });
  document.querySelectorAll("audio").forEach(function (audio) {
    var note = audio.nextElementSibling;
    if (note && note.classList.contains("missing")) {
      audio.addEventListener("error", function () {
        note.hidden = false;
        audio.hidden = true;
      });
      if (audio.error) {
        note.hidden = false;
        audio.hidden = true;
      }
    }
  });
})();
