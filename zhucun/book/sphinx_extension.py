"""Sphinx extension of the book (listed in _config.yml under sphinx.extra_extensions).

It does what the stock Jupyter Book does not:

1. Serves plotly.js once, from the book's own ``_static`` (never fetched from
   a CDN), with the small script that draws the charts and the book's CSS.
   It is the book's own bundle ``static/plotly-zhucun.min.js`` (plotly.js with
   only the trace types the book draws, 1.3 MB instead of 4.8 MB; built by
   ``npm run build:plotly``, see zhucun/book/plotly_bundle/) or, when that file is
   missing, the full ``plotly.min.js`` copied from the installed plotly package.
2. Re-executes the notebooks when a file in ``data/`` changes. jupyter-cache
   keys only on notebook code, so by default new data would be served with old
   outputs. A fingerprint of every data file is kept beside the cache and in
   the Sphinx environment; when it changes, the notebooks' cache records are
   dropped and the notebooks marked outdated, so plain ``jb build .`` runs them
   again. An unchanged book still rebuilds from cache. Notebooks to be run are
   executed side by side, one process per core, before Sphinx reads them
   (zhucun/book/parallel_execution.py).
3. Gives Sphinx's Chinese search (jieba) a dictionary of the book's own terms,
   so that 驻村干部 or 第一书记 are indexed as words, also inside longer words
   (zhucun/book/chinese_search.py).
4. Lists each script once per page: with Sphinx 7.4, sphinx-thebe and
   sphinx-togglebutton (both loaded by Jupyter Book) register their inline
   scripts twice, and the second ``const THEBE_JS_URL`` is a console error.
5. Repairs two accessibility faults of the generated HTML (axe-core, see
   tests/test_accessibility.py): a Graphviz diagram is an ``<object>`` whose
   alternative text is only its fallback content, so it is given
   ``role="img"`` and that text as its name; docutils marks bibliography
   entries with the deprecated ``doc-biblioentry`` role inside a
   ``role="list"``, which then has no list items, so they become list items.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import plotly
import sphinx.search
from sphinx.application import Sphinx
from sphinx.util import logging

from zhucun.book.chinese_search import BookChineseSearch
from zhucun.book.parallel_execution import cache_record, execute_into_cache

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
PLOTLY_FULL_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_BOOK_JS = STATIC_DIR / "plotly-zhucun.min.js"


def plotly_js() -> Path:
    """The plotly.js the book ships: its own small bundle, else plotly's full one."""
    return PLOTLY_BOOK_JS if PLOTLY_BOOK_JS.is_file() else PLOTLY_FULL_JS

FINGERPRINT_FILE = "zhucun-data-fingerprint.txt"


def data_fingerprint(data_dir: Path) -> str:
    """SHA-256 over the names and contents of every file in *data_dir*."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _on_config_inited(app: Sphinx, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    # Declared, so the browser does not ask for a missing /favicon.ico.
    config.html_favicon = str(STATIC_DIR / "favicon.svg")
    # Sphinx looks the language up in this table when it starts the index.
    sphinx.search.languages["zh"] = BookChineseSearch


_GRAPHVIZ_OBJECT = re.compile(
    r'<object (data="[^"]*" type="image/svg\+xml" class="graphviz")>\s*<p class="warning">(.*?)</p>\s*</object>',
    re.DOTALL)


def accessible_body(body: str) -> str:
    """The page body with the Graphviz and bibliography faults repaired (see item 5 above)."""
    def label(match: re.Match) -> str:
        alt = html.escape(html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip(), quote=True)
        return (f'<object {match.group(1)} role="img" aria-label="{alt}">'
                f'<p class="warning">{match.group(2)}</p></object>')

    body = _GRAPHVIZ_OBJECT.sub(label, body)
    return body.replace('role="doc-biblioentry"', 'role="listitem"')


def _on_html_page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if isinstance(context.get("body"), str):
        context["body"] = accessible_body(context["body"])
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        # The same inline script comes once with filename None and once with "".
        key = (getattr(script, "filename", str(script)) or "", tuple(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _notebook_docnames(env) -> list[str]:
    return sorted(d for d in env.found_docs if Path(env.doc2path(d)).suffix == ".ipynb")


def _drop_cache_records(cache_path: Path, notebooks: list[Path]) -> int:
    """Remove the jupyter-cache records of *notebooks*; returns how many were removed."""
    from jupyter_cache import get_cache

    cache = get_cache(str(cache_path))
    records = [r for r in (cache_record(cache, notebook) for notebook in notebooks) if r is not None]
    for record in records:
        cache.remove_cache(record.pk)
    return len(records)


def _on_env_get_outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Mark every notebook outdated, and drop its cached outputs, when data/ changed."""
    data_dir = Path(app.srcdir) / "data"
    if not data_dir.is_dir():
        return []
    fingerprint = data_fingerprint(data_dir)
    docnames = _notebook_docnames(env)

    cache_path = Path(env.mystnb_config.execution_cache_path)
    stamp = cache_path / FINGERPRINT_FILE
    if cache_path.is_dir() and (not stamp.is_file() or stamp.read_text().strip() != fingerprint):
        dropped = _drop_cache_records(cache_path, [Path(env.doc2path(d)) for d in docnames])
        if dropped:
            logger.info(f"[zhucun] data/ changed: dropped {dropped} cached notebook outputs")
    cache_path.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint + "\n")

    if getattr(env, "zhucun_data_fingerprint", None) == fingerprint:
        return []
    env.zhucun_data_fingerprint = fingerprint
    return docnames


def _on_env_before_read_docs(app: Sphinx, env, docnames: list[str]) -> None:
    """Execute the notebooks about to be read in parallel (zhucun/book/parallel_execution.py)."""
    config = env.mystnb_config
    if config.execution_mode != "cache":
        return
    notebooks = [Path(env.doc2path(d)) for d in docnames if Path(env.doc2path(d)).suffix == ".ipynb"]
    execute_into_cache(Path(config.execution_cache_path), notebooks, config.execution_timeout, logger.info)


def _on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = plotly_js()
    if source.parent == STATIC_DIR:
        return  # copied with the rest of static/ by Sphinx
    target = Path(app.outdir) / "_static" / source.name
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _on_config_inited)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    app.connect("build-finished", _on_build_finished)
    # Early: html-page-context stops at the first handler that returns a template.
    app.connect("html-page-context", _on_html_page_context, priority=100)
    # Deferred, in this order: plotly.js first, then the script that draws with it.
    app.add_js_file(plotly_js().name, priority=400, defer="defer")
    app.add_js_file("zhucun-charts.js", priority=410, defer="defer")
    app.add_js_file("zhucun-a11y.js", priority=420, defer="defer")
    app.add_css_file("zhucun-book.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
