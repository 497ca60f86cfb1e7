"""Screenshots of the Korean demo's campaign (spring_restock, SPRING10): its form with the law's parts, its
report once the simulated customers read and answer it, the chat of a customer who tapped 수신거부, and
her consent box.

The real app, `shop-inbox --demo --lang ko`, started through its own start (`ui.application.run`) and
driven from inside as its tests drive it (demo_driver.py), so the pictures can be retaken after any
change. The form is counted once the demo's customer who asks after an unknown order (오세훈) has been
handed to a person, a minute or three after the start: he is left out, as waiting for one. The demo is
live (its relay's customers answer on the real clock): outside the demo shop's hours the script runs
itself again under `faketime` (libfaketime) in the shop's last afternoon (shop_clock.in_shop_hours).
Under Xvfb with openbox and fonts-nanum, on the screen each mode's pictures are of:

    Xvfb :7 -screen 0 1600x1000x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_campaign_screenshot.py            # the campaign
    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_campaign_screenshot.py report-en  # English report

Whole-screen pictures need their screen (the script refuses another): `editor ko` and `editor en` a
1400×900 one; `125`, `send-from` (the two-number demo: its editor, its Alt+O list and the template
list) a 1366×768 one; `1280x720 ko` and `1280x720 en` a 1280×720 one; `law` (the window alone) any
screen bigger than 1366×768.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docs.screenshots.demo_driver import (
    OUT,
    Wait,
    korean,
    main_window,
    maximised,
    post_webhook,
    run_demo,
    save,
    saved,
    settled,
    top_level,
    unknown_order_handed_over,
    whole_screen,
)

if TYPE_CHECKING:
    from ui.campaign_editor import CampaignEditor
    from ui.campaign_window import CampaignWindow
    from ui.main_window import MainWindow


def scenes() -> Iterator[Wait]:
    """Each `yield` waits until what it gives holds (the app runs meanwhile)."""
    from sqlalchemy import select

    from app.campaigns import ParameterSource
    from app.models import Contact, utcnow
    from app.wire import RecipientState

    window = yield from main_window(1440, 900)

    campaigns = yield from new_spring_campaign(window, "봄 재입고", 1440, 900)
    editor = campaigns.editor
    (name_source, name_text), (coupon_source, coupon_text) = editor.message.param_rows
    name_source.setCurrentIndex(name_source.findData(ParameterSource.NAME.value))
    name_text.setText("고객")
    coupon_source.setCurrentIndex(coupon_source.findData(ParameterSource.TEXT.value))
    coupon_text.setText("SPRING10")
    yield lambda: editor.is_loaded() and editor.preview_for.findText("김민지") >= 0 and settled()
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("김민지"))
    yield settled
    save(campaigns, "campaign-editor-lawful-ko.png")
    # On a 1366×768 laptop, the preview for Amy, who writes English: the template's English version.
    campaigns.resize(1366, 740)
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("Amy Clarke"))
    yield settled
    save(campaigns, "campaign-languages-ko.png")
    campaigns.resize(1440, 900)
    yield settled

    # Send… and yes to its questions: what the confirmation hands over.
    sent_at = utcnow()
    editor.send_requested.emit(editor.draft(), confirmed_recipients(editor))
    yield lambda: campaigns.stack.currentWidget() is campaigns.report and campaigns.report.report is not None
    read_by_all = (RecipientState.READ,)

    def all_read() -> bool:
        report = campaigns.report.report
        return report is not None and bool(report.rows) and all(r.state in read_by_all for r in report.rows)

    yield all_read
    started = time.monotonic()

    def opted_out() -> int | None:
        """A Korean customer who tapped 수신거부 under the campaign (강다은 when she did), once the relay
        said so."""
        with window.ctx.db.read() as s:
            found = s.execute(
                select(Contact.id, Contact.profile_name)
                .where(Contact.opted_out_at >= sent_at, Contact.wa_id.startswith("82"))
                .order_by(Contact.id)
            ).all()
        return next((i for i, name in found if name == "강다은"), found[0][0] if found else None)

    # The customers' answers and opt-outs come in.
    yield lambda: time.monotonic() - started > 20 and opted_out() is not None
    yield settled
    save(campaigns, "campaign-report-ko.png")
    campaigns.resize(1366, 740)
    yield settled
    save(campaigns, "campaign-report-versions-ko.png")  # which version each customer got
    campaigns.close()

    # Her chat: the campaign, her 수신거부 and the shop's answer; then her consent box.
    daeun = opted_out()
    assert daeun is not None
    yield lambda: window.chat_list.select_contact(daeun)
    yield settled
    window.chat.view.scrollToBottom()
    yield settled
    save(window, "campaign-in-chat-ko.png")
    window.toggle_contact_panel()
    yield lambda: window.contact_panel.isVisible() and settled()
    window.contact_panel.scroll_area.ensureWidgetVisible(window.contact_panel.consent)
    yield settled
    save(window, "contact-consent-ko.png", right=420)
    window.toggle_contact_panel()
    # Amy's chat: the English version she read.
    with window.ctx.db.read() as s:
        amy = s.scalar(select(Contact.id).where(Contact.profile_name == "Amy Clarke"))
    assert amy is not None
    window.resize(1200, 740)
    yield lambda: window.chat_list.select_contact(amy)
    yield settled
    window.chat.view.scrollToBottom()
    yield settled
    save(window, "campaign-english-version-ko.png")

    # A second campaign set for later, stopped when Meta pauses its template (LOW_QUALITY), as Meta's
    # signed webhook tells the demo's relay.
    campaigns = yield from new_spring_campaign(window, "Spring sale", 1366, 740)
    editor = campaigns.editor
    editor.message.param_rows[1][1].setText("SPRING10")
    editor.schedule.at.setChecked(True)  # an hour from now
    yield lambda: editor.is_loaded() and settled()
    editor.send_requested.emit(editor.draft(), confirmed_recipients(editor))
    yield lambda: campaigns.list_model.rowCount() == 2 and settled()
    pause_template(window.ctx.prefs["relay_url"], "spring_restock")
    yield lambda: campaigns.list_model.rowCount() == 2 and campaigns.list_model.rows[0].state == "paused"
    campaigns.list.selectRow(0)
    yield lambda: campaigns.stack.currentWidget() is campaigns.report and settled()
    save(campaigns, "campaign-template-paused-ko.png")


def new_spring_campaign(
    window: MainWindow, name: str, width: int, height: int
) -> Generator[Wait, None, CampaignWindow]:
    """Shop ▸ Campaigns…, as its menu opens it, at `width` × `height`: a new campaign `name` of the
    demo's spring_restock template, its two {{n}} rows shown. Gives the window."""
    campaigns = yield from open_campaigns(window)
    campaigns.resize(width, height)
    campaigns.new_campaign()
    editor = campaigns.editor
    yield editor.is_loaded
    editor.name.setText(name)
    yield from choose_template(editor, "spring_restock", 2)
    return campaigns


