"""Free text to a structured `Query`: a deterministic left-to-right scan over small vocabularies and catalog names.

`QueryParser` is the face; the genre tree and the mood table are shared with the composition root (genre words to
tag columns) and the evaluation. Depends on `segue.domain` and the catalog look-ups in `engine.protocols` only.
"""

from segue.engine.query.genre_columns import GenreColumns
from segue.engine.query.genres import GenreTree, canonical_key
from segue.engine.query.moods import FEATURE_DOMAINS, MOODS, MOODS_BY_LABEL, Mood, mood_for
from segue.engine.query.parser import QueryParser

__all__ = [
    "FEATURE_DOMAINS",
    "MOODS",
    "MOODS_BY_LABEL",
    "GenreColumns",
    "GenreTree",
    "Mood",
    "QueryParser",
    "canonical_key",
    "mood_for",
]
