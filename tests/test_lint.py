"""ruff (pinned in requirements.txt, configured in pyproject.toml) passes on package, tests, benchmarks, notebooks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def test_ruff_passes(book_root: Path):
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "zhucun", "tests", "benchmarks", "chapters", "--output-format", "concise"],
                            cwd=book_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