def open_campaigns(window: MainWindow) -> Generator[Wait, None, CampaignWindow]:
    """Shop ▸ Campaigns…, as its menu opens it (in the window's language), its form loaded. Gives the
    window."""
    from PySide6.QtCore import QCoreApplication

    from ui.campaign_window import CampaignWindow

    # The form reads the relay's templates as it opens: not before the demo's sync has started.
    yield lambda: window.ctx.sync is not None and window.ctx.sync.engine is not None
    yield from after_the_hand_off(window)
    shop, item = (QCoreApplication.translate("Menus", s) for s in ("&Shop", "Cam&paigns…"))
    shop_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == shop)
    next(a for a in shop_menu.actions() if a.text() == item).trigger()
    yield lambda: top_level(CampaignWindow) is not None
    campaigns = top_level(CampaignWindow)
    assert isinstance(campaigns, CampaignWindow)
    yield campaigns.editor.is_loaded
    return campaigns


def after_the_hand_off(window: MainWindow) -> Generator[Wait, None, None]:
    """In the Seoul demo, not before its customer who asks after an order it does not have (오세훈,
    order 20931) has been handed to a person. The form counts who gets a campaign as it opens and
    leaves out a chat that waits for a person; he writes at any moment of the demo's first minutes
    (its cast's order is shuffled), so a form counted before his hand-off had one recipient more: 10
    in one run, 9 in the next. Every customer of the cast writes once before anyone writes twice, so
    he comes within a few minutes. The English demos' customers who ask after 20931 were not handed
    over within five minutes in two runs: their modes do not wait."""
    if window.ctx.shop_region != "KR":
        return
    yield lambda: unknown_order_handed_over(window)


