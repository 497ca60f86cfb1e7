"""The greeting, away, hours and profile editors: round-trip to the database, relay status, conflicts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.paths import paths_for
from app.wire import Automations, DayHours, GreetingRule, TimeRange
from tests.support.automations_fake import FakeAutomationsRelay
from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.window_waits import laid_out
from ui.business_hours_editor import BusinessHoursEditor
from ui.business_profile_editor import BusinessProfileEditor
from ui.context import AppContext
from ui.formatting import WORD_JOINER, plain_text
from ui.time_zones import system_timezone

# Sunday 2026-11-29 14:00 in Seoul (05:00 UTC): the demo shop is closed on Sundays.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 5, 0, tzinfo=UTC)
# Monday 2026-11-30 11:00 in Seoul (02:00 UTC): open.
MONDAY_MORNING = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    store = AutomationsStore(ctx.db)
    store.apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


def wait_sent(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)


def opened(qtbot, editor):  # type: ignore[no-untyped-def]
    """Show an editor once its stored document arrived (it is read in an op)."""
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


def settle(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    """Wait until a save (two ops) and any push to the relay delivered."""
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)


# --------------------------------------------------------------------------- business hours


def choose_zone_by_city(qtbot, box, typed: str) -> None:
    """Type part of a city's name into the time zone box and take the first suggestion."""
    from PySide6.QtCore import Qt

    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_hours_editor_round_trips_ranges_all_day_and_zone(qtbot, ctx: AppContext) -> None:
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    choose_zone_by_city(qtbot, editor.timezone, "seoul")  # any part, any case
    assert editor.timezone.currentText() == "(UTC+09:00) Seoul — Korean Time"
    monday = editor.week.days[0]
    monday.set_value(demo_automations("ko").business_hours.week[0])  # 10–13 and 14–19
    editor.week.days[5].mode.setCurrentIndex(editor.week.days[5].mode.findData("all_day"))
    editor.week.days[6].mode.setCurrentIndex(editor.week.days[6].mode.findData("closed"))
    editor.save()
    settle(qtbot, editor)
    hours = AutomationsStore(ctx.db).state().doc.business_hours
    assert hours.timezone == "Asia/Seoul"
    assert [(r.start, r.end) for r in hours.week[0].ranges] == [("10:00", "13:00"), ("14:00", "19:00")]
    assert hours.week[5].mode == "all_day" and hours.week[6].mode == "closed"
    assert editor.summary.text().endswith("Sun closed · Korean Time")
    # Opening it again shows what was saved.
    again = opened(qtbot, BusinessHoursEditor(ctx))
    assert again.week.value() == hours.week and again.timezone.zone() == "Asia/Seoul"
    assert again.timezone.currentText() == "(UTC+09:00) Seoul — Korean Time"


def test_the_hours_editor_opens_with_the_keyboard_on_mondays_hours_not_the_time_zone(
    qtbot, ctx: AppContext
) -> None:
    """It opened in the time zone's box: a key typed at once started rewriting the shop's zone."""
    editor = BusinessHoursEditor(ctx)
    editor.show()
    editor = opened(qtbot, editor)
    qtbot.waitUntil(lambda: editor.focusWidget() is not None)
    focus = editor.focusWidget()
    assert editor.week.days[0].isAncestorOf(focus), focus
    assert not editor.timezone.isAncestorOf(focus) and focus is not editor.timezone
    zone = editor.timezone.currentText()
    qtbot.keyClicks(focus, "c")  # what a stray key does now, it does to Monday, not to the zone
    assert editor.timezone.currentText() == zone


def test_the_time_zone_list_names_cities_in_korean_and_an_id_typed_whole_is_taken(
    qtbot, ctx: AppContext
) -> None:
    """A Korean owner found 서울 among 600 ids from Africa/Abidjan on; now it is listed by city."""
    from ui.time_zones import zone_choices, zone_label, zone_name

    korean = dict(zone_choices("ko_KR"))
    assert korean["(UTC+09:00) 서울 — 한국 시간"] == "Asia/Seoul"
    assert zone_name("Asia/Seoul", "ko_KR") == "한국 시간"
    assert zone_name("UTC", "ko_KR") == "UTC"  # not babel's "unknown region"
    assert len(korean) > 400 and "US/Eastern" not in korean.values()  # one entry per place
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    editor.timezone.setCurrentText("America/New_York")  # pasted from somewhere
    assert editor.timezone.zone() == "America/New_York"
    editor.timezone.set_zone("US/Eastern")  # an old alias a relay may still hold is shown, not lost
    assert editor.timezone.zone() == "US/Eastern"
    assert editor.timezone.currentText() == f"{zone_label('US/Eastern')} · US/Eastern"


def test_a_range_ending_at_midnight_is_stored_as_24_00(qtbot, ctx: AppContext) -> None:
    from PySide6.QtCore import QTime

    editor = opened(qtbot, BusinessHoursEditor(ctx))
    friday = editor.week.days[4]
    friday.rows[0].start.setTime(QTime(18, 0))
    friday.rows[0].end.setTime(QTime(0, 0))
    editor.save()
    settle(qtbot, editor)
    (only,) = AutomationsStore(ctx.db).state().doc.business_hours.week[4].ranges
    assert (only.start, only.end) == ("18:00", "24:00")


