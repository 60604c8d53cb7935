"""The reviewed literature counted from bibliography metadata (zhucun.data.literature)."""

import textwrap

import pytest

from zhucun.data.literature import counts_by_strand_and_review, counts_by_strand_and_year, load_reviewed_literature

BIB = textwrap.dedent("""
    @book{a, title = {A}, year = {2007}, language = {zh}, strand = {embedded}, review = {foreign}}
    @article{b, title = {B}, year = {2021}, language = {zh}, strand = {embedded}, review = {domestic}}
    @article{c, title = {C}, year = {2021}, language = {zh}, strand = {embedded}, review = {domestic}}
    @article{d, title = {D}, year = {2021}, language = {en}, strand = {power_responsibility}, review = {foreign}}
    @misc{policy, title = {P}, year = {2021}, language = {zh}}
    @thesis{e, title = {E}, year = {2008}, language = {en}, strand = {collaborative}, review = {foreign}}
""")


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_only_entries_with_a_strand_are_reviewed_literature(bib):
    lit = load_reviewed_literature(bib)
    assert sorted(lit["key"]) == ["a", "b", "c", "d", "e"]
    assert lit.loc[lit["key"] == "d", "language"].item() == "en"
    assert lit.loc[lit["key"] == "a", "year"].item() == 2007


def test_counts_by_year_and_strand_by_hand(bib):
    counts = counts_by_strand_and_year(load_reviewed_literature(bib))
    rows = {(r.出版年份, r.研究脉络): r.文献数 for r in counts.itertuples()}
    assert rows == {("2007", "嵌入式治理"): 1, ("2008", "协同治理"): 1,
                    ("2021", "嵌入式治理"): 2, ("2021", "权责关系"): 1}
    assert list(counts["出版年份"]) == sorted(counts["出版年份"])


def test_counts_by_strand_and_review_by_hand(bib):
    table = counts_by_strand_and_review(load_reviewed_literature(bib))
    assert table.loc["嵌入式治理"].tolist() == [1, 2, 3]
    assert table.loc["协同治理"].tolist() == [1, 0, 1]
    assert table.loc["权责关系"].tolist() == [1, 0, 1]


def test_unknown_strand_is_refused(tmp_path):
    path = tmp_path / "bad.bib"
    path.write_text("@book{x, title={X}, year={2000}, strand={other}, review={foreign}}", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown strand"):
        load_reviewed_literature(path)


def test_the_books_bibliography_has_all_three_strands():
    lit = load_reviewed_literature()
    assert set(lit["strand"]) == {"embedded", "collaborative", "power_responsibility"}
    assert lit["year"].notna().all()