def choose_template(editor: CampaignEditor, name: str, blanks: int) -> Generator[Wait, None, None]:
    """The template `name` chosen (its first version: the shop's language), once the relay's templates
    arrived, and its `blanks` {{n}} rows shown."""
    box = editor.message.template

    def found() -> int | None:
        names = [box.itemData(i).name if box.itemData(i) else None for i in range(box.count())]
        return names.index(name) if name in names else None

    yield lambda: found() is not None  # the relay's templates arrive after the form has loaded
    box.setCurrentIndex(found() or 0)
    yield lambda: len(editor.message.param_rows) == blanks and counted(editor)


def counted(editor: CampaignEditor) -> bool:
    """Whether the form shows who gets the campaign as it stands, and its cost (counted a moment after
    each change, off the GUI thread), all else read."""
    return editor.is_loaded() and settled()


def fill_blank(editor: CampaignEditor, row: int, source: str | None, text: str) -> None:
    """The template's {{row + 1}} filled with `text`, from `source` (app.campaigns.ParameterSource)
    when given, else from what the form chose for it."""
    source_box, text_field = editor.message.param_rows[row]
    if source is not None:
        source_box.setCurrentIndex(source_box.findData(source))
    text_field.setText(text)


def editor_scenes(lang: str) -> Iterator[Wait]:
    """`campaign-editor-ko.png` (winter_sale, whose {{2}} is 20 %, its Excluded list shown, previewed
    for Amy Clarke) and `campaign-editor-en.png` (spring_restock with SPRING10, for Ben Carter): the
    whole 1400×900 screen, the Campaigns window maximised."""
    from app.campaigns import ParameterSource

    window = yield from main_window()
    campaigns = yield from open_campaigns(window)
    yield maximised(campaigns)
    campaigns.new_campaign()
    editor = campaigns.editor
    yield editor.is_loaded
    if korean(lang):
        editor.name.setText("겨울 세일")
        yield from choose_template(editor, "winter_sale", 2)
        fill_blank(editor, 1, ParameterSource.TEXT.value, "20%")
        editor.audience_box.lists.setCurrentIndex(1)  # who is excluded, and why
        customer = "Amy Clarke"
    else:
        editor.name.setText("Spring restock")
        yield from choose_template(editor, "spring_restock", 2)
        fill_blank(editor, 1, ParameterSource.TEXT.value, "SPRING10")
        customer = "Ben Carter"
    yield lambda: editor.preview_for.findText(customer) >= 0 and counted(editor)
    editor.preview_for.setCurrentIndex(editor.preview_for.findText(customer))
    editor.message.param_rows[1][1].setFocus()
    yield lambda: counted(editor)
    whole_screen(f"campaign-editor-{lang}.png", "1400x900", campaigns)


def law_scenes() -> Iterator[Wait]:
    """`campaign-law-fix-ko.png`: the Korean window alone at 1366×740, winter_sale chosen (no "(광고)",
    no shop's name or number: the law's parts it lacks, and how to fix them)."""
    window = yield from main_window()
    campaigns = yield from open_campaigns(window)
    campaigns.resize(1366, 740)
    yield from choose_template(campaigns.editor, "winter_sale", 2)
    save(campaigns, "campaign-law-fix-ko.png")


