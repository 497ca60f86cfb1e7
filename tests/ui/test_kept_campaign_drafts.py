"""A campaign typed and not saved as a draft survives a crash: kept while she types, offered above
the campaigns at the next opening, forgotten once saved or discarded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMessageBox

from app.campaign_drafts import keep_campaign_draft, unsaved_campaign
from app.campaign_store import CampaignDraft, load_draft, save_draft
from app.db import Database
from app.paths import paths_for
from tests.support.campaign_window import choose_template, open_window, seed
from tests.support.computer_zone import computer_zone, needs_tzset
from ui.context import AppContext
from ui.draft_keeper import KEEP_AFTER_MS
from ui.formatting import clock_time
from ui.ops import pending_ops
from ui.time_zones import zone_name


@pytest.fixture
def next_start(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """The app started again on the same file: a database opened afresh, as after a crash."""
    database = Database.open(db_path)
    yield AppContext(db=database, paths=paths_for(tmp_path / "data"))
    database.close()


def opened(qtbot: Any, ctx: Any) -> Any:
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    return window


def offered(window: Any) -> bool:
    return window.kept_strip is not None and window.kept_strip.isVisibleTo(window)


def kept_name(db_path: Path) -> str | None:
    fresh = Database.open(db_path)  # what another process finds in the file now
    try:
        kept = unsaved_campaign(fresh)
        return kept.draft.name if kept else None
    finally:
        fresh.close()


def test_a_new_campaign_typed_and_never_saved_comes_back_after_a_crash(
    qtbot: Any, ctx: Any, next_start: AppContext, db_path: Path
) -> None:
    seed(ctx)
    window = opened(qtbot, ctx)
    assert not offered(window)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    choose_template(window.editor, "winter_sale_ok")
    qtbot.waitUntil(lambda: kept_name(db_path) == "Winter sale", timeout=KEEP_AFTER_MS + 5000)
    again = opened(qtbot, next_start)  # the crash: the first window never closed
    assert offered(again)
    assert again.kept_strip.text.text().startswith("You have an unsaved campaign “Winter sale” from ")
    again.kept_strip.restore_button.click()
    editor = again.editor
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "Winter sale", timeout=5000)
    template = editor.current_template()
    assert template is not None and template.name == "winter_sale_ok"
    assert again.current_id is None and again.has_unsaved_edits()
    assert again.list_model.rowCount() == 0  # restored, not saved


def test_a_saved_drafts_kept_changes_come_back_over_it_and_saving_forgets_them(
    qtbot: Any, ctx: Any, next_start: AppContext
) -> None:
    seed(ctx)
    with ctx.db.write() as session:
        campaign_id = save_draft(session, CampaignDraft(name="Winter sale"))
    keep_campaign_draft(ctx.db, campaign_id, CampaignDraft(name="Winter sale — last days"))
    window = opened(qtbot, ctx)
    assert offered(window)
    window.kept_strip.restore_button.click()
    editor = window.editor
    qtbot.waitUntil(
        lambda: editor.is_loaded() and editor.name.text() == "Winter sale — last days", timeout=5000
    )
    assert window.current_id == campaign_id and window.has_unsaved_edits()
    editor.save_button.click()
    qtbot.waitUntil(lambda: not window.has_unsaved_edits() and pending_ops() == 0, timeout=5000)
    with ctx.db.read() as session:
        saved = load_draft(session, campaign_id)
    assert saved is not None and saved.name == "Winter sale — last days"
    assert unsaved_campaign(ctx.db) is None
    assert not offered(opened(qtbot, next_start))


def test_a_kept_campaign_equal_to_the_saved_draft_is_not_offered(qtbot: Any, ctx: Any) -> None:
    with ctx.db.write() as session:
        campaign_id = save_draft(session, CampaignDraft(name="Winter sale"))
    keep_campaign_draft(ctx.db, campaign_id, CampaignDraft(name="Winter  sale "))
    assert unsaved_campaign(ctx.db) is None
    assert not offered(opened(qtbot, ctx))


def test_discard_on_closing_forgets_the_kept_campaign(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    seed(ctx)
    window = opened(qtbot, ctx)
    qtbot.keyClicks(window.editor.name, "Spring sale")
    window.keeper.keep_now()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_campaign(ctx.db) is not None
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    window.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_campaign(ctx.db) is None


def test_the_offer_above_the_chats_opens_the_campaigns_with_the_words(qtbot: Any, ctx: Any) -> None:
    from ui.kept_edits_notice import CAMPAIGNS, KeptEditsNotice

    seed(ctx)
    keep_campaign_draft(ctx.db, None, CampaignDraft(name="Spring sale"))
    notice = KeptEditsNotice(ctx)
    qtbot.addWidget(notice)
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
    assert notice.text.text().startswith("You have an unsaved campaign “Spring sale” from ")
    with qtbot.waitSignal(notice.window_requested) as asked:
        notice.restore_button.click()
    assert asked.args == [CAMPAIGNS]
    window = opened(qtbot, ctx)  # what ui/menus.py does with it
    window.read_kept(restore=True)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "Spring sale", timeout=5000)
    assert window.has_unsaved_edits() and not offered(window)
    qtbot.waitUntil(lambda: not notice.isVisible() and pending_ops() == 0, timeout=5000)


@needs_tzset
def test_the_kept_campaigns_time_is_on_the_shops_clock_as_the_list_beside_it(qtbot: Any, ctx: Any) -> None:
    """A laptop on UTC, a shop in Seoul: the campaigns' window says every time on Seoul's clock,
    named, so its offer does too (it read "오늘 오후 2:27" over a list reading "오후 11:17 (한국 시간)");
    above the chats, whose times are this computer's, the offer says this computer's time."""
    from ui.kept_edits_notice import KeptEditsNotice

    seed(ctx)
    keep_campaign_draft(ctx.db, None, CampaignDraft(name="Spring sale"))
    kept = unsaved_campaign(ctx.db)
    assert kept is not None
    seoul = ZoneInfo("Asia/Seoul")
    with computer_zone("UTC"):
        window = opened(qtbot, ctx)
        assert offered(window)
        sentence = window.kept_strip.text.text()
        assert f"{clock_time(kept.at, seoul)} today ({zone_name('Asia/Seoul')})" in sentence, sentence
        notice = KeptEditsNotice(ctx)
        qtbot.addWidget(notice)
        notice.refresh()
        qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
        above_chats = notice.text.text()
        assert clock_time(kept.at) in above_chats and zone_name("Asia/Seoul") not in above_chats, above_chats
