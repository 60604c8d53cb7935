"""`python -m zhucun questionnaire`: every file is written from the codebook, and what each platform exports
from it imports back to the demonstration data, cell by cell, with no crosswalk.

Each export is made FROM THE WRITTEN FILE, not from the codebook: the 问卷星 export's headers and answers
from the parsed import text, the KoboToolbox export's columns from the XLSForm's sheets, the keyed-in SPSS
file from the template's own labels. A change to the codebook therefore has to reach the file to keep the
round trip exact, and the last test rewords one item and finds the new wording in all four outputs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pandas as pd
import pyreadstat
import pytest
import yaml
from openpyxl import load_workbook

from tests.importers import export_forms as forms
from zhucun.book.questionnaire_files import (
    FILES,
    PRINTABLE_HTML,
    PRINTABLE_PDF,
    SPSS_TEMPLATE,
    WJX_TEXT,
    XLSFORM,
    write_questionnaire_files,
)
from zhucun.data.codebook import codebook_path, load_codebook
from zhucun.data.validation import SurveyValidationError
from zhucun.importers.survey_import import import_survey

CODEBOOK = load_codebook()
SHIPPED = forms.shipped()
ROWS = SHIPPED.to_dict("records")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("questionnaire")
    write_questionnaire_files(CODEBOOK, folder, pdf=False)
    return folder


def _imports_exactly(source, tmp_path):
    out = tmp_path / "survey_responses.csv"
    result = import_survey(source, out)
    assert out.read_bytes() == forms.contract_bytes(SHIPPED, tmp_path)
    return result


# --------------------------------------------------------------------------- 问卷星 text

def parse_wjx_text(text: str) -> list[dict]:
    """The questions of the import text: number, wording, kind, options (or matrix columns) and rows."""
    blocks = text.strip().split("\n\n")
    questions = []
    for block in blocks[1:]:
        first, *rest = block.split("\n")
        number, wording, kind = re.match(r"^(\d+)\. (.*)\[(单选题|多选题|矩阵量表题|填空题)\]$", first).groups()
        entry = {"number": int(number), "text": wording, "kind": kind, "options": rest, "rows": []}
        if kind == "矩阵量表题":
            entry["options"], entry["rows"] = rest[0].split(" "), rest[1:]
        questions.append(entry)
    return questions


def test_wjx_text_has_title_introduction_and_every_question_as_in_the_codebook(written):
    text = (written / WJX_TEXT).read_text(encoding="utf-8")
    title, introduction = text.split("\n")[:2]
    assert (title, introduction) == (CODEBOOK.title, CODEBOOK.introduction)
    parsed = parse_wjx_text(text)
    assert [q["number"] for q in parsed] == [q.number for q in CODEBOOK.questions]
    for entry, question in zip(parsed, CODEBOOK.questions):
        assert entry["text"] == question.text
        if question.kind == "matrix":
            assert entry["rows"] == [CODEBOOK.question_text(n) for n in question.variables]
        if question.kind == "multi_select":
            assert entry["options"] == [CODEBOOK.question_text(n) for n in question.variables]
            assert question.max_selected == 3 and "最多选三项" in entry["text"]
    assert {q["kind"] for q in parsed} == {"单选题", "多选题", "矩阵量表题", "填空题"}


def wjx_export_from_text(text: str, answers: str) -> list[list]:
    """A 问卷星 download ("text" = 按选项文本, "numbers" = 按选项序号) of the questionnaire the text made."""
    header, getters = list(forms.METADATA), []
    for entry, question in zip(parse_wjx_text(text), CODEBOOK.questions):
        names = question.variables
        if entry["kind"] == "矩阵量表题":
            for row_text, name in zip(entry["rows"], names):
                header.append(f"{entry['number']}({row_text})")
                getters.append(_answer(name, entry["options"], answers))
        elif entry["kind"] == "多选题":
            if answers == "numbers":
                header += [f"{entry['number']}({option})" for option in entry["options"]]
                getters += [lambda row, name=name: int(row[name]) for name in names]
            else:
                header.append(f"{entry['number']}、{entry['text']}")
                getters.append(lambda row, e=entry, names=names: "┋".join(
                    option for option, name in zip(e["options"], names) if row[name] == "1"))
        elif entry["kind"] == "填空题":
            header.append(f"{entry['number']}、{entry['text']}")
            getters.append(lambda row, name=names[0]: int(row[name]))
        else:
            header.append(f"{entry['number']}、{entry['text']}")
            getters.append(_answer(names[0], entry["options"], answers))
    rows = [header]
    for i, row in enumerate(ROWS):
        rows.append([i + 1, "2023/9/1 10:00:00", "300秒", "手机提交", "直接访问", "10.0.0.1(某省)"]
                    + [get(row) for get in getters])
    return rows


def _answer(name, options, answers):
    codes = [str(code.code) for code in CODEBOOK.variable(name).codes]

    def get(row):
        if not row[name]:
            return forms.SKIPPED[answers]
        position = codes.index(row[name])
        return position + 1 if answers == "numbers" else options[position]
    return get


@pytest.mark.parametrize("answers", ["text", "numbers"])
def test_wjx_exports_of_the_imported_text_import_exactly(written, tmp_path, answers):
    table = wjx_export_from_text((written / WJX_TEXT).read_text(encoding="utf-8"), answers)
    export = forms.write_xlsx(tmp_path / "wjx.xlsx", table)
    result = _imports_exactly(export, tmp_path)
    assert result.form == ("wjx_text" if answers == "text" else "wjx_numeric")


def test_wjx_spss_export_of_the_fielded_questionnaire_imports_exactly(tmp_path):
    # 问卷星's SPSS download labels Q1, Q8_3 … with the wording the questionnaire was imported with.
    _imports_exactly(forms.write_labelled(tmp_path / "wjx.sav", SHIPPED), tmp_path)


# --------------------------------------------------------------------------- XLSForm and its export

def _sheets(path):
    workbook = load_workbook(path, read_only=True)
    sheets = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}
    workbook.close()
    return {name: [dict(zip(rows[0], row)) for row in rows[1:]] for name, rows in sheets.items()}


def test_xlsform_converts_to_an_xform_with_pyxform(written):
    from pyxform.xls2xform import convert

    result = convert(xlsform=str(written / XLSFORM), warnings=[])
    xform = result.xform
    assert 'constraint="count-selected(.) &lt;= 3"' in xform
    assert 'constraint=". &gt;= 0 and . &lt;= 60"' in xform
    assert 'lang="中文 (zh)"' in xform and CODEBOOK.question_text("p1_paperwork") in xform
    sheets = _sheets(written / XLSFORM)
    survey = {row["name"]: row for row in sheets["survey"] if row["name"]}
    for variable in CODEBOOK.variables:
        if variable.question and variable.type != "multi_select_option":
            assert survey[variable.name]["label::中文 (zh)"] == CODEBOOK.question_text(variable.name)
            assert (survey[variable.name]["required"] == "yes") == (not variable.nullable)
    assert survey["time_use"]["type"] == "select_multiple time_use" and survey["time_use"]["required"] == "yes"
    assert sheets["settings"][0]["default_language"] == "中文 (zh)"


def kobo_export(form, how: str = "names", groups: str = "/", split: bool = True, joined: bool = True) -> list[list]:
    """The KoboToolbox/ODK data export of the XLSForm at *form*, with the shipped answers.

    Columns follow the survey sheet: group prefixes joined by *groups*, the select_multiple question as a
    space-separated column (*joined*) and/or one 0/1 column per choice (*split*); answers as choice names
    ("XML values") or labels; metadata columns before and after, as the platforms add them.
    """
    sheets = _sheets(form)
    labels = {(row["list_name"], str(row["name"])): row["label::中文 (zh)"] for row in sheets["choices"]}
    header, getters, path = ["start", "end"], [lambda row: "2023-09-01T10:00:00", lambda row: "2023-09-01T10:05"], []
    for row in sheets["survey"]:
        kind, name = (row["type"] or "").split(" ")[0], row["name"]
        listed = (row["type"] or " ").split(" ")[-1]
        if kind == "begin_group":
            path.append(name)
        elif kind == "end_group":
            path.pop()
        elif kind in ("select_one", "integer"):
            header.append(groups.join([*path, name]))
            getters.append(lambda r, name=name, listed=listed, kind=kind: (
                "" if not r[name] else labels[(listed, r[name])] if how == "labels" and kind == "select_one"
                else r[name]))
        elif kind == "select_multiple":
            options = [c["name"] for c in sheets["choices"] if c["list_name"] == listed]
            if joined:
                header.append(groups.join([*path, name]))
                getters.append(lambda r, options=options: " ".join(o for o in options if r[o] == "1"))
            if split:
                header += [groups.join([*path, name]) + "/" + o for o in options]
                getters += [lambda r, o=o: int(r[o]) for o in options]
    header += ["meta/instanceID", "_id", "_uuid", "_submission_time", "_index"]
    table = [header]
    for i, row in enumerate(ROWS):
        table.append([get(row) for get in getters] + [f"uuid:{i}", i, f"u{i}", "2023-09-01", i + 1])
    return table


def _with_ids(table):
    """The surveyor's questionnaire number, a calculate field some forms add; here as the contract id."""
    return [table[0] + ["respondent_id"]] + [row + [r["respondent_id"]] for row, r in zip(table[1:], ROWS)]


