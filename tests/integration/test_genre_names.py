"""`segue ask` says genre and scene names in the request's language (issue 15): 'funk brasileiro pra festa' was
answered 'Não tenho músicas de brazilian funk', 'indie español tranquilo' 'género: spanish indie' and 'encajan
también con 'calm'', 'rap français des années 90' 'J'ai peu de french rap'. `--json` keeps English names."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from segue.catalog.store import Catalog


def _ask(catalog: Catalog, *args: str) -> str:
    env = {**os.environ, "SEGUE_DATA_DIR": str(catalog.path.parent), "SEGUE_LOG_LEVEL": "WARNING", "COLUMNS": "400"}
    done = subprocess.run(
        [sys.executable, "-m", "segue", "ask", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("text", "said", "unsaid"),
    [
        ("funk brasileiro pra festa", ["funk brasileiro"], ["brazilian funk"]),
        ("indie español tranquilo", ["género: indie español", "«tranquilo»"], ["spanish indie", "'calm'"]),
        # French rap is no longer thin (songs rapped in French count, `scenes.RAPPED`): a thin scene's note is punk's
        ("rap français des années 90", ["genre : rap français"], ["french rap"]),
        ("punk français", ["genre : punk français", "J'ai peu de choses en punk français"], ["french punk"]),
    ],
)
def test_a_scene_is_named_in_the_requests_language(
    built_catalog: Catalog, text: str, said: list[str], unsaid: list[str]
) -> None:
    shown = _ask(built_catalog, text)
    for words in said:
        assert words in shown, shown
    for words in unsaid:
        assert words not in shown, shown


def test_german_names_the_scene_its_own_way_and_json_stays_english(built_catalog: Catalog) -> None:
    assert "Indie aus Spanien" in _ask(built_catalog, "--lang", "de", "indie español tranquilo")
    answer = json.loads(_ask(built_catalog, "--json", "indie español tranquilo"))
    assert answer["query"]["interpretation"]["genres"] == ["spanish indie"]
    assert all("español" not in note for note in answer["notes"])
