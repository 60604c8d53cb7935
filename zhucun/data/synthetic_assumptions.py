"""The assumptions of the synthetic demonstration data as tables for the book (附录六).

Every function reads the parsed ``data/synthetic_assumptions.yml``
(:func:`zhucun.data.synthetic.load_assumptions`) and labels it in Chinese from the
codebook, so the appendix shows exactly what the generator uses:

    >>> profile_assumptions()             # 变量, 类别, 假设占比 (one row per category)
    >>> cause_correlations()              # 4 × 4 matrix, rows and columns the causes' short names
    >>> manifestation_weights()           # rows manifestations, columns causes (short names), plus 噪声标准差
    >>> group_effects()                   # 分组变量, 类别, 受影响的表现, 潜变量效应

Numbers stay numbers here (the YAML's values, unrounded); :func:`for_display`
turns a frame into text for :func:`zhucun.prose.tables.show_table`. A code, scale
or grouping variable that the codebook or the generator does not know raises
:class:`AssumptionError` naming it, so the book never shows an assumption
the generator would not apply.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.synthetic import generate_interviews, generate_survey, load_assumptions

# The profile variables the generator draws from the stated shares, in its order.
PROFILE_VARIABLES = ("role", "gender", "age_group", "education", "dispatch_level", "village_type")
# Grouping variables whose effects zhucun.data.synthetic adds to the manifestation factors.
GROUPING_VARIABLES = ("role", "dispatch_level")
TENURE_EFFECT_KEY = "tenure_per_12_months"
TENURE_EFFECT_CATEGORY = "每增加12个月"


class AssumptionError(ValueError):
    """The assumptions file names something the codebook or the generator does not know."""


def _inputs(assumptions: dict | None, codebook: Codebook | None) -> tuple[dict, Codebook]:
    return assumptions or load_assumptions(), codebook or load_codebook()


def _code_labels(codebook: Codebook, variable: str) -> dict[str, str]:
    return {str(code): label for code, label in codebook.labels(variable).items()}


def _label(codebook: Codebook, variable: str, code) -> str:
    labels = _code_labels(codebook, variable)
    if str(code) not in labels:
        raise AssumptionError(
            f"假设文件中 {variable} 的代码 {code!r} 不在编码手册中 / code {code!r} of {variable} "
            f"is not in the codebook; known codes: {', '.join(labels)}")
    return labels[str(code)]


def _scales(codebook: Codebook, ids, kind: str) -> list:
    """The codebook scales of *ids*, each checked to be a scale of *kind*."""
    known = {scale.id: scale for scale in codebook.scales(kind)}
    unknown = [scale_id for scale_id in ids if scale_id not in known]
    if unknown:
        raise AssumptionError(
            f"假设文件中的 {', '.join(map(str, unknown))} 不是编码手册中的{kind}量表 / not a {kind} "
            f"scale of the codebook; known: {', '.join(known)}")
    return [known[scale_id] for scale_id in ids]


# ---------------------------------------------------------------------------
# The four tables
# ---------------------------------------------------------------------------
def profile_assumptions(assumptions: dict | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """Assumed sample shares: columns 变量, 类别, 假设占比 (a share 0–1, as in the YAML).

    Variables in the generator's order, categories in codebook order. Tenure
    is not a share; see :func:`tenure_distribution`.
    """
    assumptions, codebook = _inputs(assumptions, codebook)
    profile = assumptions["profile"]
    unknown = [name for name in profile if name not in PROFILE_VARIABLES and name != "tenure_months"]
    if unknown:
        raise AssumptionError(f"假设文件的样本构成中有生成程序不使用的变量 / profile variables the generator "
                              f"does not draw: {', '.join(unknown)}")
    rows = []
    for variable in PROFILE_VARIABLES:
        shares = {str(code): share for code, share in profile[variable].items()}
        for code in shares:
            _label(codebook, variable, code)
        for code, label in _code_labels(codebook, variable).items():
            if code not in shares:
                raise AssumptionError(f"假设文件没有给出 {variable} = {code}（{label}）的占比 / "
                                      f"no share for {variable} = {code}")
            rows.append({"变量": codebook.short_label(variable), "类别": label, "假设占比": float(shares[code])})
    return pd.DataFrame(rows)


def tenure_distribution(assumptions: dict | None = None) -> dict[str, float]:
    """The tenure draw: gamma shape and scale (months), the cap, and the gamma mean (shape × scale)."""
    tenure = (assumptions or load_assumptions())["profile"]["tenure_months"]
    shape, scale = float(tenure["gamma_shape"]), float(tenure["gamma_scale_months"])
    return {"shape": shape, "scale": scale, "max": int(tenure["max"]), "mean": shape * scale}


def cause_correlations(assumptions: dict | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """Correlation matrix of the cause factors; rows and columns named by the causes' short labels."""
    assumptions, codebook = _inputs(assumptions, codebook)
    causes = assumptions["causes"]
    labels = [scale.short_label for scale in _scales(codebook, causes["order"], "cause")]
    matrix = np.asarray(causes["correlation"], dtype=float)
    if matrix.shape != (len(labels), len(labels)):
        raise AssumptionError(f"correlation: shape {matrix.shape}, expected {(len(labels), len(labels))}")
    return pd.DataFrame(matrix, index=pd.Index(labels, name="成因因子"), columns=labels)


