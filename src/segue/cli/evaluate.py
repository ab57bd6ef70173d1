"""`segue eval` (one model on one train/test split) and `segue eval-folds` (every model on lastfm-folds)."""

from __future__ import annotations

import json
import logging
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from segue.config import load_settings
from segue.errors import SegueError
from segue.logs import setup_logging

log = logging.getLogger(__name__)
SECTION_MARKER = "cf-folds"


def _usage_error(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def _setup_logging() -> None:
    try:
        settings = load_settings()
        setup_logging(settings.log_level_number, settings.log_file)
    except SegueError:
        setup_logging()


def _check_model(name: str | None) -> str:
    from segue.cf.registry import BEST_MODEL, MODELS

    chosen = name or BEST_MODEL
    if chosen not in MODELS:
        raise _usage_error(f"unknown model {chosen!r}; choose one of: {', '.join(MODELS)}")
    return chosen


def _find_folds(explicit: Path | None) -> Path:
    """The first of --datasets-dir, SEGUE_DATASETS_DIR, the downloads dir, ../shared/data that has lastfm-folds/."""
    if explicit is not None:
        candidates = [explicit]
    else:
        try:
            settings = load_settings()
        except SegueError as exc:
            raise _usage_error(exc.user_message) from None
        candidates = [p for p in (settings.datasets_dir, settings.downloads_dir) if p is not None]
        candidates.append(Path("..") / "shared" / "data")
    for candidate in candidates:
        if (candidate / "lastfm-folds" / "folds").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise _usage_error(f"no lastfm-folds/folds under {tried}; pass --datasets-dir or set SEGUE_DATASETS_DIR")


def eval_split(
    train: Annotated[Path, typer.Option(help="Train file: user,artist[,weight] rows, no header.")],
    test: Annotated[Path, typer.Option(help="Test file, same format.")],
    k: Annotated[int, typer.Option(min=5, max=100, help="Cut-off for P/R/NDCG/HR/coverage (P@5, R@5 always).")] = 10,
    model: Annotated[str | None, typer.Option(help="Model name (default: the best one).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Exactly one JSON object on stdout.")] = False,
) -> None:
    """Fit one recommender on TRAIN and measure it on TEST with the lastfm-folds protocol."""
    from segue.cf.registry import make_model
    from segue.evaluation.folds import evaluate_model, load_split

    name = _check_model(model)
    for path in (train, test):
        if not path.is_file():
            raise _usage_error(f"file not found: {path}")
    _setup_logging()
    try:
        split = load_split(train, test)
    except SegueError as exc:
        raise _usage_error(exc.user_message) from None
    log.info("evaluating %s on %d users x %d artists", name, split.train.shape[0], split.train.shape[1])
    result = evaluate_model(make_model(name), split, k=k, name=name)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{name} on {train.name} / {test.name} ({result.users} users, {result.seconds:.1f} s)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.metrics.items():
        table.add_row(key, f"{value:.4f}")
    Console().print(table)


def eval_folds(
    folds: Annotated[
        str, typer.Option(help='Fold numbers, space- or comma-separated, e.g. "0 1 2 3 4".')
    ] = "0 1 2 3 4",
    output: Annotated[Path, typer.Option(help="Markdown file whose CF section is written/replaced.")] = Path(
        "EVALUATION.md"
    ),
    datasets_dir: Annotated[
        Path | None,
        typer.Option(help="Dataset mirror holding lastfm-folds/ (default: SEGUE_DATASETS_DIR).", show_default=False),
    ] = None,
    models: Annotated[
        str | None, typer.Option(help="Comma-separated model names (default: all).", show_default=False)
    ] = None,
) -> None:
    """Run every model on every fold and write the comparison with the published table to OUTPUT."""
    from segue.cf.registry import BEST_MODEL, DISCOVERY_FIT_NOTES, MODEL_PARAMS, MODELS, TUNING_NOTES
    from segue.evaluation.report import render_markdown, run_folds
    from segue.reports import machine_line, update_file

    try:
        fold_list = [int(part) for part in folds.replace(",", " ").split()]
    except ValueError:
        raise _usage_error(f"--folds must be numbers, got {folds!r}") from None
    if not fold_list:
        raise _usage_error("--folds is empty")
    names = [n.strip() for n in models.split(",") if n.strip()] if models else list(MODELS)
    for name in names:
        _check_model(name)
    directory = _find_folds(datasets_dir)
    _setup_logging()
    try:
        report = run_folds(directory, fold_list, {name: MODELS[name] for name in names})
    except SegueError as exc:
        raise _usage_error(exc.user_message) from None
    command = "segue eval-folds --folds " + shlex.quote(" ".join(map(str, fold_list))) + f" --output {output}"
    section = render_markdown(
        report,
        command=command,
        machine=machine_line(),
        params=MODEL_PARAMS,
        best=BEST_MODEL,
        notes=(*TUNING_NOTES, DISCOVERY_FIT_NOTES),
    )
    update_file(output, section, SECTION_MARKER, title="Evaluation")
    typer.echo(section)
    log.info("wrote %s in %.0f s", output, report.seconds)


def eval_neighbors(
    folds: Annotated[str, typer.Option(help='Fold numbers, e.g. "0 1 2 3 4".')] = "0 1 2 3 4",
    output: Annotated[Path, typer.Option(help="Markdown file whose neighbours section is replaced.")] = Path(
        "EVALUATION.md"
    ),
    datasets_dir: Annotated[
        Path | None, typer.Option(help="Dataset mirror holding lastfm-folds/.", show_default=False)
    ] = None,
    lists: Annotated[str | None, typer.Option(help="Comma-separated rows (default: all).", show_default=False)] = None,
) -> None:
    """Score the co-listening lists the catalog could store, as item-item models on the folds."""
    from segue.evaluation.neighbors import COMPARED, render, run
    from segue.evaluation.neighbors import SECTION_MARKER as NEIGHBOURS_MARKER
    from segue.reports import machine_line, update_file

    try:
        fold_list = [int(part) for part in folds.replace(",", " ").split()]
    except ValueError:
        raise _usage_error(f"--folds must be numbers, got {folds!r}") from None
    names = [n.strip() for n in lists.split(",") if n.strip()] if lists else list(COMPARED)
    unknown = [n for n in names if n not in COMPARED]
    if not fold_list or not names or unknown:
        raise _usage_error(f"need folds and lists; unknown: {unknown}; known: {', '.join(COMPARED)}")
    directory = _find_folds(datasets_dir)
    _setup_logging()
    try:
        report = run(directory, fold_list, names)
    except SegueError as exc:
        raise _usage_error(exc.user_message) from None
    command = "segue eval-neighbors --folds " + shlex.quote(" ".join(map(str, fold_list))) + f" --output {output}"
    section = render(report, command=command, machine=machine_line())
    update_file(output, section, NEIGHBOURS_MARKER, title="Evaluation")
    typer.echo(section)


def register(app: typer.Typer) -> None:
    """Attach the evaluation commands to the main app."""
    app.command("eval")(eval_split)
    app.command("eval-folds")(eval_folds)
    app.command("eval-neighbors")(eval_neighbors)
