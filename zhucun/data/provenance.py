"""Facts a reader needs to reproduce the book: package versions, data-file digests, the data dictionary.

Everything here is read from the environment and the files, never from the
clock, so two builds of the same commit in the same environment give the same
page.
"""

from __future__ import annotations

import hashlib
import platform
from importlib import metadata
from pathlib import Path

import pandas as pd

from zhucun.data.survey import PRIVATE_FOLDER, SURVEY_FILE, data_state, private_survey_path
from zhucun.data.yaml_file import read_yaml
from zhucun.paths import data_dir

KEY_PACKAGES = ("jupyter-book", "sphinx", "myst-nb", "sphinxcontrib-bibtex", "pybtex", "pandas", "numpy",
                "scipy", "statsmodels", "pingouin", "pandera", "plotly", "matplotlib", "pyyaml")
DICTIONARY_FILE = "data_dictionary.yml"
UNDESCRIBED = "未登记"
# The private survey's row of the dictionary: it is named beside the committed file it replaces in this build.
_PRIVATE_CONTENT = "这次构建读取的问卷答卷：私有文件，不入库、不发布，书中只出现由它算出的汇总数字"
_NOT_READ = "；这次构建没有读取它，读取的是 {private}"


def package_versions(packages=KEY_PACKAGES) -> pd.DataFrame:
    """软件 and 版本 of Python and each key package ('未安装' when absent)."""
    rows = [{"软件": "Python", "版本": platform.python_version()}]
    for name in packages:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "未安装"
        rows.append({"软件": name, "版本": version})
    return pd.DataFrame(rows)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def data_files(folder: Path | None = None) -> list[Path]:
    """Regular, non-hidden files of data/, sorted by name."""
    folder = folder or data_dir()
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _size(path: Path) -> str:
    """Rows × columns of a CSV, entries of a .bib, top-level keys of a YAML file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return f"{len(frame)}行 × {frame.shape[1]}列"
    if suffix == ".bib":
        from pybtex.database import parse_file

        return f"{len(parse_file(str(path)).entries)}条"
    if suffix in (".yml", ".yaml"):
        raw = read_yaml(path) or {}
        return f"{len(raw)}个顶层键" if isinstance(raw, dict) else "—"
    return f"{path.stat().st_size}字节"


def _file_state(path: Path) -> str:
    """'synthetic', 'real' or 'mixed': what the rows of a data file are, read from its synthetic column."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                        usecols=lambda name: name == "synthetic")
    return data_state(frame.assign(synthetic=frame.get("synthetic", pd.Series(dtype=str)).eq("1"))).kind


def _row(path: Path, name: str, content: str, source) -> dict[str, str]:
    if isinstance(source, dict):  # one source line per state of the file's rows
        source = source[_file_state(path)]
    return {"文件": name, "内容": content, "来源": source, "规模": _size(path), "SHA-256（前16位）": sha256(path)[:16]}


def data_dictionary(folder: Path | None = None) -> pd.DataFrame:
    """One row per data file: 文件, 内容, 来源, 规模, SHA-256 (first 16 hex digits).

    When a private survey file exists, the build reads it instead of the committed one: its row (size, digest
    prefix and the source line of its state; never its rows) follows the committed file's, which says it was
    not read.
    """
    folder = folder or data_dir()
    described = {}
    if (folder / DICTIONARY_FILE).is_file():
        described = (read_yaml(folder / DICTIONARY_FILE) or {}).get("files", {})
    private = private_survey_path(folder)
    private_name = f"{PRIVATE_FOLDER}/{SURVEY_FILE}"
    survey_source = described.get(SURVEY_FILE, {}).get("source", UNDESCRIBED)
    rows = []
    for path in data_files(folder):
        entry = described.get(path.name, {})
        content = entry.get("content", UNDESCRIBED)
        if private is not None and path.name == SURVEY_FILE:
            content += _NOT_READ.format(private=f"data/{private_name}")
        rows.append(_row(path, path.name, content, entry.get("source", UNDESCRIBED)))
        if private is not None and path.name == SURVEY_FILE:
            rows.append(_row(private, private_name, _PRIVATE_CONTENT, survey_source))
    if private is not None and not any(row["文件"] == private_name for row in rows):  # no committed survey file
        rows.append(_row(private, private_name, _PRIVATE_CONTENT, survey_source))
    return pd.DataFrame(rows)


def csv_columns(folder: Path | None = None, skip=("survey_responses.csv",)) -> pd.DataFrame:
    """文件 and 列名 of each CSV in data/ (the survey's columns are the questionnaire's variables)."""
    rows = []
    for path in data_files(folder):
        if path.suffix.lower() == ".csv" and path.name not in skip:
            header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
            rows.append({"文件": path.name, "列名": "、".join(header)})
    return pd.DataFrame(rows)


def data_hashes(folder: Path | None = None) -> pd.DataFrame:
    """文件 and full SHA-256 of every data file."""
    return pd.DataFrame([{"文件": p.name, "SHA-256": sha256(p)} for p in data_files(folder)])
