"""Chapter 五's framework (``data/framework.yml``): which manifestations and causes
each countermeasure answers and which of chapter 四's lessons it draws on.

The links are the book's reading of the thesis's structure (the file's header
says why). Ids are checked against the codebook, so a measure, group or scale
that the questionnaire does not know cannot enter the diagram.

    >>> framework = load_countermeasure_framework()
    >>> framework.measure("m_whistle").causes
    ('c2',)
    >>> framework.causes["c1"].manifestation, framework.causes["c1"].embedding
    ('p1', 'too_deep')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.regional_experience import LESSONS
from zhucun.data.yaml_file import read_yaml
from zhucun.paths import data_path

FRAMEWORK_FILE = "framework.yml"
STAGES = ("manifestation", "cause", "lesson", "measure")
STAGE_LABELS = {"manifestation": "困境表现", "cause": "困境成因", "lesson": "先进地区启示", "measure": "对策"}


class FrameworkError(ValueError):
    """``data/framework.yml`` does not fit the codebook or itself."""


THEORIES = ("embedding", "power_responsibility")  # chapter 一's two lenses: 嵌入式治理, 权责对等
EMBEDDING = ("too_deep", "too_shallow", "uneven", "none")  # how a cause stands to embedding


@dataclass(frozen=True)
class Cause:
    """How a cause would produce the manifestation of its number: the book's reading, in its words."""
    id: str
    manifestation: str
    theory: tuple[str, ...]
    embedding: str
    mechanism: str


@dataclass(frozen=True)
class Measure:
    id: str
    group: str
    manifestations: tuple[str, ...]
    causes: tuple[str, ...]
    lessons: tuple[str, ...]
    why: str = ""  # how the measure would act on what it is linked to (the book's reading)
    doubt: str | None = None  # why a link kept from the thesis's headings cannot be defended; None: none

    @property
    def doubtful(self) -> bool:
        return self.doubt is not None


@dataclass(frozen=True)
class Framework:
    lessons: dict[str, str]          # id → name, in the thesis's order
    group_aims: dict[str, str]       # group id → aim stated in its heading
    measures: tuple[Measure, ...]
    codebook: Codebook
    causes: dict[str, Cause] = field(default_factory=dict)  # cause id → its mechanism, codebook order

    def measure(self, measure_id: str) -> Measure:
        for measure in self.measures:
            if measure.id == measure_id:
                return measure
        raise KeyError(measure_id)

    def label(self, stage: str, node_id: str) -> str:
        """The Chinese name a reader sees for a node of the diagram."""
        if stage == "lesson":
            return self.lessons[node_id]
        if stage == "measure":
            return self.codebook.question_text(node_id)
        return self.codebook.scale(node_id).name

    def short_label(self, stage: str, node_id: str) -> str:
        if stage == "lesson":
            return self.lessons[node_id]
        if stage == "measure":
            return self.codebook.short_label(node_id)
        return self.codebook.scale(node_id).short_label

    def measures_table(self) -> pd.DataFrame:
        """One row per measure with Chinese labels of its group and links (for a table)."""
        rows = []
        for m in self.measures:
            rows.append({
                "对策组": self.codebook.scale(m.group).name,
                "对策": self.label("measure", m.id),
                "回应的困境表现": "、".join(self.short_label("manifestation", p) for p in m.manifestations),
                "回应的成因": "、".join(self.short_label("cause", c) for c in m.causes),
                "借鉴的启示": "、".join(self.lessons[lesson] for lesson in m.lessons),
            })
        return pd.DataFrame(rows)