@pytest.mark.parametrize("shape", ["xlsx-names", "xlsx-labels", "csv-split-only", "csv-joined-only", "odk-dash"])
def test_kobo_and_odk_exports_of_the_xlsform_import_exactly(written, tmp_path, shape):
    form = written / XLSFORM
    if shape == "xlsx-names":
        source = forms.write_xlsx(tmp_path / "kobo.xlsx", _with_ids(kobo_export(form)))
    elif shape == "xlsx-labels":
        source = forms.write_xlsx(tmp_path / "kobo.xlsx", _with_ids(kobo_export(form, "labels")))
    elif shape == "csv-split-only":
        source = forms.write_csv(tmp_path / "kobo.csv", _with_ids(kobo_export(form, joined=False)), "utf-8-sig")
    elif shape == "csv-joined-only":
        source = forms.write_csv(tmp_path / "kobo.csv", _with_ids(kobo_export(form, split=False)), "utf-8")
    else:
        source = forms.write_csv(tmp_path / "odk.csv", _with_ids(kobo_export(form, groups="-")), "utf-8")
    result = _imports_exactly(source, tmp_path)
    assert result.form == "xlsform"
    assert "_uuid" in result.unused and "meta/instanceID" in result.unused


def test_kobo_export_without_ids_gets_generated_ids(written, tmp_path):
    source = forms.write_xlsx(tmp_path / "kobo.xlsx", kobo_export(written / XLSFORM))
    out = tmp_path / "out.csv"
    import_survey(source, out)
    imported = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert imported["respondent_id"].tolist()[:2] == ["R001", "R002"]
    pd.testing.assert_frame_equal(imported.drop(columns="respondent_id"),
                                  SHIPPED.drop(columns="respondent_id").reset_index(drop=True))


