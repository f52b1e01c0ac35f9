// The library's home page: a filter over the reports, and the clause links of the
// report first published at the site's root (/#p0-1), sent on to where it stands now.
(function () {
  var root = document.getElementById("root-report");
  if (root && window.location.hash) {
    var data = JSON.parse(root.textContent);
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (data.ids.indexOf(id) >= 0) window.location.replace(data.base + window.location.hash);
  }
  var input = document.getElementById("library-filter");
  if (!input) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll(".library-grid__row, .library-region"));
  var none = document.querySelector(".library-none");

  function matches(text, words) {
    text = text.toLowerCase();
    return words.every(function (word) { return text.indexOf(word) >= 0; });
  }

  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (group) {
      var own = group.getAttribute("data-filter") || "";
      var whole = matches(own, words);
      var any = false;
      group.querySelectorAll("[data-filter]").forEach(function (item) {
        item.hidden = !(whole || matches(own + " " + item.getAttribute("data-filter"), words));
        any = any || !item.hidden;
      });
      group.hidden = !(whole || any);
      if (!group.hidden && group.classList.contains("library-grid__row")) shown += 1;
    });
    if (none) none.hidden = shown > 0;
  });
})();