def test_a_shop_that_never_set_hours_gets_this_computers_time_zone_when_it_is_the_countrys(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    ctx.shop_region = "DE"
    monkeypatch.setattr("ui.time_zones.system_timezone", lambda: "Europe/Berlin")
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    assert editor.timezone.zone() == "Europe/Berlin"
    assert "Berlin" in editor.timezone.currentText()
    assert system_timezone()  # a real zone name on this machine too


@pytest.mark.parametrize("computer", ["UTC", "America/New_York"])
def test_a_korean_shop_on_a_computer_set_to_another_zone_gets_seoul(
    qtbot, ctx: AppContext, monkeypatch, computer: str
) -> None:
    """A laptop left on UTC (or bought abroad) put a Korean shop's hours nine (or fourteen) hours
    off: the shop's country wins when the computer's zone is not one of its own."""
    ctx.shop_region = "KR"
    monkeypatch.setattr("ui.time_zones.system_timezone", lambda: computer)
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    assert editor.timezone.zone() == "Asia/Seoul"
    shown = editor.summary.text()
    assert "UTC" not in shown  # the summary under the box says the zone the box shows
    editor.save()
    settle(qtbot, editor)
    saved = AutomationsStore(ctx.db).state().doc.business_hours
    assert saved.timezone == "Asia/Seoul"
    assert shown == editor.tr("Open: {0}").format(editor.summaries.hours(saved))


def test_an_american_shop_keeps_its_computers_own_american_zone(qtbot, ctx: AppContext, monkeypatch) -> None:
    """Chicago is one of the country's zones: never second-guessed for New York, its main one."""
    ctx.shop_region = "US"
    monkeypatch.setattr("ui.time_zones.system_timezone", lambda: "America/Chicago")
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    assert editor.timezone.zone() == "America/Chicago"


def test_an_unknown_time_zone_is_refused(qtbot, ctx: AppContext) -> None:
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    editor.timezone.setCurrentText("Mars/Olympus")
    assert "Mars" not in editor.summary.text()  # the summary keeps the last zone chosen
    editor.save()
    settle(qtbot, editor)
    assert editor.error.text() == "Choose a time zone from the list: type its city, like Seoul."
    assert AutomationsStore(ctx.db).state().status is SyncStatus.SYNCED  # nothing saved


# --------------------------------------------------------------------------- profile


def test_profile_editor_saves_and_refuses_a_bad_email(qtbot, ctx: AppContext) -> None:
    editor = opened(qtbot, BusinessProfileEditor(ctx))
    editor.name.setText("서울 리넨 하우스")
    editor.email.setText("not-an-email")
    editor.save()
    settle(qtbot, editor)
    assert "email" in editor.error.text()
    assert AutomationsStore(ctx.db).state().doc.profile.name == ""
    editor.email.setText("hello@seoullinen.example")
    editor.websites.setPlainText("https://seoullinen.example\n")
    editor.save()
    settle(qtbot, editor)
    profile = AutomationsStore(ctx.db).state().doc.profile
    assert (profile.name, profile.email, profile.websites) == (
        "서울 리넨 하우스",
        "hello@seoullinen.example",
        ["https://seoullinen.example"],
    )
    assert "서울 리넨 하우스" in editor.summary.text()


def test_a_new_shop_without_a_name_is_told_its_name_field_stays_empty(
    qtbot, ctx: AppContext, korean: None
) -> None:
    """A new shop's profile said 고객에게 “…”(으)로 보이고: a name cut off, or a glitch?"""
    editor = opened(qtbot, BusinessProfileEditor(ctx))
    assert (
        editor.summary.text()
        == "가게 이름을 아직 정하지 않아서 빠른 답장과 자동 메시지의 {가게 이름} 자리가 비어 있어요."
    )
    qtbot.keyClicks(editor.name, "Seoul Linen")
    assert editor.summary.text().startswith("고객에게 “Seoul Linen”으로 보이고")


def test_the_profile_editor_opens_in_its_first_field_and_enter_saves(qtbot, ctx: AppContext) -> None:
    """The banner's "Send now" (the relay is not reached here) was the first button: the focus sat on
    it, and Enter in a field pressed it instead of saving the typed name."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    editor = BusinessProfileEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.name, timeout=3000)
    editor.name.setText("서울 리넨 하우스")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    settle(qtbot, editor)
    assert AutomationsStore(ctx.db).state().doc.profile.name == "서울 리넨 하우스"


def test_ctrl_s_saves_the_editor_as_its_save_button_does(qtbot, ctx: AppContext) -> None:
    """Ctrl+S, the key every editor she knows saves with, did nothing: the edits stayed unsaved."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    editor = BusinessProfileEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.description.setFocus()  # a text box: Ctrl+S is not taken by it
    editor.name.setText("하늘 꽃집")
    QTest.keySequence(editor.description, QKeySequence(QKeySequence.StandardKey.Save))
    settle(qtbot, editor)
    assert AutomationsStore(ctx.db).state().doc.profile.name == "하늘 꽃집"


def test_saving_one_editor_keeps_what_another_editor_saved_meanwhile(qtbot, demo_ctx: AppContext) -> None:
    hours = opened(qtbot, BusinessHoursEditor(demo_ctx))
    store = AutomationsStore(demo_ctx.db)
    doc = store.state().doc
    store.save(doc.model_copy(update={"greeting": GreetingRule(enabled=True, text="새 인사말")}))
    hours.save()
    settle(qtbot, hours)
    assert store.state().doc.greeting.text == "새 인사말"


# --------------------------------------------------------------------------- relay status and conflicts


def test_banner_says_not_yet_on_the_relay_until_the_relay_is_back(qtbot, demo_ctx: AppContext) -> None:
    relay = FakeAutomationsRelay(AutomationsStore(demo_ctx.db).state().doc)
    relay.up = False
    editor = opened(qtbot, BusinessProfileEditor(demo_ctx, client_provider=lambda: relay))
    editor.about.setText("리넨 옷 🌿 새 시즌")
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.PENDING
    assert editor.banner.message.text().startswith("Not yet on the relay")
    assert editor.banner.retry_button.isVisibleTo(editor)
    relay.up = True
    editor.banner.retry_button.click()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.SYNCED
    assert relay.doc.profile.about == "리넨 옷 🌿 새 시즌"
    assert editor.banner.message.text().startswith("On the relay")


def test_the_form_does_not_jump_down_when_the_banner_says_the_edits_are_not_saved(
    qtbot, demo_ctx: AppContext
) -> None:
    """The one-line "On the relay" became two lines of "not saved yet" at her first key: the whole
    form moved down under the mouse, and her click for a {field} button landed between buttons."""
    from PySide6.QtCore import QPoint

    relay = FakeAutomationsRelay(AutomationsStore(demo_ctx.db).state().doc)
    editor = opened(qtbot, BusinessProfileEditor(demo_ctx, client_provider=lambda: relay))
    editor.resize(520, editor.height())
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.banner.message.text().startswith("On the relay")
    top = editor.form.mapTo(editor, QPoint(0, 0)).y()
    editor.about.setText("리넨 옷 🌿 새 시즌")
    qtbot.waitUntil(
        lambda: editor.banner.message.text().startswith("Your changes are not saved"), timeout=3000
    )
    message = editor.banner.message
    assert message.heightForWidth(message.width()) > message.fontMetrics().lineSpacing()  # two lines
    editor.layout().activate()  # laid out as the next paint would
    assert editor.form.mapTo(editor, QPoint(0, 0)).y() == top


def test_a_waiting_change_is_pushed_when_an_editor_opens_with_the_relay_back(
    qtbot, demo_ctx: AppContext
) -> None:
    store = AutomationsStore(demo_ctx.db)
    relay = FakeAutomationsRelay(store.state().doc)
    doc = store.state().doc
    store.save(doc.model_copy(update={"greeting": GreetingRule(enabled=True, text="offline")}))
    editor = opened(qtbot, BusinessHoursEditor(demo_ctx, client_provider=lambda: relay))
    wait_sent(qtbot, editor)
    assert relay.doc.greeting.text == "offline" and store.state().status is SyncStatus.SYNCED


def test_conflict_shows_both_versions_and_the_owner_keeps_theirs(qtbot, demo_ctx: AppContext) -> None:
    store = AutomationsStore(demo_ctx.db)
    relay = FakeAutomationsRelay(store.state().doc)
    relay.change_elsewhere(
        relay.doc.model_copy(update={"profile": relay.doc.profile.model_copy(update={"name": "다른 가게"})})
    )
    editor = opened(qtbot, BusinessProfileEditor(demo_ctx, client_provider=lambda: relay))
    editor.name.setText("서울 리넨 하우스 성수점")
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.CONFLICT
    assert "서울 리넨 하우스 성수점" in editor.banner.mine.text()
    assert "다른 가게" in editor.banner.theirs.text()
    assert editor.banner.keep_button.isVisibleTo(editor)
    editor.banner.theirs_button.click()
    wait_sent(qtbot, editor)
    assert editor.name.text() == "다른 가게"  # the form now shows what the relay holds
    assert store.state().status is SyncStatus.SYNCED and relay.doc.profile.name == "다른 가게"


def test_conflict_keep_mine_pushes_over_the_other_version(qtbot, demo_ctx: AppContext) -> None:
    store = AutomationsStore(demo_ctx.db)
    relay = FakeAutomationsRelay(store.state().doc)
    relay.change_elsewhere(Automations())
    editor = opened(qtbot, BusinessProfileEditor(demo_ctx, client_provider=lambda: relay))
    editor.name.setText("내 가게")
    editor.save()
    wait_sent(qtbot, editor)
    editor.banner.keep_button.click()
    wait_sent(qtbot, editor)
    assert relay.doc.profile.name == "내 가게" and store.state().status is SyncStatus.SYNCED


# --------------------------------------------------------------------------- greeting and away


def test_greeting_editor_round_trips_text_silence_and_recipients(qtbot, ctx: AppContext, english) -> None:
    from tests.support.factories import make_contact
    from ui.greeting_editor import GreetingEditor

    with ctx.db.write() as s:
        regular = make_contact(s, wa_id="821011112222", saved_name="박단골")
    editor = opened(qtbot, GreetingEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("안녕하세요 {name}님! {shop}입니다.")
    editor.silence.setValue(14)
    editor.recipients.mode.setCurrentIndex(editor.recipients.mode.findData("except"))
    editor.recipients.add_wa_ids([regular.wa_id])
    assert editor.summary.text() == (
        "Sent when a customer writes for the first time or after 14 days of silence. "
        "To everyone except 1 contact."
    )
    assert editor.recipients.model.item(0).text() == "010-1111-2222"  # at once; the name follows
    qtbot.waitUntil(lambda: "박단골" in editor.recipients.model.item(0).text())
    editor.save()
    settle(qtbot, editor)
    greeting = AutomationsStore(ctx.db).state().doc.greeting
    assert greeting.enabled and greeting.text == "안녕하세요 {name}님! {shop}입니다."
    assert (greeting.silence_days, greeting.recipients.mode, greeting.recipients.wa_ids) == (
        14,
        "except",
        ["821011112222"],
    )
    again = opened(qtbot, GreetingEditor(ctx))
    assert again.recipients.wa_ids() == ["821011112222"] and again.text.toPlainText() == greeting.text


def test_the_away_message_in_another_language_is_saved_and_a_field_goes_where_the_owner_types(
    qtbot, ctx: AppContext
) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("지금은 영업시간이 아니에요.")
    editor.other_text.setPlainText("Thanks, ")
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    editor.other_text.setFocus()
    editor.other_text.moveCursor(editor.other_text.textCursor().MoveOperation.End)
    qtbot.waitUntil(editor.other_text.hasFocus)
    first_name = next(b for b in editor.findChildren(QPushButton) if b.toolTip() == "{first_name}")
    first_name.click()  # into the text the owner was typing in, not the first one
    assert editor.other_text.toPlainText() == "Thanks, {first_name}"
    editor.other_text.setPlainText("Thanks, {first_name}! We're closed now.")
    editor.save()
    settle(qtbot, editor)
    away = AutomationsStore(ctx.db).state().doc.away
    assert (away.text, away.text_other_language) == (
        "지금은 영업시간이 아니에요.",
        "Thanks, {first_name}! We're closed now.",
    )
    again = opened(qtbot, AwayEditor(ctx))
    assert again.other_text.toPlainText() == away.text_other_language


def test_the_preview_shows_what_a_customer_writing_in_another_language_gets(qtbot, ctx: AppContext) -> None:
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("안녕하세요 {name}님!")
    other = editor.preview.other_language
    assert other.isHidden()  # no text in another language: nothing more to show
    editor.other_text.setPlainText("Hello {first_name}!")
    qtbot.waitUntil(lambda: not other.isHidden())
    assert other.text() == "A new customer who writes in another language:\n[greeting] Hello Emma!"
    assert "[greeting] 안녕하세요 Minji Kim님!" in editor.preview.new_customer.text()


def test_a_misspelt_field_is_named_under_the_message_as_what_the_customer_gets_as_typed(
    qtbot, ctx: AppContext
) -> None:
    """A bakery owner typed "{고객명}" for the customer's name: it was saved without a word, and every
    new customer was greeted "안녕하세요 {고객명}님"."""
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("안녕하세요 {고객명}님! {가게 이름}입니다 🥐 {bank}")
    editor.other_text.setPlainText("Hi {nmae}! {고객명}")
    assert editor.field_note.isVisibleTo(editor)
    assert editor.field_note.text() == (
        "No field fills “{고객명}”, “{nmae}”: customers get it as written. Put fields in with the buttons above."
    )
    assert "{고객명}님" in editor.preview.new_customer.text()  # the preview says the same
    editor.text.setPlainText("안녕하세요 {고객 이름}님! {이름}님")  # a field, and its other spelling
    editor.other_text.setPlainText("Hi {first_name}!")
    assert not editor.field_note.isVisibleTo(editor)


def test_a_misspelt_field_is_named_in_korean(qtbot, ctx: AppContext, korean) -> None:
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("{고객명}님, 지금은 쉬는 시간이에요.")
    assert editor.field_note.text() == (
        "“{고객명}”에는 아무것도 채워지지 않아 고객에게 적힌 그대로 가요. 항목은 위의 버튼으로 넣어 주세요."
    )


def test_an_enabled_greeting_needs_text(qtbot, ctx: AppContext) -> None:
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx))
    editor.enabled.setChecked(True)
    editor.text.clear()  # the example put in by the switch, removed by hand
    assert editor.text.placeholderText().startswith("For example: ")  # not read as the message
    editor.save()
    settle(qtbot, editor)
    assert editor.error.text() == "Write the message, or switch it off."
    assert not AutomationsStore(ctx.db).state().doc.greeting.enabled
    # The red line follows the edits: gone once there is a message (it stayed until the next Save).
    editor.other_text.setPlainText("Hello!")
    assert editor.error.text() == "Write the message, or switch it off." and not editor.error.isHidden()
    editor.text.setPlainText("안녕하세요!")
    assert editor.error.isHidden()


