"""The framework's elements counted from the codebook (zhucun.data.framework_measures)."""

from zhucun.data.framework import framework_items


class _Scale:
    def __init__(self, kind, name, items):
        self.kind, self.name, self.items = kind, name, items


class _Codebook:
    def scales(self, kind=None):
        return (_Scale("manifestation", "甲", ("a", "b", "c")), _Scale("cause", "乙", ("d", "e")))


def test_items_per_element_by_hand():
    table = framework_items(_Codebook())
    assert table.to_dict("list") == {"要素类别": ["履职困境表现", "困境成因"], "要素": ["甲", "乙"], "题项数": [3, 2]}


def test_books_codebook_has_four_elements_of_each_kind():
    table = framework_items()
    assert table["要素类别"].value_counts().to_dict() == {"履职困境表现": 4, "困境成因": 4, "对策组": 4}
    assert (table["题项数"] >= 1).all()


def test_each_cause_has_its_mechanism_and_cause_one_is_embedding_too_deep():
    from zhucun.data.framework import load_countermeasure_framework

    framework = load_countermeasure_framework()
    assert list(framework.causes) == ["c1", "c2", "c3", "c4"]
    assert [c.manifestation for c in framework.causes.values()] == ["p1", "p2", "p3", "p4"]
    # 一 describes cause 1 as the state pushing tasks into the village: too much embedding, not too little.
    assert framework.causes["c1"].embedding == "too_deep" and "过深" in framework.causes["c1"].mechanism
    assert framework.causes["c2"].embedding == "too_shallow"
    assert all(m.why for m in framework.measures)
    # The training of informal rules takes the time the first group would save: its link to 人的精力 is doubtful.
    assert framework.measure("m_informal_training").doubtful


def test_a_doubtful_link_needs_its_reason_and_a_cause_its_mechanism():
    import copy

    import pytest
    import yaml

    from zhucun.data.codebook import load_codebook
    from zhucun.data.framework import FrameworkError, parse_framework
    from zhucun.paths import data_path

    raw = yaml.safe_load(data_path("framework.yml").read_text(encoding="utf-8"))
    broken = copy.deepcopy(raw)
    broken["measures"][0]["doubtful"] = True
    with pytest.raises(FrameworkError, match="doubtful: true and a doubt"):
        parse_framework(broken, load_codebook())
    broken = copy.deepcopy(raw)
    broken["causes"] = broken["causes"][1:]
    with pytest.raises(FrameworkError, match="mechanism of each"):
        parse_framework(broken, load_codebook())
