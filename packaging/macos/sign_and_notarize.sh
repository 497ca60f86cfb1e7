#!/usr/bin/env bash
# Codesign the .app, build the dmg, notarize and staple it. Everything secret comes from the environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Name (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (an app-specific password) for notarytool
# Without MACOS_SIGN_IDENTITY it builds an unsigned dmg (Gatekeeper then asks users to right-click → Open).
set -euo pipefail
APP="${1:-build/dist/Shop Inbox.app}"
VERSION="${2:-$(python -c 'from importlib.metadata import version; print(version("shop-inbox"))')}"
DMG="build/installer/ShopInbox-${VERSION}.dmg"
mkdir -p build/installer

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

dmgbuild -s packaging/macos/dmg_settings.py -D app="$APP" "Shop Inbox" "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  # ditto keeps the bundle's symlinks (Qt frameworks), which a plain zip would break.
  ditto -c -k --keepParent "$APP" build/installer/notarize.zip
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$DMG"
fi
echo "$DMG"
