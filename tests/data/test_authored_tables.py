"""The authored tables of data/*.yml: read in file order, bad files named, bibliography keys checked."""

import shutil

import pytest

from zhucun.data.authored_tables import AuthoredTableError, load_measure_basis, load_requirement_table
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


def test_every_measure_has_a_theory_and_a_policy_basis():
    basis = load_measure_basis()
    assert len(basis) == 11
    assert all(entry["theory"] and entry["policy"] for entry in basis.values())
    # A policy basis named as indirect rests on a reference; "未见…" on none.
    assert all(bool(entry["source_key"]) == entry["policy"].startswith("间接") for entry in basis.values())


def test_a_column_of_another_length_is_named(book):
    path = book / "data" / "requirement_tables.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('        - "为民办事服务"\n', "", 1), encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"requirement_tables.yml: tables.duties.columns: every column"):
        load_requirement_table("duties", book)


def test_an_unknown_bibliography_key_is_refused(book):
    path = book / "data" / "measure_basis.yml"
    text = path.read_text(encoding="utf-8").replace('"zhongban2021opinion"', '"nosuchkey"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"measures.m_duty_list.source_key: \['nosuchkey'\]"):
        load_measure_basis(book)


def test_a_missing_measure_is_named(book):
    path = book / "data" / "measure_basis.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  m_error_tolerance:")
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(AuthoredTableError, match=r"missing \['m_error_tolerance'\]"):
        load_measure_basis(book)
