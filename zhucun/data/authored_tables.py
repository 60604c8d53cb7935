"""Tables the book's authors wrote, with the sources they rest on, read from ``data/*.yml`` and checked.

* ``data/requirement_tables.yml``: chapter 二's four duties (表 tbl-ch2-duties)
  and its comparison of the two periods (表 tbl-ch2-periods), each as its
  columns in order and the bibliography keys it rests on.
* ``data/measure_basis.yml``: for each countermeasure of chapter 五, the
  book's reading of its theoretical basis.
* ``data/policy_provisions.yml``: what the parts of the national policy texts
  the book read, and the news summaries of them it read, say on each
  countermeasure (supports, limits, related, or silent in what was read), with
  the article or the summary.
* ``data/measure_adoption.yml``: the book's judgement on who could adopt each
  countermeasure, who bears its cost and who gains, what must be true first,
  what a pilot would measure, and in which batch to try it.

A bad file raises :class:`AuthoredTableError` naming the file, the entry and
what is allowed; a bibliography key must be one of ``data/references.bib``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import load_codebook
from zhucun.data.sourced_tables import bibliography_keys
from zhucun.data.yaml_file import read_yaml
from zhucun.paths import data_path

REQUIREMENT_TABLES_FILE = "requirement_tables.yml"
MEASURE_BASIS_FILE = "measure_basis.yml"
POLICY_PROVISIONS_FILE = "policy_provisions.yml"
MEASURE_ADOPTION_FILE = "measure_adoption.yml"
BASIS_KEYS = ("theory",)
# What the parts read of the policy texts say on a measure (data/policy_provisions.yml), in the tables' words.
POLICY_STATUS_WORDS = {
    "supports": "所读内容支持",
    "limits": "所读内容构成约束",
    "related": "相关但未规定",
    "silent_in_read_part": "所读部分未涉及（另有条文未读到）",
}
# The 'article' of a provision known only from a news report that summarises the text: a summary is not an article
# of the text. A document lists under `summaries` the labels it was read through, each with the bibliography entry
# that names the report.
SUMMARY_LABELS = ("新华社摘要", "新闻联播摘要")
ADOPTION_KEYS = ("batch", "level", "cost", "gain", "precondition", "pilot_outcome")


class AuthoredTableError(ValueError):
    """An authored table file does not have the form the book relies on."""


def _read(name: str, start: Path | str | None) -> tuple[Path, dict]:
    path = data_path(name, start)
    raw = read_yaml(path)
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


def _measures(path: Path, raw: dict, keys: tuple[str, ...]) -> dict[str, dict]:
    """The file's `measures`: exactly the codebook's countermeasures, each a mapping with exactly *keys*."""
    measures = raw.get("measures") or {}
    expected = {item for scale in load_codebook().scales("countermeasure") for item in scale.items}
    if set(measures) != expected:
        missing, unknown = sorted(expected - set(measures)), sorted(set(measures) - expected)
        raise AuthoredTableError(f"{path}: measures: expected exactly the codebook's countermeasures; "
                                 f"missing {missing}, unknown {unknown}")
    for measure, entry in measures.items():
        if not isinstance(entry, dict) or set(entry) != set(keys):
            raise AuthoredTableError(f"{path}: measures.{measure}: expected the keys {', '.join(keys)}")
    return measures


def _text(path: Path, where: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AuthoredTableError(f"{path}: {where}: expected non-empty text, found {value!r}")
    return value.strip()


def load_measure_basis(start: Path | str | None = None) -> dict[str, dict[str, str]]:
    """``data/measure_basis.yml``: {measure id: {theory}} for every countermeasure item of the codebook, in the
    file's order."""
    path, raw = _read(MEASURE_BASIS_FILE, start)
    measures = _measures(path, raw, BASIS_KEYS)
    return {measure: {"theory": _text(path, f"measures.{measure}.theory", entry["theory"])}
            for measure, entry in measures.items()}


@dataclass(frozen=True)
class PolicyProvision:
    document: str   # the short name of the document (e.g. 2021年中办意见)
    key: str        # its key in data/references.bib
    article: str    # the document's numbering, or a SUMMARY_LABELS label for a news report's summary of it
    quote: str      # a few words of the text
    summary: str    # the book's own words


@dataclass(frozen=True)
class PolicyReading:
    status: str                              # supports | limits | related | silent_in_read_part
    provisions: tuple[PolicyProvision, ...]
    note: str                                # the book's reading

    @property
    def words(self) -> str:
        """The status in the tables' words (POLICY_STATUS_WORDS)."""
        return POLICY_STATUS_WORDS[self.status]

    @property
    def articles(self) -> str:
        """Where the provisions read stand: '2017年两办指导意见一、（二）基本原则；…', or '' when there are none;
        each place once. A news report's summary is not an article of the text, so it reads '…的新闻联播摘要'."""
        places = (provision.document + ("的" if provision.article in SUMMARY_LABELS else "") + provision.article
                  for provision in self.provisions)
        return "；".join(dict.fromkeys(places))


