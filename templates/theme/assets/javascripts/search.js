// The report's clause search. The index (search/clauses.json, written by the
// generator) lists every clause with its sentences. A clause matches when it
// contains every word of the query as written (words are separated by
// spaces; width, case, spaces and quotation marks are ignored), which needs
// no word segmentation and works alike in every script. Clauses whose heading
// or lead sentence holds the whole query come first, then those with more
// occurrences, then document order; glossary entries follow the report's
// clauses. A result opens the first matching sentence.
(function () {
  "use strict";
  var root = document.querySelector(".cs");
  if (!root) return;
  var input = root.querySelector(".cs__input");
  var list = root.querySelector(".cs__results");
  var status = root.querySelector(".cs__status");
  var toggle = root.querySelector(".cs__toggle");
  var strings = JSON.parse(root.getAttribute("data-strings"));
  var indexUrl = new URL(root.getAttribute("data-index"), document.baseURI);
  var editionRoot = new URL("../", indexUrl);
  var LIMIT = 50;
  var QUERY_KEY = "clause-search-query";
  var loading = null;
  var clauses = null;
  var pages = null;

  function fold(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  function squeeze(text) {
    return fold(text).replace(/[\s\u3000“”‘’「」『』"']/g, "");
  }

  function words(query) {
    return fold(query).split(/[\s\u3000]+/).map(squeeze).filter(Boolean);
  }

  function load() {
    if (!loading) {
      status.textContent = strings.search_loading;
      loading = fetch(indexUrl).then(function (response) {
        return response.json();
      }).then(function (data) {
        pages = data.pages;
        clauses = data.clauses.map(function (row, order) {
          var text = row[3] + row[4].map(function (s) { return s[1]; }).join("");
          return { page: row[0], id: row[1], number: row[2], heading: squeeze(row[3]),
                   text: squeeze(text), sentences: row[4], order: order,
                   reference: pages[row[0]][2] === "glossary" };
        });
      });
    }
    return loading;
  }

  function occurrences(text, word) {
    var count = 0;
    for (var at = text.indexOf(word); at !== -1 && count < 5; at = text.indexOf(word, at + word.length)) count++;
    return count;
  }

  function find(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var whole = terms.join("");
    return clauses.filter(function (clause) {
      return terms.every(function (word) { return clause.text.indexOf(word) !== -1; });
    }).map(function (clause) {
      var score = clause.heading.indexOf(whole) !== -1 ? 1000 : 0;
      terms.forEach(function (word) { score += occurrences(clause.text, word); });
      return { clause: clause, score: score, terms: terms };
    }).sort(function (a, b) {
      return a.clause.reference - b.clause.reference || b.score - a.score || a.clause.order - b.clause.order;
    });
  }

  function sentenceOf(hit) {
    var found = hit.clause.sentences.filter(function (s) {
      var text = squeeze(s[1]);
      return hit.terms.some(function (word) { return text.indexOf(word) !== -1; });
    });
    return found[0] || hit.clause.sentences[0] || [hit.clause.id, ""];
  }

  function excerpt(text, terms) {
    var folded = fold(text);
    var node = document.createElement("span");
    node.className = "cs__excerpt";
    var first = terms.map(function (w) { return folded.indexOf(w); }).filter(function (i) { return i >= 0; });
    var start = first.length ? Math.max(0, Math.min.apply(null, first) - 30) : 0;
    var shown = text.slice(start, start + 110);
    var shownFolded = folded.slice(start, start + 110);
    var marks = [];
    terms.forEach(function (word) {
      for (var at = shownFolded.indexOf(word); at !== -1; at = shownFolded.indexOf(word, at + word.length)) {
        marks.push([at, at + word.length]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var cursor = 0;
    if (start > 0) node.appendChild(document.createTextNode("…"));
    marks.forEach(function (m) {
      if (m[0] < cursor) return;
      node.appendChild(document.createTextNode(shown.slice(cursor, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = shown.slice(m[0], m[1]);
      node.appendChild(mark);
      cursor = m[1];
    });
    node.appendChild(document.createTextNode(shown.slice(cursor)));
    if (start + 110 < text.length) node.appendChild(document.createTextNode("…"));
    return node;
  }

  function item(hit) {
    var sentence = sentenceOf(hit);
    var page = pages[hit.clause.page];
    var link = document.createElement("a");
    link.href = new URL(page[0], editionRoot).href + "#" + sentence[0];
    link.className = "cs__link";
    var head = document.createElement("span");
    head.className = "cs__where";
    head.textContent = (hit.clause.number ? hit.clause.number + " " : "") + page[1];
    link.appendChild(head);
    link.appendChild(excerpt(sentence[1] || page[1], hit.terms));
    var li = document.createElement("li");
    li.appendChild(link);
    return li;
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "";
      root.classList.remove("cs--results");
      return;
    }
    var hits = find(query);
    status.textContent = hits.length
      ? strings.search_count.replace("{n}", hits.length)
      : strings.search_none.replace("{q}", query.trim());
    hits.slice(0, LIMIT).forEach(function (hit) { list.appendChild(item(hit)); });
    root.classList.add("cs--results");
  }

  function update() {
    var query = input.value;
    load().then(function () {
      if (input.value === query) show(query);
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function close(focusBack) {
    root.classList.remove("cs--open", "cs--results");
    toggle.setAttribute("aria-expanded", "false");
    if (focusBack) (window.matchMedia("(min-width: 60em)").matches ? input : toggle).focus();
  }

  input.addEventListener("input", update);
  input.addEventListener("focus", function () {
    load();
    if (input.value.trim()) root.classList.add("cs--results");
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Enter" && links().length) {
      event.preventDefault();
      links()[0].click();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    }
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) {
      try { sessionStorage.setItem(QUERY_KEY, input.value); } catch (e) { /* storage may be off */ }
      close(false);
    }
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(true);
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) root.classList.remove("cs--results", "cs--open");
  });
  toggle.addEventListener("click", function () {
    var open = !root.classList.contains("cs--open");
    root.classList.toggle("cs--open", open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open) input.focus();
  });

  // On arrival from a result, mark the query's words in the target sentence.
  function markArrival() {
    var query;
    try { query = sessionStorage.getItem(QUERY_KEY); sessionStorage.removeItem(QUERY_KEY); } catch (e) { return; }
    var target = query && location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    var terms = words(query);
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) { markIn(node, terms); });
  }

  function markIn(node, terms) {
    var folded = fold(node.data);
    var at = -1;
    var length = 0;
    terms.forEach(function (word) {
      var found = folded.indexOf(word);
      if (found !== -1 && (at === -1 || found < at)) {
        at = found;
        length = word.length;
      }
    });
    if (at === -1) return;
    var match = node.splitText(at);
    var after = match.splitText(length);
    var mark = document.createElement("mark");
    mark.className = "cs-arrival";
    match.parentNode.replaceChild(mark, match);
    mark.appendChild(match);
    markIn(after, terms);
  }

  markArrival();
  window.addEventListener("hashchange", markArrival);
})();
