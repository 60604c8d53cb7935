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

  // ---- Fitting a chart to its width --------------------------------------------------
  // plotly does not wrap text, so on a phone long titles, axis titles and category
  // labels run out of the chart and horizontal legends wrap into the title. Before
  // drawing (and again when the width changes) the layout is fitted to the chart's
  // width: titles and labels wrap into lines, the top margin makes room for the title
  // and the legend, numeric axes get fewer ticks, value labels keep room at the bar
  // ends, and the Sankey's node labels wrap. At desktop width little or nothing changes.
  var NARROW = 600;
  var WIDE_CHAR = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2014\u2026]/;

  function plain(text) { return String(text == null ? "" : text).replace(/<[^>]+>/g, ""); }

  // Rough width in pixels: CJK and full-width characters are 1 em, the rest about 0.6 em.
  function textWidth(text, size) {
    var em = 0;
    Array.from(plain(text)).forEach(function (ch) { em += WIDE_CHAR.test(ch) ? 1 : 0.6; });
    return em * size;
  }

  // Break text into lines no wider than maxPx; returns {text, lines}.
  function wrap(text, maxPx, size) {
    var source = plain(text);
    if (!source || textWidth(source, size) <= maxPx) { return { text: text, lines: 1 }; }
    var lines = [], line = "";
    Array.from(source).forEach(function (ch) {
      if (line && textWidth(line + ch, size) > maxPx) {
        // Prefer to break after punctuation or a space within the last few characters, and
        // never inside a number or a Latin word ("95%", "logistic"), nor after an opening bracket.
        var cut = Math.max(line.search(/[，、：；）,;: ]\S{0,3}$/), -1);
        var run = /[A-Za-z0-9.%]$/.test(line) && /[A-Za-z0-9.%]/.test(ch) ? line.search(/[A-Za-z0-9.%]+$/) : -1;
        if (/[，。、；：）》”]/.test(ch)) {
          // Punctuation that closes never starts a line: it hangs at the end of this one (as in print).
          lines.push(line + ch); line = "";
        } else if (run > 0) {
          lines.push(line.slice(0, run)); line = line.slice(run) + ch;
        } else if (cut > 0 && cut < line.length - 1) {
          lines.push(line.slice(0, cut + 1)); line = line.slice(cut + 1) + ch;
        } else { lines.push(line); line = ch; }
      } else { line += ch; }
    });
    if (line) { lines.push(line); }
    return { text: lines.join("<br>"), lines: lines.length };
  }

  // plotly's JSON may hold a numeric array as {dtype, bdata} (base64): decoded here to read it.
  var TYPED = { f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array, i1: Int8Array,
                u4: Uint32Array, u2: Uint16Array, u1: Uint8Array };
  function values(array) {
    if (Array.isArray(array)) { return array; }
    if (array && array.bdata && TYPED[array.dtype]) {
      var bytes = Uint8Array.from(atob(array.bdata), function (c) { return c.charCodeAt(0); });
      return Array.from(new TYPED[array.dtype](bytes.buffer));
    }
    return [];
  }

  function titleText(title) { return title && typeof title === "object" ? title.text : title; }

  function withTitle(title, text) {
    return title && typeof title === "object" ? Object.assign({}, title, { text: text }) : { text: text };
  }

  function legendEntries(data, layout) {
    if (layout.showlegend === false) { return []; }
    var shown = data.filter(function (t) { return t.showlegend !== false && t.type !== "sankey" && t.type !== "heatmap"; });
    if (layout.showlegend !== true && shown.length < 2) { return []; }
    return shown.map(function (t) { return t.name || ""; });
  }

  function fitted(layout, data, width) {
    var out = JSON.parse(JSON.stringify(layout || {}));
    var traces = JSON.parse(JSON.stringify(data || []));
    var narrow = width < NARROW;
    var base = (out.font && out.font.size) || 13;
    var margin = Object.assign({ l: 10, r: 20, t: 50, b: 40 }, out.margin);
    var givenTop = margin.t;
    var heatmap = traces.some(function (t) { return t.type === "heatmap"; });

    // Category labels on the y axis (horizontal bars and intervals, heatmap rows): wrapped to at
    // most 45 % of a phone's width; what they and a colour bar leave is the plot's width.
    var labelWidth = 0;
    var rowLabels = {};  // y axis → its category labels, over all its traces
    var rowSpace = 0, wrappedRows = false;
    traces.forEach(function (trace) {
      var rows = trace.type === "heatmap" || trace.orientation === "h" ||
        (trace.type === "scatter" && values(trace.y).some(function (v) { return typeof v === "string"; }));
      if (!rows || trace.type === "sankey") { return; }
      var key = "yaxis" + ((trace.yaxis || "y").slice(1));
      rowLabels[key] = (rowLabels[key] || []).concat(values(trace.y).map(String));
    });
    Object.keys(rowLabels).forEach(function (key) {
      var labels = Array.from(new Set(rowLabels[key]));
      var axis = out[key] = Object.assign({}, out[key]);
      var limit = (narrow ? (heatmap ? 0.3 : 0.45) : 0.4) * width;
      var shown = axis.ticktext ? values(axis.ticktext).map(String) : labels;
      if (shown.some(function (l) { return textWidth(l, base) > limit; })) {
        var wrappedLabels = shown.map(function (l) { return wrap(l, limit, base).text; });
        axis.tickmode = "array";
        axis.tickvals = axis.tickvals ? values(axis.tickvals) : labels;
        axis.ticktext = wrappedLabels;
        shown = wrappedLabels;
      }
      var lines = 1;
      shown.forEach(function (l) {
        var parts = l.split("<br>");
        lines = Math.max(lines, parts.length);
        parts.forEach(function (line) { labelWidth = Math.max(labelWidth, textWidth(line, base)); });
      });
      rowSpace += labels.length * (lines * base * 1.25 + 8);
      wrappedRows = wrappedRows || lines > 1;
    });
    // Wrapped labels need taller rows: the chart grows rather than the labels colliding
    // (the rows of every subplot together).
    if (wrappedRows) {
      var gaps = Object.keys(rowLabels).length * 30;
      out.height = Math.max(out.height || 420, Math.round(margin.t + margin.b + 40 + gaps + rowSpace));
    }
    // On a phone a heatmap's colour bar lies below the matrix (horizontal) and takes no width.
    var colourBar = traces.some(function (t) { return t.colorbar || t.type === "heatmap"; }) && !narrow ? 90 : 0;
    var yTitle = titleText((out.yaxis || {}).title) ? base * 2 : 0;
    var plotWidth = Math.max(80, width - margin.l - margin.r - labelWidth - colourBar - yTitle - 12);

    // The title: wrapped to the chart's width, with the top margin made to fit it and the legend.
    var title = titleText(out.title);
    var titleSize = (out.title && out.title.font && out.title.font.size) || (narrow ? 15 : 17);
    var titleLines = 0;
    if (title) {
      var wrapped = wrap(title, width - 16, titleSize);
      out.title = withTitle(out.title, wrapped.text);
      out.title.font = Object.assign({}, out.title.font, { size: titleSize });
      // The top margin below is made for the title, so plotly's own title margin stays off: when it
      // finds the margin short it moves a wrapped title's lines up by their number, out of the chart.
      out.title.automargin = false;
      titleLines = wrapped.lines;
      // plotly sets a wrapped title's first baseline (not its top) at the pad: a line's height lower.
      out.title.pad = Object.assign({}, out.title.pad, { t: titleLines > 1 ? 10 + titleSize : 10 });
    }
    var entries = legendEntries(traces, out);
    var legendRows = 0;
    if (entries.length) {
      var rowWidth = 0;
      legendRows = 1;
      entries.forEach(function (name) {
        var item = textWidth(name, base) + 50;
        if (rowWidth && rowWidth + item > width - 40) { legendRows += 1; rowWidth = 0; }
        rowWidth += item;
      });
    }
    // On a phone the legend starts at the chart's left edge, not the plot's (which long row labels push
    // far right), and is placed in the chart's own coordinates below the title. Anchored to the chart in
    // both directions, plotly reserves the top margin down to the legend's last row, however many rows
    // it wraps into; anchored to the chart only sideways, it would reserve its width on the left.
    var titleBottom = 14 + titleLines * titleSize * 1.3;
    if (narrow && legendRows) {
      out.legend = Object.assign({}, out.legend, { xref: "container", x: 0, xanchor: "left",
        yref: "container", yanchor: "top",
        font: Object.assign({}, (out.legend || {}).font, { size: base - 1 }) });
    }
    var top = titleBottom + (legendRows ? legendRows * (base + 8) + 8 : 0) + 8;
    // Labels written above the top points (the timeline's numbers) need a line between plot and legend.
    var textAbove = traces.some(function (t) { return /top/.test(t.textposition || "") && /text/.test(t.mode || ""); });
    if (legendRows && textAbove) {
      top += base * 1.5;
      if (!narrow) {
        out.legend = Object.assign({}, out.legend, { y: 1 + (base * 1.5) / Math.max(80, (out.height || 420) - top - margin.b) });
      }
    }
    if (out.annotations && out.annotations.some(function (a) { return a.yref === "paper" && a.y > 1; })) {
      top += base * 2;  // labels placed above the plot (the Sankey's stage names)
    }
    margin.t = Math.max(title ? top : margin.t, margin.t);
    // The plot keeps its height: what the top margin gains, the chart gains.
    if (margin.t > givenTop) { out.height = (out.height || 420) + (margin.t - givenTop); }
    out.margin = margin;
    if (narrow && legendRows) { out.legend.y = 1 - (titleBottom + 4) / (out.height || 420); }

    Object.keys(out).filter(function (key) { return /^[xy]axis\d*$/.test(key); }).forEach(function (key) {
      var axis = out[key] = Object.assign({}, out[key]);
      var horizontal = key.charAt(0) === "x";
      var length = horizontal ? plotWidth : Math.max(80, (out.height || 420) - margin.t - margin.b);
      axis.automargin = true;
      var text = titleText(axis.title);
      if (text) { axis.title = withTitle(axis.title, wrap(text, length, base).text); }
      if (!narrow || !horizontal) { return; }
      // Numbers: at most one tick per 60 px, and room for four (plotly takes nticks as a ceiling and
      // rounds its step up: with three, a short axis kept a single tick).
      if (axis.type !== "category" && !axis.tickvals) { axis.nticks = Math.max(4, Math.floor(plotWidth / 60)); }
      var ticks = values(axis.tickvals);
      if (ticks.length && axis.type !== "category" && ticks.length > plotWidth / 45) {
        // Keep every other tick, always keeping 1 on a log axis (the reference line of odds ratios).
        var one = ticks.indexOf(1);
        var parity = one >= 0 ? one % 2 : 0;
        var keep = ticks.map(function (v, i) { return i % 2 === parity; });
        var text = values(axis.ticktext);
        axis.tickvals = ticks.filter(function (v, i) { return keep[i]; });
        if (text.length) { axis.ticktext = text.filter(function (v, i) { return keep[i]; }); }
      }
    });

    // Category labels along the x axis of a heatmap or column chart: wrapped to their slot.
    traces.forEach(function (trace) {
      var categorical = trace.type === "heatmap" || (trace.type === "bar" && trace.orientation !== "h");
      if (!narrow || !categorical || !values(trace.x).length) { return; }
      var key = "xaxis" + ((trace.xaxis || "x").slice(1));
      var axis = out[key] = Object.assign({}, out[key]);
      var labels = values(trace.x).map(String);
      if (labels.every(function (l) { return !isNaN(Number(l)); })) {  // years and the like: turned upright
        if (labels.length * base * 2.6 > plotWidth) { axis.tickangle = -90; }
        return;
      }
      var slot = plotWidth / Math.max(1, labels.length) - 4;
      if (labels.some(function (l) { return textWidth(l, base) > slot; })) {
        axis.tickmode = "array";
        axis.tickvals = labels;
        axis.ticktext = labels.map(function (l) { return wrap(l, Math.max(slot, 2 * base), base).text; });
        axis.tickangle = 0;  // plotly would otherwise turn the labels, and turned labels collide
      }
    });

    // Value labels outside the bars: the value axis keeps room for them at the bar ends.
    var ends = {};  // value axis → {high, label}: the longest bar and widest label over its traces
    // Stacked bars end at their category's sum over all bars of the value axis, not at their own value.
    var stacked = out.barmode === "stack" || out.barmode === "relative";
    var stackTops = {}, sums = {};
    traces.forEach(function (trace) {
      if (!stacked || trace.type !== "bar") { return; }
      var horizontal = trace.orientation === "h";
      var key = horizontal ? "xaxis" + ((trace.xaxis || "x").slice(1)) : "yaxis" + ((trace.yaxis || "y").slice(1));
      var categories = values(horizontal ? trace.y : trace.x);
      values(horizontal ? trace.x : trace.y).forEach(function (v, i) {
        if (typeof v !== "number" || v <= 0) { return; }
        var at = key + "@" + String(categories[i]);
        sums[at] = (sums[at] || 0) + v;
        stackTops[key] = Math.max(stackTops[key] || 0, sums[at]);
      });
    });
    traces.forEach(function (trace) {
      if (trace.type !== "bar" || trace.textposition !== "outside" || !(trace.text || trace.texttemplate)) { return; }
      var horizontal = trace.orientation === "h";
      var numbers = values(horizontal ? trace.x : trace.y).filter(function (v) { return typeof v === "number"; });
      var key = horizontal ? "xaxis" + ((trace.xaxis || "x").slice(1)) : "yaxis" + ((trace.yaxis || "y").slice(1));
      // The labels as written, or as the template writes the values (a share as 61.9%, a count whole).
      var texts = trace.text ? [].concat(trace.text) : numbers.map(function (v) {
        return /%\}/.test(trace.texttemplate) ? (v * 100).toFixed(1) + "%" : String(Math.round(v));
      });
      var end = ends[key] = ends[key] || { high: 0, label: 0, horizontal: horizontal };
      end.high = Math.max.apply(null, numbers.concat([end.high]));
      if (stacked) { end.high = Math.max(end.high, stackTops[key] || 0); }
      end.label = Math.max.apply(null, texts.map(function (t) { return textWidth(t, base); }).concat([end.label]));
    });
    Object.keys(ends).forEach(function (key) {
      var end = ends[key];
      var axis = out[key] = Object.assign({}, out[key]);
      if (axis.range || end.high <= 0) { return; }
      if (end.horizontal) {  // labels beyond the longest bar are drawn into the right margin
        var extra = Math.max(0, Math.ceil(end.label + 12) - margin.r);
        margin.r += extra;
        // ... which the plot gives up: fewer ticks fit on its axis.
        if (axis.nticks && extra) { axis.nticks = Math.max(3, Math.floor((plotWidth - extra) / 60)); }
        return;
      }
      var length = Math.max(80, (out.height || 420) - margin.t - margin.b);
      var room = base * 1.8;
      if (room < length * 0.6) { axis.range = [0, end.high * length / (length - room)]; }
    });

    // Labels above points (the timeline's numbers): on a phone, a label that would touch the one before
    // it goes under its point instead, so that "3" and "4" do not read as "34".
    traces.forEach(function (trace) {
      if (!narrow || trace.type !== "scatter" || !/text/.test(trace.mode || "") ||
          typeof trace.textposition !== "string" || !/^top/.test(trace.textposition)) { return; }
      var number = function (v) { return typeof v === "number" ? v : Date.parse(v); };
      var xs = values(trace.x).map(number), texts = [].concat(trace.text || []);
      var range = ((out["xaxis" + ((trace.xaxis || "x").slice(1))] || {}).range || []).map(number);
      var lo = isFinite(range[0]) ? range[0] : Math.min.apply(null, xs);
      var hi = isFinite(range[1]) ? range[1] : Math.max.apply(null, xs);
      if (!(hi > lo) || xs.some(function (x) { return !isFinite(x); })) { return; }
      var last = { top: null, bottom: null };  // the right edge (px) of the last label above and below
      var positions = xs.map(function () { return trace.textposition; });
      xs.map(function (x, i) { return i; }).sort(function (i, j) { return xs[i] - xs[j]; }).forEach(function (i) {
        var centre = (xs[i] - lo) / (hi - lo) * plotWidth, half = textWidth(texts[i] || "", base) / 2;
        var side = last.top === null || centre - half >= last.top + 3 ? "top" :
          (last.bottom === null || centre - half >= last.bottom + 3 ? "bottom" : "top");
        positions[i] = trace.textposition.replace(/^top/, side);
        last[side] = centre + half;
      });
      trace.textposition = positions;
    });

    // The Sankey: node labels wrapped to the gap between columns, a little smaller on a phone.
    traces.forEach(function (trace) {
      if (trace.type !== "sankey" || !trace.node || !narrow) { return; }
      // Between two columns stand the labels of both (the last column's are written to its left).
      var columns = 4;
      var gap = ((width - margin.l - margin.r) / (columns - 1) - (trace.node.thickness || 16)) / 2 - 4;
      var size = 11;
      trace.textfont = Object.assign({}, trace.textfont, { size: size });
      trace.node = Object.assign({}, trace.node, {
        label: (trace.node.label || []).map(function (l) { return wrap(l, Math.max(gap, 3 * size), size).text; }),
      });
      out.height = Math.max(out.height || 420, 760);
    });

    // Colour bars: the title beside the bar, not on top where it meets the first tick label. On a
    // phone the bar lies under the chart, placed in the chart's own pixels: plotly then reserves the
    // bottom margin for it (above the matrix it would push the chart's title up and out), and the
    // chart grows by as much, so the matrix keeps its height.
    var bars = 0;
    traces.forEach(function (trace) {
      if (!trace.colorbar) { return; }
      bars += 1;
      trace.colorbar = Object.assign({}, trace.colorbar, narrow ? {
        orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "bottom", yref: "container", len: 1,
        // Its title under the numbers: on top of a horizontal bar plotly lets the bar cover the title's foot.
        thickness: 10, ypad: 6, nticks: 5, title: Object.assign({}, trace.colorbar.title, { side: "bottom" }),
      } : { title: Object.assign({}, trace.colorbar.title, { side: "right" }) });
    });
    if (narrow && bars) { out.height = (out.height || 420) + 70; }
    return { layout: out, data: traces };
  }

  // After drawing: if the legend still reaches into the title (its rows were estimated), the top
  // margin grows by the overlap.
  function clearTitle(target) {
    var title = target.querySelector(".gtitle"), legend = target.querySelector(".legend");
    if (!title || !legend) { return Promise.resolve(); }
    var overlap = Math.ceil(title.getBoundingClientRect().bottom + 4 - legend.getBoundingClientRect().top);
    if (overlap <= 0 || overlap > 200) { return Promise.resolve(); }
    // The chart grows by as much as its top margin, so the plot keeps its height.
    var full = target._fullLayout;
    var update = { "margin.t": full.margin.t + overlap, height: full.height + overlap };
    if (full.legend && full.legend.yref === "container") {  // placed in the chart's pixels: moved down itself
      update["legend.y"] = 1 - ((1 - full.legend.y) * full.height + overlap) / (full.height + overlap);
    }
    return window.Plotly.relayout(target, update);
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
    var width = target.clientWidth || target.parentElement.clientWidth;
    var fit = fitted(figure.layout, figure.data, width);
    target.setAttribute("data-fitted-width", String(width));
    var drawn;
    try {
      drawn = window.Plotly.newPlot(target, themedData(fit.data), themedLayout(fit.layout), config(figure.config));
    } catch (error) {  // a fitted layout plotly cannot lay out: the chart as authored, rather than none
      console.warn("zhucun-charts: " + target.id + " drawn without fitting: " + error.message);
      drawn = window.Plotly.newPlot(target, themedData(figure.data), themedLayout(figure.layout), config(figure.config));
    }
    drawn.then(function () { return clearTitle(target); })
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
      redraw(target, function () { target.setAttribute("data-theme-drawn", mode); });
    });
  }

  function redraw(target, then) {
    var figure = target.zhucunFigure;
    var width = target.clientWidth;
    var fit = fitted(figure.layout, figure.data, width);
    target.setAttribute("data-fitted-width", String(width));
    window.Plotly.react(target, themedData(fit.data), themedLayout(fit.layout), config(figure.config))
      .then(function () { return clearTitle(target); }).then(then);
  }

  // Another figure for a chart (the group picker, zhucun-groups.js): it replaces the chart's JSON, so a
  // chart not yet drawn is drawn with it; a drawn chart is drawn again now.
  function show(chartId, figure) {
    var spec = document.querySelector('script.zhucun-chart-spec[data-target="' + chartId + '"]');
    var target = document.getElementById(chartId);
    if (!spec || !target) { return; }
    spec.textContent = JSON.stringify(figure).replace(/<\//g, "<\\/");
    // The space kept for the chart while it is drawn is the new figure's height (one group: fewer bars).
    target.style.minHeight = ((figure.layout && figure.layout.height) || 420) + "px";
    if (target.getAttribute("data-drawn") === "true" && window.Plotly) {
      target.zhucunFigure = figure;
      target.setAttribute("data-drawn", "redrawing");
      redraw(target, function () {
        target.setAttribute("data-theme-drawn", theme());
        target.setAttribute("data-drawn", "true");
      });
    }
  }
  window.zhucunCharts = { show: show };

  // A phone turned sideways, a window resized: charts whose width changed much are fitted again.
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      document.querySelectorAll(".zhucun-chart-canvas[data-drawn='true']").forEach(function (target) {
        if (Math.abs(target.clientWidth - Number(target.getAttribute("data-fitted-width"))) > 40) {
          redraw(target, function () {});
        }
      });
    }, 200);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  new MutationObserver(retheme).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
