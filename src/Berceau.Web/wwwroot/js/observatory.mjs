// The observatory's dashboard (/observatoire) and commune profile: draws each chart from the data table it stands
// beside (Chart.js, loaded before this module from /lib/chart.js/chart.umd.min.js) and the choropleth of the communes
// (Leaflet, /lib/leaflet/leaflet.js) over the boundaries served by this site, without any tile server.
// Progressive enhancement: the tables hold every figure; without JavaScript the charts and the map are simply absent.
//
// A chart is a canvas.berceau-chart__canvas with data-chart = {kind: line|bar|stacked|horizontal, unit, labels, series:
// [{label, decimals, data}]}. The map is .berceau-choropleth with data-communes-url, data-values = {code: {colour,
// text, hasData}}, data-highlight (codes outlined) and data-no-data (colour); it gets data-state="ready" once drawn.

import { createMap, element, fetchJson } from "./map-base.mjs";

/** Colours told apart by colour-blind readers (Okabe–Ito), each line with its own dash and point shape too. */
const COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 2], [8, 8]];
const POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"];
const french = (decimals) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function drawChart(canvas) {
  const Chart = window.Chart;
  if (!Chart) return;
  const spec = JSON.parse(canvas.dataset.chart);
  const horizontal = spec.kind === "horizontal";
  const stacked = spec.kind === "stacked";
  const line = spec.kind === "line";
  if (horizontal) canvas.parentElement.style.height = `${Math.max(240, spec.labels.length * 22 + 60)}px`;
  const datasets = spec.series.map((s, i) => ({
    label: s.label,
    data: s.data,
    backgroundColor: COLOURS[i % COLOURS.length],
    borderColor: COLOURS[i % COLOURS.length],
    borderDash: line ? DASHES[i % DASHES.length] : undefined,
    pointStyle: POINTS[i % POINTS.length],
    pointRadius: line ? 4 : undefined,
    spanGaps: true,
    decimals: s.decimals,
  }));
  new Chart(canvas, {
    type: line ? "line" : "bar",
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: !horizontal,
      indexAxis: horizontal ? "y" : "x",
      locale: "fr-FR",
      scales: {
        x: { stacked, beginAtZero: true },
        y: { stacked, beginAtZero: true, title: { display: !horizontal, text: spec.unit } },
      },
      plugins: {
        legend: { display: datasets.length > 1, labels: { usePointStyle: line } },
        tooltip: {
          callbacks: {
            label: (ctx) => `${ctx.dataset.label} : ${ctx.raw === null ? "non disponible" : french(ctx.dataset.decimals).format(ctx.raw)}`,
          },
        },
      },
    },
  });
}

async function drawChoropleth(container) {
  const L = window.L;
  const values = JSON.parse(container.dataset.values || "{}");
  const highlight = new Set((container.dataset.highlight || "").split(",").filter(Boolean));
  const map = createMap(container);
  const data = await fetchJson(container.dataset.communesUrl);
  const layer = L.geoJSON(data, {
    style: (feature) => {
      const v = values[feature.properties.code];
      const outlined = highlight.has(feature.properties.code);
      return {
        color: outlined ? "#0b0c0c" : "#505a5f",
        weight: outlined ? 4 : 1,
        fillColor: v ? v.colour : container.dataset.noData,
        fillOpacity: 1,
      };
    },
    onEachFeature: (feature, path) => {
      const v = values[feature.properties.code];
      const text = v ? v.text : `${feature.properties.nom} : pas de données`;
      path.bindTooltip(text, { sticky: false });
      path.on("add", () => {
        // Each commune is reachable with Tab and says its value: the keyboard gets what the pointer gets.
        const node = path.getElement();
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "img");
        node.setAttribute("aria-label", text);
        // Leaflet opens tooltips on focus too: only the focused commune's stays open.
        node.addEventListener("focus", () => {
          path._map?.eachLayer((other) => other !== path && other.closeTooltip?.());
          path.openTooltip();
        });
        node.addEventListener("blur", () => path.closeTooltip());
      });
    },
  }).addTo(map);
  // Communes in alphabetical order of their path in the document follow the file's order (by code): keep it.
  map.fitBounds(layer.getBounds());
  container.dataset.state = "ready";
  container.dataset.communes = String(layer.getLayers().length);
}

for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
  try {
    drawChart(canvas);
  } catch (error) {
    console.error(error);
  }
}

for (const container of document.querySelectorAll(".berceau-choropleth")) {
  drawChoropleth(container).catch((error) => {
    container.dataset.state = "error";
    container.replaceChildren(element("p", "govuk-body", "La carte n’a pas pu être affichée : les mêmes données sont dans le tableau ci-dessous."));
    console.error(error);
  });
}
