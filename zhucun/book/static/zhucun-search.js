// The search page ranks first the pages that contain the query exactly.
// Pages are found by the character bigrams of the query (zhucun/book/chinese_search.py),
// so a page holding all the bigrams apart from one another is found too; the pages'
// text (zhucun-search-texts.js, loaded by the search page only) tells the exact ones.
(function () {
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;  // not the search page
  const EXACT_BONUS = 1000;
  let phrase = "";
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    phrase = query.toLowerCase().trim().replace(/\s+/g, " ");
    return parseQuery(query);
  };
  // A Latin query is a word: "ol" is not in "tool". A Chinese phrase may stand anywhere.
  const holds = (text) => {
    if (!/^[a-z0-9_]+$/.test(phrase)) return text.includes(phrase);
    return new RegExp(`(^|[^a-z0-9_])${phrase}([^a-z0-9_]|$)`).test(text);
  };
  Scorer.score = (result) => {
    const texts = typeof ZHUCUN_SEARCH_TEXTS === "undefined" ? {} : ZHUCUN_SEARCH_TEXTS;
    const text = texts[result[0]];
    return result[4] + (phrase && text && holds(text) ? EXACT_BONUS : 0);
  };
})();
