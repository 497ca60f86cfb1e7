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
