"""Ordinal logistic regression (proportional odds) and a check of its key assumption.

The model: P(Y ≤ j | x) = logistic(θ_j − x'β) (statsmodels ``OrderedModel``,
``distr='logit'``, no constant: the thresholds θ_j play its part). exp(β) is
the odds ratio of answering in a HIGHER category per unit of x, the same at
every cut; the Brant test checks that "same at every cut" by comparing the
slopes of separate binary logits of Y > j (Brant 1990).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.miscmodels.ordinal_model import OrderedModel

from zhucun.stats.group_tests import adjust_p_values


def model_frame(y: pd.Series, predictors: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Complete cases of outcome and predictors, as float; predictors without variation are dropped."""
    data = pd.concat([pd.Series(y, name="__y__", dtype="float64"), predictors.astype("float64")], axis=1).dropna()
    X = data.drop(columns="__y__")
    X = X.loc[:, X.nunique() > 1]
    return data["__y__"].astype("int64"), X


def dummies(values: pd.Series, labels: dict, reference, prefix: str) -> pd.DataFrame:
    """0/1 columns for every code but *reference*, named '<prefix>：<label>'; codes nobody has are left out."""
    present = set(pd.Series(values).dropna().astype("str"))
    columns = {}
    for code, label in labels.items():
        if code == reference or str(code) not in present:
            continue
        columns[f"{prefix}：{label}"] = (pd.Series(values).astype("str") == str(code)).astype("float64")
    return pd.DataFrame(columns, index=pd.Series(values).index)


MIN_LEVEL_SHARE = 0.15


def merge_sparse_levels(y: pd.Series, min_share: float = MIN_LEVEL_SHARE) -> tuple[pd.Series, list[tuple]]:
    """*y* with each sparse END level merged into its neighbour, until every level holds at least *min_share*
    of the answers (or only two levels are left): the rule the chapter states.

    A level at either end with fewer answers than that makes the binary logits of the Brant test at that cut
    unstable (empty cells, odds ratios running to 0 or infinity). Merged answers take the code of the
    neighbour they join. Returns the recoded outcome and the merges as tuples of the original codes, e.g.
    ``[(1, 2)]`` when level 1 joined level 2. Only end levels are merged, so the order stays meaningful.
    """
    y = pd.Series(y, dtype="Float64")
    answered = y.dropna()
    groups = [(level,) for level in sorted(answered.unique())]
    counts = {level: int((answered == level).sum()) for (level,) in groups}
    total = len(answered)

    def size(group):
        return sum(counts[level] for level in group)

    while len(groups) > 2:
        ends = [(size(groups[0]), 0), (size(groups[-1]), len(groups) - 1)]
        smallest, position = min(ends)  # the smaller end first; a tie goes to the lower end
        if smallest >= min_share * total:
            break
        neighbour = 1 if position == 0 else position - 1
        merged = tuple(sorted(groups[position] + groups[neighbour]))
        groups[min(position, neighbour)] = merged
        del groups[max(position, neighbour)]
    recode, merges = {}, []
    for group in groups:
        # The merged level takes the code of the original level nearest the middle.
        keep = group[-1] if group[0] == groups[0][0] else group[0]
        recode |= {level: keep for level in group}
        if len(group) > 1:
            merges.append(tuple(int(level) for level in group))
    return y.map(lambda v: recode.get(v, v) if not pd.isna(v) else v).astype("Float64"), merges


@dataclass
class OrdinalFit:
    result: object
    n: int
    levels: list
    predictors: list


def fit_ordinal_logit(y: pd.Series, predictors: pd.DataFrame) -> OrdinalFit:
    """Fit the proportional-odds logit of *y* (ordered integer codes) on *predictors* (complete cases)."""
    y, X = model_frame(y, predictors)
    levels = sorted(y.unique())
    outcome = pd.Series(pd.Categorical(y, categories=levels, ordered=True), index=y.index)
    model = OrderedModel(outcome, X, distr="logit")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; checked below
        result = model.fit(method="bfgs", disp=False, maxiter=2000)
    if not result.mle_retvals.get("converged", True):
        raise RuntimeError("the ordinal logit did not converge")
    return OrdinalFit(result, len(y), levels, list(X.columns))


def odds_ratio_table(fit: OrdinalFit, alpha: float = 0.05) -> pd.DataFrame:
    """Per predictor: coefficient, odds ratio with its (1−alpha) interval, p-value."""
    params = fit.result.params[fit.predictors]
    ci = fit.result.conf_int(alpha=alpha).loc[fit.predictors]
    return pd.DataFrame({
        "predictor": fit.predictors,
        "coef": params.to_numpy(),
        "odds_ratio": np.exp(params.to_numpy()),
        "low": np.exp(ci.iloc[:, 0].to_numpy()),
        "high": np.exp(ci.iloc[:, 1].to_numpy()),
        "p_value": fit.result.pvalues[fit.predictors].to_numpy(),
    })


