"""What the data are, in words: every sentence of the book that describes the survey or the interviews.

A sentence that says the survey data are synthetic becomes false the moment a
researcher swaps in real responses, and one that says they are real is false
for the demonstration. So no chapter types such a sentence: each asks this
module for the sentence of its *context* in the data's current state
(:class:`zhucun.data.survey.DataState`: ``synthetic``, ``real`` or ``mixed``).
The tables below hold every version of every such sentence, and the
three-state build test (``tests/e2e/test_data_swap.py``) checks that a page
built in one state contains none of the other states' sentences.

Every source line of synthetic or mixed data says 合成 (the ``survey_source`` and
``interview_source`` contexts), and a real one never does: a chart's or table's
data download (``_static/zhucun-csv.js``) names its file and first line by that.

Templates may use ``{rows}``, ``{synthetic_rows}`` and ``{real_rows}``
(counts formatted by :func:`zhucun.number_format.format_count`). The
interviews have their own state and their own table.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhucun.data.codebook import Block
from zhucun.data.survey import DataState, survey_file_label
from zhucun.data.synthetic_assumptions import GeneratorBasis, measure_order_basis, scale_order_basis
from zhucun.number_format import format_count
from zhucun.prose.english import english_block_name, english_list

SURVEY_SENTENCES: dict[str, dict[str, str]] = {
    # index: "当前数据文件共有 N 份答卷，…。"
    "home_status": {
        "synthetic": "全部是按书中写明的假设生成的合成演示数据，不是真实调查结果，书中据此得到的数字只用于演示分析方法",
        "real": "其中没有合成行，都是研究者换入的调查答卷，书中各章的问卷数字均据此计算",
        "mixed": ("其中{synthetic_rows}份是按书中假设生成的合成答卷，{real_rows}份是研究者换入的调查答卷；"
                  "由于混有合成数据，书中的问卷数字只能用来检查分析流程，不能作为研究发现引用"),
    },
    # 绪论, 研究设计: "本书数据文件共有 N 份答卷；…。"
    "ch0_data_status": {
        "synthetic": ("这些答卷是按书中写明的假设生成的合成演示数据，"
                      "不是对真实驻村干部的调查结果，由此算出的数字只用来演示分析方法"),
        "real": "这些答卷来自研究者换入的调查数据，其中没有合成行，书中各章的问卷数字都据此计算",
        "mixed": ("其中{synthetic_rows}份是合成演示答卷，其余{real_rows}份来自研究者换入的调查数据；"
                  "在合成行被替换之前，由此算出的数字只用来演示分析方法"),
    },
    # 绪论, 不足之处, the bold head of the second point
    "ch0_limit_head": {
        "synthetic": "本版本的问卷数据是合成的演示数据，不是真实调查结果",
        "real": "本版本的问卷数据由研究者换入，书中没有合成的问卷答卷",
        "mixed": "本版本的问卷数据中仍有合成的演示答卷",
    },
    # 绪论, 不足之处, what follows the head
    "ch0_limit_body": {
        "synthetic": ("为了让分析流程可以完整运行、可以被检查，本书按照附录中写明的假设生成了与问卷格式一致的数据。"
                      "凡使用这些数据的页面，页首都会显示“合成演示数据”的提示；其中的比例、均值和检验结果只说明"
                      "“用这种方法会得到什么样的输出”，不能当作对J省驻村干部的发现来引用。获得真实数据后，"
                      "可按首页说明替换数据文件并重新构建本书"),
        "real": ("书中的问卷结果描述的是这份数据中的受访者，它不是论文本身的数据，两者的数字不能互相核对；"
                 "问卷是本书依据论文框架拟定的（见附录），与论文原问卷未必相同"),
        "mixed": ("当前数据文件的{rows}份答卷中有{synthetic_rows}份是按附录中写明的假设生成的合成数据。"
                  "只要还有合成行，报告问卷结果的页面页首就会显示提示，书中的比例、均值和检验结果都混有合成答卷，"
                  "不能当作对J省驻村干部的发现来引用"),
    },
    # 第一章: after "框架中的因果箭头是…理论假设。"
    "ch1_caveat": {
        "synthetic": ("本书使用的问卷数据目前为合成演示数据（见绪论“不足之处”），因此在获得真实调查数据之前，"
                      "第三章的统计结果只能演示检验这些假设的方法，而不能证实或否定它们"),
        "real": ("第三章用研究者换入的问卷数据检验这些假设；检验结果只说明这份样本中的关联，"
                 "不足以单独证明因果方向"),
        "mixed": ("本书当前的问卷数据中仍有{synthetic_rows}份合成答卷（见绪论“不足之处”），"
                  "因此第三章的统计结果只能演示检验这些假设的方法，而不能证实或否定它们"),
    },
    # 第二章 opening: "…本书的分析写成；…。"
    "ch2_intro": {
        "synthetic": "本章末尾涉及问卷样本的部分使用的是合成演示数据（见页首提示）",
        "real": "本章末尾涉及问卷样本的部分使用研究者换入的调查数据",
        "mixed": "本章末尾涉及问卷样本的部分使用的数据中有{synthetic_rows}份合成答卷（见页首提示）",
    },
    # 第二章, sample: "本书使用的数据文件共有 N 份答卷；…。"
    "ch2_sample": {
        "synthetic": ("在当前版本中，这些答卷是合成演示数据，"
                      "下面的比较只演示如何检查样本代表性，不描述真实的J省驻村干部"),
        "real": "这些答卷来自研究者换入的调查数据，下面把样本的构成与J省驻村干部总体相比，检查其代表性",
        "mixed": ("其中{synthetic_rows}份是合成演示答卷，下面的比较因此只演示如何检查样本代表性，"
                  "不描述真实的J省驻村干部"),
    },
    # 第二章, end of the hypotheses: "…第三章将用问卷数据检验这些假设；…。"
    "ch2_hypotheses": {
        "synthetic": "在数据为合成演示数据的当前版本中，检验只演示方法",
        "real": "当前的问卷数据由研究者换入，检验结果说明的是这份样本",
        "mixed": "当前的问卷数据混有合成答卷，检验只演示方法",
    },
    # 第三章 opening: "当前文件共有 N 份回答，属于…。"
    "ch3_data_kind": {
        "synthetic": "按书中写明的假设生成的合成演示数据，不是真实调查结果",
        "real": "研究者换入的问卷调查数据，其中没有合成行",
        "mixed": "混合数据：其中{synthetic_rows}份是合成演示答卷，{real_rows}份是研究者换入的调查答卷",
    },
    # 第三章 小结, the closing caveat
    "ch3_summary_caveat": {
        "synthetic": "当前数据为合成演示数据，这些结果只展示分析流程，不构成关于J省驻村干部的研究发现。",
        "real": "以上结果来自研究者换入的问卷数据，描述的是这份样本；推及全省时须考虑抽样方式和加权的前提。",
        "mixed": "当前数据中有{synthetic_rows}份合成答卷，这些结果只展示分析流程，不构成关于J省驻村干部的研究发现。",
    },
    # 第三章（六）: the cause–manifestation correspondence, which the generator was told to produce
    "ch3_generator_causes": {
        "synthetic": "这一格局是合成数据的生成器事先设定的：生成器让每个成因对同序表现的作用"
                     "远大于对其他表现（附录六），所以它只说明分析能把设定找回来，不是关于驻村干部的发现。",
        "real": "这一格局来自受访者的回答；不过横截面相关既不能确定方向，也不能排除二者同出于对工作的总体评价。",
        "mixed": "当前数据中有{synthetic_rows}份合成答卷，而生成器事先设定了每个成因主要作用于同序的表现（附录六），"
                 "因此这一格局至少部分来自设定，不能当作发现。",
    },
    # 第三章（四）: the manifestations' odds ratios, whose direction the generator was told
    "ch3_generator_pressure": {
        "synthetic": "合成数据的生成器让四种表现都推高总体压力（附录六），"
                     "这些优势比因此只是在检验模型能否找回这一设定。",
        "real": "这些优势比描述的是受访者回答中表现与压力的关系。",
        "mixed": "当前数据中有{synthetic_rows}份合成答卷，生成器让四种表现都推高总体压力（附录六），"
                 "这些优势比至少部分反映这一设定。",
    },
    # 第三章（五）: after the two readings of role's odds ratio (its generator label follows)
    "ch3_role_reading": {
        "synthetic": "当前数据是合成的，其中只有第二种来历成立",
        "real": ("用真实数据时，两种来历都可能成立，本章的数据无法区分它们；要区分，需要用多个指标估计潜在困境的模型"
                 "（如结构方程模型），或者直接询问汇报和考核的负担"),
        "mixed": "当前数据含{synthetic_rows}份合成答卷，在合成部分只有第二种来历成立，这一优势比因此不能当作发现",
    },
    # source lines of survey charts and tables
    "survey_source": {
        "synthetic": "合成演示问卷数据",
        "real": "问卷调查数据",
        "mixed": "问卷数据，含{synthetic_rows}份合成答卷",
    },
    # 第五章, before the measures: what the survey numbers quoted in each subsection are
    "ch5_show_head": {
        "synthetic": ("下面各小节引用的问卷数字来自合成演示数据，只演示每项对策可以怎样对照数据来检视，"
                      "不代表J省驻村干部的看法，也不能作为支持或反对某项对策的证据"),
        "real": ("下面各小节引用的问卷数字来自研究者换入的调查数据，描述这份样本中受访者的判断；"
                 "受访者认为有帮助，不等于措施实施后确有成效"),
        "mixed": ("下面各小节引用的问卷数字混有{synthetic_rows}份合成答卷，只演示每项对策可以怎样对照数据来检视，"
                  "在合成行被替换之前不能作为支持或反对某项对策的证据"),
    },
    # 结论, the survey column of the one-minute table
    "ch6_survey_evidence": {
        "synthetic": "演示数据，不作为证据",
        "real": "问卷评价",
        "mixed": "含{synthetic_rows}份合成答卷，不作为证据",
    },
    # 结论, answer 2: what the survey can say on the causes
    "ch6_cause_link": {
        "synthetic": ("演示数据中成因与表现之间的关联，是生成数据时按书中写明的假设设定的（见附录），"
                      "第三章据此算出的相关只是这些假设的回声，不能用来证明哪一种成因造成了哪一种表现"),
        "real": ("第三章报告了这份数据中各成因量表与各表现量表的相关；横截面的相关说明二者同时出现的程度，"
                 "不足以单独证明因果方向"),
        "mixed": ("当前数据中有{synthetic_rows}份合成答卷，其成因与表现之间的关联是按书中假设设定的，"
                  "第三章算出的相关因此混有这些假设，不能用来证明哪一种成因造成了哪一种表现"),
    },
    # 结论, opening of "what these data show"
    "ch6_show_label": {
        "synthetic": "以下是合成演示数据给出的演示结果，只说明这套分析会输出什么，不是关于J省驻村干部的研究发现",
        "real": "以下是这份问卷数据显示的结果，描述的是作答的受访者，推及全省时须考虑样本的选取方式",
        "mixed": "以下结果混有{synthetic_rows}份合成答卷，只是演示数字，在合成行被替换之前不是研究发现",
    },
    # 结论, 局限 1
    "ch6_limit_data": {
        "synthetic": ("论文的原始问卷和答卷无法获得。本版的问卷结果来自按书中写明的假设生成的演示数据，"
        "只用来演示分析流程；"
                      "页面顶部的“合成演示数据”提示在换入真实数据前会一直显示。"
                      "任何比例、均值或差异都不是关于J省驻村干部的发现。"),
        "real": ("问卷结果来自{rows}份答卷，只按驻村身份做了事后分层加权；"
        "性别、年龄、派出单位和驻村类型上的偏差无法校正，"
                 "推及全省驻村干部时须考虑样本的选取方式。论文的原始问卷和答卷仍无法获得。"),
        "mixed": ("论文的原始问卷和答卷无法获得。本版的{rows}份问卷答卷中有{synthetic_rows}份是合成演示数据，"
                  "只要合成行还在，页面顶部的提示就会显示，任何比例、均值或差异都不是关于J省驻村干部的发现。"),
    },
    # 结论: "…（…份答卷，…）"
    "ch6_data_kind": {
        "synthetic": "合成演示数据",
        "real": "问卷数据",
        "mixed": "含{synthetic_rows}份合成答卷的问卷数据",
    },
    # 结论, 换入真实数据之后
    "ch6_swap": {
        "synthetic": ("研究者按附录中的步骤换入真实的问卷数据并重新构建后，"
        "各章的数字、图表、由数字决定的措辞以及本页的结果"
                      "会一起更新，合成数据提示会自动消失，第1条局限的说法也随之改写；第2至4条局限则不会因此改变。"),
        "real": ("本版已经换入研究者的问卷数据，各章的数字、图表和由数字决定的措辞都据此生成；"
        "第1条局限已按数据的状态改写，"
                 "第2至4条局限与数据无关，仍然成立。"),
        "mixed": ("合成行全部替换为真实答卷并重新构建后，合成数据提示会自动消失，第1条局限的说法也随之改写；"
                  "第2至4条局限则不会因此改变。"),
    },
    # 摘要, the book's method: "…读取数据文件…（共 N 份答卷，…）"
    "abs_data_status": {
        "synthetic": "全部是按书中写明的假设生成的合成演示答卷，不是对J省驻村干部的调查",
        "real": "没有合成行，都是研究者换入的调查答卷",
        "mixed": "其中{synthetic_rows}份是按书中假设生成的合成答卷，{real_rows}份是研究者换入的调查答卷",
    },
    # 摘要, before the results: "…。" (what the numbers below are)
    "abs_results_head": {
        "synthetic": "下面的数字是合成演示数据给出的演示数字，只说明这套分析会输出什么，不是关于J省驻村干部的研究发现",
        "real": "下面是这份问卷数据显示的结果，描述的是作答的受访者，不是论文本身的统计结果",
        "mixed": ("下面的数字混有{synthetic_rows}份合成答卷，只是演示数字，"
                  "在合成行被替换之前不能当作关于J省驻村干部的研究发现"),
    },
    # 摘要, after the results
    "abs_results_tail": {
        "synthetic": "研究者换入真实答卷并重新构建后，这些数字和由数字决定的措辞会随之改写，页首的提示也会消失",
        "real": "样本并非随机抽取，推及全省驻村干部时须考虑样本的选取方式和第三章的加权前提",
        "mixed": "合成行全部换成真实答卷并重新构建后，这些数字和措辞会随之改写，页首的提示也会消失",
    },
    # 附录一 (questionnaire): "在当前的 N 份…答卷中，…"
    "ch8_answers": {
        "synthetic": "合成演示",
        "real": "调查",
        "mixed": "问卷（含{synthetic_rows}份合成）",
    },
}

# The English Abstract's sentences on the survey, in the same three states. Apostrophes are typographic (’):
# Sphinx turns a straight one into it, and the three-state build test looks for the text as printed.
SURVEY_SENTENCES_EN: dict[str, dict[str, str]] = {
    # Abstract, the book’s method: "… the data file … holds N responses, …."
    "abs_data_status": {
        "synthetic": "all of them synthetic demonstration data generated from the book’s stated assumptions",
        "real": "none of them synthetic: all are survey answers supplied by the researcher",
        "mixed": ("{synthetic_rows} of them synthetic demonstration data generated from the book’s assumptions "
                  "and {real_rows} survey answers supplied by the researcher"),
    },
    # Abstract, before the results
    "abs_results_head": {
        "synthetic": ("These are demonstration numbers from synthetic data, showing what the analysis produces; "
                      "they are not findings about village-resident cadres in J province"),
        "real": "These survey data show the following about their respondents (they are not the thesis’s results)",
        "mixed": ("With {synthetic_rows} synthetic answers among them, these are demonstration numbers, "
                  "not findings about village-resident cadres in J province"),
    },
    # Abstract, after the results
    "abs_results_tail": {
        "synthetic": ("When the book is rebuilt with real answers, these numbers and words are rewritten "
                      "and the notice disappears"),
        "real": ("The sample was not drawn at random: inference to all village-resident cadres of the province "
                 "depends on how it was selected"),
        "mixed": ("Once every synthetic row is replaced by a real answer, the rebuilt book rewrites these numbers "
                  "and words and drops the notice"),
    },
}

INTERVIEW_SENTENCES: dict[str, dict[str, str]] = {
    # 第三章, 访谈: "这些编码是…。"
    "ch3_iv_kind": {
        "synthetic": "按书中写明的假设生成的合成演示编码，并非真实访谈，也不附任何访谈原话",
        "real": "对真实访谈记录的编码；本书只报告编码，不引用原话",
        "mixed": ("部分合成的编码：{rows}份中有{synthetic_rows}份是按书中假设生成的合成编码，"
                  "其余是对真实访谈的编码；本书不引用任何原话"),
    },
    # 第三章（三）: what the interview codes can add to the survey, by their state
    "ch3_iv_state": {
        "synthetic": ("当前的编码是合成的，按与问卷相同的潜变量模型生成，二者相符只是设定相符，"
                      "不构成相互印证。"),
        "real": "当前的编码来自真实访谈，话题由受访者自己提起，可以与问卷相互印证，但谈到不等于程度严重。",
        "mixed": ("当前的{rows}份编码中有{synthetic_rows}份是合成的，合成部分与问卷出自同一个生成器，"
                  "在它们被替换之前，二者相符不构成相互印证。"),
    },
    # 第三章（三）: the same, when the survey has no synthetic rows (synthetic codes cannot corroborate real answers)
    "ch3_iv_state_real_survey": {
        "synthetic": "当前的编码是合成的，并非真实访谈，不能用来印证真实的问卷回答。",
        "real": "当前的编码来自真实访谈，话题由受访者自己提起，可以与问卷相互印证，但谈到不等于程度严重。",
        "mixed": "当前的{rows}份编码中有{synthetic_rows}份是合成的，合成部分不能用来印证真实的问卷回答。",
    },
    # the interview chart's source line
    "interview_source": {
        "synthetic": "合成演示访谈编码",
        "real": "访谈编码",
        "mixed": "访谈编码（含{synthetic_rows}份合成演示编码）",
    },
    # appended to the interview chart's title and text alternative
    "interview_note": {
        "synthetic": "（合成演示访谈编码）",
        "real": "",
        "mixed": "（含合成演示访谈编码）",
    },
}

NOTICE_TITLE = "合成演示数据"
NOTICE_TEXT: dict[str, str] = {
    "synthetic": ("本页报告的问卷结果来自按书中写明的假设生成的合成演示数据，"
                  "不是对J省驻村干部的真实调查结果，不能作为研究发现引用。"
                  "论文原始问卷数据无法获得；研究者换入真实数据并重新构建后，本提示会自动消失。"),
    "mixed": ("本页报告的问卷结果所依据的{rows}份答卷中，有{synthetic_rows}份是按书中写明的假设生成的合成演示数据，"
              "因此这些结果不能作为研究发现引用。合成行全部换成真实答卷并重新构建后，本提示会自动消失。"),
}


NOTICE_TITLE_EN = "Synthetic demonstration data"
NOTICE_TEXT_EN: dict[str, str] = {
    "synthetic": ("The survey results on this page come from synthetic demonstration data generated from assumptions "
                  "stated in the book. They are not the results of a survey of village-resident cadres in J province "
                  "and must not be cited as findings. The thesis’s own survey data are not available; once the "
                  "researcher swaps in real data and rebuilds the book, this notice disappears."),
    "mixed": ("Of the {rows} answers behind the survey results on this page, {synthetic_rows} are synthetic "
              "demonstration data generated from assumptions stated in the book, so the results must not be cited "
              "as findings. Once every synthetic row is replaced by a real answer and the book is rebuilt, "
              "this notice disappears."),
}

def _fill(template: str, state: DataState) -> str:
    return template.format(rows=format_count(state.rows), synthetic_rows=format_count(state.synthetic_rows),
                           real_rows=format_count(state.real_rows))


def survey_sentence(context: str, state: DataState, language: str = "zh") -> str:
    """The sentence of *context* (a key of :data:`SURVEY_SENTENCES`, or of :data:`SURVEY_SENTENCES_EN` for
    *language* ``"en"``) true of the survey in *state*."""
    table = SURVEY_SENTENCES_EN if language == "en" else SURVEY_SENTENCES
    return _fill(table[context][state.kind], state)


def interview_sentence(context: str, state: DataState) -> str:
    """The sentence of *context* (a key of :data:`INTERVIEW_SENTENCES`) true of the interviews in *state*."""
    return _fill(INTERVIEW_SENTENCES[context][state.kind], state)


def notice_title(language: str = "zh") -> str:
    """The notice's title in *language* ("zh" or "en")."""
    return NOTICE_TITLE_EN if language == "en" else NOTICE_TITLE


