"""Command line: ``python -m zhucun SUBCOMMAND ...`` (also installed as ``zhucun``).

Each subcommand is one line of :data:`SUBCOMMANDS`: its name, the
``module:function`` that runs it and a one-line help text. The function
receives the remaining arguments (it parses them itself) and returns the exit
status. Modules are imported only when their subcommand runs, so a slow or
broken module never breaks the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "demo-data": (
        "zhucun.data.synthetic:demo_data_main",
        "生成合成演示问卷数据 / write synthetic demonstration survey data",
    ),
    "demo-interviews": (
        "zhucun.data.synthetic:demo_interviews_main",
        "生成合成访谈编码 / write synthetic coded interviews",
    ),
    "validate": (
        "zhucun.data.survey:validate_main",
        "校验问卷数据文件 / validate a survey data file",
    ),
    "import": (
        "zhucun.importers.survey_import:import_main",
        "导入问卷数据（问卷星、SPSS、Stata或自有表格加对照表） / convert survey data to the contract format",
    ),
    "import-wjx": (
        "zhucun.importers.survey_import:import_main",
        "同 import（旧名） / the same as import (its former name)",
    ),
    "questionnaire": (
        "zhucun.book.questionnaire_files:main",
        "由编码手册写出问卷星文本、XLSForm、SPSS模板与可打印问卷 / write the questionnaire files for fielding",
    ),
    "pdf": (
        "zhucun.book.print_edition:main",
        "印刷版：把全书打印为 _build/pdf/book.pdf / print the book to a PDF",
    ),
    "bundle": (
        "zhucun.book.bundle:main",
        "网页版与印刷版打包为 _build/zhucun-book.zip（缺少的先构建） / zip the web book and the PDF",
    ),
    "pin-outputs": (
        "zhucun.book.pinned_outputs:main",
        "重新执行各章并记录供 nbval 比对的核心数字 / re-record the pinned headline outputs",
    ),
    "pin-pages": (
        "zhucun.book.pinned_outputs:pin_pages_main",
        "把各章页面的文字与图中数字写成 tests/pages/ 中的快照 / pin the built chapter pages as text snapshots",
    ),
}


def _run(target: str, argv: list[str]) -> int:
    module_name, function_name = target.split(":")
    return int(getattr(importlib.import_module(module_name), function_name)(argv) or 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhucun", description="驻村干部研究书的数据工具 / data tools of the book")
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    for name, (_, help_text) in SUBCOMMANDS.items():
        commands.add_parser(name, help=help_text, add_help=False)
    argv = list(sys.argv[1:] if argv is None else argv)
    # Only the subcommand's name is parsed here; everything after it belongs to the subcommand.
    args, rest = parser.parse_known_args(argv[:1])
    return _run(SUBCOMMANDS[args.command][0], argv[1:] + rest)


if __name__ == "__main__":
    sys.exit(main())
