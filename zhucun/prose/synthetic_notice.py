"""The notice every page reporting survey results shows while the data are synthetic."""

from __future__ import annotations

from IPython.display import HTML, display

NOTICE_TITLE = "合成演示数据"
NOTICE_TEXT = (
    "本页报告的问卷结果来自按书中写明的假设生成的合成演示数据，"
    "不是对J省驻村干部的真实调查结果，不能作为研究发现引用。"
    "论文原始问卷数据无法获得；研究者换入真实数据并重新构建后，本提示会自动消失。"
)


def synthetic_notice_html() -> str:
    return (
        '<div class="admonition warning zhucun-synthetic-notice" role="note">'
        f'<p class="admonition-title">{NOTICE_TITLE}</p>'
        f"<p>{NOTICE_TEXT}</p></div>"
    )


def show_synthetic_notice(synthetic: bool) -> None:
    """Display the notice when *synthetic* is true; display nothing for real data."""
    if synthetic:
        display(HTML(synthetic_notice_html()))
