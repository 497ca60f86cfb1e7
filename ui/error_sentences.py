"""Error codes from app/, the relay and WhatsApp put into the owner's language."""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import ErrorCode, GraphUnreachable, RefusalParams, RelayBusy, ShopInboxError
from app.paths import looks_removable
from app.wire import RelayErrorCode, StorageCause
from ui.formatting import shortcut_text
from ui.korean_particles import with_particles

translate = QCoreApplication.translate


# Reasons the relay could not be reached that say what to do (sign in to the hotspot, renew the
# certificate, ask about the proxy): said in their own sentences, not "check the address".
UNREACHABLE_FOR_A_REASON = frozenset(
    {
        ErrorCode.NETWORK_SIGN_IN,
        ErrorCode.RELAY_CERTIFICATE_EXPIRED,
        ErrorCode.RELAY_CERTIFICATE_INVALID,
        ErrorCode.RELAY_CERTIFICATE_UNTRUSTED,
        ErrorCode.RELAY_PROXY_REFUSED,
    }
)


def desktop_sentences() -> dict[ErrorCode, str]:
    """One sentence per ErrorCode, with {named} fields from its params (a dict literal for lupdate)."""
    return {
        ErrorCode.SCHEMA_TOO_NEW: translate(
            "Errors",
            "This inbox was saved by a newer version of Shop Inbox (data version {found}; this "
            "version understands up to {supported}). Please update Shop Inbox.",
        ),
        ErrorCode.DATABASE_UNAVAILABLE: translate(
            "Errors",
            "Shop Inbox cannot open or write its data in {path}. Check that the folder exists, "
            "that you may write to it and that the disk is not full.",
        ),
        ErrorCode.DISK_FULL: translate(
            "Errors",
            "The disk is full, so Shop Inbox could not save this. Nothing else was lost: free some "
            "space on this computer, then try again.",
        ),
        ErrorCode.UPDATE_NEEDS_ROOM: translate(
            "Errors",
            "This version of Shop Inbox needs to update your inbox, and the update needs about "
            "{needed} of free space on the disk of your data folder, {folder} (it has {free}). "
            "Nothing was changed: free some space on that disk, then start Shop Inbox again.",
        ),
        ErrorCode.RESTORE_NEEDS_ROOM: translate(
            "Errors",
            "This backup needs about {needed} of free space on the disk of your data folder, {folder} "
            "(it has {free}). Nothing was changed: free some space on that disk, then restore it again.",
        ),
        ErrorCode.UPDATE_NEEDS_TEMP_ROOM: translate(
            "Errors",
            "This version of Shop Inbox needs to update your inbox, and the update needs about "
            "{needed} of free space for its temporary files in {folder} (it has {free}). Nothing "
            "was changed: free some space on that disk, then start Shop Inbox again.",
        ),
        ErrorCode.UPDATE_DISK_FULL: translate(
            "Errors",
            "The disk of your data folder, {path}, became full, so your inbox could not be updated. "
            "Nothing was lost: the inbox is as it was. Free some space on that disk, then start Shop "
            "Inbox again.",
        ),
        ErrorCode.SETUP_DISK_FULL: translate(
            "Errors",
            "The disk of your data folder, {path}, is full, so Shop Inbox could not set up your inbox "
            "there. Nothing was set up yet, so nothing was lost: free some space on that disk, then "
            "start Shop Inbox again.",
        ),
        ErrorCode.DEMO_DISK_FULL: translate(
            "Errors",
            "The disk that holds {path} is full, so the demo shop could not open. Your own inbox was "
            "not touched: free some space on that disk, then try the demo again.",
        ),
        ErrorCode.DEMO_FOLDER_READ_ONLY: translate(
            "Errors",
            "Shop Inbox may not write in {path} (a read-only folder, or a USB stick locked against "
            "writing), so the demo shop could not open there. Your own inbox was not touched: start "
            "the demo with a folder you may write in, or without --data-dir.",
        ),
        ErrorCode.DEMO_INBOX_DAMAGED: translate(
            "Errors",
            "The demo shop's inbox file in {path} is damaged, so the demo could not open. It holds "
            "only the demo's made-up chats: your own inbox was not touched. Start the demo afresh "
            "to get a new demo shop; the damaged file is kept aside, not deleted.",
        ),
        ErrorCode.UNVERSIONED_DATABASE_HOLDS_DATA: translate(
            "Errors",
            "The inbox file {path} holds data (in: {tables}) but no version mark, so Shop Inbox did "
            "not change it. Move the file to another folder to start with an empty inbox, or restore "
            "a backup.",
        ),
        ErrorCode.NOT_A_DATABASE: translate(
            "Errors",
            "The inbox file {path} is damaged, or is not a Shop Inbox inbox file. Shop Inbox has not "
            "changed it: restore your latest backup (the damaged file is kept aside, not deleted).",
        ),
        ErrorCode.DATA_FOLDER_IS_A_FILE: translate(
            "Errors",
            "Shop Inbox keeps your data in a folder, and {path} is a file, not a folder. Nothing was "
            "changed: start Shop Inbox with a folder's name after --data-dir (a name not yet taken "
            "becomes a new folder), or move that file elsewhere.",
        ),
        ErrorCode.DATA_FOLDER_READ_ONLY: translate(
            "Errors",
            "Shop Inbox may not write in your data folder, {path} (a read-only folder, or a USB stick "
            "locked against writing), so it cannot open your inbox there. Nothing was changed: allow "
            "writing there, or copy the whole folder to this computer's own disk and start Shop Inbox "
            "with the copy.",
        ),
        ErrorCode.MIGRATION_FAILED: translate(
            "Errors",
            "Shop Inbox could not update the inbox in {path} and left it as it was. A copy is in the "
            "backups folder beside it; please send the log file to whoever helps you with Shop Inbox.",
        ),
        ErrorCode.RELAY_UNREACHABLE: translate(
            "Errors", "Cannot reach your relay. Check the internet connection and the relay address."
        ),
        ErrorCode.RELAY_PLAIN_HTTP: translate(
            "Errors",
            "Your relay at {url} answers plain http://, not https://. Change its address in Settings to "
            "{plain_url}",
        ),
        ErrorCode.NETWORK_SIGN_IN: translate(
            "Errors",
            "The network this computer is on wants you to sign in (a hotspot's or café's login page) "
            "before it lets Shop Inbox reach your relay. Open a web browser and sign in.",
        ),
        ErrorCode.RELAY_CERTIFICATE_EXPIRED: translate(
            "Errors",
            "Your relay's security certificate has expired, so Shop Inbox does not connect to it. Ask "
            "whoever looks after your relay to renew it; if this computer's date is wrong, correct it "
            "first.",
        ),
        ErrorCode.RELAY_CERTIFICATE_INVALID: translate(
            "Errors",
            "The security certificate that answers at your relay's address is not valid for it, so Shop "
            "Inbox does not connect. On a hotspot or café Wi-Fi, sign in to the network in a web browser "
            "first; otherwise check the relay address in Settings.",
        ),
        ErrorCode.RELAY_CERTIFICATE_UNTRUSTED: translate(
            "Errors",
            "Your relay's security certificate comes from an authority this computer does not trust, so "
            "Shop Inbox does not connect. On a hotspot or café Wi-Fi, sign in to the network in a web "
            "browser first. If your relay uses your company's own certificate authority, ask whoever "
            "looks after this computer to install it.",
        ),
        ErrorCode.RELAY_PROXY_REFUSED: translate(
            "Errors",
            "The web proxy this computer is set to use refused to connect Shop Inbox to your relay. Ask "
            "whoever looks after this computer's network to allow your relay's address.",
        ),
        ErrorCode.RELAY_TIMEOUT: translate(
            "Errors", "Your relay did not answer in time. Try again in a moment."
        ),
        ErrorCode.UNAUTHORISED: translate("Errors", "The relay token was refused. Check it in Settings."),
        ErrorCode.RELAY_BUSY: translate(
            "Errors", "Your relay is busy right now. Shop Inbox tries again by itself."
        ),
        # Said alike for a send, the templates, a block…: whatever needed WhatsApp waits on it.
        ErrorCode.GRAPH_UNREACHABLE: translate(
            "Errors", "Your relay can't reach WhatsApp right now. Shop Inbox tries again by itself."
        ),
        ErrorCode.RELAY_DATABASE_UNUSABLE: translate(
            "Errors",
            "Your relay cannot use its database right now. Ask whoever looks after your relay to look at "
            "its log; Shop Inbox tries again by itself.",
        ),
        ErrorCode.RELAY_REFUSED: translate("Errors", "Your relay refused the request."),
        ErrorCode.HISTORY_GAP: translate(
            "Errors", "Some older messages were no longer kept by the relay and could not be loaded."
        ),
        ErrorCode.REVISION_CONFLICT: translate(
            "Errors", "These settings were changed on another computer meanwhile. Choose which to keep."
        ),
        ErrorCode.MEDIA_DAMAGED: translate(
            "Errors", "The file arrived damaged. It will be downloaded again."
        ),
        ErrorCode.MEDIA_UNAVAILABLE: translate("Errors", "This file is not available from your relay."),
        ErrorCode.NOT_DOWNLOADED: translate(
            "Errors", "This file has not been downloaded yet. It will be when you are online."
        ),
        ErrorCode.SEND_REFUSED: translate("Errors", "WhatsApp did not accept this message."),
        ErrorCode.OUTSIDE_WINDOW: translate(
            "Errors",
            # Honest whether she wrote days ago or never: either way no message in the last 24 hours.
            "The customer has not written in the last 24 hours, so WhatsApp only allows an approved "
            "template now.",
        ),
        ErrorCode.NOTHING_TO_SEND: translate("Errors", "There is nothing to send."),
        ErrorCode.TEXT_TOO_LONG: translate(
            "Errors", "A WhatsApp message can have at most {limit} characters."
        ),
        ErrorCode.CAPTION_TOO_LONG: translate("Errors", "A caption can have at most {limit} characters."),
        ErrorCode.FILE_UNREADABLE: translate("Errors", "The file {name} cannot be read."),
        ErrorCode.FILE_GONE: translate("Errors", "The file {name} is no longer there."),
        ErrorCode.FILE_TOO_LARGE: translate(
            "Errors",
            "{name} is larger than {limit_mb} MB, the most WhatsApp accepts: it was not attached. "
            "Make the file smaller, or share it by a link.",
        ),
        ErrorCode.FILE_TYPE_NOT_TAKEN: translate(
            "Errors",
            "WhatsApp takes documents as PDF, Word, Excel, PowerPoint or text files: {name} was not "
            "attached. Save it as PDF and attach that.",
        ),
        # Said for a video; a sound or a photo over its kind's limit has its own (code_sentence).
        ErrorCode.FILE_TOO_LARGE_FOR_KIND: translate(
            "Errors",
            "WhatsApp takes videos up to {limit_mb} MB: {name} was not attached. Send a shorter video, "
            "or share it by a link.",
        ),
        ErrorCode.CONVERSATION_GONE: translate("Errors", "This conversation no longer exists."),
        ErrorCode.ARCHIVE_READ_ONLY: translate(
            "Errors", "“{name}” is an archived group chat: messages cannot be sent to it."
        ),
        ErrorCode.NO_PHONE_NUMBER: translate(
            "Errors", "{name} has no phone number in this inbox: add it before sending."
        ),
        ErrorCode.UNKNOWN_OUTCOME: translate(
            "Errors",
            "WhatsApp did not confirm this message; it may have been delivered. Check with the "
            "customer before sending it again.",
        ),
        ErrorCode.NOT_A_BACKUP: translate(
            "Errors",
            "This file is not a Shop Inbox backup file. Choose a .zip file made with Settings ▸ Back up now.",
        ),
        ErrorCode.BACKUP_DAMAGED: translate("Errors", "This backup is damaged and cannot be restored."),
        ErrorCode.BACKUP_FOLDER_MISSING: translate(
            "Errors",
            "The backup folder {path} cannot be found: is the USB stick or drive plugged in? Shop Inbox "
            "tries again every hour.",
        ),
        ErrorCode.NOTES_TOO_LONG: translate("Errors", "Notes can have at most {limit} characters."),
        ErrorCode.PHONE_NUMBER_INVALID: translate(
            "Errors", "Enter the shop's WhatsApp number with its country code, e.g. +82 10 1234 5678."
        ),
        ErrorCode.CUSTOMER_NUMBER_INVALID: translate(
            "Errors", "That is not a phone number WhatsApp can reach. Check it and try again."
        ),
        ErrorCode.CUSTOMER_NUMBER_TAKEN: translate(
            "Errors", "This number already belongs to the chat with {name}."
        ),
        ErrorCode.NOTHING_CHOSEN: translate("Errors", "Choose at least one item."),
        ErrorCode.TOO_MANY_ITEMS: translate("Errors", "One message can hold at most {limit} items."),
        ErrorCode.ITEM_HIDDEN: translate(
            "Errors", "“{name}” is hidden, so it cannot be sent. Show it in the catalogue first."
        ),
        ErrorCode.ITEM_SOLD_OUT: translate(
            "Errors",
            "“{name}” is sold out, so it is not offered. Add stock in the catalogue, or put the "
            "customer on its restock waitlist.",
        ),
        ErrorCode.ITEM_GONE: translate("Errors", "This item no longer exists."),
        ErrorCode.COLLECTION_NAME_EMPTY: translate("Errors", "Give the collection a name."),
        ErrorCode.COLLECTION_NAME_TOO_LONG: translate(
            "Errors", "A collection name can have at most {limit} characters."
        ),
        ErrorCode.COLLECTION_NAME_TAKEN: translate(
            "Errors", "There is already a collection called “{name}”."
        ),
        ErrorCode.COLLECTION_GONE: translate("Errors", "This collection no longer exists."),
        ErrorCode.ITEM_NAME_EMPTY: translate("Errors", "Give the item a name."),
        ErrorCode.ITEM_NAME_TOO_LONG: translate(
            "Errors", "The item name can have at most {limit} characters."
        ),
        ErrorCode.ITEM_CODE_TOO_LONG: translate(
            "Errors", "The item code can have at most {limit} characters."
        ),
        ErrorCode.ITEM_CODE_INVALID: translate(
            "Errors", "The item code “{value}” cannot contain spaces or commas."
        ),
        ErrorCode.ITEM_CODE_TAKEN: translate("Errors", "This item code is already used by “{name}”."),
        ErrorCode.ITEM_NAME_SHARED: translate(
            "Errors",
            "Another item is already called “{name}” (item code {code}). Change this item's name, "
            "or save it anyway if the two are meant to share it.",
        ),
        ErrorCode.ITEM_DESCRIPTION_TOO_LONG: translate(
            "Errors", "The description can have at most {limit} characters."
        ),
        ErrorCode.ITEM_LINK_INVALID: translate(
            "Errors", "The link “{value}” is not a web address starting with https://"
        ),
        ErrorCode.ITEM_PRICE_INVALID: translate("Errors", "The price must be zero or more."),
        ErrorCode.ITEM_TOO_MANY_IMAGES: translate("Errors", "An item can have at most {limit} pictures."),
        ErrorCode.MEDIA_PATH_UNSAFE: translate(
            "Errors", "This file's name points outside Shop Inbox's media folder, so it was not saved."
        ),
        ErrorCode.NO_KEYRING: translate(
            "Errors",
            "This computer has no password store (keyring) that Shop Inbox can use. You can keep "
            "the relay token in Shop Inbox's settings file instead; only your user account can read it.",
        ),
        ErrorCode.KEYRING_REFUSED: translate(
            "Errors",
            "This computer's password store (keyring) did not keep the relay token: it may be locked, "
            "or its unlock was cancelled. Unlock it and try once more, or keep the relay token in Shop "
            "Inbox's settings file instead; only your user account can read it.",
        ),
        ErrorCode.KEYRING_LOCKED: translate(
            "Errors",
            "This computer's password store (keyring) is locked, so Shop Inbox cannot read the relay "
            "token. Unlock it and try once more.",
        ),
        ErrorCode.TOKEN_NOT_SAVED: translate("Errors", "The relay token was not saved."),
        ErrorCode.ORDER_EMPTY: translate("Errors", "An order needs at least one item."),
        ErrorCode.ORDER_TOO_MANY_LINES: translate(
            "Errors", "An order can have at most {limit} lines. Nothing was saved."
        ),
        ErrorCode.ORDER_QUANTITY_INVALID: translate(
            "Errors", "Line {line}: “{value}” is not a quantity. Use a whole number of 1 or more."
        ),
        ErrorCode.ORDER_PRICE_INVALID: translate(
            "Errors", "Line {line}: “{value}” is not a price in {currency}. Nothing was saved."
        ),
        ErrorCode.ORDER_CURRENCY_MIXED: translate(
            "Errors", "All items of an order must be in the same currency."
        ),
        ErrorCode.ORDER_CURRENCY_OTHER: translate(
            "Errors",
            "“{name}” is priced in {currency}, but this order's items are in {order_currency}: all "
            "items of an order must be in the same currency.",
        ),
        ErrorCode.ORDER_AMOUNT_INVALID: translate(
            "Errors", "The {field} “{value}” cannot be used. Use an amount of 0 or more."
        ),
        ErrorCode.ORDER_DISCOUNT_OVER_TOTAL: translate(
            "Errors", "The discount {discount} is more than the order's total of {before}."
        ),
        ErrorCode.ORDER_CARRIED_OVER_TOTAL: translate(
            "Errors",
            "{discount} of this order was paid on the customer's earlier order, so its total cannot "
            "go below that ({before} now). Refund the difference with a return instead.",
        ),
        ErrorCode.ORDER_MOVE_REFUSED: translate(
            "Errors", "Order {number} cannot move from “{from_state}” to “{to_state}”."
        ),
        ErrorCode.ORDER_OUT_OF_STOCK: translate(
            "Errors", "Only {available} of “{name}” left in stock; this order needs {wanted}."
        ),
        ErrorCode.ORDER_GONE: translate("Errors", "This order no longer exists."),
        ErrorCode.ORDER_POSTCODE_INVALID: translate(
            "Errors", "“{value}” is not a postcode: a Korean postcode (우편번호) has 5 digits."
        ),
        ErrorCode.ORDER_CASH_RECEIPT_INVALID: translate(
            "Errors",
            "“{value}” cannot take a cash receipt (현금영수증): use a phone number or a 10-digit "
            "business number.",
        ),
        ErrorCode.ORDER_OPTION_LOCKED: translate(
            "Errors", "The options of an order that was shipped, done or cancelled cannot be changed."
        ),
        ErrorCode.ORDER_OPTION_HOLDS_STOCK: translate(
            "Errors",
            "“{name}” holds stock counted for its option, so the option cannot change here. Cancel the "
            "order and make a new one with the right option.",
        ),
        ErrorCode.ORDER_LINES_LOCKED: translate(
            "Errors",
            "Order {number} is “{state}”: its items and amounts no longer change, as the customer paid "
            "the amount it shows. Agree any difference with them and write it in the order's note.",
        ),
        ErrorCode.ORDER_RETURN_REFUSED: translate(
            "Errors",
            "Order {number} is “{state}”: a return or exchange is recorded once the order has shipped.",
        ),
        ErrorCode.ORDER_BACK_NONE: translate(
            "Errors", "Order {number} is “{state}” and has no earlier step to go back to."
        ),
        ErrorCode.ORDER_BACK_MOVED: translate(
            "Errors", "Order {number} has moved since (it is “{state}” now), so nothing was undone."
        ),
        ErrorCode.ORDER_BACK_AFTER_RETURN: translate(
            "Errors",
            "A return or exchange is recorded on order {number} since it became “{state}”, so it stays "
            "as it is.",
        ),
        ErrorCode.ORDER_BACK_EXPIRED: translate(
            "Errors",
            "The payment deadline cancelled order {number}, so it is not moved back. If the customer "
            "paid after all, Match bank deposits… restores it as paid.",
        ),
        ErrorCode.ORDER_BACK_TOO_LATE: translate(
            "Errors",
            "Order {number} has been “{state}” for more than {days} days, so it stays as it is. Record a "
            "return or make a new order instead.",
        ),
        ErrorCode.ORDER_RETURN_TOO_LATE: translate(
            "Errors",
            "Order {number} was completed more than {days} days ago, so a return or exchange can no longer "
            "be recorded on it. Make a new order for an exchange.",
        ),
        ErrorCode.ORDER_RETURN_QUANTITY: translate(
            "Errors",
            "Line {line}: {value} cannot come back. Choose at least one item, and no more than the customer "
            "has not returned yet.",
        ),
        ErrorCode.ORDER_REFUND_TOO_MUCH: translate(
            "Errors", "The refund {refund} is more than the customer paid and has not had back ({most})."
        ),
        ErrorCode.ORDER_RETURN_NONE_WAITING: translate(
            "Errors", "No returned goods of this order are still on their way back."
        ),
        ErrorCode.DEPOSIT_FILE_UNREADABLE: translate(
            "Errors",
            "{name} cannot be read. Save the bank's transactions again as an Excel (.xlsx) or CSV file.",
        ),
        ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT: translate(
            "Errors",
            "{name} is not a bank transaction list Shop Inbox can read. Download the transactions from "
            "your bank as an Excel (.xlsx) or CSV file (with columns such as 입금액 and 입금자명). "
            "An old Excel 97 (.xls) file: open it in Excel and save it as .xlsx.",
        ),
        ErrorCode.PRICE_EMPTY: translate("Errors", "Enter a price."),
        ErrorCode.PRICE_NOT_A_NUMBER: translate(
            "Errors", "“{value}” is not a price: use digits, e.g. 15000 or 12.50."
        ),
        ErrorCode.PRICE_NOT_WHOLE: translate(
            "Errors", "{currency} has no smaller unit: write “{value}” as a whole amount."
        ),
        ErrorCode.PRICE_TOO_MANY_DECIMALS: translate(
            "Errors", "{currency} prices have at most {digits} digits after the point, not “{value}”."
        ),
        ErrorCode.PRICE_TOO_LARGE: translate("Errors", "The price is too large."),
        ErrorCode.PRICE_NO_CURRENCY: translate(
            "Errors", "“{value}” has no currency: write it like “15000 KRW”."
        ),
        ErrorCode.PRICE_UNREADABLE: translate("Errors", "“{value}” is not a price like “15000 KRW”."),
        ErrorCode.CURRENCY_UNKNOWN: translate(
            "Errors", "“{value}” is not a currency code such as KRW or USD."
        ),
        ErrorCode.CATALOG_FILE_NOT_UTF8: translate(
            "Errors",
            "This file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”.",
        ),
        ErrorCode.CATALOG_FILE_TOO_LARGE: translate(
            "Errors", "This file is too large for a catalogue (over {limit} MB)."
        ),
        ErrorCode.CATALOG_FILE_EMPTY: translate("Errors", "The file is empty."),
        ErrorCode.CATALOG_WORKBOOK_UNREADABLE: translate(
            "Errors",
            "This Excel file could not be read (damaged, or the old .xls kind). In Excel, save it "
            "as “Excel Workbook (.xlsx)” or “CSV UTF-8 (Comma delimited)”.",
        ),
        ErrorCode.CATALOG_COLUMNS_MISSING: translate(
            "Errors",
            "No row of the sheet names all the columns it needs; missing: {missing}. "
            "Columns it can read: {expected}.",
        ),
        ErrorCode.IMAGE_NOT_SUPPORTED: translate(
            "Errors", "This file is not a JPEG, PNG, WebP or GIF picture."
        ),
        ErrorCode.IMAGE_TOO_LARGE: translate("Errors", "The picture is larger than {limit} MB."),
        ErrorCode.CHAT_EXPORT_EMPTY: translate("Errors", "{name} is empty."),
        ErrorCode.CHAT_EXPORT_NOT_TEXT: translate(
            "Errors", "{name} is not a text file, so it cannot be a WhatsApp chat export."
        ),
        ErrorCode.CHAT_EXPORT_NO_TEXT_FILE: translate(
            "Errors", "{name} holds no chat text (.txt), so it is not a WhatsApp chat export."
        ),
        ErrorCode.CHAT_EXPORT_DAMAGED: translate(
            "Errors", "{name} is damaged. Export the chat from the phone again."
        ),
        ErrorCode.CHAT_EXPORT_NO_CHAT_LINES: translate(
            "Errors",
            "{name} has no WhatsApp chat lines (a date, a time and a name at the start of a line).",
        ),
        ErrorCode.CHAT_IMPORT_CANCELLED: translate("Errors", "The import was cancelled. Nothing was added."),
        ErrorCode.CHAT_EXPORT_CANCELLED: translate("Errors", "The export was cancelled. No file was saved."),
        ErrorCode.CHAT_CONTACT_AMBIGUOUS: translate(
            "Errors",
            "A contact called “{name}” is already in Shop Inbox, but a name does not say it is the same "
            "person. Choose the contact this chat belongs to, or a new contact.",
        ),
        ErrorCode.CHAT_CONTACT_GONE: translate(
            "Errors", "The contact chosen for this chat no longer exists. Choose again."
        ),
        ErrorCode.CHAT_NOT_A_PARTICIPANT: translate("Errors", "“{name}” is not a participant of this chat."),
        ErrorCode.TIME_ZONE_UNKNOWN: translate(
            "Errors", "“{value}” is not a time zone Shop Inbox knows. Choose one from the list."
        ),
        ErrorCode.LABEL_NAME_EMPTY: translate("Errors", "A label needs a name."),
        ErrorCode.LABEL_NAME_TOO_LONG: translate(
            "Errors", "A label name can have at most {limit} characters."
        ),
        ErrorCode.LABEL_NAME_TAKEN: translate("Errors", "There is already a label called “{name}”."),
        ErrorCode.LABEL_COLOUR_INVALID: translate("Errors", "“{value}” is not a colour like #25D366."),
        ErrorCode.LABEL_GONE: translate("Errors", "This label was deleted meanwhile."),
        ErrorCode.SHORTCUT_EMPTY: translate("Errors", "A quick reply needs a shortcut, like /thanks."),
        ErrorCode.SHORTCUT_NO_SLASH: translate("Errors", "A shortcut starts with /, like /thanks."),
        ErrorCode.SHORTCUT_HAS_SPACES: translate("Errors", "A shortcut cannot contain spaces."),
        ErrorCode.SHORTCUT_TOO_LONG: translate("Errors", "A shortcut can have at most {limit} characters."),
        ErrorCode.SHORTCUT_TAKEN: translate(
            "Errors", "The shortcut {name} is already used by another quick reply."
        ),
        ErrorCode.QUICK_REPLY_EMPTY: translate("Errors", "A quick reply needs some text."),
        ErrorCode.QUICK_REPLY_TOO_LONG: translate(
            "Errors", "A quick reply can have at most {limit} characters."
        ),
        ErrorCode.QUICK_REPLY_GONE: translate("Errors", "This quick reply was deleted meanwhile."),
        ErrorCode.QUICK_REPLY_FILE_MISSING: translate(
            "Errors",
            "The file {name} of the quick reply {shortcut} was moved or deleted, so it was not "
            "attached. Choose the file again in Quick replies.",
        ),
        ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT: translate(
            "Errors",
            "This file is not a quick replies file. Choose a .zip file made with Export… in the Quick "
            "replies window. Nothing was imported.",
        ),
        ErrorCode.QUICK_REPLIES_TOO_NEW: translate(
            "Errors",
            "These quick replies were exported by a newer version of Shop Inbox (file version {found}; "
            "this version reads up to {supported}). Update Shop Inbox on this computer, then import "
            "them again. Nothing was imported.",
        ),
        ErrorCode.QUICK_REPLIES_DAMAGED: translate(
            "Errors",
            "This quick replies file is damaged and cannot be read. Export the quick replies again on "
            "the other computer. Nothing was imported.",
        ),
        ErrorCode.QUICK_REPLIES_TOO_LARGE: translate(
            "Errors",
            "The files in this quick replies file come to more than {limit} MB once unpacked, far more "
            "than quick replies need, so it was not opened. Nothing was imported.",
        ),
        ErrorCode.QUICK_REPLY_ENTRY_DAMAGED: translate(
            "Errors", "This quick reply is damaged in the file and cannot be read."
        ),
        ErrorCode.QUICK_REPLY_FILE_DAMAGED: translate(
            "Errors", "Its file {name} is damaged or missing in the exported file."
        ),
        ErrorCode.CAMPAIGN_NAME_EMPTY: translate("Errors", "A campaign needs a name."),
        ErrorCode.CAMPAIGN_NO_TEMPLATE: translate("Errors", "Choose an approved template for the campaign."),
        ErrorCode.CAMPAIGN_NO_RECIPIENTS: translate(
            "Errors", "Nobody in this audience may get the campaign: see who is left out and why."
        ),
        ErrorCode.CAMPAIGN_PARAMETER_EMPTY: translate(
            "Errors", "Fill in the blanks {value} of the template first."
        ),
        ErrorCode.CAMPAIGN_RECIPIENTS_CHANGED: translate(
            "Errors",
            "Nothing was sent: who gets the campaign changed after you confirmed it (you confirmed "
            "{confirmed_count}; it would reach {current_count} now). Check who gets it and send again.",
        ),
        ErrorCode.CAMPAIGN_NOT_EDITABLE: translate(
            "Errors", "This campaign was already handed to the relay and can no longer be changed."
        ),
        ErrorCode.INVALID_INPUT: "{sentence}",
    }


