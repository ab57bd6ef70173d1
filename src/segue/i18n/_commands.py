"""Slash-command names inside text, said the way the reader's Discord client shows them.

Discord lists a command under the name of the *client's* locale (`interaction.locale`), which need not be the
language Segue speaks to the member (their /profile choice, the server's setting). The catalogs write each
message with the command names of their own language ('**/empfehlen**', '/profil anzeigen', '/recomendar
artista:<nombre>'), as a translator would; `CommandNames.rewrite` swaps every name it knows, in a command
mention, for the name the reader can type: '/empfehlen' read on an English client is '/recommend'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ._speaker import Speaker

CONTEXTS = ("command_name", "group_name", "parameter_name")
"""Where a name stands in the command tree (discord.py's `TranslationContextLocation`, the catalogs' msgctxt)."""
_ENTRY = re.compile(r'^msgctxt "(?P<where>\w+)"\nmsgid "(?P<name>[^"\n]+)"$', re.MULTILINE)
_MENTION = re.compile(r"(?<![\w/.:<&@-])/(?P<head>[^\W_][\w-]*)(?P<tail>(?: [^\W_][\w-]*:?)*)")
"""'/name' where no word, path or link goes before the slash, with the words after it that may be its subcommand
or its options ('/profile show', '/recommend artist:')."""

Names = dict[str, dict[str, str]]
"""Context -> name -> name."""


def english_names(template: Path) -> dict[str, tuple[str, ...]]:
    """The English names of the command tree by context, read from the `commands` template."""
    found: dict[str, list[str]] = {where: [] for where in CONTEXTS}
    for entry in _ENTRY.finditer(template.read_text(encoding="utf-8")):
        if entry["where"] in found:
            found[entry["where"]].append(entry["name"])
    return {where: tuple(names) for where, names in found.items()}


def _local(speaker: Speaker, english: dict[str, tuple[str, ...]]) -> Names:
    """Context -> English name -> this speaker's name (English where it has none)."""
    return {
        where: {name: speaker.translations.pgettext(where, name) for name in names} for where, names in english.items()
    }


@dataclass(frozen=True)
class CommandNames:
    """Rewrites command mentions from the names of one locale (`source`, the text's language) to another's
    (`target`, the reader's client); English names in the text are understood as well."""

    source: Names
    target: Names

    @cached_property
    def _back(self) -> Names:
        """Context -> a name as the text may write it (the source's, or English) -> English."""
        back: Names = {}
        for where, names in self.source.items():
            table = back.setdefault(where, {})
            for english, local in names.items():
                table.setdefault(english, english)
                table[local] = english
        return back

    def _swap(self, where: str, word: str) -> str | None:
        english = self._back.get(where, {}).get(word)
        return None if english is None else self.target.get(where, {}).get(english, english)

    def _mention(self, match: re.Match[str]) -> str:
        head = match["head"]
        group = self._swap("group_name", head)
        said = group if group is not None else self._swap("command_name", head)
        if said is None:
            return match[0]
        words = match["tail"].split(" ")[1:]
        out, used = [f"/{said}"], 0
        if group is not None and words and not words[0].endswith(":"):
            sub = self._swap("command_name", words[0])
            if sub is not None:
                out.append(sub)
                used = 1
        while used < len(words) and words[used].endswith(":"):
            option = self._swap("parameter_name", words[used][:-1])
            if option is None:
                break
            out.append(f"{option}:")
            used += 1
        return " ".join([*out, *words[used:]])

    def rewrite(self, text: str) -> str:
        """`text` with each command it names ('/profil anzeigen', '/recommend artist:') named for the reader."""
        return _MENTION.sub(self._mention, text) if "/" in text else text


def mentioned(text: str) -> list[str]:
    """The names after each slash that may be a command ('**/recommend** or `/help`' -> ['recommend', 'help'])."""
    return [match["head"] for match in _MENTION.finditer(text)]


def command_names(source: Speaker, target: Speaker, english: dict[str, tuple[str, ...]]) -> CommandNames:
    """The rewriting from `source`'s command names to `target`'s."""
    return CommandNames(_local(source, english), _local(target, english))
