"""The public surface of every source package that declares `__all__` (as httpx's tests/test_exported_members.py):
each exported name exists, is named once, and `from <package> import *` brings it in."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import fakediscord
import segue

SOURCES = Path(segue.__file__).resolve().parent.parent
FACES = {"segue.cf", "segue.evaluation", "segue.engine.query", "segue.engine.live", "fakediscord"}


def declaring_packages() -> set[str]:
    """Every package under segue/ and fakediscord/ whose __init__.py assigns `__all__`."""
    found = set()
    for top in (segue, fakediscord):
        for init in Path(top.__file__).resolve().parent.rglob("__init__.py"):
            if re.search(r"^__all__\b", init.read_text(encoding="utf-8"), re.MULTILINE):
                found.add(".".join(init.parent.relative_to(SOURCES).parts))
    return found


@pytest.mark.parametrize("package", sorted(FACES | declaring_packages()))
def test_every_exported_name_exists_and_is_importable(package: str) -> None:
    module = importlib.import_module(package)
    exported = list(module.__all__)
    assert exported, f"{package}.__all__ is empty"
    assert len(set(exported)) == len(exported), f"{package}.__all__ names something twice"
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{package}.__all__ names what the package does not have: {missing}"
    namespace: dict[str, object] = {}
    exec(f"from {package} import *", namespace)
    assert {name: namespace[name] for name in exported} == {name: getattr(module, name) for name in exported}
