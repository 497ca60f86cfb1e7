"""A Korean shop's English greeting names it in letters its foreign customers read: the profile's name
in another language fills {shop} there ("welcome to Seoul Linen House!", not "welcome to 서울 리넨
하우스!"), in the greeting editor's preview as the relay sends it."""

from __future__ import annotations

from typing import Any

from app.automations_store import AutomationsStore, demo_automations
from tests.ui.test_away_notice import MONDAY_MORNING  # the demo shop open: the greeting goes alone
from ui.business_profile_editor import BusinessProfileEditor
from ui.greeting_editor import GreetingEditor


def korean_demo_rules(ctx: Any) -> Any:
    """`ctx` with the Korean demo shop's rules, as its relay last sent them."""
    AutomationsStore(ctx.db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


def opened(qtbot: Any, editor: Any) -> Any:
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=10_000)
    return editor


def greeting_preview(qtbot: Any, ctx: Any) -> Any:
    editor = opened(qtbot, GreetingEditor(ctx))
    editor.preview.clock = lambda: MONDAY_MORNING
    editor.show_preview(editor.apply(editor.state.doc))
    return editor.preview


def test_the_korean_demo_greets_a_customer_abroad_with_its_english_name(
    qtbot: Any, ctx: Any, korean: None
) -> None:
    preview = greeting_preview(qtbot, korean_demo_rules(ctx))
    assert preview.other_language.isVisibleTo(preview)
    assert "welcome to Seoul Linen House!" in preview.other_language.text()
    assert "서울 리넨 하우스" not in preview.other_language.text()
    assert "서울 리넨 하우스입니다!" in preview.new_customer.text()  # her Korean customers' greeting


def test_the_owner_gives_the_english_name_in_the_profile_and_the_english_greeting_uses_it(
    qtbot: Any, ctx: Any, english: None
) -> None:
    korean_demo_rules(ctx)
    profile = opened(qtbot, BusinessProfileEditor(ctx))
    profile.name_other_language.setText("  ")  # cleared: the English greeting falls back to the name
    profile.save()
    qtbot.waitUntil(lambda: not profile.is_busy(), timeout=10_000)
    assert "welcome to 서울 리넨 하우스!" in greeting_preview(qtbot, ctx).other_language.text()

    profile.name_other_language.setText("Seoul Linen House & Co")
    profile.save()
    qtbot.waitUntil(lambda: not profile.is_busy(), timeout=10_000)
    saved = AutomationsStore(ctx.db).state().doc.profile
    assert (saved.name, saved.name_other_language) == ("서울 리넨 하우스", "Seoul Linen House & Co")
    preview = greeting_preview(qtbot, ctx)
    assert "Hello Emma, welcome to Seoul Linen House & Co!" in preview.other_language.text()
    assert "서울 리넨 하우스입니다!" in preview.new_customer.text()


def test_the_profile_editor_names_the_field_in_korean(qtbot: Any, ctx: Any, korean: None) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    editor = opened(qtbot, BusinessProfileEditor(korean_demo_rules(ctx)))
    form = editor.form.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(editor.name_other_language)
    assert isinstance(label, QLabel)
    assert label.text() == "다른 언어 가게 이름(&G)"
    assert editor.name_other_language.text() == "Seoul Linen House"
    assert editor.name_other_language.placeholderText() == "예: Seoul Linen House"