@dataclass
class BrantResult:
    chi2: float
    df: int
    p_value: float
    by_predictor: pd.DataFrame  # predictor, chi2, df, p_value, p_adjusted (Holm over the predictors)
    cut_odds_ratios: pd.DataFrame  # predictor × cut ("> j"): odds ratio of the binary logit
    sparse: list  # (predictor, cut) where a 0/1 predictor has an empty cell: that cut's estimate is unstable


def brant_test(y: pd.Series, predictors: pd.DataFrame) -> BrantResult:
    """Brant's Wald test of proportional odds from separate binary logits of Y > j.

    Slopes of the J−1 binary logits are compared with their joint covariance
    (Brant 1990): Cov(β̂_j, β̂_l) = (X'W_jX)⁻¹ X'W_{jl}X (X'W_lX)⁻¹ with
    W_{jl} = diag(π_l(1 − π_j)) for the cut j below l. Omnibus df = (J−2)·p.
    A statistic is NaN when its covariance is not positive definite (sparse cuts).
    """
    y, X = model_frame(y, predictors)
    levels = sorted(y.unique())
    if len(levels) < 3:
        raise ValueError("the proportional-odds assumption needs at least three outcome levels to test")
    design = sm.add_constant(X.to_numpy(), has_constant="add")
    n, q = design.shape
    p = q - 1
    betas, probabilities, informations, sparse = [], [], [], []
    binary = [c for c in X.columns if set(X[c].unique()) <= {0.0, 1.0}]
    for cut in levels[:-1]:
        z = (y.to_numpy() > cut).astype("float64")
        for column in binary:
            # An empty cell of the 2×2 table means (quasi-)separation at this cut.
            if pd.crosstab(X[column].to_numpy(), z).reindex(
                    index=[0.0, 1.0], columns=[0.0, 1.0], fill_value=0).to_numpy().min() == 0:
                sparse.append((column, cut))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted = sm.Logit(z, design).fit(disp=False, maxiter=200)
        beta = np.asarray(fitted.params)
        pi = 1 / (1 + np.exp(-design @ beta))
        betas.append(beta)
        probabilities.append(pi)
        informations.append(np.linalg.inv(design.T @ (design * (pi * (1 - pi))[:, None])))
    cuts = len(betas)
    covariance = np.zeros((cuts * p, cuts * p))
    for j in range(cuts):
        for m in range(j, cuts):
            if j == m:
                block = informations[j]
            else:  # cut j is below cut m: P(Y>j and Y>m) = π_m
                weight = probabilities[m] * (1 - probabilities[j])
                block = informations[j] @ (design.T @ (design * weight[:, None])) @ informations[m]
            covariance[j * p:(j + 1) * p, m * p:(m + 1) * p] = block[1:, 1:]
            covariance[m * p:(m + 1) * p, j * p:(j + 1) * p] = block[1:, 1:].T
    slopes = np.concatenate([beta[1:] for beta in betas])

    def wald(columns: list[int]) -> tuple[float, int]:
        # Contrasts β_1 − β_m (m = 2 … J−1) of the chosen predictors.
        rows = []
        for m in range(1, cuts):
            for c in columns:
                row = np.zeros(cuts * p)
                row[c] = 1
                row[m * p + c] = -1
                rows.append(row)
        D = np.array(rows)
        difference = D @ slopes
        middle = D @ covariance @ D.T
        # With sparse cuts the separate fits' covariance can fail to be positive definite;
        # then there is no valid Wald statistic (pinv would silently shrink it instead).
        if np.linalg.eigvalsh((middle + middle.T) / 2).min() <= 0:
            return math.nan, len(rows)
        statistic = float(difference @ np.linalg.solve(middle, difference))
        return statistic, len(rows)

    chi2, df = wald(list(range(p)))
    per = []
    for c, name in enumerate(X.columns):
        statistic, d = wald([c])
        per.append({"predictor": name, "chi2": statistic, "df": d, "p_value": float(stats.chi2.sf(statistic, d))})
    per = pd.DataFrame(per)
    per["p_adjusted"] = adjust_p_values(per["p_value"], "holm")
    cut_or = pd.DataFrame({f"> {cut}": np.exp(beta[1:]) for cut, beta in zip(levels[:-1], betas)},
                          index=list(X.columns))
    cut_or.index.name = "predictor"
    return BrantResult(chi2, df, float(stats.chi2.sf(chi2, df)), per, cut_or.reset_index(), sparse)
