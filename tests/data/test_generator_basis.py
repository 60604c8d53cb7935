"""Which stated results the generator's assumptions set, and the three-state label that says so."""

import copy

import pytest

from zhucun.data.survey import DataState
from zhucun.data.synthetic import load_assumptions
from zhucun.data.synthetic_assumptions import (
    AssumptionError,
    GeneratorBasis,
    group_difference_basis,
    measure_order_basis,
    scale_order_basis,
)
from zhucun.prose.data_description import generator_label


@pytest.fixture(scope="module")
def assumptions():
    return load_assumptions()


def test_measure_order_follows_the_group_bases_and_not_within_a_group(assumptions):
    # bases g1 0.45 > g4 0.40 > g3 0.30 > g2 0.25
    basis = measure_order_basis("m_power_list", "m_whistle", assumptions)     # g1 against g2
    assert basis.set_by_assumptions and basis.direction == 1 and "0.45" in basis.assumption
    assert "按这些假设预期为" in basis.expected and "0.45" in basis.assumption_en
    assert measure_order_basis("m_whistle", "m_power_list", assumptions).direction == -1
    # g1 against g4: the higher base is offset by p4's larger group effects, the expected shares differ by
    # less than a point, so the assumptions set no order worth the name
    near = measure_order_basis("m_power_list", "m_evaluation", assumptions)
    assert not near.set_by_assumptions and near.expected
    assert not measure_order_basis("m_power_list", "m_duty_list", assumptions).set_by_assumptions  # both g1
    equal = copy.deepcopy(assumptions)
    equal["countermeasures"]["base"] = dict.fromkeys(equal["countermeasures"]["base"], 0.3)
    equal["manifestations"]["group_effects"] = {}
    assert not measure_order_basis("m_power_list", "m_evaluation", equal).set_by_assumptions
    with pytest.raises(AssumptionError):
        measure_order_basis("p1", "m_power_list", assumptions)


def test_scale_order_follows_the_shifts_and_the_mean_group_effects(assumptions):
    basis = scale_order_basis("p1", "p4", assumptions)  # shifts 0.35 > 0.25
    assert basis.set_by_assumptions and basis.direction == 1 and "0.35" in basis.assumption
    assert scale_order_basis("p4", "p1", assumptions).direction == -1
    same = copy.deepcopy(assumptions)
    same["items"]["scale_shift"]["c2"] = same["items"]["scale_shift"]["c3"]
    assert not scale_order_basis("c2", "c3", same).set_by_assumptions  # causes: shift only, equal shifts


def test_group_differences_only_where_an_effect_is_assumed(assumptions):
    assert group_difference_basis("role", "p4", assumptions).set_by_assumptions       # first secretary +0.30
    assert group_difference_basis("role", "m_evaluation", assumptions).set_by_assumptions  # g4 answers p4
    assert not group_difference_basis("role", "p2", assumptions).set_by_assumptions
    assert not group_difference_basis("role", "m_handover", assumptions).set_by_assumptions  # g2 answers p2
    assert not group_difference_basis("role", "c1", assumptions).set_by_assumptions
    assert group_difference_basis("tenure_months", "p2", assumptions).direction == -1


@pytest.mark.parametrize("kind, rows, synthetic", [("synthetic", 124, 124), ("mixed", 124, 20), ("real", 124, 0)])
def test_the_label_in_each_data_state(kind, rows, synthetic):
    state = DataState(kind, rows, synthetic)
    set_ = GeneratorBasis(True, "对策组基线：第1组0.45、第4组0.40", 1)
    against = GeneratorBasis(True, "量表位置偏移：多重管理0.25、职能冗杂0.35", -1)
    chance = GeneratorBasis(False, "")
    artefact = GeneratorBasis(False, "", artefact="只通过因子间接起作用")
    labels = [generator_label(b, state) for b in (set_, against, chance, artefact)]
    if kind == "real":
        assert labels == ["", "", "", ""]
        assert generator_label(set_, state, "en") == ""
        return
    assert labels[0].startswith("（" + ("数据含合成答卷，" if kind == "mixed" else "") + "由生成器假设设定")
    assert "第1组0.45" in labels[0]
    assert "偶然结果" in labels[1] and "正相反" in labels[1] and "0.35" in labels[1]
    assert "偶然结果" in labels[2] and "没有设定" in labels[2]
    assert "人为结果" in labels[3]
    assert "set by the generator" in generator_label(set_, state, "en")
