"""The campaign's template list says what each template says, not only Meta's name for it."""

from __future__ import annotations

from typing import Any

from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from app.wire import Template
from tests.support.campaign_window import BARE_AD, choose_template, open_window, seed
from ui.template_picker import DETAIL_ROLE

LONG_NOTICE = Template(
    name="shipping_notice",
    language="en_US",
    category="UTILITY",
    components=[
        {"type": "HEADER", "format": "TEXT", "text": "Your order"},
        {
            "type": "BODY",
            "text": "Hello {{1}},\n\nyour order {{2}} left our shop today and should reach you soon.",
        },
    ],
)


def test_each_template_shows_its_name_and_the_start_of_its_body_then_language_and_kind(
    qtbot: Any, ctx: Any
) -> None:
    """The owner saw "winter_sale · ko · 마케팅 (유료)" and could not tell what each one says."""
    from PySide6.QtCore import Qt

    seed(ctx)
    with ctx.db.write() as s:
        put_setting(
            s, TEMPLATES_SETTING, [BARE_AD.model_dump(mode="json"), LONG_NOTICE.model_dump(mode="json")]
        )
    editor = open_window(qtbot, ctx).editor
    box = editor.message.template
    assert [box.itemText(i) for i in range(1, box.count())] == [
        "winter_sale — {{1}}님, 겨울 세일을 시작했어요! 쿠폰 {{2}}",
        # One line (its body's line breaks are spaces), cut with an ellipsis; never the header.
        "shipping_notice — Hello {{1}}, your order {{2}} left our…",
    ]
    assert [box.itemData(i, DETAIL_ROLE) for i in range(1, box.count())] == [
        "Korean · Marketing (paid)",
        "English · Utility",
    ]
    # The whole body is a hover away.
    assert box.itemData(2, Qt.ItemDataRole.ToolTipRole) == (
        "Hello {{1}}, your order {{2}} left our shop today and should reach you soon."
    )
    choose_template(editor, "shipping_notice")
    assert editor.current_template() == LONG_NOTICE


def test_a_draft_whose_template_meta_paused_says_so_instead_of_looking_as_if_it_never_had_one(
    qtbot: Any, ctx: Any
) -> None:
    """A draft made with an ad Meta paused since opened on "Choose an approved template…" with its
    blanks gone, and nothing said why."""
    from app.campaign_store import CampaignDraft, save_draft
    from tests.support.campaign_window import LAWFUL_AD

    seed(ctx)
    with ctx.db.write() as s:
        save_draft(s, CampaignDraft(name="이번 주 신메뉴", template=LAWFUL_AD))
        paused = LAWFUL_AD.model_copy(update={"status": "PAUSED"})
        put_setting(s, TEMPLATES_SETTING, [BARE_AD.model_dump(mode="json"), paused.model_dump(mode="json")])
    window = open_window(qtbot, ctx)
    editor = window.editor
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)  # the list is read in an op
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "이번 주 신메뉴", timeout=5000)
    note = editor.message.gone_note
    assert editor.current_template() is None
    assert note.isVisibleTo(window)
    assert note.text().startswith("This draft's template “winter_sale_ok” (Korean) is not approved now")
    window.new_campaign()  # a new campaign has no template to miss
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "", timeout=5000)
    assert not note.isVisibleTo(window)
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "이번 주 신메뉴", timeout=5000)
    assert note.isVisibleTo(window)
    choose_template(editor, "winter_sale")  # another one chosen: the note has said its part
    assert not note.isVisibleTo(window)


def test_the_paused_template_note_is_korean(qtbot: Any, ctx: Any, korean: Any) -> None:
    from app.campaign_store import CampaignDraft, save_draft
    from tests.support.campaign_window import LAWFUL_AD

    seed(ctx)
    with ctx.db.write() as s:
        save_draft(s, CampaignDraft(name="이번 주 신메뉴", template=LAWFUL_AD))
        put_setting(s, TEMPLATES_SETTING, [BARE_AD.model_dump(mode="json")])
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    window.list.selectRow(0)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "이번 주 신메뉴", timeout=5000)
    assert editor.message.gone_note.text().startswith(
        "임시 저장한 이\u00a0캠페인의 템플릿은 지금 승인된 상태가 아니에요: “winter_sale_ok”(한국어)."
    )


def test_the_chosen_templates_placeholders_are_drawn_in_one_font_in_the_closed_box(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    """Chosen, "winter_sale — {{1}}님, 겨울 세일을 시작했어요! 쿠폰 {{2}}" drew "{{2}}" after the Hangul in
    NanumGothic (narrower and lower braces) while the open list and the picker drew both alike."""
    from PySide6.QtGui import QFontInfo, QTextLayout
    from PySide6.QtWidgets import QApplication

    from ui.theme import install_drop_down_combos

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet = app.styleSheet()
    install_drop_down_combos(app)  # as the app starts: a style sheet, which stops a parent's font
    try:
        seed(ctx)
        with ctx.db.write() as s:
            put_setting(s, TEMPLATES_SETTING, [BARE_AD.model_dump(mode="json")])
        editor = open_window(qtbot, ctx).editor
        choose_template(editor, "winter_sale")
        box = editor.message.template
        line, font = box.currentText(), box.label_font()
        box.grab()  # the box paints its line in that font
    finally:
        app.setStyleSheet(sheet)
    layout = QTextLayout(line, font)
    layout.beginLayout()
    drawn = layout.createLine()
    layout.endLayout()
    braces = [i for i, c in enumerate(line) if c in "{}"]
    assert len(braces) == 8, line
    families = {run.rawFont().familyName() for i in braces for run in drawn.glyphRuns(i, 1)}
    assert families == {QFontInfo(QApplication.font()).family()}, line
