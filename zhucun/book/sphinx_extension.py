"""Sphinx extension of the book (listed in _config.yml under sphinx.extra_extensions).

It does what the stock Jupyter Book does not:

1. Serves plotly.js once, from the book's own ``_static`` (never fetched from
   a CDN), with the small script that draws the charts and the book's CSS.
   It is the book's own bundle ``static/plotly-zhucun.min.js`` (plotly.js with
   only the trace types the book draws, 1.3 MB instead of 4.8 MB; built by
   ``npm run build:plotly``, see zhucun/book/plotly_bundle/) or, when that file is
   missing, the full ``plotly.min.js`` copied from the installed plotly package.
   The drawing script loads it only when the first chart nears the viewport.
   The theme's Font Awesome (1.5 MB of script, a 150 kB font) gives way to the
   book's ten inline SVG icons (``static/scripts/fontawesome.js``, same name).
2. Re-executes a notebook when a data file it read or a zhucun module it
   imported has changed, and only then. jupyter-cache keys only on notebook
   code, so by default new data or code would be served with old outputs.
   What each chapter used is recorded while it executes
   (zhucun/book/dependencies.py); a notebook whose dependencies changed loses
   its cache record and is marked outdated, so plain ``jb build .`` runs it
   again. Notebooks to be run are executed side by side, one process per core,
   before Sphinx reads them (zhucun/book/parallel_execution.py).
3. Replaces Sphinx's Chinese search (jieba words) with one that indexes the
   character bigrams of the text, so any phrase of two or more characters
   finds every page that contains it, and ranks exact matches first
   (zhucun/book/chinese_search.py, static/zhucun-search.js).
4. Lists each script once per page: with Sphinx 7.4, sphinx-thebe and
   sphinx-togglebutton (both loaded by Jupyter Book) register their inline
   scripts twice, and the second ``const THEBE_JS_URL`` is a console error.
5. Repairs two accessibility faults of the generated HTML (axe-core, see
   tests/e2e/test_accessibility.py): a Graphviz diagram is an ``<object>`` whose
   alternative text is only its fallback content, so it is given
   ``role="img"`` and that text as its name; docutils marks bibliography
   entries with the deprecated ``doc-biblioentry`` role inside a
   ``role="list"``, which then has no list items, so they become list items.
7. Writes, for each page with survey charts, every chart redrawn for each group of respondents a reader
   may pick (zhucun/book/group_views.py) into ``_static/zhucun-groups/<page>.js``, and gives the page the
   picker's menu as JSON (``_static/zhucun-groups.js`` makes the picker and loads the file on first use).
   The print edition (singlehtml) gets neither.
6. Publishes the questionnaire files 附录一 offers for download (问卷星 text,
   XLSForm, SPSS template, printable HTML and PDF) under ``_questionnaire/`` of
   the built book, written from the book's codebook by
   zhucun/book/questionnaire_files.py whenever the codebook or their writers change.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import plotly
import sphinx.search
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from zhucun.book import chinese_search, group_views
from zhucun.book.chinese_search import SEARCH_TEXTS, BookChineseSearch, collect_words, write_search_texts
from zhucun.book.dependencies import DependencyStore
from zhucun.book.group_views import page_group_views, views_script
from zhucun.book.parallel_execution import cache_record, execute_into_cache
from zhucun.book.questionnaire_files import QuestionnaireError, publish_questionnaire_files

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PLOTLY_FULL_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_BOOK_JS = STATIC_DIR / "plotly-zhucun.min.js"


def plotly_js() -> Path:
    """The plotly.js the book ships: its own small bundle, else plotly's full one."""
    return PLOTLY_BOOK_JS if PLOTLY_BOOK_JS.is_file() else PLOTLY_FULL_JS


def _on_config_inited(app: Sphinx, config) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    # templates/layout.html: the theme's layout without the search scripts on every page.
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    # Declared, so the browser does not ask for a missing /favicon.ico.
    config.html_favicon = str(STATIC_DIR / "favicon.svg")
    # Sphinx looks the language up in this table when it starts the index.
    sphinx.search.languages["zh"] = BookChineseSearch
    # Sphinx offers no hook for how a page's words are gathered; its collector
    # splits each text node apart, so a phrase across inline markup is lost.
    sphinx.search.IndexBuilder._word_collector = collect_words


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


_GROUP_RECIPE = re.compile(
    r'<script type="application/json" class="zhucun-chart-groups" data-target="([a-z0-9-]+)">(.*?)</script>',
    re.DOTALL)
_CHART_SPEC = re.compile(
    r'<script type="application/json" class="zhucun-chart-spec" data-target="([a-z0-9-]+)">(.*?)</script>',
    re.DOTALL)
_SURVEY: dict[tuple, object] = {}  # the survey read once per build (keyed on its file and version)


def _survey():
    from zhucun.data.survey import load_survey, survey_path

    path = survey_path()
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _SURVEY:
        _SURVEY.clear()
        _SURVEY[key] = load_survey(path)
    return _SURVEY[key]


