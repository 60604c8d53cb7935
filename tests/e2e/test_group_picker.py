"""The group picker in the built book: each group on each page draws the statistics of that group's rows.

Every group offered on every page with survey charts is picked in Chromium (the book opened from
file://); every value each chart then draws (shares, means and interval ends) is compared with the same
statistic computed here, in Python, for that subset of the survey. Groups below the suppression threshold
are offered as disabled options; going back to 全部受访者 draws exactly what the page drew before; the
choice travels in the URL and, through localStorage, to the next page; the CSV gives the group's figures.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest

from tests.conftest import draw_charts, reader_tab
from tests.e2e.test_accessibility import WIDTHS, blocking_violations
from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.stats.likert import answer_shares, scale_prevalence
from zhucun.stats.multi_select import option_shares
from zhucun.stats.ratings import rate

PAGES = ("chapters/03_predicaments.html", "chapters/05_countermeasures.html", "chapters/06_conclusion.html")
TOLERANCE = 1e-9

DRAWN = """(id) => document.getElementById(id)._fullData.map(t => ({
  name: t.name, y: Array.from(t.y || []).map(String), x: Array.from(t.x || []).map(Number),
  custom: t.customdata ? Array.from(t.customdata).map(r => Number(Array.from(r)[0])) : null,
  plus: t.error_x && t.error_x.array ? Array.from(t.error_x.array).map(Number) : null,
  minus: t.error_x && t.error_x.arrayminus ? Array.from(t.error_x.arrayminus).map(Number) : null}))"""
GROUP_CHARTS = "() => [...document.querySelectorAll('script.zhucun-chart-groups')].map(s => s.dataset.target)"
SHOWN = """(key) => [...document.querySelectorAll('script.zhucun-chart-groups')].every(s => {
  const block = document.getElementById(s.dataset.target).closest('.zhucun-chart');
  const canvas = document.getElementById(s.dataset.target);
  return (block.getAttribute('data-group') || '') === key &&
         (canvas.hidden || canvas.getAttribute('data-drawn') === 'true'); })"""


def group_rows(survey: pd.DataFrame, key: str) -> pd.Series:
    """The respondents of a picker's group key ("role:first_secretary+tenure_band:24_plus"), computed here."""
    rows = pd.Series(True, index=survey.index)
    bands = {band.code: band for band in load_codebook().tenure_bands}
    for part in key.split("+"):
        name, code = part.split(":")
        if name == "tenure_band":
            band = bands[code]
            months = survey["tenure_months"]
            rows &= (months >= band.low) & (months < (math.inf if band.high is None else band.high))
        else:
            rows &= survey[name].astype(str) == code
    return rows


def expected_values(chart_id: str, subset: pd.DataFrame) -> dict[tuple[str, str], dict[str, float]]:
    """(trace name or '', category label) → the values the chart must draw for *subset*."""
    codebook = load_codebook()
    out = {}
    if chart_id.startswith("ch3-likert-"):
        items = codebook.scale_items(chart_id.removeprefix("ch3-likert-"))
        shares = answer_shares(subset, items)
        for code in codebook.answer_scales["agreement"].codes:
            for item in items:
                value = shares.loc[item, code.code]
                out[(code.label, codebook.short_label(item))] = {"custom": 0.0 if pd.isna(value) else float(value)}
    elif chart_id == "ch3-time-use":
        table = option_shares(subset, codebook.block("time_use").variables)
        for row in table.itertuples():
            out[("", codebook.short_label(row.option))] = {"x": row.share}
    elif chart_id == "ch5-measure-ratings":
        for scale in codebook.scales("countermeasure"):
            for item in scale.items:
                rating = rate(subset[item])
                out[("", codebook.short_label(item))] = {"x": rating["share"], "low": rating["low"],
                                                         "high": rating["high"]}
    elif chart_id == "ch6-manifestation-scores":
        for row in scale_prevalence(subset).itertuples():
            out[("", row.name)] = {"x": row.share, "low": row.low, "high": row.high}
    else:
        raise AssertionError(f"no Python statistic for chart {chart_id}: add it here")
    return out


def drawn_values(traces: list[dict], chart_id: str) -> dict[tuple[str, str], dict[str, float]]:
    out = {}
    likert = chart_id.startswith("ch3-likert-")
    for trace in traces:
        for i, label in enumerate(trace["y"]):
            value = {"x": trace["x"][i]}
            if trace["custom"] is not None:
                value["custom"] = trace["custom"][i]
            if trace["plus"] is not None:
                value["high"] = trace["x"][i] + trace["plus"][i]
                value["low"] = trace["x"][i] - trace["minus"][i]
            out[(trace["name"] if likert else "", label)] = value
    return out


