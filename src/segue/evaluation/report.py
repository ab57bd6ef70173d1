"""Run every recommender on every lastfm-folds fold and render the EVALUATION.md section beside the published table.

The published rows are read from each fold's `results/*.csv` (CaseRecommender output shipped with the folds), so
their means are over exactly the folds we ran; their NDCG is normalised by the hits, not the ideal ranking, and is
left out for that reason (see the data README).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from segue.cf.models import Recommender
from segue.errors import DatasetError
from segue.evaluation.folds import (
    EvalResult,
    Split,
    evaluate_model,
    load_split,
    metric_names,
    paired_difference,
    read_tag_assignments,
    with_tags,
)

log = logging.getLogger(__name__)

PUBLISHED_FILES: dict[str, str] = {
    "MostPop": "mostpop.csv",
    "BPRMF": "bprmf.csv",
    "Wikidata PageRank": "wikidata_page_rank8020.csv",
    "UserKNN": "userknn.csv",
    "EASE": "ease.csv",
}
"""Published algorithm -> its per-fold result file; NCF is omitted (scored against sampled negatives)."""

_PUBLISHED_KEYS = {"P@5": "PREC@5", "P@10": "PREC@10", "R@5": "RECALL@5", "R@10": "RECALL@10"}
_PUBLISHED_KEYS["coverage@10"] = "COVERAGE@10"


def fold_dir(datasets_dir: Path, fold: int) -> Path:
    """Where fold `fold` of the Zanon et al. split lives under the datasets mirror."""
    return datasets_dir / "lastfm-folds" / "folds" / str(fold)


def load_fold(datasets_dir: Path, fold: int) -> Split:
    """Train/test of one fold, with the HetRec tags as leak-free side information when the mirror has them."""
    directory = fold_dir(datasets_dir, fold)
    if not directory.is_dir():
        raise DatasetError(f"no fold directory {directory}", user_message=f"Fold {fold} not found at {directory}.")
    split = load_split(directory / "train.dat", directory / "test.dat")
    tagged = datasets_dir / "hetrec2011-lastfm-2k" / "user_taggedartists.dat"
    if not tagged.is_file():
        log.warning("no %s: models with tags (ease-collective) run as plain EASE", tagged)
        return split
    return with_tags(split, read_tag_assignments(tagged))


def read_published(path: Path) -> dict[str, float]:
    """The P@5/P@10/R@5/R@10/coverage@10 figures of one CaseRecommender result file."""
    values: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                values[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return {ours: values[theirs] for ours, theirs in _PUBLISHED_KEYS.items() if theirs in values}


@dataclass(slots=True)
class FoldsReport:
    """Per-fold results of our models and the published ones, plus what it took to get them."""

    folds: list[int]
    k: int = 10
    ours: dict[str, list[EvalResult]] = field(default_factory=dict)
    published: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time of all threads: on a shared machine wall time says more about the neighbours than about us."""

    def mean(self, model: str) -> dict[str, float]:
        """Each metric of `model` averaged over the folds."""
        results = self.ours[model]
        return {key: sum(r.metrics[key] for r in results) / len(results) for key in metric_names(self.k)}

    def published_mean(self, name: str) -> dict[str, float]:
        """Each published metric averaged over the folds that have it."""
        rows = self.published[name]
        keys = set.intersection(*(set(r) for r in rows)) if rows else set()
        return {key: sum(r[key] for r in rows) / len(rows) for key in keys}


def run_folds(
    datasets_dir: Path,
    folds: Sequence[int],
    models: dict[str, Callable[[], Recommender]],
    *,
    k: int = 10,
) -> FoldsReport:
    """Evaluate every model on every fold (tuned on fold 0 only, see cf_registry) and collect the published rows."""
    started, cpu_started = time.perf_counter(), time.process_time()
    report = FoldsReport(folds=list(folds), k=k)
    for fold in folds:
        split = load_fold(datasets_dir, fold)
        for name, factory in models.items():
            result = evaluate_model(factory(), split, k=k, name=name)
            log.info(
                "fold %d %-14s P@10 %.4f R@10 %.4f (%.1f s)",
                fold,
                name,
                result.metrics[f"P@{k}"],
                result.metrics[f"R@{k}"],
                result.seconds,
            )
            report.ours.setdefault(name, []).append(result)
        for label, filename in PUBLISHED_FILES.items():
            path = fold_dir(datasets_dir, fold) / "results" / filename
            if path.is_file():
                report.published.setdefault(label, []).append(read_published(path))
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu_started
    return report


