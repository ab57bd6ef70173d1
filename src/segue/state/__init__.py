"""What the bot remembers about its listeners and channels, behind one `StateStore` Protocol.

`SqlStateStore` is the durable store (SQLite under the data directory by default, PostgreSQL when
SEGUE_DATABASE_URL names one); `MemoryStateStore` is the test double. `open_state` builds the right one from
Settings and migrates it. Writes are batched and never block an interaction (`writer.BatchWriter`).
"""

from segue.state.memory import MemoryStateStore
from segue.state.model import (
    HISTORY_MAX,
    SAVED_ANSWERS_MAX,
    Listener,
    SavedAnswer,
    StateStore,
    UserProfile,
    answer_key,
    apply_feedback,
    decode_query,
    encode_query,
)
from segue.state.open import open_state
from segue.state.sql import SqlStateStore, database_url, make_engine

__all__ = [
    "HISTORY_MAX",
    "SAVED_ANSWERS_MAX",
    "Listener",
    "MemoryStateStore",
    "SavedAnswer",
    "SqlStateStore",
    "StateStore",
    "UserProfile",
    "answer_key",
    "apply_feedback",
    "database_url",
    "decode_query",
    "encode_query",
    "make_engine",
    "open_state",
]