def test_only_the_away_message_is_saved_shown_again_and_previewed(qtbot, demo_ctx: AppContext) -> None:
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(demo_ctx))
    editor.preview.clock = lambda: SUNDAY_AFTERNOON  # the demo shop is closed: both are due
    assert not editor.only_away.isChecked()  # off by default: the greeting, then the away message
    assert editor.only_away.isEnabled() and not editor.only_away_note.isVisibleTo(editor)
    editor.edited()
    new = editor.preview.new_customer.text()
    assert "[greeting]" in new and "[away message]" in new
    assert "away message goes alone" not in editor.summary.text()
    editor.only_away.setChecked(True)
    new = editor.preview.new_customer.text()
    assert "[greeting]" not in new and "[away message]" in new
    assert "Not while you are away: then the away message goes alone." in editor.summary.text()
    editor.save()
    settle(qtbot, editor)
    assert AutomationsStore(demo_ctx.db).state().doc.greeting.skip_when_away is True
    again = opened(qtbot, GreetingEditor(demo_ctx))
    assert again.only_away.isChecked() and not again.has_unsaved_edits()
    assert "Not while you are away" in again.summary.text()


def test_only_the_away_message_is_greyed_out_with_the_reason_while_the_away_message_is_off(
    qtbot, demo_ctx: AppContext
) -> None:
    from ui.greeting_editor import GreetingEditor

    store = AutomationsStore(demo_ctx.db)
    doc = store.state().doc
    store.save(
        doc.model_copy(
            update={
                "away": doc.away.model_copy(update={"enabled": False}),
                "greeting": doc.greeting.model_copy(update={"skip_when_away": True}),
            }
        )
    )
    editor = opened(qtbot, GreetingEditor(demo_ctx))
    assert editor.only_away.isChecked() and not editor.only_away.isEnabled()  # kept for later
    assert editor.only_away_note.isVisibleTo(editor)
    assert "away message is off" in editor.only_away.toolTip()
    assert "Not while you are away" not in editor.summary.text()  # it changes nothing now


def test_away_preview_on_a_closed_sunday_shows_the_away_message(qtbot, demo_ctx: AppContext) -> None:
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.preview.clock = lambda: SUNDAY_AFTERNOON
    editor.text.setPlainText("{name}님, 오늘은 쉬는 날이에요. 내일 답장 드릴게요!")
    assert "If a customer wrote now" in editor.preview.title.text()
    assert ", Korean Time" in editor.preview.title.text()
    returning = editor.preview.returning.text()
    assert "Minji Kim님, 오늘은 쉬는 날이에요. 내일 답장 드릴게요!" in returning
    new = editor.preview.new_customer.text()
    assert "[greeting]" in new and "[away message]" in new


def test_on_a_laptop_seven_minutes_slow_the_preview_says_what_the_relay_does_now(
    qtbot, ctx: AppContext
) -> None:
    """The shop opened 4 minutes ago by the relay's (WhatsApp's) clock, 3 minutes from now by the
    laptop's: a returning customer writing now gets nothing automatic, as the relay decides."""
    from datetime import timedelta
    from email.utils import formatdate

    from app import relay_clock
    from ui.away_editor import AwayEditor

    laptop_now = datetime.now(UTC)
    opens = (laptop_now + timedelta(minutes=3)).replace(second=0, microsecond=0)
    closes = opens + timedelta(hours=6)
    day = DayHours(mode="open", ranges=[TimeRange(start=f"{opens:%H:%M}", end=f"{closes:%H:%M}")])
    doc = Automations(revision=1)
    doc.business_hours.timezone = "UTC"
    doc.business_hours.week = [day.model_copy() for _ in range(7)]
    doc.away.enabled, doc.away.text = True, "We're closed now."
    AutomationsStore(ctx.db).apply_remote(doc)
    relay_clock.observe(formatdate((laptop_now + timedelta(minutes=7)).timestamp(), usegmt=True))
    editor = opened(qtbot, AwayEditor(ctx))
    editor.edited()
    assert "nothing automatic" in editor.preview.returning.text()


def test_away_preview_while_open_shows_nothing_for_a_returning_customer(qtbot, demo_ctx: AppContext) -> None:
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.preview.clock = lambda: MONDAY_MORNING
    editor.edited()
    assert "nothing automatic" in editor.preview.returning.text()
    # Switching the schedule to "always" changes the preview at once, before saving.
    editor.schedule.button(0).setChecked(True)
    assert "[away message]" in editor.preview.returning.text()
    # What "always" does, without "each time you are away" (an away time "always" never ends).
    summary = editor.summary.text()
    assert summary.startswith("Sent at any hour when a customer writes: once to each customer")
    assert "each time you are away" not in summary


def test_away_editor_round_trips_a_custom_weekly_schedule(qtbot, demo_ctx: AppContext) -> None:
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.schedule.button(1).setChecked(True)
    assert editor.custom.isVisibleTo(editor)
    saturday = editor.custom.days[5]
    saturday.mode.setCurrentIndex(saturday.mode.findData("all_day"))
    editor.save()
    settle(qtbot, editor)
    away = AutomationsStore(demo_ctx.db).state().doc.away
    assert away.schedule == "custom" and away.custom[5].mode == "all_day"
    assert away.custom[0].mode == "closed"


def test_away_hours_that_run_past_midnight_say_they_end_the_next_day(qtbot, demo_ctx: AppContext) -> None:
    """A Berlin owner's "Mon 19:00–09:00" runs into Tuesday morning, as the relay counts it; said as
    Monday's hours alone, she took it for Monday's early morning too, and left Monday's nights
    before 9:00 without an away message."""
    from PySide6.QtCore import QTime

    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.schedule.button(1).setChecked(True)
    monday = editor.custom.days[0]
    monday.mode.setCurrentIndex(monday.mode.findData("open"))
    (hours,) = monday.rows
    hours.start.setTime(QTime(9, 0))
    hours.end.setTime(QTime(18, 0))
    assert not hours.next_day.isVisibleTo(editor)
    assert "next day" not in editor.summary.text()

    hours.start.setTime(QTime(19, 0))
    hours.end.setTime(QTime(9, 0))
    assert hours.next_day.isVisibleTo(editor)
    qtbot.waitUntil(
        lambda: (
            "7:00\N{NARROW NO-BREAK SPACE}PM–9:00\N{NARROW NO-BREAK SPACE}AM (next day)"
            in editor.summary.text().replace(WORD_JOINER, "")  # (the range kept on one line)
        ),
        timeout=2000,
    )

    hours.end.setTime(QTime(0, 0))  # until midnight: the day's end, not the next day
    assert not hours.next_day.isVisibleTo(editor)


@needs_tzset
def test_an_owner_abroad_is_told_her_away_hours_are_on_the_shops_clock(qtbot, demo_ctx: AppContext) -> None:
    """In Los Angeles, the Seoul shop's owner typed "19:00" for her away hours on her laptop's clock;
    the relay keeps them on Seoul's. Under the weekly hours: whose clock they are on."""
    from ui.away_editor import SCHEDULES, AwayEditor

    with computer_zone("America/Los_Angeles"):
        editor = opened(qtbot, AwayEditor(demo_ctx))
        editor.schedule.button(SCHEDULES.index("custom")).setChecked(True)
        assert editor.zone_note.isVisibleTo(editor)
        assert editor.zone_note.text() == "Times on the shop's clock (Korean Time), as in Business hours."
        editor.schedule.button(SCHEDULES.index("outside_hours")).setChecked(True)
        assert not editor.zone_note.isVisibleTo(editor)

    with computer_zone("Asia/Seoul"):  # at home, the two clocks agree: nothing to say
        at_home = opened(qtbot, AwayEditor(demo_ctx))
        at_home.schedule.button(SCHEDULES.index("custom")).setChecked(True)
        assert not at_home.zone_note.isVisibleTo(at_home)


# --------------------------------------------------------------------------- against the real relay


@pytest.fixture
def real_relay(tmp_path: Path):
    from app.relay_client import RelayClient
    from tests.support.fake_graph import run_fake_graph
    from tests.support.relay_server import run_relay

    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        client = RelayClient(relay.url, relay.token, timeout=5)
        yield relay, graph, client
        client.close()


