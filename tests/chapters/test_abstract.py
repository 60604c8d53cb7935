"""摘要 and Abstract (zhucun.chapters.abstract): every glue name given, the chapters' own numbers, the data's
state said in both languages, absent blocks named instead of their results, ties named as ties."""

from __future__ import annotations

import re

import pytest

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters import abstract, conclusion, countermeasures
from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey
from zhucun.number_format import ENGLISH_DIGITS, format_p_clause


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return abstract.analyse(survey)


def real(survey):
    return survey.drop(columns="synthetic")


def mixed(survey, real_rows=40):
    frame = survey.copy()
    frame.loc[frame.index[:real_rows], "synthetic"] = 0
    return frame


def without(survey, block_id):
    return survey.drop(columns=list(load_codebook().block(block_id).variables))


def prose(texts):
    """The texts joined, roles resolved by their glued values (as a reader sees them)."""
    joined = " ".join(texts.values())
    for _ in range(3):
        joined = re.sub(r"\{glue(?::\w+)?\}`([^`:]+)(?::\w+)?`", lambda m: texts.get(m.group(1), m.group(0)), joined)
    return joined


def test_every_glue_name_of_both_pages_is_given(result):
    assert_prose_is_glued(result.texts, notebook_path("abstract_zh"), all_used=True)
    assert_prose_is_glued(result.texts_en, notebook_path("abstract_en"), all_used=True)


def test_the_numbers_are_the_chapters_own(result, survey):
    ch6 = conclusion.analyse(survey).texts
    ch5 = countermeasures.analyse(survey).texts
    assert result.texts["abs_n"] == ch6["ch6_n"]
    assert result.texts["abs_strongest_leader"] == ch6["ch6_strongest_leader"]  # one headline, one sentence
    assert result.texts["abs_best_leader"] == ch6["ch6_best_leader"]  # one headline, one sentence
    assert ch5["ch5_top_sentence"].split("最高的是")[1] == result.texts["abs_best_leader"].split("最高的是")[1]
    assert result.texts["abs_measures"] == ch5["ch5_measures"] == ch6["ch6_measures"]
    assert result.texts["abs_groups"] == ch6["ch6_groups"]
    assert result.texts["abs_regions"] == ch6["ch6_regions"]
    assert result.texts["abs_thesis_n"] == "124"  # the thesis's own sample, as its abstract states it


def test_both_languages_state_the_headlines_paired_tests(result):
    headlines = result.headlines
    for leader, zh, en in ((headlines.strongest_manifestation, "abs_strongest_leader", "abs_en_strongest_leader"),
                           (headlines.best_measure, "abs_best_leader", "abs_en_best_leader")):
        p_clause = format_p_clause(leader.p_value)
        assert p_clause in result.texts[zh] and p_clause in result.texts_en[en]
        assert ("确实高于" in result.texts[zh]) == ("shows it above" in result.texts_en[en]) == leader.ahead


def english_number(text: str) -> str:
    return str(ENGLISH_DIGITS.index(text)) if text in ENGLISH_DIGITS else text.replace(",", "")


@pytest.mark.parametrize("variant", ["committed", "real", "mixed", "no_countermeasures", "no_p4"])
def test_english_and_chinese_give_the_same_numbers(survey, variant):
    data = {"committed": survey, "real": real(survey), "mixed": mixed(survey),
            "no_countermeasures": without(survey, "countermeasures"), "no_p4": without(survey, "p4")}[variant]
    result = abstract.analyse(data)
    shared = {name.removeprefix("abs_en_") for name in result.texts_en} & {
        name.removeprefix("abs_") for name in result.texts}
    numeric = {name for name in shared if re.fullmatch(r"[0-9.,%]+|[a-z]+", result.texts_en[f"abs_en_{name}"])
               and re.fullmatch(r"[0-9.,%]+|[零一二三四五六七八九十]", result.texts[f"abs_{name}"])}
    assert {"n", "thesis_n", "measures", "regions", "groups", "n_causes", "n_manifestations"} <= numeric
    for name in numeric:
        zh, en = result.texts[f"abs_{name}"], result.texts_en[f"abs_en_{name}"]
        zh = str("零一二三四五六七八九十".index(zh)) if zh in "零一二三四五六七八九十" else zh
        assert english_number(en) == zh, name
    # the percentages the results give are the same
    percentages = [sorted(re.findall(r"\d+\.\d%", prose(texts))) for texts in (result.texts, result.texts_en)]
    assert percentages[0] == percentages[1]


