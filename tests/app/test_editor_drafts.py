"""Editors' unsaved forms kept in the inbox file: read back by another process, left out when unreadable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from app.automation_drafts import unsaved_rules
from app.automations_parts import AutomationsPart
from app.editor_drafts import forget_editor_draft, keep_editor_draft, read_editor_draft
from app.quick_reply_drafts import unsaved_quick_reply

KEEP_THEN_DIE = """
import os, sys
from pathlib import Path
from app.automation_drafts import keep_rules_draft
from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsStore
from app.db import Database

db = Database.open(Path(sys.argv[1]))
saved = AutomationsStore(db).state().doc
away = saved.away.model_copy(update={"text": "Closed until Monday"})
keep_rules_draft(db, AutomationsPart.AWAY, saved.model_copy(update={"away": away}))
os._exit(9)  # no close, no clean-up: the battery died
"""


def test_an_away_message_kept_by_a_process_that_died_is_read_by_the_next(db: Any, db_path: Path) -> None:
    died = subprocess.run(
        [sys.executable, "-c", KEEP_THEN_DIE, str(db_path)], capture_output=True, text=True, timeout=60
    )
    assert died.returncode == 9, died.stderr
    (kept,) = unsaved_rules(db)
    assert (kept.part, kept.doc.away.text) == (AutomationsPart.AWAY, "Closed until Monday")


def test_a_kept_form_this_version_cannot_read_is_left_out(db: Any) -> None:
    keep_editor_draft(db, "automations:away", {"away": {"schedule": "on the moon"}})
    keep_editor_draft(db, "quick_reply", {"reply_id": "seven"})
    assert unsaved_rules(db) == [] and unsaved_quick_reply(db) is None


def test_forgetting_a_form_leaves_the_other_editors_forms(db: Any) -> None:
    keep_editor_draft(db, "quick_reply", {"x": 1})
    keep_editor_draft(db, "catalog_item", {"y": 2})
    forget_editor_draft(db, "quick_reply")
    assert read_editor_draft(db, "quick_reply") is None
    kept = read_editor_draft(db, "catalog_item")
    assert kept is not None and kept.content == {"y": 2}
