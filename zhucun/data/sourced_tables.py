"""The book's sourced facts (data/*.csv), read and checked.

Each loader reads one file from the book's ``data/`` folder, validates it with
a pandera schema (all problems collected, not only the first) and returns a
typed DataFrame. A bad file raises :class:`FactsDataError` whose message names
the file, the column, the line as counted in the file (header = line 1), the
offending value and what is allowed.

Every row carries ``source`` (a short citation in Chinese) and ``source_key``
(a key of ``data/references.bib``); the schemas refuse keys the bibliography
does not have.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from zhucun.data.literature import BIBLIOGRAPHY_FILE
from zhucun.paths import data_path

DEPLOYMENT_FILE = "j_province_deployment.csv"
VILLAGE_TYPES_FILE = "village_types.csv"
NATIONAL_FIGURES_FILE = "national_figures.csv"
POLICY_TIMELINE_FILE = "policy_timeline.csv"
POPULATION_MARGINS_FILE = "population_margins.csv"

DEPLOYMENT_INDICATORS = (
    "villages_assisted",
    "village_types",
    "cadres_total",
    "first_secretaries",
    "work_teams",
    "share_of_admin_villages_pct",
    "cadres_rotated_2023",
    "term_years",
    "thesis_sample_size",
)
VILLAGE_TYPE_CODES = (
    "weak_collective", "coop_led", "poverty_exited", "leader_contact",
    "relocation", "red_beautiful", "border",
)
LEVELS = ("national", "provincial")
QUALIFIERS = ("stated", "approximate", "at_least")
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class FactsDataError(ValueError):
    """A data file does not have the form the book relies on."""


@lru_cache(maxsize=8)
def _bib_keys(path: Path) -> frozenset[str]:
    from pybtex.database import parse_file

    return frozenset(parse_file(str(path)).entries.keys())


def bibliography_keys(start: Path | str | None = None) -> frozenset[str]:
    """The entry keys of ``data/references.bib``."""
    return _bib_keys(data_path(BIBLIOGRAPHY_FILE, start))


def _text(**kwargs) -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), nullable=False, **kwargs)


def _date() -> pa.Column:
    return pa.Column(
        str,
        [
            pa.Check.str_matches(DATE_PATTERN, error="an ISO date YYYY-MM-DD, a month YYYY-MM or a year YYYY"),
            pa.Check(lambda s: pd.to_datetime(s, format="mixed", errors="coerce").notna(),
                     element_wise=False, error="a date that exists in the calendar"),
        ],
    )


def _source_columns(keys: frozenset[str]) -> dict[str, pa.Column]:
    return {
        "source": _text(),
        "source_key": pa.Column(str, pa.Check.isin(sorted(keys), error="a key of data/references.bib")),
    }


def _schemas(keys: frozenset[str]) -> dict[str, pa.DataFrameSchema]:
    return {
        DEPLOYMENT_FILE: pa.DataFrameSchema(
            {
                "indicator": pa.Column(str, pa.Check.isin(DEPLOYMENT_INDICATORS,
                                                          error=f"one of {', '.join(DEPLOYMENT_INDICATORS)}"),
                                       unique=True),
                "label": _text(),
                "value": pa.Column(float, pa.Check.ge(0), coerce=True),
                "unit": _text(),
                "date": _date(),
                "approximate": pa.Column(str, pa.Check.isin(["true", "false"], error="true or false")),
                "note": pa.Column(str, nullable=True),
                **_source_columns(keys),
                "original_source_key": pa.Column(str, pa.Check.isin(sorted(keys), error="a key of data/references.bib"),
                                                 nullable=True),
            },
            strict=True,
            ordered=True,
        ),
        VILLAGE_TYPES_FILE: pa.DataFrameSchema(
            {
                "order": pa.Column(int, pa.Check.in_range(1, len(VILLAGE_TYPE_CODES)), coerce=True, unique=True),
                "code": pa.Column(str, pa.Check.isin(VILLAGE_TYPE_CODES,
                                                     error=f"one of {', '.join(VILLAGE_TYPE_CODES)}"), unique=True),
                "label": _text(unique=True),
                "villages": pa.Column("Int64", pa.Check.ge(0), coerce=True, nullable=True),
                "note": pa.Column(str, nullable=True),
                **_source_columns(keys),
            },
            strict=True,
            ordered=True,
        ),
        NATIONAL_FIGURES_FILE: pa.DataFrameSchema(
            {
                "date": _date(),
                "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$",
                                                                 error="a lower-case English id")),
                "label": _text(),
                "value": pa.Column(float, pa.Check.gt(0), coerce=True),
                "unit": _text(),
                "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS, error=f"one of {', '.join(QUALIFIERS)}")),
                "note": pa.Column(str, nullable=True),
                **_source_columns(keys),
            },
            unique=["date", "indicator"],
            strict=True,
            ordered=True,
        ),
        POLICY_TIMELINE_FILE: pa.DataFrameSchema(
            {
                "date": _date(),
                "level": pa.Column(str, pa.Check.isin(LEVELS, error=f"one of {', '.join(LEVELS)}")),
                "event": _text(),
                **_source_columns(keys),
            },
            strict=True,
            ordered=True,
        ),
        POPULATION_MARGINS_FILE: pa.DataFrameSchema(
            {
                "variable": _text(),
                "code": _text(),
                "label": _text(),
                "population": pa.Column(int, pa.Check.ge(0), coerce=True),
                **_source_columns(keys),
            },
            unique=["variable", "code"],
            strict=True,
            ordered=True,
        ),
    }


def _describe(path: Path, errors: pa.errors.SchemaErrors) -> str:
    lines = [f"{path}: {len(errors.failure_cases)} problem(s)"]
    for case in errors.failure_cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        where = f"column {column!r}" if column else "file"
        index = case.index
        if index is not None and not pd.isna(index):
            where += f", line {int(index) + 2}"
        value = case.failure_case
        check = str(case.check)
        if check.startswith("column_in_dataframe"):
            lines.append(f"  {where}: missing column {value!r}")
        elif check.startswith("column_in_schema"):
            lines.append(f"  {where}: unexpected column {value!r}")
        elif check.startswith("column_ordered"):
            lines.append(f"  {where}: columns out of order at {value!r}")
        elif check == "not_nullable":
            lines.append(f"  {where}: empty, a value is required")
        elif check.startswith("field_uniqueness") or check.startswith("multiple_fields_uniqueness"):
            lines.append(f"  {where}: value {value!r} repeated, must be unique")
        elif check.startswith("coerce_dtype"):
            lines.append(f"  {where}: value {value!r} is not a number of type {check.split('(', 1)[-1].rstrip(')')}")
        else:
            lines.append(f"  {where}: value {value!r} not allowed; allowed: {check}")
    return "\n".join(lines)


def _load(name: str, start: Path | str | None = None) -> pd.DataFrame:
    path = data_path(name, start)
    if not path.is_file():
        raise FactsDataError(f"{path}: file not found")
    # The bytes are always read (so a chapter's dependency record sees the file); the validation, which costs
    # far more, is done once per content: several chapters of one run read the same tables.
    return _validated(name, str(path), path.read_bytes(), bibliography_keys(start)).copy()


@lru_cache(maxsize=32)
def _validated(name: str, where: str, content: bytes, keys: frozenset[str]) -> pd.DataFrame:
    frame = pd.read_csv(io.BytesIO(content), dtype=str, encoding="utf-8")
    try:
        return _schemas(keys)[name].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise FactsDataError(_describe(Path(where), errors)) from None


def _with_timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``date_precision`` (day/month/year) and ``timestamp`` (the first day of the period)."""
    frame = frame.copy()
    frame["date_precision"] = frame["date"].str.len().map({10: "day", 7: "month", 4: "year"})
    frame["timestamp"] = pd.to_datetime(frame["date"], format="mixed")
    return frame


