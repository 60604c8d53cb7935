"""One import command for every common form of real survey data.

    python -m zhucun import FILE -o data/survey_responses.csv [--map MAP.yml] [--sheet NAME]

(``import-wjx`` is the same command.) The form is told from the CONTENT, never
the file name:

* SPSS ``.sav`` (starts ``$FL2``/``$FL3``) and Stata ``.dta`` (``<stata_dta>``,
  or the binary header of releases 102–115): :mod:`zhucun.importers.spss_import`;
* xlsx (a zip) or csv (UTF-8, UTF-8 with BOM, GBK) with ``--map``: the
  researcher's own columns through a crosswalk, :mod:`zhucun.importers.crosswalk_import`;
* xlsx or csv without ``--map`` whose columns are named as the questions of
  the book's XLSForm (``q8/p1_paperwork``, ``time_use`` …): a KoboToolbox or
  ODK export, :mod:`zhucun.importers.xlsform_import`;
* any other xlsx or csv without ``--map``: a 问卷星 export, by option text or
  by option number, :mod:`zhucun.importers.wjx_import`.

An encrypted xlsx or old .xls, an empty file and an unknown binary are
reported as such. On success the contract CSV is written and a short table
tells, for each contract variable, the source column, how it was matched and
how many answered; then the source columns not used and the blocks not asked.
On any problem nothing is written and every problem is listed at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabulate import tabulate

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.synthetic import write_csv
from zhucun.data.validation import SurveyValidationError
from zhucun.importers.crosswalk_import import convert_crosswalk, load_crosswalk
from zhucun.importers.source_files import FORMS, MATCH_KINDS, ImportResult, file_kind, finish, read_table
from zhucun.importers.spss_import import convert_labelled
from zhucun.importers.wjx_import import convert_wjx, parse_header
from zhucun.importers.xlsform_import import convert_xlsform_export, looks_like_xlsform_export

REPORT_COLUMN_WIDTH = 28  # long 问卷星 headers are cut in the report so its table stays readable


def detect_form(path: Path | str, crosswalk: Path | str | None = None, sheet: str | None = None,
                codebook: Codebook | None = None) -> str:
    """Which importer reads the file: ``sav``, ``dta``, ``crosswalk``, ``xlsform`` or ``wjx`` (from the content)."""
    kind = file_kind(path)
    if kind in ("sav", "dta"):
        return kind
    if crosswalk is not None:
        return "crosswalk"
    return "xlsform" if _is_xlsform_export(read_table(path, sheet), codebook or load_codebook()) else "wjx"


def _is_xlsform_export(table, codebook: Codebook) -> bool:
    """Columns named as the XLSForm's questions, and none numbered as 问卷星 numbers its questions."""
    return looks_like_xlsform_export(table.header, codebook) and not any(parse_header(h) for h in table.header)


def convert_survey(path: Path | str, crosswalk: Path | str | None = None, sheet: str | None = None,
                   codebook: Codebook | None = None) -> ImportResult:
    """Convert any supported source to contract codes and validate it; raises listing every problem."""
    codebook = codebook or load_codebook()
    source = str(path)
    form = detect_form(path, crosswalk, sheet, codebook)
    if form in ("sav", "dta"):
        given = [option for option, value in (("--map", crosswalk), ("--sheet", sheet)) if value is not None]
        if given:
            raise SurveyValidationError(source, [
                f"{' 和 '.join(given)} 只用于xlsx或csv文件；SPSS/Stata文件按变量标签和值标签匹配 / "
                f"{' and '.join(given)} apply to xlsx or csv only; SPSS/Stata files are matched by their labels"])
        conversion = convert_labelled(path, form, codebook)
    elif form == "crosswalk":
        walk = load_crosswalk(crosswalk, codebook)
        conversion = convert_crosswalk(read_table(path, sheet), walk, codebook)
        source = f"{source}（对照表 / crosswalk {crosswalk}）"
    elif form == "xlsform":
        conversion = convert_xlsform_export(read_table(path, sheet), codebook)
    else:
        conversion = convert_wjx(read_table(path, sheet), codebook)
    return finish(conversion, source, codebook)


def import_survey(path: Path | str, output: Path | str, crosswalk: Path | str | None = None,
                  sheet: str | None = None, codebook: Codebook | None = None) -> ImportResult:
    """Convert *path* and write the contract CSV to *output*; nothing is written when anything is wrong."""
    result = convert_survey(path, crosswalk, sheet, codebook)
    write_csv(result.frame, output)
    return result


def _shortened(text: str, width: int = REPORT_COLUMN_WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def format_report(result: ImportResult, output: Path | str, codebook: Codebook | None = None) -> str:
    """What the import did: a row per contract variable, then the unused source columns and the blocks not asked."""
    codebook = codebook or load_codebook()
    rows = [(match.variable, _shortened(match.source) or "—", MATCH_KINDS[match.how],
             int((result.frame[match.variable] != "").sum())) for match in result.matched]
    table = tabulate(rows, headers=["变量 / variable", "来源列 / source column", "匹配方式 / matched by",
                                    "作答数 / answered"], tablefmt="simple", disable_numparse=True)
    unused = "、".join(result.unused) or "无 / none"
    not_asked = "；".join(f"{codebook.block(block).name}（{block}）" for block in result.not_asked) or "无 / none"
    return (f"已导入 {len(result.frame)} 份答卷 / imported {len(result.frame)} responses: {output}\n"
            f"来源 / source: {result.source} — {FORMS[result.form]}\n\n{table}\n\n"
            f"未使用的来源列 / source columns not used: {unused}\n"
            f"未调查的题块（文件中没有这些列） / blocks not asked (their columns are absent): {not_asked}")


def import_main(argv: list[str]) -> int:
    """``python -m zhucun import FILE -o OUT [--map MAP.yml] [--sheet NAME]``: exit 0 with the report, else 1."""
    parser = argparse.ArgumentParser(prog="zhucun import", description=(
        "把问卷数据（问卷星导出、本书XLSForm的Kobo/ODK导出、SPSS、Stata或自有表格）转换为本书的数据格式 / convert "
        "survey data (a wjx.cn export, a Kobo/ODK export of the book's XLSForm, SPSS, Stata or your own table) to "
        "the contract format"))
    parser.add_argument("file", help="xlsx、csv、.sav 或 .dta（格式由内容判断） / the file (form told by content)")
    parser.add_argument("-o", "--output", required=True, help="输出CSV / output CSV")
    parser.add_argument("--map", default=None, help="对照表YAML（自有列名与编码时） / crosswalk YAML for own columns")
    parser.add_argument("--sheet", default=None, help="xlsx中要读取的工作表 / the xlsx sheet to read")
    args = parser.parse_args(argv)
    try:
        result = import_survey(args.file, args.output, args.map, args.sheet)
    except SurveyValidationError as error:
        print(str(error), file=sys.stderr)
        print("未写入任何文件 / nothing was written", file=sys.stderr)
        return 1
    print(format_report(result, args.output))
    return 0
