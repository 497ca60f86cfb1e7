"""dmgbuild settings: `dmgbuild -s packaging/macos/dmg_settings.py -D app=APP "Shop Inbox" out.dmg`."""

import os

app = defines.get("app", "build/dist/Shop Inbox.app")  # noqa: F821 (dmgbuild injects `defines`)
appname = os.path.basename(app)

format = "UDZO"
filesystem = "HFS+"
size = None
files = [app]
symlinks = {"Applications": "/Applications"}
badge_icon = "resources/icons/app.icns"
icon_locations = {appname: (140, 160), "Applications": (400, 160)}
window_rect = ((200, 200), (540, 360))
default_view = "icon-view"
show_icon_preview = False
icon_size = 96
text_size = 13