def _summaries(path: Path, key: str, document: dict, start: Path | str | None) -> dict[str, str]:
    """documents.<key>.summaries: {summary label: the bibliography entry naming the report read}, maybe empty."""
    summaries = document.get("summaries") or {}
    unknown = sorted(set(summaries) - set(SUMMARY_LABELS))
    if unknown:
        raise AuthoredTableError(f"{path}: documents.{key}.summaries: {unknown}; allowed: {', '.join(SUMMARY_LABELS)}")
    _check_keys(path, f"documents.{key}.summaries", list(summaries.values()), start)
    return summaries


def _check_article(path: Path, where: str, article, summaries: dict[str, str]) -> None:
    """An article is the document's own numbering (一、… ) or a summary the document was read through."""
    if article in summaries or (isinstance(article, str) and re.match(r"[一二三四五六七八九十]+、", article)):
        return
    raise AuthoredTableError(f"{path}: {where}: {article!r}; allowed: the document's numbering (一、…) or one of "
                             f"its summaries ({', '.join(summaries) or 'none'})")


def load_policy_provisions(start: Path | str | None = None) -> dict[str, PolicyReading]:
    """``data/policy_provisions.yml``: {measure id: what the parts read of the national texts say on it}."""
    path, raw = _read(POLICY_PROVISIONS_FILE, start)
    documents = raw.get("documents") or {}
    _check_keys(path, "documents", list(documents), start)
    summaries = {key: _summaries(path, key, document, start) for key, document in documents.items()}
    measures = _measures(path, raw, ("name", "status", "provisions", "note"))
    readings = {}
    for measure, entry in measures.items():
        where = f"measures.{measure}"
        if entry["status"] not in POLICY_STATUS_WORDS:
            raise AuthoredTableError(f"{path}: {where}.status: {entry['status']!r}; allowed: "
                                     f"{', '.join(POLICY_STATUS_WORDS)}")
        provisions = []
        for number, provision in enumerate(entry["provisions"] or [], start=1):
            if provision.get("document") not in documents:
                raise AuthoredTableError(f"{path}: {where}.provisions[{number}].document: "
                                         f"{provision.get('document')!r} is not one of {', '.join(documents)}")
            _check_article(path, f"{where}.provisions[{number}].article", provision.get("article"),
                           summaries[provision["document"]])
            provisions.append(PolicyProvision(
                document=_text(path, f"documents.{provision['document']}.short_name",
                               documents[provision["document"]].get("short_name")),
                key=provision["document"],
                **{key: _text(path, f"{where}.provisions[{number}].{key}", provision.get(key))
                   for key in ("article", "quote", "summary")}))
        if not provisions and entry["status"] != "silent_in_read_part":
            raise AuthoredTableError(f"{path}: {where}: status {entry['status']!r} needs at least one provision")
        readings[measure] = PolicyReading(status=entry["status"], provisions=tuple(provisions),
                                          note=_text(path, f"{where}.note", entry["note"]))
    return readings


@dataclass(frozen=True)
class Adoption:
    batch: int           # the suggested order: 1 first
    batch_name: str      # 第一批 …
    level: str           # who can adopt it
    cost: str            # who bears the cost
    gain: str            # who gains first
    precondition: str    # what must be true first
    pilot_outcome: str   # what a pilot measures


@dataclass(frozen=True)
class AdoptionPlan:
    measures: dict[str, Adoption]   # by measure id, in the file's order
    batch_reasons: dict[int, str]   # batch → why it comes there (the book's words)
    pilot_design: str               # the design of 先试后推
    pilot_outcomes: str             # what every pilot measures


def load_measure_adoption(start: Path | str | None = None) -> AdoptionPlan:
    """``data/measure_adoption.yml``: the book's judgement on adopting each countermeasure (see the file)."""
    path, raw = _read(MEASURE_ADOPTION_FILE, start)
    batches = raw.get("batches") or {}
    if not batches or sorted(batches) != list(range(1, len(batches) + 1)):
        raise AuthoredTableError(f"{path}: batches: expected batches numbered 1, 2, … found {sorted(batches)}")
    measures = _measures(path, raw, ADOPTION_KEYS)
    adoptions = {}
    for measure, entry in measures.items():
        if entry["batch"] not in batches:
            raise AuthoredTableError(f"{path}: measures.{measure}.batch: {entry['batch']!r}; allowed: "
                                     f"{', '.join(map(str, batches))}")
        adoptions[measure] = Adoption(
            batch=entry["batch"], batch_name=_text(path, f"batches.{entry['batch']}.name",
                                                   batches[entry["batch"]].get("name")),
            **{key: _text(path, f"measures.{measure}.{key}", entry[key]) for key in ADOPTION_KEYS[1:]})
    pilot = raw.get("pilot") or {}
    return AdoptionPlan(
        measures=adoptions,
        batch_reasons={batch: _text(path, f"batches.{batch}.reason", entry.get("reason"))
                       for batch, entry in batches.items()},
        pilot_design=_text(path, "pilot.design", pilot.get("design")),
        pilot_outcomes=_text(path, "pilot.outcomes", pilot.get("outcomes")))
