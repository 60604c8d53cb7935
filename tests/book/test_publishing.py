"""The GitHub Pages workflow (.github/workflows/pages.yml): valid for GitHub, and it installs
and builds with the README's own commands, so the published book is the one a reader builds.

The linter is check-jsonschema (pinned in requirements.txt) with its built-in GitHub
workflow schema, which ships inside the package: the test needs no network.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(".github") / "workflows" / "pages.yml"


def lint(book_root: Path, workflow: Path) -> subprocess.CompletedProcess:
    linter = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    return subprocess.run([linter, "--builtin-schema", "vendor.github-workflows", str(workflow)],
                          cwd=book_root, capture_output=True, text=True)


@pytest.fixture(scope="module")
def workflow(book_root) -> dict:
    return yaml.safe_load((book_root / WORKFLOW).read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def readme_install_commands(book_root: Path) -> tuple[str, list[str]]:
    """The 快速开始 section's apt-get line, and its pip and build commands (split at &&, comments dropped)."""
    readme = (book_root / "README.md").read_text(encoding="utf-8")
    start = readme.index("## 快速开始")
    section = readme[start:readme.index("\n## ", start + 1)]
    lines = [line for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S) for line in block.splitlines()]
    apt = next(line.strip() for line in lines if line.startswith("apt-get"))
    pip = next(line for line in lines if line.startswith("pip install"))
    return apt, [part.strip() for part in pip.split("#")[0].split("&&")]


def test_the_workflow_is_valid_for_github(book_root):
    result = lint(book_root, book_root / WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(book_root, tmp_path):
    broken = tmp_path / "pages.yml"
    broken.write_text((book_root / WORKFLOW).read_text(encoding="utf-8").replace("pages: write", "pages: maybe"))
    result = lint(book_root, broken)
    assert result.returncode != 0 and "pages" in result.stdout


def readme_commands(book_root: Path) -> str:
    """Every command line the README shows in its bash blocks (comments dropped)."""
    readme = (book_root / "README.md").read_text(encoding="utf-8")
    return "\n".join(line.split("  #")[0].strip() for block in re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
                     for line in block.splitlines())


def test_the_workflow_installs_builds_and_tests_with_the_readmes_commands(book_root, workflow):
    apt, (pip, build) = readme_install_commands(book_root)
    assert (pip, build) == ("pip install -r requirements.txt", "jb build .")
    runs = [step.get("run", "").strip() for step in steps(workflow)]
    # In Debian bookworm with Python 3.11, as the README's 快速开始 says, so its apt-get line is the one that runs.
    build_job = next(job for job in workflow["jobs"].values() if job.get("container"))
    assert str(build_job["container"]).startswith("python:3.11-bookworm")
    assert apt in runs, runs
    # The README's strict build (its tests build so) and its everyday test command, before deploying.
    strict, everyday = f"{build} -W -n --keep-going", 'python -m pytest -m "not slow"'
    commands = readme_commands(book_root)
    assert f"`{strict}`" in (book_root / "README.md").read_text(encoding="utf-8") and everyday in commands
    assert [pip, strict, everyday] == [run for run in runs if run in (pip, strict, everyday)]
    assert runs.index(apt) < runs.index(pip)
    uses = [step.get("uses", "") for step in build_job["steps"]]
    assert not any(use.startswith("actions/setup-python@") for use in uses)  # the container's Python
    assert runs.index(everyday) < uses.index(next(u for u in uses if u.startswith("actions/upload-pages-artifact@")))


def test_the_workflow_deploys_the_built_book_to_pages(workflow):
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as true
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, f"{action} missing"
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_build/html"
    deploy = next(job for job in workflow["jobs"].values()
                  if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job["steps"]))
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"]