def _cells(values: dict[str, float], keys: Sequence[str]) -> str:
    return " | ".join(f"{values[key]:.4f}" if key in values else "-" for key in keys)


def _paired_lines(report: FoldsReport, best: str) -> list[str]:
    """Each model against the best one, user by user over the same folds (empty when the best did not run)."""
    if best not in report.ours:
        return []
    lines = [
        "",
        f"Paired per user against {best} (each fold's test users, pooled over the folds): mean P@{report.k} "
        "difference with a 95% bootstrap interval (2,000 resamples).",
        "",
        f"| model | P@{report.k} - {best} | 95% interval |",
        "|---|---|---|",
    ]
    for name in report.ours:
        if name != best:
            mean, low, high = paired_difference(report.ours[name], report.ours[best])
            lines.append(f"| {name} | {mean:+.4f} | {low:+.4f} .. {high:+.4f} |")
    return lines


def render_markdown(
    report: FoldsReport,
    *,
    command: str,
    machine: str,
    params: dict[str, str],
    best: str,
    notes: Sequence[str] = (),
) -> str:
    """The EVALUATION.md section: protocol, mean table (ours and published), per-fold table, provenance."""
    keys = metric_names(report.k)
    folds_text = ", ".join(str(f) for f in report.folds)
    header = "| model | " + " | ".join(keys) + " | s/fold | CPU s/fold |"
    rule = "|---" * (len(keys) + 3) + "|"
    lines = [
        "## Collaborative filtering on HetRec Last.fm 2K (lastfm-folds)",
        "",
        f"Command: `{command}`  ",
        f"Machine: {machine}  ",
        f"Runtime: {report.seconds:.0f} s wall, {report.cpu_seconds:.0f} s CPU (all threads), "
        f"{len(report.ours)} models x {len(report.folds)} folds. Per model: fit + ranking of one fold, in wall and"
        " CPU seconds (the machine is shared, so wall time also measures the neighbours).",
        "",
        "Protocol (the data README's): for every user of a fold's test file, rank all artists seen in that fold's",
        "train split minus the user's own train artists; P@k = hits/k, R@k = hits/|test artists| (artists absent",
        "from train count but cannot be hit), averaged over all test users. NDCG@10 is standard (binary gains, ideal",
        "DCG over min(|test|, 10)), HR@10 the share of users with a hit, coverage@10 the share of train artists in",
        "some user's top 10. Hyperparameters were tuned on fold 0 only; the other folds are untouched.",
        "",
        f"### Means over folds {folds_text}",
        "",
        header,
        rule,
    ]
    for name in report.ours:
        results = report.ours[name]
        wall = sum(r.seconds for r in results) / len(results)
        cpu = sum(r.cpu_seconds for r in results) / len(results)
        marker = " **(best)**" if name == best else ""
        lines.append(f"| {name}{marker} (ours) | {_cells(report.mean(name), keys)} | {wall:.1f} | {cpu:.1f} |")
    for label in report.published:
        count = len(report.published[label])
        lines.append(f"| {label} (published, {count} folds) | {_cells(report.published_mean(label), keys)} | - | - |")
    lines += _paired_lines(report, best)
    lines += [
        "",
        "Published rows: Zanon, Rocha, Manzato (KBS 2022), CaseRecommender output in each fold's `results/`;",
        "their NDCG is normalised by the hits, so it is omitted. The data README re-measures plain EASE with",
        "lambda 75 at P@10 0.1058 / R@10 0.2347 over folds 0-4 (our `ease` row reproduces it).",
        "",
        "### Models and hyperparameters",
        "",
        "| model | hyperparameters |",
        "|---|---|",
        *(f"| {name} | {params.get(name, '-')} |" for name in report.ours),
        "",
    ]
    if notes:
        lines += ["### Tuning (fold 0 only) and fitting cost", "", *(f"- {note}" for note in notes), ""]
    lines += [
        "### Per fold",
        "",
        "| fold | model | " + " | ".join(keys) + " | s | CPU s |",
        "|---" * (len(keys) + 4) + "|",
    ]
    for name, results in report.ours.items():
        for fold, result in zip(report.folds, results, strict=True):
            timing = f"{result.seconds:.1f} | {result.cpu_seconds:.1f}"
            lines.append(f"| {fold} | {name} | {_cells(result.metrics, keys)} | {timing} |")
    return "\n".join(lines) + "\n"
