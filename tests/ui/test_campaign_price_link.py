"""A campaign's "enter your price" note is a link that opens Settings at the campaign price field."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.support.campaign_window import choose_template, seed


def _campaign_window(window: Any, qtbot: Any) -> Any:
    """Shop ▸ Campaigns…, as the owner opens it from the main window's menu."""
    from ui.campaign_window import CampaignWindow
    from ui.menus import install_menus

    install_menus(window, window.ctx)
    shop = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Shop")
    next(a for a in shop.actions() if a.text().replace("&", "") == "Campaigns…").trigger()
    campaigns = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CampaignWindow) and shiboken6.isValid(w) and w.isVisible()
    )
    qtbot.waitUntil(campaigns.editor.is_loaded, timeout=5000)
    return campaigns


def test_the_price_note_opens_settings_at_the_marketing_price_and_the_cost_follows_the_save(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from ui.settings_dialog import SettingsDialog

    seed(window.ctx)
    campaigns = _campaign_window(window, qtbot)
    editor = campaigns.editor
    choose_template(editor, "winter_sale_ok")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(
        lambda: "up to 2 marketing messages" in editor.schedule.cost_note.cost.text(), timeout=5000
    )
    link = editor.schedule.cost_note.price_link
    assert link.isVisibleTo(editor) and 'href="prices"' in link.text()
    assert "Settings" not in editor.schedule.cost_note.cost.text()  # said once, as the link

    dialogs.expect("modal")  # Settings, left open for the test to fill in
    link.linkActivated.emit("prices")  # what a click on the link sends
    settings = next(d for d in campaigns.findChildren(SettingsDialog) if d.isVisible())
    price = settings.campaign_prices.marketing
    qtbot.waitUntil(lambda: settings.loaded and price.isEnabled() and price.hasFocus(), timeout=5000)
    # Scrolled to it: the box is the last section, below the edge of a laptop's screen.
    viewport = settings.sections.viewport()
    qtbot.waitUntil(
        lambda: viewport.rect().contains(QRect(price.mapTo(viewport, QPoint(0, 0)), price.size())),
        timeout=5000,
    )
    assert settings.sections.verticalScrollBar().value() > 0

    qtbot.keyClicks(price, "120")
    with qtbot.waitSignal(settings.accepted):
        settings.accept()
    qtbot.waitUntil(lambda: "₩240" in editor.schedule.cost_note.cost.text(), timeout=5000)
    assert not link.isVisibleTo(editor)


def test_settings_from_the_price_link_opens_over_the_campaign_and_closing_it_gives_the_campaign_back(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The link raised the main window over the campaign window, Settings on top of it: the owner
    lost her campaign behind the inbox."""
    from ui.settings_dialog import SettingsDialog

    seed(window.ctx)
    campaigns = _campaign_window(window, qtbot)
    campaigns.activateWindow()
    qtbot.waitUntil(campaigns.isActiveWindow)
    dialogs.expect("modal")
    campaigns.editor.schedule.cost_note.price_link.linkActivated.emit("prices")
    shown = [d for d in QApplication.topLevelWidgets() if isinstance(d, SettingsDialog) and d.isVisible()]
    assert len(shown) == 1
    settings = shown[0]
    assert settings.parentWidget() == campaigns  # on top of the campaign
    assert settings.windowModality() == Qt.WindowModality.WindowModal  # the inbox stays free to use
    assert not window.findChildren(SettingsDialog)
    qtbot.waitUntil(lambda: settings.loaded, timeout=5000)

    # Its window manager's parent is the campaign: on top of it, and closing it goes back to it.
    handle = settings.windowHandle()
    assert handle is not None and handle.transientParent() is campaigns.windowHandle()
    settings.reject()
    qtbot.waitUntil(lambda: not settings.isVisible())
    assert campaigns.isVisible() and campaigns.isEnabled()
