"""参考文献's analysis (zhucun.chapters.references): the glue names its notebook uses and the counts it pins."""

from __future__ import annotations

import re

import nbformat

from zhucun.chapters import references
from zhucun.paths import data_path


def test_every_glue_name_of_the_prose_is_given(book_root):
    notebook = nbformat.read(book_root / "chapters/07_references.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    used = set(re.findall(r"\{glue(?::\w+)?\}`([^`]+)`", markdown))
    assert used == set(references.analyse().texts)


def test_counts_add_up_to_the_bibliography():
    from pybtex.database import parse_file

    result = references.analyse()
    n_entries = len(parse_file(str(data_path("references.bib"))).entries)
    assert result.texts["ch7_entries"] == str(n_entries)
    assert sum(result.checks.values()) == n_entries
    assert list(result.checks) == result.counts["标识"].tolist()
    assert all(isinstance(n, int) for n in result.checks.values())
