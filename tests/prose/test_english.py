"""The English of the Abstract: a name for every id of the codebook, English quantity words at the same
thresholds as the Chinese ones, small counts in words, and the English data sentences and notice by state."""

from __future__ import annotations

import re
import string

import pytest

from tests.prose.test_data_description import STATES
from zhucun.data.codebook import load_codebook
from zhucun.data.framework import load_countermeasure_framework
from zhucun.data.survey import DATA_KINDS
from zhucun.number_format import format_english_count
from zhucun.prose.data_description import (
    SURVEY_SENTENCES,
    SURVEY_SENTENCES_EN,
    not_asked_sentence_en,
    notice_text,
    survey_sentence,
)
from zhucun.prose.english import ENGLISH_BLOCK_NAMES, ENGLISH_NAMES, english_block_name
from zhucun.prose.synthetic_notice import synthetic_notice_html


def test_every_scale_measure_and_block_has_an_english_name():
    codebook = load_codebook()
    assert {scale.id for scale in codebook.scales()} | {m.id for m in load_countermeasure_framework().measures} \
        == set(ENGLISH_NAMES)
    assert {block.id for block in codebook.blocks} == set(ENGLISH_BLOCK_NAMES)
    assert all(name and not re.search(r"[\u4e00-\u9fff]", name) for name in ENGLISH_NAMES.values())


@pytest.mark.parametrize(("n", "text"), [(0, "zero"), (4, "four"), (10, "ten"), (11, "11"), (124, "124"),
                                         (5471, "5,471"), (100000, "100,000")])
def test_format_english_count(n, text):
    assert format_english_count(n) == text


def test_english_sentences_have_every_state_and_the_chinese_contexts():
    assert set(SURVEY_SENTENCES_EN) <= set(SURVEY_SENTENCES)
    for context, versions in SURVEY_SENTENCES_EN.items():
        assert set(versions) == set(DATA_KINDS), context
        assert len(set(versions.values())) == len(DATA_KINDS), context
        for text in versions.values():
            assert {f for _, f, _, _ in string.Formatter().parse(text) if f} <= {"rows", "synthetic_rows", "real_rows"}


def test_english_sentences_use_the_apostrophe_sphinx_prints():
    """Sphinx's smart quotes turn ' into ’ on the page, where the three-state build test looks for the text."""
    for versions in SURVEY_SENTENCES_EN.values():
        assert not any("'" in text or '"' in text for text in versions.values())


def test_english_sentences_follow_the_state():
    for context in SURVEY_SENTENCES_EN:
        real = survey_sentence(context, STATES["real"], "en")
        assert "demonstration" not in real and real.replace("none of them synthetic", "").count("synthetic") == 0
        mixed = survey_sentence(context, STATES["mixed"], "en")
        assert "124" not in mixed
        if "synthetic answers" in mixed:  # a count of them, as the Chinese "份合成"
            assert "27" in mixed, context


def test_english_notice_follows_the_state():
    assert notice_text(STATES["real"], "en") == "" and synthetic_notice_html(STATES["real"], "en") == ""
    assert "synthetic demonstration data" in notice_text(STATES["synthetic"], "en")
    mixed = notice_text(STATES["mixed"], "en")
    assert "150" in mixed and "27" in mixed
    html = synthetic_notice_html(STATES["synthetic"], "en")
    assert 'lang="en"' in html and "Synthetic demonstration data" in html
    assert "合成演示数据" in synthetic_notice_html(STATES["synthetic"])


def test_not_asked_sentence_en():
    blocks = load_codebook().blocks
    by_id = {block.id: block for block in blocks}
    assert not_asked_sentence_en([], "x") == ""
    one = not_asked_sentence_en([by_id["countermeasures"]], "the ratings")
    assert one.startswith("The ratings could not be made") and "question 12" in one and "for it." in one
    two = not_asked_sentence_en([by_id["p4"], by_id["time_use"]], "this comparison", partial=True)
    assert "“heavy pressure from multiple lines of management” and the use of working time" in two
    assert "for them" in two and "covers only the parts that were asked" in two
    assert english_block_name("c1").startswith("the cause scale")


def test_english_list_at_one_two_three_and_none():
    from zhucun.prose.english import english_list
    assert english_list(["A"]) == "A"
    assert english_list(["A", "B"]) == "A and B"
    assert english_list(iter(["A", "B", "C"])) == "A, B and C"
    with pytest.raises(ValueError):
        english_list([])
