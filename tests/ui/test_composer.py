"""The composer: Enter sends, Shift+Enter breaks the line, Hangul composition, drafts, the 24-hour window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.models import Contact, Message
from app.wire import Template
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle, sync_batch
from ui.composer import Composer


def conversation(ctx: Any, *, hours_since_customer: float = 1.0, name: str = "Customer") -> Any:
    from app.queries import conversations_by_id

    now = datetime.now(UTC)
    with ctx.db.write() as s:
        c = make_contact(s, profile_name=name, last_inbound_at=now - timedelta(hours=hours_since_customer))
        make_message(s, c, "hello", sent_at=now - timedelta(hours=hours_since_customer))
        cid = c.id
    with ctx.db.read() as s:
        return conversations_by_id(s, {cid})[0]


def commit_text(widget: Any, text: str) -> None:
    """Type text the way an input method delivers it (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_composer(qtbot: Any, conv: Any, *, enter_sends: bool = True) -> tuple[Composer, list[Any]]:
    composer = Composer(enter_sends=enter_sends)
    qtbot.addWidget(composer)
    composer.show()
    composer.set_chat(conv)
    sent: list[Any] = []
    composer.send_requested.connect(sent.append)
    composer.edit.setFocus()
    return composer, sent


def test_enter_sends_and_shift_enter_breaks_the_line(ctx: Any, qtbot: Any) -> None:
    composer, sent = make_composer(qtbot, conversation(ctx))
    qtbot.keyClicks(composer.edit, "first line")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(composer.edit, "second")
    assert not sent
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert [o.text for o in sent] == ["first line\nsecond"]
    assert composer.edit.toPlainText() == ""


def test_the_empty_box_says_quick_replies_are_a_slash_away_in_korean(
    korean: None, ctx: Any, qtbot: Any
) -> None:
    """The quick replies open only on "/": an owner who never read the manual learns it here."""
    composer, _sent = make_composer(qtbot, conversation(ctx))
    assert composer.edit.placeholderText() == "메시지 입력 · /로 빠른 답장"


def test_with_enter_sends_off_enter_is_a_new_line_and_ctrl_enter_sends(ctx: Any, qtbot: Any) -> None:
    composer, sent = make_composer(qtbot, conversation(ctx), enter_sends=False)
    qtbot.keyClicks(composer.edit, "a")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.edit, "b")
    assert not sent and composer.edit.toPlainText() == "a\nb"
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [o.text for o in sent] == ["a\nb"]


def test_enter_while_a_hangul_syllable_is_composing_neither_sends_nor_drops_it(ctx: Any, qtbot: Any) -> None:
    composer, sent = make_composer(qtbot, conversation(ctx))
    commit_text(composer.edit, "감사")
    # The input method is composing '합' (the preedit is not in the document yet).
    QApplication.sendEvent(composer.edit, QInputMethodEvent("합", []))
    assert composer.edit.is_composing()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert not sent
    # The input method commits the syllable; nothing was lost and nothing was sent.
    commit = QInputMethodEvent()
    commit.setCommitString("합")
    QApplication.sendEvent(composer.edit, commit)
    assert composer.edit.toPlainText() == "감사합"
    assert not composer.edit.is_composing()
    commit_text(composer.edit, "니다")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert [o.text for o in sent] == ["감사합니다"]


def test_a_draft_stays_with_its_chat(ctx: Any, qtbot: Any) -> None:
    first, second = conversation(ctx, name="A"), conversation(ctx, name="B")
    composer, _sent = make_composer(qtbot, first)
    qtbot.keyClicks(composer.edit, "half-written answer")
    composer.set_chat(second)
    assert composer.edit.toPlainText() == ""
    composer.set_chat(first)
    assert composer.edit.toPlainText() == "half-written answer"


