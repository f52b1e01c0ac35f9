// The search. In a report, the index (search/clauses.json, written by the
// generator) lists every clause with its sentences. A clause matches when it
// contains every word of the query (words are separated by spaces). Text and
// query are folded alike before they are compared (see `fold`, the same as the
// generator's data.search.fold): width and case, traditional characters to
// simplified ones, and punctuation and spaces left out, so that 大众创业万众创新
// finds 大众创业、万众创新 and a query in either script finds both. No word
// segmentation is needed, so a slogan such as 陆上风光三峡 or a term such as 5G基站
// is found whole. Clauses whose heading or lead sentence holds the whole query
// come first, then those with more occurrences, then document order; glossary
// entries follow the report's clauses. A result opens the first matching sentence.
//
// In the archive, the search also covers every report (the "all reports" scope,
// the only one on the library's pages), through a positional index of pairs of
// characters cut into ranges of reports, newest first (see generator/archive/
// shards.py): every match it lists is exact before any text is read, and a query
// reads files of a bounded size whatever the number of reports.
(function () {
  "use strict";
  var root = document.querySelector(".cs");
  if (!root) return;
  var strings = (window.reportStrings || {})[document.documentElement.lang];
  if (!strings) return;
  if (!root.querySelector(".cs__panel")) root.appendChild(panel());
  var input = root.querySelector(".cs__input");
  var list = root.querySelector(".cs__results");
  var status = root.querySelector(".cs__status");
  var toggle = root.querySelector(".cs__toggle");

  // The search's panel, made here rather than written in every page: the field, the
  // scope (on a report's pages in the archive: this report or all), and the status and
  // results, read out as they change. Every string is set as text.
  function panel() {
    function make(tag, attributes, text) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      if (text) element.textContent = text;
      return element;
    }
    var box = make("div", {"class": "cs__panel", "id": "cs-panel", "role": "search"});
    box.appendChild(make("label", {"class": "cs__label", "for": "cs-input"}, strings.search_label));
    box.appendChild(make("input", {"class": "cs__input", "id": "cs-input", "type": "search", "placeholder": strings.search,
      "autocomplete": "off", "autocapitalize": "off", "spellcheck": "false", "enterkeyhint": "search",
      "aria-describedby": "cs-status", "aria-controls": "cs-results"}));
    var output = box.appendChild(make("div", {"class": "cs__output"}));
    if (root.hasAttribute("data-index") && root.hasAttribute("data-archive")) {
      var scope = output.appendChild(make("fieldset", {"class": "cs__scope"}));
      scope.appendChild(make("legend", {"class": "cs__label"}, strings.search_scope));
      [["here", strings.search_here], ["all", strings.search_all]].forEach(function (choice, at) {
        var label = scope.appendChild(make("label", {}));
        label.appendChild(make("input", {"type": "radio", "name": "cs-scope", "value": choice[0]})).checked = at === 0;
        label.appendChild(document.createTextNode(" " + choice[1]));
      });
    }
    output.appendChild(make("p", {"class": "cs__status", "id": "cs-status", "role": "status", "aria-live": "polite"}));
    output.appendChild(make("ol", {"class": "cs__results", "id": "cs-results"}));
    return box;
  }

  // A count in words, in the singular where the edition gives one (search_clauses_one).
  function count(key, n) {
    var chosen = n === 1 && strings[key + "_one"] ? key + "_one" : key;
    return strings[chosen].replace("{n}", n);
  }
  var indexUrl = root.hasAttribute("data-index") ? new URL(root.getAttribute("data-index"), document.baseURI) : null;
  var archiveUrl = root.hasAttribute("data-archive") ? new URL(root.getAttribute("data-archive"), document.baseURI) : null;
  var editionRoot = indexUrl ? new URL("../", indexUrl) : null;
  var LIMIT = 50;
  var QUERY_KEY = "clause-search-query";
  var KEPT = ".%‰";
  var loading = null;
  var clauses = null;
  var pages = null;
  var translated = true;
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

  function searchable(ch) {
    return /[\p{L}\p{N}]/u.test(ch) || KEPT.indexOf(ch) !== -1;
  }

  // A text as the search compares it, and for each character kept, where in the text
  // the character it comes from starts (`at`) and ends (`to`).
  function folded(text) {
    var out = [];
    var at = [];
    var to = [];
    var index = 0;
    Array.from(text).forEach(function (original) {
      Array.from(original.normalize("NFKC").toLowerCase()).forEach(function (ch) {
        ch = folding[ch] || ch;
        if (!searchable(ch)) return;
        out.push(ch);
        for (var unit = 0; unit < ch.length; unit++) {  // one entry per UTF-16 unit, as indexOf counts
          at.push(index);
          to.push(index + original.length);
        }
      });
      index += original.length;
    });
    return { text: out.join(""), at: at, to: to };
  }

  function fold(text) {
    return folded(text).text;
  }

  function words(query) {
    return query.split(/[\s\u3000]+/).map(fold).filter(Boolean);
  }

  // English ----------------------------------------------------------------------------
  // On English pages a query in Latin letters is compared with each clause's English word
  // by word, both folded alike: lower case, US and UK spellings as one (a rule rewrites the
  // end of a word only where both spellings are the same word: revitalisation and
  // revitalization, labour and labor; words too short to be sure of, such as four or hour,
  // stay as they are); each word of the query matches the start of a word. A glossary term
  // whose English name the query holds also finds the clauses holding its Chinese, and
  // those results say they were matched through the Chinese.
  var ENGLISH = document.documentElement.lang.slice(0, 2) === "en";
  var SPELLING = [
    [/^([a-z0-9]{2,}?)is(e|es|ed|ing|ation|ations|er|ers)$/, "$1iz$2"],
    [/^([a-z0-9]+)ys(e|es|ed|ing)$/, "$1yz$2"],
    [/^([a-z0-9]{3,})our(s|ed|ing|able|ably|ite|ites|er|ers)?$/, "$1or$2"],
    [/^([a-z0-9]{2,})tre(s)?$/, "$1ter$2"],
    [/^programme(s|d)?$/, "program$1"],
    [/^(def|off|lic|pret)ence(s)?$/, "$1ense$2"],
    [/^(travel|model|label|cancel|level|fuel|signal|channel|total|counsel|equal|marshal|dial)l(ed|ing|er|ers)$/, "$1$2"],
    [/^(judg|acknowledg)ement(s)?$/, "$1ment$2"]
  ];
  var WORD = /[a-z0-9]+/g;

  function spell(word) {
    for (var i = 0; i < SPELLING.length; i++) {
      var folded = word.replace(SPELLING[i][0], SPELLING[i][1]);
      if (folded !== word) return folded;
    }
    return word;
  }

  function englishWords(text) {
    return (text.normalize("NFKC").toLowerCase().match(WORD) || []).map(spell);
  }

  function isEnglish(query) {
    return /[A-Za-z]/.test(query) && !/\p{Script=Han}/u.test(query);
  }

  // Write a text into an element; on English pages each run of Chinese in it is marked as
  // Chinese (a term the query was matched through, a Chinese page's heading).
  function write(element, text) {
    element.textContent = text;
    if (ENGLISH) markChinese(element);
  }

  var HAN_RUN = /([\p{Script=Han}][\p{Script=Han}\p{P}\d]*)/u;

  function markChinese(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var marked = node.parentElement.closest("[lang]");
      if (!HAN_RUN.test(node.data) || (marked && element.contains(marked) && marked.lang.indexOf("zh") === 0)) return;
      var pieces = node.data.split(HAN_RUN);
      var parent = node.parentNode;
      pieces.forEach(function (piece, at) {
        if (!piece) return;
        var made = document.createTextNode(piece);
        if (at % 2) {
          var span = document.createElement("span");
          span.lang = "zh-Hans";
          span.appendChild(made);
          made = span;
        }
        parent.insertBefore(made, node);
      });
      parent.removeChild(node);
    });
  }

  // Words as a string the query's words are looked for in: " word word … ".
  function wordLine(text) {
    return " " + englishWords(text).join(" ") + " ";
  }

  function hasWords(line, terms) {
    return terms.every(function (word) { return line.indexOf(" " + word) !== -1; });
  }

  // A report's index. In the archive, a Chinese edition's index holds the glossary's
  // entries and the number of its chunk files (search/t<n>.json, the text the search
  // across reports shows): its clauses are read from them, all at once, and put in the
  // order of the pages, the glossary's entries at the glossary's place.
  function readIndex(url) {
    return json(url).then(function (data) {
      if (!data.chunks) return data;
      var reads = [];
      for (var n = 0; n < data.chunks; n++) reads.push(json(new URL("t" + n + ".json", url)));
      return Promise.all(reads).then(function (parts) {
        var place = new Map(data.pages.map(function (page, number) { return [page[0], number]; }));
        var rows = [];
        parts.forEach(function (part) {
          part.forEach(function (row) { rows.push([place.get(row[0])].concat(row.slice(2))); });
        });
        rows = rows.concat(data.clauses).map(function (row, order) { return [row, order]; });
        rows.sort(function (a, b) { return a[0][0] - b[0][0] || a[1] - b[1]; });
        return { pages: data.pages, translated: data.translated,
                 clauses: rows.map(function (pair) { return pair[0]; }) };
      });
    });
  }

  function load() {
    if (!indexUrl) return loadFolding();
    if (!loading) {
      status.textContent = strings.search_loading;
      loading = Promise.all([readIndex(indexUrl), loadFolding()]).then(function (answers) {
        var data = answers[0];
        pages = data.pages;
        translated = data.translated !== false;
        clauses = data.clauses.map(function (row, order) {
          var text = row[4].length ? row[4].map(function (s) { return s[1]; }).join("") : row[3];
          var clause = { page: row[0], id: row[1], number: row[2], heading: fold(row[3]), title: row[3],
                         text: fold(row[3] + text), sentences: row[4], order: order,
                         reference: pages[row[0]][2] === "glossary" };
          if (ENGLISH) {  // the clause's English; its Chinese comes from the simplified index
            clause.words = wordLine(row[3] + " " + row[4].map(function (s) { return s[1]; }).join(" "));
            clause.name = clause.reference ? wordLine(row[3]) : "";
            clause.term = clause.reference ? row[5] : "";
            clause.text = clause.reference ? fold(row[5]) : "";
            clause.chinese = null;
          }
          return clause;
        });
      });
    }
    return loading;
  }

  // On English pages, the simplified edition's index gives each clause its Chinese, read
  // the first time a query needs it (a Chinese query, or an English one naming a term).
  var chineseUrl = root.hasAttribute("data-chinese") ? new URL(root.getAttribute("data-chinese"), document.baseURI) : null;
  var chineseLoading = null;

  function loadChinese() {
    if (!chineseLoading) {
      chineseLoading = readIndex(chineseUrl).then(function (data) {
        var byId = new Map();
        data.clauses.forEach(function (row) {
          if (data.pages[row[0]][2] !== "glossary") byId.set(row[1], [row[3], row[4]]);
        });
        clauses.forEach(function (clause) {
          if (clause.reference) return;
          clause.chinese = byId.get(clause.id) || ["", []];
          clause.text = fold(clause.chinese[0] + clause.chinese[1].map(function (s) { return s[1]; }).join(""));
        });
      }).catch(function () { /* without the Chinese, the English alone is searched */ });
    }
    return chineseLoading;
  }

  function needsChinese(query) {
    if (!ENGLISH || !chineseUrl) return false;
    if (!isEnglish(query)) return true;
    var terms = englishWords(query);
    return terms.length > 0 && clauses.some(function (clause) { return clause.reference && hasWords(clause.name, terms); });
  }

  function occurrences(text, word) {
    var n = 0;
    for (var at = text.indexOf(word); at !== -1 && n < 5; at = text.indexOf(word, at + word.length)) n++;
    return n;
  }

  // An English query on an English page: the clauses whose English holds its words, then
  // those holding the Chinese of a glossary term whose English name holds them.
  function findEnglish(query) {
    var terms = englishWords(query);
    if (!terms.length) return [];
    var hits = clauses.filter(function (clause) { return hasWords(clause.words, terms); }).map(function (clause) {
      var score = 0;
      terms.forEach(function (word) { score += occurrences(clause.words, " " + word); });
      return { clause: clause, score: score, terms: terms, english: true };
    });
    var seen = new Set(hits.map(function (hit) { return hit.clause; }));
    clauses.filter(function (clause) { return clause.reference && hasWords(clause.name, terms); }).forEach(function (entry) {
      var term = entry.term;
      var key = fold(term);
      clauses.forEach(function (clause) {
        if (clause.reference || seen.has(clause) || clause.text.indexOf(key) === -1) return;
        seen.add(clause);
        hits.push({ clause: clause, score: occurrences(clause.text, key), terms: [key], through: term });
      });
    });
    return hits.sort(function (a, b) {
      return a.clause.reference - b.clause.reference || !!a.through - !!b.through || b.score - a.score
        || a.clause.order - b.clause.order;
    });
  }

  function find(terms) {
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

  // The sentence a clause's match opens: the first holding the most words of the query,
  // else the clause itself (a heading, whose id is the clause's).
  function sentenceOf(sentences, id, terms) {
    var best = [id, ""];
    var most = 0;
    sentences.forEach(function (s) {
      var text = fold(s[1]);
      var held = terms.filter(function (word) { return text.indexOf(word) !== -1; }).length;
      if (held > most) {
        best = s;
        most = held;
      }
    });
    return best;
  }

  function excerpt(text, terms) {
    var map = folded(text);
    var marks = [];
    terms.forEach(function (word) {
      for (var at = map.text.indexOf(word); at !== -1; at = map.text.indexOf(word, at + word.length)) {
        marks.push([map.at[at], map.to[at + word.length - 1]]);
      }
    });
    return clip(text, marks, 30, 110);
  }

  // An English excerpt: the words that start with a word of the query (folded alike) marked.
  function englishExcerpt(text, terms) {
    var marks = [];
    var pattern = /[A-Za-z0-9]+/g;
    for (var m = pattern.exec(text); m; m = pattern.exec(text)) {
      var word = spell(m[0].toLowerCase());
      if (terms.some(function (term) { return word.indexOf(term) === 0; })) marks.push([m.index, m.index + m[0].length]);
    }
    return clip(text, marks, 60, 200);
  }

  // The excerpt of a text around its first mark, `before` characters ahead of it, `width` in all.
  function clip(text, marks, before, width) {
    var node = document.createElement("span");
    node.className = "cs__excerpt";
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var start = marks.length ? Math.max(0, marks[0][0] - before) : 0;
    var end = Math.min(text.length, start + width);
    var cursor = start;
    if (start > 0) node.appendChild(document.createTextNode("…"));
    marks.forEach(function (m) {
      if (m[0] < cursor || m[0] >= end) return;
      node.appendChild(document.createTextNode(text.slice(cursor, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], Math.min(m[1], end));
      node.appendChild(mark);
      cursor = Math.min(m[1], end);
    });
    node.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (end < text.length) node.appendChild(document.createTextNode("…"));
    return node;
  }

  // A result: where it is, and its excerpt (English, or Chinese marked as such on English pages).
  function result(href, where, text, terms, english) {
    var link = document.createElement("a");
    link.href = href;
    link.className = "cs__link";
    var head = document.createElement("span");
    head.className = "cs__where";
    write(head, where);
    link.appendChild(head);
    var shown = english ? englishExcerpt(text, terms) : excerpt(text, terms);
    if (ENGLISH && !english) shown.lang = "zh-Hans";
    if (ENGLISH && english) markChinese(shown);
    link.appendChild(shown);
    var li = document.createElement("li");
    li.appendChild(link);
    return li;
  }

  // The sentence of an English match: the first holding the most words of the query.
  function englishSentenceOf(sentences, id, terms) {
    var best = [id, ""];
    var most = 0;
    sentences.forEach(function (s) {
      var line = wordLine(s[1]);
      var held = terms.filter(function (word) { return line.indexOf(" " + word) !== -1; }).length;
      if (held > most) {
        best = s;
        most = held;
      }
    });
    return best;
  }

  function item(hit) {
    var clause = hit.clause;
    var page = pages[clause.page];
    if (ENGLISH && !clause.reference) return englishItem(hit, page);
    var sentence = clause.sentences.length ? sentenceOf(clause.sentences, clause.id, hit.terms) : [clause.id, clause.title];
    if (ENGLISH) sentence = clause.sentences[0];  // a glossary entry: its English definition
    // A glossary entry matched by its term alone shows its definition.
    if (clause.reference && !sentence[1] && clause.sentences.length) sentence = clause.sentences[0];
    var href = new URL(page[0], editionRoot).href + "#" + sentence[0];
    // A glossary entry says which term it is, and its excerpt holds the term.
    if (clause.reference) {
      return result(href, page[1] + " · " + clause.title, clause.title + (ENGLISH ? ": " : "：") + (sentence[1] || ""),
                    hit.terms, ENGLISH);
    }
    return result(href, (clause.number ? clause.number + " " : "") + page[1], sentence[1] || page[1], hit.terms);
  }

  // A result on an English page: the English sentence matched, else the Chinese one (matched
  // by a Chinese query, or through the Chinese of a glossary term the query names).
  function englishItem(hit, page) {
    var clause = hit.clause;
    var where = (clause.number ? clause.number + " " : "") + page[1];
    var sentence;
    if (hit.english) {
      sentence = clause.sentences.length ? englishSentenceOf(clause.sentences, clause.id, hit.terms) : [clause.id, ""];
    } else {
      sentence = clause.chinese[1].length ? sentenceOf(clause.chinese[1], clause.id, hit.terms) : [clause.id, ""];
      if (hit.through) where += " · " + strings.search_through_chinese.replace("{term}", hit.through);
    }
    var text = sentence[1] || (hit.english ? clause.title : clause.chinese[0]) || page[1];
    var href = new URL(page[0], editionRoot).href + (sentence[0] ? "#" + sentence[0] : "");
    return result(href, where, text, hit.terms, hit.english);
  }

  function show(query) {
    list.textContent = "";
    var terms = words(query);
    if (!terms.length) {
      status.textContent = "";
      if (!root.querySelector(".cs__scope")) root.classList.remove("cs--results");
      return;
    }
    var english = ENGLISH && isEnglish(query);
    var hits = english ? findEnglish(query) : find(terms);
    var through = hits.filter(function (hit) { return hit.through; });
    // A report with no English text: an English query reads its headings and terms only, and says so.
    var none = english && !translated ? strings.search_none_untranslated : strings.search_none;
    write(status, hits.length
      ? count("search_count", hits.length) + (through.length ? count("search_count_through", through.length)
        .replace("{terms}", Array.from(new Set(through.map(function (hit) { return hit.through; }))).join("、")) : "")
      : none.replace("{q}", query.trim()));
    hits.slice(0, LIMIT).forEach(function (hit) { list.appendChild(item(hit)); });
    root.classList.add("cs--results");
  }

  // Every report (the archive) ------------------------------------------------------------
  // /search/index.json cuts the reports, newest first, into ranges; /search/d3/*.json and
  // d2/*.json tell which ranges hold each run of three (two) characters; /search/r<range>/
  // *.json where each pair stands (clause and position). A word matches a clause where its pairs stand one after
  // another, so every match listed and counted is exact before any text is read; only
  // the clauses shown are read, from their report's chunk files (search/t<n>.json).

  var SCREEN_REPORTS = 8;
  var SHOWN_PER_REPORT = 3;
  var RANGES_PER_PAGE = 2;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var manifest = null;
  var files = {};
  var textPrefix = root.getAttribute("data-prefix") || "";

  function json(url) {
    var key = url.href;
    if (!files[key]) {
      files[key] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }
    return files[key];
  }

  function loadManifest() {
    if (!manifest) manifest = Promise.all([json(new URL("search/index.json", archiveUrl)), loadFolding()])
      .then(function (answers) { return answers[0]; });
    return manifest;
  }

  // The file of a pair among `count` (the generator's data.search.bucket: FNV-1a over code points).
  function bucket(gram, count) {
    var h = 2166136261;
    Array.from(gram).forEach(function (ch) {
      h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    });
    var name = (h % count).toString(16);
    var width = (count - 1).toString(16).length;
    while (name.length < width) name = "0" + name;
    return name;
  }

  // The runs of `width` characters that cover a word: at 0, width, 2 × width… and its
  // last `width` (data.postings.cover).
  function cover(word, width) {
    var chars = Array.from(word);
    var out = [];
    for (var at = 0; at + width <= chars.length; at += width) out.push([at, chars.slice(at, at + width).join("")]);
    if (chars.length >= width && chars.length % width) {
      out.push([chars.length - width, chars.slice(chars.length - width).join("")]);
    }
    return out;
  }

  function decode(text) {
    var numbers = [];
    var value = 0;
    var scale = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      value += (digit & 31) * scale;
      if (digit < 32) {
        numbers.push(value);
        value = 0;
        scale = 1;
      } else {
        scale *= 32;
      }
    }
    return numbers;
  }

  // Where a pair stands in a range (data.search.encode): clause -> set of positions.
  function places(text) {
    var numbers = decode(text || "");
    var found = new Map();
    var unit = -1;
    for (var i = 0; i < numbers.length;) {
      unit += numbers[i] + 1;
      var n = numbers[i + 1];
      var at = 0;
      var set = new Set();
      for (var k = 0; k < n; k++) {
        at += numbers[i + 2 + k];
        set.add(at);
      }
      found.set(unit, set);
      i += 2 + n;
    }
    return found;
  }

  function inRange(mask, range) {
    var digit = mask.length - 1 - (range >> 2);
    return digit >= 0 && ((parseInt(mask[digit], 16) >> (range & 3)) & 1) === 1;
  }

  function planOf(query) {
    var terms = words(query);
    if (!terms.length) return null;
    var plan = { terms: terms, words: [], grams: [], runs: [] };
    terms.forEach(function (word) {
      var pieces = cover(word, 2);
      plan.words.push(pieces);
      pieces.forEach(function (p) { if (plan.grams.indexOf(p[1]) < 0) plan.grams.push(p[1]); });
      // The directory: runs of three for a word of three characters or more, else its pair.
      (Array.from(word).length > 2 ? cover(word, 3) : pieces).forEach(function (p) { plan.runs.push(p[1]); });
    });
    plan.short = plan.words.some(function (pieces) { return !pieces.length; });
    return plan;
  }

  // The ranges that hold every run of the query (a run of three in d3/, a pair in d2/).
  function rangesOf(plan, data) {
    return Promise.all(plan.runs.map(function (run) {
      var three = Array.from(run).length === 3;
      var name = bucket(run, three ? data.triples : data.pairs);
      return json(new URL("search/" + (three ? "d3/" : "d2/") + name + ".json", archiveUrl)).then(function (t) { return t[run] || ""; });
    })).then(function (masks) {
      var out = [];
      for (var r = 0; r < data.ranges.length; r++) {
        if (masks.every(function (m) { return inRange(m, r); })) out.push(r);
      }
      return out;
    });
  }

  // The clauses of a range where every word stands whole, in order.
  function matchRange(plan, data, range) {
    var folder = new URL("search/r" + range + "/", archiveUrl);
    var count = data.ranges[range][2];
    return Promise.all(plan.grams.map(function (g) {
      return json(new URL(bucket(g, count) + ".json", folder)).then(function (t) { return places(t[g]); });
    })).then(function (lists) {
      var at = {};
      plan.grams.forEach(function (g, i) { at[g] = lists[i]; });
      var units = null;
      plan.words.forEach(function (pieces) {
        var found = new Set();
        at[pieces[0][1]].forEach(function (starts, unit) {
          if (units && !units.has(unit)) return;
          starts.forEach(function (start) {
            if (!found.has(unit) && pieces.every(function (p) {
              var there = at[p[1]].get(unit);
              return there && there.has(start + p[0]);
            })) found.add(unit);
          });
        });
        units = found;
      });
      return Array.from(units).sort(function (a, b) { return a - b; });
    });
  }

  // The matched clauses of a range, by report: [{report row, clauses (numbers in the report)}].
  function groupsOf(units, reports) {
    var groups = [];
    var first = 0;
    var k = 0;
    reports.forEach(function (row) {
      var mine = [];
      while (k < units.length && units[k] < first + row[3]) mine.push(units[k++] - first);
      if (mine.length) groups.push({ row: row, clauses: mine });
      first += row[3];
    });
    return groups;
  }

  function chunk(base, clause, size) {
    return json(new URL(textPrefix + base + "search/t" + Math.floor(clause / size) + ".json", archiveUrl))
      .then(function (rows) { return rows[clause % size]; });
  }

  // A matched clause as a result: [url of its first match, where, its text around it].
  function place(base, row) {
    var sentence = row[5].length ? sentenceOf(row[5], row[2], plan.terms) : [row[2], row[4]];
    var where = row[5].length ? (row[3] ? row[3] + " " : "") + row[1] : row[3];  // a heading is its own excerpt
    return [new URL(textPrefix + base + row[0], archiveUrl).href + "#" + sentence[0], where, sentence[1] || row[4]];
  }

  var plan = null;

  function reportTitle(row) {
    return row[2][root.getAttribute("data-edition")] || row[2]["zh-Hans"];
  }

  function showGroup(group, data, into) {
    var base = group.row[0];
    var size = data.chunk;
    var shown = group.clauses.slice(0, SHOWN_PER_REPORT);
    return Promise.all(shown.map(function (c) { return chunk(base, c, size); })).then(function (rows) {
      var results = rows.map(function (row) { return place(base, row); });
      var head = document.createElement("li");
      head.className = "cs__report";
      var link = document.createElement("a");
      link.href = results[0][0];
      link.textContent = reportTitle(group.row);
      head.appendChild(link);
      head.appendChild(document.createTextNode(" · " + count("search_clauses", group.clauses.length)));
      into.appendChild(head);
      results.forEach(function (r) { into.appendChild(result(r[0], r[1], r[2], plan.terms)); });
      if (group.clauses.length > shown.length) {
        var li = document.createElement("li");
        li.className = "cs__rest";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "cs__all";
        button.textContent = count("search_show_all", group.clauses.length);
        button.addEventListener("click", function () {
          var rest = group.clauses.slice(shown.length);
          Promise.all(rest.map(function (c) { return chunk(base, c, size); })).then(function (more) {
            var holder = document.createDocumentFragment();
            more.forEach(function (row) {
              var r = place(base, row);
              holder.appendChild(result(r[0], r[1], r[2], plan.terms));
            });
            var next = li.nextSibling;
            li.parentNode.replaceChild(holder, li);
            var focus = next ? next.previousSibling : list.lastChild;
            if (focus && focus.querySelector) (focus.querySelector("a") || input).focus();
          });
        });
        li.appendChild(button);
        into.appendChild(li);
      }
    });
  }

  // Read ranges from state.next on (their matches counted, their reports waiting to be
  // shown) until a screen of reports waits, or, once something is found, the ranges of
  // one page are read; then show a screen of the waiting reports, say what was found and
  // offer the rest.
  function page(state, query) {
    var read = 0;
    function fill() {
      if (state.next >= state.ranges.length || state.waiting.length >= SCREEN_REPORTS
          || (state.reports && read >= RANGES_PER_PAGE)) {
        return Promise.resolve();
      }
      var range = state.ranges[state.next++];
      read++;
      return Promise.all([matchRange(plan, state.data, range),
                          json(new URL("search/r" + range + "/reports.json", archiveUrl))]).then(function (answers) {
        var groups = groupsOf(answers[0], answers[1]);
        state.waiting = state.waiting.concat(groups);
        state.reports += groups.length;
        state.clauses += groups.reduce(function (sum, g) { return sum + g.clauses.length; }, 0);
        state.oldest = state.data.ranges[range][1];
        return fill();
      });
    }
    return fill().then(function () {
      var groups = state.waiting.splice(0, SCREEN_REPORTS);
      var items = groups.map(function () { return document.createElement("div"); });
      return Promise.all(groups.map(function (g, i) { return showGroup(g, state.data, items[i]); })).then(function () {
        if (input.value !== query || scope() !== "all") return Promise.reject(new Error("stale"));
        var before = state.button.parentNode ? state.button : null;
        items.forEach(function (div) { while (div.firstChild) list.insertBefore(div.firstChild, before); });
        report(state, query);
      });
    });
  }

  function report(state, query) {
    var more = state.next < state.ranges.length;
    write(status, state.note + (state.reports
      ? count("search_reports", state.reports).replace("{m}", state.clauses)
        .replace("{clauses}", count("search_clauses", state.clauses)).replace("{q}", query.trim())
        + (more ? strings.search_through.replace("{year}", state.oldest) : "")
      : strings.search_none.replace("{q}", query.trim())));
    var rest = more || state.waiting.length;
    state.button.querySelector("button").textContent = state.waiting.length ? strings.search_more : strings.search_older;
    if (!rest && state.button.parentNode) state.button.parentNode.removeChild(state.button);
    if (rest && !state.button.parentNode) list.appendChild(state.button);
  }

  function showAll(query) {
    list.textContent = "";
    root.classList.add("cs--results");
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = strings.search_loading;
    var english = ENGLISH && isEnglish(query);
    Promise.all([loadManifest(), english ? termOf(query) : null]).then(function (answers) {
      var data = answers[0];
      var term = answers[1];
      if (input.value !== query || scope() !== "all") return;
      if (english && !term) {
        status.textContent = strings.search_all_english.replace("{q}", query.trim());
        return;
      }
      plan = planOf(term ? term[1] : query);
      if (!plan) {
        status.textContent = "";
        return;
      }
      if (plan.short) {
        status.textContent = strings.search_short;
        return;
      }
      return rangesOf(plan, data).then(function (ranges) {
        if (input.value !== query || scope() !== "all") return;
        var state = { data: data, ranges: ranges, next: 0, waiting: [], reports: 0, clauses: 0, oldest: "", button: olderButton(),
                      note: term ? strings.search_all_through.replace("{q}", term[0]).replace("{term}", term[1]) + " " : "" };
        state.button.querySelector("button").addEventListener("click", function () {
          status.textContent = strings.search_loading;
          page(state, query).catch(function () { /* a newer query took over */ });
        });
        return page(state, query);
      });
    }).catch(function (error) {
      if (error && error.message === "stale") return;
      status.textContent = strings.search_none.replace("{q}", query.trim());
    });
  }

  // The shared glossary's term an English query names ([English name, term]), the one with
  // the fewest words among those whose English name holds every word of the query; else null.
  function termOf(query) {
    var terms = englishWords(query);
    return json(new URL("search/terms.json", archiveUrl)).then(function (rows) {
      var named = rows.map(function (row) { return [row, englishWords(row[0])]; }).filter(function (pair) {
        return hasWords(" " + pair[1].join(" ") + " ", terms);
      }).sort(function (a, b) { return a[1].length - b[1].length || a[0][0].length - b[0][0].length; });
      return named.length ? named[0][0] : null;
    }, function () { return null; });
  }

  function olderButton() {
    var li = document.createElement("li");
    li.className = "cs__more";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = strings.search_older;
    li.appendChild(button);
    return li;
  }

  function update() {
    var query = input.value;
    if (scope() === "all") {
      showAll(query);
      return;
    }
    load().then(function () {
      return needsChinese(query) ? loadChinese() : null;
    }).then(function () {
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
    loadFolding().then(function () {
      var english = ENGLISH && isEnglish(query);
      var terms = english ? englishWords(query) : words(query);
      var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) { (english ? markWordsIn : markIn)(node, terms); });
    });
  }

  // Mark, in a text node, each word that starts with a word of an English query (folded alike).
  function markWordsIn(node, terms) {
    var pattern = /[A-Za-z0-9]+/g;
    for (var m = pattern.exec(node.data); m; m = pattern.exec(node.data)) {
      var word = spell(m[0].toLowerCase());
      if (!terms.some(function (term) { return word.indexOf(term) === 0; })) continue;
      var match = node.splitText(m.index);
      var after = match.splitText(m[0].length);
      var mark = document.createElement("mark");
      mark.className = "cs-arrival";
      match.parentNode.replaceChild(mark, match);
      mark.appendChild(match);
      markWordsIn(after, terms);
      return;
    }
  }

  function markIn(node, terms) {
    var map = folded(node.data);
    var at = -1;
    var length = 0;
    terms.forEach(function (word) {
      var found = map.text.indexOf(word);
      if (found !== -1 && (at === -1 || found < at)) {
        at = found;
        length = word.length;
      }
    });
    if (at === -1) return;
    var match = node.splitText(map.at[at]);
    var after = match.splitText(map.to[at + length - 1] - map.at[at]);
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
