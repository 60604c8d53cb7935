"""Chapter 五: framework file against the codebook, Sankey flows, rating statistics."""

import math

import pandas as pd
import pytest
import yaml

from zhucun.charts.sankey import framework_sankey
from zhucun.data.codebook import load_codebook
from zhucun.data.framework import FrameworkError, flow_links, load_countermeasure_framework, parse_framework
from zhucun.paths import data_path
from zhucun.stats.ratings import measure_ratings, ranked, rate


def _raw():
    with open(data_path("framework.yml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_book_framework_covers_every_measure_once():
    framework = load_countermeasure_framework()
    assert len(framework.measures) == 11
    assert [m.id for m in framework.measures][0] == "m_duty_list"


def test_each_measure_carries_one_unit_of_flow():
    framework = load_countermeasure_framework()
    links = flow_links(framework)
    into_measures = links[links["target_stage"] == "measure"].groupby("target")["value"].sum()
    assert into_measures.round(6).eq(1.0).all()
    for stage in ("manifestation", "cause", "lesson"):
        assert math.isclose(links.loc[links["source_stage"] == stage, "value"].sum(), 11.0)


def test_flow_splits_over_paths():
    raw = _raw()
    framework = parse_framework(raw, load_codebook())
    links = flow_links(framework).set_index(["source", "target"])["value"]
    # m_duty_list: 2 manifestations × 1 cause × 2 lessons → 4 paths of 1/4; l1 → m_duty_list carries 2 × 1/4.
    assert links[("l1", "m_duty_list")] == pytest.approx(0.5)


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw["measures"][0].update(group="g2"), "group"),
    (lambda raw: raw["measures"][0].update(causes=["c9"]), "unknown causes"),
    (lambda raw: raw["measures"][0].update(manifestations=["p2"]), "answers p1"),
    (lambda raw: raw["measures"].pop(), "each countermeasure item"),
    (lambda raw: raw["lessons"].reverse(), "lessons must be"),
])
def test_framework_errors_are_reported(change, message):
    raw = _raw()
    change(raw)
    with pytest.raises(FrameworkError, match=message):
        parse_framework(raw, load_codebook())


def test_sankey_has_every_node_and_chinese_labels():
    framework = load_countermeasure_framework()
    chart = framework_sankey(framework, chart_id="t-sankey", title="标题", source="来源", alt="说明")
    trace = chart.figure.data[0]
    assert len(trace.node.label) == 4 + 4 + 4 + 11
    assert "职能冗杂" in trace.node.label
    assert list(chart.data.columns) == ["起点环节", "起点", "终点环节", "终点", "流量"]


def test_rate_by_hand():
    # Answers 5, 4, 2, 1 and one missing: 2 of 4 rate 4–5; mean 3.
    result = rate(pd.Series([5, 4, 2, 1, None]))
    assert result["n"] == 4 and result["helpful"] == 2
    assert result["share"] == 0.5 and result["mean"] == 3.0
    # Wilson interval for 2/4 at 95%: centre (2 + z²/2)/(4 + z²) = 0.5, half-width ≈ 0.3496.
    assert result["low"] == pytest.approx(0.1500, abs=1e-4)
    assert result["high"] == pytest.approx(0.8500, abs=1e-4)
    # t interval: sd = 1.8257, t(0.975, 3) = 3.1824 → half-width 2.9051.
    assert result["mean_low"] == pytest.approx(3 - 2.9051, abs=1e-3)


def test_rate_of_nothing_is_nan():
    result = rate(pd.Series([None, None], dtype="float64"))
    assert result["n"] == 0 and math.isnan(result["share"]) and math.isnan(result["low"])


def test_ratings_by_role_and_ranking():
    codebook = load_codebook()
    items = [v for v in codebook.names if v.startswith("m_")]
    survey = pd.DataFrame({"role": ["first_secretary", "team_member", "team_member"],
                           **{item: [3, 3, 3] for item in items}})
    survey["m_handover"] = [5, 5, 1]
    ratings = measure_ratings(survey, codebook)
    assert set(ratings["subgroup"]) == {"全体", "第一书记", "工作队员"}
    top = ranked(ratings).iloc[0]
    assert top["measure"] == "m_handover" and top["share"] == pytest.approx(2 / 3)
    secretaries = ratings[(ratings["measure"] == "m_handover") & (ratings["subgroup"] == "第一书记")].iloc[0]
    assert secretaries["n"] == 1 and secretaries["share"] == 1.0
