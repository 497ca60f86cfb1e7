#!/usr/bin/env bash
# Codesign the .app, notarize and staple it, wrap it in a dmg, then sign, notarize and staple the dmg.
#
#   packaging/macos/sign_and_notarize.sh [APP] [VERSION]
#     APP      default "build/dist/Shop Inbox.app" (from `pyinstaller --noconfirm build.spec`)
#     VERSION  default: the installed package's version
#
# Everything secret comes from the environment; each step runs only when its variables are set:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Name (TEAMID)", in the login keychain
#                         (CI imports it first; see .github/workflows/release.yml)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (an app-specific password) for `xcrun notarytool`
# Without MACOS_SIGN_IDENTITY it builds an unsigned dmg (Gatekeeper then asks users to right-click → Open).
# Needs: Xcode command-line tools, `pip install dmgbuild`.
set -euo pipefail
cd "$(dirname "$0")/../.."

APP="${1:-build/dist/Shop Inbox.app}"
VERSION="${2:-$(python3 -c 'from importlib.metadata import version; print(version("shop-inbox"))')}"
ARCH="$(uname -m)"  # arm64 or x86_64: each runner builds for its own architecture
OUT="build/installer"
DMG="$OUT/ShopInbox-${VERSION}-macos-${ARCH}.dmg"
ENTITLEMENTS="packaging/macos/entitlements.plist"
mkdir -p "$OUT"
[ -d "$APP" ] || { echo "no app at $APP: run pyinstaller --noconfirm build.spec first" >&2; exit 1; }

notarize() {  # submit a zip or dmg and wait for Apple's verdict; fails the script if rejected
  xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --timeout 30m
}

SIGN="${MACOS_SIGN_IDENTITY:-}"
NOTARIZE=""
if [ -n "$SIGN" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  NOTARIZE=1
fi

if [ -n "$SIGN" ]; then
  # Hardened runtime and a secure timestamp are what notarization requires. --deep signs every
  # nested Mach-O (Qt frameworks, Python extension modules) with the same identity.
  codesign --force --deep --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
    --sign "$SIGN" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
else
  echo "MACOS_SIGN_IDENTITY not set: the app and dmg stay unsigned" >&2
fi

if [ -n "$NOTARIZE" ]; then
  # Notarize the app itself so its ticket can be stapled to it (it then opens offline too).
  # ditto keeps the bundle's symlinks (Qt frameworks), which a plain `zip` would break.
  ZIP="$OUT/notarize-app.zip"
  ditto -c -k --sequesterRsrc --keepParent "$APP" "$ZIP"
  notarize "$ZIP"
  rm -f "$ZIP"
  xcrun stapler staple "$APP"
fi

rm -f "$DMG"
dmgbuild -s packaging/macos/dmg_settings.py -D app="$APP" "Shop Inbox" "$DMG"

if [ -n "$SIGN" ]; then
  codesign --force --timestamp --sign "$SIGN" "$DMG"
fi
if [ -n "$NOTARIZE" ]; then
  notarize "$DMG"
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi
echo "$DMG"
