// A filter over a long page (all figures, the glossary): <input class="page-filter"
// data-items="SELECTOR"> hides the items whose text lacks a word typed, then the tables
// and headings left with nothing to show. A glossary entry's text is its heading and the
// definition after it.
(function () {
  "use strict";
  var input = document.querySelector("input.page-filter");
  if (!input) return;
  var items = Array.prototype.slice.call(document.querySelectorAll(input.getAttribute("data-items")));
  var none = document.querySelector(".page-filter-none");
  var texts = items.map(function (item) {
    var text = item.textContent;
    if (item.classList.contains("term-entry") && item.nextElementSibling) text += " " + item.nextElementSibling.textContent;
    return text.toLowerCase();
  });

  function show(item, visible) {
    item.hidden = !visible;
    if (item.classList.contains("term-entry") && item.nextElementSibling) item.nextElementSibling.hidden = !visible;
  }

  function tidy() {
    document.querySelectorAll("article table").forEach(function (table) {
      var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
      table.hidden = rows.length > 0 && rows.every(function (row) { return row.hidden; });
    });
    document.querySelectorAll("article h2").forEach(function (heading) {
      var node = heading.nextElementSibling, any = false;
      while (node && node.tagName !== "H2") {
        any = any || (!node.hidden && !/^H[3-6]$/.test(node.tagName) && !node.classList.contains("headerlink"));
        node = node.nextElementSibling;
      }
      heading.hidden = !any;
    });
  }

  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item, index) {
      var hit = words.every(function (word) { return texts[index].indexOf(word) >= 0; });
      show(item, hit);
      shown += hit ? 1 : 0;
    });
    tidy();
    if (none) none.hidden = shown > 0;
  });
})();
