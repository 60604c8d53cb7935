"""Chinese search that finds every word of the text, whatever a dictionary says.

Sphinx's Chinese search cuts the text into words with jieba and matches a
query only against whole index terms, so a phrase that jieba cuts differently
in the page and in the query finds nothing (碎片化, 权责交叉, 离任交接 …). This
search indexes the overlapping character bigrams of every run of Chinese text
(a Latin letter next to Chinese characters, as in J省, counts as part of the
run) and the Latin words, and the page's JavaScript splits a query the same
way (:data:`JS_SPLITTER`). Sphinx requires every term of a query on a page,
so a page that contains a phrase of two or more characters always contains
all its bigrams and is always found: recall depends on no word list, as in
the bigram indexes of CJK search engines.

A page holding all the bigrams but not the phrase itself can be found too;
``zhucun-search.js`` ranks the pages that contain the exact phrase first,
from the pages' text written to ``_static/zhucun-search-texts.js`` when the
build finishes and loaded by the search page only (:func:`write_search_texts`).

The text is cut into runs per block (a paragraph, a caption, a table cell),
not per docutils text node as Sphinx does: 本书**推算** reads as one phrase
and must be found as one (:func:`collect_words`, installed as Sphinx's word
collector by the book's extension).

No stemming on either side: Sphinx's Python (snowball) and JavaScript
(Porter) stemmers disagree on some words, and a word the two stem differently
would never be found. Latin words are matched as written, ignoring case, and
no word is dropped as a stop word.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.search import SearchLanguage, WordStore

# A run of Chinese characters, with Latin letters that touch them (J省, PDF版).
_RUN = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z0-9_]+")

SEARCH_TEXTS = "zhucun-search-texts.js"

# The query is split exactly as split() splits the text; digits alone are never
# searched (Sphinx drops them), so they are not indexed either.
JS_SPLITTER = r"""
function splitQuery(query) {
  const terms = [];
  for (const run of query.match(/[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) || []) {
    if (!/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(run)) continue;
    const chars = Array.from(run.toLowerCase());
    if (chars.length === 1) terms.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  }
  for (const word of query.match(/[A-Za-z0-9_]+/g) || []) {
    if (word.length > 1 && !/^\d+$/.test(word)) terms.push(word.toLowerCase());
  }
  return [...new Set(terms)];
}
"""

JS_NO_STEMMER = """
var Stemmer = function() {
  this.stemWord = function(word) { return word; };
};
"""


def bigrams(run: str) -> list[str]:
    """The overlapping two-character pieces of a run of text, lower-cased."""
    run = run.lower()
    return [run[i:i + 2] for i in range(len(run) - 1)]


def search_terms(text: str) -> list[str]:
    """What the index holds of *text*: the bigrams of its Chinese runs and its Latin words of two or more
    characters (not digits alone)."""
    terms = [term for run in _RUN.findall(text) if _HAN.search(run) for term in bigrams(run)]
    terms += [word for word in _LATIN.findall(text) if len(word) > 1 and not word.isdigit()]
    return terms


class BookChineseSearch(SearchLanguage):
    """Sphinx's search language for the book: character bigrams and Latin words, unstemmed."""

    lang = "zh"
    language_name = "Chinese"
    js_splitter_code = JS_SPLITTER
    js_stemmer_code = JS_NO_STEMMER
    stopwords: set[str] = set()

    def init(self, options: dict[str, str]) -> None:
        pass

    def split(self, input: str) -> list[str]:
        return search_terms(input)

    def word_filter(self, word: str) -> bool:
        return len(word) > 1

    def stem(self, word: str) -> str:
        return word.lower()


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


def _strip_tags(markup: str) -> str:
    markup = _SCRIPT_OR_STYLE.sub(" ", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _running_text(node: nodes.Node) -> str:
    """The text of a block as a reader sees it: inline markup joins, raw HTML contributes its text."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, nodes.comment):
        return ""
    if isinstance(node, nodes.raw):
        return f" {_strip_tags(node.astext())} " if "html" in node.get("format", "").split() else ""
    return "".join(_running_text(child) for child in node.children)


def _is_block_of_text(node: nodes.Node) -> bool:
    """A text element whose children are all inline (a paragraph, a caption, a table cell's paragraph)."""
    return isinstance(node, nodes.TextElement) and all(
        isinstance(child, (nodes.Text, nodes.Inline, nodes.raw)) for child in node.children)


def collect_words(indexer, doctree: nodes.document) -> WordStore:
    """Sphinx's ``IndexBuilder._word_collector``, with each block of running text split as a whole."""
    store = WordStore()
    split = indexer.lang.split

    def visit(node: nodes.Node) -> None:
        if isinstance(node, nodes.comment):
            return
        if isinstance(node, nodes.title):
            title = node.astext()
            ids = node.parent.get("ids", [])
            store.titles.append((title, None if not store.titles else ids[0] if ids else None))
            store.title_words.extend(split(title))
            return
        if isinstance(node, (nodes.raw, nodes.Text)) or _is_block_of_text(node):
            store.words.extend(split(_running_text(node)))
            return
        if node.get("alt"):  # a diagram's or an image's text alternative is text the page shows
            store.words.extend(split(node["alt"]))
        for child in node.children:
            visit(child)

    visit(doctree)
    return store


_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*)</article>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)  # the "#" after each heading
_INLINE_TAGS = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|mark|small|span|strong|sub|sup|wbr)\b[^>]*>", re.I)


def page_text(markup: str) -> str:
    """What a reader sees of a page's article: its text, inline markup joined, blocks apart, spaces folded."""
    match = _ARTICLE.search(markup)
    body = _HEADERLINK.sub("", _SCRIPT_OR_STYLE.sub(" ", match.group(1) if match else ""))
    return re.sub(r"\s+", " ", _strip_tags(_INLINE_TAGS.sub("", body))).strip()


def write_search_texts(outdir: Path, docnames: list[str], suffix: str = ".html") -> Path:
    """Write every page's text, by docname, for the search page's exact-phrase ranking and, opened from
    file:// (where a page cannot be fetched), its result summaries; returns the file."""
    texts = {}
    for docname in sorted(docnames):
        page = outdir / f"{docname}{suffix}"
        if page.is_file():
            texts[docname] = page_text(page.read_text(encoding="utf-8"))
    target = outdir / "_static" / SEARCH_TEXTS
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    target.write_text(f"var ZHUCUN_SEARCH_TEXTS = {payload};\n", encoding="utf-8")
    return target