def test_reply_to_is_sent_with_the_message(ctx: Any, qtbot: Any) -> None:
    from app.queries import messages_page

    conv = conversation(ctx)
    with ctx.db.read() as s:
        quoted = messages_page(s, conv.contact_id)[0]
    composer, sent = make_composer(qtbot, conv)
    composer.set_reply(quoted)
    assert composer.reply_bar.isVisible()
    qtbot.keyClicks(composer.edit, "yes")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent[0].reply_to_wamid == quoted.wamid
    assert not composer.reply_bar.isVisible()


def test_a_quoted_message_stays_with_its_chats_draft(ctx: Any, qtbot: Any) -> None:
    """The owner picks a message to answer, opens another chat to check something, and comes back:
    the quote is still there, and the reply is sent as an answer to it."""
    from app.queries import messages_page

    first, second = conversation(ctx, name="A"), conversation(ctx, name="B")
    with ctx.db.read() as s:
        quoted = messages_page(s, first.contact_id)[0]
    composer, sent = make_composer(qtbot, first)
    composer.set_reply(quoted)
    qtbot.keyClicks(composer.edit, "yes, in M")
    composer.set_chat(second)
    assert not composer.reply_bar.isVisibleTo(composer) and composer.reply_to is None
    composer.set_chat(first)
    assert composer.reply_bar.isVisibleTo(composer) and composer.reply_to == quoted
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert [(o.text, o.reply_to_wamid) for o in sent] == [("yes, in M", quoted.wamid)]
    composer.set_chat(second)  # answered: the quote is not offered again
    composer.set_chat(first)
    assert composer.reply_to is None


def test_after_24_hours_the_composer_offers_templates_instead_of_free_text(ctx: Any, qtbot: Any) -> None:
    composer, sent = make_composer(qtbot, conversation(ctx, hours_since_customer=30))
    assert composer.window_notice.isVisible()
    assert not composer.input_row.isVisible()
    asked: list[bool] = []
    composer.template_requested.connect(lambda: asked.append(True))
    composer.template_button.click()
    assert asked == [True]
    assert not sent


def test_countdown_shows_when_less_than_two_hours_of_the_window_remain(ctx: Any, qtbot: Any) -> None:
    composer, _ = make_composer(qtbot, conversation(ctx, hours_since_customer=23))
    assert composer.input_row.isVisible()
    assert composer.countdown.isVisible()
    assert "59 min" in composer.countdown.text() or "1 h" in composer.countdown.text()
    fresh, _ = make_composer(qtbot, conversation(ctx, hours_since_customer=1))
    assert not fresh.countdown.isVisible()


def test_a_screen_reader_hears_why_templates_only_and_how_long_free_replies_last(
    ctx: Any, qtbot: Any
) -> None:
    """The sentence beside "Choose template…" and the countdown under the field are labels nobody
    can Tab to: they are said with the button and the field they are about."""
    from tests.support.accessibility import spoken_name

    closed, _ = make_composer(qtbot, conversation(ctx, hours_since_customer=30))
    description = QAccessible.queryAccessibleInterface(closed.template_button).text(
        QAccessible.Text.Description
    )
    assert spoken_name(closed.template_button) == "Choose template…"
    assert description == closed.window_text.text() and "approved template" in description

    closing, _ = make_composer(qtbot, conversation(ctx, hours_since_customer=23))
    field = QAccessible.queryAccessibleInterface(closing.edit)
    assert field.text(QAccessible.Text.Description) == closing.countdown.text()
    fresh, _ = make_composer(qtbot, conversation(ctx, hours_since_customer=1))
    assert QAccessible.queryAccessibleInterface(fresh.edit).text(QAccessible.Text.Description) == ""


