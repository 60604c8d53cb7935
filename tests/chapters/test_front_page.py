"""The front page's analysis (zhucun.chapters.front_page): the glue names it uses and the data-status sentence."""

from __future__ import annotations

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters import front_page
from zhucun.data.survey import load_survey


def test_every_glue_name_of_the_prose_is_given():
    assert_prose_is_glued(front_page.analyse().texts, notebook_path("index"), all_used=True)


def test_count_and_status_follow_the_survey():
    result = front_page.analyse()
    assert result.texts["home_n"] == str(len(load_survey()))
    # The committed survey is the synthetic demonstration data, and the sentence says so.
    assert result.survey_state.kind == "synthetic"
    assert "合成演示数据" in result.texts["home_data_status"]
