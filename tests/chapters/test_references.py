"""参考文献's analysis (zhucun.chapters.references): the glue names its notebook uses and the counts it pins."""

from __future__ import annotations

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters import references
from zhucun.paths import data_path


def test_every_glue_name_of_the_prose_is_given():
    assert_prose_is_glued(references.analyse().texts, notebook_path("07_references"), all_used=True)


def test_counts_add_up_to_the_bibliography():
    from pybtex.database import parse_file

    result = references.analyse()
    n_entries = len(parse_file(str(data_path("references.bib"))).entries)
    assert result.texts["ch7_entries"] == str(n_entries)
    assert sum(result.checks.values()) == n_entries
    assert list(result.checks) == result.counts["标识"].tolist()
    assert all(isinstance(n, int) for n in result.checks.values())
