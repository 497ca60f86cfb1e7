"""The relay's Alembic migrations (scripts read from disk: ship this folder as data when frozen)."""
