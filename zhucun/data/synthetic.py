"""Synthetic demonstration data made from ``data/synthetic_assumptions.yml``.

The thesis's survey microdata is not available, so the book ships data drawn
from a stated latent-variable model (every number of it lives in the YAML
file and is an assumption, not a finding):

* four correlated normal cause factors c1–c4;
* each manifestation factor p1–p4 = weighted causes + group effects (role,
  dispatch level, tenure) + noise;
* each agreement item = loading × its scale factor + item noise, cut into 1–5,
  so items of one scale correlate;
* overall pressure through an ordinal-logit link from p1–p4;
* time use: 1–3 options chosen by Gumbel-perturbed scores tied to the factors;
* countermeasure ratings tied to the manifestation each group answers;
* a small item non-response rate on likert cells only.

Everything is vectorised numpy drawn from ``numpy.random.default_rng(seed)``
in a fixed order, so the same arguments give a byte-identical file.

Benchmark note (2-core dev machine, measured once, not a test):
``python -m zhucun demo-data --n 1000000 --seed 1 -o /tmp/big.csv`` took
about 11 s wall time and wrote 155 MB.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

import numpy as np
import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.yaml_file import read_yaml
from zhucun.paths import PACKAGE_DIR, data_path


def assumptions_path() -> Path:
    path = data_path("synthetic_assumptions.yml")
    return path if path.is_file() else PACKAGE_DIR.parent / "data" / "synthetic_assumptions.yml"


@functools.lru_cache(maxsize=2)
def _read_assumptions(path: str) -> dict:
    return read_yaml(path)


def load_assumptions(path: Path | str | None = None) -> dict:
    """The parsed assumptions file (default: the book's ``data/synthetic_assumptions.yml``)."""
    return _read_assumptions(str(Path(path or assumptions_path()).resolve()))


def _draw_codes(rng: np.random.Generator, n: int, shares: dict, codes: list) -> np.ndarray:
    """Integer positions into *codes*, drawn with the stated shares (keyed by code)."""
    probabilities = np.array([float(shares[str(code)]) for code in codes])
    return rng.choice(len(codes), size=n, p=probabilities / probabilities.sum())


def _cut(latent: np.ndarray, thresholds: list[float]) -> np.ndarray:
    """Ordinal categories 1..len(thresholds)+1 of a latent value."""
    return np.searchsorted(np.asarray(thresholds, dtype=float), latent).astype(np.int8) + 1


def _draw_latent(rng: np.random.Generator, n: int, assumptions: dict, codebook: Codebook) -> dict:
    """Profile codes (positions) and the cause and manifestation factors of *n* people."""
    profile = assumptions["profile"]
    drawn: dict[str, np.ndarray] = {}
    for name in ("role", "gender", "age_group", "education", "dispatch_level", "village_type"):
        codes = [str(code) for code in codebook.labels(name)]
        drawn[name] = _draw_codes(rng, n, {str(k): v for k, v in profile[name].items()}, codes)
    tenure = profile["tenure_months"]
    drawn["tenure_months"] = np.minimum(
        np.floor(rng.gamma(tenure["gamma_shape"], tenure["gamma_scale_months"], size=n)), tenure["max"]
    ).astype(np.int64)

    causes = assumptions["causes"]
    cholesky = np.linalg.cholesky(np.asarray(causes["correlation"], dtype=float))
    cause_factors = rng.standard_normal((n, len(causes["order"]))) @ cholesky.T

    manifestations = assumptions["manifestations"]
    order = manifestations["order"]
    factors = cause_factors @ np.asarray(manifestations["cause_weights"], dtype=float).T
    factors += rng.normal(0.0, manifestations["noise_sd"], size=factors.shape)
    effects = manifestations["group_effects"]
    for variable in ("role", "dispatch_level"):
        codes = [str(code) for code in codebook.labels(variable)]
        for code, shifts in effects.get(variable, {}).items():
            member = drawn[variable] == codes.index(code)
            for scale_id, shift in shifts.items():
                factors[member, order.index(scale_id)] += shift
    for scale_id, per_year in effects.get("tenure_per_12_months", {}).items():
        factors[:, order.index(scale_id)] += per_year * drawn["tenure_months"] / 12.0

    drawn["factors"] = {**dict(zip(causes["order"], cause_factors.T)), **dict(zip(order, factors.T))}
    return drawn


def _start(n: int, seed: int, assumptions: dict | None, codebook: Codebook | None):
    """What both generators begin with: checked n, assumptions, codebook, seeded latent draws."""
    if n < 1:
        raise ValueError("n must be at least 1")
    assumptions = assumptions or load_assumptions()
    codebook = codebook or load_codebook()
    rng = np.random.default_rng(seed)
    return rng, assumptions, codebook, _draw_latent(rng, n, assumptions, codebook)


def _sequential_ids(prefix: str, n: int, min_width: int) -> np.ndarray:
    """R001, R002, … zero-padded to the width of *n* (at least *min_width* digits)."""
    width = max(min_width, len(str(n)))
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def _profile_columns(drawn: dict, codebook: Codebook, names: tuple[str, ...]) -> dict[str, pd.Categorical]:
    """The drawn profile codes as categoricals over the codebook's codes."""
    return {name: pd.Categorical.from_codes(drawn[name], [str(c) for c in codebook.labels(name)]) for name in names}


def generate_survey(n: int, seed: int, assumptions: dict | None = None,
                    codebook: Codebook | None = None) -> pd.DataFrame:
    """*n* synthetic respondents in contract form (codes as categories, items as nullable Int8)."""
    rng, assumptions, codebook, drawn = _start(n, seed, assumptions, codebook)
    factors = drawn["factors"]

    columns: dict[str, object] = {"respondent_id": _sequential_ids("R", n, min_width=3)}
    columns.update(_profile_columns(drawn, codebook,
                                    ("role", "gender", "age_group", "education", "dispatch_level", "village_type")))
    columns["tenure_months"] = drawn["tenure_months"]
    columns["synthetic"] = np.ones(n, dtype=np.int8)

    items = assumptions["items"]
    agreement_items = [v.name for v in codebook.variables
                       if v.type == "likert" and v.scale and v.scale[0] in "pc"]
    for name in agreement_items:
        scale_id = codebook.variable(name).scale
        latent = (items["scale_shift"][scale_id] + items["loading"] * factors[scale_id]
                  + rng.normal(0.0, items["noise_sd"], size=n))
        columns[name] = _cut(latent, items["agreement_thresholds"])

    pressure = assumptions["overall_pressure"]
    eta = sum(coefficient * factors[scale_id] for scale_id, coefficient in pressure["coefficients"].items())
    columns["overall_pressure"] = _cut(eta + rng.logistic(0.0, 1.0, size=n), pressure["thresholds"])

    time_use = assumptions["time_use"]
    time_names = list(codebook.of_type("multi_select_option"))
    scores = np.empty((n, len(time_names)))
    for position, name in enumerate(time_names):
        spec = time_use["options"][name]
        scores[:, position] = spec["base"] + sum(
            coefficient * factors[key] for key, coefficient in spec.items() if key != "base")
    scores += rng.gumbel(size=scores.shape)
    k_values = sorted(time_use["number_chosen_probabilities"])
    k_probabilities = np.array([time_use["number_chosen_probabilities"][k] for k in k_values], dtype=float)
    number_chosen = np.asarray(k_values)[rng.choice(len(k_values), size=n, p=k_probabilities / k_probabilities.sum())]
    # Rank of each option within its row (0 = highest score); the top k are chosen.
    ranks = np.empty_like(scores, dtype=np.int64)
    np.put_along_axis(ranks, np.argsort(-scores, axis=1), np.arange(len(time_names))[None, :], axis=1)
    chosen = ranks < number_chosen[:, None]
    for position, name in enumerate(time_names):
        columns[name] = chosen[:, position].astype(np.int8)

    measures = assumptions["countermeasures"]
    for group in codebook.scales("countermeasure"):
        for name in group.items:
            latent = (measures["base"][group.id]
                      + measures["weight_on_answered_manifestation"] * factors[group.answers]
                      + rng.normal(0.0, measures["noise_sd"], size=n))
            columns[name] = _cut(latent, measures["helpfulness_thresholds"])

    frame = pd.DataFrame(columns)[list(codebook.names)]
    likert = list(codebook.of_type("likert"))
    missing = rng.random((n, len(likert))) < assumptions["item_nonresponse_rate"]
    for position, name in enumerate(likert):
        frame[name] = pd.array(frame[name].to_numpy(), dtype="Int8")
        frame.loc[missing[:, position], name] = pd.NA
    return frame


def generate_interviews(n: int, seed: int, assumptions: dict | None = None,
                        codebook: Codebook | None = None) -> pd.DataFrame:
    """*n* synthetic coded interviews: who was interviewed and which p/c themes came up (codes only)."""
    rng, assumptions, codebook, drawn = _start(n, seed, assumptions, codebook)
    spec = assumptions["interviews"]
    columns: dict[str, object] = {"interview_id": _sequential_ids("I", n, min_width=2)}
    columns.update(_profile_columns(drawn, codebook, ("role", "dispatch_level")))
    theme_ids = [v.name for v in codebook.interview_variables if v.type == "flag" and v.scale]
    for theme in theme_ids:
        probability = 1.0 / (1.0 + np.exp(-(spec["intercept"][theme] + spec["slope"] * drawn["factors"][theme])))
        columns[theme] = (rng.random(n) < probability).astype(np.int8)
    columns["synthetic"] = np.ones(n, dtype=np.int8)
    return pd.DataFrame(columns)[[v.name for v in codebook.interview_variables]]


def write_csv(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write a data file the way the contract fixes it: UTF-8, '\\n' line ends, no index, no floats.

    Written to a temporary file next to *path* and then renamed, so a failed
    run never leaves half a file behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    frame.to_csv(temporary, index=False, lineterminator="\n", encoding="utf-8")
    temporary.replace(path)
    return path


def _parser(prog: str, what: str, default_n: int) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=what)
    parser.add_argument("--n", type=int, default=default_n, help="行数 / number of rows")
    parser.add_argument("--seed", type=int, required=True, help="随机种子 / random seed")
    parser.add_argument("-o", "--output", required=True, help="输出CSV路径 / output CSV path")
    parser.add_argument("--assumptions", default=None,
                        help="假设文件 / assumptions YAML (default: data/synthetic_assumptions.yml)")
    return parser


def demo_data_main(argv: list[str]) -> int:
    """``python -m zhucun demo-data --n 124 --seed SEED -o data/survey_responses.csv``."""
    args = _parser("zhucun demo-data", "生成合成演示问卷数据 / write synthetic demonstration survey data",
                   124).parse_args(argv)
    frame = generate_survey(args.n, args.seed, load_assumptions(args.assumptions))
    path = write_csv(frame, args.output)
    print(f"已写入 {len(frame)} 行合成演示数据 / wrote {len(frame)} synthetic rows: {path}")
    return 0


def demo_interviews_main(argv: list[str]) -> int:
    """``python -m zhucun demo-interviews --n 20 --seed SEED -o data/interviews_coded.csv``."""
    args = _parser("zhucun demo-interviews", "生成合成访谈编码 / write synthetic coded interviews", 20).parse_args(argv)
    frame = generate_interviews(args.n, args.seed, load_assumptions(args.assumptions))
    path = write_csv(frame, args.output)
    print(f"已写入 {len(frame)} 条合成访谈编码 / wrote {len(frame)} synthetic coded interviews: {path}")
    return 0
