"""The main window's menus and drag-and-drop of phone exports: every dialog the owner can open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget

from app.changes import Changes
from ui import message_box
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

EXPORT_SUFFIXES = (".zip", ".txt")
ZONE_NAMES_AFTER_MS = 5000  # time zones named in a thread this long after the menus exist


class _ExportDrop(QObject):
    """Dropping a WhatsApp chat export (.zip / .txt) on the window opens the import preview. On the
    open chat, where files dropped become the composer's attachment, a file named as WhatsApp names
    an export does too: no one sends "WhatsApp Chat with 박서연.txt" to a customer."""

    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx

    def _export_path(self, watched: QObject, event: QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        if watched is not self.window:
            from app.chat_export.source import named_as_chat_export  # not on the first paint's path

            return path if named_as_chat_export(path) else None
        return path if path.suffix.lower() in EXPORT_SUFFIXES else None

    def watch_chat(self) -> None:
        """Also look at drops on the open chat and its message box (each takes files itself)."""
        composer = self.window.chat.composer
        for target in (self.window.chat, composer, composer.edit.viewport()):
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            if self._export_path(watched, event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = self._export_path(watched, event)
            if path is not None:
                event.acceptProposedAction()
                open_import_dialog(self.window, self.ctx, path)
                return True
        return False


def open_import_dialog(window: MainWindow, ctx: AppContext, path: Path | None = None) -> None:
    from ui.import_dialog import open_import

    dialog = open_import(window, ctx, path)
    if dialog is not None:
        dialog.imported.connect(lambda contact_id: ctx.publish(Changes.for_contacts({contact_id})))
        dialog.offer_open_chat(window.show_chat)


def export_open_chat(window: MainWindow, ctx: AppContext) -> None:
    """File ▸ Export chat…: the open chat, as the contact panel's button exports it."""
    from ui.chat_export_action import export_chat_to_file

    contact_id = window.chat.contact_id()
    if contact_id is not None:
        export_chat_to_file(window, ctx, contact_id)


def menu_titles() -> tuple[str, str, str, str, str]:
    return (
        translate("Menus", "&File"),
        translate("Menus", "&Edit"),
        translate("Menus", "&Chat"),
        translate("Menus", "&Shop"),
        translate("Menus", "&Help"),
    )


def install_starting_menus(window: QMainWindow) -> None:
    """While start-up loads the rest (ui/start_path.py): the same menus, disabled, with a tooltip."""
    bar = window.menuBar()
    starting = translate("Menus", "Available in a moment: Shop Inbox is still starting")
    for title in menu_titles():
        menu = bar.addMenu(title)
        menu.setEnabled(False)
        menu.menuAction().setToolTip(starting)
        menu.menuAction().setStatusTip(starting)


