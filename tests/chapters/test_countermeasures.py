"""Chapter 五's analysis gives every number and word its notebook's prose glues, true on other data too."""

from __future__ import annotations

import json
import re
import warnings

import pandas as pd
import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.countermeasures import analyse
from zhucun.data.authored_tables import load_measure_basis
from zhucun.data.survey import load_survey
from zhucun.number_format import format_share
from zhucun.stats.headlines import best_measure
from zhucun.stats.paired_comparisons import compare_pairs

MEASURES = ["m_duty_list", "m_negative_list", "m_power_list", "m_whistle", "m_informal_training", "m_handover",
            "m_exchange_platform", "m_joint_building", "m_dedicated_team", "m_evaluation", "m_error_tolerance"]


def run(survey):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(survey)


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return run(survey)


@pytest.fixture(scope="module")
def perturbed(survey):
    """Other data: 乡村吹哨 rated 5 by everyone (it becomes the best), the rows shuffled."""
    other = survey.assign(m_whistle=5.0).sample(frac=1, random_state=7).reset_index(drop=True)
    return run(other)


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("05_countermeasures"))
    assert "fig-ch5-sankey" in prose
    # the ratings figure lives in the ratings section the notebook writes
    assert "{glue:figure} fig-ch5-measure-ratings" in _ratings_section_source()


def test_table_cells_are_text(result):
    assert_cells_are_text(result.framework_table, result.ratings_table, result.paired_table)


def _ratings_section_source() -> str:
    """The code cell in which the notebook writes its ratings section (the RATINGS string)."""
    cells = json.loads(notebook_path("05_countermeasures").read_text(encoding="utf-8"))["cells"]
    return next("".join(c["source"]) for c in cells if "RATINGS = " in "".join(c["source"]))


def _ratings_section_names() -> set[str]:
    """The glue names of the ratings section."""
    return set(re.findall(r"\{glue\}`([^`]+)`", _ratings_section_source()))


def test_every_measure_has_a_basis_and_the_ratings_section_is_glued(result):
    assert set(load_measure_basis()) == {m.id for m in result.framework.measures}
    assert _ratings_section_names() - set(result.texts) == set()


def test_no_rotating_frames_and_no_per_measure_ranking_sentences(result):
    import zhucun.chapters.countermeasures as module
    assert not hasattr(module, "_GROUP_FRAMES") and not hasattr(module, "_RATING_FRAMES")
    assert not any(key.endswith(("_rating", "_standing")) for key in result.texts)
    text = notebook_path("05_countermeasures").read_text(encoding="utf-8")
    assert text.count("国家层面的依据") == 0 and "孰高孰低" not in text


def test_the_problems_use_the_books_prevalence_and_words_that_hold(result, survey):
    from zhucun.stats.likert import scale_prevalence
    expected = scale_prevalence(survey)
    rows = result.problems.set_index("scale")
    for row in expected.itertuples():
        assert rows.loc[row.scale, "share"] == pytest.approx(row.share)
    # 权责交叉 is 36.3% both here and in 三 (one measure); 58.1% with an interval containing one half is no majority
    table = result.problems_table.set_index("量表")
    assert table.loc["与乡村干部权责交叉", "普遍程度（95%区间）"].startswith(format_share(rows.loc["p2", "share"]))
    assert result.texts["ch5_p1_clause"] == "约半数受访者总体上同意"  # the table says why: not different from half
    assert "约半数（与半数的差别不显著）" in result.problems_table.set_index("量表").loc["职能冗杂且碎片化", "读作"]
    assert len(result.problems_table) == 8


def test_best_and_worst_measure_with_effects_and_labels(result):
    assert result.top["share"] >= result.bottom["share"]
    assert result.checks["最高对策"][0] == result.top["measure"]
    assert result.checks["对策数"] == result.n_measures == len(result.framework_table)
    # The ratings table lists the measures best first, as the prose names them.
    assert result.ratings_table["对策"].iloc[0] == result.top["label"]
    assert result.ratings_table["对策"].iloc[-1] == result.bottom["label"]
    # The leader, the last and the first-against-last gap state the difference, its interval and the generator
    assert "95%区间" in result.texts["ch5_top_sentence"] and "生成器假设" in result.texts["ch5_top_sentence"]
    assert "生成器假设" in result.texts["ch5_bottom_sentence"]
    assert "95%区间" in result.texts["ch5_top_bottom"] and "第1组0.45、第2组0.25" in result.texts["ch5_top_bottom"]
    assert "生成器假设" in result.texts["ch5_roles_largest"]
    # 乡村吹哨's 54.0% (45.3%–62.6%) is not called a majority
    assert result.texts["ch5_bottom_sentence"].endswith("读作约半数（与半数的差别不显著）受访者认为它帮助较大")
    # No sentence judges a difference by whether two intervals overlap.
    verdicts = ("区间有重叠", "区间不重叠", "区间都有重叠", "互不重叠")
    assert not any(v in text for text in result.texts.values() for v in verdicts)


def test_tables_report_differences_with_intervals(result):
    assert "差（百分点，95%区间）" in result.paired_table.columns
    assert "平均分差（95%区间）" in result.paired_table.columns
    assert "Cliff's δ" in result.ratings_table.columns
    row = result.paired.set_index("b").loc[result.bottom["measure"]]
    assert row["difference_low"] < row["difference"] < row["difference_high"]


