"""The conclusion's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters import countermeasures
from zhucun.chapters.conclusion import analyse, policy_phrase, support_strength
from zhucun.data.survey import load_survey
from zhucun.number_format import format_share
from zhucun.stats.headlines import strongest_manifestation
from zhucun.stats.likert import scale_scores


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return analyse(survey)


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("06_conclusion"))
    assert "fig-ch6-manifestation-scores" in prose


def test_best_measure_is_chapter_five_s(result, survey):
    five = countermeasures.analyse(survey)
    wording = "获评程度（认为帮助较大或很大的受访者比例）"
    assert result.texts["ch6_best_leader"] == five.texts["ch5_top_sentence"].replace("获评程度", wording, 1)
    assert result.texts["ch6_measures"] == five.texts["ch5_measures"]
    assert "生成器假设" in result.texts["ch6_best_leader"] and "95%区间" in result.texts["ch6_best_leader"]


def test_the_strongest_manifestation_is_the_books_headline(result, survey):
    leader = strongest_manifestation(survey)
    assert result.headlines.strongest_manifestation == leader
    assert result.prevalence["share"].max() == leader.value == result.score_chart_data["普遍程度"].max()  # exact
    assert list(result.means["mean"]) == pytest.approx(list(scale_scores(survey, kind="manifestation").mean()))
    sentence = result.texts["ch6_strongest_leader"]
    assert f"“{leader.label}”（{format_share(leader.value)}）" in sentence and "McNemar" in sentence
    assert "95%区间" in sentence and "生成器假设" in sentence  # the difference and where the order comes from
    # The difference is judged by the paired test, never by interval overlap.
    assert ("确实高于" in sentence) == leader.ahead and "重叠" not in sentence
    assert "{glue}`ch6_strongest_leader`" in result.texts["ch6_strongest_sentence"]
    assert result.checks["最强表现"] == leader.ids


def test_one_scale_and_no_scale(survey):
    blocks = {"p1": ["p1_"], "p2": ["p2_"], "p3": ["p3_"], "p4": ["p4_"]}
    def without(*names):
        return survey.drop(columns=[c for c in survey.columns if any(c.startswith(blocks[n][0]) for n in names)])
    one = analyse(without("p1", "p2", "p3"))
    assert "唯一一种表现" in one.texts["ch6_strongest_sentence"]
    assert one.texts["ch6_strongest_name"] == "“受多重管理压力大”"
    assert "ch6_strongest_leader" not in one.texts
    none = analyse(without("p1", "p2", "p3", "p4"))
    assert none.headlines.strongest_manifestation is None and none.score_chart_data is None
    assert "无法进行" in none.texts["ch6_strongest_sentence"] and none.texts["ch6_scores_figure"] == ""


def test_limits_follow_the_kind_of_data(result, survey):
    assert result.texts["ch6_data_kind"] == ("合成演示数据" if result.survey_state.kind == "synthetic" else "问卷数据")
    real = analyse(survey.drop(columns="synthetic", errors="ignore"))
    assert real.texts["ch6_data_kind"] == "问卷数据"
    assert f"问卷结果来自{len(survey)}份答卷" in real.texts["ch6_limit_data"]


@pytest.mark.parametrize(("status", "state", "share", "expected"), [
    ("supports", "synthetic", 0.8, "理论推演（本书）；所读内容支持；问卷不计入"),
    ("silent_in_read_part", "mixed", 0.8, "理论推演（本书）；所读部分未涉及（另有条文未读到）；问卷不计入"),
    ("limits", "real", 0.0, "理论推演（本书）；所读内容构成约束；问卷：没有受访者评4–5分"),
    ("related", "real", 1.0, "理论推演（本书）；相关但未规定；问卷：全部受访者评4–5分"),
    ("supports", "real", 0.5, "理论推演（本书）；所读内容支持；问卷：恰好一半受访者评4–5分"),
    ("silent_in_read_part", "real", None, "理论推演（本书）；所读部分未涉及（另有条文未读到）；问卷未问到"),
])
def test_support_strength_follows_policy_state_and_share(status, state, share, expected):
    assert support_strength(status, state, share) == expected


def test_support_strength_words_hold_under_the_interval():
    assert support_strength("supports", "real", 0.54, (0.453, 0.626, 0.52)).endswith(
        "问卷：约半数（与半数的差别不显著）受访者评4–5分")
    assert support_strength("supports", "real", 0.81, (0.73, 0.87, 0.80)).endswith("问卷：大多数受访者评4–5分")


@pytest.mark.parametrize(("statuses", "expected"), [
    (["supports", "limits", "silent_in_read_part", "silent_in_read_part"],
     "在本书读到的国家文件部分和新闻摘要中，4项对策里有依据支持的1项，受规定约束的1项，所读内容未涉及的2项"),
    # none supported: all silent
    (["silent_in_read_part"] * 3, "在本书读到的国家文件部分和新闻摘要中，3项对策都未被涉及"),
    (["supports"] * 2, "在本书读到的国家文件部分和新闻摘要中，2项对策都有依据支持"),  # all of them
    (["related", "supports"],  # tie
     "在本书读到的国家文件部分和新闻摘要中，2项对策里有依据支持的1项，有相关内容而未作规定的1项"),
])
def test_policy_phrase_counts_each_status_and_leaves_out_empty_ones(statuses, expected):
    assert policy_phrase(statuses) == expected


def test_policy_phrase_needs_measures():
    with pytest.raises(ValueError):
        policy_phrase([])


def test_support_table_follows_the_policy_provisions(result):
    table = result.support_table.set_index("对策")
    assert "未见" not in table.to_string()
    assert table.loc["专班专责统一管理", "依据强度"].startswith("理论推演（本书）；所读内容支持；")
    assert table.loc["建立职责负面清单", "国家政策文件（所读部分）"] == "—"
    assert table.loc["建立离任交接制度", "国家政策文件（所读部分）"] == (
        "2021年中办意见的新闻联播摘要；2017年两办指导意见的新华社摘要")  # news summaries, not articles
    assert "所读内容构成约束" in table.loc["完善容错纠错机制", "依据强度"]
    # The 2021 opinion's news summary asks for a handover at rotation and limits error tolerance.
    assert table.loc["建立离任交接制度", "依据强度"].startswith("理论推演（本书）；所读内容支持；")
    assert table.loc["完善容错纠错机制", "国家政策文件（所读部分）"].endswith("2021年中办意见的新闻联播摘要")


def test_adoption_tables_follow_the_suggested_order(result):
    adoption, pilot = result.adoption_table, result.pilot_table
    assert len(adoption) == len(pilot) == 11 and list(adoption["对策"]) == list(pilot["对策"])
    assert list(adoption["次序"]) == sorted(adoption["次序"], key=["第一批", "第二批", "第三批"].index)
    assert "建立离任交接制度" in set(adoption.loc[adoption["次序"] == "第一批", "对策"])
    assert all(" → " in cell for cell in adoption["成本在谁 → 谁先受益"])
    assert "{glue}`ch6_batch1_reason`" in notebook_path("06_conclusion").read_text(encoding="utf-8")


def test_support_table_calls_demonstration_data_no_evidence(result, survey):
    table = result.support_table
    assert len(table) == 11 and list(table.columns)[-1] == "依据强度"
    assert set(table["问卷"]) == {"演示数据，不作为证据"}
    assert all(isinstance(v, str) for v in table.to_numpy().ravel())
    real = analyse(survey.drop(columns="synthetic", errors="ignore"))
    five = countermeasures.analyse(survey)
    row = real.support_table.set_index("对策").loc["建立权力清单"]
    assert format_share(five.top["share"]) in row["问卷"] and "问卷：" in row["依据强度"]
    assert "不是关于J省驻村干部的研究发现" in result.texts["ch6_show_label"]
    assert "研究发现" not in real.texts["ch6_show_label"]


def test_best_measure_sentence_carries_its_own_state_label(result):
    assert "{glue}`ch6_data_kind`" in result.texts["ch6_best_sentence"]
    assert "重叠" not in "".join(result.texts.values())


def test_conclusion_on_other_data(survey):
    other = analyse(survey.assign(m_whistle=5.0, p3_funds=1.0, p3_unit_support=1.0, p3_local_coordination=1.0))
    assert "最高的是“健全“乡村吹哨，部门报到”机制”" in other.texts["ch6_best_leader"]
    assert "确实高于" in other.texts["ch6_best_leader"]
    assert other.prevalence.set_index("scale").loc["p3", "share"] == 0
    tied = analyse(survey.assign(m_handover=5.0, m_whistle=5.0))
    assert "并列" in tied.texts["ch6_best_leader"]


def test_no_heading_calls_demonstration_results_findings():
    import nbformat
    cells = nbformat.read(notebook_path("06_conclusion"), as_version=4).cells
    headings = [line for cell in cells if cell.cell_type == "markdown" for line in cell.source.splitlines()
                if line.startswith("#")]
    assert not any("发现" in heading for heading in headings)