# --------------------------------------------------------------------------- SPSS template

def test_spss_template_has_the_variables_labels_and_no_cases(written):
    data, meta = pyreadstat.read_sav(str(written / SPSS_TEMPLATE))
    names = [v.name for v in CODEBOOK.variables if v.name != "synthetic"]
    assert len(data) == 0 and meta.column_names == names
    assert meta.column_names_to_labels["p1_paperwork"] == CODEBOOK.question_text("p1_paperwork")
    assert meta.variable_value_labels["role"] == {1: "第一书记", 2: "工作队员"}
    assert meta.variable_value_labels["p1_paperwork"][5] == "非常同意"
    assert meta.variable_storage_width["respondent_id"] == 32


def test_filled_in_spss_template_imports_exactly(written, tmp_path):
    """Keyed in as SPSS keeps it: the template's variables, labels and formats, answers as its stored numbers."""
    _, meta = pyreadstat.read_sav(str(written / SPSS_TEMPLATE))
    data = {}
    for name in meta.column_names:
        if name == "respondent_id":
            data[name] = SHIPPED[name].astype(object)
            continue
        by_label = {label: value for value, label in meta.variable_value_labels.get(name, {}).items()}
        labels = CODEBOOK.labels(name)
        data[name] = SHIPPED[name].map(
            lambda code, by_label=by_label, labels=labels, name=name: float("nan") if code == "" else
            float(code) if not labels else float(by_label[labels[int(code) if isinstance(next(iter(labels)), int)
                                                                  else code]]))
    filled = tmp_path / "keyed.sav"
    pyreadstat.write_sav(pd.DataFrame(data), str(filled), column_labels=meta.column_names_to_labels,
                         variable_value_labels=meta.variable_value_labels)
    assert _imports_exactly(filled, tmp_path).form == "sav"


