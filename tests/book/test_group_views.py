"""The charts' group views (zhucun/book/group_views.py): the right subsets, the suppression rule, no respondent data.

The recipes below are those the chapters' charts carry (chapters 三, 五 and 结论 pass ``by_group``); the
browser test (tests/e2e/test_group_picker.py) compares what the built pages draw with the statistics.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from zhucun.book.group_views import (
    THRESHOLD,
    group_chart,
    page_group_views,
    reader_groups,
    views_script,
)
from zhucun.charts.basic import bar_chart
from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.paths import book_root
from zhucun.stats.disclosure import suppress_small_counts
from zhucun.stats.likert import answer_shares, scale_prevalence
from zhucun.stats.multi_select import option_shares


def _recipe(statistic, builder, columns, **arguments):
    return {"statistic": statistic, "builder": builder, "columns": columns,
            "arguments": {"chart_id": "t-chart", "title": "图题", "source": "来源", "alt": "说明", **arguments}}


RATING_COLUMNS = ["对策", "对策组", "群体", "回答人数", "认为帮助较大或很大的比例", "95%区间下限", "95%区间上限",
                  "平均评分"]
RECIPES = {
    "ch3-likert-p1": _recipe({"statistic": "likert_shares", "scale": "p1"}, "diverging_likert_chart",
                             ["题项", "非常不同意", "比较不同意", "一般", "比较同意", "非常同意"]),
    "ch3-time-use": _recipe({"statistic": "option_shares", "block": "time_use"}, "bar_chart",
                            ["工作事项", "群体", "选择比例"], category="工作事项", value="选择比例", group="群体",
                            percent=True),
    "ch5-measure-ratings": _recipe({"statistic": "measure_ratings"}, "interval_chart", RATING_COLUMNS,
                                   category="对策", estimate="认为帮助较大或很大的比例", low="95%区间下限",
                                   high="95%区间上限", group="群体", percent=True),
    "ch6-manifestation-scores": _recipe({"statistic": "scale_prevalence", "kind": "manifestation"}, "bar_chart",
                                        ["困境表现", "有效人数", "普遍程度", "95%区间下限", "95%区间上限"],
                                        category="困境表现", value="普遍程度", error_low="95%区间下限",
                                        error_high="95%区间上限", percent=True),
}


@pytest.fixture(scope="module")
def survey():
    return load_survey()


def test_a_builder_given_by_group_carries_its_recipe_and_the_page_carries_it_as_json():
    data = pd.DataFrame({"类": ["甲", "乙"], "值": [1.0, 2.0]})
    chart = bar_chart(data, category="类", value="值", chart_id="t-bar", title="题", source="源", alt="说明",
                      by_group={"statistic": "scale_prevalence"})
    assert chart.group_recipe["builder"] == "bar_chart"
    assert chart.group_recipe["arguments"]["category"] == "类" and chart.group_recipe["columns"] == ["类", "值"]
    assert 'class="zhucun-chart-groups" data-target="t-bar"' in chart.to_html()
    plain = bar_chart(data, category="类", value="值", chart_id="t-bar", title="题", source="源", alt="说明")
    assert plain.group_recipe is None and "zhucun-chart-groups" not in plain.to_html()


def test_groups_cover_each_variable_and_the_crosses_with_role(survey):
    codebook = load_codebook()
    groups = reader_groups(survey, codebook)
    keys = [g.key for g in groups]
    assert keys[0] == "" and groups[0].n == len(survey)
    assert "dispatch_level:provincial" in keys and "tenure_band:24_plus" in keys
    assert "role:first_secretary+gender:female" in keys
    # Tenure bands are the codebook's.
    months = survey["tenure_months"]
    band = next(g for g in groups if g.key == "tenure_band:12_23")
    assert band.n == int(((months >= 12) & (months < 24)).sum()) and band.label == "12–23个月"
    # The groups of one variable partition the sample.
    assert sum(g.n for g in groups if g.key.startswith("village_type:")) == len(survey)


def test_a_group_figure_is_the_statistic_of_that_groups_rows(survey):
    group = next(g for g in reader_groups(survey) if g.key == "gender:female")
    subset = survey[survey["gender"] == "female"]
    codebook = load_codebook()
    chart, _ = group_chart(RECIPES["ch3-likert-p1"], survey, group)
    expected = answer_shares(subset, codebook.scale_items("p1"))[[1, 2, 3, 4, 5]].to_numpy()
    np.testing.assert_allclose(chart.data.iloc[:, 1:].to_numpy(dtype=float), expected)
    assert chart.title == f"图题（性别：女，n={len(subset)}）"
    chart, _ = group_chart(RECIPES["ch6-manifestation-scores"], survey, group)
    np.testing.assert_allclose(chart.data["普遍程度"], scale_prevalence(subset)["share"])
    chart, _ = group_chart(RECIPES["ch3-time-use"], survey, group)
    shares = option_shares(subset, codebook.block("time_use").variables)
    drawn = chart.data.set_index("工作事项")["选择比例"]
    np.testing.assert_allclose(drawn.loc[[codebook.short_label(v) for v in shares["option"]]], shares["share"])
    # In the whole sample's order, as the chapter draws it.
    whole = option_shares(survey, codebook.block("time_use").variables)
    assert list(drawn.index) == [codebook.short_label(v) for v in whole["option"]]


def _tiny_survey(survey, village_types):
    """The survey with its village types replaced (to make small groups on purpose)."""
    return survey.assign(village_type=pd.Categorical(village_types, categories=survey["village_type"].cat.categories)
                         if isinstance(survey["village_type"].dtype, pd.CategoricalDtype) else village_types)


def test_small_groups_and_those_subtraction_would_reveal_are_unavailable(survey):
    """The book's row/column rule on 驻村身份 × the other variable, with totals: a hidden cell is no group."""
    village = np.where(np.arange(len(survey)) < 3, "border", survey["village_type"].astype(str)).astype(object)
    village[(village == "border") & (np.arange(len(survey)) >= 3)] = "relocation"
    frame = _tiny_survey(survey, village)
    available = {g.key: g.available for g in reader_groups(frame)}
    assert not available["village_type:border"]  # 3 respondents
    assert not any(available[f"role:{r}+village_type:border"] for r in ("first_secretary", "team_member"))
    codes = list(load_codebook().labels("village_type"))
    table = pd.crosstab(pd.Categorical(frame["role"].astype(str), categories=["first_secretary", "team_member"]),
                        pd.Categorical(village, categories=codes), dropna=False).astype("int64")
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    hidden = suppress_small_counts(table, THRESHOLD).suppressed
    for role in ("first_secretary", "team_member"):
        for code in codes:
            if hidden.loc[role, code]:
                assert not available[f"role:{role}+village_type:{code}"], (role, code)
    # A cell the rule hides although it is large (secondary suppression) is unavailable too.
    secondary = [(r, c) for r in ("first_secretary", "team_member") for c in codes
                 if hidden.loc[r, c] and table.loc[r, c] >= THRESHOLD]
    assert all(not available[f"role:{r}+village_type:{c}"] for r, c in secondary)