def parse_framework(raw: dict, codebook: Codebook) -> Framework:
    """Build and check a :class:`Framework`; raise :class:`FrameworkError` listing every problem."""
    problems = []
    lessons = {item["id"]: item["name"] for item in raw.get("lessons", [])}
    if tuple(lessons.values()) != LESSONS:
        problems.append(f"lessons must be, in order, {', '.join(LESSONS)} (as in chapter 四's data)")
    groups = {s.id: s for s in codebook.scales("countermeasure")}
    aims = {item["id"]: item["aim"] for item in raw.get("groups", [])}
    if set(aims) != set(groups):
        problems.append(f"groups must give an aim for each of {', '.join(groups)}")
    manifestations = {s.id for s in codebook.scales("manifestation")}
    causes = {s.id for s in codebook.scales("cause")}
    mechanisms = {}
    for item in raw.get("causes", []):
        cid = item.get("id")
        where = f"cause {cid}"
        if cid not in causes:
            problems.append(f"{where}: not a cause scale of the codebook")
            continue
        theory = tuple(item.get("theory") or ())
        if not theory or set(theory) - set(THEORIES):
            problems.append(f"{where}: theory must list some of {', '.join(THEORIES)}")
        if item.get("embedding") not in EMBEDDING:
            problems.append(f"{where}: embedding must be one of {', '.join(EMBEDDING)}")
        if item.get("manifestation") not in manifestations:
            problems.append(f"{where}: manifestation must be one of {', '.join(sorted(manifestations))}")
        if not str(item.get("mechanism") or "").strip():
            problems.append(f"{where}: mechanism is empty")
        mechanisms[cid] = Cause(cid, item.get("manifestation"), theory, item.get("embedding"),
                                str(item.get("mechanism") or "").strip())
    if set(mechanisms) != causes:
        problems.append(f"causes must give the mechanism of each of {', '.join(sorted(causes))} once")
    measures = []
    for item in raw.get("measures", []):
        mid = item.get("id")
        where = f"measure {mid}"
        try:
            variable = codebook.variable(mid)
        except KeyError:
            problems.append(f"{where}: not a variable of the codebook")
            continue
        group = item.get("group")
        if variable.scale != group:
            problems.append(f"{where}: group {group!r} differs from the codebook's {variable.scale!r}")
        links = {key: tuple(item.get(key) or ()) for key in ("manifestations", "causes", "lessons")}
        for key, allowed in (("manifestations", manifestations), ("causes", causes), ("lessons", set(lessons))):
            if not links[key]:
                problems.append(f"{where}: {key} is empty")
            unknown = [x for x in links[key] if x not in allowed]
            if unknown:
                problems.append(f"{where}: unknown {key} {', '.join(unknown)}")
        answers = groups[group].answers if group in groups else None
        if answers and answers not in links["manifestations"]:
            problems.append(f"{where}: its group answers {answers}, which the measure does not list")
        why = str(item.get("why") or "").strip()
        if not why:
            problems.append(f"{where}: why is empty (say how the measure would act on what it is linked to)")
        doubt = str(item.get("doubt") or "").strip() or None
        if bool(item.get("doubtful")) != (doubt is not None):
            problems.append(f"{where}: doubtful: true and a doubt (its reason) go together")
        measures.append(Measure(mid, group, links["manifestations"], links["causes"], links["lessons"], why,
                                doubt))
    expected = set(codebook.of_type("likert")) & {v.name for v in codebook.variables if v.scale in groups}
    listed = [m.id for m in measures]
    if set(listed) != expected or len(listed) != len(set(listed)):
        problems.append("measures must list each countermeasure item of the codebook once: "
                        f"{', '.join(sorted(expected))}")
    if problems:
        raise FrameworkError(f"{FRAMEWORK_FILE}:\n" + "\n".join(problems))
    # Codebook order, so the diagram and tables follow the questionnaire.
    order = {name: i for i, name in enumerate(codebook.names)}
    measures.sort(key=lambda m: order[m.id])
    cause_order = [scale.id for scale in codebook.scales("cause")]
    return Framework(lessons, aims, tuple(measures), codebook,
                     {cid: mechanisms[cid] for cid in cause_order if cid in mechanisms})


def load_countermeasure_framework(path: Path | str | None = None, codebook: Codebook | None = None) -> Framework:
    raw = read_yaml(path or data_path(FRAMEWORK_FILE))
    return parse_framework(raw, codebook or load_codebook())


def flow_links(framework: Framework) -> pd.DataFrame:
    """The Sankey's links: each measure carries one unit of flow along its paths.

    A measure with manifestations P, causes C and lessons L has |P|·|C|·|L|
    paths p → c → l → m, each of weight 1 / (|P|·|C|·|L|); links sum these
    weights. So every measure's band is equally wide, and a band's width
    between two earlier stages says how many measures (in units) pass there.
    Columns: source_stage, source, target_stage, target, value.
    """
    weights: dict[tuple[str, str, str, str], float] = {}

    def add(key, w):
        weights[key] = weights.get(key, 0.0) + w

    for m in framework.measures:
        w = 1.0 / (len(m.manifestations) * len(m.causes) * len(m.lessons))
        for p in m.manifestations:
            for c in m.causes:
                for lesson in m.lessons:
                    add(("manifestation", p, "cause", c), w)
                    add(("cause", c, "lesson", lesson), w)
                    add(("lesson", lesson, "measure", m.id), w)
    rows = [dict(source_stage=k[0], source=k[1], target_stage=k[2], target=k[3], value=round(v, 6))
            for k, v in weights.items()]
    return pd.DataFrame(rows, columns=["source_stage", "source", "target_stage", "target", "value"])


def nodes(framework: Framework) -> list[tuple[str, str]]:
    """(stage, id) of every node, stage by stage in codebook / thesis order."""
    cb = framework.codebook
    return ([("manifestation", s.id) for s in cb.scales("manifestation")]
            + [("cause", s.id) for s in cb.scales("cause")]
            + [("lesson", lesson) for lesson in framework.lessons]
            + [("measure", m.id) for m in framework.measures])


# The analytic framework as the questionnaire measures it (chapter 一's chart):
# its elements are the scales of data/codebook.yml, so the chart follows any
# revision of the instrument.
KIND_LABELS = {"manifestation": "履职困境表现", "cause": "困境成因", "countermeasure": "对策组"}


def framework_items(codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per framework element: 要素类别, 要素 (its name), 题项数, in codebook order."""
    codebook = codebook or load_codebook()
    rows = [{"要素类别": KIND_LABELS[scale.kind], "要素": scale.name, "题项数": len(scale.items)}
            for scale in codebook.scales()]
    return pd.DataFrame(rows, columns=["要素类别", "要素", "题项数"])
