"""Alembic migrations of the state database (run by `segue.state.migrate`, never by hand-written DDL)."""

HEAD_REVISION = "0005"
"""The newest migration in `versions/` (a test checks it against Alembic's own reading): a database at it needs no
migration, so the bot's start skips loading Alembic (BENCHMARKS.md, issue 14, cold start of `segue run`)."""