# --------------------------------------------------------------------------- printable questionnaire

def test_printable_page_has_consent_numbered_questions_boxes_and_grids(written):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((written / PRINTABLE_HTML).read_text(encoding="utf-8"), "html.parser")
    assert page.find("p", class_="consent").get_text() == CODEBOOK.introduction
    titles = [h.get_text() for h in page.select("section.question h2")]
    assert titles == [f"{q.number}. {q.text}" for q in CODEBOOK.questions]
    grids = page.select("table.grid")
    assert len(grids) == sum(q.kind == "matrix" for q in CODEBOOK.questions)
    assert [len(g.select("tbody tr")) for g in grids] == [len(q.variables) for q in CODEBOOK.questions
                                                          if q.kind == "matrix"]
    assert "break-inside: avoid" in page.find("style").get_text()
    assert len(page.select("section#q11 .box")) == 8


# --------------------------------------------------------------------------- one source for all

def _texts(folder):
    """What a reader of each file sees, as text."""
    import pypdf

    workbook = load_workbook(folder / XLSFORM, read_only=True)
    xlsform = " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True)
                       for cell in row if cell)
    workbook.close()
    _, meta = pyreadstat.read_sav(str(folder / SPSS_TEMPLATE))
    pdf = "".join(page.extract_text() for page in pypdf.PdfReader(folder / PRINTABLE_PDF).pages)
    return {"wjx": (folder / WJX_TEXT).read_text(encoding="utf-8"), "xlsform": xlsform,
            "spss": " ".join(meta.column_labels), "html": (folder / PRINTABLE_HTML).read_text(encoding="utf-8"),
            "pdf": pdf.replace("\n", "")}


@pytest.mark.slow  # prints the questionnaire with Chromium
def test_rewording_an_item_in_the_codebook_changes_all_four_outputs(tmp_path, printed):
    old = CODEBOOK.question_text("p3_funds")
    new = "为所驻村争取上级项目资金非常困难"
    raw = yaml.safe_load(codebook_path().read_text(encoding="utf-8"))
    for variable in raw["variables"]:
        if variable["name"] == "p3_funds":
            variable["text"] = new
    changed = tmp_path / "codebook.yml"
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "zhucun", "questionnaire", "--codebook", str(changed),
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    before, after = _texts(printed), _texts(out)  # printed: the files of the codebook as it is
    for name in before:
        assert old in before[name] and new not in before[name], name
        assert new in after[name] and old not in after[name], name


def test_a_bad_codebook_writes_nothing(tmp_path):
    broken = tmp_path / "codebook.yml"
    text = codebook_path().read_text(encoding="utf-8")
    broken.write_text(text.replace("kind: matrix\n    answer_scale: agreement",
                                   "kind: matrix\n    answer_scale: nosuch", 1), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "zhucun", "questionnaire", "--codebook", str(broken),
                           "-o", str(out), "--no-pdf"], capture_output=True, text=True)
    assert done.returncode == 1
    assert str(broken) in done.stderr or "nosuch" in done.stderr
    assert "未写入任何文件" in done.stderr
    assert not out.exists()
    missing = subprocess.run([sys.executable, "-m", "zhucun", "questionnaire", "--codebook",
                              str(tmp_path / "none.yml"), "-o", str(out)], capture_output=True, text=True)
    assert missing.returncode == 1 and "none.yml" in missing.stderr and not out.exists()
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    taken = subprocess.run([sys.executable, "-m", "zhucun", "questionnaire", "-o", str(a_file), "--no-pdf"],
                           capture_output=True, text=True)
    assert taken.returncode == 1 and "not a folder" in taken.stderr and a_file.read_text() == "x"