def manifestation_weights(assumptions: dict | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """Weights of each manifestation factor (rows) on the causes (columns), plus 噪声标准差.

    Short labels, so it fits a page.
    """
    assumptions, codebook = _inputs(assumptions, codebook)
    manifestations = assumptions["manifestations"]
    rows = [scale.short_label for scale in _scales(codebook, manifestations["order"], "manifestation")]
    columns = [scale.short_label for scale in _scales(codebook, assumptions["causes"]["order"], "cause")]
    weights = np.asarray(manifestations["cause_weights"], dtype=float)
    if weights.shape != (len(rows), len(columns)):
        raise AssumptionError(f"cause_weights: shape {weights.shape}, expected {(len(rows), len(columns))}")
    frame = pd.DataFrame(weights, index=pd.Index(rows, name="表现因子"), columns=columns)
    frame["噪声标准差"] = float(manifestations["noise_sd"])
    return frame


def group_effects(assumptions: dict | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """Group effects on the latent scale: 分组变量, 类别, 受影响的表现, 潜变量效应 (YAML order)."""
    assumptions, codebook = _inputs(assumptions, codebook)
    manifestation_order = assumptions["manifestations"]["order"]
    rows = []
    for variable, effects in assumptions["manifestations"].get("group_effects", {}).items():
        if variable == TENURE_EFFECT_KEY:
            groups = {TENURE_EFFECT_CATEGORY: effects}
            grouping = "驻村时长"
        elif variable in GROUPING_VARIABLES:
            groups = {_label(codebook, variable, code): shifts for code, shifts in effects.items()}
            grouping = codebook.short_label(variable)
        else:
            raise AssumptionError(f"生成程序不使用按 {variable} 分组的效应 / the generator applies no group effect "
                                  f"of {variable}; it knows {', '.join((*GROUPING_VARIABLES, TENURE_EFFECT_KEY))}")
        for category, shifts in groups.items():
            for scale_id, shift in shifts.items():
                if scale_id not in manifestation_order:
                    raise AssumptionError(f"群体效应指向的 {scale_id!r} 不是表现因子 / group effect on {scale_id!r}, "
                                          f"not a manifestation factor ({', '.join(manifestation_order)})")
                scale = _scales(codebook, [scale_id], "manifestation")[0]
                rows.append({"分组变量": grouping, "类别": category, "受影响的表现": scale.name,
                             "潜变量效应": float(shift)})
    return pd.DataFrame(rows, columns=["分组变量", "类别", "受影响的表现", "潜变量效应"])


# ---------------------------------------------------------------------------
# Numbers the prose states about the model (each checked by hand in the tests)
# ---------------------------------------------------------------------------
def manifestation_sd(assumptions: dict | None = None) -> pd.Series:
    """SD of each manifestation factor without group effects: sqrt(wᵀ R w + noise²), by scale id."""
    assumptions = assumptions or load_assumptions()
    correlation = np.asarray(assumptions["causes"]["correlation"], dtype=float)
    weights = np.asarray(assumptions["manifestations"]["cause_weights"], dtype=float)
    noise = float(assumptions["manifestations"]["noise_sd"])
    variances = np.einsum("ij,jk,ik->i", weights, correlation, weights) + noise ** 2
    return pd.Series(np.sqrt(variances), index=list(assumptions["manifestations"]["order"]))


def own_cause_dominates(assumptions: dict | None = None) -> bool:
    """True when every manifestation's largest weight is on the cause in its own position (p1 ← c1, …)."""
    weights = np.asarray((assumptions or load_assumptions())["manifestations"]["cause_weights"], dtype=float)
    return all(int(np.argmax(row)) == position and np.sum(row == row.max()) == 1
               for position, row in enumerate(weights))


def category_of_zero(thresholds) -> int:
    """The 1-based answer category a latent value of exactly 0 falls into (as zhucun.data.synthetic cuts)."""
    return int(np.searchsorted(np.asarray(thresholds, dtype=float), 0.0)) + 1


def largest_group_effect(variable: str, assumptions: dict | None = None) -> tuple[str, str, float] | None:
    """(code, manifestation id, effect) of the largest absolute effect of *variable*; None if it has none."""
    effects = (assumptions or load_assumptions())["manifestations"].get("group_effects", {}).get(variable, {})
    candidates = [(str(code), scale_id, float(shift))
                  for code, shifts in effects.items() for scale_id, shift in shifts.items()]
    return max(candidates, key=lambda item: abs(item[2])) if candidates else None


def matches_documented_command(path: Path | str, kind: str, n: int, seed: int,
                               assumptions: dict | None = None) -> bool:
    """True when *path* holds what ``demo-data`` (kind "survey") or ``demo-interviews`` writes: the same header
    and, byte for byte, the same rows, in any order (no result of the book depends on the rows' order)."""
    generators = {"survey": generate_survey, "interviews": generate_interviews}
    if kind not in generators:
        raise ValueError(f"kind must be one of {', '.join(generators)}, got {kind!r}")
    if n < 1:
        return False
    frame = generators[kind](n, seed, assumptions or load_assumptions())
    expected = frame.to_csv(index=False, lineterminator="\n").encode("utf-8").split(b"\n")
    actual = Path(path).read_bytes().split(b"\n")
    return actual[0] == expected[0] and sorted(actual[1:]) == sorted(expected[1:])


# ---------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------
def format_assumption(value: float) -> str:
    """A parameter as text: two decimals, more only when the value has more (0.3 → '0.30', 0.125 → '0.125')."""
    value = float(value)
    if math.isnan(value):
        return "—"
    for digits in range(2, 7):
        if round(value, digits) == round(value, 10):
            return f"{value:.{digits}f}"
    return f"{value:.6f}"


def format_assumed_share(share: float) -> str:
    """A share the assumptions state, with only the digits it is stated with: 0.55 → '55%', 0.145 → '14.5%'
    (an assumption is exact, not an estimate: zhucun.number_format.format_share prints estimates)."""
    percent = round(float(share) * 100, 6)
    return f"{percent:g}%"


def for_display(frame: pd.DataFrame, shares: tuple[str, ...] = ()) -> pd.DataFrame:
    """Text for show_table: a named index becomes the first column; numbers formatted (*shares* as percentages)."""
    shown = frame.reset_index() if frame.index.name else frame.copy()
    for column in shown.columns:
        if pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].map(format_assumed_share if column in shares else format_assumption)
    return shown


# ---------------------------------------------------------------------------
# Which results the generator sets (issue 22, item 6)
# ---------------------------------------------------------------------------
# With demonstration data a ranking, leader, difference or coefficient is either SET by the generator's
# assumptions (then the book names the assumption) or not set by them (then it is chance, or an artefact of
# how the data were generated). These functions answer that for the comparisons the book states, from the
# parsed assumptions file, so the answer follows the file when the assumptions change.
@dataclass(frozen=True)
class GeneratorBasis:
    """Whether the generator's assumptions set a stated result, and which assumption does."""

    set_by_assumptions: bool
    assumption: str        # the assumption, in Chinese, with its numbers ('' when none sets the result)
    direction: int = 0     # for an order "a above b": +1 the assumptions put a above b, −1 below, 0 no order
    artefact: str = ""     # for a result no assumption sets but the generating process can still produce
    expected: str = ""     # what the assumptions lead one to expect, e.g. "按这些假设预期为58.2%对56.2%"
    assumption_en: str = ""  # the assumption in English, for the English abstract


# Expected values under the assumptions come from one large generated sample (fixed seed): exact enough to
# tell an order the assumptions make from one they barely make (a gap below MIN_EXPECTED_GAP).
EXPECTED_N = 200_000
EXPECTED_SEED = 1
MIN_EXPECTED_GAP = 0.01  # an expected gap of shares below one percentage point sets no order worth the name


_EXPECTED_SAMPLES: dict[str, pd.DataFrame] = {}  # by the assumptions' JSON text (a dict is no cache key)


def _expected_sample(assumptions: dict) -> pd.DataFrame:
    key = json.dumps(assumptions, sort_keys=True, default=str)
    if key not in _EXPECTED_SAMPLES:
        if len(_EXPECTED_SAMPLES) >= 4:
            _EXPECTED_SAMPLES.pop(next(iter(_EXPECTED_SAMPLES)))
        _EXPECTED_SAMPLES[key] = generate_survey(EXPECTED_N, EXPECTED_SEED, assumptions)
    return _EXPECTED_SAMPLES[key]


def _share_of(sample: pd.DataFrame, key: str, codebook: Codebook) -> float:
    """A scale's share of scores ≥ 4 (普遍程度: the mean of the answered items when at least half were
    answered), or a measure's share rating 4–5, in *sample*."""
    scales = {scale.id: scale for scale in codebook.scales()}
    if key in scales:
        items = sample[list(scales[key].items)].astype("float64")
        score = items.mean(axis=1).where(items.notna().sum(axis=1) >= len(scales[key].items) / 2)
        return float((score.dropna() >= 4).mean())
    return float(sample[key].astype("float64").dropna().isin((4, 5)).mean())


def _expected_shares(assumptions: dict, codebook: Codebook, ids: tuple[str, ...]) -> dict[str, float]:
    """Expected share of each id (scale or measure) under the assumptions."""
    sample = _expected_sample(assumptions)
    return {key: _share_of(sample, key, codebook) for key in ids}


def _expected_order(higher: str, lower: str, assumptions: dict, codebook: Codebook) -> tuple[int, str]:
    """(+1/−1/0, '按假设预期为a%对b%'): the order of the two expected shares, 0 below MIN_EXPECTED_GAP."""
    shares = _expected_shares(assumptions, codebook, (higher, lower))
    a, b = shares[higher], shares[lower]
    text = f"按这些假设预期为{a * 100:.1f}%对{b * 100:.1f}%"
    return (0 if abs(a - b) < MIN_EXPECTED_GAP else (1 if a > b else -1)), text

    @property
    def agrees(self) -> bool:
        """Set, and in the direction stated (an order the data show against the assumptions is chance)."""
        return self.set_by_assumptions and self.direction >= 0


def _expected_tenure_years(assumptions: dict) -> float:
    """E[min(floor(Gamma), cap)] / 12: the mean tenure the generator draws, in years."""
    tenure = assumptions["profile"]["tenure_months"]
    gamma = stats.gamma(float(tenure["gamma_shape"]), scale=float(tenure["gamma_scale_months"]))
    return float(sum(gamma.sf(k) for k in range(1, int(tenure["max"]) + 1))) / 12.0


def _factor_means(assumptions: dict) -> dict[str, float]:
    """Mean of each manifestation factor over the generated sample: the group effects times the assumed
    shares of their groups, plus the tenure effect times the mean tenure (cause factors have mean 0)."""
    manifestations = assumptions["manifestations"]
    profile = assumptions["profile"]
    means = dict.fromkeys(manifestations["order"], 0.0)
    for variable, effects in manifestations.get("group_effects", {}).items():
        if variable == TENURE_EFFECT_KEY:
            years = _expected_tenure_years(assumptions)
            for scale_id, per_year in effects.items():
                means[scale_id] += float(per_year) * years
            continue
        shares = {str(code): float(share) for code, share in profile[variable].items()}
        for code, shifts in effects.items():
            for scale_id, shift in shifts.items():
                means[scale_id] += float(shift) * shares[str(code)]
    return means


def _scale_location(scale_id: str, assumptions: dict) -> float:
    items = assumptions["items"]
    mean = _factor_means(assumptions).get(scale_id, 0.0)
    return float(items["scale_shift"][scale_id]) + float(items["loading"]) * mean


def _effects_on(scale_id: str, assumptions: dict) -> list[tuple[str, str, float]]:
    """(variable, category, effect) of every group effect on manifestation factor *scale_id*."""
    found = []
    for variable, effects in assumptions["manifestations"].get("group_effects", {}).items():
        if variable == TENURE_EFFECT_KEY:
            if scale_id in effects:
                found.append((variable, TENURE_EFFECT_CATEGORY, float(effects[scale_id])))
            continue
        for code, shifts in effects.items():
            if scale_id in shifts:
                found.append((variable, str(code), float(shifts[scale_id])))
    return found


def _order(a: float, b: float) -> int:
    return 0 if math.isclose(a, b, abs_tol=1e-12) else (1 if a > b else -1)


def scale_order_basis(higher: str, lower: str, assumptions: dict | None = None,
                      codebook: Codebook | None = None) -> GeneratorBasis:
    """Whether the generator puts scale *higher* above scale *lower* (普遍程度 or 强度 alike): their location
    shifts (``items.scale_shift``) plus, for manifestations, the loading times the mean group effects."""
    assumptions, codebook = _inputs(assumptions, codebook)
    names = {s.id: s.short_label for s in codebook.scales()}
    for scale_id in (higher, lower):
        if scale_id not in assumptions["items"]["scale_shift"]:
            raise AssumptionError(f"量表 {scale_id!r} 没有位置偏移假设 / no scale_shift for {scale_id!r}")
    a, b = _scale_location(higher, assumptions), _scale_location(lower, assumptions)
    if not _order(a, b) and _effects_on(higher, assumptions) == _effects_on(lower, assumptions):
        return GeneratorBasis(False, "")
    shifts = assumptions["items"]["scale_shift"]
    text = (f"量表位置偏移：{names[higher]}{format_assumption(shifts[higher])}、"
            f"{names[lower]}{format_assumption(shifts[lower])}")
    groups = [(s, e) for s in (higher, lower) for e in _effects_on(s, assumptions)]
    if groups:
        text += "，另加身份等群体效应"
    direction, expected = _expected_order(higher, lower, assumptions, codebook)
    text_en = (f"scale location shifts {format_assumption(shifts[higher])} and {format_assumption(shifts[lower])}"
               + (", plus group effects" if groups else ""))
    return GeneratorBasis(bool(direction), text if direction else "", direction, expected=expected,
                          assumption_en=text_en if direction else "")


def measure_order_basis(higher: str, lower: str, assumptions: dict | None = None,
                        codebook: Codebook | None = None) -> GeneratorBasis:
    """Whether the generator rates measure *higher* above measure *lower*: each group's base
    (``countermeasures.base``) plus its weight times the mean of the manifestation factor it answers.
    Two measures of one group share their base: the generator sets no order between them."""
    assumptions, codebook = _inputs(assumptions, codebook)
    group_of = {item: group for group in codebook.scales("countermeasure") for item in group.items}
    for measure in (higher, lower):
        if measure not in group_of:
            raise AssumptionError(f"{measure!r} 不是编码手册中的对策题 / not a countermeasure item")
    measures, means = assumptions["countermeasures"], _factor_means(assumptions)
    weight = float(measures["weight_on_answered_manifestation"])
    ga, gb = group_of[higher], group_of[lower]
    if ga.id == gb.id:
        return GeneratorBasis(False, "")
    a = float(measures["base"][ga.id]) + weight * means[ga.answers]
    b = float(measures["base"][gb.id]) + weight * means[gb.answers]
    if not _order(a, b):
        return GeneratorBasis(False, "")
    direction, expected = _expected_order(higher, lower, assumptions, codebook)
    text = (f"对策组基线：第{ga.id[1:]}组{format_assumption(measures['base'][ga.id])}、"
            f"第{gb.id[1:]}组{format_assumption(measures['base'][gb.id])}")
    text_en = (f"group bases {format_assumption(measures['base'][ga.id])} (group {ga.id[1:]}) and "
               f"{format_assumption(measures['base'][gb.id])} (group {gb.id[1:]})")
    return GeneratorBasis(bool(direction), text if direction else "", direction, expected=expected,
                          assumption_en=text_en if direction else "")


def group_difference_basis(variable: str, outcome: str, assumptions: dict | None = None,
                           codebook: Codebook | None = None) -> GeneratorBasis:
    """Whether the generator makes groups of *variable* (role, dispatch_level, tenure_months) differ on
    *outcome*: a manifestation scale (its group effects) or a measure (through the manifestation its group
    answers). Causes, and measures answering an unaffected manifestation, get no group difference."""
    assumptions, codebook = _inputs(assumptions, codebook)
    key = TENURE_EFFECT_KEY if variable == "tenure_months" else variable
    scale_id = outcome
    via = ""
    groups = {item: group for group in codebook.scales("countermeasure") for item in group.items}
    if outcome in groups:
        scale_id = groups[outcome].answers
        weight = assumptions["countermeasures"]["weight_on_answered_manifestation"]
        via = f"，经对策评价对该表现的权重{format_assumption(weight)}"
    effects = [e for e in _effects_on(scale_id, assumptions) if e[0] == key]
    if not effects:
        return GeneratorBasis(False, "")
    name = {s.id: s.short_label for s in codebook.scales()}[scale_id]
    if key == TENURE_EFFECT_KEY:
        parts = [f"驻村每增加12个月{format_assumption(e[2])}" for e in effects]
    else:
        parts = [f"{_label(codebook, variable, e[1])}{format_assumption(e[2])}" for e in effects]
    text = f"群体效应：{'、'.join(parts)}（作用于“{name}”）{via}"
    text_en = f"group effects of {variable} on {scale_id}"
    if key == TENURE_EFFECT_KEY:  # a slope: no two groups to compare; the sign of the effect is the direction
        return GeneratorBasis(True, text, _order(effects[0][2], 0.0), assumption_en=text_en)
    # the named category against the others, as expected under the assumptions (a small gap sets nothing)
    category = effects[0][1]
    sample = _expected_sample(assumptions)
    inside = sample[variable].astype("str") == category
    a = _share_of(sample.loc[inside], outcome, codebook)
    b = _share_of(sample.loc[~inside], outcome, codebook)
    expected = (f"按这些假设预期{_label(codebook, variable, category)}为{a * 100:.1f}%、其余为{b * 100:.1f}%")
    if abs(a - b) < MIN_EXPECTED_GAP:
        return GeneratorBasis(False, "", expected=expected)
    return GeneratorBasis(True, text, 1 if a > b else -1, expected=expected, assumption_en=text_en)


def pressure_coefficient_basis(variable: str, assumptions: dict | None = None,
                               codebook: Codebook | None = None) -> GeneratorBasis:
    """Whether the generator gives *variable* a direct path to overall pressure in a model that controls for
    the manifestation scale scores. Overall pressure depends on the manifestation factors only; a group
    that shifts those factors leaves a residual coefficient because the model controls for noisy item means,
    not for the factors: an artefact of the generated data, never a finding."""
    assumptions, codebook = _inputs(assumptions, codebook)
    direct = assumptions["overall_pressure"]["coefficients"]
    if variable in direct:
        return GeneratorBasis(True, f"总体压力对{variable}的系数{format_assumption(direct[variable])}", 1)
    key = TENURE_EFFECT_KEY if variable == "tenure_months" else variable
    via = sorted({scale_id for scale_id in direct if any(e[0] == key for e in _effects_on(scale_id, assumptions))})
    if not via:
        return GeneratorBasis(False, "")
    names = {s.id: s.short_label for s in codebook.scales()}
    return GeneratorBasis(False, "", artefact=(
        f"生成器没有让它直接影响总体压力，只通过“{'”“'.join(names[s] for s in via)}”因子间接起作用；"
        "模型控制的是含测量误差的量表得分而非因子本身，残留的系数是生成数据的产物"))


def time_use_order_basis(higher: str, lower: str, assumptions: dict | None = None,
                         codebook: Codebook | None = None) -> GeneratorBasis:
    """Whether the generator makes time-use option *higher* chosen more often than *lower*: each option's
    score is ``time_use.options`` (a base plus coefficients on the manifestation factors) and the highest
    scores are chosen, so the order is read from the shares expected under the assumptions (a gap below
    :data:`MIN_EXPECTED_GAP` sets no order)."""
    assumptions, codebook = _inputs(assumptions, codebook)
    options = assumptions["time_use"]["options"]
    for option in (higher, lower):
        if option not in options:
            raise AssumptionError(f"{option!r} 不是时间去向的选项 / not a time-use option")
    sample = _expected_sample(assumptions)
    a, b = (float(sample[option].astype("float64").mean()) for option in (higher, lower))
    expected = f"按这些假设预期为{a * 100:.1f}%对{b * 100:.1f}%"
    if abs(a - b) < MIN_EXPECTED_GAP:
        return GeneratorBasis(False, "", expected=expected)
    text = (f"时间去向选项的基线：{codebook.short_label(higher)}{format_assumption(options[higher]['base'])}、"
            f"{codebook.short_label(lower)}{format_assumption(options[lower]['base'])}")
    return GeneratorBasis(True, text, 1 if a > b else -1, expected=expected,
                          assumption_en=f"time-use bases {options[higher]['base']} and {options[lower]['base']}")