def install_menus(window: MainWindow, ctx: AppContext) -> None:
    """File, Edit, Chat, Shop and Help menus; drag-and-drop of chat exports."""
    from ui.automation_editors import (
        automations_client,
        away_editor,
        business_hours_editor,
        greeting_editor,
        menu_bot_editor,
    )
    from ui.contact_panel import EXPORT_CHAT_KEYS
    from ui.order_actions import OrderActions
    from ui.settings_action import back_up_now, restore_from_backup
    from ui.settings_dialog import restore_possible

    bar = window.menuBar()
    bar.clear()  # the disabled menus of install_starting_menus, when start-up painted first
    file_title, edit_title, _chat_title, shop_title, help_title = menu_titles()
    windows: dict[str, QWidget] = {}

    def action(
        menu: Any,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
        *,
        anywhere: bool = False,
    ) -> QAction:
        """`anywhere`: its shortcut works in the shop's other windows too (the order board, an order,
        the catalogue), not only in the main window, unless a dialog that waits for an answer is open."""
        act = QAction(text, window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            if anywhere:
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    def show_window(key: str, build: Callable[[], QWidget]) -> None:
        existing = windows.get(key)
        if existing is None:
            existing = build()
            windows[key] = existing
        existing.show()
        existing.raise_()
        existing.activateWindow()

    def run_dialog(build: Callable[[], QDialog]) -> None:
        from ui.ops import delete_when_closed  # not before the first paint: it brings pydantic

        dialog = build()
        delete_when_closed(dialog)  # not kept hidden, listening to the hub, once closed
        dialog.exec()  # what it changed, its ops published on the hub

    file_menu = bar.addMenu(file_title)
    # The import and business hours dialogs list time zones by name: named while the menu is open,
    # and in any case a few seconds after the start (Ctrl+I, or a chat export dropped on the
    # window, opens the import without a menu).
    file_menu.aboutToShow.connect(_prepare_zone_names)
    QTimer.singleShot(ZONE_NAMES_AFTER_MS, window, _prepare_zone_names)
    action(
        file_menu,
        translate("Menus", "&Import chat from phone…"),
        lambda: open_import_dialog(window, ctx),
        "Ctrl+I",
    )
    export_action = action(
        file_menu,
        translate("Menus", "&Export chat…"),
        lambda: export_open_chat(window, ctx),
        EXPORT_CHAT_KEYS,
    )
    export_action.setObjectName("exportChatAction")

    # It acts on the open chat: greyed out, its keys too, while none is open. The contact panel's
    # Export chat… button is pressed by its keys.
    def export_follows_chat() -> None:
        export_action.setEnabled(window.chat.contact_id() is not None)

    window.chat.chat_changed.connect(export_follows_chat)
    file_menu.aboutToShow.connect(export_follows_chat)
    export_follows_chat()
    window.contact_panel.export.addAction(export_action)
    file_menu.addSeparator()
    # Where a shop owner looks first; they do what Settings' buttons do, without Settings.
    action(file_menu, translate("Menus", "&Back up now…"), lambda: back_up_now(window, ctx))
    restore_action = action(
        file_menu, translate("Menus", "&Restore from backup…"), lambda: restore_from_backup(window, ctx)
    )
    restore_action.setEnabled(restore_possible(ctx))
    file_menu.addSeparator()
    action(file_menu, translate("Menus", "&Settings…"), window.open_settings, "Ctrl+,")
    file_menu.addSeparator()
    # From the order board or an order too: the same quit, asking about unsaved edits first.
    action(file_menu, translate("Menus", "&Quit"), window.quit, "Ctrl+Q", anywhere=True)

    edit_menu = bar.addMenu(edit_title)
    edit_menu.addAction(window.find_action)  # Ctrl+F: search every chat
    from ui.chat_menu import ChatMenu

    bar.addMenu(ChatMenu(window))  # the open chat's commands, with keys

    client = lambda: automations_client(ctx)  # noqa: E731
    shop = bar.addMenu(shop_title)
    shop.aboutToShow.connect(_prepare_zone_names)

    def catalogue() -> None:
        from ui.catalog_window import CatalogWindow

        show_window("catalog", lambda: CatalogWindow(ctx))

    def quick_replies() -> None:
        from ui.quick_reply_manager import QuickReplyManager

        run_dialog(lambda: QuickReplyManager(ctx, window))

    def greeting() -> None:
        run_dialog(lambda: greeting_editor(ctx, window))

    def away() -> None:
        run_dialog(lambda: away_editor(ctx, window))

    def business_hours() -> None:
        run_dialog(lambda: business_hours_editor(ctx, window))

    def business_profile() -> None:
        from ui.business_profile_editor import BusinessProfileEditor

        run_dialog(lambda: BusinessProfileEditor(ctx, client_provider=client, parent=window))

    def menu_bot() -> None:
        run_dialog(lambda: menu_bot_editor(ctx, window))

    def labels() -> None:
        from ui.labels_manager import LabelsManager

        run_dialog(lambda: LabelsManager(ctx, window))

    def campaigns() -> None:
        from ui.campaign_window import CampaignWindow

        def build() -> CampaignWindow:
            built = CampaignWindow(ctx)
            built.settings_requested.connect(lambda which: campaign_prices(which, built))
            return built

        show_window("campaigns", build)

    def campaign_prices(which: str, campaigns: QWidget) -> None:
        """Settings, opened from a campaign's "enter your price" link at that price's field, over the
        campaign window (not the main window raised over it)."""
        from ui.settings_action import open_settings

        open_settings(window, ctx, over=campaigns).show_campaign_price(which)

    def campaign(campaign_id: int) -> None:
        """A campaign's notification clicked: the campaign window, at its report."""
        from ui.campaign_window import CampaignWindow

        campaigns()
        shown = windows["campaigns"]
        assert isinstance(shown, CampaignWindow)
        shown.show_campaign(campaign_id)

    window.notifier.campaign_requested.connect(campaign)

    def restore_kept(name: str) -> None:
        """The offer above the chats: the catalogue or the campaigns, filled with the words typed
        there and not saved when the app last stopped."""
        from ui.campaign_window import CampaignWindow
        from ui.catalog_window import CatalogWindow

        if name == "catalog":
            catalogue()
        else:
            campaigns()
        shown = windows[name]
        if isinstance(shown, CatalogWindow | CampaignWindow):
            shown.read_kept(restore=True)

    window.kept_edits.window_requested.connect(restore_kept)

    def share() -> None:
        from ui.share_link_dialog import ShareLinkDialog

        run_dialog(lambda: ShareLinkDialog(ctx, parent=window))

    action(
        shop,
        translate("Menus", "&Orders…"),
        lambda: window.orders.open_board(),
        "Ctrl+Shift+O",
        anywhere=True,
    )
    action(shop, translate("Menus", "&Match bank deposits…"), lambda: window.orders.open_deposits())
    action(shop, translate("Menus", "&Export orders…"), lambda: window.orders.export_orders())
    action(shop, translate("Menus", "Order se&ttings…"), lambda: window.orders.open_settings())
    action(shop, translate("Menus", "&Catalogue…"), catalogue, "Ctrl+Shift+K", anywhere=True)
    action(shop, translate("Menus", "&Quick replies…"), quick_replies)
    action(shop, translate("Menus", "&Labels…"), labels)
    action(shop, translate("Menus", "Cam&paigns…"), campaigns)
    shop.addSeparator()
    action(shop, translate("Menus", "&Greeting message…"), greeting)
    action(shop, translate("Menus", "&Away message…"), away)
    action(shop, translate("Menus", "&Business hours…"), business_hours)
    action(
        shop,
        translate("Menus", "Business p&rofile…"),
        business_profile,
    )
    action(shop, translate("Menus", "Me&nu bot…"), menu_bot)
    shop.addSeparator()
    action(shop, translate("Menus", "&Share link and QR code…"), share)

    help_menu = bar.addMenu(help_title)

    def export_help() -> None:
        from ui.import_help import ImportHelpDialog

        run_dialog(lambda: ImportHelpDialog(window))

    def relay_help() -> None:
        # Not modal, as from the wizard: it stays beside the window while the owner reads or copies.
        from ui.relay_help import RelayHelpDialog

        show_window("relay_help", lambda: RelayHelpDialog(window))

    def moving_help() -> None:
        from ui.moving_help import MovingHelpDialog

        run_dialog(lambda: MovingHelpDialog(window))

    def about() -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("shop-inbox")
        except PackageNotFoundError:
            number = "?"
        text = translate(
            "Menus", "Shop Inbox {version}\nAnswer your WhatsApp customers from your computer."
        ).format(version=number)
        # What whoever helps the shop asks for first: which version, where the chats and the log are.
        text += "\n\n" + translate("Menus", "Data folder: {folder}\nLog file: {log}").format(
            folder=ctx.paths.data_dir, log=ctx.paths.log_file
        )
        QMessageBox.about(window, translate("Menus", "About Shop Inbox"), text)

    def shortcuts() -> None:
        from ui.shortcuts_dialog import ShortcutsDialog

        enter_sends = bool(ctx.prefs.get("enter_sends", True))
        run_dialog(lambda: ShortcutsDialog(window, enter_sends=enter_sends))

    action(help_menu, translate("Menus", "&Keyboard shortcuts"), shortcuts, "Ctrl+/")
    action(help_menu, translate("Menus", "How to &export a chat from your phone"), export_help)
    action(help_menu, translate("Menus", "How do I set up a &relay?"), relay_help)
    action(help_menu, translate("Menus", "Moving to a &new computer"), moving_help)

    def try_demo() -> None:
        # A window of its own with simulated customers: the owner looks around at any time, the
        # first-start wizard's "Try the demo" long gone, and the inbox stays as it is.
        from ui.demo_launch import DEMO_STARTING_MS, start_demo_process
        from ui.translations import installed_language, ui_language

        app = QCoreApplication.instance()
        language = (installed_language(app) if isinstance(app, QApplication) else None) or ui_language()
        # A shop with two numbers tries the demo with two, so what she tries looks like her own.
        two_numbers = bool(window.chat_list.number_chip.numbers.choices)
        if start_demo_process(language, two_numbers=two_numbers) is None:
            message_box.warning(
                window,
                translate("Menus", "Try the demo shop"),
                translate("Menus", "The demo shop could not be started. Your own chats are not affected."),
            )
            return
        # Its window takes seconds to come: nothing seemed to happen, and a second click opened a
        # second demo. Said on the status line meanwhile, and the entry waits.
        demo_action.setEnabled(False)
        QTimer.singleShot(DEMO_STARTING_MS, demo_action, lambda: demo_action.setEnabled(True))
        bar = window.statusBar()
        bar.show()
        bar.showMessage(
            translate(
                "Menus",
                "The demo shop is starting in a window of its own; it takes a few seconds. "
                "Your own chats are not affected.",
            ),
            DEMO_STARTING_MS,
        )
        QTimer.singleShot(DEMO_STARTING_MS, bar, lambda: bar.setVisible(bool(bar.currentMessage())))

    if not ctx.demo:
        demo_action = action(help_menu, translate("Menus", "Try the &demo shop"), try_demo)
    action(help_menu, translate("Menus", "&About Shop Inbox"), about)

    window.setAcceptDrops(True)
    drops = _ExportDrop(window, ctx)
    window.installEventFilter(drops)
    drops.watch_chat()
    from ui.catalog_send_action import CatalogSendAction

    window.chat.catalog_action = CatalogSendAction(window.chat, open_catalogue=catalogue)
    window.chat.quick_replies.manage_requested.connect(quick_replies)
    window.orders = OrderActions(window, ctx)


def _prepare_zone_names() -> None:
    # Imported here: this module is imported before the first paint, whose imports are counted.
    from ui.time_zones import prepare_zone_choices

    prepare_zone_choices()