def test_what_the_away_preview_promises_is_what_the_relay_sends(qtbot, ctx: AppContext, real_relay) -> None:
    from tests.support.relay_server import inbound
    from ui.away_editor import AwayEditor

    relay, graph, client = real_relay
    store = AutomationsStore(ctx.db)
    store.pull(client)
    store.save(demo_automations("ko"))
    assert store.push(client).value == "pushed"
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: client))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("{name}님, 지금은 자리를 비웠어요. 곧 답장 드릴게요!")
    editor.schedule.button(0).setChecked(True)  # always
    editor.recipients.mode.setCurrentIndex(0)
    promised = editor.preview.new_customer.text()  # a first message: greeting, then away
    assert "Minji Kim님, 지금은 자리를 비웠어요. 곧 답장 드릴게요!" in promised
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.SYNCED
    assert editor.banner.message.text().startswith("On the relay")

    relay.post_webhook(inbound("text", "계세요?", sender="821011112222", name="Minji Kim"))
    # Two settings changes, the message, then the greeting and the away reply.
    events = relay.wait_for_events(5)
    sent = [(e["sent_by"], e["body"]["text"]["body"]) for e in events if e["kind"] == "outbound"]
    assert [kind for kind, _text in sent] == ["greeting", "away"]
    for _kind, text in sent:
        assert text in promised
    assert len(graph.sent) == 2


def test_a_change_made_while_the_relay_was_down_reaches_it_from_the_editor(
    qtbot, ctx: AppContext, real_relay
) -> None:

    relay, _graph, client = real_relay
    AutomationsStore(ctx.db).pull(client)
    relay.stop()
    editor = opened(qtbot, BusinessHoursEditor(ctx, client_provider=lambda: client))
    editor.timezone.setCurrentText("Asia/Seoul")
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.PENDING
    assert editor.banner.message.text().startswith("Not yet on the relay")
    relay.start()
    editor.banner.retry_button.click()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.SYNCED
    assert client.get_automations().business_hours.timezone == "Asia/Seoul"


def test_a_conflict_with_another_desktop_is_shown_through_the_real_relay(
    qtbot, ctx: AppContext, real_relay
) -> None:

    _relay, _graph, client = real_relay
    AutomationsStore(ctx.db).pull(client)
    # Another desktop renames the shop meanwhile.
    other = client.get_automations()
    client.put_automations(
        other.model_copy(update={"profile": other.profile.model_copy(update={"name": "성수 리넨"})}),
        if_match=other.revision,
    )
    editor = opened(qtbot, BusinessProfileEditor(ctx, client_provider=lambda: client))
    editor.name.setText("서울 리넨 하우스")
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.CONFLICT
    assert "성수 리넨" in editor.banner.theirs.text() and "서울 리넨 하우스" in editor.banner.mine.text()
    editor.banner.keep_button.click()
    wait_sent(qtbot, editor)
    assert client.get_automations().profile.name == "서울 리넨 하우스"


def conflicted_profile_editor(qtbot, ctx: AppContext, client) -> BusinessProfileEditor:  # type: ignore[no-untyped-def]
    """The profile editor with the relay's choice shown: another desktop renamed the shop to "성수 리넨"
    on the real relay while this one saved "서울 리넨 하우스"."""
    AutomationsStore(ctx.db).pull(client)
    other = client.get_automations()
    client.put_automations(
        other.model_copy(update={"profile": other.profile.model_copy(update={"name": "성수 리넨"})}),
        if_match=other.revision,
    )
    editor = opened(qtbot, BusinessProfileEditor(ctx, client_provider=lambda: client))
    editor.name.setText("서울 리넨 하우스")
    editor.save()
    wait_sent(qtbot, editor)
    assert editor.state.status is SyncStatus.CONFLICT
    return editor


def test_using_the_other_version_asks_before_it_throws_away_what_the_owner_typed(
    qtbot, ctx: AppContext, real_relay, dialogs
) -> None:
    """With the relay's choice shown, the owner went on typing, then clicked "Use the other version":
    the form showed the other computer's copy and what she typed was gone without a word."""
    from PySide6.QtWidgets import QMessageBox

    _relay, _graph, client = real_relay
    editor = conflicted_profile_editor(qtbot, ctx, client)
    editor.name.setText("서울 리넨 하우스 성수점")
    editor.about.setText("새 시즌 리넨")
    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    editor.banner.theirs_button.click()
    (shown,) = kept.shown
    assert "default &Keep editing" in shown.widget and "&Use the other version" in shown.widget
    assert "will be gone" in shown.text
    assert "Shop name: 서울 리넨 하우스 성수점" in shown.text and "About: 새 시즌 리넨" in shown.text
    wait_sent(qtbot, editor)
    assert editor.name.text() == "서울 리넨 하우스 성수점" and editor.about.text() == "새 시즌 리넨"
    assert editor.state.status is SyncStatus.CONFLICT and editor.banner.theirs_button.isVisibleTo(editor)
    assert client.get_automations().profile.name == "성수 리넨"

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    editor.banner.theirs_button.click()
    wait_sent(qtbot, editor)
    assert editor.name.text() == "성수 리넨" and not editor.has_unsaved_edits()
    assert editor.state.status is SyncStatus.SYNCED


def test_using_the_other_version_with_nothing_unsaved_asks_nothing(
    qtbot, ctx: AppContext, real_relay
) -> None:
    _relay, _graph, client = real_relay
    editor = conflicted_profile_editor(qtbot, ctx, client)
    editor.banner.theirs_button.click()  # an unexpected question fails the test
    wait_sent(qtbot, editor)
    assert editor.name.text() == "성수 리넨" and editor.state.status is SyncStatus.SYNCED


def test_keeping_mine_leaves_what_the_owner_typed_since_on_the_form_unsaved(
    qtbot, ctx: AppContext, real_relay
) -> None:
    """Keep mine sent the saved copy and put the form back to it: the words typed since were gone."""
    _relay, _graph, client = real_relay
    editor = conflicted_profile_editor(qtbot, ctx, client)
    editor.name.setText("서울 리넨 하우스 2호점")
    editor.banner.keep_button.click()
    wait_sent(qtbot, editor)
    assert client.get_automations().profile.name == "서울 리넨 하우스"
    assert editor.name.text() == "서울 리넨 하우스 2호점" and editor.has_unsaved_edits()
    assert editor.banner.message.text().startswith("Your changes are not saved yet")


def test_contact_picker_finds_by_korean_name_or_number(qtbot, ctx: AppContext) -> None:
    from tests.support.factories import make_contact
    from ui.automation_forms import ContactPickerDialog

    with ctx.db.write() as s:
        make_contact(s, wa_id="821011112222", saved_name="박단골")
        make_contact(s, wa_id="821033334444", profile_name="Emma")
    picker = ContactPickerDialog(ctx)
    qtbot.addWidget(picker)
    picker.search.setText("단골")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    assert picker.chosen() == ["821011112222"]
    picker.search.setText("3333")
    qtbot.waitUntil(lambda: picker.chosen() == ["821033334444"])
    # A number that is not in the inbox yet can still be listed.
    picker.search.setText("010-9999-8888")
    qtbot.waitUntil(lambda: picker.chosen() == ["821099998888"])


def test_a_day_opened_from_closed_starts_with_the_nearest_open_days_hours(
    qtbot, demo_ctx: AppContext
) -> None:
    editor = opened(qtbot, BusinessHoursEditor(demo_ctx))
    sunday, saturday = editor.week.days[6], editor.week.days[5]
    assert sunday.value().mode == "closed"
    assert [(r.start, r.end) for r in saturday.value().ranges] == [("11:00", "17:00")]
    sunday.mode.setCurrentIndex(sunday.mode.findData("open"))
    assert [(r.start, r.end) for r in sunday.value().ranges] == [("11:00", "17:00")]
    # A day closed and opened again gets its own hours back, not its neighbour's.
    monday, tuesday = editor.week.days[0], editor.week.days[1]
    tuesday.set_value(DayHours(mode="open", ranges=[TimeRange(start="12:00", end="20:00")]))
    monday.mode.setCurrentIndex(monday.mode.findData("closed"))
    monday.mode.setCurrentIndex(monday.mode.findData("open"))
    assert [(r.start, r.end) for r in monday.value().ranges] == [("10:00", "13:00"), ("14:00", "19:00")]


@pytest.mark.parametrize("locale", ["korean_locale", "english_locale"])
@pytest.mark.parametrize("how", ["click", "select all"])
@pytest.mark.parametrize("typed", ["08:00", "0800"])
def test_hours_typed_over_a_clicked_time_are_taken(
    qtbot, demo_ctx: AppContext, request, locale: str, how: str, typed: str
) -> None:
    """A bakery owner clicked Tuesday's "10:00" (or pressed Ctrl+A in it) and typed "08:00":
    nothing was taken, and the hours stayed 10:00 without a word."""
    from PySide6.QtCore import QPoint, QTime

    request.getfixturevalue(locale)
    editor = BusinessHoursEditor(demo_ctx)
    editor.show()
    editor = opened(qtbot, editor)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    opens = editor.week.days[1].rows[0].start
    assert opens.time() == QTime(10, 0)
    opens.setFocus()
    line = opens.lineEdit()
    if how == "click":
        x = line.contentsRect().left() + 4 + line.fontMetrics().horizontalAdvance("1")  # on the hour
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    else:
        line.selectAll()
    qtbot.keyClicks(opens, typed)
    assert opens.time() == QTime(8, 0), opens.text()
    editor.save()
    settle(qtbot, editor)
    tuesday = AutomationsStore(demo_ctx.db).state().doc.business_hours.week[1]
    assert tuesday.ranges[0].start == "08:00"


