"""The policy timeline builder (zhucun.charts.timeline)."""

import pandas as pd

from zhucun.charts.timeline import timeline_chart, timeline_events


def _timeline():
    frame = pd.DataFrame({
        "date": ["2021-06-11", "2017-12", "2021-05-11"],
        "level": ["provincial", "national", "national"],
        "event": ["省里发文", "中央指导意见", "中央意见"],
        "source": ["论文", "文件", "文件"],
    })
    frame["timestamp"] = pd.to_datetime(frame["date"], format="mixed")
    return frame


def test_events_are_numbered_in_date_order_with_chinese_levels():
    events = timeline_events(_timeline())
    assert list(events["序号"]) == [1, 2, 3]
    assert list(events["日期"]) == ["2017-12", "2021-05-11", "2021-06-11"]
    assert list(events["层级"]) == ["国家层面", "国家层面", "J省层面"]


def test_chart_has_one_lane_per_level_and_keeps_the_events_as_data():
    events = timeline_events(_timeline())
    chart = timeline_chart(events, chart_id="ch0-test-timeline", title="时间线", source="测试", alt="三个事件。")
    assert [trace.name for trace in chart.figure.data] == ["国家层面", "J省层面"]
    assert list(chart.figure.data[0].text) == ["1", "2"]
    assert chart.data.equals(events)


def test_chinese_date():
    from zhucun.charts.timeline import chinese_date

    assert chinese_date("2021-05-11") == "2021年5月11日"
    assert chinese_date("2017-12") == "2017年12月"
    assert chinese_date("2023") == "2023年"
