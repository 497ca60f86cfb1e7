"""Help ▸ About: the version, and where the chats and the log are, for whoever helps the shop."""

from __future__ import annotations

from typing import Any

from ui.menus import install_menus


def test_about_names_the_version_the_data_folder_and_the_log_file(
    window: Any, ctx: Any, dialogs: Any
) -> None:
    install_menus(window, ctx)
    about = next(
        a
        for m in window.menuBar().actions()
        if m.menu()
        for a in m.menu().actions()
        if a.text().replace("&", "").startswith("About")
    )
    shown = dialogs.expect("about")
    about.trigger()
    text = shown.shown[0].text
    assert text.startswith("Shop Inbox ")
    assert str(ctx.paths.data_dir) in text and str(ctx.paths.log_file) in text