def load_deployment(start: Path | str | None = None) -> pd.DataFrame:
    """J province's deployment figures stated in the thesis (indicator, label, value, unit, date, ...)."""
    frame = _with_timestamps(_load(DEPLOYMENT_FILE, start))
    frame["approximate"] = frame["approximate"].eq("true")
    # Rows in a canonical order (date, then id), never the file's: the same facts give the same book.
    return frame.sort_values(["timestamp", "indicator"], kind="stable").reset_index(drop=True)


def load_village_types(start: Path | str | None = None) -> pd.DataFrame:
    """The seven types of assisted village, in the thesis's order; ``villages`` is empty (not known)."""
    return _load(VILLAGE_TYPES_FILE, start).sort_values("order").reset_index(drop=True)


def load_national_figures(start: Path | str | None = None) -> pd.DataFrame:
    """National figures on first secretaries, work teams and resident cadres (shared/facts.md)."""
    frame = _with_timestamps(_load(NATIONAL_FIGURES_FILE, start))
    return frame.sort_values(["timestamp", "indicator"], kind="stable").reset_index(drop=True)


def load_policy_timeline(start: Path | str | None = None) -> pd.DataFrame:
    """Dated national and provincial events, in date order."""
    frame = _with_timestamps(_load(POLICY_TIMELINE_FILE, start))
    return frame.sort_values(["timestamp", "level", "event"], kind="stable").reset_index(drop=True)


def load_population_margins(start: Path | str | None = None) -> pd.DataFrame:
    """Known population margins of the survey's target group."""
    return _load(POPULATION_MARGINS_FILE, start).sort_values(["variable", "code"], kind="stable").reset_index(drop=True)


def deployment_value(indicator: str, start: Path | str | None = None) -> int | float:
    """One J-province figure by its id, e.g. ``deployment_value("cadres_total") == 5471``.

    Whole numbers come back as ``int``; the share (22.1) as ``float``.
    """
    frame = load_deployment(start)
    match = frame.loc[frame["indicator"] == indicator, "value"]
    if match.empty:
        raise KeyError(f"unknown indicator {indicator!r}; known: {', '.join(frame['indicator'])}")
    value = float(match.iloc[0])
    return int(value) if value.is_integer() else value