def test_template_picker_fills_parameters_and_the_template_is_queued(window: Any, qtbot: Any) -> None:
    from ui.template_picker import TemplatePicker

    conv = conversation(window.ctx, hours_since_customer=48, name="Old friend")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    template = Template(
        name="order_shipped",
        language="en",
        category="UTILITY",
        components=[{"type": "BODY", "text": "Hi {{1}}, your order shipped. Tracking: {{2}}"}],
    )
    picker = TemplatePicker([template])
    qtbot.addWidget(picker)
    assert len(picker.fields) == 2
    assert not picker.send_button.isEnabled()
    picker.fields[0].setText("Amy")
    picker.fields[1].setText("6543")
    assert picker.preview.toPlainText() == "Hi Amy, your order shipped. Tracking: 6543"
    chosen = picker.chosen()
    assert chosen is not None
    window.chat.composer.send_template(*chosen)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).kind == "template")
    last = model.message_at(model.rowCount() - 1)
    assert last.body == "Hi Amy, your order shipped. Tracking: 6543"
    assert last.status == "pending"


def test_a_marketing_template_sent_from_a_chat_is_checked_against_korean_ad_law(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The chat's template picker says what a Korean marketing message lacks, as a campaign does,
    and asks before it goes (No is the default); a utility template goes without a word."""
    from PySide6.QtWidgets import QMessageBox

    from app.automations_store import load_state, save_local
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting
    from ui.template_picker import TemplatePicker

    sale = Template(
        name="winter_sale",
        language="ko",
        category="MARKETING",
        components=[{"type": "BODY", "text": "{{1}}님, 서울 리넨 겨울 세일이 시작됐어요! 전 품목 20% 할인"}],
    )
    shipped = Template(
        name="order_update",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "{{1}}님, 주문하신 상품이 발송되었어요."}],
    )
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in (sale, shipped)])
        doc = load_state(s).doc
        doc.profile.name = "서울 리넨"
        save_local(s, doc)
    conv = conversation(window.ctx, hours_since_customer=48, name="김민지")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    seen: dict[str, Any] = {}

    def pick(picker: TemplatePicker) -> None:
        picker.list.setCurrentRow(0)  # winter_sale
        assert picker.fields[0].text() == "김민지"
        seen["law"] = picker.law.text() if picker.law.isVisible() else ""
        picker.send_button.click()  # asked, and the owner says No: the picker stays
        seen["open after no"] = picker.isVisible()
        picker.list.setCurrentRow(1)  # order_update: no question
        seen["law for utility"] = picker.law.isVisible()
        picker.send_button.click()

    asked = dialogs.expect("warning", answer=QMessageBox.StandardButton.No)
    dialogs.expect("modal", answer=pick)
    window.chat.pick_template()
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).kind == "template", timeout=5000)
    assert "(광고)" in seen["law"] and "opt out" in seen["law"]
    assert "name the shop" not in seen["law"]  # the shop's profile was read: its name is in the text
    assert asked.texts and "Send it anyway?" in asked.texts[0]
    assert seen["open after no"] is True and seen["law for utility"] is False
    assert model.message_at(model.rowCount() - 1).body == "김민지님, 주문하신 상품이 발송되었어요."


def test_the_template_picker_fills_the_customers_name_where_the_template_greets_them(qtbot: Any) -> None:
    """ "{{1}}님, 주문하신 {{2}} 상품이…": the first is the customer's name (the one they gave
    WhatsApp), which the owner should not have to type; the product waits for the owner."""
    from ui.template_picker import TemplatePicker

    shipped = Template(
        name="order_update",
        language="ko",
        category="UTILITY",
        components=[
            {"type": "BODY", "text": "{{1}}님, 주문하신 {{2}} 상품이 오늘 발송되었습니다. 송장번호: {{3}}"}
        ],
    )
    hello = Template(
        name="shipping_notice",
        language="en",
        category="UTILITY",
        components=[{"type": "BODY", "text": "Hi {{1}}, your parcel {{2}} is on its way."}],
    )
    picker = TemplatePicker([shipped, hello], customer_name="최유진")
    qtbot.addWidget(picker)
    assert [f.text() for f in picker.fields] == ["최유진", "", ""]
    picker.list.setCurrentRow(1)
    assert [f.text() for f in picker.fields] == ["최유진", ""]
    assert not picker.send_button.isEnabled()  # the parcel number is still the owner's to give
    unknown = TemplatePicker([shipped])  # no name known: nothing guessed
    qtbot.addWidget(unknown)
    assert unknown.fields[0].text() == ""


def test_the_template_picker_starts_on_a_template_in_the_language_the_customer_writes(qtbot: Any) -> None:
    """Amy writes English; the picker chose the shop's first template, a Korean one."""
    from ui.template_picker import TemplatePicker

    korean = Template(name="order_update", language="ko", category="UTILITY", components=[])
    english = Template(name="order_update", language="en_US", category="UTILITY", components=[])
    for words, chosen in (
        (["Paid, thank you!", "Great, I'll take the sage green one"], english),
        (["OK", "배송 언제 되나요?"], korean),  # one "OK" does not make her English
        (["👍"], korean),  # no letters: the list's first
        ([], korean),
    ):
        picker = TemplatePicker([korean, english], their_words=words)
        qtbot.addWidget(picker)
        assert picker.current() is chosen, words


