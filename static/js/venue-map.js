/* Venue pages: a small map with the venue marked, drawn with Leaflet from the data- attributes of .venue-map.
 * The page works without it: the address and directions links are in the HTML. The map area stays hidden until
 * this script runs, and says so, instead of showing an empty grey box, when no map tile can be loaded. */
(function () {
  "use strict";

  var area = document.querySelector(".venue-map-area");
  var element = area && area.querySelector(".venue-map");
  if (!element || !window.L) {
    return;
  }
  var data = element.dataset;
  var position = [parseFloat(data.latitude), parseFloat(data.longitude)];
  if (!isFinite(position[0]) || !isFinite(position[1]) || !data.tileUrl) {
    return;
  }
  var note = area.querySelector(".venue-map-note");

  // The credit as HTML for Leaflet, built as elements so that the settings' text and address stay text.
  function credit(text, address) {
    var holder = document.createElement(address ? "a" : "span");
    holder.textContent = text || "";
    if (address) {
      holder.href = address;
    }
    return holder.outerHTML;
  }

  // Shown before Leaflet measures it; named, since it takes keyboard focus to pan with the arrow keys.
  area.hidden = false;
  element.setAttribute("role", "region");
  element.setAttribute("aria-label", data.label);

  var map = L.map(element, {
    center: position,
    zoom: Number(data.zoom) || 16,
    // The page scrolls past the map with the wheel, and on a touch screen with one finger.
    scrollWheelZoom: false,
    dragging: !L.Browser.mobile,
    zoomControl: false,
    attributionControl: false,
  });
  L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com" translate="no">Leaflet</a>' })
    .addAttribution(credit(data.attribution, data.attributionUrl))
    .addTo(map);

  // The icon's addresses from the page: Leaflet would guess them from its stylesheet, wrongly once file names
  // carry a hash. Not a button (nothing happens on a click), so not a tab stop; its alternative text names the venue.
  L.marker(position, {
    icon: L.icon({
      iconUrl: data.markerIcon,
      iconRetinaUrl: data.markerIcon2x,
      shadowUrl: data.markerShadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      shadowSize: [41, 41],
    }),
    alt: data.markerLabel,
    keyboard: false,
    interactive: false,
  }).addTo(map);

  var loaded = 0;
  var failed = 0;
  var tiles = L.tileLayer(data.tileUrl, {
    maxZoom: 19,
    // The page's own policy sends no Referer to other sites; tile servers such as OpenStreetMap's ask for one.
    referrerPolicy: "strict-origin",
  });
  tiles.on("tileload", function () {
    loaded += 1;
  });
  tiles.on("tileerror", function () {
    failed += 1;
  });
  // Fired once every tile in view has loaded or failed: with none loaded, the box would be grey and empty.
  tiles.on("load", function () {
    if (note) {
      note.hidden = failed === 0;
    }
    if (failed && !loaded) {
      element.hidden = true;
    }
  });
  tiles.addTo(map);
})();
