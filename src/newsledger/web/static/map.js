// The zoomable map: Leaflet (vendored, served by the app), land from a bundled
// Natural Earth outline, places and events as clustered markers. No tile server.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("leaflet-map");
    var data = document.getElementById("map-data");
    if (!el || !data || !window.L || !L.markerClusterGroup) return;
    var markers = JSON.parse(data.textContent);
    el.hidden = false;
    var svg = document.getElementById("world-map");
    if (svg) svg.style.display = "none";
    var map = L.map(el, { worldCopyJump: false, minZoom: 1, maxZoom: 12,
                          maxBounds: [[-85, -200], [85, 200]], zoomSnap: 0.5 });
    map.setView([20, 10], 1.5);
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Land: Natural Earth");
    fetch(el.getAttribute("data-land")).then(function (r) { return r.json(); }).then(function (land) {
      L.geoJSON(land, { interactive: false,
        style: { stroke: false, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
    });
    function link(href, text) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      return a;
    }
    var places = L.markerClusterGroup({ maxClusterRadius: 40 });
    var byName = {};
    markers.places.forEach(function (p) {
      var m = L.circleMarker([p[0], p[1]], { radius: Math.min(4 + Math.sqrt(p[3]), 12),
        color: "#fff", weight: 1, fillColor: "#1f5fbf", fillOpacity: 0.75 });
      var box = document.createElement("div");
      box.appendChild(link("/place/" + encodeURIComponent(p[2]), p[2]));
      box.appendChild(document.createTextNode(" · " + p[3] + " article" + (p[3] === 1 ? "" : "s")));
      m.bindPopup(box);
      var tip = document.createElement("span");
      tip.textContent = p[2];
      m.bindTooltip(tip);
      places.addLayer(m);
      byName[p[2].toLowerCase()] = m;
    });
    var events = L.markerClusterGroup({ maxClusterRadius: 40,
      iconCreateFunction: function (c) {
        return L.divIcon({ html: "<div><span>" + c.getChildCount() + "</span></div>",
                           className: "marker-cluster marker-cluster-large", iconSize: L.point(36, 36) });
      } });
    markers.events.forEach(function (e) {
      var m = L.circleMarker([e[0], e[1]], { radius: 5 + Math.min(Math.log1p(e[5] || 0) * 2, 8),
        color: "#fff", weight: 1, fillColor: "#d6336c", fillOpacity: 0.8 });
      var box = document.createElement("div");
      var title = e[2] + (e[4] ? " · " + e[4] : "") + (e[3] ? " · " + e[3] : "") +
        (e[5] !== null && e[5] !== undefined ? " · " + e[5] + " killed" : "");
      box.appendChild(document.createTextNode(title + " "));
      if (e[6]) box.appendChild(link(e[6], "open the source"));
      m.bindPopup(box);
      events.addLayer(m);
    });
    map.addLayer(places);
    map.addLayer(events);
    L.control.layers(null, { "places": places, "events": events }, { collapsed: false }).addTo(map);
    var focus = (el.getAttribute("data-focus") || "").toLowerCase();
    if (focus && byName[focus]) {
      places.zoomToShowLayer(byName[focus], function () { byName[focus].openPopup(); });
    }
    el.setAttribute("data-zoom", String(map.getZoom()));
    map.on("zoomend", function () { el.setAttribute("data-zoom", String(map.getZoom())); });
    el.setAttribute("data-ready", String(markers.places.length + markers.events.length));
  });
})();
