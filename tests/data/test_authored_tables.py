"""The authored tables of data/*.yml: read in file order, bad files named, bibliography keys checked."""

import shutil

import pytest

from zhucun.data.authored_tables import (
    AuthoredTableError,
    load_measure_adoption,
    load_measure_basis,
    load_policy_provisions,
    load_requirement_table,
)
from zhucun.data.framework import load_countermeasure_framework
from zhucun.paths import data_dir


@pytest.fixture
def book(tmp_path):
    (tmp_path / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    shutil.copytree(data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("private"))
    return tmp_path


def test_the_duties_and_periods_tables_keep_their_column_order():
    duties = load_requirement_table("duties")
    assert list(duties.columns)[0] == "职责" and list(duties["职责"]) == [
        "建强村党组织", "推进强村富民", "提升治理水平", "为民办事服务"]
    assert list(load_requirement_table("periods").columns) == [
        "比较维度", "脱贫攻坚期", "乡村振兴期", "变化的方向（本书归纳）"]


def test_every_measure_has_a_theory_basis_and_no_second_policy_column():
    basis = load_measure_basis()
    assert len(basis) == 11 and all(entry["theory"] for entry in basis.values())
    # What the policy texts say is in data/policy_provisions.yml only.
    assert all(set(entry) == {"theory"} for entry in basis.values())


def test_policy_provisions_are_read_with_their_articles():
    readings = load_policy_provisions()
    assert len(readings) == 11
    assert readings["m_dedicated_team"].status == "supports"
    assert readings["m_dedicated_team"].articles == "2017年两办指导意见一、（二）基本原则；2021年中办意见一、总体要求"
    # A news summary is not an article, and a place is named once however many provisions stand there.
    assert readings["m_handover"].status == "supports"
    assert readings["m_handover"].articles == "2021年中办意见的新闻联播摘要；2017年两办指导意见的新华社摘要"
    assert readings["m_evaluation"].articles == (
        "2017年两办指导意见一、（二）基本原则；2021年中办意见一、总体要求；2021年中办意见的新闻联播摘要")
    assert len(readings["m_evaluation"].provisions) == 5
    assert readings["m_negative_list"].articles == "" and readings["m_negative_list"].words.startswith("所读部分未涉及")


def test_a_bad_policy_status_is_named(book):
    path = book / "data" / "policy_provisions.yml"
    text = path.read_text(encoding="utf-8").replace("status: silent_in_read_part", "status: silent", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"measures.m_negative_list.status: 'silent'; allowed: supports"):
        load_policy_provisions(book)


@pytest.mark.parametrize(("old", "new", "message"), [
    # a summary the document was not read through (the 2017 guidance has only Xinhua's)
    ("        article: 新华社摘要\n        quote: 每期驻村", "        article: 新闻联播摘要\n        quote: 每期驻村",
     r"measures.m_handover.provisions\[2\].article: '新闻联播摘要'; allowed: the document's numbering \(一、…\) "
     r"or one of its summaries \(新华社摘要\)"),
    # an article that is neither the document's numbering nor a summary label
    ("        article: 一、总体要求\n        quote: 拓展工作内容",
     "        article: 总体要求\n        quote: 拓展工作内容",
     r"measures.m_duty_list.provisions\[1\].article: '总体要求'"),
    # a summary label the book does not know
    ("      新闻联播摘要: cctv2021opinion", "      人民日报摘要: cctv2021opinion",
     r"documents.zhongban2021opinion.summaries: \['人民日报摘要'\]; allowed: 新华社摘要, 新闻联播摘要"),
    # a summary whose report is not in the bibliography
    ("      新闻联播摘要: cctv2021opinion", "      新闻联播摘要: nosuchreport",
     r"documents.zhongban2021opinion.summaries: \['nosuchreport'\] not in data/references.bib"),
])
def test_an_article_is_the_document_s_numbering_or_one_of_its_summaries(book, old, new, message):
    path = book / "data" / "policy_provisions.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=message):
        load_policy_provisions(book)


def test_a_status_without_a_provision_is_refused(book):
    path = book / "data" / "policy_provisions.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  m_negative_list:")
    text = text[:start] + text[start:].replace("status: silent_in_read_part", "status: supports", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"measures.m_negative_list: status 'supports' needs"):
        load_policy_provisions(book)


def test_measure_adoption_is_the_book_s_judgement_for_every_measure():
    plan = load_measure_adoption()
    assert len(plan.measures) == 11 and set(plan.batch_reasons) == {1, 2, 3}
    assert all(entry.level and entry.cost and entry.gain and entry.precondition and entry.pilot_outcome
               for entry in plan.measures.values())
    # The handover is tied to the rotation at the end of a term, so it comes first.
    assert plan.measures["m_handover"].batch == 1 and "轮换" in plan.measures["m_handover"].precondition
    assert "县级组织部门" in plan.measures["m_duty_list"].cost  # as chapter 五 names the cost bearer
    assert "对照" in plan.pilot_design and "任期" in plan.pilot_design


def test_no_doubtful_link_is_in_the_first_batch():
    plan = load_measure_adoption()
    doubtful = {measure.id for measure in load_countermeasure_framework().measures if measure.doubtful}
    assert doubtful and all(plan.measures[measure].batch > 1 for measure in doubtful)


def test_an_unknown_batch_is_named(book):
    path = book / "data" / "measure_adoption.yml"
    text = path.read_text(encoding="utf-8").replace("    batch: 1\n", "    batch: 4\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"measures.m_duty_list.batch: 4; allowed: 1, 2, 3"):
        load_measure_adoption(book)


def test_a_column_of_another_length_is_named(book):
    path = book / "data" / "requirement_tables.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('        - "为民办事服务"\n', "", 1), encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"requirement_tables.yml: tables.duties.columns: every column"):
        load_requirement_table("duties", book)


def test_an_unknown_bibliography_key_is_refused(book):
    path = book / "data" / "policy_provisions.yml"
    text = path.read_text(encoding="utf-8").replace("  zhongban2017guidance:\n", "  nosuchkey:\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"documents: \['nosuchkey'\] not in data/references.bib"):
        load_policy_provisions(book)


def test_a_missing_measure_is_named(book):
    path = book / "data" / "measure_basis.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  m_error_tolerance:")
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"missing \['m_error_tolerance'\]"):
        load_measure_basis(book)
