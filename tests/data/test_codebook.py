"""The codebook must carry exactly the data contract (shared/spec/survey-instrument.md).

The contract's names and codes are written out below, by hand, from the
contract; the codebook may add variables but never rename or recode these.
"""

from __future__ import annotations

import pytest

from zhucun.data.codebook import VARIABLE_TYPES, load_codebook

AGREEMENT = [1, 2, 3, 4, 5]
CONTRACT_CODES = {
    "role": ["first_secretary", "team_member"],
    "gender": ["male", "female"],
    "age_group": ["under_30", "30_39", "40_49", "50_plus"],
    "education": ["college_or_below", "bachelor", "postgraduate"],
    "dispatch_level": ["central", "provincial", "city_county", "enterprise"],
    "village_type": ["weak_collective", "coop_led", "poverty_exited", "leader_contact", "relocation",
                     "red_beautiful", "border"],
    "synthetic": [0, 1],
}
CONTRACT_LABELS = {
    "role": ["第一书记", "工作队员"],
    "gender": ["男", "女"],
    "age_group": ["30岁以下", "30–39岁", "40–49岁", "50岁及以上"],
    "education": ["大专及以下", "本科", "硕士研究生及以上"],
    "dispatch_level": ["中央单位", "省直部门", "市县所属部门", "企业及其他"],
    "village_type": ["村集体经济薄弱的软弱涣散村", "党支部领办合作社村", "脱贫村", "省领导乡村振兴联系点村",
                     "异地扶贫搬迁安置村", "红色美丽乡村", "重点边境村"],
}
MANIFESTATION_ITEMS = {
    "p1": ["p1_beyond_duties", "p1_paperwork", "p1_fragmented"],
    "p2": ["p2_unclear_boundary", "p2_substitution", "p2_accountability"],
    "p3": ["p3_funds", "p3_unit_support", "p3_local_coordination"],
    "p4": ["p4_multiple_bosses", "p4_evaluation", "p4_attendance"],
}
CAUSE_ITEMS = {
    "c1": ["c1_admin_tasks", "c1_direct_assignment"],
    "c2": ["c2_no_mechanism", "c2_informal_rules"],
    "c3": ["c3_unit_disparity", "c3_mismatch"],
    "c4": ["c4_role_conflict", "c4_evaluator_mismatch"],
}
TIME_OPTIONS = {
    "time_paperwork": "填表报数、整理材料", "time_inspections": "迎检督查", "time_industry": "产业项目",
    "time_party_building": "党建工作", "time_mediation": "矛盾纠纷调解", "time_services": "为民办事服务",
    "time_unit_tasks": "派出单位交办事务", "time_other": "其他",
}
COUNTERMEASURE_GROUPS = {
    "g1": ("责任堆叠→责任精算", ["m_duty_list", "m_negative_list", "m_power_list"]),
    "g2": ("嵌入竞争→权威合作", ["m_whistle", "m_informal_training", "m_handover"]),
    "g3": ("角色差异→资源共享", ["m_exchange_platform", "m_joint_building"]),
    "g4": ("多维评价→一体统筹", ["m_dedicated_team", "m_evaluation", "m_error_tolerance"]),
}
SCALE_NAMES = {
    "p1": "职能冗杂且碎片化", "p2": "与乡村干部权责交叉", "p3": "资源要素调动困难", "p4": "受多重管理压力大",
    "c1": "国家体制持续渗透嵌入、村级平台职能泛化", "c2": "协同机制不完善、治理主体分离脱嵌",
    "c3": "资源嵌入不均衡、供给和需求错配", "c4": "多角色身份冲突、监督评价错位",
}


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_contract_categorical_codes_and_labels_are_exact(codebook):
    for name, codes in CONTRACT_CODES.items():
        assert list(codebook.labels(name)) == codes, name
    for name, labels in CONTRACT_LABELS.items():
        assert list(codebook.labels(name).values()) == labels, name


def test_identity_columns_required_and_never_empty(codebook):
    for name in ["respondent_id", *CONTRACT_LABELS, "tenure_months"]:
        variable = codebook.variable(name)
        assert variable.required and not variable.nullable, name
    tenure = codebook.variable("tenure_months")
    assert (tenure.type, tenure.minimum, tenure.maximum) == ("integer", 0, 60)
    assert codebook.variable("respondent_id").type == "id"
    assert not codebook.variable("synthetic").required


