// The search. In a report, the index (search/clauses.json, written by the
// generator) lists every clause with its sentences. A clause matches when it
// contains every word of the query as written (words are separated by
// spaces; width, case, spaces and quotation marks are ignored, and
// traditional characters count as their simplified ones), which needs no word
// segmentation and works alike in every script. Clauses whose heading or lead
// sentence holds the whole query come first, then those with more
// occurrences, then document order; glossary entries follow the report's
// clauses. A result opens the first matching sentence.
//
// In the archive, the search also covers every report (the "all reports"
// scope, the only one on the library's pages): /search/grams/*.json tell in
// which sentences each pair of characters occurs; the sentences holding every
// pair of every word are checked against their text (the report's own
// clauses.json) and listed by report, the newest first.
(function () {
  "use strict";
  var root = document.querySelector(".cs");
  if (!root) return;
  var input = root.querySelector(".cs__input");
  var list = root.querySelector(".cs__results");
  var status = root.querySelector(".cs__status");
  var toggle = root.querySelector(".cs__toggle");
  var strings = JSON.parse(root.getAttribute("data-strings"));

  // A count in words, in the singular where the edition gives one (search_sentences_one).
  function count(key, n) {
    var chosen = n === 1 && strings[key + "_one"] ? key + "_one" : key;
    return strings[chosen].replace("{n}", n);
  }
  var indexUrl = root.hasAttribute("data-index") ? new URL(root.getAttribute("data-index"), document.baseURI) : null;
  var archiveUrl = root.hasAttribute("data-archive") ? new URL(root.getAttribute("data-archive"), document.baseURI) : null;
  var editionRoot = indexUrl ? new URL("../", indexUrl) : null;
  var LIMIT = 50;
  var QUERY_KEY = "clause-search-query";
  var loading = null;
  var clauses = null;
  var pages = null;
  var folding = {};
  var foldLoading = null;

  function scope() {
    var chosen = root.querySelector("input[name=cs-scope]:checked");
    return !indexUrl || (chosen && chosen.value === "all") ? "all" : "here";
  }

  function loadFolding() {
    if (!foldLoading) {
      var url = archiveUrl ? new URL("search/fold.json", archiveUrl) : new URL("fold.json", indexUrl);
      foldLoading = fetch(url).then(function (response) {
        return response.ok ? response.json() : {};
      }).then(function (table) { folding = table; }, function () { folding = {}; });
    }
    return foldLoading;
  }

  function fold(text) {
    var folded = text.normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < folded.length; i++) out += folding[folded[i]] || folded[i];
    return out;
  }

  function squeeze(text) {
    return fold(text).replace(/[\s\u3000“”‘’「」『』"']/g, "");
  }

  function words(query) {
    return fold(query).split(/[\s\u3000]+/).map(squeeze).filter(Boolean);
  }

  function load() {
    if (!indexUrl) return loadFolding();
    if (!loading) {
      status.textContent = strings.search_loading;
      loading = Promise.all([fetch(indexUrl), loadFolding()]).then(function (answers) {
        return answers[0];
      }).then(function (response) {
        return response.json();
      }).then(function (data) {
        pages = data.pages;
        clauses = data.clauses.map(function (row, order) {
          var text = row[3] + row[4].map(function (s) { return s[1]; }).join("");
          return { page: row[0], id: row[1], number: row[2], heading: squeeze(row[3]), title: row[3],
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
    // A glossary entry says which term it is, and its excerpt holds the term.
    head.textContent = hit.clause.reference ? page[1] + " · " + hit.clause.title
      : (hit.clause.number ? hit.clause.number + " " : "") + page[1];
    link.appendChild(head);
    var text = hit.clause.reference ? hit.clause.title + "：" + (sentence[1] || "") : sentence[1] || page[1];
    link.appendChild(excerpt(text, hit.terms));
    var li = document.createElement("li");
    li.appendChild(link);
    return li;
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "";
      if (!root.querySelector(".cs__scope")) root.classList.remove("cs--results");
      return;
    }
    var hits = find(query);
    status.textContent = hits.length
      ? count("search_count", hits.length)
      : strings.search_none.replace("{q}", query.trim());
    hits.slice(0, LIMIT).forEach(function (hit) { list.appendChild(item(hit)); });
    root.classList.add("cs--results");
  }

  // Every report (the archive) ------------------------------------------------------------

  var PER_BATCH = 8;
  var SHOWN_PER_REPORT = 3;
  var manifest = null;
  var shards = {};
  var texts = {};
  var textPrefix = root.getAttribute("data-prefix") || "";

  function json(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function loadManifest() {
    if (!manifest) manifest = Promise.all([json(new URL("search/reports.json", archiveUrl)), loadFolding()])
      .then(function (answers) { return answers[0]; });
    return manifest;
  }

  function searchable(ch) {
    return /[\p{L}\p{N}]/u.test(ch);
  }

  function pairs(word) {
    var chars = Array.from(word);
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      if (searchable(chars[i]) && searchable(chars[i + 1])) out.push(chars[i] + chars[i + 1]);
    }
    return out;
  }

  // The same function as the generator's library.gram_shard.
  function shardOf(gram, count) {
    var sum = 0;
    var power = 1;
    Array.from(gram).forEach(function (ch) {
      sum += ch.codePointAt(0) * power;
      power *= 31;
    });
    return sum % count;
  }

  function postings(gram, count) {
    var name = ("0" + shardOf(gram, count).toString(16)).slice(-2);
    if (!shards[name]) shards[name] = json(new URL("search/grams/" + name + ".json", archiveUrl));
    return shards[name].then(function (table) { return table[gram] || []; });
  }

  function candidates(terms, data) {
    var grams = [];
    terms.forEach(function (word) { pairs(word).forEach(function (g) { if (grams.indexOf(g) < 0) grams.push(g); }); });
    if (!grams.length) return Promise.resolve(null);
    return Promise.all(grams.map(function (g) { return postings(g, data.shards); })).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      var found = lists[0];
      lists.slice(1).forEach(function (other) {
        var set = new Set(other);
        found = found.filter(function (p) { return set.has(p); });
      });
      var byReport = {};
      found.forEach(function (p) {
        var report = Math.floor(p / 100000);
        (byReport[report] = byReport[report] || []).push(p % 100000);
      });
      return Object.keys(byReport).map(Number).sort(function (a, b) {
        return data.reports[b][1] - data.reports[a][1] || a - b;
      }).map(function (report) { return { report: report, positions: byReport[report] }; });
    });
  }

  function reportTexts(base) {
    if (!texts[base]) {
      texts[base] = Promise.all([
        json(new URL(base + "search/sentences.json", archiveUrl)),
        json(new URL(textPrefix + base + "search/clauses.json", archiveUrl)),
      ]).then(function (answers) {
        var where = {};
        var index = answers[1];
        index.clauses.forEach(function (row) {
          row[4].forEach(function (s) { where[s[0]] = { text: s[1], page: index.pages[row[0]], number: row[2] }; });
        });
        return { sentences: answers[0], where: where };
      });
    }
    return texts[base];
  }

  function reportTitle(row) {
    return row[2][root.getAttribute("data-edition")] || row[2]["zh-Hans"];
  }

  function showReport(group, data, terms, into) {
    var row = data.reports[group.report];
    var base = row[0];
    return reportTexts(base).then(function (known) {
      var found = group.positions.map(function (position) {
        var sentence = known.sentences[position];
        var place = sentence && known.where[sentence[1]];
        if (!place) return null;
        var text = squeeze(place.text);
        return terms.every(function (w) { return text.indexOf(w) !== -1; }) ? [sentence, place] : null;
      }).filter(Boolean);
      if (!found.length) return;
      var head = document.createElement("li");
      head.className = "cs__report";
      var link = document.createElement("a");
      link.href = new URL(textPrefix + base, archiveUrl).href;
      link.textContent = reportTitle(row);
      head.appendChild(link);
      head.appendChild(document.createTextNode(" · " + count("search_sentences", found.length)));
      into.appendChild(head);
      found.slice(0, SHOWN_PER_REPORT).forEach(function (pair) {
        var sentence = pair[0];
        var place = pair[1];
        var a = document.createElement("a");
        a.href = new URL(textPrefix + base + sentence[0], archiveUrl).href + "#" + sentence[1];
        a.className = "cs__link";
        var where = document.createElement("span");
        where.className = "cs__where";
        where.textContent = (place.number ? place.number + " " : "") + place.page[1];
        a.appendChild(where);
        a.appendChild(excerpt(place.text, terms));
        var li = document.createElement("li");
        li.appendChild(a);
        into.appendChild(li);
      });
    }, function () { /* a report whose files are missing is left out */ });
  }

  function showBatch(groups, from, data, terms, query) {
    var batch = groups.slice(from, from + PER_BATCH);
    var holder = document.createDocumentFragment();
    var items = batch.map(function () { return document.createElement("div"); });
    return Promise.all(batch.map(function (group, i) { return showReport(group, data, terms, items[i]); })).then(function () {
      if (input.value !== query || scope() !== "all") return;
      items.forEach(function (div) { while (div.firstChild) holder.appendChild(div.firstChild); });
      var more = list.querySelector(".cs__more");
      if (more) more.parentNode.removeChild(more);
      list.appendChild(holder);
      if (from + PER_BATCH < groups.length) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "cs__more";
        button.textContent = strings.search_more;
        button.addEventListener("click", function () { showBatch(groups, from + PER_BATCH, data, terms, query); });
        var li = document.createElement("li");
        li.className = "cs__more";
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function showAll(query) {
    list.textContent = "";
    root.classList.add("cs--results");
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    var terms = words(query);
    status.textContent = strings.search_loading;
    loadManifest().then(function (data) {
      return candidates(terms, data).then(function (groups) {
        if (input.value !== query || scope() !== "all") return;
        if (groups === null) {
          status.textContent = strings.search_short;
          return;
        }
        var total = groups.reduce(function (sum, g) { return sum + g.positions.length; }, 0);
        status.textContent = groups.length
          ? strings.search_reports.replace("{n}", groups.length).replace("{m}", total)
          : strings.search_none.replace("{q}", query.trim());
        return showBatch(groups, 0, data, terms, query);
      });
    }).catch(function () {
      status.textContent = strings.search_none.replace("{q}", query.trim());
    });
  }

  function update() {
    var query = input.value;
    if (scope() === "all") {
      showAll(query);
      return;
    }
    load().then(function () {
      if (input.value === query && scope() === "here") show(query);
    });
  }

  root.querySelectorAll("input[name=cs-scope]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      update();
      input.focus();
    });
  });

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
    if (input.value.trim() || root.querySelector(".cs__scope")) root.classList.add("cs--results");
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

  // "/" or "s" focuses the search, as on most sites with one (not while typing elsewhere).
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey || (event.key !== "/" && event.key !== "s")) return;
    event.preventDefault();
    if (!window.matchMedia("(min-width: 60em)").matches) {
      root.classList.add("cs--open");
      toggle.setAttribute("aria-expanded", "true");
    }
    input.focus();
  });
})();
