"""Offline evaluation: CF models on lastfm-folds, the catalog's neighbour lists, and the mood constraint set.

Above `engine`, `catalog` and `cf`: it measures them and writes EVALUATION.md sections; nothing on the request path
imports it. The `segue eval*` commands in `segue.cli` are its entry points.
"""

from segue.evaluation.folds import EvalResult, Split, build_split, evaluate_model, load_split, metric_names
from segue.evaluation.moods import MoodReport, QueryCheck, evaluate_queries, load_checks
from segue.evaluation.report import FoldsReport, load_fold, render_markdown, run_folds

__all__ = [
    "EvalResult",
    "FoldsReport",
    "MoodReport",
    "QueryCheck",
    "Split",
    "build_split",
    "evaluate_model",
    "evaluate_queries",
    "load_checks",
    "load_fold",
    "load_split",
    "metric_names",
    "render_markdown",
    "run_folds",
]
