"""Chapter 四's cases table: validation and the region × lesson matrix."""

import pandas as pd
import pytest

from zhucun.data.regional_experience import (
    LESSONS,
    RegionalDataError,
    comparison_table,
    lesson_coverage,
    lesson_matrix,
    load_regional_experience,
    public_source_keys,
    validate_regional_experience,
)


def _cases(**overrides):
    row = dict(order="1", region="甲省", measure="做法", lesson=LESSONS[0], also_serves=LESSONS[1],
               thesis_section="四（二）1", source="论文标题", source_key="thesis", details_found="未找到",
               public_source_keys="", public_note="未找到")
    row.update(overrides)
    other = dict(row, order="2", region="乙省", lesson=LESSONS[3], also_serves="",
                 details_found="仅找到背景资料", public_source_keys="k1;k2")
    return pd.DataFrame([row, other])


def test_matrix_marks_main_and_second_lesson():
    matrix = lesson_matrix(_cases())
    assert matrix.loc["甲省"].tolist() == [2, 1, 0, 0]
    assert matrix.loc["乙省"].tolist() == [0, 0, 0, 2]
    assert lesson_coverage(_cases()).tolist() == [1, 1, 0, 1]


def test_public_keys_in_order_without_repeats():
    cases = _cases(details_found="仅找到背景资料", public_source_keys="k2;k3")
    assert public_source_keys(cases) == ["k2", "k3", "k1"]


@pytest.mark.parametrize("overrides, message", [
    (dict(lesson="别的启示"), "lesson"),
    (dict(also_serves=LESSONS[0]), "also_serves"),
    (dict(details_found="也许"), "details_found"),
    (dict(details_found="仅找到背景资料"), "public_source_keys is empty"),
    (dict(public_source_keys="k9"), "names sources"),
])
def test_validation_names_the_problem(overrides, message):
    with pytest.raises(RegionalDataError, match=message):
        validate_regional_experience(_cases(**overrides))


def test_unknown_bibliography_key_is_reported():
    with pytest.raises(RegionalDataError, match="k1"):
        validate_regional_experience(_cases(), bib_keys=frozenset({"thesis", "k2"}))


def test_book_file_is_valid_and_never_claims_more_than_the_heading_without_a_source():
    cases = load_regional_experience()
    assert len(cases) == 5
    assert set(cases["lesson"]) <= set(LESSONS)
    assert (cases["source_key"] == "thesis").all()
    table = comparison_table(cases)
    assert list(table["地区"]) == list(cases["region"])
