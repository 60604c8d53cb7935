"""Every sentence describing the data exists in all three states and says what its state is."""

from __future__ import annotations

import re
import string

import pytest

from zhucun.data.survey import DATA_KINDS, DataState
from zhucun.prose.data_description import (
    INTERVIEW_SENTENCES,
    SURVEY_SENTENCES,
    interview_sentence,
    notice_text,
    survey_sentence,
)

STATES = {"synthetic": DataState("synthetic", 124, 124), "real": DataState("real", 203, 0),
          "mixed": DataState("mixed", 150, 27)}
FIELDS = {"rows", "synthetic_rows", "real_rows"}


@pytest.mark.parametrize("table", [SURVEY_SENTENCES, INTERVIEW_SENTENCES])
def test_every_context_has_every_state_and_only_known_fields(table):
    for context, versions in table.items():
        assert set(versions) == set(DATA_KINDS), context
        for text in versions.values():
            assert {field for _, field, _, _ in string.Formatter().parse(text) if field} <= FIELDS, context


def test_versions_of_a_context_differ():
    for table in (SURVEY_SENTENCES, INTERVIEW_SENTENCES):
        for context, versions in table.items():
            if context != "interview_note":
                assert len(set(versions.values())) == len(DATA_KINDS), context


def test_real_sentences_never_call_the_data_synthetic():
    for context in SURVEY_SENTENCES:
        text = survey_sentence(context, STATES["real"])
        # 换入真实数据前 / 合成数据提示 name the demonstration only as what is gone
        assert not re.search(r"(是|为|属于|来自)[^，；。]*合成", text), (context, text)
    assert "合成" not in interview_sentence("ch3_iv_kind", STATES["real"])


def test_mixed_sentences_give_counts_where_they_name_synthetic_rows():
    for context in SURVEY_SENTENCES:
        text = survey_sentence(context, STATES["mixed"])
        assert "124" not in text
        if "份合成" in text or "行是合成" in text or "份是合成" in text:
            assert "27" in text, (context, text)


def test_notice_follows_the_state():
    assert notice_text(STATES["real"]) == ""
    assert "合成演示数据" in notice_text(STATES["synthetic"])
    mixed = notice_text(STATES["mixed"])
    assert "150" in mixed and "27" in mixed


def test_source_lines_say_synthetic_exactly_when_rows_are_synthetic():
    # The data download (zhucun/book/static/zhucun-csv.js) names a file synthetic by this word.
    for table, context in ((SURVEY_SENTENCES, "survey_source"), (INTERVIEW_SENTENCES, "interview_source")):
        assert "合成" in table[context]["synthetic"] and "合成" in table[context]["mixed"]
        assert "合成" not in table[context]["real"]