def test_the_chat_gives_the_picker_the_name_the_customer_gave_whatsapp_not_the_owners_nickname(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from ui.template_picker import TemplatePicker

    conv = conversation(window.ctx, hours_since_customer=48, name="최유진")
    with window.ctx.db.write() as s:
        from app.models import Contact

        s.get(Contact, conv.contact_id).saved_name = "유진 단골"
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    seen: list[str] = []

    def look(dialog: Any) -> None:
        assert isinstance(dialog, TemplatePicker)
        seen.append(dialog.customer_name)
        dialog.reject()

    dialogs.expect("modal", answer=look)
    window.chat.composer.template_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == ["최유진"]


def test_return_in_the_template_picker_never_sends_a_template_by_itself(qtbot: Any) -> None:
    """The picker opens while the owner may still be typing: a Return in its list or a field does
    not send the selected template (one with nothing to fill would go at once); Send's click does."""
    from ui.template_picker import TemplatePicker

    ready = Template(
        name="winter_sale",
        language="ko",
        category="MARKETING",
        components=[{"type": "BODY", "text": "(광고) 겨울 세일이 시작됐어요!"}],
    )
    picker = TemplatePicker([ready])
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.send_button.isEnabled()  # nothing to fill in: sendable as it stands
    picker.list.setFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert picker.isVisible() and picker.result() != picker.DialogCode.Accepted
    qtbot.mouseClick(picker.send_button, Qt.MouseButton.LeftButton)
    assert picker.result() == picker.DialogCode.Accepted
    assert picker.chosen() == (ready, ())


def test_sending_puts_a_pending_bubble_at_once_and_ticks_it_when_the_relay_answers(
    window: Any, qtbot: Any
) -> None:
    conv = conversation(window.ctx, name="Buyer")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    edit = window.chat.composer.edit
    edit.setFocus()
    commit_text(edit, "배송 출발했어요 ")
    qtbot.keyClicks(edit, "<b>!</b>")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).direction == "out")
    row = model.rowCount() - 1
    mine = model.message_at(row)
    assert mine.body == "배송 출발했어요 <b>!</b>" and mine.status == "pending"
    # The chat moved up in the list with a clock as its last message.
    qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).last_status == "pending")

    # The relay answered (the sync engine writes the status and reports the conversation).
    settle(qtbot)  # opening the chat marked it read: that op's repaint is not the relay's
    changed: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.extend(range(a.row(), b.row() + 1)))
    with window.ctx.db.write() as s:
        m = s.get(Message, mine.id)
        assert m is not None
        m.status, m.wamid = "sent", "wamid.ANSWERED"
    sync_batch(window, qtbot, {conv.contact_id})
    assert model.message_at(row).status == "sent"
    # The answered bubble repaints, once. (On a loaded machine the customer's message above was seen
    # repainting in the same moment too, the chat's opening still settling: not what this checks.)
    assert changed.count(row) == 1


