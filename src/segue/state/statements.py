"""The writer's statements, built once per dialect: a batch executes them with its rows, it never builds one.

Building an upsert per batch cost more than running it: `stmt.excluded` sets up a column collection for the whole
table each time, and the users' multi-VALUES insert compiled anew for every count of users. Built once, each
execution reuses SQLAlchemy's compiled form and only binds the batch's rows (an executemany).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from sqlalchemy import Executable, Table, bindparam, insert, select

from segue.state import tables as t
from segue.state.records import UserPrefs

PREF_COLUMNS = ("novelty", "lastfm_user", "language", "country", "share_taste")
"""The users columns a `UserPrefs` is stored in, in the order reads select them (`prefs_of` reads them back)."""
ROLLUP_KEYS: dict[str, tuple[str, ...]] = {
    "event_days": ("day", "command", "outcome", "error_type", "cache_hit", "latency_bucket"),
    "subject_days": ("day", "kind", "value"),
    "guild_subject_days": ("guild_id", "day", "kind", "value"),
}
"""Each counted rollup table's key columns, in the order its keys are counted (`rollup.Rollup`)."""


def prefs_of(user_id: str, values: Sequence[Any]) -> UserPrefs:
    """A member's preferences from the `PREF_COLUMNS` of their row; a flag read straight through `sqlite3`
    (`DirectReads`) is 0 or 1, so it is made a bool here."""
    found = dict(zip(PREF_COLUMNS, values, strict=True))
    share = found.pop("share_taste")
    return UserPrefs(user_id, **found, share_taste=None if share is None else bool(share))


@dataclass(frozen=True, slots=True)
class Statements:
    """Every statement a writer batch runs (settings changes and deletes aside: rare, built when they happen)."""

    users_create: Executable
    users_locked: Executable
    users_store: Executable
    prefs: Executable
    feedback: Executable
    shown: Executable
    answers: Executable
    channels: Executable
    events: Executable
    subjects: Executable
    rollups: dict[str, Executable]
    active: Executable
    upsert: Callable[..., Any]
    """The dialect's `insert` (with `on_conflict_do_update`), for the rare statements built when they run."""

    @classmethod
    def build(cls, dialect: str) -> Statements:
        """The statements for one dialect (`engine.dialect.name`): both have `ON CONFLICT`, spelled by their own
        `insert`."""
        # The dialect in use only: on SQLite, PostgreSQL's (asyncpg's) costs the bot's start ~20 ms for nothing.
        home = "postgresql" if dialect == "postgresql" else "sqlite"
        upsert: Any = import_module(f"sqlalchemy.dialects.{home}").insert

        def on_conflict(table: Table, keys: tuple[str, ...], changed: tuple[str, ...]) -> Executable:
            stmt = upsert(table)
            update = {k: stmt.excluded[k] for k in changed}
            return stmt.on_conflict_do_update(index_elements=list(keys), set_=update)  # type: ignore[no-any-return]

        def add(table: Table, keys: tuple[str, ...]) -> Executable:
            stmt = upsert(table)
            update = {"n": table.c.n + stmt.excluded.n}
            return stmt.on_conflict_do_update(index_elements=list(keys), set_=update)  # type: ignore[no-any-return]

        tables = {table.name: table for table in (t.event_days, t.subject_days, t.guild_subject_days)}
        return cls(
            users_create=upsert(t.users).on_conflict_do_nothing(index_elements=["user_id"]),
            users_locked=select(t.users.c.user_id, t.users.c.profile, t.users.c.requests)
            .where(t.users.c.user_id.in_(bindparam("ids", expanding=True)))
            .order_by(t.users.c.user_id)
            .with_for_update(),
            users_store=on_conflict(t.users, ("user_id",), ("profile", "requests", "updated_at")),
            prefs=on_conflict(t.users, ("user_id",), (*PREF_COLUMNS, "updated_at")),
            feedback=insert(t.feedback),
            shown=insert(t.shown),
            answers=on_conflict(t.saved_answers, ("key",), ("shown", "page", "count", "query")),
            channels=on_conflict(t.listening_channels, ("channel_id",), ("enabled", "updated_at")),
            events=insert(t.events),
            subjects=insert(t.event_subjects),
            rollups={name: add(tables[name], keys) for name, keys in ROLLUP_KEYS.items()},
            active=upsert(t.user_days).on_conflict_do_nothing(index_elements=["day", "user_id"]),
            upsert=upsert,
        )


__all__ = ["PREF_COLUMNS", "ROLLUP_KEYS", "Statements", "prefs_of"]
