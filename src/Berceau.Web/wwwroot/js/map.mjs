// Maps of the public portal, drawn with Leaflet (loaded before this module from /lib/leaflet/leaflet.js).
// Progressive enhancement: the page says everything without them (the results list, the address), so any failure
// simply leaves the map out. Nothing is fetched from another site: no tile layer unless the deployment configures one
// (Map:TileUrl), the commune boundaries and the points come from this service.
//
// A map is a .berceau-map element with either
//   data-geojson-url   the open-data API's GeoJSON of the results (points), drawn as circle markers coloured by mode,
//   data-legend        [{code, label, colour}] for the markers and the legend,
// or
//   data-point         "latitude,longitude" of one place (data-point-label, data-point-colour, data-point-approximate),
// and, for both, data-communes-url (boundaries), data-highlight (commune codes to outline), data-tile-url and
// data-tile-attribution. When it is ready it gets data-state="ready" and data-markers (the number of points drawn).

import { createMap, drawCommunes, element, fetchJson, run } from "./map-base.mjs";

const L = window.L;

function freePlacesText(count) {
  if (!count) return "Pas de place déclarée";
  return count === 1 ? "1 place disponible" : `${count} places disponibles`;
}

function popupContent(properties, modes) {
  const box = element("div", "berceau-map-popup");
  const title = element("p", "govuk-body govuk-!-margin-bottom-1");
  const link = element("a", "govuk-link", properties.nom);
  link.href = `/structures/${properties.id}`;
  title.append(link);
  box.append(title);
  box.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", modes.get(properties.mode)?.label || properties.modeLibelle || ""));
  if (!["RPE", "LAEP"].includes(properties.mode)) {
    box.append(element("p", "govuk-body-s govuk-!-margin-bottom-0", freePlacesText(properties.placesDisponibles)));
  }
  return box;
}

function drawLegend(container, modes, counts) {
  const legend = element("div", "berceau-map-legend");
  legend.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", "Légende de la carte :"));
  const list = element("ul", "govuk-list govuk-body-s");
  for (const [code, count] of counts) {
    const mode = modes.get(code);
    if (!mode) continue;
    const item = element("li");
    const swatch = element("span");
    swatch.setAttribute("aria-hidden", "true");
    Object.assign(swatch.style, {
      display: "inline-block", width: "12px", height: "12px", marginRight: "8px", borderRadius: "50%",
      border: "2px solid #ffffff", outline: "1px solid #0b0c0c", backgroundColor: mode.colour, verticalAlign: "middle",
    });
    item.append(swatch, document.createTextNode(`${mode.label} (${count})`));
    list.append(item);
  }
  legend.append(list);
  container.after(legend);
}

async function resultsMap(container) {
  const map = createMap(container);
  const modes = new Map(JSON.parse(container.dataset.legend || "[]").map((m) => [m.code, m]));
  const [communeBounds, data] = await Promise.all([
    drawCommunes(map, container).catch(() => null),
    fetchJson(container.dataset.geojsonUrl),
  ]);
  const features = data.features || [];
  const counts = new Map();
  const points = L.geoJSON(data, {
    // Thousands of SVG circles slow the page down: beyond a thousand, one canvas draws them all.
    renderer: features.length > 1000 ? L.canvas() : L.svg(),
    pointToLayer: (feature, latlng) => {
      const code = feature.properties.mode;
      counts.set(code, (counts.get(code) || 0) + 1);
      return L.circleMarker(latlng, {
        radius: 7, color: "#ffffff", weight: 2, fillColor: modes.get(code)?.colour || "#505a5f", fillOpacity: 1,
      });
    },
    onEachFeature: (feature, layer) => layer.bindPopup(() => popupContent(feature.properties, modes)),
  }).addTo(map);

  if (features.length > 0) map.fitBounds(points.getBounds(), { padding: [24, 24], maxZoom: 14 });
  else if (communeBounds) map.fitBounds(communeBounds);
  else map.setView([48.91, 2.45], 11);
  drawLegend(container, modes, [...counts].sort((a, b) => b[1] - a[1]));
  return features.length;
}

async function pointMap(container) {
  container.style.height = "18rem";
  const map = createMap(container);
  const [lat, lng] = container.dataset.point.split(",").map(Number);
  const latlng = L.latLng(lat, lng);
  const colour = container.dataset.pointColour || "#1d70b8";
  const label = container.dataset.pointLabel || "";
  map.setView(latlng, 13);
  await drawCommunes(map, container).catch(() => null);
  const marker = container.dataset.pointApproximate === "true"
    // A childminder's home is private: a wide circle, not a point.
    ? L.circle(latlng, { radius: 700, color: colour, weight: 2, fillColor: colour, fillOpacity: 0.2 })
    : L.circleMarker(latlng, { radius: 9, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 1 });
  marker.bindTooltip(label).addTo(map);
  return 1;
}

if (L) {
  for (const container of document.querySelectorAll(".berceau-map[data-geojson-url], .berceau-map[data-point]")) {
    run(container, (c) => (c.dataset.point ? pointMap(c) : resultsMap(c)));
  }
}
