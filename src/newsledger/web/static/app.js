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
  document.addEventListener("DOMContentLoaded", function () {
    var mark = document.querySelector("mark.evidence");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    }
  });
})();