def test_with_no_relay_connected_the_editor_never_says_the_relay_has_it(
    qtbot, ctx: AppContext, real_relay
) -> None:
    """A shop that skipped setup read "On the relay: customers get what you see here" in green."""
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx))  # no relay set up: the app runs no sync engine
    assert editor.banner.message.text().startswith("Not connected to a relay: what you save here is kept")
    assert editor.banner.property("status") == "pending"  # amber, not green
    editor.enabled.setChecked(True)
    editor.text.setPlainText("안녕하세요 {name}님!")
    editor.save()
    settle(qtbot, editor)
    assert editor.saved_note.text() == "Saved on this computer. It goes to the relay once one is connected."
    assert not editor.banner.retry_button.isVisible()  # nothing to retry against
    # Once a relay is connected, the same editor says where the rules are.
    _relay, _graph, client = real_relay
    connected = opened(qtbot, GreetingEditor(ctx, client_provider=lambda: client))
    settle(qtbot, connected)
    assert connected.state.status is SyncStatus.SYNCED and client.get_automations().greeting.enabled
    assert connected.banner.message.text() == "On the relay: customers get what you see here."


def test_an_away_message_set_before_the_hours_were_ever_opened_runs_on_this_computers_zone(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    """A new Korean shop switched on "outside business hours" and saved: its hours went to the relay
    on UTC, the wire's default, and the away message answered during Seoul's opening hours."""
    from ui.away_editor import AwayEditor

    monkeypatch.setattr("ui.time_zones.system_timezone", lambda: "Asia/Seoul")
    editor = opened(qtbot, AwayEditor(ctx))
    assert ", Korean Time" in editor.preview.title.text()  # the preview already says whose clock
    editor.enabled.setChecked(True)
    editor.text.setPlainText("지금은 영업시간이 아니에요.")
    editor.save()
    settle(qtbot, editor)
    assert AutomationsStore(ctx.db).state().doc.business_hours.timezone == "Asia/Seoul"
    hours = opened(qtbot, BusinessHoursEditor(ctx))
    assert hours.timezone.zone() == "Asia/Seoul"


def test_utc_chosen_in_the_hours_editor_itself_is_kept(qtbot, ctx: AppContext, monkeypatch) -> None:
    monkeypatch.setattr("ui.time_zones.system_timezone", lambda: "Asia/Seoul")
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    editor.timezone.set_zone("UTC")
    editor.save()
    settle(qtbot, editor)
    assert AutomationsStore(ctx.db).state().doc.business_hours.timezone == "UTC"


def test_time_zones_are_named_soon_after_the_start_without_a_menu_opened(
    qtbot, window, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+I (or a chat export dropped on the window) opens the import's time zone box without a
    menu: the ~0.1 s of naming every zone was done in a thread soon after the start, not on the
    GUI thread as the dialog opens."""
    from ui import menus, time_zones

    monkeypatch.setattr(menus, "ZONE_NAMES_AFTER_MS", 0)
    monkeypatch.setattr(time_zones, "_prepared", set())
    time_zones._zone_choices.cache_clear()
    menus.install_menus(window, ctx)
    qtbot.waitUntil(lambda: time_zones._zone_choices.cache_info().currsize == 1, timeout=10_000)
    hits = time_zones._zone_choices.cache_info().hits
    time_zones.zone_choices()  # what the box asks for as it opens: already there
    assert time_zones._zone_choices.cache_info().hits == hits + 1


def test_closed_days_are_added_changed_and_removed_and_said_in_the_summary(qtbot, ctx: AppContext) -> None:
    """Chuseok and a family trip: the owner adds both, fixes one, removes the other; the hours the
    relay gets carry what is left, and the summary names it."""
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from ui.formatting import date_range

    editor = opened(qtbot, BusinessHoursEditor(ctx))
    choose_zone_by_city(qtbot, editor.timezone, "seoul")
    closed = editor.closed
    assert closed.list.count() == 0 and not closed.remove_button.isEnabled()
    today = date.today()
    start = today + timedelta(days=20)

    # Each dialog is filled and accepted before any event runs: the dialog guard never sees it.
    closed.add_button.click()
    dialog = closed.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.first.setDate(QDate(start.year, start.month, start.day))
    assert dialog.last.date() == dialog.first.date()  # the last day follows the first
    dialog.last.setDate(dialog.first.date().addDays(2))
    dialog.note.setText("추석")
    dialog.accept()

    closed.add_button.click()
    trip = closed.dialog
    assert trip is not None
    trip.first.setDate(QDate(start.year, start.month, start.day).addDays(40))
    trip.note.setText("가족 여행")
    trip.accept()
    assert (
        closed.list.count() == 2
        and closed.list.item(0).text() == f"{date_range(start, start + timedelta(days=2))} · 추석"
    )

    closed.list.setCurrentRow(0)  # the holiday is a day longer: changed, not added again
    closed.change_button.click()
    again = closed.dialog
    assert again is not None and again.note.text() == "추석"
    again.last.setDate(again.last.date().addDays(1))
    again.accept()
    closed.list.setCurrentRow(1)
    closed.remove_button.click()
    editor.save()
    settle(qtbot, editor)

    hours = AutomationsStore(ctx.db).state().doc.business_hours
    assert [(c.first, c.last, c.note) for c in hours.closed_days] == [
        (start, start + timedelta(days=3), "추석")
    ]
    assert editor.summary.text().endswith(f"; closed {date_range(start, start + timedelta(days=3))} (추석)")
    reopened = opened(qtbot, BusinessHoursEditor(ctx))
    assert reopened.closed.value() == hours.closed_days


def test_a_closed_day_over_in_seoul_reads_past_for_the_owner_in_los_angeles(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    """Saturday 10 AM in Los Angeles is Sunday 3 AM in Seoul: the Seoul shop's closed Saturday is
    over, on the calendar the relay counts closed days on, though this computer's day is Saturday."""
    from datetime import date

    from app import relay_clock
    from app.wire import ClosedDays

    la_saturday_morning = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
    monkeypatch.setattr(relay_clock, "local_time", lambda: la_saturday_morning.timestamp())
    saturday, christmas = date(2026, 12, 5), date(2026, 12, 25)
    doc = Automations(revision=1)
    doc.business_hours.timezone = "Asia/Seoul"
    doc.business_hours.closed_days = [
        ClosedDays(first=saturday, last=saturday, note="재고 정리"),
        ClosedDays(first=christmas, last=christmas, note="성탄절"),
    ]
    AutomationsStore(ctx.db).apply_remote(doc)

    editor = opened(qtbot, BusinessHoursEditor(ctx))
    closed = editor.closed
    texts = [closed.list.item(row).text() for row in range(closed.list.count())]
    assert texts[0].endswith("(past)") and "재고 정리" in texts[0]
    assert not texts[1].endswith("(past)")
    assert "재고 정리" not in editor.summary.text() and "성탄절" in editor.summary.text()

    # A new closed period starts on the shop's today.
    closed.add_button.click()
    dialog = closed.dialog
    assert dialog is not None
    assert dialog.first.date().day() == 6
    dialog.reject()


def test_saving_the_hours_keeps_the_editor_its_size(qtbot, demo_ctx: AppContext) -> None:
    """Each save loads the stored week again: the old range rows, waiting to be deleted, still counted
    in the window's height, and the dialog grew past a laptop's screen (943 px after one save)."""
    editor = opened(qtbot, BusinessHoursEditor(demo_ctx))
    editor.show()
    laid_out()
    height = editor.height()
    for _ in range(2):
        editor.week.days[0].add_range_button.click()  # an edit, so Save saves
        editor.save()
        settle(qtbot, editor)
        qtbot.waitUntil(lambda: editor.saved_note.isVisible(), timeout=5000)
    laid_out()  # a window that would grow grows when laid out, a turn after the week is shown again
    assert editor.height() == height


def test_public_holidays_of_the_shops_country_are_added_with_a_tick(qtbot, ctx: AppContext, dialogs) -> None:
    """A Korean shop closes for Chuseok: it is offered with its dates worked out (they move each year),
    ticked, and added as one closed stretch; offered again, it shows as added."""
    from datetime import date, timedelta

    from app.public_holidays import holiday_periods
    from ui.closed_days import HOLIDAYS_AHEAD

    ctx.shop_region = "KR"
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    closed = editor.closed
    offered = dialogs.expect("modal")  # left open for the test to tick, once the guard has seen it
    closed.holidays_button.click()
    qtbot.waitUntil(lambda: bool(offered.shown) and closed.holidays_dialog is not None, timeout=10_000)
    dialog = closed.holidays_dialog
    assert dialog is not None
    today = date.today()
    chuseok = next(
        p for p in holiday_periods("KR", today, today + HOLIDAYS_AHEAD, "en") if p.name == "Chuseok"
    )
    assert chuseok.last - chuseok.first == timedelta(days=2)
    rows = [dialog.list.item(i) for i in range(dialog.list.count())]
    assert len(rows) >= 12 and all(not r.checkState().value for r in rows)  # nothing ticked for the owner
    [row] = [r for r in rows if r.text().endswith(" · Chuseok")]
    row.setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert [(c.first, c.last, c.note) for c in closed.value()] == [(chuseok.first, chuseok.last, "Chuseok")]

    again_offered = dialogs.expect("modal")
    closed.holidays_button.click()  # offered again: Chuseok is there already, and cannot be added twice
    qtbot.waitUntil(lambda: bool(again_offered.shown) and closed.holidays_dialog is not None, timeout=10_000)
    again = closed.holidays_dialog
    assert again is not None
    [added] = [
        again.list.item(i) for i in range(again.list.count()) if "Chuseok" in again.list.item(i).text()
    ]
    assert added.text().endswith("(added)") and not added.flags() & Qt.ItemFlag.ItemIsEnabled
    again.accept()
    assert len(closed.value()) == 1


def test_after_adding_public_holidays_the_owner_is_still_at_the_closed_days(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """The button she pressed went grey while the holidays were worked out, so the focus jumped to
    Monday's first time and the form scrolled to its top: the holidays she had just added were out of
    sight, and the next key she pressed changed Monday's opening."""
    from PySide6.QtWidgets import QScrollArea

    ctx.shop_region = "KR"
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    editor.resize(600, 480)  # a laptop at 150 %: the closed days are below the week
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    closed = editor.closed
    area = closed.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    area.ensureWidgetVisible(closed.holidays_button)
    scrolled = area.verticalScrollBar().value()
    assert scrolled > 0
    closed.holidays_button.setFocus()
    offered = dialogs.expect("modal")
    qtbot.keyClick(closed.holidays_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(offered.shown) and closed.holidays_dialog is not None, timeout=10_000)
    dialog = closed.holidays_dialog
    assert dialog is not None
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    # Where the focus is when her window is active again (offscreen, no window manager gives it back).
    assert editor.focusWidget() in (closed.list, closed.holidays_button)
    assert area.verticalScrollBar().value() == scrolled
    assert closed.list.currentRow() == 0 and len(closed.value()) == 1  # the one added, chosen


def test_the_away_messages_summary_names_the_closed_days_it_also_answers_on(qapp) -> None:
    """The owner reading the away message's summary learns it also answers on the holidays set in the
    business hours (both schedules), and past holidays are not listed."""
    from datetime import date

    from app.wire import AwayRule, BusinessHours, ClosedDays
    from ui.formatting import date_range
    from ui.rule_summary import RuleSummary

    summaries = RuleSummary()
    chuseok = ClosedDays(first=date(2099, 9, 24), last=date(2099, 9, 26), note="추석")
    gone = ClosedDays(first=date(2020, 1, 1), last=date(2020, 1, 2), note="old")
    hours = BusinessHours(timezone="Asia/Seoul", closed_days=[gone, chuseok])
    named = f"{date_range(chuseok.first, chuseok.last)} (추석)"
    outside = summaries.away(AwayRule(enabled=True, text="쉬어요", schedule="outside_hours"), hours)
    assert f"; closed {named})" in outside and "old" not in outside
    sundays = [*(DayHours() for _ in range(6)), DayHours(mode="all_day")]
    custom = summaries.away(AwayRule(enabled=True, text="쉬어요", schedule="custom", custom=sundays), hours)
    assert f"Also on your closed days: {named}." in custom


def test_a_shop_in_a_territory_without_known_holidays_is_told_so(qtbot, ctx: AppContext, dialogs) -> None:
    ctx.shop_region = "AC"  # Ascension Island: in the country list, not in the holidays calendar
    editor = opened(qtbot, BusinessHoursEditor(ctx))
    told = dialogs.expect("information")
    editor.closed.holidays_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=10_000)
    assert told.shown[0].text == "No public holidays are known for the shop's country in the coming year."
    assert editor.closed.holidays_button.isEnabled() and editor.closed.value() == []


def test_the_last_closed_day_calendar_fades_the_days_before_the_first(qtbot) -> None:
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtGui import QPalette

    from app.wire import ClosedDays
    from ui.closed_days import ClosedDaysDialog

    dialog = ClosedDaysDialog(ClosedDays(first=date(2026, 12, 24), last=date(2026, 12, 26), note="연말"))
    qtbot.addWidget(dialog)
    calendar = dialog.last.calendarWidget()
    faded = calendar.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).color()

    def looks(day: QDate) -> bool:
        return calendar.dateTextFormat(day).foreground().color() == faded

    assert looks(QDate(2026, 12, 23)) and looks(QDate(2026, 11, 30))  # before the first day, this page
    assert not looks(QDate(2026, 12, 24)) and not looks(QDate(2026, 12, 31))
    dialog.first.setDate(QDate(2026, 12, 28))  # moved later: the fading follows it
    assert looks(QDate(2026, 12, 27)) and not looks(QDate(2026, 12, 28))
    calendar.setCurrentPage(2027, 1)
    assert not looks(QDate(2027, 1, 5))


def test_the_away_summary_says_a_day_without_away_time_gets_no_message_not_that_the_shop_is_closed(
    qapp,
) -> None:
    """ "월 24시간; 화-일 휴무" read as the shop being closed Tuesday to Sunday: those are the days the
    away message is not sent. The business hours still say "closed"."""
    from app.wire import AwayRule, BusinessHours, DayHours
    from ui.rule_summary import RuleSummary

    summaries = RuleSummary()
    week = [DayHours(mode="all_day"), *(DayHours(mode="closed") for _ in range(6))]
    hours = BusinessHours(timezone="Asia/Seoul")
    away = plain_text(
        summaries.away(AwayRule(enabled=True, text="쉬어요", schedule="custom", custom=week), hours)
    )
    assert "during your away hours: Mon all day; Tue–Sun not sent · Korean Time." in away
    assert "closed" not in away
    assert plain_text(summaries.week(week, "Asia/Seoul")) == "Mon all day; Tue–Sun closed · Korean Time"


def test_a_custom_schedule_with_no_away_hours_says_the_message_is_never_sent_and_how_to_set_hours(
    qtbot, demo_ctx: AppContext
) -> None:
    """Choosing "Custom weekly schedule" before any hours said "Mon–Sun not sent · Korean Time" ("월~일
    보내지 않음"), read as a week summed up: the owner learnt neither that nothing goes out nor why."""
    from datetime import date

    from app.wire import ClosedDays
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.schedule.button(1).setChecked(True)
    said = plain_text(editor.summary.text())
    assert said.startswith("Not sent on any day: no away hours are chosen yet.")
    assert "“Away at”" in said and "“Away all day”" in said  # the choices of each day, by their names
    assert "Mon–Sun" not in said and "not sent ·" not in said

    sunday = editor.custom.days[6]
    sunday.mode.setCurrentIndex(sunday.mode.findData("all_day"))  # as the summary told her
    assert "during your away hours: Mon–Sat not sent; Sun all day" in plain_text(editor.summary.text())

    # A shop with closed days to come: the message goes on those days alone, and says so.
    doc = editor.apply(AutomationsStore(demo_ctx.db).state().doc)
    empty = doc.away.model_copy(update={"custom": [DayHours() for _ in range(7)]})
    hours = doc.business_hours.model_copy(
        update={"closed_days": [ClosedDays(first=date(2099, 9, 24), last=date(2099, 9, 26), note="추석")]}
    )
    only = editor.summaries.away(empty, hours)
    assert only.startswith("Sent only on your closed days (") and "(추석)" in only
    assert "no away hours are chosen yet" in only


def test_the_korean_summary_of_a_custom_schedule_with_no_away_hours(qapp, korean: None) -> None:
    from app.wire import AwayRule, BusinessHours
    from ui.rule_summary import RuleSummary

    rule = AwayRule(enabled=True, text="쉬어요", schedule="custom")
    said = RuleSummary().away(rule, BusinessHours(timezone="Asia/Seoul"))
    assert said.startswith("자리 비움 시간을 아직 정하지 않아서 어느 요일에도 보내지 않아요."), said
    assert "‘자리 비움 시간’" in said and "‘하루 종일 자리 비움’" in said
    assert "월~일" not in said


def test_the_korean_week_summary_parts_its_days_with_a_slash_not_a_semicolon(
    qapp, korean: None, korean_locale: None
) -> None:
    """ "월~금 10:00~13:00, 14:00~19:00; 토 11:00~16:00; 일 휴무": a semicolon is not how Korean parts a
    list; the days' own ranges already take the commas."""
    from app.wire import DayHours
    from ui.rule_summary import RuleSummary

    weekday = demo_automations("ko").business_hours.week[0]  # 10–13 and 14–19
    saturday = DayHours(mode="open", ranges=[TimeRange(start="11:00", end="16:00")])
    week = [*(weekday for _ in range(5)), saturday, DayHours(mode="closed")]
    said = RuleSummary().week(week, "Asia/Seoul")
    assert (
        said.replace("\u202f", " ")
        .replace("\N{NO-BREAK SPACE}", " ")
        .startswith("월~금 오전 10:00~오후 1:00, 오후 2:00~오후 7:00 / 토 오전 11:00~오후 4:00 / 일 휴무 · ")
    )
    assert ";" not in said
    assert "오후\N{NO-BREAK SPACE}7:00" in said  # a time never wraps after 오후 where the summary does


def test_a_greeting_form_taller_than_its_dialog_scrolls_to_the_previews_last_line(
    qtbot, demo_ctx: AppContext
) -> None:
    """With the two-line "not saved yet" banner above it, the preview's last lines were cut off, with
    no way to read them; the hours editor's buttons likewise."""
    from PySide6.QtWidgets import QScrollArea

    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(demo_ctx))
    editor.show()
    editor.resize(560, 420)
    editor.text.setPlainText(editor.text.toPlainText() + " ok")  # the unsaved banner shows
    qtbot.waitUntil(lambda: editor.banner.isVisible())
    area = editor.findChild(QScrollArea)
    assert area is not None and area.widget() is editor.form
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # what does not fit can be scrolled to
    laid_out()  # the banner's two lines reach the form's height once laid out, maybe a turn later
    area.ensureWidgetVisible(editor.preview)
    bottom = editor.preview.mapTo(area.viewport(), editor.preview.rect().bottomLeft())
    assert bottom.y() <= area.viewport().height()


