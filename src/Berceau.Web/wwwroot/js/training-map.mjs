// The map of the training offers (/formations), drawn with Leaflet (loaded before this module from /lib/leaflet/leaflet.js).
// Progressive enhancement: the list under the map says everything; any failure leaves the map out. Nothing is fetched from
// another site unless the deployment configures a tile layer (Map:TileUrl).
//
// The container (.berceau-map[data-points]) carries data-points: [{id, lat, lon, school, label, route}], the offers of the list;
// each marker's popup links to the offer in the list (#formation-{id}). When ready: data-state="ready", data-markers.

import { createMap, drawCommunes, element, run } from "./map-base.mjs";

const L = window.L;

function popupContent(point) {
  const box = element("div", "berceau-map-popup");
  const title = element("p", "govuk-body govuk-!-margin-bottom-1");
  const link = element("a", "govuk-link", point.school);
  link.href = `#formation-${point.id}`;
  title.append(link);
  box.append(title, element("p", "govuk-body-s govuk-!-margin-bottom-0", `${point.label} – ${point.route}`));
  return box;
}

async function trainingMap(container) {
  const points = JSON.parse(container.dataset.points || "[]");
  const map = createMap(container);
  const communeBounds = await drawCommunes(map, container).catch(() => null);
  const layer = L.featureGroup(points.map((p) =>
    L.circleMarker([p.lat, p.lon], { radius: 8, color: "#ffffff", weight: 2, fillColor: "#1d70b8", fillOpacity: 1 })
      .bindPopup(() => popupContent(p)))).addTo(map);
  if (points.length > 0) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 14 });
  else if (communeBounds) map.fitBounds(communeBounds);
  else map.setView([48.91, 2.45], 11);
  return points.length;
}

if (L) {
  for (const container of document.querySelectorAll(".berceau-map[data-points]")) {
    run(container, trainingMap);
  }
}
