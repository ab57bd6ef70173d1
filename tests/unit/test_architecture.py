"""The layer and cycle contracts `make lint` runs (import-linter) really fail on a bad import.

Each case copies the source tree, adds one import that breaks a rule, and runs `lint-imports` on the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_copy(tmp_path: Path, module: str = "", line: str = "") -> subprocess.CompletedProcess[str]:
    for package in ("segue", "fakediscord"):
        shutil.copytree(ROOT / "src" / package, tmp_path / "src" / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    if module:
        path = tmp_path / "src" / (module.replace(".", "/") + ".py")
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_tree_as_it_is_keeps_every_contract(tmp_path: Path) -> None:
    done = lint_copy(tmp_path)
    assert done.returncode == 0, done.stdout
    assert "BROKEN" not in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("segue.domain", "import segue.engine.service", "Segue's layers"),  # the bottom layer reaching up
        ("segue.catalog.store", "import segue.engine.recommend", "Segue's layers"),  # the catalog using the engine
        ("segue.engine.recommend", "import segue.bot.render", "Segue's layers"),  # discord code under the engine
        ("segue.cf.models", "import segue.catalog.store", "Segue's layers"),  # cf sits below the catalog
        ("segue.engine.signals", "import segue.engine.live.sources", "Inside the engine"),
        ("fakediscord.world", "import segue.text", "product of its own"),
        ("segue.bot.custom_ids", "import segue.bot.answers", "No import cycles"),  # answers imports custom_ids
        ("segue.engine.query.tokens", "import segue.engine.query.scan", "No import cycles"),
    ],
)
def test_a_bad_import_fails_the_lint(tmp_path: Path, module: str, line: str, broken: str) -> None:
    done = lint_copy(tmp_path, module, line)
    assert done.returncode != 0, done.stdout
    broken_lines = [x for x in done.stdout.splitlines() if x.endswith("BROKEN")]
    assert any(broken in x for x in broken_lines), done.stdout
