// The search page ranks first the pages that contain the query exactly.
// Pages are found by the character bigrams of the query (zhucun/book/chinese_search.py),
// so a page holding all the bigrams apart from one another is found too; the pages'
// text (zhucun-search-texts.js, loaded by the search page only) tells the exact ones.
// Opened from file://, where Sphinx cannot fetch a result's page for its summary, the
// summary is taken from the same text.
(function () {
  "use strict";
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;  // not the search page
  const EXACT_BONUS = 1000;
  const SUMMARY_CHARS = 120;
  const texts = typeof ZHUCUN_SEARCH_TEXTS === "undefined" ? {} : ZHUCUN_SEARCH_TEXTS;
  const lowered = {};
  const lower = (doc) => (lowered[doc] = lowered[doc] || (texts[doc] || "").toLowerCase());
  let phrase = "";

  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    phrase = query.toLowerCase().trim().replace(/\s+/g, " ");
    return parseQuery(query);
  };

  // Where the query stands in a page's text (-1: not there). A Latin query is a word:
  // "ol" is not in "tool". A Chinese phrase may stand anywhere.
  const position = (doc) => {
    const text = lower(doc);
    if (!phrase || !text) return -1;
    if (!/^[a-z0-9_]+$/.test(phrase)) return text.indexOf(phrase);
    const match = new RegExp(`(^|[^a-z0-9_])${phrase}(?![a-z0-9_])`).exec(text);
    return match ? match.index + match[1].length : -1;
  };
  Scorer.score = (result) => result[4] + (position(result[0]) >= 0 ? EXACT_BONUS : 0);

  if (location.protocol !== "file:" || typeof DOCUMENTATION_OPTIONS === "undefined") return;
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;  // its fetch of the page is refused from file://
  const summarise = (item) => {
    const link = item.querySelector("a");
    if (!link || item.querySelector(".search-summary")) return;
    const doc = decodeURI(link.getAttribute("href")).split("#")[0].replace(/\.html$/, "");
    const text = texts[doc] || "";
    const at = Math.max(position(doc), 0);
    const start = Math.max(0, at - SUMMARY_CHARS / 3);
    const summary = document.createElement("p");
    summary.className = "search-summary";
    summary.textContent = (start > 0 ? "…" : "") + text.slice(start, start + SUMMARY_CHARS) + "…";
    item.appendChild(summary);
  };
  // This script runs after the page is parsed but may run after Sphinx has listed its first hits.
  const results = document.getElementById("search-results");
  if (!results) return;
  results.querySelectorAll("li").forEach(summarise);
  new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
    if (node.nodeType === 1 && node.tagName === "LI") summarise(node);
  }))).observe(results, { childList: true, subtree: true });
})();
