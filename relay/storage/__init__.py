"""The relay's tables, one module per family, sharing one engine (relay/store.py composes them)."""