def relay_sentences() -> dict[str, str]:
    """Each RelayErrorCode (docs/relay.md), as a failed message or a refused request carries it."""
    desktop = desktop_sentences()
    return {
        RelayErrorCode.UNAUTHORISED: desktop[ErrorCode.UNAUTHORISED],
        RelayErrorCode.BAD_SIGNATURE: translate(
            "Errors", "Your relay refused a webhook whose signature did not match the app secret."
        ),
        RelayErrorCode.TOO_LARGE: translate("Errors", "The file is too large for WhatsApp."),
        RelayErrorCode.UNSUPPORTED_FILE_TYPE: translate(
            "Errors",
            "WhatsApp does not take files of this type. It takes documents as PDF, Word, Excel, "
            "PowerPoint or text files: save it as PDF and attach that.",
        ),
        RelayErrorCode.MALFORMED: translate("Errors", "Your relay received something it cannot read."),
        RelayErrorCode.STORAGE: translate(
            "Errors", "Your relay could not store this. Shop Inbox tries again by itself."
        ),
        RelayErrorCode.DATABASE_UNUSABLE: desktop[ErrorCode.RELAY_DATABASE_UNUSABLE],
        RelayErrorCode.INVALID: translate("Errors", "Your relay found this message invalid for WhatsApp."),
        RelayErrorCode.IN_FLIGHT: translate(
            "Errors", "This message is still being sent. Shop Inbox checks again by itself."
        ),
        RelayErrorCode.OUTSIDE_WINDOW: desktop[ErrorCode.OUTSIDE_WINDOW],
        RelayErrorCode.GRAPH_BUSY: translate(
            "Errors", "WhatsApp is busy right now. Shop Inbox tries again by itself."
        ),
        RelayErrorCode.GRAPH_UNREACHABLE: desktop[ErrorCode.GRAPH_UNREACHABLE],
        RelayErrorCode.GRAPH_ERROR: translate("Errors", "WhatsApp did not accept this message."),
        RelayErrorCode.NOT_FOUND: translate("Errors", "Your relay does not have this anymore."),
        RelayErrorCode.MEDIA_UNAVAILABLE: translate(
            "Errors", "WhatsApp has not handed this file to your relay yet. Try again in a moment."
        ),
        RelayErrorCode.IF_MATCH_REQUIRED: desktop[ErrorCode.REVISION_CONFLICT],
        RelayErrorCode.STALE_REVISION: desktop[ErrorCode.REVISION_CONFLICT],
        RelayErrorCode.HISTORY_GAP: desktop[ErrorCode.HISTORY_GAP],
        RelayErrorCode.TOO_MANY_POLLS: translate(
            "Errors", "Too many computers are connected to your relay with this relay token."
        ),
        RelayErrorCode.TOO_MANY_ATTEMPTS: translate(
            "Errors",
            "Your relay is refusing this network for a few minutes: many wrong relay tokens "
            "came from it. Shop Inbox tries again by itself.",
        ),
        RelayErrorCode.TOO_MANY_REQUESTS: translate(
            "Errors",
            "Your relay is answering too many requests from this network at once. "
            "Shop Inbox tries again by itself.",
        ),
        RelayErrorCode.BODY_TIMEOUT: translate(
            "Errors", "The connection to your relay was too slow. Shop Inbox tries again by itself."
        ),
        RelayErrorCode.BOT_OVER_LIMITS: translate(
            "Errors",
            "The menu bot goes beyond what WhatsApp allows (too many rows, or a title too long). "
            "The menu that was running keeps running.",
        ),
        RelayErrorCode.OVERLAPPING_HOURS: translate(
            "Errors",
            "Two of your opening hours on one day overlap. Open Business hours, change one of them "
            "or make them one, and save again.",
        ),
        RelayErrorCode.CAMPAIGN_CONFLICT: translate(
            "Errors", "Your relay already holds another campaign under this one's id. Make a new campaign."
        ),
        RelayErrorCode.CAMPAIGN_FINISHED: translate(
            "Errors", "This campaign has already finished or was cancelled: it cannot be paused or resumed."
        ),
        RelayErrorCode.UNKNOWN_NUMBER: translate(
            "Errors",
            "Your relay does not send from the number this campaign is set to go from: it is not one of "
            "your shop's WhatsApp numbers there. Choose another number under Send from and send again.",
        ),
        RelayErrorCode.UNKNOWN: desktop[ErrorCode.UNKNOWN_OUTCOME],
    }


