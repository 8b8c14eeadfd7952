/* imsaudit report: filter by finding class, section and standard, search, expand evidence.
   Plain DOM, no library, no network. */
(function () {
  "use strict";
  var finding = document.getElementById("f-finding");
  var section = document.getElementById("f-section");
  var pack = document.getElementById("f-pack");
  var search = document.getElementById("f-search");
  var count = document.getElementById("f-count");
  var items = Array.prototype.slice.call(document.querySelectorAll(".f-item"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".clause-group"));
  var texts = new Map();
  items.forEach(function (el) { texts.set(el, el.textContent.toLowerCase()); });

  function matches(el, key, value) {
    var own = el.getAttribute("data-" + key);
    return !value || own === null || own === value;
  }

  function apply() {
    var f = finding.value, s = section.value, p = pack.value;
    var q = search.value.trim().toLowerCase();
    items.forEach(function (el) {
      var ok = matches(el, "finding", f) && matches(el, "section", s) && matches(el, "pack", p);
      if (ok && q && !el.classList.contains("hs-section")) {
        if (el.classList.contains("clause-group")) {
          var cards = el.querySelectorAll(".f-card");
          var head = el.querySelector(".clause-head").textContent.toLowerCase();
          var any = head.indexOf(q) >= 0;
          Array.prototype.forEach.call(cards, function (card) {
            var hit = any || card.textContent.toLowerCase().indexOf(q) >= 0;
            card.hidden = !hit;
            if (hit) { any = true; }
          });
          ok = any;
        } else if (!el.classList.contains("group")) {
          ok = texts.get(el).indexOf(q) >= 0;
        }
      } else if (el.classList.contains("clause-group")) {
        Array.prototype.forEach.call(el.querySelectorAll(".f-card"), function (card) { card.hidden = false; });
      }
      el.hidden = !ok;
    });
    var shown = groups.filter(function (el) { return !el.hidden; }).length;
    count.textContent = (f || s || p || q)
      ? shown + " of " + groups.length + " clauses with findings shown"
      : groups.length + " clauses with findings";
  }

  [finding, section, pack].forEach(function (el) { el.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    finding.value = ""; section.value = ""; pack.value = ""; search.value = "";
    apply();
  });
  var expand = document.getElementById("f-expand");
  expand.addEventListener("click", function () {
    var open = expand.getAttribute("data-open") !== "1";
    Array.prototype.forEach.call(document.querySelectorAll("details.ev"), function (d) { d.open = open; });
    expand.setAttribute("data-open", open ? "1" : "0");
    expand.textContent = open ? "Collapse evidence" : "Expand evidence";
  });
  apply();
}());
