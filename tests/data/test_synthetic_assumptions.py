"""The synthetic data's assumptions as the appendix shows them (zhucun.data.synthetic_assumptions).

The expected values below were read off data/synthetic_assumptions.yml and
data/codebook.yml by hand; the arithmetic ones were worked out on paper.
"""

from __future__ import annotations

import copy
import re

import numpy as np
import pandas as pd
import pytest

from zhucun.data import synthetic_assumptions as at
from zhucun.data.codebook import load_codebook
from zhucun.data.synthetic import load_assumptions
from zhucun.paths import data_path

CHINESE = re.compile(r"[\u4e00-\u9fff]")
CAUSES = ["平台职能泛化", "协同机制不完善", "资源供需错配", "角色冲突与评价错位"]
MANIFESTATIONS = ["职能冗杂且碎片化", "与乡村干部权责交叉", "资源要素调动困难", "受多重管理压力大"]
MANIFESTATION_SHORT = ["职能冗杂", "权责交叉", "资源难调动", "多重管理"]


@pytest.fixture()
def assumptions():
    """A private copy: load_assumptions() is cached, so the tests must never change its dict."""
    return copy.deepcopy(load_assumptions())


def test_profile_shares_equal_the_yaml():
    table = at.profile_assumptions()
    codebook = load_codebook()
    assert table.columns.tolist() == ["变量", "类别", "假设占比"]
    # 2 roles + 2 genders + 4 age groups + 3 education levels + 4 dispatch levels + 7 village types.
    assert len(table) == 22
    assert table.iloc[0].tolist() == ["驻村身份", "第一书记", 0.55]
    indexed = table.set_index(["变量", "类别"])["假设占比"]
    assert indexed[("性别", "女")] == 0.26
    assert indexed[("年龄", "30–39岁")] == 0.36
    assert indexed[("派出单位层级", "中央单位")] == 0.06
    assert indexed[("驻村类型", "脱贫村")] == 0.28
    # Every share is the YAML's value, under the codebook's Chinese label.
    profile = load_assumptions()["profile"]
    for variable in at.PROFILE_VARIABLES:
        for code, share in profile[variable].items():
            assert indexed[(codebook.short_label(variable), codebook.labels(variable)[code])] == share
    assert table.groupby("变量", sort=False)["假设占比"].sum().round(10).eq(1.0).all()
    assert table["类别"].map(lambda text: bool(CHINESE.search(text))).all()


def test_tenure_distribution():
    assert at.tenure_distribution() == {"shape": 2.2, "scale": 8.0, "max": 60, "mean": pytest.approx(17.6)}


def test_cause_correlations_labelled_with_the_causes_short_names():
    table = at.cause_correlations()
    assert table.shape == (4, 4)
    assert table.index.tolist() == CAUSES and table.columns.tolist() == CAUSES
    assert table.index.name == "成因因子"
    assert table.loc["平台职能泛化", "角色冲突与评价错位"] == 0.40
    assert table.loc["协同机制不完善", "资源供需错配"] == 0.30
    assert np.array_equal(table.to_numpy(), np.asarray(load_assumptions()["causes"]["correlation"]))
    assert (np.diag(table.to_numpy()) == 1).all() and np.array_equal(table.to_numpy(), table.to_numpy().T)


def test_manifestation_weights_rows_manifestations_columns_causes_plus_noise():
    table = at.manifestation_weights()
    assert table.shape == (4, 5)
    assert table.index.tolist() == MANIFESTATION_SHORT
    assert table.columns.tolist() == [*CAUSES, "噪声标准差"]
    assert table.loc["多重管理", "平台职能泛化"] == 0.20
    assert table.loc["职能冗杂", "平台职能泛化"] == 0.65
    assert (table["噪声标准差"] == 0.60).all()
    assert np.array_equal(table[CAUSES].to_numpy(), np.asarray(load_assumptions()["manifestations"]["cause_weights"]))


def test_group_effects_in_chinese():
    table = at.group_effects()
    assert set(table["受影响的表现"]) <= set(MANIFESTATIONS)
    assert table.columns.tolist() == ["分组变量", "类别", "受影响的表现", "潜变量效应"]
    # role: 2 effects; dispatch level: 1 + 1 + 1 + 2; tenure: 2.
    assert len(table) == 9
    rows = {tuple(row[:3]): row[3] for row in table.itertuples(index=False)}
    assert rows[("驻村身份", "第一书记", "受多重管理压力大")] == 0.30
    assert rows[("派出单位层级", "中央单位", "资源要素调动困难")] == -0.45
    assert rows[("派出单位层级", "企业及其他", "受多重管理压力大")] == -0.10
    assert rows[("驻村时长", at.TENURE_EFFECT_CATEGORY, "与乡村干部权责交叉")] == -0.12
    assert not table.drop(columns="潜变量效应").map(lambda text: "_" in text).any().any()


