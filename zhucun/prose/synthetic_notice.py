"""The notice every page reporting survey results shows while any survey row is synthetic."""

from __future__ import annotations

from IPython.display import HTML, display

from zhucun.data.survey import DataState
from zhucun.prose.data_description import NOTICE_TITLE, notice_text


def synthetic_notice_html(state: DataState) -> str:
    """The notice as HTML; '' for a survey without synthetic rows."""
    if not state.has_synthetic:
        return ""
    return (
        '<div class="admonition warning zhucun-synthetic-notice" role="note">'
        f'<p class="admonition-title">{NOTICE_TITLE}</p>'
        f"<p>{notice_text(state)}</p></div>"
    )


def show_synthetic_notice(state: DataState) -> None:
    """Display the notice when some rows of the survey are synthetic; display nothing for real data."""
    if state.has_synthetic:
        display(HTML(synthetic_notice_html(state)))
