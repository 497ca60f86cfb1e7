"""A Seoul shop that moves to the UK or the US in Settings kept its business hours on Seoul time: its
away message "outside business hours" answered British customers nine hours off. Settings now offers
the new country's zone, asked first; a country of several zones opens the time zone's choice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from app.automations_store import automations_state, save_local
from app.hours_zone import ZoneOffer, zone_offer
from app.wire import Automations, BusinessHours
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import run_relay

Button = QMessageBox.StandardButton


def _hours_on(ctx: Any, zone: str) -> None:
    doc = Automations()
    doc = doc.model_copy(update={"business_hours": BusinessHours(timezone=zone)}, deep=True)
    with ctx.db.write() as s:
        save_local(s, doc)


def _move_to(qtbot: Any, ctx: Any, country: str) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    dialog.place.country.setCurrentIndex(dialog.place.country.findData(country))
    save.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)


def _zone(ctx: Any) -> str:
    return automations_state(ctx.db).doc.business_hours.timezone


def test_moving_to_the_uk_asks_to_put_the_hours_on_london_time(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    _hours_on(ctx, "Asia/Seoul")
    buttons: list[str] = []

    def yes(box: QMessageBox) -> None:
        buttons.extend(box.button(b).text() for b in (Button.Yes, Button.No))
        box.button(Button.Yes).click()

    asked = dialogs.expect("modal", answer=yes)
    _move_to(qtbot, ctx, "GB")
    qtbot.waitUntil(lambda: _zone(ctx) == "Europe/London", timeout=5000)
    (shown,) = asked.shown
    assert "Seoul" in shown.text and "London" in shown.text and "now the United Kingdom," in shown.text
    assert "still keep Seoul time" in shown.text and "Change them to London time" in shown.text
    assert buttons == ["&Use London time", "&Keep Seoul time"]
    # Saved as an editor's save is: waiting for the relay, which the sync engine pushes it to.
    assert automations_state(ctx.db).pending


def test_saying_keep_leaves_the_hours_on_seoul_time(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    _hours_on(ctx, "Asia/Seoul")
    asked = dialogs.expect("modal", answer=lambda box: box.button(Button.No).click())
    _move_to(qtbot, ctx, "GB")
    qtbot.waitUntil(lambda: len(asked.shown) == 1, timeout=5000)
    assert _zone(ctx) == "Asia/Seoul"


def test_moving_to_the_us_opens_the_time_zone_choice_instead_of_guessing(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.business_hours_editor import BusinessHoursEditor

    _hours_on(ctx, "Asia/Seoul")
    asked = dialogs.expect("modal", answer=lambda box: box.button(Button.Yes).click())
    dialogs.expect("modal")  # the hours editor, left to the owner

    def editor() -> BusinessHoursEditor | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, BusinessHoursEditor)]
        return found[0] if found and found[0].isVisible() and found[0].loaded else None

    _move_to(qtbot, ctx, "US")
    qtbot.waitUntil(lambda: editor() is not None, timeout=5000)
    (shown,) = asked.shown
    assert "is now the United States," in shown.text
    assert "). The United States has several time zones" in shown.text
    hours = editor()
    assert hours is not None
    assert hours.timezone.currentText() == "" and hours.timezone.hasFocus()
    assert _zone(ctx) == "Asia/Seoul"  # nothing changed until she chooses and saves
    hours.timezone.setCurrentIndex(hours.timezone.findData("America/Chicago"))
    # Waits for the editor to hear its save done (the database has it a moment before): closed
    # before that, it would still ask to save what it is saving.
    with qtbot.waitSignal(hours.saved, timeout=5000):
        hours.save()
    assert _zone(ctx) == "America/Chicago" and not hours.has_unsaved_edits()
    hours.close()


def test_what_is_offered_and_when() -> None:
    assert zone_offer("Asia/Seoul", 3, "KR", "GB") == ZoneOffer("Asia/Seoul", "Europe/London")
    assert zone_offer("Asia/Seoul", 3, "KR", "US") == ZoneOffer("Asia/Seoul", None)
    assert zone_offer("Asia/Seoul", 3, "KR", "KR") is None
    assert zone_offer("UTC", 0, "KR", "GB") is None  # never saved: the hours follow the country already
    assert zone_offer("Asia/Tokyo", 3, "KR", "GB") is None  # the owner's own choice, not Korea's
    assert zone_offer("Europe/London", 3, "KR", "GB") is None  # already on the new country's clock


def test_the_relay_gets_the_new_zone_through_the_usual_save(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """The relay answers customers on the hours' clock: the zone the owner said yes to reaches it."""
    ctx = window.ctx
    _hours_on(ctx, "Asia/Seoul")
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:

        def relay_zone() -> str:
            answer = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth())
            return str(answer.json()["business_hours"]["timezone"])

        def relay_country() -> str | None:
            answer = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth())
            return answer.json().get("shop_country")

        ctx.prefs["relay_url"] = relay.url
        ctx.relay_token = relay.token
        window.start_sync()
        qtbot.waitUntil(lambda: relay_zone() == "Asia/Seoul", timeout=10000)
        dialogs.expect("modal", answer=lambda box: box.button(Button.Yes).click())
        _move_to(qtbot, ctx, "GB")
        qtbot.waitUntil(lambda: relay_zone() == "Europe/London", timeout=10000)
        # …and the shop's country, which its English dates follow ("Mon 7 Dec" in the UK).
        qtbot.waitUntil(lambda: relay_country() == "GB", timeout=10000)


def test_in_korean_the_country_reads_with_its_particle(
    qtbot: Any, ctx: Any, dialogs: Any, korean: None, korean_locale: None
) -> None:
    """Walk: “가게 나라를 영국(으)로 바꿨는데…”: the particle was left for the reader to pick."""
    _hours_on(ctx, "Asia/Seoul")
    asked = dialogs.expect("modal", answer=lambda box: box.button(Button.No).click())
    _move_to(qtbot, ctx, "GB")
    qtbot.waitUntil(lambda: len(asked.shown) == 1, timeout=5000)
    (shown,) = asked.shown
    assert "영국으로" in shown.text and "(으)로" not in shown.text
    assert "the" not in shown.text.lower().split()  # no English article in Korean
