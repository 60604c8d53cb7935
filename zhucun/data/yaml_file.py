"""The book's YAML files read once per content, with libyaml's parser when PyYAML has it.

Every chapter and nearly every test reads the same small files (the codebook, the authored tables,
the framework, the data dictionary): parsing them anew each time, in pure Python, took an eighth of
the everyday test loop. The cache is keyed on the file's bytes, so an edited file is always read
afresh, however quickly it changed.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

# libyaml's parser gives the same documents as PyYAML's own, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=64)
def _parse(content: bytes):
    return yaml.load(content.decode("utf-8"), Loader=_LOADER)


def read_yaml(path: Path | str):
    """The document of the YAML file at *path*, as ``yaml.safe_load`` gives it.

    A copy: a caller may change what it gets. Raises OSError, UnicodeDecodeError or yaml.YAMLError as
    reading and parsing the file would.
    """
    return copy.deepcopy(_parse(Path(path).read_bytes()))
