"""The survey codebook (``data/codebook.yml``) as a small typed API.

The YAML file is the single source of truth for variable names, codes,
Chinese labels and question wording; the validation schema, chart labels and
the questionnaire appendix are generated from what this module returns.

    >>> cb = load_codebook()
    >>> cb.scale_items("p1")
    ('p1_beyond_duties', 'p1_paperwork', 'p1_fragmented')
    >>> cb.labels("role")
    {'first_secretary': '第一书记', 'team_member': '工作队员'}
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from zhucun.data.yaml_file import read_yaml
from zhucun.paths import PACKAGE_DIR, data_path

VARIABLE_TYPES = ("id", "code", "ordered_code", "integer", "likert", "multi_select_option", "flag")
SCALE_KINDS = ("manifestation", "cause", "countermeasure")


@dataclass(frozen=True)
class Code:
    code: int | str
    label: str


@dataclass(frozen=True)
class Variable:
    name: str
    type: str
    question: int | None
    text: str | None
    short_label: str
    codes: tuple[Code, ...] = ()
    answer_scale: str | None = None
    required: bool = True
    nullable: bool = False
    scale: str | None = None
    minimum: int | None = None
    maximum: int | None = None

    @property
    def ordered(self) -> bool:
        return self.type in ("ordered_code", "likert")

    @property
    def allowed_text(self) -> tuple[str, ...]:
        """How each allowed value is spelled in a CSV file (codes as text, integers in range)."""
        if self.type == "integer":
            return tuple(str(value) for value in range(self.minimum, self.maximum + 1))
        return tuple(str(code.code) for code in self.codes)

    def describe_allowed(self) -> str:
        """The allowed values with their Chinese labels, for error messages."""
        if self.type == "id":
            return "非空且唯一的文本 / non-empty unique text"
        if self.type == "integer":
            return f"{self.minimum}–{self.maximum} 之间的整数 / an integer {self.minimum}–{self.maximum}"
        allowed = ", ".join(f"{code.code}={code.label}" for code in self.codes)
        return allowed + ("（可留空 / may be empty）" if self.nullable else "")


@dataclass(frozen=True)
class Scale:
    id: str
    kind: str
    name: str
    short_label: str
    items: tuple[str, ...]
    answers: str | None = None  # for a countermeasure group: the manifestation it addresses


@dataclass(frozen=True)
class Question:
    number: int
    kind: str
    text: str
    variables: tuple[str, ...]
    answer_scale: str | None = None
    max_selected: int | None = None


@dataclass(frozen=True)
class Block:
    """A part of the questionnaire another survey may not have asked: its columns are all present or all absent."""
    id: str
    name: str
    variables: tuple[str, ...]


@dataclass(frozen=True)
class TenureBand:
    """A band of months in post: ``low`` inclusive, ``high`` exclusive (None: open)."""
    code: str
    label: str
    low: int
    high: int | None


@dataclass(frozen=True)
class AnswerScale:
    id: str
    name: str
    codes: tuple[Code, ...]


@dataclass(frozen=True)
class Codebook:
    title: str
    variables: tuple[Variable, ...]
    interview_variables: tuple[Variable, ...]
    questions: tuple[Question, ...]
    answer_scales: dict[str, AnswerScale] = field(repr=False)
    scale_table: dict[str, Scale] = field(repr=False)
    blocks: tuple[Block, ...] = ()
    introduction: str = ""  # what the respondent reads before the first question
    tenure_bands: tuple[TenureBand, ...] = ()  # bands of tenure_months, in order

    # --- lookup ---
    @property
    def names(self) -> tuple[str, ...]:
        """Survey column names in file order."""
        return tuple(variable.name for variable in self.variables)

    def variable(self, name: str) -> Variable:
        for variable in self.variables:
            if variable.name == name:
                return variable
        raise KeyError(f"变量不在编码手册中 / variable not in the codebook: {name}")

    def interview_variable(self, name: str) -> Variable:
        for variable in self.interview_variables:
            if variable.name == name:
                return variable
        raise KeyError(f"访谈变量不在编码手册中 / interview variable not in the codebook: {name}")

    def of_type(self, *types: str) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables if v.type in types)

    def question(self, number: int) -> Question:
        for question in self.questions:
            if question.number == number:
                return question
        raise KeyError(f"没有第{number}题 / no question {number}")

    def options(self, number: int) -> tuple[Code, ...]:
        """The answers offered by a single-choice or matrix question, in display order (() for fill-in)."""
        question = self.question(number)
        if question.answer_scale:
            return self.answer_scales[question.answer_scale].codes
        if question.kind == "single_choice":
            return self.variable(question.variables[0]).codes
        return ()

    # --- scales ---
    def scales(self, kind: str | None = None) -> tuple[Scale, ...]:
        """Scales in codebook order, optionally only one kind (manifestation, cause, countermeasure)."""
        if kind is not None and kind not in SCALE_KINDS:
            raise ValueError(f"unknown scale kind {kind!r}; expected one of {SCALE_KINDS}")
        return tuple(s for s in self.scale_table.values() if kind is None or s.kind == kind)

    def scale(self, scale_id: str) -> Scale:
        return self.scale_table[scale_id]

    def scale_items(self, scale_id: str) -> tuple[str, ...]:
        return self.scale_table[scale_id].items

    # --- blocks that may be absent (not asked) ---
    def block(self, block_id: str) -> Block:
        for block in self.blocks:
            if block.id == block_id:
                return block
        known = ", ".join(block.id for block in self.blocks)
        raise KeyError(f"编码手册中没有题块 {block_id} / no block {block_id} in the codebook (known: {known})")

    def block_of(self, name: str) -> Block | None:
        """The block a variable belongs to, or None for a variable that is always required."""
        return next((block for block in self.blocks if name in block.variables), None)

    # --- labels ---
    def labels(self, name: str) -> dict[int | str, str]:
        """Ordered {code: Chinese label} of a survey variable ({} for id and integer variables)."""
        return {code.code: code.label for code in self.variable(name).codes}

    def question_text(self, name: str) -> str:
        """What the respondent reads for this variable: the question, matrix row or option wording."""
        variable = self.variable(name)
        if variable.text:
            return variable.text
        return self.question(variable.question).text

    def short_label(self, name: str) -> str:
        return self.variable(name).short_label


def _codes(raw: list[dict]) -> tuple[Code, ...]:
    return tuple(Code(item["code"], str(item["label"])) for item in raw)


def _variable(raw: dict, answer_scales: dict[str, AnswerScale]) -> Variable:
    answer_scale = raw.get("answer_scale")
    if answer_scale is not None:
        codes = answer_scales[answer_scale].codes
    else:
        codes = _codes(raw.get("codes", []))
    if raw["type"] not in VARIABLE_TYPES:
        raise ValueError(f"{raw['name']}: unknown type {raw['type']!r}")
    return Variable(
        name=raw["name"], type=raw["type"], question=raw.get("question"), text=raw.get("text"),
        short_label=raw["short_label"], codes=codes, answer_scale=answer_scale,
        required=bool(raw.get("required", True)), nullable=bool(raw.get("nullable", False)),
        scale=raw.get("scale"), minimum=raw.get("min"), maximum=raw.get("max"),
    )


def parse_codebook(raw: dict) -> Codebook:
    """Build a :class:`Codebook` from the parsed YAML mapping."""
    answer_scales = {key: AnswerScale(key, value["name"], _codes(value["codes"]))
                     for key, value in raw["answer_scales"].items()}
    variables = tuple(_variable(item, answer_scales) for item in raw["variables"])
    by_name = {variable.name: variable for variable in variables}
    interview_variables = tuple(by_name[item["same_as"]] if "same_as" in item else _variable(item, answer_scales)
                                for item in raw["interview_variables"])
    scale_table = {}
    for item in raw["scales"]:
        items = tuple(v.name for v in variables if v.scale == item["id"])
        scale_table[item["id"]] = Scale(item["id"], item["kind"], item["name"], item["short_label"],
                                        items, item.get("answers"))
    questions = tuple(
        Question(item["number"], item["kind"], item["text"],
                 tuple(v.name for v in variables if v.question == item["number"]),
                 item.get("answer_scale"), item.get("max_selected"))
        for item in raw["questions"])
    blocks = tuple(_block(item, variables) for item in raw.get("blocks", []))
    return Codebook(raw["title"], variables, interview_variables, questions, answer_scales, scale_table, blocks,
                    str(raw.get("introduction", "")), _tenure_bands(raw.get("tenure_bands", [])))


def _tenure_bands(raw: list[dict]) -> tuple[TenureBand, ...]:
    """The bands in order; each must start where the one before ended, and only the last may be open."""
    bands = tuple(TenureBand(str(item["code"]), str(item["label"]), int(item["from"]),
                             None if item.get("below") is None else int(item["below"])) for item in raw)
    for before, after in zip(bands, bands[1:]):
        if before.high != after.low:
            raise ValueError(f"tenure_bands: {after.code} starts at {after.low}, "
                             f"but {before.code} ends below {before.high}")
    return bands


def _block(raw: dict, variables: tuple[Variable, ...]) -> Block:
    if "scale" in raw:
        names = tuple(v.name for v in variables if v.scale == raw["scale"])
    else:
        names = tuple(v.name for v in variables if v.question == raw["question"])
    if not names:
        raise ValueError(f"block {raw['id']}: no variables")
    return Block(raw["id"], raw["name"], names)


def codebook_path() -> Path:
    """``data/codebook.yml`` of the book found from the working directory (else of the checkout)."""
    path = data_path("codebook.yml")
    return path if path.is_file() else PACKAGE_DIR.parent / "data" / "codebook.yml"


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> Codebook:
    return parse_codebook(read_yaml(path))


def load_codebook(path: Path | str | None = None) -> Codebook:
    """The codebook, parsed once per file version (cached on path and modification time)."""
    resolved = Path(path) if path is not None else codebook_path()
    return _load_cached(str(resolved.resolve()), resolved.stat().st_mtime_ns)


# The names the book's XLSForm gives its questions (zhucun/fieldwork/xlsform.py writes them,
# zhucun/importers/xlsform_import.py reads them back): one definition, so form and import cannot drift.
XLSFORM_ID = "zhucun_questionnaire"


def group_name(question: Question) -> str:
    """The XLSForm group holding the rows of a matrix question: q8, q9, q12."""
    return f"q{question.number}"


def select_multiple_name(codebook: Codebook, question: Question) -> str:
    """The XLSForm name of a multi-select question: the codebook's block id (time_use), else qN."""
    block = codebook.block_of(question.variables[0])
    return block.id if block is not None and block.variables == question.variables else f"q{question.number}"
