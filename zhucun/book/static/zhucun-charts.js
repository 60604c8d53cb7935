/* Draws the book's charts from the JSON beside each of them, with the
 * plotly.js the book serves itself, and redraws their colours when the reader
 * switches between light and dark theme.
 *
 * plotly.js (about 445 kB compressed) is most of what a page would load, so it
 * is off the critical path: it is loaded only when the first chart comes near
 * the viewport (or the page is printed), and then every chart of the page is
 * drawn. Its file name is this script's data-plotly attribute, relative to this
 * script, so the book works the same from a server and from file://. */
(function () {
  "use strict";

  var SELF = document.currentScript;
  var PLOTLY_URL = SELF && SELF.getAttribute("data-plotly")
    ? new URL(SELF.getAttribute("data-plotly"), SELF.src).href : null;
  var NEAR = "800px 0px";  // start loading this far before a chart scrolls into view

  // Text, grid and axis colours per theme: text at least 7:1 against the
  // theme's page background (#fff light, #121212 dark), grid lines faint.
  var PALETTES = {
    light: { font: "#222222", grid: "#e3e3e3", zero: "#9a9a9a", bar: "#444444",
             hoverBg: "#ffffff" },
    dark: { font: "#e6e6e6", grid: "#3a3a3a", zero: "#8a8a8a", bar: "#d0d0d0",
            hoverBg: "#2a2a2a" },
  };

  // What every chart gets, whatever its own config says. No mode bar: a
  // chart is one image (role="img", named by its title and summary, with the
  // 查看数据 table under it as its text alternative), and an image must not
  // hold buttons (axe: nested-interactive); zoom by dragging and values on
  // hover stay for the mouse. And no button that sends the chart's data to a
  // server (plotly.js 4 shows one by default): the book is read offline.
  var FIXED_CONFIG = { displayModeBar: false, showSendToCloud: false, showLink: false,
                       showEditInChartStudio: false };

  function theme() {
    return document.documentElement.getAttribute("data-theme") === "dark" ? "dark" : "light";
  }

  function axisKeys(layout) {
    return Object.keys(layout).filter(function (key) { return /^[xy]axis\d*$/.test(key); });
  }

  function themedLayout(layout) {
    var c = PALETTES[theme()];
    var out = JSON.parse(JSON.stringify(layout || {}));
    out.font = Object.assign({}, out.font, { color: c.font });
    if (out.title) {
      out.title = Object.assign({}, out.title, { font: Object.assign({}, (out.title || {}).font, { color: c.font }) });
    }
    if (!out.xaxis) { out.xaxis = {}; }
    if (!out.yaxis) { out.yaxis = {}; }
    axisKeys(out).forEach(function (key) {
      // The theme decides these colours: a chart's own would be wrong in one mode.
      out[key] = Object.assign({}, out[key], { gridcolor: c.grid, zerolinecolor: c.zero, linecolor: c.zero });
    });
    out.legend = Object.assign({}, out.legend, { font: Object.assign({}, (out.legend || {}).font, { color: c.font }) });
    out.hoverlabel = Object.assign({}, out.hoverlabel, { bgcolor: c.hoverBg, bordercolor: c.zero,
      font: Object.assign({}, (out.hoverlabel || {}).font, { color: c.font }) });
    return out;
  }

  function themedData(data) {
    var c = PALETTES[theme()];
    return (data || []).map(function (trace) {
      var out = JSON.parse(JSON.stringify(trace));
      // Error bars default to dark grey, invisible on the dark page.
      ["error_x", "error_y"].forEach(function (key) {
        if (out[key]) { out[key] = Object.assign({}, out[key], { color: c.bar }); }
      });
      if (out.type === "sankey") {
        // Sankey labels carry a light text shadow that smears on the dark page.
        out.textfont = Object.assign({}, out.textfont, { color: c.font, shadow: "none" });
      }
      if (out.type === "heatmap" && out.colorbar) {
        out.colorbar = Object.assign({}, out.colorbar, { tickfont: { color: c.font },
          title: Object.assign({}, out.colorbar.title, { font: { color: c.font } }) });
      }
      return out;
    });
  }

  function config(spec) {
    return Object.assign({}, spec || {}, FIXED_CONFIG);
  }

  function draw(spec) {
    var target = document.getElementById(spec.getAttribute("data-target"));
    if (!target || target.getAttribute("data-drawn") === "true") { return; }
    if (!window.Plotly) {
      target.textContent = "图表无法显示：plotly.js 未加载。请查看下方“查看数据”中的数据表。";
      target.setAttribute("data-drawn", "failed");
      return;
    }
    var figure = JSON.parse(spec.textContent);
    target.zhucunFigure = figure;
    window.Plotly.newPlot(target, themedData(figure.data), themedLayout(figure.layout), config(figure.config))
      .then(function () {
        target.setAttribute("data-theme-drawn", theme());
        target.setAttribute("data-drawn", "true");
        // Read by benchmarks/build_benchmark.py (time to the last chart drawn).
        if (window.performance && performance.mark) { performance.mark("zhucun-chart-drawn:" + target.id); }
      });
  }

  function drawAll() {
    document.querySelectorAll("script.zhucun-chart-spec").forEach(draw);
  }

  var loading = false;
  function loadPlotlyAndDraw() {
    if (loading) { return; }
    loading = true;
    if (window.Plotly || !PLOTLY_URL) { drawAll(); return; }
    var script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = drawAll;
    script.onerror = drawAll;  // each chart then says it cannot be shown and points to its data table
    document.head.appendChild(script);
  }

  function start() {
    var charts = document.querySelectorAll(".zhucun-chart");
    if (!charts.length) { return; }
    if (!("IntersectionObserver" in window)) { loadPlotlyAndDraw(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        loadPlotlyAndDraw();
      }
    }, { rootMargin: NEAR });
    charts.forEach(function (chart) { observer.observe(chart); });
    window.addEventListener("beforeprint", loadPlotlyAndDraw);
  }

  function retheme() {
    var mode = theme();
    document.querySelectorAll(".zhucun-chart-canvas[data-drawn='true']").forEach(function (target) {
      if (target.getAttribute("data-theme-drawn") === mode) { return; }
      var figure = target.zhucunFigure;
      window.Plotly.react(target, themedData(figure.data), themedLayout(figure.layout), config(figure.config))
        .then(function () {
          target.setAttribute("data-theme-drawn", mode);
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  new MutationObserver(retheme).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
