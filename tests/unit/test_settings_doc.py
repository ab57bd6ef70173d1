"""The README's configuration table is generated from `Settings`; this keeps the two in step."""

from __future__ import annotations

from pathlib import Path

from segue.config import Settings
from segue.settings_doc import env_names, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_configuration_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- config:start -->\n", "\n<!-- config:end -->"
    table = text.split(start, 1)[1].split(end, 1)[0]
    assert table.strip() == markdown_table().strip(), "README is stale: paste `segue config --markdown` into it"


def test_every_setting_is_documented() -> None:
    table = markdown_table()
    for name, info in Settings.model_fields.items():
        assert info.description, f"setting {name} has no description"
        for env in env_names(name, info):
            assert f"`{env}`" in table


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.index("make run") < text.index("## Configuration")
    assert "make test" in text.split("## Configuration")[0]
