(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var storySelect = document.getElementById("f-story");
  var storyParts = Array.prototype.slice.call(
    document.querySelectorAll("article.source[data-story], .clusters-table tr[data-story], .sources-table tr[data-story]"));
  var help = document.getElementById("keys");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var order = { info: 0, low: 1, medium: 2, high: 3 };
  var shown = document.getElementById("shown");
  var current = -1;

  function state() {
    var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"))
      .filter(function (b) { return !b.checked; }).map(function (b) { return b.value; });
    var onlyNew = document.getElementById("f-new");
    return {
      story: storySelect ? storySelect.value : "",
      hide: kinds,
      sev: document.getElementById("f-sev").value,
      src: document.getElementById("f-src").value,
      q: document.getElementById("f-q").value.trim().toLowerCase(),
      onlyNew: !!(onlyNew && onlyNew.checked)
    };
  }

  function apply() {
    var s = state();
    var visible = 0;
    cards.forEach(function (c) {
      var ok = (!s.story || c.dataset.story === s.story) &&
        s.hide.indexOf(c.dataset.kind) < 0 &&
        order[c.dataset.sev] >= order[s.sev] &&
        (!s.src || c.dataset.sources.split(" ").indexOf(s.src) >= 0) &&
        (!s.q || c.dataset.search.indexOf(s.q) >= 0) &&
        (!s.onlyNew || c.dataset.new === "yes");
      c.classList.toggle("hidden", !ok);
      if (ok) { visible += 1; }
    });
    storyParts.forEach(function (el) {
      el.classList.toggle("hidden", !!s.story && el.dataset.story !== s.story);
    });
    if (shown) { shown.textContent = visible + " of " + cards.length + " findings shown."; }
    save(s);
  }

  function save(s) {
    var parts = [];
    if (storySelect && s.story !== defaultStory) { parts.push("story=" + encodeURIComponent(s.story || "all")); }
    if (s.hide.length) { parts.push("hide=" + encodeURIComponent(s.hide.join(","))); }
    if (s.sev !== "info") { parts.push("sev=" + encodeURIComponent(s.sev)); }
    if (s.src) { parts.push("src=" + encodeURIComponent(s.src)); }
    if (s.q) { parts.push("q=" + encodeURIComponent(s.q)); }
    if (s.onlyNew) { parts.push("new=1"); }
    var hash = parts.length ? "#view:" + parts.join("&") : "";
    if (hash !== location.hash && (hash || location.hash.indexOf("#view:") === 0)) {
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
  }

  function load() {
    if (location.hash.indexOf("#view:") !== 0) { return; }
    location.hash.slice(6).split("&").forEach(function (pair) {
      var kv = pair.split("=");
      var value = decodeURIComponent(kv[1] || "");
      if (kv[0] === "story" && storySelect) { storySelect.value = value === "all" ? "" : value; }
      else if (kv[0] === "hide") {
        var hidden = value.split(",");
        form.querySelectorAll("input[name=kind]").forEach(function (b) {
          b.checked = hidden.indexOf(b.value) < 0;
        });
      } else if (kv[0] === "sev") { document.getElementById("f-sev").value = value; }
      else if (kv[0] === "src") { document.getElementById("f-src").value = value; }
      else if (kv[0] === "q") { document.getElementById("f-q").value = value; }
      else if (kv[0] === "new" && document.getElementById("f-new")) {
        document.getElementById("f-new").checked = true;
      }
    });
  }

  function move(step) {
    var visible = cards.filter(function (c) { return !c.classList.contains("hidden"); });
    if (!visible.length) { return; }
    var at = visible.indexOf(cards[current]);
    var next = visible[Math.max(0, Math.min(visible.length - 1, at + step))];
    if (at < 0) { next = visible[step > 0 ? 0 : visible.length - 1]; }
    if (cards[current]) { cards[current].classList.remove("current"); }
    current = cards.indexOf(next);
    next.classList.add("current");
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "center" });
  }

  function nextStory() {
    if (!storySelect) { return; }
    storySelect.selectedIndex = (storySelect.selectedIndex + 1) % storySelect.options.length;
    apply();
  }

  function openHelp() {
    if (help && !help.open) { help.showModal(); }
  }

  function sortable(table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var number = th.dataset.type === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var d = number ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return up ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.querySelectorAll("table.sortable").forEach(sortable);
  document.querySelectorAll("a.story-link").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (!storySelect) { return; }
      e.preventDefault();
      storySelect.value = a.dataset.story;
      apply();
      document.getElementById("findings").scrollIntoView();
    });
  });
  var helpButton = document.getElementById("keys-open");
  if (helpButton) { helpButton.addEventListener("click", openHelp); }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (help && help.open) { return; }  // the dialog handles Esc itself
    if (e.key === "?") { openHelp(); e.preventDefault(); return; }
    if (e.key === "s") { nextStory(); e.preventDefault(); return; }
    if (e.key === "j" || e.key === "n") { move(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { move(-1); e.preventDefault(); }
    else if (e.key === "/") { document.getElementById("f-q").focus(); e.preventDefault(); }
  });
  // One story at a time: the first is shown until the reader picks another or all.
  var defaultStory = storySelect && storySelect.options.length > 1 ? storySelect.options[1].value : "";
  if (storySelect) { storySelect.value = defaultStory; }
  load();
  apply();
  window.factcheckReady = true;
}());
