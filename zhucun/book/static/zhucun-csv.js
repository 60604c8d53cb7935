/* A 下载数据（CSV） button under every chart and every numbered table: the numbers of
 * its data table as a CSV file that Excel opens with the Chinese intact (UTF-8 with a
 * byte-order mark, Chinese column headers), made in the browser, so it works offline
 * and from file://. Data whose source line says 合成 (the book's wording for synthetic
 * and mixed survey or interview data, zhucun/prose/data_description.py) get a file
 * name and a first line that say they are synthetic demonstration data.
 * Added by script: without JavaScript (or in print) there is no button that cannot work. */
(function () {
  "use strict";

  var SYNTHETIC_LINE = "# 合成演示数据，不是真实调查结果，不能作为研究发现引用";

  function cell(text) {
    var value = text.replace(/\s+/g, " ").trim();
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function csvOf(table) {
    return Array.prototype.map.call(table.querySelectorAll("tr"), function (row) {
      return Array.prototype.map.call(row.querySelectorAll("th, td"), function (c) { return cell(c.textContent); })
        .join(",");
    }).join("\r\n");
  }

  // The data table, file name and title a source line belongs to (null: none).
  function target(source) {
    var chart = source.closest(".zhucun-chart");
    if (chart) {
      var summary = chart.querySelector("details.zhucun-chart-data > summary");
      // A chart redrawn for one group of respondents (zhucun-groups.js): the file is named after the group.
      var group = (chart.getAttribute("data-group") || "").replace(/[^A-Za-z0-9_-]+/g, "-");
      return { table: chart.querySelector("details.zhucun-chart-data table"),
               name: chart.getAttribute("data-chart-id") + (group ? "-" + group : ""),
               title: summary ? summary.textContent.replace(/^查看数据：/, "") : "" };
    }
    var before = source.previousElementSibling;
    var table = before && (before.matches("table") ? before : before.querySelector("table"));
    if (!table || !table.id) { return null; }
    var caption = table.querySelector("caption .caption-text");
    return { table: table, name: table.id, title: caption ? caption.textContent : "" };
  }

  function download(found, synthetic) {
    var lines = synthetic ? [cell(SYNTHETIC_LINE + "：" + found.title)] : [];
    lines.push(csvOf(found.table));
    var blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (synthetic ? "合成演示数据-" : "") + found.name + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function addButtons() {
    document.querySelectorAll("p.zhucun-chart-source").forEach(function (source) {
      var found = target(source);
      if (!found || !found.table || source.querySelector(".zhucun-csv-download")) { return; }
      var synthetic = source.textContent.indexOf("合成") !== -1;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "zhucun-csv-download";
      button.textContent = "下载数据（CSV）";
      button.setAttribute("data-file", (synthetic ? "合成演示数据-" : "") + found.name + ".csv");
      // Found again at the click: the group picker may have changed the table, its title and the file name.
      button.addEventListener("click", function () { download(target(source), synthetic); });
      source.appendChild(document.createTextNode(" "));
      source.appendChild(button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
