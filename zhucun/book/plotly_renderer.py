"""MyST-NB renderer for plotly's own mime type.

With plotly ≥ 6 a figure left to plotly's default renderer reaches MyST-NB only
as ``application/vnd.plotly.v1+json``, which MyST-NB would skip with a warning
and a missing chart. This plugin (registered as a ``myst_nb.mime_renderers``
entry point in pyproject.toml) draws it the way the book draws its own charts:
a ``<div>`` and the figure's JSON, picked up by ``_static/zhucun-charts.js``.
The book's chart helper still prefers its richer ``text/html`` (source line,
data table), so this renderer only serves figures shown the plain plotly way.
"""

from __future__ import annotations

import hashlib
import html
import json

from docutils import nodes

from zhucun.charts.style import PLOTLY_MIME

_HTML_BUILDERS = ("html", "dirhtml", "singlehtml", "epub")


def plotly_json_html(figure: dict) -> str:
    """A chart block for a plotly figure dict, with an id derived from its content (stable across builds)."""
    spec = {"data": figure.get("data", []), "layout": figure.get("layout", {}),
            "config": figure.get("config", {"displaylogo": False, "responsive": True})}
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    script_safe = text.replace("</", "<\\/")
    chart_id = "plotly-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    title = spec["layout"].get("title", {})
    label = html.escape(title.get("text", "图表") if isinstance(title, dict) else str(title), quote=True)
    return (
        f'<div class="zhucun-chart" data-chart-id="{chart_id}">'
        f'<div id="{chart_id}" class="zhucun-chart-canvas" role="img" aria-label="{label}"></div>'
        f'<script type="application/json" class="zhucun-chart-spec" data-target="{chart_id}">'
        f"{script_safe}</script></div>"
    )


class PlotlyMimeRenderer:
    # Just after text/html: a bundle that has the book's own HTML uses that.
    mime_priority_overrides = [(builder, PLOTLY_MIME, 35) for builder in _HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != PLOTLY_MIME:
            return None
        figure = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw("", plotly_json_html(figure), format="html")]
