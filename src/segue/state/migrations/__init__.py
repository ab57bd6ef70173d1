"""Alembic migrations of the state database (run by `segue.state.migrate`, never by hand-written DDL)."""
