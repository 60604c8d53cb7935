"""Appendix and references: questionnaire from the codebook, data dictionary, reference counts."""

import pandas as pd
import yaml

from zhucun.data.codebook import load_codebook, parse_codebook
from zhucun.data.provenance import UNDESCRIBED, data_dictionary, data_hashes, package_versions, sha256
from zhucun.data.reference_types import reference_counts, type_mark
from zhucun.paths import data_path
from zhucun.prose.questionnaire import items_per_question, questionnaire_markdown
from zhucun.stats.likert import scale_prevalence


def test_questionnaire_follows_the_codebook(tmp_path):
    with open(data_path("codebook.yml"), encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    raw["variables"] = [dict(v, text="我修改过的题目") if v["name"] == "p1_paperwork" else v for v in raw["variables"]]
    text = questionnaire_markdown(parse_codebook(raw))
    assert "我修改过的题目" in text
    assert "填表报数、整理材料和迎检督查占用了我很大精力" not in text


def test_questionnaire_has_every_question_and_item():
    codebook = load_codebook()
    text = questionnaire_markdown(codebook)
    for question in codebook.questions:
        assert f"**{question.number}. " in text
    matrix_items = sum(len(q.variables) for q in codebook.questions if q.kind == "matrix")
    assert sum(1 for line in text.splitlines() if line.startswith("| ") and "○" in line) == matrix_items
    assert "健全“乡村吹哨，部门报到”机制" in text
    counts = items_per_question(codebook)
    assert counts["变量数"].sum() == len([v for v in codebook.variables if v.question is not None])


def test_data_dictionary_reads_files_and_descriptions(tmp_path):
    (tmp_path / "a.csv").write_text("x,y\n1,2\n3,4\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("k: 1\n", encoding="utf-8")
    (tmp_path / "data_dictionary.yml").write_text(
        "files:\n  a.csv: {content: 甲, source: 乙}\n", encoding="utf-8")
    table = data_dictionary(tmp_path).set_index("文件")
    assert table.loc["a.csv", "规模"] == "2行 × 2列"
    assert table.loc["a.csv", "内容"] == "甲"
    assert table.loc["b.yml", "内容"] == UNDESCRIBED
    # SHA-256 of "k: 1\n", computed with sha256sum.
    assert sha256(tmp_path / "b.yml") == "4746d1d6472bfcb56bcf75fef72889e96d9b688a766663ecedf45776aa786b9c"
    assert len(data_hashes(tmp_path)) == 3


def test_every_book_data_file_is_described():
    assert (data_dictionary()["内容"] != UNDESCRIBED).all()


def test_package_versions_start_with_python():
    versions = package_versions(("pandas", "no-such-package-xyz"))
    assert versions["软件"].tolist() == ["Python", "pandas", "no-such-package-xyz"]
    assert versions["版本"].iloc[-1] == "未安装"


class _Entry:
    def __init__(self, kind, **fields):
        self.type, self.fields = kind, fields


def test_type_marks():
    assert type_mark(_Entry("article")) == "J"
    assert type_mark(_Entry("article", entrysubtype="newspaper")) == "N"
    assert type_mark(_Entry("mastersthesis")) == "D"
    assert type_mark(_Entry("misc", url="https://example.org")) == "EB/OL"
    assert type_mark(_Entry("misc")) == "Z"


def test_reference_counts_sum_to_entries():
    from pybtex.database import parse_file

    counts = reference_counts()
    assert counts["条数"].sum() == len(parse_file(str(data_path("references.bib"))).entries)


def test_scale_prevalence_by_hand():
    codebook = load_codebook()
    survey = pd.DataFrame({item: [5, 4, 2, None] for scale in codebook.scales("manifestation")
                           for item in scale.items})
    result = scale_prevalence(survey, codebook=codebook)
    # Scores 5, 4, 2, missing → 2 of 3 agree.
    assert result["n"].tolist() == [3] * 4
    assert result["share"].iloc[0] == 2 / 3
