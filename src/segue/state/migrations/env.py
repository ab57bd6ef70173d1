"""Alembic environment: migrations run on the connection `segue.state.migrate` hands over (async engines)."""

from __future__ import annotations

from alembic import context

from segue.state.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `segue db upgrade` (segue.state.migrate), which provides the connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
