"""The notice every page reporting survey results shows while any survey row is synthetic."""

from __future__ import annotations

from IPython.display import HTML, display

from zhucun.data.survey import DataState
from zhucun.prose.data_description import notice_text, notice_title


def synthetic_notice_html(state: DataState, language: str = "zh") -> str:
    """The notice as HTML, in *language* ("zh" or "en", which the English page marks as such);
    '' for a survey without synthetic rows."""
    if not state.has_synthetic:
        return ""
    lang = ' lang="en"' if language == "en" else ""
    return (
        f'<div class="admonition warning zhucun-synthetic-notice" role="note"{lang}>'
        f'<p class="admonition-title">{notice_title(language)}</p>'
        f"<p>{notice_text(state, language)}</p></div>"
    )


def show_synthetic_notice(state: DataState, language: str = "zh") -> None:
    """Display the notice (in *language*) when some rows of the survey are synthetic; nothing for real data."""
    if state.has_synthetic:
        display(HTML(synthetic_notice_html(state, language)))