def test_the_away_message_can_say_when_the_shop_opens_next_and_the_preview_shows_the_date(
    qtbot, demo_ctx: AppContext
) -> None:
    """A shop owner typed the hours into the away text, which went stale on a holiday: the "Next
    opening" button puts in {opening}, which the preview (and the relay) fill from the hours."""
    from PySide6.QtWidgets import QPushButton

    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.preview.clock = lambda: SUNDAY_AFTERNOON
    editor.text.setPlainText("지금은 영업시간이 아니에요. ")
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    button = next(b for b in editor.findChildren(QPushButton) if b.toolTip() == "{opening}")
    assert button.text() == "Next &opening"
    button.click()
    editor.text.insertPlainText("부터 답변드릴게요.")
    assert editor.text.toPlainText() == "지금은 영업시간이 아니에요. {opening}부터 답변드릴게요."
    returning = editor.preview.returning.text()
    assert (
        "[away message] 지금은 영업시간이 아니에요. 내일 오전 10:00부터" in returning
    )  # Sunday: Monday is tomorrow
    assert "{opening}" not in returning and "부터 답변드릴게요." in returning
    assert editor.opening_note.isHidden()
    # Sent at all hours, the message also goes out while the shop is open, with {opening} empty:
    # "…아니에요. 부터 답변드릴게요." The owner is told.
    editor.schedule.button(0).setChecked(True)
    assert not editor.opening_note.isHidden()
    assert "also goes out while the shop is open" in editor.opening_note.text()


