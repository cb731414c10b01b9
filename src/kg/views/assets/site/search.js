// Search across the whole site, in the browser, from the prebuilt index (search-index.js):
// names, other names and titles, compared without accents or case. Results are shown as text.
(function () {
  "use strict";
  var index = window.kgSearchIndex;
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var LIMIT = 100;
  var SPECIAL = { "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d" };

  function key(value) {
    return value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[łøđßæœıþð]/g, function (c) { return SPECIAL[c]; })
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function score(entry, words, phrase) {
    // entry: [href, name, kind, detail, key of the name, key of the other names and titles]
    var name = entry[4], other = entry[5];
    var all = " " + name + " " + other + " ";
    for (var i = 0; i < words.length; i++) {
      if (all.indexOf(" " + words[i]) === -1) { return -1; }
    }
    var best = name === phrase ? 0 : name.indexOf(phrase) === 0 ? 1 : (" " + name).indexOf(" " + phrase) !== -1 ? 2 : 3;
    return best * 10 + entry[6];
  }

  function show(query) {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var phrase = key(query);
    if (!phrase) { status.textContent = "Type a name, another name or a title."; return; }
    var words = phrase.split(" ");
    var found = [];
    for (var i = 0; i < index.entries.length; i++) {
      var s = score(index.entries[i], words, phrase);
      if (s >= 0) { found.push([s, index.entries[i][1], i]); }
    }
    found.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]); });
    status.textContent = found.length === 0 ? "Nothing matches \u201c" + query + "\u201d."
      : found.length + (found.length === 1 ? " match" : " matches") + (found.length > LIMIT ? ", the first " + LIMIT + " shown." : ".");
    found.slice(0, LIMIT).forEach(function (hit) {
      var entry = index.entries[hit[2]];
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind-name";
      kind.textContent = index.kinds[entry[2]];
      var link = document.createElement("a");
      link.setAttribute("href", entry[0]);
      link.textContent = entry[1];
      item.appendChild(kind);
      item.appendChild(link);
      if (entry[3]) {
        var detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = entry[3];
        item.appendChild(detail);
      }
      results.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  input.addEventListener("input", function () { show(input.value); });
  show(query);
  document.body.setAttribute("data-ready", "true");
}());
