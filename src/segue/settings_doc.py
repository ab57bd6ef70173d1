"""The configuration table (README) generated from `Settings`, so the docs cannot drift from the code."""

from __future__ import annotations

from pydantic import AliasChoices, SecretStr
from pydantic.fields import FieldInfo

from segue.config import Settings


def env_names(name: str, info: FieldInfo) -> list[str]:
    """Every environment variable that sets a field (SEGUE_X, plus aliases such as DISCORD_TOKEN)."""
    alias = info.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(a) for a in alias.choices]
    return [f"SEGUE_{name.upper()}"]


def _default(info: FieldInfo) -> str:
    if info.annotation is SecretStr or (info.default is None and "SecretStr" in str(info.annotation)):
        return "(unset)"
    value = info.get_default(call_default_factory=True)
    return "(unset)" if value is None else f"`{value}`"


def markdown_table() -> str:
    """One row per setting: variable(s), default, meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        names = " / ".join(f"`{n}`" for n in env_names(name, info))
        meaning = (info.description or "").replace("|", "\\|")
        rows.append(f"| {names} | {_default(info)} | {meaning} |")
    return "\n".join(rows)
