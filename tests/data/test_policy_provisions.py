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

# The sentences the book quotes from, verbatim, of the 新闻联播 report of 2021-05-11 on the 2021 opinion (央视网,
# https://tv.cctv.com/2021/05/11/VIDE4KZeE8Mt0KPLwBIPR68L210511.shtml, read in the transcript archived at
# https://github.com/xiaoyu2er/xwlb/blob/master/news/2021-05-11.md). Public news text, kept here only as the
# reference the quotations are checked against. Xinhua's summary of the 2017 guidance is not stored anywhere the
# book could keep it, so its two quotations are not checked here.
STORED_SUMMARIES = {
    ("zhongban2021opinion", "新闻联播摘要"): (
        "《意见》强调，要严格人选把关，并从建强村党组织、推进强村富民、提升治理水平、为民办事服务四个方面"
        "明确了第一书记和工作队的主要职责任务。"
        "《意见》就“加强管理考核”指出，第一书记和工作队员任期一般不少于2年，到期轮换、压茬交接。"
        "考核结果作为评先评优、提拔使用、晋升职级、评定职称的重要依据。"
        "以真抓实干、求真务实的作风做好选派工作，力戒形式主义、官僚主义，切实减轻基层负担。"
        "通过驻村工作考察识别干部，对干出成绩、群众认可的优先重用，对工作不认真不负责的进行批评教育，"
        "对不胜任或造成不良后果的及时调整处理，树立鲜明导向。"
    ),
}


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


def test_quotations_of_a_stored_summary_are_its_words(provisions):
    """A provision known from a news summary quotes the summary verbatim; every stored summary is quoted."""
    quoted = set()
    for measure, entry in provisions["measures"].items():
        for provision in entry["provisions"]:
            stored = STORED_SUMMARIES.get((provision["document"], provision["article"]))
            if stored is not None:
                assert provision["quote"] in stored, (measure, provision["quote"])
                quoted.add((provision["document"], provision["article"]))
    assert quoted == set(STORED_SUMMARIES)


def test_a_summary_is_declared_by_its_document_and_named_in_the_bibliography(provisions):
    keys = set(parse_file(str(data_path("references.bib"))).entries)
    assert provisions["documents"]["zhongban2021opinion"]["summaries"] == {"新闻联播摘要": "cctv2021opinion"}
    assert provisions["documents"]["zhongban2017guidance"]["summaries"] == {"新华社摘要": "zhongban2017guidance"}
    for key, document in provisions["documents"].items():
        assert set(document["summaries"].values()) <= keys, key
        for label in document["summaries"]:
            assert label in document["parts_not_read"], (key, label)  # said to be a summary, not the articles
    # What is known only from a summary says so in its own words.
    for measure, entry in provisions["measures"].items():
        for provision in entry["provisions"]:
            if provision["article"].endswith("摘要"):
                assert provision["summary"].startswith("据"), (measure, provision["summary"])


def test_the_book_s_judgement_on_each_measure(provisions):
    # With the 新闻联播 summary of the 2021 opinion read: the handover is asked for (到期轮换、压茬交接), the four
    # aspects of the duties are named (a list and joint building touch them), the assessment and its use are spoken
    # of, and a cadre whose work has bad consequences is to be adjusted (a limit on error tolerance).
    assert {measure: entry["status"] for measure, entry in provisions["measures"].items()} == {
        "m_duty_list": "related", "m_negative_list": "silent_in_read_part", "m_power_list": "silent_in_read_part",
        "m_whistle": "silent_in_read_part", "m_informal_training": "related", "m_handover": "supports",
        "m_exchange_platform": "silent_in_read_part", "m_joint_building": "related", "m_dedicated_team": "supports",
        "m_evaluation": "supports", "m_error_tolerance": "limits"}
