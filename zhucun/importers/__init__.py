"""The import tools of the command line (``python -m zhucun import``): they convert a researcher's
survey export into the book's data contract (``data/survey_responses.csv``).

问卷星 exports by option text or number, SPSS ``.sav`` and Stata ``.dta`` files
(matched by variable and value labels), and a researcher's own table through a
crosswalk. They read with the data layer's codebook and validation; no chapter
imports them, so they stand apart from the loaders the chapters use.
"""

from zhucun.lazy_exports import lazy_exports

EXPORTS = {
    "COLUMN_KEYS": "crosswalk_import",
    "CROSSWALK_KEYS": "crosswalk_import",
    "ColumnMap": "crosswalk_import",
    "Crosswalk": "crosswalk_import",
    "convert_crosswalk": "crosswalk_import",
    "load_crosswalk": "crosswalk_import",
    "CASE_NOTE": "source_files",
    "CellProblems": "source_files",
    "Conversion": "source_files",
    "FILE_KINDS": "source_files",
    "FORMS": "source_files",
    "ImportResult": "source_files",
    "MATCH_KINDS": "source_files",
    "Matched": "source_files",
    "SourceTable": "source_files",
    "allowed_texts": "source_files",
    "answer_lookup": "source_files",
    "cell_text": "source_files",
    "coverage_problems": "source_files",
    "file_kind": "source_files",
    "finish": "source_files",
    "normalise": "source_files",
    "read_table": "source_files",
    "whole_number": "source_files",
    "CHOSEN": "spss_import",
    "NOT_CHOSEN": "spss_import",
    "convert_labelled": "spss_import",
    "read_labelled": "spss_import",
    "REPORT_COLUMN_WIDTH": "survey_import",
    "convert_survey": "survey_import",
    "detect_form": "survey_import",
    "format_report": "survey_import",
    "import_main": "survey_import",
    "import_survey": "survey_import",
    "JOINED_SEPARATOR": "wjx_import",
    "METADATA_COLUMNS": "wjx_import",
    "MISSING_ANSWERS": "wjx_import",
    "WORDING_SIMILARITY": "wjx_import",
    "convert_export": "wjx_import",
    "convert_wjx": "wjx_import",
    "import_wjx": "wjx_import",
    "parse_header": "wjx_import",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