def report_en_scenes() -> Iterator[Wait]:
    """`campaign-report-en.png`: the English demo's Spring restock (spring_restock, SPRING10) sent, its
    report once its customers read and answer it; the Campaigns window alone at 1440×900."""
    from app.wire import RecipientState

    window = yield from main_window(1440, 900)
    campaigns = yield from new_spring_campaign(window, "Spring restock", 1440, 900)
    editor = campaigns.editor
    editor.message.param_rows[1][1].setText("SPRING10")
    yield lambda: counted(editor)
    editor.send_requested.emit(editor.draft(), confirmed_recipients(editor))
    yield lambda: campaigns.stack.currentWidget() is campaigns.report and campaigns.report.report is not None

    def all_read() -> bool:
        report = campaigns.report.report
        return (
            report is not None
            and bool(report.rows)
            and all(r.state == RecipientState.READ for r in report.rows)
        )

    yield all_read
    started = time.monotonic()
    # The customers' answers and an opt-out come in, as the sandbox's customers write them.
    yield lambda: time.monotonic() - started > 20 and settled()
    save(campaigns, "campaign-report-en.png")


def screen_1280_scenes(lang: str) -> Iterator[Wait]:
    """`campaign-1280x720-ko.png`: the whole 1280×720 screen, Shop ▸ Campaigns opened from the keyboard
    (Alt+S, then its letter), order_update chosen and a name typed; `campaign-1280x720-en.png` the
    same screen of the English demo as the window opens."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.campaign_window import CampaignWindow

    window = yield from main_window()
    yield maximised(window)
    yield lambda: window.ctx.sync is not None and window.ctx.sync.engine is not None
    yield from after_the_hand_off(window)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # the Shop menu
    yield lambda: QApplication.activePopupWidget() is not None
    shop_menu = QApplication.activePopupWidget()
    assert shop_menu is not None
    QTest.keyClick(shop_menu, Qt.Key.Key_P)  # Cam&paigns…
    yield lambda: top_level(CampaignWindow) is not None
    campaigns = top_level(CampaignWindow)
    assert isinstance(campaigns, CampaignWindow)
    yield campaigns.editor.is_loaded
    yield maximised(campaigns)
    editor = campaigns.editor
    if korean(lang):
        yield from choose_template(editor, "order_update", 3)
        editor.name.setFocus()
        editor.name.insert("연말 감사 세일")  # as typed (QTest types no Hangul), its cursor at the end
    else:
        editor.name.setFocus()
    yield lambda: counted(editor)
    whole_screen(f"campaign-1280x720-{lang}.png", "1280x720", campaigns)


def scaled_scenes() -> Iterator[Wait]:
    """`campaign-125-percent-ko.png`: the whole 1366×768 screen at QT_SCALE_FACTOR=1.25 (a laptop at
    125 %), the Campaigns window maximised as it opens, its form scrolled down to who gets it (the
    lists, the message and when it goes below)."""
    from PySide6.QtCore import QPoint

    window = yield from main_window()
    campaigns = yield from open_campaigns(window)
    yield maximised(campaigns)
    editor = campaigns.editor
    # Down to who gets it, its first line whole: scrolled to the bottom, that line was cut in half.
    counts = editor.audience_box.counts
    top = counts.mapTo(editor.form_scroll.widget(), QPoint(0, 0)).y()
    editor.form_scroll.verticalScrollBar().setValue(top - 6)
    yield lambda: counted(editor)
    whole_screen("campaign-125-percent-ko.png", "1366x768", campaigns)


def send_from_scenes() -> Iterator[Wait]:
    """The two-number demo's Campaigns window: `campaign-send-from-keys-ko.png`, the whole 1366×768
    screen, the window maximised as it opens and 보내는 번호 opened with Alt+O; then
    `campaign-send-from-ko.png`, the window alone at 1346×720: 강남점 겨울 세일 from 02-555-0200,
    spring_restock with SPRING10, previewed for 김민지. `campaign-templates-ko.png`: the template
    list opened, cut from the screen (726×430 from 56 pixels left of and 62 above the list)."""
    import subprocess

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from app.campaigns import ParameterSource

    window = yield from main_window()
    campaigns = yield from open_campaigns(window)
    yield maximised(campaigns)
    editor = campaigns.editor
    QTest.keyClick(campaigns, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # 보내는 번호(&O)
    QTest.keyClick(editor.send_from.choice, Qt.Key.Key_F4)  # its list, as Alt+Down or F4 opens it
    yield lambda: editor.send_from.choice.view().isVisible() and settled()
    whole_screen("campaign-send-from-keys-ko.png", "1366x768", campaigns, editor.send_from.choice.view())
    editor.send_from.choice.hidePopup()

    box = editor.message.template
    QApplication.setEffectEnabled(Qt.UIEffect.UI_AnimateCombo, False)  # the list whole, not sliding in
    box.showPopup()
    popup = box.view().window()
    yield lambda: popup.isVisible() and popup.windowHandle().isExposed() and settled()
    where = popup.geometry()
    popup.repaint()
    QGuiApplication.sync()
    crop = f"726x430+{where.x() - 56}+{where.y() - 62}"
    subprocess.run(
        ["import", "-window", "root", "-crop", crop, str(OUT / "campaign-templates-ko.png")], check=True
    )
    saved("campaign-templates-ko.png")
    box.hidePopup()

    campaigns.showNormal()
    campaigns.resize(1346, 720)
    editor.name.setText("강남점 겨울 세일")
    choice = editor.send_from.choice
    choice.setCurrentIndex(choice.findText("02-555-0200"))
    yield from choose_template(editor, "spring_restock", 2)
    fill_blank(editor, 1, ParameterSource.TEXT.value, "SPRING10")
    yield lambda: editor.preview_for.findText("김민지") >= 0 and counted(editor)
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("김민지"))
    yield lambda: counted(editor)
    save(campaigns, "campaign-send-from-ko.png")


def confirmed_recipients(editor: CampaignEditor) -> frozenset[int]:
    """The contacts the send question lists, as the owner's yes to it hands them over."""
    return frozenset(m.contact_id for m in editor.resolved.recipients)


