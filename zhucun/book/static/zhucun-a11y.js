/* Accessible names of two theme buttons (pydata-sphinx-theme), which exist
 * only with JavaScript, so they are fixed here rather than in the HTML:
 * - the search field button is labelled "搜索" but also shows "Ctrl+K"; its
 *   name must contain what it shows (WCAG 2.5.3), so it is named by its text;
 * - the colour-mode button is named in English and its icons carry titles;
 *   it gets a Chinese name and the icons are hidden from assistive tech. */
(function () {
  "use strict";

  function fix() {
    document.querySelectorAll(".search-button__button").forEach(function (button) {
      if (button.querySelector(".search-button__default-text")) { button.removeAttribute("aria-label"); }
    });
    document.querySelectorAll(".theme-switch-button").forEach(function (button) {
      button.setAttribute("aria-label", "切换亮色/暗色模式");
      button.setAttribute("data-bs-title", "切换亮色/暗色模式");
      button.querySelectorAll("i").forEach(function (icon) {
        icon.setAttribute("aria-hidden", "true");
        icon.removeAttribute("title");
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
