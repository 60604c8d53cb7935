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