def pause_template(relay_url: str, name: str) -> None:
    """Meta's webhook that it paused a template for its quality, signed as the demo's relay expects."""
    from app.wire import SANDBOX_PHONE_NUMBER_ID
    from tests.support.relay_server import envelope

    paused = {
        "event": "PAUSED",
        "message_template_id": 123456,
        "message_template_name": name,
        "message_template_language": "ko",
        "reason": "LOW_QUALITY",
    }
    post_webhook(relay_url, envelope(paused, "message_template_status_update", SANDBOX_PHONE_NUMBER_ID))


def main(argv: list[str]) -> int:
    """The pictures of one mode (README: which screen each needs); none, the demo campaign's."""
    from docs.screenshots.shop_clock import in_shop_hours

    mode = argv[0] if argv else ""
    lang = argv[1] if len(argv) > 1 else "ko"
    in_shop_hours("en" if mode == "report-en" else lang)
    if mode == "editor":
        return run_demo(lambda: editor_scenes(lang), lang)
    if mode == "law":
        return run_demo(law_scenes)
    if mode == "report-en":
        return run_demo(report_en_scenes, "en")
    if mode == "1280x720":
        return run_demo(lambda: screen_1280_scenes(lang), lang)
    if mode == "125":
        os.environ["QT_SCALE_FACTOR"] = "1.25"
        return run_demo(scaled_scenes)
    if mode == "send-from":
        return run_demo(send_from_scenes, options=("--two-numbers",))
    if mode:
        raise SystemExit(f"unknown mode {mode!r}: editor, law, report-en, 1280x720, 125 or send-from")
    return run_demo(scenes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