@pytest.mark.parametrize("damage, expected", [
    (lambda t: [t[0].append("surveyor_note")] + [r.append("x") for r in t[1:]],
     "第{col}列 'surveyor_note'：不是本书XLSForm"),
    (lambda t: t[3].__setitem__(t[0].index("q8/p1_paperwork"), "很同意"), "第4行 '很同意'"),
    (lambda t: t[2].__setitem__(t[0].index("time_use"), "time_paperwork time_nosuch"), "第3行 'time_nosuch'"),
    (lambda t: t[5].__setitem__(t[0].index("time_use/time_other"), 1 - t[5][t[0].index("time_use/time_other")]),
     "time_use：合并列 'time_use' 与各选项列不一致"),
    (lambda t: t[4].__setitem__(t[0].index("tenure_months"), "七十"), "第5行 '七十'"),
])
def test_bad_kobo_exports_are_reported_and_nothing_is_written(written, tmp_path, damage, expected):
    table = _with_ids(kobo_export(written / XLSFORM))
    damage(table)
    source = forms.write_xlsx(tmp_path / "kobo.xlsx", table)
    out = tmp_path / "out.csv"
    with pytest.raises(SurveyValidationError) as error:
        import_survey(source, out)
    assert expected.format(col=len(table[0])) in str(error.value)
    assert not out.exists()


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("printed")
    write_questionnaire_files(CODEBOOK, folder)
    return folder


@pytest.mark.slow  # prints the questionnaire with Chromium
def test_each_matrix_prints_on_one_a4_page(printed):
    import pypdf

    reader = pypdf.PdfReader(printed / PRINTABLE_PDF)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]
    for question in CODEBOOK.questions:
        if question.kind != "matrix":
            continue
        rows = [re.sub(r"\s+", "", CODEBOOK.question_text(name)) for name in question.variables]
        holding = {i for i, text in enumerate(pages) for row in rows if row in text}
        assert len(holding) == 1, (question.number, holding)
        page = holding.pop()
        assert all(row in pages[page] for row in rows), question.number


@pytest.mark.slow  # prints the questionnaire with Chromium
def test_an_added_option_reaches_every_format(tmp_path):
    raw = yaml.safe_load(codebook_path().read_text(encoding="utf-8"))
    added = "易地搬迁后续帮扶村"
    for variable in raw["variables"]:
        if variable["name"] == "village_type":
            variable["codes"].append({"code": "resettlement_follow_up", "label": added})
    changed = tmp_path / "codebook.yml"
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    write_questionnaire_files(load_codebook(changed), out)
    texts = _texts(out)
    assert all(added in text for text in (texts["wjx"], texts["xlsform"], texts["html"], texts["pdf"]))
    _, meta = pyreadstat.read_sav(str(out / SPSS_TEMPLATE))
    assert meta.variable_value_labels["village_type"][8] == added
    choices = _sheets(out / XLSFORM)["choices"]
    assert {"list_name": "village_type", "name": "resettlement_follow_up", "label::中文 (zh)": added} in choices


@pytest.mark.slow  # prints the questionnaire with Chromium
def test_the_build_rewrites_the_files_only_when_the_codebook_changes(tmp_path):
    from zhucun.book.questionnaire_files import publish_questionnaire_files

    html = tmp_path / "_build" / "html"
    codebook = tmp_path / "codebook.yml"
    shutil.copyfile(codebook_path(), codebook)
    assert publish_questionnaire_files(html, codebook)
    assert sorted(p.name for p in (html / "_questionnaire").iterdir()) == sorted(FILES)
    assert not publish_questionnaire_files(html, codebook)
    codebook.write_text(codebook.read_text(encoding="utf-8").replace("问卷编号", "问卷序号"), encoding="utf-8")
    assert publish_questionnaire_files(html, codebook)
    assert "问卷序号" in (html / "_questionnaire" / PRINTABLE_HTML).read_text(encoding="utf-8")
