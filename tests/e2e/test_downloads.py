"""Every chart and every numbered table offers its data as a CSV download, from the built book, offline.

Each button of every page is clicked in Chromium (opened from file://) and the file it gives is
read back: UTF-8 with a byte-order mark (so Excel shows the Chinese), the table's own Chinese
column headers and every row of it; data whose source line says 合成 (synthetic or mixed) are
named so in the file name and the first line, and no other file is.
"""

from __future__ import annotations

import csv
import io

from tests.conftest import reader_tab
from tests.e2e.test_browser import book_pages

TABLES = """() => [...document.querySelectorAll('.zhucun-chart, table[id^="tbl-"]')].map(e => e.matches('table') ?
  e.id : e.dataset.chartId)"""
BUTTON_TARGET = """(button) => { const source = button.closest('p');
  const chart = source.closest('.zhucun-chart');
  const table = chart ? chart.querySelector('details.zhucun-chart-data table')
                      : source.previousElementSibling.querySelector('table') || source.previousElementSibling;
  return {source: source.textContent, name: chart ? chart.dataset.chartId : table.id,
          header: [...table.querySelector('tr').querySelectorAll('th, td')].map(c => c.textContent.trim()),
          rows: table.querySelectorAll('tr').length}; }"""


def test_every_chart_and_numbered_table_downloads_its_data(browser, built_book):
    problems, downloads = [], 0
    with reader_tab(browser, accept_downloads=True) as page:
        for rel in book_pages(built_book):
            page.goto((built_book / rel).as_uri(), wait_until="load")
            expected = page.evaluate(TABLES)
            buttons = page.locator(".zhucun-csv-download")
            if buttons.count() != len(expected):
                problems.append(f"{rel}: {buttons.count()} download buttons for {len(expected)} charts and tables")
            for i in range(buttons.count()):
                button = buttons.nth(i)
                info = button.evaluate(BUTTON_TARGET)
                with page.expect_download() as caught:
                    button.click()
                download = caught.value
                raw = open(download.path(), "rb").read()
                downloads += 1
                text = raw.decode("utf-8")
                lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
                synthetic = "合成" in info["source"]
                name = download.suggested_filename
                where = f"{rel} {info['name']}"
                if not raw.startswith(b"\xef\xbb\xbf"):
                    problems.append(f"{where}: no byte-order mark")
                named = name.startswith("合成演示数据-")
                if synthetic != named or synthetic != lines[0][0].startswith("# 合成演示数据"):
                    problems.append(f"{where}: synthetic={synthetic} but file {name!r}, first line {lines[0]!r}")
                body = lines[1:] if synthetic else lines
                if body[0] != info["header"] or len(body) != info["rows"]:
                    problems.append(f"{where}: header {body[0]} / {len(body)} rows, "
                                    f"table {info['header']} / {info['rows']}")
                if name.removeprefix("合成演示数据-") != f"{info['name']}.csv":
                    problems.append(f"{where}: file name {name!r}")
    assert downloads >= 40, downloads
    assert not problems, "\n".join(problems[:20])