def compare(chart_id: str, key: str, drawn: dict, expected: dict) -> list[str]:
    problems = []
    if set(drawn) != set(expected):
        return [f"{chart_id} {key}: draws {sorted(drawn)} but expected {sorted(expected)}"]
    for where, values in expected.items():
        for name, value in values.items():
            got = drawn[where].get(name)
            if got is None or not np.isclose(got, value, atol=TOLERANCE, rtol=0):
                problems.append(f"{chart_id} {key} {where} {name}: drawn {got}, Python {value}")
    return problems


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.mark.parametrize("rel", PAGES)
def test_each_group_draws_the_statistics_of_its_rows(browser, built_book, survey, rel):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((built_book / rel).as_uri(), wait_until="load")
    draw_charts(page)
    charts = page.evaluate(GROUP_CHARTS)
    assert charts, f"{rel}: no chart with group views"
    before = {chart_id: page.evaluate(DRAWN, chart_id) for chart_id in charts}
    menu = page.evaluate("() => JSON.parse(document.getElementById('zhucun-group-menu').textContent)")
    options = page.evaluate("""() => [...document.querySelectorAll('#zhucun-group-select option')]
        .map(o => ({key: o.value, disabled: o.disabled}))""")
    assert options == [{"key": g["key"], "disabled": not g["available"]} for g in menu]
    assert page.evaluate("() => document.getElementById('zhucun-group-select').labels.length") == 1
    problems, compared = [], 0
    for group in menu:
        if not group["available"] or not group["key"]:
            continue
        key = group["key"]
        page.select_option("#zhucun-group-select", key)
        page.wait_for_function(SHOWN, arg=key, timeout=30_000)
        subset = survey[group_rows(survey, key)]
        assert len(subset) == group["n"], key
        for chart_id in charts:
            if page.evaluate("(id) => document.getElementById(id).hidden", chart_id):
                continue  # said 人数过少，不显示: nothing was shipped for it
            title = page.evaluate("(id) => document.getElementById(id)._fullLayout.title.text", chart_id)
            if f"n={len(subset)}" not in title.replace("<br>", ""):
                problems.append(f"{chart_id} {key}: title {title!r} does not give n={len(subset)}")
            drawn = drawn_values(page.evaluate(DRAWN, chart_id), chart_id)
            problems += compare(chart_id, key, drawn, expected_values(chart_id, subset))
            compared += 1
    page.select_option("#zhucun-group-select", "")
    page.wait_for_function(SHOWN, arg="", timeout=30_000)
    page.wait_for_timeout(500)
    after = {chart_id: page.evaluate(DRAWN, chart_id) for chart_id in charts}
    context.close()
    assert after == before, f"{rel}: 全部受访者 draws other values after a group was picked"
    assert not problems, "\n".join(problems[:20])
    assert compared >= 20 * len(charts), compared


def test_the_choice_travels_in_the_url_and_to_the_next_page_and_the_csv_is_the_groups(browser, built_book):
    context = browser.new_context(viewport={"width": 390, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.goto((built_book / PAGES[1]).as_uri() + "?group=gender:female", wait_until="load")
    assert page.input_value("#zhucun-group-select") == "gender:female"
    page.goto((built_book / PAGES[2]).as_uri(), wait_until="load")  # no group in this link: remembered
    assert page.input_value("#zhucun-group-select") == "gender:female"
    assert "group=gender:female" in page.evaluate("() => decodeURIComponent(location.search)")
    draw_charts(page)
    page.wait_for_function(SHOWN, arg="gender:female", timeout=30_000)
    note = page.text_content(".zhucun-group-note")
    assert "女" in note and "正文描述的是全部受访者" in note
    button = page.locator('.zhucun-chart[data-chart-id="ch6-manifestation-scores"] .zhucun-csv-download')
    with page.expect_download() as caught:
        button.click()
    download = caught.value
    text = open(download.path(), encoding="utf-8-sig").read()
    lines = list(csv.reader(io.StringIO(text)))
    assert "gender-female" in download.suggested_filename
    assert "（性别：女，n=" in lines[0][0]  # the synthetic line names the chart with its group
    shown = page.evaluate("""() => [...document.querySelectorAll(
        '.zhucun-chart[data-chart-id="ch6-manifestation-scores"] details table tr')]
        .map(r => [...r.querySelectorAll('th, td')].map(c => c.textContent.trim()))""")
    assert lines[1:] == shown
    page.select_option("#zhucun-group-select", "")
    assert "group=" not in page.evaluate("() => location.search")
    context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation_with_a_group_picked(browser, served_book, node_tools, mode,
                                                                         width):
    axe = (node_tools / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    problems = []
    with reader_tab(browser, WIDTHS[width], mode=mode) as page:
        for rel in PAGES:
            page.goto(served_book + rel + "?group=role:first_secretary", wait_until="load")
            draw_charts(page)
            page.wait_for_function(SHOWN, arg="role:first_secretary", timeout=30_000)
            problems += [f"{rel} [{mode}, {width}]: {v}" for v in blocking_violations(page, axe)]
    assert not problems, "\n".join(problems)