def test_synthetic_data_are_demonstration_numbers(result):
    zh, en = prose(result.texts), prose(result.texts_en)
    assert result.survey_state.kind == "synthetic"
    assert "演示数字" in zh and "不是关于J省驻村干部的研究发现" in zh
    assert "demonstration numbers" in en and "not findings" in en
    assert "合成演示答卷" in result.texts["abs_data_status"]
    assert "synthetic" in result.texts_en["abs_en_data_status"]


def test_real_data_are_described_as_survey_data_and_never_as_synthetic(survey):
    result = abstract.analyse(real(survey))
    assert result.survey_state.kind == "real"
    zh, en = prose(result.texts), prose(result.texts_en)
    assert not re.search(r"(是|为|属于|来自)[^，；。]*合成", zh)
    assert "演示" not in zh and "demonstration" not in en
    assert "none of them synthetic" in en and re.sub("none of them synthetic", "", en).count("synthetic") == 0
    assert "这份问卷数据显示" in zh and "These survey data show" in en


def test_mixed_data_count_the_synthetic_rows_and_are_no_findings(survey):
    result = abstract.analyse(mixed(survey, real_rows=40))
    synthetic = str(len(survey) - 40)
    assert result.survey_state.kind == "mixed"
    for text in (result.texts["abs_data_status"], result.texts["abs_results_head"],
                 result.texts_en["abs_en_data_status"], result.texts_en["abs_en_results_head"]):
        assert synthetic in text
    assert "不能当作关于J省驻村干部的研究发现" in result.texts["abs_results_head"]
    assert "not findings" in result.texts_en["abs_en_results_head"]


def test_without_the_countermeasures_block_the_best_measure_sentence_is_replaced(survey):
    result = abstract.analyse(without(survey, "countermeasures"))
    assert "abs_best_leader" not in result.texts and "abs_en_best_leader" not in result.texts_en
    assert "无法进行" in result.texts["abs_best_sentence"] and "第12题" in result.texts["abs_best_sentence"]
    assert "could not be made" in result.texts_en["abs_en_best_sentence"]
    assert "question 12" in result.texts_en["abs_en_best_sentence"]
    assert "评价最高" not in prose(result.texts) and "largest share" not in prose(result.texts_en)
    assert "question 12" in result.texts_en["abs_en_not_asked"]  # the method names what was not asked
    assert "第12题" in result.texts["abs_data_status"]


def test_without_a_manifestation_scale_the_comparison_covers_the_rest(survey):
    result = abstract.analyse(without(survey, "p4"))
    assert "受多重管理压力大" in result.texts["abs_agreement_sentence"]  # named as not asked
    assert "只涉及问卷问到的部分" in result.texts["abs_agreement_sentence"]
    assert result.texts["abs_scale_count"] == "三" and result.texts_en["abs_en_scale_count"] == "three"
    assert "受多重管理压力大" not in result.texts["abs_strongest_leader"]


def test_without_any_manifestation_scale_no_comparison_is_claimed(survey):
    data = survey
    for block in ("p1", "p2", "p3", "p4"):
        data = without(data, block)
    result = abstract.analyse(data)
    assert "abs_strongest_scale" not in result.texts and "abs_en_strongest_scale" not in result.texts_en
    assert "无法进行" in result.texts["abs_agreement_sentence"]
    assert "could not be made" in result.texts_en["abs_en_agreement_sentence"]
    assert_prose_is_glued(result.texts, notebook_path("abstract_zh"), all_used=True)
    assert_prose_is_glued(result.texts_en, notebook_path("abstract_en"), all_used=True)


def test_one_scale_asked(survey):
    data = survey
    for block in ("p1", "p2", "p3"):
        data = without(data, block)
    result = abstract.analyse(data)
    assert "只问到一种困境表现" in result.texts["abs_agreement_sentence"]
    assert "one manifestation only" in result.texts_en["abs_en_agreement_sentence"]
    assert "abs_strongest_leader" not in result.texts["abs_agreement_sentence"]


def agreeing(frame, scale, n_agree):
    """*frame* with the items of *scale* set so that exactly *n_agree* respondents average 4 or more."""
    items = list(load_codebook().scale_items(scale))
    frame = frame.copy()
    frame[items] = 2
    frame.loc[frame.index[:n_agree], items] = 5
    return frame


