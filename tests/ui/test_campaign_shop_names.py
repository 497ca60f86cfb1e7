"""The law check of a campaign finds the shop's name under any name the app knows it by, and says
which names it looked for when it finds none."""

from __future__ import annotations

from typing import Any

from app.automations_store import load_state, save_local
from app.order_settings import OrderSettings, save_order_settings
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from app.wire import Template
from tests.support.campaign_window import choose_template, open_window, seed


def _english_shop(ctx: Any, bank_account: str) -> None:
    """The English demo's shop: its profile's name is "Seoul Linen House", its Korean ad says
    "(광고) 서울 리넨 하우스", and its account is held under "서울리넨하우스"."""
    from relay.sandbox_cast import TEMPLATES

    seed(ctx)
    restock = [Template.model_validate(t) for t in TEMPLATES if t["name"] == "spring_restock"]
    with ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in restock])
        doc = load_state(s).doc
        doc.profile.name = "Seoul Linen House"
        save_local(s, doc)
        save_order_settings(s, OrderSettings(bank_account=bank_account))


def test_a_korean_ad_naming_the_shop_as_its_account_is_held_passes(qtbot: Any, ctx: Any) -> None:
    """The tester's English demo said "The message does not name the shop." of an ad starting
    "(광고) 서울 리넨 하우스": the check looked for "Seoul Linen House" only."""
    _english_shop(ctx, "국민은행 123456-01-234567 (서울리넨하우스)")
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "spring_restock")
    editor.message.param_rows[1][1].setText("SPRING10")
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.message.law.text() != "", timeout=5000)
    assert "(광고) 서울 리넨 하우스" in editor.preview.text()
    assert editor.law_problems() == []
    assert editor.message.law.text().startswith("✓")


def test_a_shop_name_not_found_says_which_names_were_looked_for(qtbot: Any, ctx: Any) -> None:
    _english_shop(ctx, "")  # no account: the profile's English name is all the app knows
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "spring_restock")
    editor.message.param_rows[1][1].setText("SPRING10")
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.message.law.text() != "", timeout=5000)
    assert [p.value for p in editor.law_problems()] == ["no_shop_name"]
    assert "The message does not name the shop (looked for “Seoul Linen House”)." in editor.message.law.text()