def test_a_message_that_fails_after_it_was_shown_pending_says_why_under_its_text(
    window: Any, qtbot: Any
) -> None:
    conv = conversation(window.ctx, name="Buyer")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    edit = window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Yes, the blue vase is in stock.")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    view = window.chat.view
    model = view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).direction == "out")
    row = model.rowCount() - 1
    mine = model.message_at(row)
    settle(qtbot)
    pending_height = view.visualRect(model.index(row)).height()
    assert pending_height > 0  # laid out and shown with its clock

    # WhatsApp refused it (131047), as the outbox stores the relay's answer.
    with window.ctx.db.write() as s:
        m = s.get(Message, mine.id)
        assert m is not None
        m.status, m.error_code = "failed", "131047"
        m.error_text = "More than 24 hours have passed since the customer last wrote."
    sync_batch(window, qtbot, {conv.contact_id})
    assert model.message_at(row).status == "failed"
    geo = view.itemDelegate().geometry(model.index(row), view.viewport().width())
    assert geo.failure_text.startswith("Not sent: ") and "24 hours" in geo.failure_text
    qtbot.waitUntil(lambda: view.visualRect(model.index(row)).height() > pending_height)


def test_a_dropped_picture_is_sent_as_an_image_with_its_caption(
    window: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent, QImage

    picture = tmp_path / "shirt.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(picture))
    conv = conversation(window.ctx, name="Photo fan")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.chat.dropEvent(drop)
    composer = window.chat.composer
    assert composer.attachment == picture and composer.attach_bar.isVisible()
    commit_text(composer.edit, "새 셔츠예요")
    composer.submit()
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.message_at(model.rowCount() - 1).kind == "image")
    last = model.message_at(model.rowCount() - 1)
    assert last.body == "새 셔츠예요" and last.status == "pending"


def test_a_failed_message_can_be_retried_from_its_bubble(window: Any, qtbot: Any) -> None:
    conv = conversation(window.ctx, name="Retry")
    with window.ctx.db.write() as s:
        from app.models import Contact

        contact = s.get(Contact, conv.contact_id)
        failed = make_message(
            s,
            contact,
            "did not go",
            direction="out",
            status="failed",
            error_text="No connection",
            wamid=None,
            sent_at=datetime.now(UTC),
        )
        failed_id = failed.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    view = window.chat.view
    row = view.chat_model.row_of(failed_id)
    assert row is not None and view.chat_model.message_at(row).status == "failed"
    view.retry_requested.emit(failed_id)
    qtbot.waitUntil(lambda: view.chat_model.message_at(row).status == "pending")


def test_sending_while_reading_an_old_search_hit_shows_the_newest_messages(window: Any, qtbot: Any) -> None:
    conv = conversation(window.ctx, name="Long story")
    with window.ctx.db.write() as s:
        from app.models import Contact

        contact = s.get(Contact, conv.contact_id)
        first = make_message(s, contact, "the very first", sent_at=datetime.now(UTC) - timedelta(days=30))
        for i in range(120):
            make_message(
                s, contact, f"filler {i}", sent_at=datetime.now(UTC) - timedelta(days=20, minutes=-i)
            )
        first_id = first.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    view = window.chat.view
    view.open_around(first_id)
    qtbot.waitUntil(lambda: view.chat_model.has_newer)
    commit_text(window.chat.composer.edit, "still there?")
    window.chat.composer.submit()
    model = view.chat_model
    qtbot.waitUntil(
        lambda: model.rowCount() > 0 and model.message_at(model.rowCount() - 1).body == "still there?"
    )
    assert not model.has_newer


def test_slash_offers_quick_replies_filled_for_this_customer_and_enter_then_sends(
    window: Any, qtbot: Any
) -> None:
    from app.quick_replies import QuickReplyLibrary

    QuickReplyLibrary(window.ctx.db).add("/thanks", "Thanks {name}, your order is on its way!")
    conv = conversation(window.ctx, name="Amy Clarke")
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    composer = window.chat.composer
    edit = composer.edit
    sent: list[Any] = []
    composer.send_requested.connect(sent.append)
    edit.setFocus()
    qtbot.keyClicks(edit, "/tha")
    qtbot.waitUntil(window.chat.quick_replies.is_open)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # inserts, does not send
    assert edit.toPlainText() == "Thanks Amy Clarke, your order is on its way!"
    assert not sent
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert [o.text for o in sent] == ["Thanks Amy Clarke, your order is on its way!"]


