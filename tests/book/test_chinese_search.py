"""The search index finds the book's terms inside longer words jieba keeps whole."""

from zhucun.book.chinese_search import BookChineseSearch, book_terms


def test_terms_inside_longer_words_are_indexed():
    search = BookChineseSearch({})
    words = search.split("选派驻村第一书记和驻村工作队员")
    assert "第一书记" in words and "工作队员" in words and "驻村第一书记" in words


def test_each_term_is_indexed_once_per_text():
    search = BookChineseSearch({})
    words = search.split("第一书记")
    assert words.count("第一书记") == 1


def test_dictionary_terms_are_words():
    terms = book_terms()
    assert "驻村干部" in terms and all(" " not in t for t in terms)