def with_group_views(app: Sphinx, pagename: str, body: str, pathto) -> str:
    """*body* with the group picker's menu when the page has survey charts, whose group views are written."""
    recipes = {chart_id: json.loads(text.replace("<\\/", "</")) for chart_id, text in _GROUP_RECIPE.findall(body)}
    if not recipes or getattr(app.builder, "name", None) != "html":
        return body
    figures = {chart_id: json.loads(text.replace("<\\/", "</")) for chart_id, text in _CHART_SPEC.findall(body)}
    menu, views = page_group_views(recipes, _survey(), page_figures=figures)
    name = re.sub(r"[^A-Za-z0-9_-]", "_", pagename) + ".js"
    target = Path(app.outdir) / "_static" / "zhucun-groups" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(views_script(pagename, views), encoding="utf-8")
    text = json.dumps(menu, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return body + (f'<script type="application/json" id="zhucun-group-menu" data-page="{html.escape(pagename)}" '
                   f'data-views="{html.escape(pathto("_static/zhucun-groups/" + name, 1))}">{text}</script>')


def _on_html_page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if isinstance(context.get("body"), str):
        context["body"] = with_group_views(app, pagename, accessible_body(context["body"]), context["pathto"])
    scripts = context.get("script_files")
    if not scripts:
        return
    if pagename == "search":  # the pages' text, for ranking exact matches first: needed on this page only
        scripts = [*scripts, f"_static/{SEARCH_TEXTS}"]
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


def _on_env_get_outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Mark outdated, and drop the cached outputs of, every notebook whose dependencies changed.

    A notebook's dependencies are the data files and zhucun modules its last
    execution used (zhucun/book/dependencies.py). A notebook without cached
    outputs is outdated too, so a page is never older than its cache.
    """
    from jupyter_cache import get_cache

    if env.mystnb_config.execution_mode != "cache":
        return []
    cache_path = Path(env.mystnb_config.execution_cache_path)
    cache = get_cache(str(cache_path))
    store = DependencyStore(cache_path, Path(app.srcdir))
    outdated = []
    for docname in _notebook_docnames(env):
        notebook = Path(env.doc2path(docname))
        record = cache_record(cache, notebook)
        changes = store.changes(notebook) if record is not None else []
        if changes:
            cache.remove_cache(record.pk)
            store.forget(notebook)
            logger.info(f"[zhucun] {docname}: {', '.join(changes[:3])}"
                        f"{f' and {len(changes) - 3} more' if len(changes) > 3 else ''} changed; executing it again")
        # Sphinx reads added and changed documents anyway.
        if (record is None or changes) and docname not in added and docname not in changed:
            outdated.append(docname)
    store.save()
    return outdated


def _on_env_before_read_docs(app: Sphinx, env, docnames: list[str]) -> None:
    """Execute the notebooks about to be read in parallel, and keep what each one used."""
    config = env.mystnb_config
    if config.execution_mode != "cache":
        return
    notebooks = [path for path in map(Path, map(env.doc2path, docnames)) if path.suffix == ".ipynb"]
    cache_path = Path(config.execution_cache_path)
    store = DependencyStore(cache_path, Path(app.srcdir))
    execute_into_cache(cache_path, notebooks, config.execution_timeout, logger.info, store)
    store.save()


def _on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if getattr(app.builder, "name", None) == "html":  # not the print edition's singlehtml
        write_search_texts(Path(app.outdir), sorted(app.env.found_docs), app.builder.out_suffix)
        try:
            if publish_questionnaire_files(app.outdir, Path(app.srcdir) / "data" / "codebook.yml"):
                logger.info("questionnaire files written to _questionnaire/")
        except QuestionnaireError as error:  # 附录一 links to them: a book without them is broken
            raise ExtensionError(f"questionnaire files: {error}") from error
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
    # plotly.js is not a page script: zhucun-charts.js loads it when the first chart nears the viewport.
    plotly = plotly_js()
    digest = hashlib.sha256(plotly.read_bytes()).hexdigest()[:8]
    app.add_js_file("zhucun-charts.js", priority=410, defer="defer", **{"data-plotly": f"{plotly.name}?v={digest}"})
    app.add_js_file("zhucun-a11y.js", priority=420, defer="defer")
    app.add_js_file("zhucun-search.js", priority=430, defer="defer")
    app.add_js_file("zhucun-csv.js", priority=440, defer="defer")
    app.add_js_file("zhucun-groups.js", priority=450, defer="defer")
    app.add_css_file("zhucun-book.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": _machinery_version()}


def _machinery_version() -> int:
    """Changes with the search module, the group views' module, the static files and the templates: Sphinx then
    reads every page again.

    Sphinx re-indexes only the pages it reads (keeping the rest of the old
    index), and copies static files only when some page is out of date, so a
    change to either would otherwise reach the built book only partly, or not.
    """
    digest = hashlib.sha256(Path(chinese_search.__file__).read_bytes())
    # The group views are written when a page is: a change to how they are computed rewrites every page.
    digest.update(Path(group_views.__file__).read_bytes())
    for folder in (STATIC_DIR, TEMPLATES_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder.parent).as_posix().encode() + path.read_bytes())
    return int(digest.hexdigest()[:8], 16)