def test_a_quick_reply_goes_into_a_chat_in_the_language_its_customer_writes(window: Any, qtbot: Any) -> None:
    """Emma writes English: "/배송" put the Korean text in her chat, and the owner retyped it."""
    from app.quick_replies import QuickReplyLibrary
    from ui.quick_reply_model import Role

    QuickReplyLibrary(window.ctx.db).add(
        "/배송",
        "{first_name}님, 결제 후 2~3일 안에 받으실 수 있어요.",
        text_other_language="{first_name}, it usually arrives 2–3 days after payment.",
    )
    emma = conversation(window.ctx, name="Emma Wilson")  # her message: "hello"
    minji = conversation(window.ctx, name="김민지")
    with window.ctx.db.write() as s:
        make_message(s, s.get(Contact, minji.contact_id), "배송 언제 되나요?")
    load_chats(window, qtbot)
    for conv, expected in (
        (emma, "Emma, it usually arrives 2–3 days after payment."),
        (minji, "김민지님, 결제 후 2~3일 안에 받으실 수 있어요."),
    ):
        select_chat(window, qtbot, conv.contact_id)
        edit = window.chat.composer.edit
        edit.setFocus()
        edit.clear()
        qtbot.keyClicks(edit, "/")
        commit_text(edit, "배송")
        completer = window.chat.quick_replies
        qtbot.waitUntil(completer.is_open)
        shown = completer.model.index(0, 0).data(Role.TEXT)  # the popup shows what will go in
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert edit.toPlainText() == expected
        assert ("it usually arrives" in shown) == (conv is emma)
        edit.clear()


def test_pasting_a_picture_or_a_copied_file_attaches_it_and_text_still_pastes_as_text(
    ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QColor, QImage

    composer, _sent = make_composer(qtbot, conversation(ctx))
    clipboard = QApplication.clipboard()

    screenshot = QImage(640, 480, QImage.Format.Format_RGB32)
    screenshot.fill(QColor("#3a7bd5"))
    clipboard.setImage(screenshot)
    composer.edit.paste()  # Ctrl+V of a screenshot: attached, as in WhatsApp, not dropped
    qtbot.waitUntil(lambda: composer.attachment is not None, timeout=5000)
    assert composer.attachment is not None and composer.attachment.suffix == ".png"
    assert QImage(str(composer.attachment)).size() == screenshot.size()
    assert composer.attach_bar.isVisible() and composer.edit.toPlainText() == ""
    # The picture itself is shown small beside its name, 4:3 as it is.
    qtbot.waitUntil(lambda: composer.attach_thumb.isVisible(), timeout=5000)
    assert composer.attach_thumb.pixmap().size().width() == 40
    assert composer.attach_thumb.pixmap().size().height() == 30

    composer.clear_attachment()
    price_list = tmp_path / "가격표.pdf"
    price_list.write_bytes(b"%PDF-1.4\n")
    copied = QMimeData()
    copied.setUrls([QUrl.fromLocalFile(str(price_list))])  # a file copied in Explorer or Finder
    clipboard.setMimeData(copied)
    composer.edit.paste()
    assert composer.attachment == price_list
    assert not composer.attach_thumb.isVisible()  # a PDF: its name only

    composer.clear_attachment()
    clipboard.setText("린넨 셔츠 아이보리 M")
    composer.edit.paste()
    assert composer.edit.toPlainText() == "린넨 셔츠 아이보리 M" and composer.attachment is None


def test_a_marketing_template_for_a_customer_who_opted_out_says_so_beside_its_cost(
    korean: None, window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The owner about to send an offer from the chat learns there, not in the contact panel, that
    this customer opted out of marketing; a utility template (her order's news) says nothing of it."""
    from app.consent import OptOutReason, set_opted_out
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting
    from ui.template_picker import TemplatePicker

    sale = Template(
        name="winter_sale",
        language="ko",
        category="MARKETING",
        components=[
            {"type": "BODY", "text": "(광고) {{1}}님, 겨울 세일이 시작됐어요! 무료수신거부 080-000-0000"}
        ],
    )
    shipped = Template(
        name="order_update",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "{{1}}님, 주문하신 상품이 발송되었어요."}],
    )
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in (sale, shipped)])
    conv = conversation(window.ctx, hours_since_customer=48, name="정도윤")
    with window.ctx.db.write() as s:
        set_opted_out(s, conv.contact_id, True, OptOutReason.KEYWORD)
    load_chats(window, qtbot)
    select_chat(window, qtbot, conv.contact_id)
    seen: dict[str, str] = {}

    def look(picker: TemplatePicker) -> None:
        picker.list.setCurrentRow(0)  # winter_sale
        seen["marketing"] = picker.cost.text()
        picker.list.setCurrentRow(1)  # order_update
        seen["utility"] = picker.cost.text()
        picker.reject()

    shown = dialogs.expect("modal", answer=look)
    window.chat.pick_template()
    qtbot.waitUntil(lambda: bool(shown.shown), timeout=5000)
    assert seen["marketing"].endswith("이\u00a0고객은 광고 수신을 거부했어요.")
    assert "거부" not in seen["utility"]


