"""How long chapter 三 takes to execute, with the demonstration data and with 100,000 respondents.

Not a timed test (the machine is shared; timings vary): run it by hand and
read the numbers.

    python benchmarks/chapter3_speed.py [--n 100000] [--seed 7]

Each case runs in a COPY of the book in a temporary folder (the book root is
found from the working directory, see zhucun/paths.py), so the repository's
data are never touched. For the large case the copy's
data/survey_responses.csv is replaced by ``python -m zhucun demo-data``.
Prints the execution time and the size of the executed notebook, which should
not grow with n because every chart is drawn from aggregated numbers.
Targets on the 2-core machine: < 20 s (demonstration data), < 60 s (100,000).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

BOOK = Path(__file__).resolve().parent.parent
CHAPTER = Path("chapters/03_predicaments.ipynb")
SKIP = shutil.ignore_patterns("_build", ".git", ".jupyter_cache", "__pycache__", "*.egg-info", ".pytest_cache")


def execute(book: Path) -> tuple[float, int]:
    """Execute the chapter inside *book*; return (seconds, bytes of the executed notebook)."""
    path = book / CHAPTER
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    out = path.with_name("executed.ipynb")
    nbformat.write(notebook, out)
    return seconds, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="respondents in the large case")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ch3-speed-") as tmp:
        book = Path(tmp) / "book"
        shutil.copytree(BOOK, book, ignore=SKIP)
        seconds, size = execute(book)
        print(f"demonstration data: {seconds:6.1f} s  (target < 20 s), executed notebook {size / 1024:7.1f} KiB")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "zhucun", "demo-data", "--n", str(args.n), "--seed", str(args.seed),
                        "-o", str(book / "data" / "survey_responses.csv")], cwd=book, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"generated {args.n} respondents in {time.perf_counter() - start:.1f} s")
        seconds, size = execute(book)
        print(f"{args.n} respondents: {seconds:6.1f} s  (target < 60 s), executed notebook {size / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()