@pytest.mark.parametrize("change, named", [
    (lambda a: a["profile"]["role"].update(chairman=0.1), "chairman"),
    (lambda a: a["profile"].update(income={"high": 1.0}), "income"),
    (lambda a: a["profile"]["gender"].pop("female"), "female"),
])
def test_unknown_or_missing_profile_codes_are_refused(assumptions, change, named):
    change(assumptions)
    with pytest.raises(at.AssumptionError, match=named):
        at.profile_assumptions(assumptions)


@pytest.mark.parametrize("change, named", [
    (lambda a: a["manifestations"]["group_effects"]["role"].update(chairman={"p1": 0.1}), "chairman"),
    (lambda a: a["manifestations"]["group_effects"].update(gender={"female": {"p1": 0.1}}), "gender"),
    (lambda a: a["manifestations"]["group_effects"]["role"]["first_secretary"].update(p9=0.1), "p9"),
    (lambda a: a["manifestations"]["group_effects"]["role"]["first_secretary"].update(c1=0.1), "c1"),
])
def test_unknown_group_effects_are_refused(assumptions, change, named):
    change(assumptions)
    with pytest.raises(at.AssumptionError, match=named):
        at.group_effects(assumptions)


def test_unknown_scales_and_wrong_shapes_are_refused(assumptions):
    bad = copy.deepcopy(assumptions)
    bad["causes"]["order"] = ["c1", "c2", "c3", "c9"]
    with pytest.raises(at.AssumptionError, match="c9"):
        at.cause_correlations(bad)
    bad = copy.deepcopy(assumptions)
    bad["manifestations"]["order"] = ["p1", "p2", "p3", "c4"]   # a cause is not a manifestation
    with pytest.raises(at.AssumptionError, match="c4"):
        at.manifestation_weights(bad)
    bad = copy.deepcopy(assumptions)
    bad["causes"]["correlation"] = bad["causes"]["correlation"][:3]
    with pytest.raises(at.AssumptionError, match="shape"):
        at.cause_correlations(bad)


def test_manifestation_sd_by_hand():
    # p1: weights .65 .10 .05 .15 → squares .4575, cross terms 2 × .07775 = .1555; plus noise .36 → .973.
    assert at.manifestation_sd()["p1"] == pytest.approx(np.sqrt(0.973))


def test_own_cause_dominates(assumptions):
    assert at.own_cause_dominates(assumptions)
    assumptions["manifestations"]["cause_weights"][0] = [0.10, 0.65, 0.05, 0.15]
    assert not at.own_cause_dominates(assumptions)


def test_category_of_zero_cuts_like_the_generator():
    assert at.category_of_zero([-1.60, -0.85, -0.10, 0.95]) == 4
    assert at.category_of_zero([-1.0, 1.0]) == 2
    assert at.category_of_zero([0.0, 1.0]) == 1   # searchsorted(side="left"): exactly on a threshold goes below


def test_largest_group_effect(assumptions):
    assert at.largest_group_effect("role", assumptions) == ("first_secretary", "p4", 0.30)
    assert at.largest_group_effect("dispatch_level", assumptions) == ("central", "p3", -0.45)
    assert at.largest_group_effect("gender", assumptions) is None


def test_committed_files_match_their_documented_commands(tmp_path):
    seed = load_assumptions()["seed_of_committed_files"]
    assert at.matches_documented_command(data_path("survey_responses.csv"), "survey", 124, seed)
    assert at.matches_documented_command(data_path("interviews_coded.csv"), "interviews", 20, seed)
    assert not at.matches_documented_command(data_path("survey_responses.csv"), "survey", 124, seed + 1)
    changed = tmp_path / "survey.csv"
    changed.write_bytes(data_path("survey_responses.csv").read_bytes().replace(b"R001,", b"R999,", 1))
    assert not at.matches_documented_command(changed, "survey", 124, seed)
    # The same rows in another order are still what the command writes.
    header, *rows = data_path("survey_responses.csv").read_bytes().split(b"\n")
    changed.write_bytes(b"\n".join([header, *reversed(rows)]))
    assert at.matches_documented_command(changed, "survey", 124, seed)
    with pytest.raises(ValueError, match="kind"):
        at.matches_documented_command(changed, "other", 124, seed)


def test_display_formats():
    assert at.format_assumption(0.3) == "0.30"
    assert at.format_assumption(1) == "1.00"
    assert at.format_assumption(-0.45) == "-0.45"
    assert at.format_assumption(0.125) == "0.125"
    assert at.format_assumed_share(0.55) == "55%"
    assert at.format_assumed_share(0.145) == "14.5%"
    shown = at.for_display(at.cause_correlations())
    assert shown.columns.tolist() == ["成因因子", *CAUSES]
    assert shown.iloc[0].tolist() == ["平台职能泛化", "1.00", "0.35", "0.25", "0.40"]
    profile = at.for_display(at.profile_assumptions(), shares=("假设占比",))
    assert profile.iloc[0].tolist() == ["驻村身份", "第一书记", "55%"]
    assert isinstance(at.for_display(pd.DataFrame({"x": [1.5]})).iloc[0, 0], str)