def test_ties_are_named_as_ties(survey):
    data = agreeing(agreeing(agreeing(agreeing(survey, "p1", 80), "p2", 80), "p3", 30), "p4", 50)
    result = abstract.analyse(data)
    assert "“职能冗杂且碎片化”和“与乡村干部权责交叉”" in result.texts["abs_strongest_leader"]
    assert "二者并列" in result.texts["abs_strongest_leader"] and "检验" not in result.texts["abs_strongest_leader"]
    assert "share the highest" in result.texts_en["abs_en_strongest_leader"]
    assert "a tie between two" in result.texts_en["abs_en_strongest_leader"]


def test_every_scale_equally_common(survey):
    data = survey
    for scale in ("p1", "p2", "p3", "p4"):
        data = agreeing(data, scale, 62)
    result = abstract.analyse(data)
    assert "四者并列（50.0%）" in result.texts["abs_strongest_leader"]
    assert "a tie between four" in result.texts_en["abs_en_strongest_leader"]


def test_measures_tied_and_all_tied(survey):
    measures = list(load_codebook().scale_items("g1")) + list(load_codebook().scale_items("g2"))
    everything = [v for g in ("g1", "g2", "g3", "g4") for v in load_codebook().scale_items(g)]
    data = survey.copy()
    data[everything] = 1
    data.loc[data.index[:100], measures[:2]] = 5
    result = abstract.analyse(data)
    assert "二者并列" in result.texts["abs_best_leader"]
    assert "share the highest" in result.texts_en["abs_en_best_leader"]
    assert result.texts["abs_best_leader"].count("“") == 2
    data[everything] = 5
    result = abstract.analyse(data)
    assert "全部{glue}`abs_measure_count`项对策" in result.texts["abs_best_sentence"]
    assert result.texts["abs_measure_count"] == "11" and result.texts_en["abs_en_measure_count"] == "11"
    assert result.texts["abs_best_share"] == "100.0%"


def test_checks_are_the_conclusions(result, survey):
    assert {k: v for k, v in result.checks.items() if k in conclusion.analyse(survey).checks} == \
        conclusion.analyse(survey).checks


def english_page(texts_en) -> str:
    """The English page as a reader sees it: the notebook's markdown with every glue resolved."""
    import json
    cells = json.loads(notebook_path("abstract_en").read_text(encoding="utf-8"))["cells"]
    markdown = " ".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    return prose({**texts_en, "_page": markdown})


@pytest.mark.parametrize("state", ["synthetic", "real", "mixed"])
def test_the_english_page_uses_only_the_glossary_s_terms(survey, state):
    from zhucun.prose.english import ENGLISH_NAMES, GLOSSARY
    data = {"synthetic": survey, "real": real(survey), "mixed": mixed(survey)}[state]
    page = english_page(abstract.analyse(data).texts_en)
    for term in GLOSSARY:
        for phrasing in term.avoid:
            assert not re.search(phrasing, page), (term.chinese, phrasing)
        # Every glossary term is the one the page (or a name it may show) uses; real data need no synthetic term.
        if state == "synthetic":
            assert term.english in page or term.english in " ".join(ENGLISH_NAMES.values()), term.english
    assert "三" not in page and "五" not in page and "Chapter 3" in page and "Chapter 5" in page


def test_the_glossary_is_shown_on_the_english_page():
    source = notebook_path("abstract_en").read_text(encoding="utf-8")
    assert "glossary_table()" in source and "tbl-abstract-glossary" in source


def test_the_recommendation_names_the_four_directions_and_no_survey_ranking(result):
    for name in ("责任堆叠→责任精算", "嵌入竞争→权威合作", "角色差异→资源共享", "多维评价→一体统筹"):
        assert name in result.texts["abs_directions"]
    page = notebook_path("abstract_zh").read_text(encoding="utf-8")
    recommendation = page[page.index("**建议。**"):page.index("**关键词：**")]
    assert "{glue}`abs_directions`" in recommendation and "本书的判断" in recommendation
    # The book's judgement, never a ranking from the survey (demonstration data cannot recommend).
    assert "best" not in recommendation and "leader" not in recommendation and "最高" not in recommendation
    assert result.texts["abs_first_batch"] == "“细化职责任务清单”和“建立离任交接制度”"