def test_the_template_picker_starts_on_a_utility_template_in_her_language_before_a_paid_ad(
    qtbot: Any,
) -> None:
    """The shop's list began with its spring ad: the picker opened on a paid marketing template for
    a customer asking where her parcel is, though a free order update in her language was there."""
    from ui.template_picker import TemplatePicker

    ad_ko = Template(name="spring_restock", language="ko", category="MARKETING", components=[])
    ad_en = Template(name="spring_restock", language="en", category="MARKETING", components=[])
    update_en = Template(name="order_update", language="en", category="UTILITY", components=[])
    update_ko = Template(name="order_update", language="ko", category="UTILITY", components=[])
    shop = [ad_ko, ad_en, update_en, update_ko]
    for templates, words, chosen in (
        (shop, ["배송 언제 되나요?"], update_ko),
        (shop, ["Where is my parcel?"], update_en),
        (shop, ["👍"], update_ko),  # no letters: the list's first one's language, its utility one
        ([ad_ko, ad_en, update_ko], ["Where is my parcel?"], ad_en),  # her language before the kind
    ):
        picker = TemplatePicker(templates, their_words=words)
        qtbot.addWidget(picker)
        assert picker.current() is chosen, words


def test_a_customer_who_changed_number_takes_her_drafts_lost_file_with_her_still_uncounted(
    ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    """A draft restored with a file the move left behind, then her number changed before her chat
    was opened: her new chat's row counts the file that is here, and opening it names the other."""
    old, new, open_one = conversation(ctx, name="A"), conversation(ctx, name="B"), conversation(ctx, name="C")
    here, lost = tmp_path / "invoice.pdf", tmp_path / "old-photo.jpg"
    here.write_bytes(b"%PDF-1.7 invoice")
    composer, _sent = make_composer(qtbot, open_one)
    files = {old.contact_id: [lost, here]}
    composer.load_drafts({old.contact_id: "your invoice"}, files=files, missing=frozenset({lost}))
    assert composer.draft_for(old.contact_id) == "📎 invoice.pdf your invoice"
    composer.chat_merged(old.contact_id, new.contact_id)
    assert composer.draft_for(new.contact_id) == "📎 invoice.pdf your invoice"
    composer.set_chat(new)
    assert composer.attachments == [here]
    assert composer.gone_note.isVisibleTo(composer) and "old-photo.jpg" in composer.gone_note.text()
