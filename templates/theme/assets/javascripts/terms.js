// Glossary terms in the text (a.term, written by the generator) show their
// definition on hover, on keyboard focus and on tap. The definitions of the
// terms on a page are in <script id="term-data">. The tooltip is described
// to screen readers through aria-describedby, closes with Escape, and links
// to the term's entry on the glossary page (so does the term itself).
(function () {
  "use strict";
  var source = document.getElementById("term-data");
  if (!source) return;
  var terms = JSON.parse(source.textContent);
  var more = source.getAttribute("data-more");
  var tip = document.createElement("div");
  tip.className = "term-tip";
  tip.id = "term-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var current = null;
  var hiding = null;
  var touched = false;
  var wasOpen = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function fill(link) {
    var entry = terms[link.getAttribute("data-term")];
    tip.textContent = "";
    var head = element("p", "term-tip__head");
    head.appendChild(element("strong", "", entry.term));
    head.appendChild(document.createTextNode(" "));
    var name = element("span", "term-tip__name", entry.name);
    name.lang = "en";
    head.appendChild(name);
    tip.appendChild(head);
    tip.appendChild(element("p", "term-tip__category", entry.category));
    tip.appendChild(element("p", "term-tip__definition", entry.definition));
    var link_ = element("a", "term-tip__more", more);
    link_.href = link.href;
    link_.tabIndex = -1;
    tip.appendChild(link_);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    tip.style.width = width + "px";
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = left + window.scrollX + "px";
    var below = box.bottom + 6;
    var above = box.top - tip.offsetHeight - 6;
    var top = below + tip.offsetHeight > window.innerHeight && above > 0 ? above : below;
    tip.style.top = top + window.scrollY + "px";
  }

  function show(link) {
    clearTimeout(hiding);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    fill(link);
    tip.hidden = false;
    link.setAttribute("aria-describedby", tip.id);
    place(link);
  }

  function hide() {
    clearTimeout(hiding);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tip.hidden = true;
  }

  function later() {
    clearTimeout(hiding);
    hiding = setTimeout(hide, 250);
  }

  function termOf(target) {
    return target instanceof Element ? target.closest("a.term[data-term]") : null;
  }

  document.addEventListener("pointerover", function (event) {
    var link = termOf(event.target);
    if (event.pointerType === "mouse" && link) show(link);
    if (event.pointerType === "mouse" && tip.contains(event.target)) clearTimeout(hiding);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "mouse" && (termOf(event.target) || tip.contains(event.target))) later();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
    else if (!tip.contains(event.target)) hide();
  });
  function pressed(event, touch) {
    var link = termOf(event.target);
    touched = touch;
    // Whether this term's definition was already open before this press
    // (the press itself focuses the link, which opens it).
    wasOpen = Boolean(link) && current === link && !tip.hidden;
    if (!link && !tip.contains(event.target)) hide();
  }
  document.addEventListener("touchstart", function (event) { pressed(event, true); }, { passive: true });
  document.addEventListener("pointerdown", function (event) { pressed(event, event.pointerType !== "mouse"); });
  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    // A first tap shows the definition; a second tap follows the link.
    if (link && touched && !wasOpen) {
      event.preventDefault();
      show(link);
      wasOpen = true;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !tip.hidden) hide();
  });
  window.addEventListener("resize", function () {
    if (current) place(current);
  });
})();
