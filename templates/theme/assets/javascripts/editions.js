// The edition switcher opens the same page in another edition; carry the
// #anchor along so that a clause link works across editions.
(function () {
  function keepAnchor(event) {
    var link = event.target.closest && event.target.closest("a[data-edition]");
    if (link) {
      link.href = link.href.split("#")[0] + window.location.hash;
    }
  }
  ["pointerdown", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, keepAnchor, true);
  });
})();