def graph_sentences() -> dict[str, str]:
    """WhatsApp's (Graph API) codes that a message can fail with, as a shop owner would say them."""
    return {
        "131047": desktop_sentences()[ErrorCode.OUTSIDE_WINDOW],
        "131026": translate(
            "Errors",
            "WhatsApp could not deliver this message. The number may not use WhatsApp, or the "
            "customer may need to update the app or accept the latest terms.",
        ),
        "131049": translate(
            "Errors",
            "WhatsApp did not deliver this marketing message, to keep customers from receiving "
            "too many. Try again later or send a different message.",
        ),
        "131050": translate("Errors", "The customer has stopped marketing messages from your shop."),
        "130472": translate(
            "Errors", "WhatsApp held this message back as part of an experiment. Do not resend it."
        ),
        "131051": translate("Errors", "WhatsApp does not support this kind of message."),
        "131052": translate("Errors", "WhatsApp could not download the file of this message."),
        # Graph says 131053 both for a link to the file that expired or could not be fetched (sending
        # again is enough) and for a file it will not take (another format is): said so both read right.
        "131053": translate(
            "Errors",
            "WhatsApp could not take the file of this message. Send it again; if it fails again, "
            "WhatsApp does not take this file: save it as JPEG (a photo) or PDF (a document) and "
            "attach that.",
        ),
        # The same code, with the cause the relay read from Graph's details (app/wire.py GraphCause).
        "131053:media_fetch_failed": translate(
            "Errors",
            "WhatsApp could not fetch the file in time, so the customer did not get it. Nothing is "
            "wrong with the file: send it again.",
        ),
        "131053:media_too_large": translate(
            "Errors",
            "WhatsApp does not take a file this large. Attach a smaller one (a photo or video saved "
            "smaller, or the document in parts); sending this one again will not help.",
        ),
        "131053:media_type_not_taken": translate(
            "Errors",
            "WhatsApp does not take this kind of file. Save it as JPEG (a photo), MP4 (a video) or "
            "PDF (a document) and attach that; sending this one again will not help.",
        ),
        # The relay's Meta access token expired or was revoked: nothing goes until its admin renews it.
        "190": translate(
            "Errors",
            "WhatsApp no longer accepts your relay's Meta access token (it has expired or was revoked), "
            "so nothing can be sent until it is renewed. Ask whoever looks after your relay to renew it, "
            "then send the message again.",
        ),
        "131021": translate("Errors", "You cannot send a message to your own number."),
        "131031": translate(
            "Errors", "Your WhatsApp business account is locked. Check it in Meta Business Manager."
        ),
        "132000": translate("Errors", "The template's fields do not match: fill in every field."),
        "132001": translate(
            "Errors", "This template does not exist in that language, or is not approved yet."
        ),
        "132015": translate("Errors", "This template was paused for low quality. Choose another one."),
        "132016": translate("Errors", "This template was turned off for low quality. Choose another one."),
        "133010": translate("Errors", "Your shop's phone number is not registered with WhatsApp yet."),
        "130429": translate(
            "Errors", "WhatsApp is sending too fast right now. Shop Inbox tries again by itself."
        ),
        "131056": translate("Errors", "Too many messages to this customer in a short time. Wait a moment."),
    }


