"""data/policy_provisions.yml: what the national policy texts the book read say on each of the 11 measures.

The file is written by hand (issue 23); these checks keep it whole and honest: every measure of the questionnaire
has an entry, every provision names a document of the bibliography that says how much of it was read, and a
quotation stays a few words long.
"""

from __future__ import annotations

import re

import pytest
import yaml
from pybtex.database import parse_file

from zhucun.data.codebook import load_codebook
from zhucun.paths import data_path

STATUSES = {"supports", "limits", "related", "silent_in_read_part"}
LONGEST_QUOTE = 16  # characters: a few words, never a sentence of the source


@pytest.fixture(scope="module")
def provisions() -> dict:
    with open(data_path("policy_provisions.yml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_every_measure_of_question_12_has_an_entry(provisions):
    measures = [v.name for v in load_codebook().variables if v.name.startswith("m_")]
    assert len(measures) == 11
    assert list(provisions["measures"]) == measures


def test_documents_are_in_the_bibliography_and_say_what_was_read(provisions):
    keys = set(parse_file(str(data_path("references.bib"))).entries)
    for key, document in provisions["documents"].items():
        assert key in keys, key
        assert document["read_at"] and all(url.startswith("http") for url in document["read_at"]), key
        assert document["parts_read"] and document["parts_not_read"], key
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(document["date"])), key


def test_each_measure_has_a_status_provisions_and_the_book_s_note(provisions):
    documents = set(provisions["documents"])
    for measure, entry in provisions["measures"].items():
        assert entry["status"] in STATUSES, measure
        assert entry["note"], measure
        # A measure said to be supported, limited or related rests on at least one provision read.
        assert entry["provisions"] or entry["status"] == "silent_in_read_part", measure
        for provision in entry["provisions"]:
            assert provision["document"] in documents, measure
            assert provision["article"] and provision["summary"], measure
            assert 0 < len(provision["quote"]) <= LONGEST_QUOTE, (measure, provision["quote"])


def test_no_entry_says_a_document_is_silent_when_only_part_of_it_was_read(provisions):
    text = data_path("policy_provisions.yml").read_text(encoding="utf-8")
    assert "未见国家层面依据" not in text
    assert all(entry["status"] != "silent" for entry in provisions["measures"].values())