def test_paired_tests_are_the_best_against_the_others_with_holm(result, survey):
    expected = compare_pairs(survey, [(result.top["measure"], m) for m in MEASURES if m != result.top["measure"]])
    pd.testing.assert_frame_equal(result.paired, expected)
    lower = int(((expected["p_mcnemar_holm"] < 0.05) & (expected["share_a"] > expected["share_b"])).sum())
    assert result.checks["显著低于最高者数"] == lower
    assert result.texts["ch5_pairs"] == str(len(MEASURES) - 1)


def test_other_data_change_the_words_and_numbers(perturbed, result):
    assert perturbed.top["measure"] == "m_whistle" and "（100.0%）" in perturbed.texts["ch5_top_sentence"]
    assert perturbed.texts["ch5_top_sentence"] != result.texts["ch5_top_sentence"]
    assert_prose_is_glued(perturbed.texts, notebook_path("05_countermeasures"))
    # Everyone rates it 5, so it is significantly above every other measure, and all of them rated it so.
    assert perturbed.texts["ch5_pairs_phrase"] == "校正后，其余10项的获评程度都显著低于它"
    assert perturbed.texts["ch5_top_word"] == "全部"


def test_results_do_not_depend_on_row_order(survey, result):
    shuffled = run(survey.sample(frac=1, random_state=3).reset_index(drop=True))
    assert shuffled.texts == result.texts


def test_a_tie_for_best_is_named_as_a_tie(survey):
    tied = run(survey.assign(m_evaluation=survey["m_power_list"], m_handover=5.0, m_whistle=5.0))
    assert set(tied.best.ids) == {"m_handover", "m_whistle"} == set(tied.top_tied) and tied.best.tied
    assert "并列" in tied.texts["ch5_top_sentence"]
    assert "建立离任交接制度" in tied.texts["ch5_top_sentence"] and "乡村吹哨" in tied.texts["ch5_top_sentence"]


def test_every_measure_rated_alike_has_no_best(survey):
    same = run(survey.assign(**{m: survey["m_duty_list"] for m in MEASURES}))
    assert len(same.top_tied) == len(MEASURES)
    assert "分不出高低" in same.texts["ch5_top_sentence"]
    assert same.texts["ch5_bottom_sentence"] == "因此也没有获评程度最低的一项"
    assert "没有首尾之差" in same.texts["ch5_top_bottom"]


def test_without_question_12_the_ratings_section_gives_the_reason(survey):
    from zhucun.data.codebook import load_codebook
    data = survey.drop(columns=list(load_codebook().block("countermeasures").variables))
    none = run(data)
    assert not none.rated and "无法进行" in none.texts["ch5_ratings_unavailable"]
    assert none.paired is None and none.roles is None and none.paired_table is None
    # The data on the manifestations and causes are still there.
    assert none.texts["ch5_p1_clause"].endswith("受访者总体上同意")


def test_real_data_report_findings_without_generator_labels(survey):
    real = run(survey.drop(columns=["synthetic"]))  # a survey without the synthetic column is real data
    assert real.survey_state.kind == "real"
    for key in ("ch5_top_sentence", "ch5_bottom_sentence", "ch5_top_bottom", "ch5_roles_largest"):
        assert "生成" not in real.texts[key]


def test_the_best_measure_is_the_books_headline(survey, result):
    headline = best_measure(survey)
    assert result.best == headline and result.top_tied == headline.ids
    assert result.top["measure"] == headline.id and result.top["share"] == pytest.approx(headline.value)



def test_five_says_what_was_read_of_the_policy_texts():
    """五 follows data/policy_provisions.yml: the parts read are named, nothing is said of an unread body as if
    it were read or silent, and every few words quoted from the texts are the file's quotations."""
    import yaml

    from zhucun.paths import data_path
    text = notebook_path("05_countermeasures").read_text(encoding="utf-8")
    # The four duties come from the 2021 opinion's news summary now, not from the thesis; two documents were
    # not read as silent on a handover.
    for stale in ("四项职责的名目", "没有读到其正文", "职责名目", "间接依据", "据论文，即建强村党组织",
                  "两份文件是否规定了交接"):
        assert stale not in text, stale
    provisions = yaml.safe_load(data_path("policy_provisions.yml").read_text(encoding="utf-8"))
    quotes = {p["quote"] for entry in provisions["measures"].values() for p in entry["provisions"]}
    for quote in ("拓展工作内容", "坚强组织保证", "坚持县级统筹、全面覆盖", "基本依据", "严管厚爱", "融得进",
                  "主要职责任务", "到期轮换、压茬交接", "干出成绩、群众认可", "力戒形式主义、官僚主义", "重要依据",
                  "造成不良后果的及时调整处理", "建强村党组织"):
        assert quote in quotes and f"“{quote}”" in text, quote
    # What is known from the 新闻联播 report is cited to it and said to come from it, paragraph by paragraph.
    cited = [paragraph for paragraph in text.split("\\n") if "{cite}`cctv2021opinion`" in paragraph]
    assert len(cited) >= 6 and all("《新闻联播》" in paragraph for paragraph in cited)
