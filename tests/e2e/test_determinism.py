"""The committed plotly bundle is exactly what the pinned npm packages build, and the fallback works.

That pages do not vary between builds is checked against the pinned page snapshots in
tests/e2e/test_pages_unchanged.py (a clean build compared with another clean build).
"""

from __future__ import annotations

import hashlib
import os
import subprocess

from tests.conftest import BOOK_ROOT


def test_committed_plotly_bundle_is_the_build_of_the_pinned_packages(tmp_path, node_tools):
    """zhucun/book/static/plotly-zhucun.min.js is exactly what `npm run build:plotly` makes from package-lock.json."""
    committed = BOOK_ROOT / "zhucun" / "book" / "static" / "plotly-zhucun.min.js"
    fresh = tmp_path / "plotly-zhucun.min.js"
    subprocess.run(["node", str(BOOK_ROOT / "zhucun" / "book" / "plotly_bundle" / "build.mjs")], check=True,
                   env={**os.environ, "PLOTLY_BUNDLE_OUT": str(fresh)})
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(fresh) == digest(committed), "rebuild the bundle: npm run build:plotly"


def test_without_the_books_bundle_the_full_plotly_is_shipped(tmp_path, monkeypatch):
    """A fresh machine without the bundle (never built) still gets working charts: plotly's full bundle."""
    from types import SimpleNamespace

    from zhucun.book import sphinx_extension as sphinxext

    assert sphinxext.plotly_js() == sphinxext.PLOTLY_BOOK_JS  # the committed bundle is used
    monkeypatch.setattr(sphinxext, "PLOTLY_BOOK_JS", tmp_path / "absent.min.js")
    assert sphinxext.plotly_js() == sphinxext.PLOTLY_FULL_JS
    app = SimpleNamespace(outdir=str(tmp_path / "html"), builder=SimpleNamespace(format="html"))
    sphinxext._on_build_finished(app, None)
    shipped = tmp_path / "html" / "_static" / "plotly.min.js"
    assert shipped.read_bytes() == sphinxext.PLOTLY_FULL_JS.read_bytes()
