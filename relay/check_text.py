"""The check's lines in English, with the fix, for `shop-inbox-relay check` and the relay's logs."""

# The desktop says the same findings in the owner's language from their codes (ui/relay_check_view.py).

from __future__ import annotations

from app.wire import CheckProblem, CheckReport, CheckStatus, CheckStep
from relay.size_text import MIB, size_text

PASSED = {
    CheckStep.SETTINGS: "The required settings are present.",
    CheckStep.PHONE_NUMBER: "The Meta access token works and sees {display_phone_number} ({verified_name}); "
    "quality {quality_rating}, messaging limit {messaging_limit}.",
    CheckStep.BUSINESS_ACCOUNT: "The business account holds this number and its templates can be listed.",
    CheckStep.WEBHOOK_SUBSCRIPTION: "The app is subscribed to the business account's webhooks.",
    CheckStep.PUBLIC_URL: "{url} answers over HTTPS with a valid certificate, and it is this relay.",
    CheckStep.WEBHOOK_VERIFIED: "Meta has reached {callback_url}.",
    CheckStep.DATABASE: "The database is writable; {free} free in {path}.",
    CheckStep.CLOCK: "This server's clock agrees with WhatsApp's ({seconds} s apart).",
}

SKIPPED = "Not checked: an earlier step must pass first."
SANDBOX = "Not checked: the sandbox has no WhatsApp account."

FAILED = {
    CheckProblem.MISSING_SETTINGS: "Missing: {names}. Run `shop-inbox-relay setup`, or set them in the "
    "relay's environment (see docs/relay.md).",
    CheckProblem.TOKEN_INVALID: "WhatsApp refused the Meta access token: it expired or was revoked. In Meta "
    "Business Manager > Business settings > Users > System users, generate a new Meta access token "
    "(never expiring) with whatsapp_business_messaging and whatsapp_business_management, and put it in "
    "WHATSAPP_ACCESS_TOKEN.",
    CheckProblem.PERMISSION_MISSING: "The Meta access token lacks the {permission} permission, or its system "
    "user was not given this WhatsApp account. In Meta Business Manager > Business settings > System "
    "users, assign the WhatsApp account (full control), then generate the token again with "
    "{permission}.",
    CheckProblem.WRONG_ID: "WhatsApp knows no such id in {setting} (or this token may not see it). Copy "
    "it again from the app dashboard > WhatsApp > API Setup: it is an id, not the phone number itself.",
    CheckProblem.GRAPH_UNREACHABLE: "WhatsApp's servers ({host}) could not be reached from this server "
    "({detail}). Check its internet connection and firewall, and WHATSAPP_GRAPH_URL if you set it.",
    CheckProblem.GRAPH_ERROR: "WhatsApp answered with an error: {detail}",
    CheckProblem.NUMBER_NOT_IN_ACCOUNT: "The phone number is not in the business account "
    "WHATSAPP_WABA_ID names. In WhatsApp Manager, open the account that holds the number and copy "
    "its id.",
    CheckProblem.NOT_SUBSCRIBED: "The app is not subscribed to the business account's webhooks, so no "
    "message will arrive. Run `shop-inbox-relay setup` again (it subscribes the app), or POST "
    "/{{waba-id}}/subscribed_apps with the Meta access token.",
    CheckProblem.NOT_HTTPS: "{url} is not an https:// address. Meta only calls HTTPS webhooks: set "
    "RELAY_PUBLIC_URL to https://your-host-name.",
    CheckProblem.CERTIFICATE_INVALID: "{url} answers, but its certificate is not valid (self-signed, "
    "expired or for another name), so Meta will refuse it. Let Caddy get a certificate: the host name "
    "must point at this server and ports 80 and 443 must be open.",
    CheckProblem.PUBLIC_URL_UNREACHABLE: "Nothing answers at {url} ({detail}). Start the relay and its "
    "proxy (`docker compose up -d`, or `shop-inbox-relay serve` behind your own), point the host "
    "name's DNS at this server, and open ports 80 and 443.",
    CheckProblem.OTHER_SERVER: "Something answers at {url}, but it is not this relay. Point the host "
    "name at this server, or fix RELAY_PUBLIC_URL.",
    # Also read after a first setup that gave the app id: Meta could not verify the callback before the
    # relay ran, so "run setup again" is the fix there, not "give it the app id".
    CheckProblem.WEBHOOK_NEVER_VERIFIED: "Meta has not verified the webhook yet. Once the relay answers "
    "at {callback_url}, run `shop-inbox-relay setup` again (with WHATSAPP_APP_ID it registers the "
    "callback), or in the app dashboard > WhatsApp > Configuration set the callback URL to "
    "{callback_url} with your WHATSAPP_VERIFY_TOKEN.",
    CheckProblem.VERIFY_TOKEN_MISMATCH: "Meta called the webhook with a different webhook verify "
    "token. Enter the relay's WHATSAPP_VERIFY_TOKEN in the app dashboard > WhatsApp > Configuration, "
    "and verify again.",
    CheckProblem.DATABASE_NOT_WRITABLE: "The relay cannot write its database ({detail}). Check the "
    "data volume's permissions and free space.",
    CheckProblem.MEDIA_NOT_WRITABLE: "The relay cannot write received photos and documents to "
    "{path} ({detail}). Give that folder to the user the relay runs as (chown), or set "
    "RELAY_MEDIA_DIR to a folder it can write.",
    CheckProblem.DISK_LOW: "Only {free} free in {path}. Free some room or grow the disk, or "
    "webhooks will stop being stored.",
    CheckProblem.CLOCK_OFF: "This server's clock is {seconds} s away from WhatsApp's. Turn on time "
    "synchronisation (timedatectl set-ntp true).",
}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def sentence(step: str, problem: str | None, params: dict[str, str]) -> str:
    values = _Blank(params)
    free_mb = params.get("free_mb", "")
    if free_mb.isdigit():  # "63 GB", as the desktop says it, not "60066 MB" (the wire keeps free_mb)
        values["free"] = size_text(int(free_mb) * MIB)
    if problem == CheckProblem.SANDBOX:
        return SANDBOX
    if problem is None:
        template = PASSED.get(CheckStep(step)) if step in CheckStep._value2member_map_ else None
        return template.format_map(values) if template else ""
    template = FAILED.get(CheckProblem(problem)) if problem in CheckProblem._value2member_map_ else None
    return template.format_map(values) if template else problem


def report_text(report: CheckReport) -> str:
    """What `shop-inbox-relay check` prints: one line per step, a mark in front."""
    marks: dict[str, str] = {CheckStatus.PASS: "ok  ", CheckStatus.FAIL: "FAIL", CheckStatus.SKIP: "--  "}
    out = [f"{marks.get(line.status, '??  ')} {line.step}: {line.message}" for line in report.lines]
    out.append("All checks passed." if report.ok else "Some checks failed: fix the lines marked FAIL.")
    if report.sandbox:  # "passed" alone reads as live; the desktop says the same in the owner's words
        out.append(
            "This is a sandbox relay: its customers are simulated, and no real WhatsApp messages come in. "
            "Set RELAY_UPSTREAM=cloud with your WhatsApp account's settings to receive customers' messages."
        )
    return "\n".join(out)
