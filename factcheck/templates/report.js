(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var order = { info: 0, low: 1, medium: 2, high: 3 };
  var shown = document.getElementById("shown");
  var current = -1;

  function state() {
    var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"))
      .filter(function (b) { return !b.checked; }).map(function (b) { return b.value; });
    var onlyNew = document.getElementById("f-new");
    return {
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
      var ok = s.hide.indexOf(c.dataset.kind) < 0 &&
        order[c.dataset.sev] >= order[s.sev] &&
        (!s.src || c.dataset.sources.split(" ").indexOf(s.src) >= 0) &&
        (!s.q || c.dataset.search.indexOf(s.q) >= 0) &&
        (!s.onlyNew || c.dataset.new === "yes");
      c.classList.toggle("hidden", !ok);
      if (ok) { visible += 1; }
    });
    if (shown) { shown.textContent = visible + " of " + cards.length + " findings shown."; }
    save(s);
  }

  function save(s) {
    var parts = [];
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
      if (kv[0] === "hide") {
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

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (e.key === "j" || e.key === "n") { move(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { move(-1); e.preventDefault(); }
    else if (e.key === "/") { document.getElementById("f-q").focus(); e.preventDefault(); }
  });
  load();
  apply();
  window.factcheckReady = true;
}());