def test_the_away_editor_warns_that_next_opening_stays_empty_when_the_shop_never_opens(
    qtbot, ctx: AppContext
) -> None:
    from app.wire import AwayRule, BusinessHours
    from ui.away_editor import AwayEditor

    closed = BusinessHours(timezone="Asia/Seoul", week=[DayHours(mode="closed")] * 7)
    doc = Automations(revision=1, business_hours=closed, away=AwayRule(enabled=True, text="쉬어요."))
    AutomationsStore(ctx.db).apply_remote(doc)
    editor = opened(qtbot, AwayEditor(ctx))
    editor.preview.clock = lambda: SUNDAY_AFTERNOON
    editor.text.setPlainText("쉬어요. {opening}부터 답변드릴게요.")
    assert not editor.opening_note.isHidden()
    assert "never open the shop" in editor.opening_note.text()
    editor.text.setPlainText("쉬어요.")
    assert editor.opening_note.isHidden()


@pytest.mark.parametrize("editor_name", ["greeting", "away"])
def test_switching_a_message_on_puts_its_example_in_as_text_the_owner_can_save_or_type_over(
    qtbot, ctx: AppContext, editor_name: str
) -> None:
    """The grey example looked like the message: ticked and saved, it was refused as empty."""
    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx) if editor_name == "greeting" else AwayEditor(ctx))
    example = editor.example
    assert editor.text.toPlainText() == ""
    editor.enabled.setChecked(True)
    assert editor.text.toPlainText() == example
    assert editor.text.textCursor().selectedText() == example
    qtbot.keyClicks(editor.text, "Welcome")  # typing replaces it
    assert editor.text.toPlainText() == "Welcome"

    editor.enabled.setChecked(False)
    editor.enabled.setChecked(True)  # off and on again keeps what is written
    assert editor.text.toPlainText() == "Welcome"

    editor.enabled.setChecked(False)
    editor.text.clear()
    editor.enabled.setChecked(True)
    editor.save()  # the example, kept as it is
    settle(qtbot, editor)
    assert editor.error.isHidden()
    rule = getattr(AutomationsStore(ctx.db).state().doc, editor_name)
    assert rule.enabled and rule.text == example


