"""Where the book's files are.

The book root is the folder that holds ``_toc.yml``. It is looked up from the
working directory, not from this package's location, so a copy of the book
(for a benchmark with other data, say) reads its own ``data/`` even though
the package is installed from the original checkout.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def book_root(start: Path | str | None = None) -> Path:
    """The nearest folder at or above *start* (default: the working directory) holding ``_toc.yml``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    # Outside any book (a test in a temporary folder): the checkout the package lives in.
    return PACKAGE_DIR.parent


def data_dir(start: Path | str | None = None) -> Path:
    """The book's ``data/`` folder."""
    return book_root(start) / "data"


def data_path(name: str, start: Path | str | None = None) -> Path:
    """A file in the book's ``data/`` folder."""
    return data_dir(start) / name


def figures_dir(start: Path | str | None = None) -> Path:
    """Where the build writes the static figures of the print edition."""
    return book_root(start) / "figures"
