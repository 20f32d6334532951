// newsledger: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // An evidence link /doc/ID#s-START-END without ?hl=: reload with the span marked by the server.
  var m = /^#s-(\d+)-(\d+)$/.exec(window.location.hash);
  if (m && !document.getElementById(window.location.hash.slice(1))) {
    var params = new URLSearchParams(window.location.search);
    if (params.get("hl") !== m[1] + "-" + m[2]) {
      params.set("hl", m[1] + "-" + m[2]);
      window.location.replace(window.location.pathname + "?" + params.toString() + window.location.hash);
      return;
    }
  }

  function centre() {
    var mark = document.querySelector("mark.evidence");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    }
  }

  function cellValue(row, i) {
    var cell = row.children[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim().toLowerCase();
  }

  function sortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, i) {
      th.setAttribute("tabindex", "0");
      th.title = "sort by this column";
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        paginate(table);
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  }

  function items(list) {
    var parent = list.tagName === "TABLE" ? list.tBodies[0] : list;
    return Array.prototype.filter.call(parent.children, function (el) {
      return !el.classList.contains("hidden-by-filter") && !el.classList.contains("empty");
    });
  }

  // Long lists show a page at a time with a "show more" button.
  function paginate(list) {
    var size = parseInt(list.getAttribute("data-page") || "0", 10);
    if (!size) return;
    var shown = parseInt(list.getAttribute("data-shown") || String(size), 10);
    var all = items(list);
    all.forEach(function (el, i) { el.classList.toggle("hidden-by-page", i >= shown); });
    var btn = list._more;
    if (!btn) {
      btn = document.createElement("button");
      btn.type = "button";
      btn.className = "more-items small";
      btn.addEventListener("click", function () {
        list.setAttribute("data-shown", String(shown + size));
        paginate(list);
      });
      (list.closest(".table-wrap") || list).insertAdjacentElement("afterend", btn);
      list._more = btn;
    }
    var rest = all.length - shown;
    btn.hidden = rest <= 0;
    btn.textContent = "show " + Math.min(size, rest) + " more of " + rest;
  }

  function filterable(input) {
    var list = document.querySelector(input.getAttribute("data-filter"));
    if (!list) return;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var parent = list.tagName === "TABLE" ? list.tBodies[0] : list;
      Array.prototype.forEach.call(parent.children, function (el) {
        var t = el.textContent.toLowerCase();
        el.classList.toggle("hidden-by-filter", !words.every(function (w) { return t.indexOf(w) >= 0; }));
      });
      list.setAttribute("data-shown", list.getAttribute("data-page") || "0");
      paginate(list);
    });
  }

  // Review tools (only on a server started with --allow-write): token kept in this tab.
  function token() {
    var el = document.getElementById("review-token");
    var t = el && el.value ? el.value : sessionStorage.getItem("newsledger-token") || "";
    if (el && el.value) sessionStorage.setItem("newsledger-token", el.value);
    return t;
  }

  function post(url, body, done) {
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token() },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().then(function (j) { done(r.ok, j); });
    }).catch(function (e) { done(false, { error: { message: String(e), hint: "" } }); });
  }

  function review(form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var f = new FormData(form);
      var kind = form.getAttribute("data-review");
      var out = document.querySelector(".review-result");
      var url, body;
      if (form.hasAttribute("data-flag")) {
        url = "/api/flags";
        body = { kind: f.get("kind"), doc: f.get("doc"), start: +f.get("start"), end: +f.get("end"),
                 reason: "" };
      } else if (kind === "merge") {
        url = "/api/entities/merge"; body = { a: f.get("a"), b: f.get("b") };
      } else {
        var names = String(f.get("names") || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
        url = "/api/entities/split"; body = { entity: f.get("entity"), names: names };
      }
      post(url, body, function (ok, j) {
        var msg = ok ? "Done; reload to see the change." : (j.error.message + " " + (j.error.hint || ""));
        if (out) out.textContent = msg;
        if (ok && form.hasAttribute("data-flag")) window.location.reload();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("review-token");
    if (el) el.value = sessionStorage.getItem("newsledger-token") || "";
    document.querySelectorAll("table.sortable").forEach(sortable);
    document.querySelectorAll("[data-page]").forEach(paginate);
    document.querySelectorAll("input.filter[data-filter]").forEach(filterable);
    document.querySelectorAll("form[data-review], form[data-flag]").forEach(review);
    document.querySelectorAll("p.legend button.toggle").forEach(function (b) {
      b.addEventListener("click", function () {
        var on = b.getAttribute("aria-pressed") === "true";
        b.setAttribute("aria-pressed", on ? "false" : "true");
        var text = document.getElementById("text");
        if (text) text.classList.toggle(b.getAttribute("data-hide"), on);
      });
    });
    centre();
  });
  // the browser's own jump to #s-... runs after DOMContentLoaded: centre again once loaded
  window.addEventListener("load", function () { window.setTimeout(centre, 0); });
})();
