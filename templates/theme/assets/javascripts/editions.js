// The edition switcher opens the same page in another edition; carry the
// #anchor along so that a clause link works across editions. The click
// stops here: Material's own language handling would send the reader to
// the top of the page instead.
(function () {
  function keepAnchor(event) {
    var link = event.target.closest && event.target.closest("a[data-edition]");
    if (!link) return;
    link.href = link.href.split("#")[0] + window.location.hash;
    if (event.type === "click") event.stopPropagation();
  }
  ["pointerdown", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, keepAnchor, true);
  });
})();