@pytest.mark.parametrize("editor_name", ["greeting", "away"])
def test_a_click_in_the_box_after_switching_on_still_types_over_the_example(
    korean: None, qtbot, ctx: AppContext, editor_name: str
) -> None:
    """A new owner ticked 자리 비움 메시지 보내기, clicked in the message box and typed her own words:
    they went after the example, and the preview said "…곧 답장 드릴게요.메시지 감사합니다!…"."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(ctx) if editor_name == "greeting" else AwayEditor(ctx))
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.enabled, Qt.MouseButton.LeftButton, pos=QPoint(8, editor.enabled.height() // 2))
    example = editor.example
    assert editor.text.toPlainText() == example
    # Where she clicked: just after the example's last word, in the box's first line.
    end = editor.text.cursorRect(editor.text.textCursor()).center() + QPoint(20, 0)
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert editor.focusWidget() is editor.text
    typed = QInputMethodEvent()
    typed.setCommitString("메시지 감사합니다! 내일 오전에 답장 드릴게요.")  # Korean comes by the input method
    QApplication.sendEvent(editor.text, typed)
    assert editor.text.toPlainText() == "메시지 감사합니다! 내일 오전에 답장 드릴게요."

    # The next click is the box's own: it places the cursor, and what is typed goes there.
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 8))
    typed = QInputMethodEvent()
    typed.setCommitString("[서울 린넨] ")
    QApplication.sendEvent(editor.text, typed)
    assert editor.text.toPlainText() == "[서울 린넨] 메시지 감사합니다! 내일 오전에 답장 드릴게요."


@pytest.mark.parametrize("editor_name", ["greeting", "away"])
def test_a_message_with_the_shop_name_field_says_so_while_the_shop_has_no_name(
    qtbot, ctx: AppContext, editor_name: str
) -> None:
    """A new shop switched its greeting on: the example's {shop} was filled with nothing, and
    customers got "Hi Minji, thanks for contacting !" (in Korean "김민지님, 에 연락 주셔서…")."""
    from app.wire import BusinessProfile
    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    def editor_for() -> GreetingEditor | AwayEditor:
        return opened(qtbot, GreetingEditor(ctx) if editor_name == "greeting" else AwayEditor(ctx))

    editor = editor_for()
    editor.enabled.setChecked(True)
    editor.text.setPlainText("Hi {first_name}, thanks for writing to {shop}!")
    assert not editor.shop_note.isHidden()
    assert "no name yet" in editor.shop_note.text()
    editor.text.setPlainText("Hi {first_name}, thanks for writing!")
    assert editor.shop_note.isHidden()

    store = AutomationsStore(ctx.db)
    named = store.state().doc.model_copy(update={"profile": BusinessProfile(name="Brighton Linen House")})
    store.apply_remote(named.model_copy(update={"revision": named.revision + 1}))
    editor = editor_for()
    editor.text.setPlainText("Hi {first_name}, thanks for writing to {shop}!")
    assert editor.shop_note.isHidden()


def test_the_profile_editor_names_the_shop_field_as_the_korean_editors_show_it(
    qtbot, ctx: AppContext, korean: None
) -> None:
    """The note under the profile said "{shop}" in a Korean window, where every editor's button and
    text says {가게 이름}: the owner could not tell which field it meant."""
    editor = opened(qtbot, BusinessProfileEditor(ctx))
    editor.name.setText("서울 리넨 하우스")
    editor.save()
    settle(qtbot, editor)
    assert "{가게 이름}" in editor.summary.text()
    assert "{shop}" not in editor.summary.text()
    editor.name.setText("")
    assert "{가게 이름}" in editor.problem()
    assert "{shop}" not in editor.problem()


def test_the_public_holidays_to_tick_are_rows_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Their ticks stood edge to edge, each row touching the next."""
    import itertools
    from datetime import date

    from app.public_holidays import holiday_periods
    from ui.closed_days import PublicHolidaysDialog

    periods = holiday_periods("KR", date(2026, 12, 1), date(2027, 11, 30), "ko")
    dialog = PublicHolidaysDialog(periods, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rects = [dialog.list.visualItemRect(dialog.list.item(i)) for i in range(4)]
    assert all(below.top() - above.bottom() >= 3 for above, below in itertools.pairwise(rects))


@pytest.mark.parametrize("window", ["#1E1E1E", "#323232", "#F0F0F0"])
def test_the_relay_banner_is_no_pale_box_on_a_dark_window_and_its_words_read(
    qtbot, demo_ctx: AppContext, window: str
) -> None:
    """In dark mode the banner over the greeting, away, hours, profile and menu-bot editors was a
    pale green (or cream) box glaring out of the dark window."""
    from collections import Counter

    from PySide6.QtGui import QColor

    from tests.support.contrast import READABLE, app_palette, contrast, system_palette, text_colour

    with app_palette(system_palette(window)):
        editor = opened(qtbot, BusinessHoursEditor(demo_ctx))
        editor.show()
        qtbot.waitExposed(editor)
        image = editor.banner.grab().toImage()
        # The banner's background: the colour most of its pixels have (the words are thin).
        pixels = Counter(
            image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
        )
        background = QColor.fromRgb(pixels.most_common(1)[0][0])
        dark_window = QColor(window).lightness() < 128
        assert (background.lightness() < 128) == dark_window, background.name()
        assert contrast(text_colour(editor.banner.message), background) >= READABLE


def test_a_taller_away_editor_keeps_its_rows_together(qtbot, demo_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Made taller, the away editor spread its extra height between its rows: the schedule's three
    choices drifted a line apart. The room goes below the form instead."""
    from ui.away_editor import AwayEditor

    editor = opened(qtbot, AwayEditor(demo_ctx))
    editor.resize(640, 680)
    editor.show()
    qtbot.waitExposed(editor)
    first, second = editor.schedule.button(0), editor.schedule.button(1)

    def gap() -> int:
        return (
            second.mapTo(editor, second.rect().topLeft()).y()
            - first.mapTo(editor, first.rect().topLeft()).y()
        )

    qtbot.waitUntil(lambda: gap() > 0)
    laid_out()
    before = gap()
    editor.resize(640, 1000)
    qtbot.waitUntil(lambda: editor.height() == 1000)
    qtbot.waitUntil(lambda: editor.form.height() > 700)
    laid_out()  # the form's rows are placed when its own layout is redone, after its height
    assert gap() == before


# --------------------------------------------------------------------------- two desktops on one relay


def desktop(tmp_path: Path, name: str, client):  # type: ignore[no-untyped-def]
    """A second shop computer: its own data folder, synced from the same relay."""
    import threading

    from app.db import Database
    from app.sync import SyncWorker

    folder = tmp_path / name
    folder.mkdir()
    db = Database.open(folder / "inbox.db")
    ctx = AppContext(db=db, paths=paths_for(folder / "data"))
    worker = SyncWorker(
        db, client, on_changed=lambda _c: None, on_state=lambda _s: None, stop=threading.Event(), wait=0
    )

    def sync() -> None:  # what the sync thread does when a settings event comes: apply, tell the views
        from app.changes import Changes

        while worker.poll_once() is not None:
            pass
        ctx.publish(Changes(automations=True))

    return ctx, sync


def test_two_desktops_editing_the_away_message_at_once_the_second_save_asks_instead_of_replacing(
    qtbot, tmp_path: Path, real_relay
) -> None:
    """Su-jin and Min-ho opened the away message on their own computers and both typed: her save
    reached his window while he typed, and his save then replaced her text on the relay without a
    word to either."""
    from ui.away_editor import AwayEditor

    _relay, _graph, client = real_relay
    her, her_sync = desktop(tmp_path, "laptop", client)
    his, his_sync = desktop(tmp_path, "shop-pc", client)
    AutomationsStore(her.db).pull(client)
    AutomationsStore(his.db).pull(client)
    hers = opened(qtbot, AwayEditor(her, client_provider=lambda: client))
    mine = opened(qtbot, AwayEditor(his, client_provider=lambda: client))
    hers.enabled.setChecked(True)
    hers.text.setPlainText("지금은 영업시간이 아니에요. 수진이 내일 답장드릴게요.")
    mine.enabled.setChecked(True)
    mine.text.setPlainText("민호예요. 곧 답장드릴게요!")
    hers.save()
    settle(qtbot, hers)
    assert client.get_automations().away.text == "지금은 영업시간이 아니에요. 수진이 내일 답장드릴게요."
    her_sync()  # her own change comes back from the relay: still hers, still "Saved"
    qtbot.waitUntil(lambda: not hers.is_busy())
    assert hers.saved_note.text().startswith("Saved. The relay has it")
    his_sync()  # her change reaches his computer while his form still holds his typing
    qtbot.waitUntil(lambda: not mine.is_busy())
    assert mine.text.toPlainText() == "민호예요. 곧 답장드릴게요!"

    mine.save()
    settle(qtbot, mine)
    assert client.get_automations().away.text == "지금은 영업시간이 아니에요. 수진이 내일 답장드릴게요."
    assert mine.state.status is SyncStatus.CONFLICT
    assert "수진이 내일" in mine.banner.theirs.text() and "민호예요" in mine.banner.mine.text()
    mine.banner.keep_button.click()  # he chooses, knowing
    settle(qtbot, mine)
    assert client.get_automations().away.text == "민호예요. 곧 답장드릴게요!"
    her_sync()
    qtbot.waitUntil(lambda: hers.text.toPlainText() == "민호예요. 곧 답장드릴게요!")
    # Her window no longer says her text is what customers get: it says his came in.
    assert hers.saved_note.isVisibleTo(hers)
    assert (
        hers.saved_note.text()
        == "Changed elsewhere just now (on another computer or in another window): this is what the relay has now."
    )


def test_a_change_made_on_the_other_desktop_to_what_the_owner_left_alone_is_kept_by_her_save(
    qtbot, tmp_path: Path, real_relay
) -> None:
    """He switched the away message on while she edited only its text: her save switched it off again."""
    from ui.away_editor import AwayEditor

    _relay, _graph, client = real_relay
    her, her_sync = desktop(tmp_path, "laptop", client)
    AutomationsStore(her.db).pull(client)
    hers = opened(qtbot, AwayEditor(her, client_provider=lambda: client))
    hers.text.setPlainText("지금은 쉬는 시간이에요.")
    other = client.get_automations()  # his computer switches it on, with his text
    client.put_automations(
        other.model_copy(update={"away": other.away.model_copy(update={"enabled": True})}),
        if_match=other.revision,
    )
    her_sync()
    qtbot.waitUntil(lambda: not hers.is_busy())
    hers.save()
    settle(qtbot, hers)
    stored = client.get_automations().away
    assert stored.enabled and stored.text == "지금은 쉬는 시간이에요."
    assert hers.state.status is SyncStatus.SYNCED


def test_an_offline_change_that_meets_the_other_computers_on_reconnecting_is_told_above_the_chats(
    qtbot, tmp_path: Path, real_relay
) -> None:
    """Min-ho changed the away message with the shop's PC offline ("goes to the relay when it
    answers") and closed the editor; Su-jin changed it meanwhile. Back online, his change waited for a
    choice that no open window asked for: he thought customers got his text, and nothing said not."""
    from app.automations_store import AutomationsState
    from app.changes import Changes
    from tests.support.engine_probe import quick_engine
    from ui.rules_conflict_notice import RulesConflictNotice

    relay, _graph, client = real_relay
    his, _his_sync = desktop(tmp_path, "shop-pc", client)
    his_store = AutomationsStore(his.db)
    his_store.pull(client)
    theirs = client.get_automations()  # her laptop saves hers on the relay
    client.put_automations(
        theirs.model_copy(update={"away": theirs.away.model_copy(update={"text": "수진: 내일 답장드려요."})}),
        if_match=theirs.revision,
    )
    offline = his_store.state().doc  # his, saved while the PC was offline
    his_store.save(
        offline.model_copy(update={"away": offline.away.model_copy(update={"text": "민호: 곧 와요!"})})
    )

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    notice = RulesConflictNotice(his, window)
    QVBoxLayout(window).addWidget(notice)
    window.show()
    reads: list[bool] = []
    shown = notice.show_for

    def show_for(state: AutomationsState) -> None:
        shown(state)
        reads.append(notice.isVisible())

    notice.show_for = show_for  # type: ignore[method-assign]
    notice.refresh()
    qtbot.waitUntil(lambda: len(reads) == 1)
    assert reads == [False]  # waiting to be sent is not a choice to make

    engine, probe = quick_engine(his.db, relay, tmp_path / "media")
    told: list[bool] = []  # what the window hears from the sync thread (it refreshes the strip on it)

    def on_changed(changes: Changes) -> None:
        told.append(changes.automations)
        probe.on_changed(changes)

    engine.on_changed = on_changed
    engine.start()
    try:
        probe.wait_until(lambda: his_store.state().status is SyncStatus.CONFLICT and any(told))
    finally:
        engine.stop()
    assert client.get_automations().away.text == "수진: 내일 답장드려요."  # nothing overwritten
    notice.refresh()
    qtbot.waitUntil(notice.isVisible)
    assert notice.text.text().startswith("Your change to the automatic messages waited")
    assert notice.editor == "away"
    opened_editors = []

    def open_editor(name: str):  # type: ignore[no-untyped-def]
        from ui.away_editor import AwayEditor

        editor = AwayEditor(his, client_provider=lambda: client)
        opened_editors.append((name, editor))
        return editor

    notice.open_dialog = open_editor
    notice.choose.click()
    [(name, editor)] = opened_editors
    assert name == "away"
    qtbot.waitUntil(lambda: editor.loaded)
    assert editor.state.status is SyncStatus.CONFLICT
    assert (
        "수진: 내일 답장드려요." in editor.banner.theirs.text()
        and "민호: 곧 와요!" in editor.banner.mine.text()
    )
    editor.banner.keep_button.click()
    settle(qtbot, editor)
    editor.close()
    assert client.get_automations().away.text == "민호: 곧 와요!"
    notice.refresh()
    qtbot.waitUntil(lambda: not notice.isVisible())


def test_a_german_shops_closed_days_note_suggests_no_korean_holiday(qtbot) -> None:
    """ "e.g. Chuseok" was offered to a shop in Berlin."""
    from ui.closed_days import ClosedDaysEditor

    editor = ClosedDaysEditor()
    qtbot.addWidget(editor)
    editor.country = "DE"
    editor.add_button.click()
    assert editor.dialog is not None
    assert "Chuseok" not in editor.dialog.note.placeholderText()
    assert editor.dialog.note.placeholderText() == "For you, e.g. a public holiday or a family trip"
    editor.dialog.reject()
    editor.country = "KR"
    editor.add_button.click()
    assert editor.dialog is not None and "Chuseok" in editor.dialog.note.placeholderText()
    editor.dialog.reject()
