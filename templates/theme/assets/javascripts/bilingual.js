// The English edition's paragraphs, English beside Chinese: hovering a sentence
// (or focusing a link in it) highlights its counterpart; on a phone, where the
// Chinese is folded away, a button under each paragraph shows it.
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".bi");
  if (!blocks.length) return;
  var strings = (window.reportStrings || {})[document.documentElement.lang];
  if (!strings) return;
  var lit = [];

  function sentence(target) {
    return target && target.closest ? target.closest(".bi .s") : null;
  }

  function key(span) {
    return span.getAttribute("data-s") || span.id;
  }

  function light(span) {
    lit.forEach(function (el) { el.classList.remove("s--paired"); });
    lit = [];
    if (!span) return;
    var block = span.closest(".bi");
    var name = key(span);
    lit = Array.prototype.filter.call(block.querySelectorAll(".s"), function (el) { return key(el) === name; });
    lit.forEach(function (el) { el.classList.add("s--paired"); });
  }

  document.addEventListener("mouseover", function (event) { light(sentence(event.target)); });
  document.addEventListener("focusin", function (event) { light(sentence(event.target)); });

  Array.prototype.forEach.call(blocks, function (block) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bi__toggle";
    button.setAttribute("aria-expanded", "false");
    button.textContent = strings.show_chinese;
    button.addEventListener("click", function () {
      var open = block.classList.toggle("bi--open");
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? strings.hide_chinese : strings.show_chinese;
    });
    block.appendChild(button);
  });
})();
