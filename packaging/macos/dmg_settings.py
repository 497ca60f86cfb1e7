"""dmgbuild settings: `dmgbuild -s packaging/macos/dmg_settings.py -D app=APP "Shop Inbox" out.dmg`."""

import os

# Run from the repository root (sign_and_notarize.sh does); dmgbuild injects `defines`.
app = defines.get("app", "build/dist/Shop Inbox.app")  # noqa: F821
appname = os.path.basename(app)

format = "UDZO"  # zlib-compressed, read-only
filesystem = "HFS+"
size = None  # dmgbuild measures the app
files = [app]
symlinks = {"Applications": "/Applications"}  # drag the app onto this link to install
icon = "resources/icons/app.icns"  # the mounted volume's icon
icon_locations = {appname: (140, 160), "Applications": (400, 160)}
window_rect = ((200, 200), (540, 360))
default_view = "icon-view"
show_icon_preview = False
show_status_bar = False
show_toolbar = False
show_sidebar = False
icon_size = 96
text_size = 13
