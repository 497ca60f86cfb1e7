"""Screenshots of the Korean demo's campaign (spring_restock, SPRING10): its form with the law's parts, its
report once the simulated customers read and answer it, the chat of a customer who tapped 수신거부, and
her consent box.

The real app, `shop-inbox --demo --lang ko`, started through its own start (`ui.application.run`) and
driven from inside as its tests drive it, so the pictures can be retaken after any change:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/demo_campaign_screenshot.py
"""

from __future__ import annotations

import inspect
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent

Wait = Callable[[], object]

if TYPE_CHECKING:
    from ui.campaign_window import CampaignWindow
    from ui.main_window import MainWindow


def top_level(kind: type) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def settled() -> bool:
    from ui.ops import pending_ops

    return pending_ops() == 0


def no_reminders() -> bool:
    """Whether no payment reminders are shown: the demo offers them once an order's deadline is
    within a day (soon after its start, then every minute), over whatever window the picture is of.
    Answered 보내지 않기 when they are (False: wait for the window to be painted without them)."""
    from ui.order_messages_dialog import BatchMessagesDialog

    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, BatchMessagesDialog) and w.isVisible()
    ]
    for dialog in shown:
        dialog.reject()
    return not shown


def save(
    widget: QWidget, name: str, *, right: int | None = None, top_left: tuple[int, int] | None = None
) -> None:
    """The widget as it paints itself, whole, or its `right` pixels, or its `top_left` width × height."""
    image = widget.grab()
    if right is not None:
        image = image.copy(image.width() - right, 0, right, image.height())
    if top_left is not None:
        image = image.copy(0, 0, *top_left)
    image.save(str(OUT / name))
    print("saved", OUT / name)


def main_window(width: int | None = None, height: int | None = None) -> Generator[Wait, None, MainWindow]:
    """The demo's main window once its chat list is read, sized `width` × `height` at the screen's top
    left when given. Gives the window."""
    from ui.main_window import MainWindow

    yield lambda: top_level(MainWindow) is not None
    window = top_level(MainWindow)
    assert isinstance(window, MainWindow)
    if width is not None and height is not None:
        window.resize(width, height)
        window.move(0, 0)
    yield lambda: window.chat_list.model.rowCount() > 5 and settled()
    return window


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
    editor.send_requested.emit(editor.draft())
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
    editor.send_requested.emit(editor.draft())
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
    from ui.campaign_window import CampaignWindow

    # The form reads the relay's templates as it opens: not before the demo's sync has started.
    yield lambda: window.ctx.sync is not None and window.ctx.sync.engine is not None
    shop_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("상점"))
    next(a for a in shop_menu.actions() if a.text().startswith("캠페인")).trigger()
    yield lambda: top_level(CampaignWindow) is not None
    campaigns = top_level(CampaignWindow)
    assert isinstance(campaigns, CampaignWindow)
    campaigns.resize(width, height)
    campaigns.new_campaign()
    editor = campaigns.editor
    yield editor.is_loaded
    editor.name.setText(name)
    box = editor.message.template

    def spring() -> int | None:
        names = [box.itemData(i).name if box.itemData(i) else None for i in range(box.count())]
        return names.index("spring_restock") if "spring_restock" in names else None

    yield lambda: spring() is not None  # the relay's templates arrive after the form has loaded
    box.setCurrentIndex(spring() or 0)
    yield lambda: len(editor.message.param_rows) == 2
    return campaigns


def pause_template(relay_url: str, name: str) -> None:
    """Meta's webhook that it paused a template for its quality, signed as the demo's relay expects."""
    import json

    import httpx

    from app.wire import SANDBOX_PHONE_NUMBER_ID
    from relay.settings import RelaySettings
    from relay.webhook import sign
    from tests.support.relay_server import envelope

    paused = {
        "event": "PAUSED",
        "message_template_id": 123456,
        "message_template_name": name,
        "message_template_language": "ko",
        "reason": "LOW_QUALITY",
    }
    body = json.dumps(envelope(paused, "message_template_status_update", SANDBOX_PHONE_NUMBER_ID))
    secret = RelaySettings.for_sandbox(database_url="sqlite://", client_token="-").app_secret
    answer = httpx.post(
        f"{relay_url}/webhook",
        content=body.encode(),
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(secret, body.encode())},
    )
    answer.raise_for_status()


def waited_at(wait: Wait | None) -> str:
    """The file and line of a wait (a lambda or a function of a scene)."""
    if wait is None:
        return ""
    try:
        return f"{inspect.getsourcefile(wait)}:{inspect.getsourcelines(wait)[1]}"
    except (TypeError, OSError):
        return ""


def drive(app: QApplication, steps: Iterator[Wait]) -> None:
    """Walk `steps` on the app's event loop: each waits (up to 3 minutes) until what it yields holds."""
    deadline = [time.monotonic() + 180]
    current: list[Wait | None] = [None]

    def tick() -> None:
        try:
            while current[0] is None or current[0]():
                current[0] = next(steps)
                deadline[0] = time.monotonic() + 180
        except StopIteration:
            app.quit()
            return
        if time.monotonic() > deadline[0]:
            # Where in its script: every wait is a `scenes.<locals>.<lambda>` by its name alone.
            print("timed out waiting at", current[0], waited_at(current[0]), file=sys.stderr)
            app.exit(1)
            return
        QTimer.singleShot(100, tick)

    QTimer.singleShot(0, tick)


def run_demo(
    steps: Callable[[], Iterator[Wait]],
    lang: str = "ko",
    folder: Path | None = None,
    options: tuple[str, ...] = (),
) -> int:
    """The real demo (`shop-inbox --demo --lang …`, with `options` such as "--two-numbers", kept in
    `folder`, else in a temporary one), started through the app's own start on the demo shop's clock
    (shop_clock.py), with `steps` driving it from inside."""
    from docs.screenshots.shop_clock import use_shop_clock
    from ui.application import run
    from ui.main import parse_args

    use_shop_clock(lang)  # the demo's times on its shop's clock, as its owner's computer shows them
    app = QApplication(sys.argv[:1])
    drive(app, steps())
    with tempfile.TemporaryDirectory() as kept:
        where = folder if folder is not None else Path(kept) / "demo"
        return run(parse_args(["--demo", "--lang", lang, "--data-dir", str(where), *options]))


if __name__ == "__main__":
    sys.exit(run_demo(scenes))
