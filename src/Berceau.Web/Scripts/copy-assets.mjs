// Copies the third-party files the pages load from node_modules into wwwroot/lib.
// wwwroot/lib is generated (git-ignored): nothing third-party is committed and nothing comes from a CDN.
// Run by `npm run build` (itself run by Frontend.targets during `dotnet build`).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const lib = join(root, "wwwroot", "lib");

/** [source relative to node_modules, destination relative to wwwroot/lib] */
const files = [
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend/govuk-frontend.min.js"],
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js.map", "govuk-frontend/govuk-frontend.min.js.map"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/dist/images", "leaflet/images"],
  ["leaflet/LICENSE", "leaflet/LICENSE"],
  ["chart.js/dist/chart.umd.min.js", "chart.js/chart.umd.min.js"],
  ["chart.js/LICENSE.md", "chart.js/LICENSE.md"],
  ["@fontsource/public-sans/LICENSE", "fonts/LICENSE-public-sans.txt"],
];

// Public Sans: regular and bold, Latin and Latin Extended (French needs œ, Œ, Ÿ from latin-ext).
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of [400, 700]) {
    const name = `public-sans-${subset}-${weight}-normal.woff2`;
    files.push([`@fontsource/public-sans/files/${name}`, `fonts/${name}`]);
  }
}

rmSync(lib, { recursive: true, force: true });
let missing = 0;
for (const [from, to] of files) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    // Licence file names differ between package versions: do not fail the build for those.
    if (/LICEN[CS]E/i.test(from)) continue;
    console.error(`copy-assets: missing ${source} (run npm ci)`);
    missing++;
    continue;
  }
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
if (missing > 0) process.exit(1);

const count = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
console.log(`copy-assets: ${count(lib)} files in wwwroot/lib`);
