/* The book's own icons, in place of the theme's Font Awesome (1.5 MB of script and a
 * 150 kB font for the ten icons these pages show). The theme's templates load
 * _static/scripts/fontawesome.js, so this file takes its name; it draws each
 * <i class="fa-solid fa-NAME"> (or <span>) as a small inline SVG, inside it so the theme's
 * own rules (which icon the colour-mode button shows, sizes) still apply. The icons
 * are decorative: hidden from assistive technology, with no title (a button is
 * named by its own label, and a title inside it would contradict that name). */
(function () {
  "use strict";

  // 16 × 16, drawn with the text colour: lines (stroke) unless marked as filled.
  var ICONS = {
    "angle-left": '<polyline points="10,3 5,8 10,13"/>',
    "angle-right": '<polyline points="6,3 11,8 6,13"/>',
    "arrow-up": '<line x1="8" y1="13.5" x2="8" y2="3"/><polyline points="3.5,7.5 8,3 12.5,7.5"/>',
    "bars": '<line x1="2" y1="4" x2="14" y2="4"/><line x1="2" y1="8" x2="14" y2="8"/>' +
            '<line x1="2" y1="12" x2="14" y2="12"/>',
    "list": '<line x1="6" y1="4" x2="14" y2="4"/><line x1="6" y1="8" x2="14" y2="8"/>' +
            '<line x1="6" y1="12" x2="14" y2="12"/><circle cx="2.5" cy="4" r="0.6"/>' +
            '<circle cx="2.5" cy="8" r="0.6"/><circle cx="2.5" cy="12" r="0.6"/>',
    "magnifying-glass": '<circle cx="6.8" cy="6.8" r="4.3"/><line x1="10" y1="10" x2="14" y2="14"/>',
    "outdent": '<line x1="2" y1="3" x2="14" y2="3"/><line x1="8" y1="6.5" x2="14" y2="6.5"/>' +
               '<line x1="8" y1="9.5" x2="14" y2="9.5"/><line x1="2" y1="13" x2="14" y2="13"/>' +
               '<polyline points="5,5.5 2.5,8 5,10.5"/>',
    "circle-half-stroke": '<circle cx="8" cy="8" r="6"/><path d="M8 2a6 6 0 0 0 0 12z" fill="currentColor"/>',
    "moon": '<path d="M13.5 9.6A5.8 5.8 0 1 1 6.4 2.5a4.6 4.6 0 0 0 7.1 7.1z"/>',
    "sun": '<circle cx="8" cy="8" r="3"/><line x1="8" y1="1" x2="8" y2="2.6"/><line x1="8" y1="13.4" x2="8" y2="15"/>' +
           '<line x1="1" y1="8" x2="2.6" y2="8"/><line x1="13.4" y1="8" x2="15" y2="8"/>' +
           '<line x1="3.05" y1="3.05" x2="4.2" y2="4.2"/><line x1="11.8" y1="11.8" x2="12.95" y2="12.95"/>' +
           '<line x1="3.05" y1="12.95" x2="4.2" y2="11.8"/><line x1="11.8" y1="4.2" x2="12.95" y2="3.05"/>',
  };
  var ICON_ELEMENTS = ".fa-solid, .fa-regular, .fa-brands, .fa";
  var SVG_START = '<svg class="zhucun-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" ' +
    'focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" ' +
    'stroke-linejoin="round">';

  function draw(icon) {
    if (icon.querySelector("svg.zhucun-icon")) { return; }
    var name = Array.prototype.map.call(icon.classList, function (c) { return c.slice(3); })
      .filter(function (c) { return ICONS.hasOwnProperty(c); })[0];
    icon.setAttribute("aria-hidden", "true");
    icon.removeAttribute("title");
    if (name) { icon.innerHTML = SVG_START + ICONS[name] + "</svg>"; }
  }

  function drawAll(root) {
    (root || document).querySelectorAll(ICON_ELEMENTS).forEach(draw);
  }

  drawAll();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  }
  // Icons a script adds later (the theme builds some buttons after load).
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) { return; }
        if (node.matches(ICON_ELEMENTS)) { draw(node); } else { drawAll(node); }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
