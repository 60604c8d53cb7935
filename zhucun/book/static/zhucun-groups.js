/* The group picker: every survey chart of the page redrawn for one group of respondents.
 *
 * A page with survey charts carries the picker's menu (#zhucun-group-menu: every group, available or
 * not, with its size); the groups' figures and data tables were computed when the book was built
 * (zhucun/book/group_views.py) and lie in one script file per page, loaded the first time a group is
 * picked (a script element, so it works from file:// and in the zip bundle). A figure based on too few
 * answers is not in that file at all: the chart says 人数过少，不显示. The choice is kept in the URL
 * (?group=dispatch_level:provincial) and in localStorage, so a link or the next page opens the same view.
 * The text of the page always describes all respondents: a line above each redrawn chart says so. */
(function () {
  "use strict";

  var STORE = "zhucun-group";
  var SUPPRESSED = "人数过少，不显示";

  function stored() {
    try { return window.localStorage.getItem(STORE) || ""; } catch (error) { return ""; }
  }

  function store(key) {
    try {
      if (key) { window.localStorage.setItem(STORE, key); } else { window.localStorage.removeItem(STORE); }
    } catch (error) { /* storage refused (private mode): the URL still carries the choice */ }
  }

  function fromUrl() {
    var match = /[?&]group=([^&#]*)/.exec(window.location.search);
    // "+" joins the two halves of a crossed group ("role:first_secretary+gender:female"): never a space here.
    return match ? decodeURIComponent(match[1]) : null;
  }

  function toUrl(key) {
    if (!window.history || !window.history.replaceState) { return; }
    var params = window.location.search.replace(/^\?/, "").split("&").filter(function (part) {
      return part && !/^group=/.test(part);
    });
    if (key) { params.push("group=" + encodeURIComponent(key).replace(/%3A/g, ":").replace(/%2B/g, "+")); }
    var url = window.location.pathname + (params.length ? "?" + params.join("&") : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (error) { /* file:// in some browsers */ }
  }

  function start() {
    var menuElement = document.getElementById("zhucun-group-menu");
    if (!menuElement) { return; }
    var menu = JSON.parse(menuElement.textContent);
    var page = menuElement.getAttribute("data-page");
    var viewsUrl = new URL(menuElement.getAttribute("data-views"), document.baseURI).href;
    var byKey = {};
    menu.forEach(function (group) { byKey[group.key] = group; });

    // The charts that have group views, with what they show for all respondents.
    var charts = [];
    document.querySelectorAll("script.zhucun-chart-groups").forEach(function (recipe) {
      var id = recipe.getAttribute("data-target");
      var canvas = document.getElementById(id);
      var block = canvas && canvas.closest(".zhucun-chart");
      var spec = block && block.querySelector("script.zhucun-chart-spec");
      var table = block && block.querySelector("details.zhucun-chart-data table");
      var summary = block && block.querySelector("details.zhucun-chart-data > summary");
      if (!spec || !table || !summary) { return; }
      var note = document.createElement("p");
      note.className = "zhucun-group-note";
      note.hidden = true;
      block.insertBefore(note, block.firstChild);
      var message = document.createElement("p");
      message.className = "zhucun-group-suppressed";
      message.textContent = SUPPRESSED;
      message.hidden = true;
      canvas.parentNode.insertBefore(message, canvas.nextSibling);
      charts.push({ id: id, block: block, canvas: canvas, note: note, message: message, table: table,
                    summary: summary, figure: spec.textContent, tableHtml: table.innerHTML,
                    summaryText: summary.textContent, label: canvas.getAttribute("aria-label") });
    });
    if (!charts.length) { return; }

    // The picker: a labelled native select, at the top of the page's text.
    var picker = document.createElement("div");
    picker.className = "zhucun-group-picker";
    picker.id = "zhucun-group-picker";
    var label = document.createElement("label");
    label.setAttribute("for", "zhucun-group-select");
    label.textContent = "本页问卷图表显示的群体：";
    var select = document.createElement("select");
    select.id = "zhucun-group-select";
    var hint = document.createElement("p");
    hint.className = "zhucun-group-hint";
    hint.id = "zhucun-group-hint";
    hint.textContent = "选择一个群体，本页的问卷图表即改为该群体的数字；人数过少的群体不能选择。正文描述的始终是全部受访者。";
    select.setAttribute("aria-describedby", hint.id);
    var parent = select;
    var heading = null;
    menu.forEach(function (group) {
      if (group.heading !== heading) {
        heading = group.heading;
        parent = select;
        if (heading) {
          parent = document.createElement("optgroup");
          parent.label = heading;
          select.appendChild(parent);
        }
      }
      var option = document.createElement("option");
      option.value = group.key;
      option.textContent = group.label + (group.available ? "（n=" + group.n + "）" : "（人数过少）");
      option.disabled = !group.available;
      parent.appendChild(option);
    });
    picker.appendChild(label);
    picker.appendChild(select);
    picker.appendChild(hint);
    var heading1 = document.querySelector("article.bd-article section > h1, main section > h1");
    if (heading1 && heading1.parentNode) {
      heading1.parentNode.insertBefore(picker, heading1.nextSibling);
    } else {
      charts[0].block.parentNode.insertBefore(picker, charts[0].block);
    }

    var loading = null;
    function views() {
      if (window.zhucunGroupViews && window.zhucunGroupViews[page]) {
        return Promise.resolve(window.zhucunGroupViews[page]);
      }
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = viewsUrl;
          script.onload = function () {
            var found = window.zhucunGroupViews && window.zhucunGroupViews[page];
            if (found) { resolve(found); } else { reject(new Error("no group views for " + page)); }
          };
          script.onerror = function () { reject(new Error("cannot load " + viewsUrl)); };
          document.head.appendChild(script);
        });
        loading.catch(function () { loading = null; });
      }
      return loading;
    }

    function showFigure(chart, figureText) {
      var figure = JSON.parse(figureText);
      if (window.zhucunCharts) { window.zhucunCharts.show(chart.id, figure); }
    }

    function showAll(chart) {
      chart.note.hidden = true;
      chart.message.hidden = true;
      chart.canvas.hidden = false;
      chart.block.removeAttribute("data-group");
      chart.table.innerHTML = chart.tableHtml;
      chart.summary.textContent = chart.summaryText;
      chart.canvas.setAttribute("aria-label", chart.label);
      showFigure(chart, chart.figure);
    }

    function showGroup(chart, group, view) {
      chart.block.setAttribute("data-group", group.key);
      chart.note.hidden = false;
      var base = chart.summaryText.replace(/^查看数据：/, "");
      if (!view) {
        chart.note.textContent = "所选群体“" + group.named + "”回答本图题目的人数过少，本图不显示；正文描述的是全部受访者。";
        chart.canvas.hidden = true;
        chart.message.hidden = false;
        chart.table.innerHTML = "<tbody><tr><td>" + SUPPRESSED + "</td></tr></tbody>";
        chart.summary.textContent = "查看数据：" + base + "（" + group.named + "）";
        return;
      }
      chart.note.textContent = "本图显示“" + group.named + "”（n=" + group.n + "）的数字；正文描述的是全部受访者。";
      chart.message.hidden = true;
      chart.canvas.hidden = false;
      chart.table.innerHTML = view.table;
      chart.summary.textContent = "查看数据：" + view.title;
      chart.canvas.setAttribute("aria-label", view.title + "。" + view.alt);
      var figure = view.figure;
      if (figure.layout_changes) {  // the layout keys that differ from the page's own figure (the title)
        var layout = Object.assign({}, JSON.parse(chart.figure).layout, figure.layout_changes);
        figure = { data: figure.data, layout: layout, config: figure.config };
      }
      showFigure(chart, JSON.stringify(figure));
    }

    function apply(key) {
      var group = byKey[key];
      if (!key || !group || !group.available) {
        charts.forEach(showAll);
        document.documentElement.removeAttribute("data-zhucun-group");
        return Promise.resolve();
      }
      return views().then(function (all) {
        if (select.value !== key) { return; }  // the reader picked again meanwhile
        var chosen = all[key] || {};
        charts.forEach(function (chart) { showGroup(chart, group, chosen[chart.id]); });
        document.documentElement.setAttribute("data-zhucun-group", key);
      }, function (error) {
        console.warn("zhucun-groups: " + error.message);
        hint.textContent = "群体数据无法加载，图表仍显示全部受访者。";
        select.value = "";
        charts.forEach(showAll);
      });
    }

    select.addEventListener("change", function () {
      store(select.value);
      toUrl(select.value);
      apply(select.value);
    });

    var linked = fromUrl();
    var wanted = linked === null ? stored() : linked;
    if (!byKey[wanted] || !byKey[wanted].available) { wanted = ""; }
    select.value = wanted;
    if (linked !== null) { store(wanted); }
    if (wanted) {
      toUrl(wanted);
      apply(wanted);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
