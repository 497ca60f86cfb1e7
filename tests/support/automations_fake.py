"""An in-memory stand-in for the relay's automations endpoint: revisions, If-Match, and an off switch."""

from __future__ import annotations

import threading

from app.errors import RelayUnreachable, RevisionConflict
from app.wire import Automations


class FakeAutomationsRelay:
    """Behaves like GET/PUT /v1/automations: a PUT with a stale If-Match is refused (412)."""

    def __init__(self, doc: Automations | None = None) -> None:
        self.doc = doc or Automations(revision=1)
        self.up = True
        self.puts = 0
        self._lock = threading.Lock()

    def get_automations(self) -> Automations:
        if not self.up:
            raise RelayUnreachable("relay down")
        with self._lock:
            return self.doc.model_copy(deep=True)

    def put_automations(self, doc: Automations, *, if_match: int) -> Automations:
        if not self.up:
            raise RelayUnreachable("relay down")
        with self._lock:
            if if_match != self.doc.revision:
                raise RevisionConflict()
            self.puts += 1
            self.doc = doc.model_copy(update={"revision": self.doc.revision + 1}, deep=True)
            return self.doc.model_copy(deep=True)

    def change_elsewhere(self, doc: Automations) -> None:
        """Another desktop saved `doc`: the relay's revision moves on."""
        with self._lock:
            self.doc = doc.model_copy(update={"revision": self.doc.revision + 1}, deep=True)
