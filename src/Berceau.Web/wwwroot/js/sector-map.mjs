// Drawing the boundary of a sector on the map of its commune (Leaflet, loaded before this module).
// Progressive enhancement: the GeoJSON field of the form is the boundary, and stays visible and editable (the keyboard
// way, and the only one without JavaScript). The map writes into it at every click, and follows what is typed in it.
//
// The map is a .berceau-sector-map element with data-target (id of the GeoJSON textarea), data-status (id of the live
// region that tells how many points are placed), data-other-sectors (the commune's other sectors, a GeoJSON
// FeatureCollection drawn dashed) and the data-* of map-base.mjs. Its tools (.berceau-map-tools, buttons
// with data-map-action="undo" or "clear") and its help text are hidden until the map works. When it is ready it gets
// data-state="ready" and data-points (the number of vertices drawn).

import { createMap, drawCommunes } from "./map-base.mjs";

const L = window.L;
const SHAPE = { color: "#1d70b8", weight: 3, fillColor: "#1d70b8", fillOpacity: 0.2 };
const OTHER = { color: "#505a5f", weight: 2, dashArray: "6 6", fillColor: "#505a5f", fillOpacity: 0.08 };

/** 6 decimals: about 10 cm, more than a click can tell. */
const round = (value) => Math.round(value * 1e6) / 1e6;

function pointsText(count) {
  if (count === 0) return "Aucun point placé.";
  if (count < 3) return `${count} ${count === 1 ? "point placé" : "points placés"} : placez-en au moins 3.`;
  return `${count} points placés : le contour est fermé.`;
}

/** The outer ring of a Polygon typed in the field, as [lat, lng] vertices without the closing one; null otherwise. */
function verticesOf(text) {
  let geometry;
  try {
    geometry = JSON.parse(text);
  } catch {
    return null;
  }
  const ring = geometry?.type === "Polygon" && Array.isArray(geometry.coordinates) ? geometry.coordinates[0] : null;
  if (!Array.isArray(ring) || geometry.coordinates.length !== 1) return null;
  if (!ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))) return null;
  const vertices = ring.map(([lng, lat]) => [lat, lng]);
  const [first, last] = [vertices[0], vertices[vertices.length - 1]];
  if (vertices.length > 1 && first[0] === last[0] && first[1] === last[1]) vertices.pop();
  return vertices;
}

/** The vertices as a GeoJSON Polygon whose ring is closed (the first position repeated at the end). */
function geometryOf(vertices) {
  const ring = vertices.map(([lat, lng]) => [round(lng), round(lat)]);
  if (ring.length > 0) ring.push(ring[0]);
  return JSON.stringify({ type: "Polygon", coordinates: [ring] });
}

async function start(container) {
  const field = document.getElementById(container.dataset.target);
  const status = document.getElementById(container.dataset.status || "");
  const tools = container.parentElement.querySelector(".berceau-map-tools");
  if (!field) return;

  const map = createMap(container);
  map.doubleClickZoom.disable(); // a double click places two points, it does not zoom
  const bounds = await drawCommunes(map, container).catch(() => null);
  if (bounds) map.fitBounds(bounds);
  else map.setView([48.91, 2.45], 12);
  if (container.dataset.otherSectors) {
    // The neighbours, to draw alongside them; clicks go through them to the map.
    L.geoJSON(JSON.parse(container.dataset.otherSectors), { style: OTHER, interactive: false }).addTo(map);
  }

  let vertices = [];
  // A shape typed in the field that the map cannot edit point by point (MultiPolygon, holes) is shown as it is.
  let typed = null;
  const shape = L.polygon([], SHAPE).addTo(map);
  const markers = L.layerGroup().addTo(map);

  const redraw = () => {
    shape.setLatLngs(vertices);
    markers.clearLayers();
    vertices.forEach((latlng, i) =>
      L.circleMarker(latlng, { radius: i === 0 ? 6 : 4, color: "#ffffff", weight: 2, fillColor: "#0b0c0c", fillOpacity: 1, interactive: false })
        .addTo(markers));
    container.dataset.points = String(vertices.length);
    if (status) status.textContent = typed ? "Contour saisi dans le champ GeoJSON." : pointsText(vertices.length);
  };

  const write = () => {
    field.value = vertices.length === 0 ? "" : geometryOf(vertices);
  };

  const read = () => {
    typed?.remove();
    typed = null;
    const text = field.value.trim();
    const parsed = text === "" ? [] : verticesOf(text);
    if (parsed) {
      vertices = parsed;
    } else {
      vertices = [];
      try {
        typed = L.geoJSON(JSON.parse(text), { style: SHAPE, interactive: false }).addTo(map);
      } catch {
        typed = null; // not JSON yet: the server will say what is wrong when the form is sent
      }
    }
    redraw();
  };

  map.on("click", (event) => {
    if (typed) {
      // Clicking starts a new drawing in place of the shape that was typed.
      typed.remove();
      typed = null;
    }
    vertices.push([event.latlng.lat, event.latlng.lng]);
    write();
    redraw();
  });
  field.addEventListener("input", read);
  tools?.addEventListener("click", (event) => {
    const action = event.target.closest("[data-map-action]")?.dataset.mapAction;
    if (action === "undo") vertices.pop();
    else if (action === "clear") {
      vertices = [];
      typed?.remove();
      typed = null;
    } else return;
    write();
    redraw();
  });

  read();
  if (vertices.length > 2) map.fitBounds(shape.getBounds(), { maxZoom: 16, padding: [24, 24] });
  if (tools) tools.hidden = false;
  const help = document.getElementById(container.getAttribute("aria-describedby") || "");
  if (help) help.hidden = false;
  container.dataset.state = "ready";
}

if (L) {
  for (const container of document.querySelectorAll(".berceau-sector-map")) {
    start(container).catch((error) => {
      // The GeoJSON field still works: without its map the form is what it is without JavaScript.
      container.dataset.state = "error";
      container.style.display = "none";
      console.warn("Carte non affichée :", error);
    });
  }
}
