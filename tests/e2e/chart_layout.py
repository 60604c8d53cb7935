"""Where a chart's texts land in the browser: outside the chart's box, or on top of one another.

Measured on the rendered SVG (plotly draws titles, axis titles, tick labels, legends,
annotations, Sankey node labels and value labels as SVG ``text``), with the text
boxes the browser computes. Shared by the layout test and for looking at a page.
"""

from __future__ import annotations

TEXT_BOXES = """(canvas) => {
  const box = canvas.getBoundingClientRect();
  const texts = [];
  for (const t of canvas.querySelectorAll('svg text')) {
    const content = t.textContent.trim();
    if (!content) continue;
    const style = getComputedStyle(t);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    let hidden = false;
    for (let e = t.parentElement; e && e !== canvas; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) { hidden = true; break; }
    }
    if (hidden) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    texts.push({text: content, left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  }
  return {box: {left: box.left, top: box.top, right: box.right, bottom: box.bottom}, texts};
}"""

TOLERANCE = 1.0  # px: anti-aliasing and sub-pixel rounding


def outside(box: dict, text: dict) -> bool:
    return (text["left"] < box["left"] - TOLERANCE or text["right"] > box["right"] + TOLERANCE
            or text["top"] < box["top"] - TOLERANCE or text["bottom"] > box["bottom"] + TOLERANCE)


def overlap(a: dict, b: dict) -> bool:
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return width > TOLERANCE and height > TOLERANCE


def layout_problems(page) -> list[str]:
    """Every chart text of the page outside its chart's box or over another text."""
    problems = []
    for canvas in page.query_selector_all(".zhucun-chart-canvas"):
        chart_id = canvas.get_attribute("id")
        measured = canvas.evaluate(TEXT_BOXES)
        texts = measured["texts"]
        problems += [f"{chart_id}: '{t['text']}' lies outside the chart" for t in texts if outside(measured["box"], t)]
        for i, a in enumerate(texts):
            problems += [f"{chart_id}: '{a['text']}' overlaps '{b['text']}'" for b in texts[i + 1:] if overlap(a, b)]
    return problems
