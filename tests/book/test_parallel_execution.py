"""Notebooks executed side by side land in the jupyter cache exactly as MyST-NB would find them."""

from __future__ import annotations

import nbformat
import pytest
from jupyter_cache import get_cache

from zhucun.book.parallel_execution import execute_into_cache, uncached_notebooks, workers_for

pytestmark = pytest.mark.slow  # every test here starts notebook kernels, as a build does


def write_notebook(path, code: str):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def test_executed_notebooks_are_cached(tmp_path):
    good = [write_notebook(tmp_path / f"good{i}.ipynb", f"print({i} * 7)") for i in range(3)]
    executed = execute_into_cache(tmp_path / "cache", good, timeout=120, log=print)
    assert sorted(executed) == sorted(good)
    cache = get_cache(str(tmp_path / "cache"))
    # MyST-NB matches the notebook as read from disk, and merges the cached outputs in.
    assert uncached_notebooks(cache, good) == []
    _, merged = cache.merge_match_into_notebook(nbformat.read(good[1], as_version=4))
    assert merged.cells[0].outputs[0]["text"] == "7\n"


def test_a_failure_is_left_to_myst_nb_and_stops_what_has_not_started(tmp_path):
    """The build stops at the first failing chapter, so chapters still waiting are not run here."""
    # Largest first: the failing notebook starts at once, the others wait for a worker.
    bad = write_notebook(tmp_path / "bad.ipynb", "# " + "x" * 5000 + "\nraise ValueError('bad data')")
    waiting = [write_notebook(tmp_path / f"later{i}.ipynb", f"import time; time.sleep(3); print({i})")
               for i in range(4)]
    messages = []
    executed = execute_into_cache(tmp_path / "cache", [bad, *waiting], timeout=120, log=messages.append)
    assert bad not in executed and len(executed) < len(waiting)
    assert uncached_notebooks(get_cache(str(tmp_path / "cache")), [bad]) == [bad]
    assert any("bad.ipynb" in m and "MyST-NB will run it again" in m for m in messages)


def test_a_single_notebook_is_executed_too_and_records_what_it_read(tmp_path):
    """Every execution goes through here, so every cached chapter has its dependencies recorded."""
    (tmp_path / "_toc.yml").write_text("root: only\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "n.csv").write_text("x\n1\n", encoding="utf-8")
    only = write_notebook(tmp_path / "only.ipynb", "import zhucun.stats.intervals\nopen('data/n.csv').read()")
    executed = execute_into_cache(tmp_path / "cache", [only], timeout=120, log=print)
    assert executed[only].files == {"data/n.csv"}
    assert {"zhucun", "zhucun.stats", "zhucun.stats.intervals"} <= executed[only].modules
    assert not any(name.startswith("zhucun.book") for name in executed[only].modules)  # machinery, not analysis
    assert execute_into_cache(tmp_path / "cache", [only], timeout=120, log=print) == {}  # cached now


def test_one_process_per_core_and_never_more_than_notebooks(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert [workers_for(n) for n in (0, 1, 2, 10)] == [1, 1, 2, 2]
