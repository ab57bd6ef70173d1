"""`segue eval-words`: requests with words a list may lack, read with and without the meaning fallback."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from segue.cli.failing import fail
from segue.errors import SegueError

DEFAULT_WORDS = Path("tests/data/unknown_words.json")


def eval_words(
    split: Annotated[str, typer.Option(help="dev (default), heldout (end of tuning only) or all.")] = "dev",
    requests: Annotated[Path, typer.Option(help="The request file with acceptable moods.")] = DEFAULT_WORDS,
    output: Annotated[Path | None, typer.Option(help="Write/replace the section in this Markdown file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
) -> None:
    """Read every request of one split by the word lists alone and with word vectors; count what each understood."""
    from segue.cli.ask import _core, _settings
    from segue.engine.query.parser import QueryParser
    from segue.evaluation.requests import SPLIT_CHOICES
    from segue.evaluation.words import load_word_requests, markdown, read_all
    from segue.reports import update_file

    if split not in SPLIT_CHOICES or not requests.is_file():
        splits = ", ".join(SPLIT_CHOICES)
        typer.echo(f"Need a split of {splits} and a request file (got {split!r}, {requests}).", err=True)
        raise typer.Exit(2)
    try:
        chosen = load_word_requests(requests, split)
        parser = _core(_settings()).service.parser
        if not isinstance(parser, QueryParser):
            raise TypeError("eval-words measures the catalog's own QueryParser")
        with_meaning = read_all(parser.parse, chosen)
        lists_alone = read_all(parser.without_meanings().parse, chosen)
    except (ValueError, KeyError, TypeError) as exc:
        typer.echo(f"Unusable request file {requests}: {exc}", err=True)
        raise typer.Exit(2) from None
    except SegueError as exc:
        raise fail(exc) from None
    if as_json:
        doc = {
            "split": split,
            "requests": len(chosen),
            "lists": lists_alone.to_dict(),
            "meaning": with_meaning.to_dict(),
        }
        sys.stdout.write(json.dumps(doc) + "\n")
        return
    section = markdown(split, len(chosen), lists_alone, with_meaning)
    typer.echo(section)
    if output is not None:
        update_file(output, section, "unknown-words", title="Evaluation")


def register(app: typer.Typer) -> None:
    """Attach `eval-words`."""
    app.command("eval-words")(eval_words)