# Compressed folders (ALZip's .alz and .egg are common in Korea): WhatsApp takes none of them.
COMPRESSED_SUFFIXES = (".zip", ".rar", ".7z", ".alz", ".egg", ".tar", ".gz", ".tgz")


def code_sentence(code: ErrorCode, params: Mapping[str, Any]) -> str:
    sentence = desktop_sentences()[code]
    if code is ErrorCode.PRICE_NOT_A_NUMBER and params.get("digits") == 0:
        # Its example "12.50" would be refused next in won or yen (PRICE_NOT_WHOLE).
        sentence = translate("Errors", "“{value}” is not a price: use digits, e.g. 15000.")
    if code is ErrorCode.FILE_TYPE_NOT_TAKEN and params.get("kind") in ("image", "video", "audio"):
        sentence = {
            "image": translate(
                "Errors",
                "WhatsApp takes photos as JPEG or PNG: {name} was not attached. Save it as JPEG "
                "and attach that.",
            ),
            "video": translate(
                "Errors",
                "WhatsApp takes videos as MP4 or 3GP: {name} was not attached. Save it as MP4 "
                "and attach that.",
            ),
            "audio": translate(
                "Errors",
                "WhatsApp takes sound files as MP3, M4A, AAC, AMR or OGG (Opus): {name} was not "
                "attached. Save it as MP3 and attach that.",
            ),
        }[params["kind"]]
    elif code is ErrorCode.FILE_TYPE_NOT_TAKEN and str(params.get("name", "")).lower().endswith(
        (".csv", ".tsv")
    ):
        # A price list or an order sheet exported as CSV: a PDF of it is no use to the customer.
        sentence = translate(
            "Errors",
            "WhatsApp takes documents as PDF, Word, Excel, PowerPoint or text files: {name} was not "
            "attached. Save it as an Excel file (.xlsx) and attach that.",
        )
    elif code is ErrorCode.FILE_TYPE_NOT_TAKEN and str(params.get("name", "")).lower().endswith(
        COMPRESSED_SUFFIXES
    ):
        # A folder of product photos zipped up: "save it as PDF" cannot be done to a .zip.
        sentence = translate(
            "Errors",
            "WhatsApp takes no compressed files: {name} was not attached. Unzip it and attach the "
            "files inside (photos, PDFs).",
        )
    if code is ErrorCode.FILE_TOO_LARGE_FOR_KIND and params.get("kind") == "audio":
        sentence = translate(
            "Errors",
            "WhatsApp takes sound files up to {limit_mb} MB: {name} was not attached. Send a shorter "
            "recording, or share it by a link.",
        )
    elif code is ErrorCode.FILE_TOO_LARGE_FOR_KIND and params.get("kind") == "image":
        # Rarely said: a photo Qt reads is made smaller before it goes (ui/attachments.py).
        sentence = translate(
            "Errors",
            "WhatsApp takes photos up to {limit_mb} MB: {name} was not attached. Save it smaller as "
            "JPEG and attach that.",
        )
    if code is ErrorCode.ORDER_LINES_LOCKED and params.get("state") == "cancelled":
        sentence = translate(
            "Errors", "Order {number} was cancelled: its items no longer change. Make a new order."
        )
    values = {**_counts_in_locale(_words_for_codes(code, params))}
    for key in _SHORTCUT_PARAMS.get(code, ("shortcut",)):
        if isinstance(shortcut := values.get(key), str):
            values[key] = shortcut_text(shortcut)  # "/감사" never wraps after its "/"
    return with_particles(sentence.format(**values))


