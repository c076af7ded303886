// What the maps have in common (Leaflet is loaded before the modules from /lib/leaflet/leaflet.js): a map with French
// controls and the deployment's tile layer (Map:TileUrl, none by default, so that nothing is fetched from another site),
// and the commune boundaries of /carte/communes.geojson drawn as the land. Used by map.mjs (the portal's maps) and
// sector-map.mjs (drawing the sectors of a commune).
//
// A map container carries data-communes-url (boundaries), data-highlight (commune codes to outline), data-tile-url and
// data-tile-attribution.

const L = window.L;

/** Colours of the background drawn without tiles: the communes are the land. */
const LAND = { found: "#ffffff", other: "#f3f2f1", border: "#505a5f", foundBorder: "#0b0c0c" };

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/geo+json, application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** Leaflet's own texts are English: the controls are told in French. */
function frenchControls(map) {
  map.on("popupopen", (event) => {
    const close = event.popup.getElement()?.querySelector(".leaflet-popup-close-button");
    if (close) {
      close.setAttribute("aria-label", "Fermer");
      close.setAttribute("title", "Fermer");
    }
  });
}

export function createMap(container) {
  const map = L.map(container, {
    zoomControl: false,
    scrollWheelZoom: false, // the page scrolls under the wheel; zoom with the buttons, a double click or + and −
  });
  L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/" hreflang="en">Leaflet</a>');
  const { tileUrl, tileAttribution } = container.dataset;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: tileAttribution || "", maxZoom: 19 }).addTo(map);
  }
  frenchControls(map);
  return map;
}

export async function drawCommunes(map, container) {
  const url = container.dataset.communesUrl;
  if (!url) return null;
  const highlight = new Set((container.dataset.highlight || "").split(",").filter(Boolean));
  const withTiles = Boolean(container.dataset.tileUrl);
  const data = await fetchJson(url);
  const all = L.geoJSON(data, {
    interactive: false,
    style: (feature) => {
      const found = highlight.has(feature.properties.code);
      return {
        color: found ? LAND.foundBorder : LAND.border,
        weight: found ? 2 : 1,
        fillColor: found ? LAND.found : LAND.other,
        fillOpacity: withTiles ? 0.1 : 1,
      };
    },
  }).addTo(map);
  const found = L.geoJSON(
    { type: "FeatureCollection", features: data.features.filter((f) => highlight.has(f.properties.code)) },
  );
  return found.getLayers().length > 0 ? found.getBounds() : all.getBounds();
}

/**
 * Draws a map with `draw(container)` (which returns the number of markers) and marks the container data-state="ready" and
 * data-markers, then shows the help text it is described by. On failure the list beside it already says it all: the map is
 * left out (data-state="error") rather than shown empty.
 */
export async function run(container, draw) {
  try {
    const markers = await draw(container);
    container.dataset.markers = String(markers);
    container.dataset.state = "ready";
    const help = document.getElementById(container.getAttribute("aria-describedby") || "");
    if (help) help.hidden = false;
  } catch (error) {
    container.dataset.state = "error";
    container.style.display = "none";
    console.warn("Carte non affichée :", error);
  }
}
