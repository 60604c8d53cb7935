/* Draws the book's charts from the JSON beside each of them, with the
 * plotly.js the book serves itself, and redraws their colours when the reader
 * switches between light and dark theme. */
(function () {
  "use strict";

  function palette() {
    var dark = document.documentElement.getAttribute("data-theme") === "dark";
    return dark
      ? { font: "#e3e3e3", grid: "#4a4a4a", zero: "#8a8a8a" }
      : { font: "#222222", grid: "#e3e3e3", zero: "#9a9a9a" };
  }

  function themedLayout(layout) {
    var c = palette();
    var out = JSON.parse(JSON.stringify(layout || {}));
    out.font = Object.assign({}, out.font, { color: c.font });
    Object.keys(out).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        out[key] = Object.assign({ gridcolor: c.grid, zerolinecolor: c.zero, linecolor: c.zero }, out[key]);
      }
    });
    ["xaxis", "yaxis"].forEach(function (key) {
      if (!out[key]) { out[key] = { gridcolor: c.grid, zerolinecolor: c.zero }; }
    });
    return out;
  }

  function draw(spec) {
    var target = document.getElementById(spec.getAttribute("data-target"));
    if (!target || target.getAttribute("data-drawn") === "true") { return; }
    if (!window.Plotly) {
      target.textContent = "图表无法显示：plotly.js 未加载。请查看下方“查看数据”中的数据表。";
      return;
    }
    var figure = JSON.parse(spec.textContent);
    target.zhucunLayout = figure.layout;
    window.Plotly.newPlot(target, figure.data, themedLayout(figure.layout), figure.config || {})
      .then(function () { target.setAttribute("data-drawn", "true"); });
  }

  function drawAll() {
    document.querySelectorAll("script.zhucun-chart-spec").forEach(draw);
  }

  function retheme() {
    document.querySelectorAll(".zhucun-chart-canvas[data-drawn='true']").forEach(function (target) {
      window.Plotly.relayout(target, themedLayout(target.zhucunLayout));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  new MutationObserver(retheme).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
