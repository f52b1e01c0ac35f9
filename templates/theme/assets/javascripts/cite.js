// "Cite this clause": the clause number beside every clause is its permalink;
// clicking it (or pressing Enter on it) also opens a menu that copies the
// link, a Chinese citation in GB/T 7714 style and an English citation, each
// with the clause number, the edition and the stable URL. The access date is
// the reader's today.
(function () {
  "use strict";
  var data = document.getElementById("cite-data");
  var strings = (window.reportStrings || {})[document.documentElement.lang];
  var canonical = document.querySelector('link[rel="canonical"]');
  if (!data || !strings) return;
  data = JSON.parse(data.textContent);
  var menu = document.createElement("div");
  menu.className = "cite";
  menu.setAttribute("role", "dialog");
  menu.setAttribute("aria-label", strings.cite_heading);
  menu.hidden = true;
  document.body.appendChild(menu);
  var opener = null;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var d = new Date();
    return { iso: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()),
             en: d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) };
  }

  function address(id) {
    var base = canonical ? canonical.href : location.href.split("#")[0];
    return base.split("#")[0] + "#" + id;
  }

  function chinese(number, url) {
    var revised = data.revised !== data.date ? "(" + data.revised + ")" : "";
    return data.author + ". " + data.title + ": " + number + "（" + data.edition + "）[EB/OL]. " +
      data.place + ": " + data.publisher + ", " + data.date + revised + "[" + today().iso + "]. " + url + ".";
  }

  function english(number, url) {
    return data.author_en + ". \u201c" + data.title_en + ",\u201d " + number + ". " + data.edition_en + ". " +
      data.place_en + ": " + data.publisher_en + ", " + data.date_en + ". " + url +
      " (accessed " + today().en + ").";
  }

  function copy(text, button) {
    function done() {
      var label = button.textContent;
      button.textContent = strings.cite_copied;
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    done();
  }

  function row(label, text) {
    var item = document.createElement("div");
    item.className = "cite__row";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite__copy";
    button.textContent = label;
    button.addEventListener("click", function () { copy(text, button); });
    var shown = document.createElement("p");
    shown.className = "cite__text";
    shown.textContent = text;
    item.appendChild(button);
    item.appendChild(shown);
    return item;
  }

  // The English of a clause, in place below it (Chinese editions with a translation).
  var translation = null;

  function loadTranslation() {
    if (!translation) {
      var config = JSON.parse(document.getElementById("__config").textContent);
      var root = new URL(config.base.replace(/\/?$/, "/"), location.href);
      translation = fetch(new URL(data.english, root)).then(function (r) { return r.json(); });
    }
    return translation;
  }

  function placeOf(clause) {
    var item = clause.closest(".clause.item");
    return item && item !== clause ? item : clause;
  }

  function toggleEnglish(id) {
    var clause = document.getElementById(id);
    if (!clause) return;
    var place = placeOf(clause);
    var shown = place.nextElementSibling;
    if (shown && shown.classList.contains("en-inline")) {
      shown.remove();
      return;
    }
    var sentences = Array.prototype.map.call((place.matches(".clause") ? place : clause).querySelectorAll(".s[id]"),
      function (span) { return span.id; });
    loadTranslation().then(function (table) {
      var box = document.createElement("div");
      box.className = "en-inline";
      box.lang = "en";
      sentences.forEach(function (key) {
        var entry = table.sentences[key];
        if (!entry) return;
        var span = document.createElement("span");
        span.className = "en-inline__s" + (entry.state !== "current" ? " en-inline__s--" + entry.state : "");
        span.textContent = entry.state === "pending" ? strings.translation_pending : entry.en + " ";
        if (entry.state === "stale") span.title = strings.translation_stale;
        box.appendChild(span);
      });
      place.insertAdjacentElement("afterend", box);
    });
  }

  function englishRow(id) {
    var item = document.createElement("div");
    item.className = "cite__row";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite__copy";
    button.textContent = strings.show_english;
    button.addEventListener("click", function () { toggleEnglish(id); close(); });
    item.appendChild(button);
    return item;
  }

  function open(link) {
    var id = link.getAttribute("href").slice(1);
    var number = link.getAttribute("data-n");
    var url = address(id);
    menu.textContent = "";
    var head = document.createElement("p");
    head.className = "cite__head";
    head.textContent = strings.cite_heading + " " + number;
    menu.appendChild(head);
    menu.appendChild(row(strings.cite_link, url));
    menu.appendChild(row(strings.cite_zh, chinese(number, url)));
    menu.appendChild(row(strings.cite_en, english(number, url)));
    if (data.english) menu.appendChild(englishRow(id));
    menu.hidden = false;
    var box = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    menu.style.width = width + "px";
    menu.style.left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8)) + window.scrollX + "px";
    menu.style.top = box.bottom + 6 + window.scrollY + "px";
    opener = link;
    menu.querySelector("button").focus();
  }

  function close() {
    if (menu.hidden) return;
    menu.hidden = true;
    if (opener) opener.focus();
    opener = null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.cn");
    if (link && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      // Keep the permalink's own job: the URL names the clause, which is
      // scrolled to and highlighted; then the menu opens beside it.
      event.preventDefault();
      if (location.hash !== link.getAttribute("href")) location.hash = link.getAttribute("href");
      requestAnimationFrame(function () { open(link); });
    } else if (!menu.contains(event.target)) {
      close();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
})();
