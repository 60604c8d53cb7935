// Builds zhucun/book/static/plotly-zhucun.min.js from the npm package plotly.js
// (the version pinned in package.json, the one python plotly ships), with
// only the trace types registered in entry.js. Run: npm run build:plotly
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const plotlyPackage = JSON.parse(readFileSync(path.join(here, "..", "..", "..", "node_modules", "plotly.js", "package.json"), "utf8"));

await build({
  entryPoints: [path.join(here, "entry.js")],
  // PLOTLY_BUNDLE_OUT: elsewhere, for the test comparing a fresh build with the committed file.
  outfile: process.env.PLOTLY_BUNDLE_OUT || path.join(here, "..", "static", "plotly-zhucun.min.js"),
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Plotly",
  target: "es2018",
  // As plotly.js's own esbuild-config.js: browser globals, no AMD, the
  // stream polyfill; the map traces' CSS is never needed (no map traces).
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
  alias: { stream: "stream-browserify" },
  loader: { ".css": "empty" },
  legalComments: "eof",
  banner: { js: `/*! plotly.js ${plotlyPackage.version} (c) Plotly Technologies Inc., MIT licence, https://github.com/plotly/plotly.js` +
    " (see plotly-zhucun.LICENSE.txt). The book's own bundle: core (scatter), bar, heatmap, sankey;" +
    " built from the npm package by zhucun/book/plotly_bundle/build.mjs (npm run build:plotly). */" },
  logLevel: "warning",
});
