"""Rows of media files: jobs to fetch received media, and files ready to hand out."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from relay.storage.database import Database, now_ms
from relay.storage.tables import media

# The id of an upload's row until Graph names the file (state "uploading"): never a media id (digits),
# so no download, fetch job or file name ever takes it.
UPLOAD_PREFIX = "upload-"


class MediaRows:
    """Blocking calls on the `media` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_job(self, conn: Connection, media_id: str, mime: str | None, filename: str | None) -> None:
        """A fetch job for received media; a second webhook naming the same file adds nothing
        (ON CONFLICT: two relay workers may store such webhooks at the same moment)."""
        row = {"id": media_id, "state": "pending", "mime": mime, "filename": filename, "attempts": 0}
        stmt = self.db.insert(media).values(created_ms=now_ms(), **row)
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))

    def add_ready(self, media_id: str, mime: str, size: int, sha256: str, filename: str | None) -> None:
        """Mark a file ready (an upsert: the worker and a download may finish the same file at once)."""
        with self.db.engine.begin() as conn:
            conn.execute(self._ready(media_id, mime, size, sha256, filename))

    def _ready(self, media_id: str, mime: str, size: int, sha256: str, filename: str | None) -> Any:
        values = {"state": "ready", "mime": mime, "size": size, "sha256": sha256, "filename": filename}
        stmt = self.db.insert(media).values(
            id=media_id, attempts=0, created_ms=now_ms(), error=None, **values
        )
        return stmt.on_conflict_do_update(
            index_elements=["id"], set_={**values, "attempts": 0, "error": None}
        )

    def reserve_upload(self) -> str:
        """Write the row of an upload about to go to Graph, under an id of its own until Graph names
        the file, and return that id. A database that cannot take a write (read-only, its disk full,
        away) fails here as the row's completion would, before the file goes to Meta."""
        placeholder = f"{UPLOAD_PREFIX}{uuid.uuid4().hex}"
        with self.db.engine.begin() as conn:
            conn.execute(
                self.db.insert(media).values(
                    id=placeholder, state="uploading", attempts=0, created_ms=now_ms()
                )
            )
        return placeholder

    def complete_upload(
        self, placeholder: str, media_id: str, mime: str, size: int, sha256: str, filename: str | None
    ) -> None:
        """The reserved row becomes the file's, ready under Graph's id (one transaction)."""
        with self.db.engine.begin() as conn:
            conn.execute(delete(media).where(media.c.id == placeholder))
            conn.execute(self._ready(media_id, mime, size, sha256, filename))

    def drop_reservation(self, placeholder: str) -> None:
        """An upload that never completed (Graph refused it): its row goes."""
        with self.db.engine.begin() as conn:
            conn.execute(delete(media).where(media.c.id == placeholder))

    def pending(self, limit: int = 20) -> list[str]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(media.c.id).where(media.c.state == "pending").order_by(media.c.created_ms).limit(limit)
            ).all()
        return [r.id for r in rows]

    def row(self, media_id: str) -> Any:
        with self.db.engine.connect() as conn:
            return conn.execute(select(media).where(media.c.id == media_id)).first()

    def prune(self, cutoff_ms: int) -> list[str]:
        """Mark every file stored before `cutoff_ms` pruned (its row stays, so a desktop asking for it
        hears that it is gone, not "no such media") and return their ids, for their files to go."""
        old = (media.c.created_ms < cutoff_ms) & (media.c.state != "pruned")
        with self.db.engine.begin() as conn:
            ids = [row.id for row in conn.execute(select(media.c.id).where(old))]
            if ids:
                conn.execute(update(media).where(old).values(state="pruned", error=None))
        return ids

    def mark(self, media_id: str, **values: Any) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(update(media).where(media.c.id == media_id).values(**values))
