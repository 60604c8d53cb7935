"""zhucun.charts.likert: segment positions by hand, and the Chart it returns."""

import pandas as pd
import pytest

from zhucun.charts.basic import Chart
from zhucun.charts.likert import diverging_likert_chart, diverging_offsets
from zhucun.charts.style import DIVERGING_COLOURS


def test_offsets_centre_the_neutral_answer():
    offsets = diverging_offsets(pd.Series([0.1, 0.2, 0.4, 0.2, 0.1]))
    expected = {2: (-0.2, 0.2), 1: (-0.4, -0.2), 0: (-0.5, -0.4), 3: (0.2, 0.4), 4: (0.4, 0.5)}
    for position, (start, end) in expected.items():
        assert offsets[position] == pytest.approx((start, end))


def test_even_number_of_levels_is_refused():
    with pytest.raises(ValueError):
        diverging_offsets(pd.Series([0.5, 0.5]))


def test_chart_has_one_row_per_item_and_the_diverging_palette():
    shares = pd.DataFrame([[0.1, 0.2, 0.4, 0.2, 0.1], [0.0, 0.0, 0.0, 0.5, 0.5]],
                          index=["题一", "题二"], columns=["非常不同意", "比较不同意", "一般", "比较同意", "非常同意"])
    chart = diverging_likert_chart(shares, chart_id="ch3-test", title="标题", source="来源", alt="说明")
    assert isinstance(chart, Chart)
    assert len(chart.figure.data) == 5
    assert {trace.marker.color for trace in chart.figure.data} == set(DIVERGING_COLOURS)
    assert list(chart.figure.data[0].y) == ["题一", "题二"]
    agree = next(t for t in chart.figure.data if t.name == "非常同意")
    assert list(agree.base) == pytest.approx([0.4, 0.5])
    assert chart.data["非常同意"].tolist() == [0.1, 0.5]
