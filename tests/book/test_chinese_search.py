"""The search index holds every character bigram of the text and its Latin words, and the page's
JavaScript splits a query the same way (the browser test in tests/e2e/test_search.py checks recall)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from docutils import nodes

from zhucun.book.chinese_search import JS_SPLITTER, BookChineseSearch, collect_words, page_text, search_terms


def test_chinese_runs_become_overlapping_bigrams():
    assert search_terms("权责交叉") == ["权责", "责交", "交叉"]
    assert search_terms("离任交接，权力清单") == ["离任", "任交", "交接", "权力", "力清", "清单"]


def test_latin_letters_touching_chinese_are_part_of_the_run():
    terms = search_terms("J省驻村干部")
    assert "j省" in terms and "省驻" in terms


def test_latin_words_are_kept_and_digits_alone_are_not():
    terms = search_terms("Cliff's δ 2021年 Spearman")
    assert {"Cliff", "Spearman"} <= set(terms)
    assert "2021" not in terms


def test_no_stemming_and_no_stop_words():
    search = BookChineseSearch({})
    assert search.stem("Running") == "running"
    assert not search.stopwords


def test_a_phrase_across_inline_markup_is_one_run():
    paragraph = nodes.paragraph("", "", nodes.Text("本书"), nodes.strong("", "推算"), nodes.Text("的数字"))
    document = nodes.document(None, None)
    document += paragraph

    class Indexer:
        lang = BookChineseSearch({})

    words = collect_words(Indexer(), document).words
    assert "书推" in words and "算的" in words


def test_page_text_joins_inline_markup_and_separates_blocks():
    markup = ('<article class="bd-article"><p>本书<strong>推算</strong></p><p>下一段</p>'
              '<script>x="脚本"</script></article>')
    assert page_text(markup) == "本书推算 下一段"


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_the_query_is_split_as_the_text_is():
    samples = ["权责交叉", "J省驻村干部", "帮扶交流平台 Spearman", "离任交接制度"]
    script = JS_SPLITTER + f"\nconsole.log(JSON.stringify({json.dumps(samples, ensure_ascii=False)}.map(splitQuery)));"
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    for sample, split in zip(samples, json.loads(result.stdout), strict=True):
        expected = [term.lower() for term in search_terms(sample)]
        assert split == list(dict.fromkeys(expected)), sample