def notice_text(state: DataState, language: str = "zh") -> str:
    """The notice's text for a survey with synthetic rows ('' when there are none: no notice), in *language*."""
    table = NOTICE_TEXT_EN if language == "en" else NOTICE_TEXT
    return _fill(table[state.kind], state) if state.has_synthetic else ""


def survey_source(state: DataState) -> str:
    """A source line's survey part: the file the book read and what its rows are."""
    return f"{survey_file_label()}（{survey_sentence('survey_source', state)}）"


def block_names(blocks: Sequence[Block]) -> str:
    """The blocks' names as a list in prose: 'A', 'A和B', 'A、B和C'."""
    names = [block.name for block in blocks]
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]


def not_asked_sentence(blocks: Sequence[Block], analysis: str, *, partial: bool = False) -> str:
    """The sentence that *analysis* could not be run (or, *partial*, covers only what was asked) because the
    questionnaire did not ask *blocks*; '' when *blocks* is empty (nothing missing, nothing to say)."""
    if not blocks:
        return ""
    missing = f"当前问卷没有问到{block_names(blocks)}，数据文件中没有相应的列"
    if partial:
        return f"{missing}，{analysis}只涉及问卷问到的部分。"
    return f"{analysis}无法进行：{missing}。"


def not_asked_clause(blocks: Sequence[Block], analysis: str) -> str:
    """'；' and the partial :func:`not_asked_sentence` without its full stop, to end a sentence the prose
    closes itself ('' when nothing is missing, so the sentence reads as before)."""
    sentence = not_asked_sentence(blocks, analysis, partial=True)
    return "；" + sentence.removesuffix("。") if sentence else ""