# The parameters that are a quick reply's shortcut where it is not called `shortcut`.
_SHORTCUT_PARAMS = {ErrorCode.SHORTCUT_TAKEN: ("name",)}


# Limits and counts said in a sentence ("at most 4,096 characters", "only 1,200 left"): written with
# the locale's digit grouping, as every other number the owner reads is (ui/formatting.count_text).
_COUNTS = ("limit", "limit_mb", "wanted", "available", "days", "confirmed_count", "current_count")


def _counts_in_locale(params: Mapping[str, Any]) -> Mapping[str, Any]:
    from ui.formatting import count_text

    counts = {
        key: count_text(value)
        for key in _COUNTS
        if isinstance(value := params.get(key), int) and not isinstance(value, bool)
    }
    return {**params, **counts} if counts else params


def _words_for_codes(code: ErrorCode, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """Parameters that are themselves codes (an order's state, a field) in the owner's language."""
    if code is ErrorCode.ORDER_MOVE_REFUSED:
        from ui.order_text import state_name

        return {
            **params,
            "from_state": state_name(params["from_state"]),
            "to_state": state_name(params["to_state"]),
        }
    if code in (
        ErrorCode.ORDER_LINES_LOCKED,
        ErrorCode.ORDER_RETURN_REFUSED,
        ErrorCode.ORDER_BACK_NONE,
        ErrorCode.ORDER_BACK_MOVED,
        ErrorCode.ORDER_BACK_AFTER_RETURN,
        ErrorCode.ORDER_BACK_EXPIRED,
        ErrorCode.ORDER_BACK_TOO_LATE,
    ):
        from ui.order_text import state_name

        return {**params, "state": state_name(params["state"])}
    if code is ErrorCode.ORDER_REFUND_TOO_MUCH:
        from ui.order_text import money

        return {
            "refund": money(params["refund_minor"], params["currency"]),
            "most": money(params["most_minor"], params["currency"]),
        }
    if code in (ErrorCode.ORDER_DISCOUNT_OVER_TOTAL, ErrorCode.ORDER_CARRIED_OVER_TOTAL):
        from ui.order_text import money

        return {
            "discount": money(params["discount_minor"], params["currency"]),
            "before": money(params["before_minor"], params["currency"]),
        }
    if code is ErrorCode.CATALOG_COLUMNS_MISSING:
        from ui.catalog_csv_actions import column_name

        def names(columns: str) -> str:
            return ", ".join(column_name(c) for c in columns.split(", "))

        return {"missing": names(params["missing"]), "expected": names(params["expected"])}
    if code in (ErrorCode.UPDATE_NEEDS_ROOM, ErrorCode.UPDATE_NEEDS_TEMP_ROOM, ErrorCode.RESTORE_NEEDS_ROOM):
        from ui.size_text import human_size

        return {**params, "needed": human_size(params["needed"]), "free": human_size(params["free"])}
    if code is ErrorCode.ORDER_AMOUNT_INVALID:
        fields = {
            "shipping": translate("Errors", "shipping fee"),
            "surcharge": translate("Errors", "surcharge"),
            "total": translate("Errors", "total"),
            "discount": translate("Errors", "discount"),
        }
        return {**params, "field": fields.get(params["field"], params["field"])}
    return params


def error_sentence(exc: ShopInboxError) -> str:
    """What the owner reads for an error raised in app/: its code's sentence, or WhatsApp's reason."""
    # Graph's code of a refusal, when WhatsApp gave one, says more than our own code.
    values = exc.param_values()
    graph_code = str(values.get("graph_code"))
    if graph_code in graph_sentences():
        return graph_sentences()[graph_code]
    relay_code = str(values.get("relay_code"))
    if isinstance(exc, RelayBusy) and (said := relay_storage_sentence(exc)):
        return said
    if exc.code is ErrorCode.RELAY_REFUSED and relay_code in relay_sentences():
        return relay_sentences()[relay_code]
    if exc.code is ErrorCode.BACKUP_FOLDER_MISSING and not looks_removable(str(values.get("path", ""))):
        return folder_not_on_this_computer(str(values.get("path", "")))
    return code_sentence(exc.code, values)


def folder_not_on_this_computer(path: str) -> str:
    """The daily backup's folder is gone and looks like no plugged-in drive's: most often a folder
    of the old computer, named by the settings a restore brought to a new one. No USB stick to plug in."""
    return translate(
        "Errors",
        "The daily backup folder {path} is not on this computer; it may be your old computer's. "
        "Choose a folder on this computer in Settings ▸ Your data.",
    ).format(path=path)


def download_sentence(exc: ShopInboxError) -> str:
    """Why a customer's file did not download: "not yet" while the relay cannot reach WhatsApp or
    WhatsApp has not handed it over (the file is not lost: it is asked for again), else the error's."""
    if isinstance(exc, GraphUnreachable):
        return translate(
            "Errors",
            "Your relay can't reach WhatsApp right now, so this file can't be downloaded yet. "
            "Try again in a moment.",
        )
    if isinstance(exc, RelayBusy) and exc.relay_code == RelayErrorCode.MEDIA_UNAVAILABLE:
        return relay_sentences()[RelayErrorCode.MEDIA_UNAVAILABLE]
    if exc.code is ErrorCode.MEDIA_UNAVAILABLE:
        # Gone for good (Graph keeps a customer's file for a while only): the customer still has it.
        return translate(
            "Errors",
            "WhatsApp no longer has this file, so it can't be downloaded. Ask the customer to send it again.",
        )
    if isinstance(exc, RelayBusy) and exc.relay_code == RelayErrorCode.STORAGE:
        cause = exc.params.param("cause") if isinstance(exc.params, RefusalParams) else ""
        if said := storage_download_sentence(cause):
            return said
        # Not "busy": an older relay names no cause, and most often it is a full disk.
        return translate(
            "Errors",
            "Your relay could not keep this file: the disk on the relay's server may be full. Free some "
            "space there, then open the file again.",
        )
    return error_sentence(exc)


def storage_download_sentence(cause: str) -> str | None:
    """A customer's file the relay could not keep or read, for a cause the relay named (a wire
    StorageCause); None for none or one this version does not know."""
    disk_full = translate(
        "Errors",
        "The disk on your relay's server is full, so your relay could not keep this file. Free some "
        "space there (or ask whoever looks after your relay to), then open the file again.",
    )
    disk_error = translate(
        "Errors",
        "The disk on your relay's server reports errors, so your relay could not read or keep this "
        "file. Ask whoever looks after your relay to check that disk, then open the file again.",
    )
    folder = translate(
        "Errors",
        "Your relay may not use its media folder, so it could not keep this file. Tell whoever set up "
        "your relay (its log says what to change), then open the file again.",
    )
    passing = translate(
        "Errors", "Your relay was not ready with this file just now. Open it again in a moment."
    )
    about_database = DatabaseSentences(
        busy=translate(
            "Errors",
            "Your relay's database is busy right now, so this file can't be opened yet. Try again in a "
            "moment; if this lasts, tell whoever looks after your relay.",
        ),
        unreachable=translate(
            "Errors",
            "Your relay cannot reach its database right now (it may be restarting), so this file can't "
            "be opened yet. Try again in a moment; if this lasts, tell whoever looks after your relay.",
        ),
        needs_fixing=translate(
            "Errors",
            "Your relay's database needs fixing, so this file can't be opened. Tell whoever looks after "
            "your relay (its log says what to change), then open the file again.",
        ),
    )
    return storage_cause_sentence(cause, disk_full, disk_error, folder, passing, about_database)


def relay_storage_sentence(exc: RelayBusy) -> str | None:
    """A request the relay could not store or read for a cause it named (a wire StorageCause), said
    as that cause: a read-only database or a refused login waits for whoever looks after the relay,
    unlike the "busy" that passes by itself. None for no storage failure, no cause or an unknown one."""
    if exc.relay_code not in (RelayErrorCode.STORAGE, RelayErrorCode.DATABASE_UNUSABLE):
        return None
    cause = exc.params.param("cause") if isinstance(exc.params, RefusalParams) else ""
    return storage_sentence(cause)


def storage_sentence(cause: str | None) -> str | None:
    """`relay_storage_sentence` for the relay's cause as it sent it (the poll's banner keeps only
    the cause): said alike for any request, whether Shop Inbox tries again by itself or not."""
    disk_full = translate(
        "Errors",
        "The disk on your relay's server is full, so your relay could not do this. Free some space "
        "there, or ask whoever looks after your relay to.",
    )
    disk_error = translate(
        "Errors",
        "The disk on your relay's server reports errors, so your relay could not do this. Ask whoever "
        "looks after your relay to check that disk.",
    )
    folder = translate(
        "Errors",
        "Your relay may not use its media folder, so it could not do this. Tell whoever set up your "
        "relay (its log says what to change).",
    )
    passing = translate("Errors", "Your relay was not ready for this just now; it goes through in a moment.")
    about_database = DatabaseSentences(
        busy=translate(
            "Errors",
            "Your relay's database is busy right now. If this lasts, tell whoever looks after your relay.",
        ),
        unreachable=translate(
            "Errors",
            "Your relay cannot reach its database right now (it may be restarting). If this lasts, tell "
            "whoever looks after your relay.",
        ),
        needs_fixing=translate(
            "Errors",
            "Your relay's database needs fixing, so your relay cannot do this. It does not mend by "
            "itself: tell whoever looks after your relay (its log says what to change).",
        ),
    )
    return storage_cause_sentence(cause, disk_full, disk_error, folder, passing, about_database)


@dataclass(frozen=True, slots=True)
class DatabaseSentences:
    """One place's sentences for the relay's database failing: `busy` (locked by another program, no
    connection slot left: it passes, or needs someone if it lasts), `unreachable` (its server stopped
    or restarting) and `needs_fixing` (read-only, its login refused, emptied or in another encoding:
    whoever looks after the relay must act, as its log says)."""

    busy: str
    unreachable: str
    needs_fixing: str


def storage_cause_sentence(
    cause: str | None,
    disk_full: str,
    disk_error: str,
    folder: str,
    passing: str,
    about_database: DatabaseSentences,
) -> str | None:
    """Of one place's sentences for a relay's storage failure, the one for its cause: the same for
    each cause the owner (or whoever runs her relay) does the same about; None for an unknown one."""
    sentences: dict[str, str] = {
        StorageCause.DISK_FULL: disk_full,
        StorageCause.DISK_ERROR: disk_error,
        # The media folder takes no writes: whoever set up the relay changes its disk, its rights
        # or RELAY_MEDIA_DIR, as the relay's log line says.
        StorageCause.READ_ONLY: folder,
        StorageCause.NO_PERMISSION: folder,
        StorageCause.NOT_A_FOLDER: folder,
        # A passing hiccup: the same request again goes.
        StorageCause.FILE_MISSING: passing,
        StorageCause.CONFLICT_WITH_ANOTHER_WORKER: passing,
        # The relay's database (a full disk under it is DISK_FULL's):
        StorageCause.LOCKED: about_database.busy,
        StorageCause.TOO_MANY_CONNECTIONS: about_database.busy,
        StorageCause.CONNECTION_LOST: about_database.unreachable,
        StorageCause.DATABASE_READ_ONLY: about_database.needs_fixing,
        StorageCause.LOGIN_REFUSED: about_database.needs_fixing,
        StorageCause.SCHEMA_MISSING: about_database.needs_fixing,
        StorageCause.DATABASE_NOT_UTF8: about_database.needs_fixing,
    }
    return sentences.get(cause or "")


def file_error_sentence(exc: OSError) -> str:
    """A file Shop Inbox could not read or write, in the owner's words for the usual causes (the
    system's own text, in the system's language, only for the rest)."""
    path = exc.filename if isinstance(exc.filename, str) else ""
    name = Path(path).name if path else ""
    if exc.errno == errno.ENOSPC:
        return translate("Errors", "The disk is full. Free some space, then try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if name:
            not_allowed = translate("Errors", "Shop Inbox may not use “{0}”. Choose another file or folder.")
            return with_particles(not_allowed.format(name))
        return translate("Errors", "Shop Inbox may not use that place. Choose another file or folder.")
    if exc.errno == errno.ENOENT:
        if name:
            gone = translate("Errors", "“{0}” is not there any more (moved or deleted?).")
            return with_particles(gone.format(name))
        return translate("Errors", "The file or folder is not there any more (moved or deleted?).")
    return translate("Errors", "A file could not be read or written: {0}").format(exc.strerror or exc)


# Failures a retry of the same message cannot change: the chat does not offer one.
NOT_RETRYABLE_FAILURES = frozenset({"131053:media_too_large", "131053:media_type_not_taken"})


def failed_message_sentence(error_code: str | None, error_text: str | None) -> str:
    """Why a message was not sent, from the code stored with it (Graph's, the relay's or ours).

    The relay's or WhatsApp's English text is shown only for a code this version has no sentence for.
    """
    known = known_failure_sentence(error_code)
    if known is not None:
        return known
    return error_text or translate("Errors", "The message could not be sent.")


def known_failure_sentence(error_code: str | None) -> str | None:
    """`failed_message_sentence` for a code this version has a sentence for; None for any other (a
    campaign's report then names the code)."""
    code = error_code or ""
    graph = graph_sentences()
    if code not in graph and ":" in code:
        # A cause this version does not know yet ("131053:…"): the code's general sentence.
        code = code.partition(":")[0]
    if code == RelayErrorCode.UNKNOWN_NUMBER:
        # The relay's sentence for this code is a campaign's (its Send from); a chat message's differs.
        return translate(
            "Errors",
            "This message was to go from a number your relay does not send from: it is not one of "
            "your shop's WhatsApp numbers there. Nothing was sent.",
        )
    for table in (graph, relay_sentences()):
        if code in table:
            return table[code]
    if code in (ErrorCode.FILE_UNREADABLE, ErrorCode.FILE_GONE):
        return translate("Errors", "The attached file cannot be read any more. Attach it again.")
    if code in set(ErrorCode) and "{" not in desktop_sentences()[ErrorCode(code)]:
        return desktop_sentences()[ErrorCode(code)]
    return None
