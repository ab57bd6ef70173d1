"""Typed "@name" addressing is not part of the request (the CLI and the playground receive it as plain text)."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    "text",
    ["@Segue something like Nujabes", "hey @segue, something like Nujabes", "something like Nujabes @everyone"],
)
def test_addressing_is_ignored(parser: QueryParser, text: str) -> None:
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] == ["Nujabes"]


def test_an_at_sign_inside_a_word_is_kept(parser: QueryParser) -> None:
    assert parser.parse("songs like Nujabes for me@home").seed_artists[0].name == "Nujabes"
