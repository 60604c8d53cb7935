"""One formatter per kind of number, each at one precision: rounding edges, zero, one, missing values."""

from __future__ import annotations

import math

import pytest

from zhucun.number_format import (
    format_coefficient,
    format_count,
    format_decimal,
    format_fixed,
    format_mean,
    format_p_value,
    format_points,
    format_share,
    format_weight,
)

NAN = float("nan")


@pytest.mark.parametrize("share, text", [
    (0.0, "0.0%"), (1.0, "100.0%"), (1, "100.0%"), (0.221, "22.1%"), (0.524194, "52.4%"),
    (0.0005, "0.1%"),      # half a tenth of a point rounds up
    (0.00049, "0.0%"), (0.5625, "56.3%"),  # 9/16: an exact binary tie, half away from zero (四舍五入)
    (0.593496, "59.3%"), (0.59354, "59.4%"), (-0.0001, "0.0%"),  # no "-0.0%"
    (NAN, "无数据"), (None, "无数据"),
])
def test_format_share(share, text):
    assert format_share(share) == text


def test_a_share_is_rounded_once_from_the_exact_value():
    # Rounding to four decimals first (0.593451 → 0.5935) and then to the shown one gives 59.4%, the exact
    # value 59.3%: the double rounding the charts and the prose used to disagree by.
    exact = 0.593451
    assert format_share(exact) == "59.3%"
    assert format_share(round(exact, 4)) == "59.4%"


@pytest.mark.parametrize("formatter", [format_mean, format_weight, format_coefficient])
@pytest.mark.parametrize("value, text", [
    (0.0, "0.00"), (1.0, "1.00"), (0.005, "0.01"), (0.0049, "0.00"), (-0.0005, "0.00"), (-0.004, "0.00"),
    (-0.005, "-0.01"), (3.9375, "3.94"), (0.7263, "0.73"), (1.302, "1.30"), (-0.184, "-0.18"),
    (13.93, "13.93"), (NAN, "无数据"), (None, "无数据"),
])
def test_two_decimal_kinds(formatter, value, text):
    assert formatter(value) == text


def test_the_weights_of_chapters_two_and_three_are_printed_alike():
    assert [format_weight(w) for w in (0.726, 1.302)] == ["0.73", "1.30"]


def test_no_negative_zero_at_any_precision():
    for digits in range(4):
        for value in (-0.0, -1e-12, -0.0004, -0.0005 * 10 ** -digits):
            assert not format_fixed(value, digits).startswith("-")


def test_infinite_coefficients():
    assert format_coefficient(math.inf) == "∞"
    assert format_coefficient(-math.inf) == "-∞"


@pytest.mark.parametrize("p, text", [
    (0.0, "<0.001"), (0.0005, "<0.001"), (0.000999, "<0.001"), (0.001, "0.001"), (0.0015, "0.002"),
    (0.0494, "0.049"), (0.05, "0.050"), (0.9996, "1.000"), (1.0, "1.000"), (NAN, "—"), (None, "—"),
])
def test_format_p_value(p, text):
    assert format_p_value(p) == text


@pytest.mark.parametrize("n, text", [
    (0, "0"), (124, "124"), (9999, "9999"), (10_000, "10,000"), (5471.0, "5471"), (114.5, "115"),
    (114.49, "114"), (0.5, "1"), (-0.4, "0"), (NAN, "无数据"),
])
def test_format_count(n, text):
    assert format_count(n) == text


@pytest.mark.parametrize("difference, text", [(0.143459, "14.3"), (0.0, "0.0"), (0.0005, "0.1"), (1.0, "100.0")])
def test_format_points(difference, text):
    assert format_points(difference) == text


@pytest.mark.parametrize("value, text", [(56.3, "56.3"), (290.0, "290"), (0.524194, "0.52"), (0.0, "0"),
                                         (-0.001, "0"), (2.0051, "2.01"), (NAN, "无数据")])
def test_format_decimal(value, text):
    assert format_decimal(value) == text


def test_chinese_amount_says_liang_before_a_measure_word():
    from zhucun.number_format import format_chinese_amount

    assert [format_chinese_amount(n) for n in (0, 1, 2, 3, 10, 11)] == ["零", "一", "两", "三", "十", "11"]


@pytest.mark.parametrize("value, text", [(0.0312, "0.031"), (0.0, "0.000"), (0.0005, "0.001"), (0.00049, "0.000"),
                                         (1.0, "1.000"), (-0.0001, "0.000"), (NAN, "无数据")])
def test_format_variance_share(value, text):
    from zhucun.number_format import format_variance_share

    assert format_variance_share(value) == text
