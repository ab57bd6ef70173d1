"""`segue ask` for a person: the interpretation as one line of words, a table within 80 columns, links alone on
their lines; `--json` stays the one documented document."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from segue.catalog.store import Catalog
from segue.cli import app
from segue.cli.show import understood_line

REQUEST = "upbeat 80s synthpop like Depeche Mode but not metal"


def test_the_interpretation_reads_as_words() -> None:
    interp = {
        "seed_artists": ["Depeche Mode"],
        "genres": ["synthpop"],
        "moods": ["upbeat"],
        "era": [1980, 1989],
        "exclude_genres": ["metal"],
        "exclude_artists": ["Madonna"],
        "novelty": "deep",
    }
    assert understood_line(interp) == (
        "like Depeche Mode · synthpop · upbeat · the 1980s · not metal · without Madonna · deep cuts"
    )
    assert understood_line({"era": [1975, 1982], "novelty": "balanced"}) == "1975 to 1982"
    newer = {"seed_artists": ["Nirvana"], "artists_from": 2001, "novelty": "balanced"}
    assert understood_line(newer) == "like Nirvana · artists from 2001 on"
    together = {"seed_artists": ["Taylor Swift", "The Cure"], "blend": True, "novelty": "balanced"}
    assert understood_line(together) == "between Taylor Swift and The Cure"
    sung = {"moods": ["sad"], "sung_in": "en", "novelty": "balanced"}
    assert understood_line(sung) == "sad · sung in English"
    assert understood_line({"unresolved": ["qwzzp"], "novelty": "balanced"}) is None


def test_ask_prints_a_table_within_80_columns_and_links_on_their_own_lines(
    built_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEGUE_DATA_DIR", str(built_catalog.path.parent))
    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(app, ["ask", REQUEST, "-n", "3"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, "\n".join(lines)
    assert lines[0].startswith("Understood: like Depeche Mode · synthpop · upbeat · the 1980s")
    links = [line for line in lines if "https://" in line]
    assert len(links) == 3
    assert all(line.split(". ", 1)[1].startswith("https://") and " " not in line.split(". ", 1)[1] for line in links)

    as_json = CliRunner().invoke(app, ["ask", REQUEST, "-n", "3", "--json"])
    doc = json.loads(as_json.stdout)
    assert set(doc) >= {"query", "results", "notes"}
    assert set(doc["results"][0]["links"]) == {"spotify", "youtube", "deezer", "mp3"}


def test_version_and_help_without_bool_noise() -> None:
    from segue import __version__

    version = CliRunner().invoke(app, ["--version"])
    assert version.exit_code == 0
    assert version.stdout.strip() == f"segue {__version__}"
    for command in (["--help"], ["ask", "--help"], ["catalog", "download", "--help"], ["invite", "--help"]):
        shown = CliRunner().invoke(app, command)
        assert shown.exit_code == 0, shown.output
        assert "<bool>" not in shown.output, shown.output
    assert "--json" in CliRunner().invoke(app, ["ask", "--help"]).output


def test_ask_answers_in_the_language_asked_for_or_written_in(
    built_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: `segue ask --lang es` (and a request written in Spanish) prints the interpretation, notes and
    reasons in that language; names stay as they are and `--json` keeps its English keys."""
    monkeypatch.setenv("SEGUE_DATA_DIR", str(built_catalog.path.parent))
    monkeypatch.setenv("COLUMNS", "100")
    asked = CliRunner().invoke(app, ["ask", "--lang", "es", "something like Daft Punk but chill", "-n", "2"])
    assert asked.exit_code == 0, asked.output
    assert asked.stdout.startswith("Entendido: como Daft Punk · ánimo: relajado"), asked.stdout
    assert "Por qué" in asked.stdout
    assert "Why" not in asked.stdout
    written = CliRunner().invoke(app, ["ask", "canciones tristes de los 80", "-n", "2"])
    assert written.stdout.startswith("Entendido: ánimo: triste · época: 1980-1989"), written.stdout
    english = CliRunner().invoke(app, ["ask", "sad songs from the 80s", "-n", "2"])
    assert english.stdout.startswith("Understood: sad · the 1980s"), english.stdout
    as_json = CliRunner().invoke(app, ["ask", "--lang", "de", "canciones tristes", "-n", "2", "--json"])
    assert set(json.loads(as_json.stdout)) >= {"query", "results", "notes"}
    unknown = CliRunner().invoke(app, ["ask", "--lang", "xx", "jazz"])
    assert unknown.exit_code == 2
    assert "--lang takes one of: en, es, fr, de, pt-BR." in unknown.output