def test_a_category_hidden_on_its_own_hides_its_crossed_groups(survey):
    """驻村类型 with one category of 2 respondents: the one-way rule hides a second category as well, whose
    crossed groups (each large enough) would otherwise add up to it."""
    village = survey["village_type"].astype(str).to_numpy().copy()
    village[village == "border"] = "relocation"
    village[:2] = "border"
    frame = _tiny_survey(survey, village)
    groups = {g.key: g for g in reader_groups(frame)}
    hidden = [key for key, g in groups.items() if key.startswith("village_type:") and not g.available]
    assert "village_type:border" in hidden and len(hidden) >= 2
    for key in hidden:
        code = key.split(":")[1]
        assert not any(groups[f"role:{role}+village_type:{code}"].available
                       for role in ("first_secretary", "team_member")), key


@pytest.mark.slow  # computes every page's group views, the build's own step, on a copy of the book
def test_no_respondent_id_nor_a_rare_combination_reaches_a_shipped_file(tmp_path, monkeypatch):
    """A private file in a copy of the book: unique ids and two respondents of a rare combination."""
    root = book_root()
    shutil.copy(root / "_toc.yml", tmp_path / "_toc.yml")
    shutil.copytree(root / "data", tmp_path / "data", ignore=shutil.ignore_patterns("private"))
    rows = pd.read_csv(root / "data" / "survey_responses.csv", dtype=str, keep_default_na=False)
    rows["respondent_id"] = [f"SECRET-{i:04d}-QX" for i in range(len(rows))]
    rare = rows.index[:2]
    rows.loc[rows["village_type"] == "border", "village_type"] = "poverty_exited"
    rows.loc[rare, ["role", "village_type", "gender", "age_group"]] = ["first_secretary", "border", "female", "50_plus"]
    (tmp_path / "data" / "private").mkdir()
    rows.to_csv(tmp_path / "data" / "private" / "survey_responses.csv", index=False)
    monkeypatch.chdir(tmp_path)
    survey = load_survey()
    assert survey["respondent_id"].str.startswith("SECRET-").all()

    menu, views = page_group_views(RECIPES, survey)
    script = views_script("chapters/test", views)
    shipped = script + json.dumps(menu, ensure_ascii=False)
    assert "SECRET-" not in shipped and "respondent_id" not in shipped
    rare_keys = ["village_type:border", "role:first_secretary+village_type:border"]
    for key in rare_keys:
        entry = next(item for item in menu if item["key"] == key)
        assert entry["available"] is False and "n" not in entry  # its size is not shipped either
        assert key not in views and f'"{key}"' not in script  # the menu lists it, as unavailable
    # Every shipped figure rests on at least the threshold of respondents.
    for key, charts in views.items():
        assert next(item for item in menu if item["key"] == key)["n"] >= THRESHOLD
        assert set(charts) == set(RECIPES)