def test_agreement_items_and_scales(codebook):
    for kind, table in (("manifestation", MANIFESTATION_ITEMS), ("cause", CAUSE_ITEMS)):
        assert [s.id for s in codebook.scales(kind=kind)] == list(table)
        for scale_id, items in table.items():
            assert list(codebook.scale_items(scale_id)) == items
            assert codebook.scale(scale_id).name == SCALE_NAMES[scale_id]
            for item in items:
                variable = codebook.variable(item)
                assert variable.type == "likert" and variable.nullable
                assert list(codebook.labels(item)) == AGREEMENT
                assert list(codebook.labels(item).values()) == [
                    "非常不同意", "比较不同意", "一般", "比较同意", "非常同意"]


def test_overall_pressure_scale(codebook):
    assert codebook.labels("overall_pressure") == {1: "很小", 2: "较小", 3: "一般", 4: "较大", 5: "很大"}


def test_time_use_is_one_multi_select_question(codebook):
    questions = {codebook.variable(name).question for name in TIME_OPTIONS}
    assert len(questions) == 1
    question = codebook.question(questions.pop())
    assert question.kind == "multi_select" and question.max_selected == 3
    assert list(question.variables) == list(TIME_OPTIONS)
    for name, label in TIME_OPTIONS.items():
        variable = codebook.variable(name)
        assert variable.type == "multi_select_option" and not variable.nullable
        assert codebook.question_text(name) == label
        assert list(codebook.labels(name)) == [0, 1]


def test_countermeasures_groups_and_helpfulness(codebook):
    assert [s.id for s in codebook.scales(kind="countermeasure")] == list(COUNTERMEASURE_GROUPS)
    for group_id, (name, items) in COUNTERMEASURE_GROUPS.items():
        assert codebook.scale(group_id).name == name
        assert list(codebook.scale_items(group_id)) == items
        for item in items:
            assert codebook.labels(item) == {1: "没有帮助", 2: "帮助较小", 3: "一般", 4: "帮助较大", 5: "帮助很大"}


def test_every_contract_column_present_in_order(codebook):
    expected = (["respondent_id", "role", "gender", "age_group", "education", "dispatch_level", "village_type",
                 "tenure_months", "synthetic"]
                + [i for items in MANIFESTATION_ITEMS.values() for i in items]
                + [i for items in CAUSE_ITEMS.values() for i in items]
                + ["overall_pressure"] + list(TIME_OPTIONS)
                + [i for _, items in COUNTERMEASURE_GROUPS.values() for i in items])
    assert list(codebook.names)[:len(expected)] == expected


def test_every_variable_is_documented(codebook):
    numbers = [q.number for q in codebook.questions]
    assert numbers == list(range(1, len(numbers) + 1)), "questions numbered 1, 2, 3 … in order"
    for variable in codebook.variables:
        assert variable.type in VARIABLE_TYPES
        assert variable.short_label and codebook.question_text(variable.name), variable.name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in codebook.question_text(variable.name)), variable.name


def test_interview_variables(codebook):
    names = [v.name for v in codebook.interview_variables]
    assert names == ["interview_id", "role", "dispatch_level", "p1", "p2", "p3", "p4",
                     "c1", "c2", "c3", "c4", "synthetic"]
    assert codebook.interview_variable("role") is codebook.variable("role")


def test_codebook_is_cached(codebook):
    assert load_codebook() is codebook


def test_tenure_bands_are_defined_once_in_the_codebook_and_tile_the_months():
    from zhucun.data.codebook import load_codebook, parse_codebook

    bands = load_codebook().tenure_bands
    assert [(b.code, b.low, b.high) for b in bands] == [("under_12", 0, 12), ("12_23", 12, 24), ("24_plus", 24, None)]
    import yaml

    from zhucun.data.codebook import codebook_path
    raw = yaml.safe_load(codebook_path().read_text(encoding="utf-8"))
    raw["tenure_bands"][1]["from"] = 13
    with pytest.raises(ValueError, match="12_23 starts at 13"):
        parse_codebook(raw)
