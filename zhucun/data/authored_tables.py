"""Tables the book's authors wrote, with the sources they rest on, read from ``data/*.yml`` and checked.

* ``data/requirement_tables.yml``: chapter 二's four duties (表 tbl-ch2-duties)
  and its comparison of the two periods (表 tbl-ch2-periods), each as its
  columns in order and the bibliography keys it rests on.
* ``data/measure_basis.yml``: for each countermeasure of chapter 五, the
  book's reading of its theoretical basis and the national policy basis the
  book has read, with the bibliography key of that basis (empty where none).

A bad file raises :class:`AuthoredTableError` naming the file, the entry and
what is allowed; a bibliography key must be one of ``data/references.bib``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from zhucun.data.codebook import load_codebook
from zhucun.data.sourced_tables import bibliography_keys
from zhucun.paths import data_path

REQUIREMENT_TABLES_FILE = "requirement_tables.yml"
MEASURE_BASIS_FILE = "measure_basis.yml"
BASIS_KEYS = ("theory", "policy", "source_key")


class AuthoredTableError(ValueError):
    """An authored table file does not have the form the book relies on."""


def _read(name: str, start: Path | str | None) -> tuple[Path, dict]:
    path = data_path(name, start)
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise AuthoredTableError(f"{path}: expected a mapping with 'version: 1'")
    return path, raw


def _check_keys(path: Path, where: str, keys: list[str], start: Path | str | None) -> None:
    unknown = [key for key in keys if key not in bibliography_keys(start)]
    if unknown:
        raise AuthoredTableError(f"{path}: {where}: {unknown} not in data/references.bib")


def load_requirement_table(name: str, start: Path | str | None = None) -> pd.DataFrame:
    """Table *name* ('duties' or 'periods') of ``data/requirement_tables.yml``: its columns in file order."""
    path, raw = _read(REQUIREMENT_TABLES_FILE, start)
    tables = raw.get("tables") or {}
    if name not in tables:
        raise AuthoredTableError(f"{path}: no table {name!r} (tables: {', '.join(tables)})")
    table = tables[name]
    columns = table.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise AuthoredTableError(f"{path}: tables.{name}.columns: expected header → list of cells")
    lengths = {header: len(cells) if isinstance(cells, list) else None for header, cells in columns.items()}
    if None in lengths.values() or len(set(lengths.values())) != 1:
        raise AuthoredTableError(f"{path}: tables.{name}.columns: every column is a list of the same length, "
                                 f"found {lengths}")
    for header, cells in columns.items():
        for row, cell in enumerate(cells, start=1):
            if not isinstance(cell, str) or not cell.strip():
                raise AuthoredTableError(f"{path}: tables.{name}.columns.{header}, row {row}: "
                                         f"expected non-empty text, found {cell!r}")
    _check_keys(path, f"tables.{name}.source_keys", list(table.get("source_keys") or []), start)
    return pd.DataFrame(columns)


def load_measure_basis(start: Path | str | None = None) -> dict[str, dict[str, str]]:
    """``data/measure_basis.yml``: {measure id: {theory, policy, source_key}} for every countermeasure item of
    the codebook, in the file's order."""
    path, raw = _read(MEASURE_BASIS_FILE, start)
    measures = raw.get("measures") or {}
    expected = {item for scale in load_codebook().scales("countermeasure") for item in scale.items}
    if set(measures) != expected:
        missing, unknown = sorted(expected - set(measures)), sorted(set(measures) - expected)
        raise AuthoredTableError(f"{path}: measures: expected exactly the codebook's countermeasures; "
                                 f"missing {missing}, unknown {unknown}")
    for measure, basis in measures.items():
        if not isinstance(basis, dict) or set(basis) != set(BASIS_KEYS):
            raise AuthoredTableError(f"{path}: measures.{measure}: expected the keys {', '.join(BASIS_KEYS)}")
        for key in ("theory", "policy"):
            if not isinstance(basis[key], str) or not basis[key].strip():
                raise AuthoredTableError(f"{path}: measures.{measure}.{key}: expected non-empty text")
        _check_keys(path, f"measures.{measure}.source_key", [basis["source_key"]] if basis["source_key"] else [],
                    start)
    return {measure: dict(basis) for measure, basis in measures.items()}