def block_names_en(blocks: Sequence[Block]) -> str:
    """The blocks' English names as a list in prose: 'A', 'A and B', 'A, B and C'."""
    return english_list(english_block_name(block.id) for block in blocks)


def not_asked_sentence_en(blocks: Sequence[Block], analysis: str, *, partial: bool = False) -> str:
    """:func:`not_asked_sentence` in English: *analysis* (a noun phrase) could not be run, or with *partial*
    covers only what was asked, because the questionnaire did not ask *blocks*; '' when *blocks* is empty."""
    if not blocks:
        return ""
    pronoun = "it" if len(blocks) == 1 else "them"
    missing = (f"the current questionnaire did not ask {block_names_en(blocks)}, "
               f"and the data file has no columns for {pronoun}")
    if partial:
        return f"Because {missing}, {analysis} covers only the parts that were asked. "
    return f"{analysis[:1].upper() + analysis[1:]} could not be made: {missing}."


# ---------------------------------------------------------------------------
# The generator label of a ranking, leader, difference or coefficient (issue 22, item 6)
# ---------------------------------------------------------------------------
def generator_label(basis: GeneratorBasis, state: DataState, language: str = "zh") -> str:
    """The parenthesis that says where a stated result comes from, by the survey's data state.

    synthetic: "（由生成器假设设定：…）" naming the assumption; "（生成数据中的偶然结果：…）" when no
    assumption sets it or the assumptions set the opposite order; "（生成数据的人为结果：…）" for an
    artefact. mixed: the same, said of data that contain synthetic rows. real: '' (the sentence reports a
    finding of the survey as it stands).
    """
    if not state.has_synthetic:
        return ""
    en = language == "en"
    expected_zh = f"，{basis.expected}" if basis.expected else ""
    expected_en = ""
    if basis.expected:  # "按这些假设预期为58.2%对56.2%"
        shares = basis.expected.removeprefix("按这些假设预期为").replace("对", " against ")
        expected_en = f"; expected under them: {shares}"
    if basis.set_by_assumptions and basis.direction >= 0:
        core = (f"set by the generator's assumptions: {basis.assumption_en}{expected_en}" if en
                else f"由生成器假设设定：{basis.assumption}{expected_zh}")
    elif basis.set_by_assumptions:
        core = (f"chance in generated data: the assumptions set the opposite order ({basis.assumption_en}"
                f"{expected_en})" if en
                else f"生成数据中的偶然结果：生成器假设设定的次序正相反（{basis.assumption}{expected_zh}）")
    elif basis.artefact:
        core = ("an artefact of the generated data: the generator gives it no direct path" if en
                else f"生成数据的人为结果：{basis.artefact}")
    elif basis.expected:
        core = (f"chance in generated data: the generator's assumptions make almost no difference{expected_en}" if en
                else f"生成数据中的偶然结果：生成器假设几乎没有设定这一差别{expected_zh}")
    else:
        core = ("chance in generated data: the generator's assumptions set no such order" if en
                else "生成数据中的偶然结果：生成器假设没有设定这一差别")
    if state.kind == "mixed":
        core = (f"the data contain synthetic rows; {core}" if en else f"数据含合成答卷，{core}")
    return f" ({core})" if en else f"（{core}）"


def leader_label(leader, kind: str, state: DataState, language: str = "zh") -> str:
    """:func:`generator_label` of a headline :class:`~zhucun.stats.headlines.Leader`: whether the generator
    puts the leader above its runner-up (for a tie: the first two tied). *kind*: "scale" or "measure".
    '' for real data, or when there is nothing it leads."""
    if not state.has_synthetic:
        return ""
    other = leader.ids[1] if leader.tied else leader.runner_up_id
    if other is None:
        return ""
    basis = (scale_order_basis if kind == "scale" else measure_order_basis)(leader.ids[0], other)
    return generator_label(basis, state, language)
