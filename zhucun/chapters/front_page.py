"""The front page: how many answers the survey file holds and whether they are the synthetic demonstration data,
which decides the sentence on where the book's numbers come from and whether the notice is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhucun.data.survey import is_synthetic, load_survey
from zhucun.prose.formatting import format_count


@dataclass(frozen=True)
class FrontPageResult:
    texts: dict[str, str]  # glue name → text of the prose
    synthetic: bool  # the survey has synthetic rows (the page shows the notice)


def analyse() -> FrontPageResult:
    survey = load_survey()
    synthetic = is_synthetic(survey)
    status = ("其中的问卷数据是按书中写明的假设生成的合成演示数据，不是真实调查结果，"
              "书中据此得到的数字只用于演示分析方法" if synthetic
              else "其中的问卷数据来自研究者换入的调查答卷，书中各章的数字均据此计算")
    return FrontPageResult(texts={"home_n": format_count(len(survey)), "home_data_status": status},
                           synthetic=synthetic)
