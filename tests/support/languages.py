"""What the request-language tests share: the languages with checked rows in tests/data/language_queries.json,
and reading a request in one of them as its English would be read."""

from __future__ import annotations

from segue.domain import Query
from segue.engine.query.parser import QueryParser

__all__ = ["ROWED_LANGUAGES", "read_as_english"]

ROWED_LANGUAGES = frozenset(
    {"es", "fr", "de", "pt-BR", "ja", "hi", "ru", "pl", "tr", "nl", "id", "vi", "uk", "sv", "cs", "ar"}
)
"""Each request language with its rows in the language query file (Italian, Korean and Tagalog have none yet)."""


def read_as_english(parser: QueryParser, text: str, english: str, code: str) -> Query:
    """`text` parsed: some mood read, the same moods as its English, and said to be in `code`; returned for the
    caller's own checks."""
    query = parser.parse(text)
    assert query.moods
    assert set(query.moods) == set(parser.parse(english).moods), query.moods
    assert query.language == code
    return query
