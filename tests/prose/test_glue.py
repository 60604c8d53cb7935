"""Words and numbers for the prose."""

import math

import pytest

from zhucun.prose.glue import PlainText
from zhucun.prose.wording import comparison_word, count_phrase, share_word


@pytest.mark.parametrize("share, word", [
    (0.0, "没有"), (1e-9, "极少数"), (0.0499, "极少数"), (0.05, "约一成"), (0.1499, "约一成"),
    (0.15, "约两成"), (0.2, "约两成"), (0.2499, "约两成"), (0.25, "约三成"), (0.3499, "约三成"),
    (0.35, "约四成"), (0.4, "约四成"), (0.402, "约四成"), (0.4499, "约四成"), (0.45, "接近半数"),
    (0.4999, "接近半数"), (0.5, "恰好一半"), (0.5001, "过半数"), (2 / 3, "过半数"), (0.6667, "大多数"),
    (0.9, "大多数"), (0.9001, "绝大多数"), (0.9999, "绝大多数"), (1.0, "全部"), (1, "全部"),
])
def test_share_word_is_true_of_the_number(share, word):
    assert share_word(share) == word


def test_majority_words_are_never_said_of_half_or_less():
    for i in range(0, 501):
        assert share_word(i / 1000) not in {"过半数", "大多数", "绝大多数"}


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan])
def test_share_word_rejects_impossible_shares(bad):
    with pytest.raises(ValueError):
        share_word(bad)


def test_the_40_percent_of_chapter_two_is_about_four_in_ten_not_nearly_half():
    assert share_word(2200 / 5471) == "约四成"


@pytest.mark.parametrize("a, b, tolerance, word", [
    (3, 2, 0, "高于"), (2, 3, 0, "低于"), (2, 2, 0, "与之持平"), (0, 0, 0, "与之持平"),
    (2, 2.01, 0.05, "与之持平"), (2, 2.05, 0.05, "与之持平"), (2, 2.06, 0.05, "低于"),
    (math.nan, 1, 0, "无法比较"),
])
def test_comparison_word_at_its_edges(a, b, tolerance, word):
    assert comparison_word(a, b, tolerance=tolerance) == word


def test_glued_text_has_no_quotes():
    assert repr(PlainText("过半数")) == "过半数"


TEMPLATES = dict(some="{total}项中有{count}项", none="{total}项中没有一项", every="全部{total}项")


@pytest.mark.parametrize("count, total, text", [
    (0, 11, "11项中没有一项"), (1, 11, "11项中有1项"), (10, 11, "11项中有10项"), (11, 11, "全部11项"),
    (0, 0, "0项中没有一项"), (12000, 12000, "全部12,000项"),
])
def test_count_phrase_is_chosen_by_the_count(count, total, text):
    assert count_phrase(count, total, **TEMPLATES) == text


def test_count_phrase_without_an_every_template_uses_some_for_all():
    assert count_phrase(3, 3, some="有{count}项", none="没有") == "有3项"


@pytest.mark.parametrize("count, total", [(-1, 3), (4, 3)])
def test_count_phrase_rejects_impossible_counts(count, total):
    with pytest.raises(ValueError, match="not between 0 and total"):
        count_phrase(count, total, **TEMPLATES)
