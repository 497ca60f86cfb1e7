"""Search results: the chats whose name or number matched, then message hits, and their delegate."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.phones import display_phone, number_span
from app.search import ContactHit, SearchHit
from app.text import name_match, spaced_match
from app.text_direction import numbers_read_in_order, right_to_left
from ui.bubble_layout import align_right, automation_mark
from ui.formatting import (
    business_number_text,
    full_datetime,
    kind_label,
    list_time,
    shop_clock_note,
    shop_zone,
)
from ui.korean_particles import with_particles
from ui.theme import colours, font_for_text, ui_font
from ui.utf16 import marked_ranges

Index = QModelIndex | QPersistentModelIndex


class HitRole(IntEnum):
    HIT = Qt.ItemDataRole.UserRole + 1


PAGE = 50
CHATS_SHOWN = 5  # chats whose name or number matched, above the messages

Hit = SearchHit | ContactHit


# Kinds whose text is a caption under a photo, a video or a file.
_CAPTIONED = ("image", "video", "document", "audio", "sticker")

# Outgoing messages written by an automation are said to be its (as their bubbles are); the rest the shop's.
_AUTOMATIONS = ("greeting", "away", "keyword", "bot")


def hit_heading(hit: SearchHit) -> str:
    """The hit's first line: its chat, and who wrote the message when not the customer ("박영희 · 나",
    "박영희 · 메뉴 봇"), or a group archive's sender."""
    if hit.sender_name:
        author = hit.sender_name
    elif hit.direction == "out":
        author = (automation_mark(hit.sent_by) if hit.sent_by in _AUTOMATIONS else "") or (
            QCoreApplication.translate("bubble", "You")  # as a quote of the shop's message names it
        )
    else:
        author = ""
    # A caption found is a photo's or a file's, not a text: said so, as its chat's row in the list says it.
    what = kind_label(hit.kind) if hit.kind in _CAPTIONED else ""
    return " · ".join(part for part in (hit.contact_name, author, what) if part)


def archived_mark() -> str:
    """The pill on a hit from an archived chat, named as the chat list's filter (its translation)."""
    return QCoreApplication.translate("ChatList", "Archived")


def number_tag(hit: Hit, tags: dict[str, str]) -> str:
    """The tag of the hit's number ("0101", as a chat's row shows it): a message's, the one it came
    in on or went from; a chat's, the one it is on. When the results are of every number of a shop
    with two or more, or the hit is on another number than the one chat searched (`tags`,
    app/search.py `hit_number_tags`); "" otherwise."""
    return tags.get(hit.business_number, "") if hit.business_number else ""


def spoken_number(hit: Hit, tags: dict[str, str], region: str) -> str:
    """The hit's number as a screen reader hears it beside the hit, when its row shows the number's
    tag: a message's as its chat says it ("Came in on your number 02-555-0101"), a chat's "To your
    number 02-555-0101"; else ""."""
    if not hit.business_number or not number_tag(hit, tags):
        return ""
    number = business_number_text(hit.business_number, region)
    if isinstance(hit, ContactHit):
        return QCoreApplication.translate("SpokenChat", "To your number {0}").format(number)
    sentence = (
        QCoreApplication.translate("SpokenMessage", "Sent from your number {0}")
        if hit.direction == "out"
        else QCoreApplication.translate("SpokenMessage", "Came in on your number {0}")
    )
    return with_particles(sentence.format(number))


def _hit_order(hit: SearchHit) -> tuple[float, int]:
    """Newest first, as search_messages pages them: by the time sent, then by id."""
    return (-hit.sent_at.timestamp(), -hit.message_id)


class SearchResultsModel(QAbstractListModel):
    """Chats whose name or number matched first, then message hits newest first; scrolling near the
    end asks for the next page of messages (`more_wanted`)."""

    more_wanted = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.query = ""  # what the hits were found for: a chat's name marks it
        self.may_have_more = False
        self.more_chats = False  # more chats matched than the CHATS_SHOWN listed
        self.loading = False
        # The shop's numbers → their tags, while the results are of every number of a shop with two
        # or more (the search panel says so with each search); empty: the hits say no number.
        self.number_tags: dict[str, str] = {}
        self.region = "KR"  # the shop's country: its numbers are said as dialled there

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.may_have_more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()

    def append_hits(self, hits: list[SearchHit]) -> None:
        self.loading = False
        self.may_have_more = len(hits) >= PAGE
        if hits:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
            self.hits.extend(hits)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HitRole.HIT:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.display_name if isinstance(hit, ContactHit) else hit.snippet
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What the row shows, for a screen reader: who wrote what, where (and to which number).
            number = spoken_number(hit, self.number_tags, self.region)
            if isinstance(hit, ContactHit):
                return f"{hit.display_name}, {number}" if number else None
            marks = ", ".join(mark for mark in (number, archived_mark() if hit.archived else "") if mark)
            return f"{hit_heading(hit)}{f' ({marks})' if marks else ''}: {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(hit, SearchHit):
            # Its whole day and time, as a bubble's tooltip says them, and whose clock they are on.
            tip = full_datetime(hit.sent_at)
            if note := shop_clock_note(shop_zone()):
                tip += "\n" + note
            return tip
        return None

    def message_hits(self) -> list[SearchHit]:
        return [hit for hit in self.hits if isinstance(hit, SearchHit)]

    def chat_hits(self) -> list[ContactHit]:
        return [hit for hit in self.hits if isinstance(hit, ContactHit)]

    def add_newer(self, hits: list[SearchHit]) -> int:
        """Messages found since the hits were shown (`hits`: the search's first page again), each in
        its place (newest first); the owner's selection and the pages already loaded stay. A hit below
        the last loaded one waits for its page. Returns how many were added.

        A full page none of which was shown (a day's catch-up brought more new hits than a page) may
        have more new hits beyond it: the loaded hits older than its last are let go, to come back
        with the next pages, which bring those in between too (kept, they hid them: "53 results" of
        83, and no next page)."""
        shown = {hit.message_id for hit in self.message_hits()}
        first = len(self.chat_hits())
        if len(hits) >= PAGE and not shown & {hit.message_id for hit in hits}:
            oldest = max(map(_hit_order, hits))
            kept = sum(1 for hit in self.message_hits() if _hit_order(hit) <= oldest)
            if first + kept < len(self.hits):  # newest first: the older ones are the last rows
                self.beginRemoveRows(QModelIndex(), first + kept, len(self.hits) - 1)
                del self.hits[first + kept :]
                self.endRemoveRows()
                shown = {hit.message_id for hit in self.message_hits()}
            whole = True  # the page is the results' new head, every hit of it shown
        else:
            whole = False
        # The loaded hits' order keys, made once and kept in step with each insert (not remade per
        # hit: a refresh brings up to a page of them over thousands loaded, on the GUI thread).
        keys = [_hit_order(h) for h in self.message_hits()]
        added = 0
        for hit in sorted(hits, key=_hit_order):
            if hit.message_id in shown:
                continue
            key = _hit_order(hit)
            at = bisect.bisect_left(keys, key)
            if at == len(keys) and self.may_have_more and not whole:
                continue  # older than every loaded hit: the next page brings it
            row = first + at
            self.beginInsertRows(QModelIndex(), row, row)
            self.hits.insert(row, hit)
            self.endInsertRows()
            keys.insert(at, key)
            shown.add(hit.message_id)
            added += 1
        self.may_have_more = self.may_have_more or whole
        return added

    def renumber(self, tags: dict[str, str], numbers: dict[int, str | None]) -> bool:
        """The hits' numbers and tags as they are now (`numbers`: each shown message's, by id): a
        chat's own number moves when its customer writes to the shop's other one, and one chat's
        search tags the numbers other than its own, as its bubbles do. True if any changed."""
        rows = [
            row
            for row, hit in enumerate(self.hits)
            if isinstance(hit, SearchHit)
            and hit.message_id in numbers
            and numbers[hit.message_id] != hit.business_number
        ]
        for row in rows:
            hit = self.hits[row]
            assert isinstance(hit, SearchHit)
            self.hits[row] = dataclasses.replace(hit, business_number=numbers[hit.message_id])
        if tags != self.number_tags:
            self.number_tags = tags
            rows = list(range(len(self.hits)))
        if not rows:
            return False
        self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))
        return True

    def drop_messages(self, gone: set[int]) -> int:
        """Hits whose message is gone since (a deleted chat, an unsent reply dropped) leave the
        results; returns how many left."""
        dropped = 0
        for row in range(len(self.hits) - 1, -1, -1):
            hit = self.hits[row]
            if isinstance(hit, SearchHit) and hit.message_id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.hits[row]
                self.endRemoveRows()
                dropped += 1
        return dropped

    def set_chats(self, chats: list[ContactHit]) -> bool:
        """The chats whose name or number matches, found again (a new customer, a renamed one, a
        deleted chat); the message hits below, and the one picked among them, stay. True if changed.
        Of more than CHATS_SHOWN (asked for one more, to know), the first are listed."""
        more = len(chats) > CHATS_SHOWN
        chats = chats[:CHATS_SHOWN]
        old = self.chat_hits()
        if old == chats and more == self.more_chats:
            return False
        self.more_chats = more
        if old:
            self.beginRemoveRows(QModelIndex(), 0, len(old) - 1)
            del self.hits[: len(old)]
            self.endRemoveRows()
        if chats:
            self.beginInsertRows(QModelIndex(), 0, len(chats) - 1)
            self.hits[0:0] = chats
            self.endInsertRows()
        return True

    def set_hits(self, hits: list[SearchHit], chats: list[ContactHit] | None = None) -> None:
        chats = chats or []
        self.beginResetModel()
        self.more_chats = len(chats) > CHATS_SHOWN
        self.hits = [*chats[:CHATS_SHOWN], *hits]
        self.may_have_more = len(hits) >= PAGE
        self.loading = False
        self.endResetModel()


def snippet_layout(snippet: str, font: QFont, width: float) -> QTextLayout:
    """A hit's snippet laid out in two lines at most of `width`: one character for one (the marks'
    places hold), Japanese or Chinese in its own font, Arabic or Hebrew lines ending at the right
    with their numbers in order."""
    layout = QTextLayout(numbers_read_in_order(snippet), font_for_text(font, snippet[:2000]))
    layout.beginLayout()
    y = 0.0
    for _ in range(2):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    if right_to_left(snippet):
        align_right(layout, width)
    return layout


class SearchHitDelegate(QStyledItemDelegate):
    """Contact and date on the first line, the snippet with its matches marked on the second."""

    def __init__(self, parent: QWidget | None = None, region: Callable[[], str] = lambda: "KR") -> None:
        super().__init__(parent)
        # The shop's country as it stands (Settings may change it): numbers are written as dialled there.
        self.region = region
        self.name_font = ui_font(0, bold=True)
        self.font = ui_font(-0.5)
        self.small = ui_font(-1.5)
        self._fm = QFontMetricsF(self.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(260, int(QFontMetricsF(self.name_font).height() + 2 * self._fm.height() + 20))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: Hit | None = index.data(HitRole.HIT)
        if hit is None:
            return
        if isinstance(hit, ContactHit):
            self._paint_chat(painter, option, hit, index)
            return
        c = colours(option.palette)  # type: ignore[attr-defined]
        r = QRectF(option.rect).adjusted(14, 8, -14, -8)  # type: ignore[attr-defined]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(option.rect, c.list_selected)  # type: ignore[attr-defined]
        name_fm = QFontMetricsF(self.name_font)
        when = list_time(hit.sent_at)
        painter.setFont(self.small)
        painter.setPen(c.secondary_text)
        tw = QFontMetricsF(self.small).horizontalAdvance(when) + 2
        painter.drawText(
            QRectF(r.right() - tw, r.top(), tw, name_fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            when,
        )
        name_w = r.width() - tw - 6
        tag = number_tag(hit, self._tags(index))
        if tag:
            name_w -= self._paint_tag(painter, tag, r.left() + name_w, r.top(), name_fm.height()) + 6
        if hit.archived:
            # A pill before the time, outlined as the chat list's "Group archive" one.
            pill = archived_mark()
            small_fm = QFontMetricsF(self.small)
            pill_w = small_fm.horizontalAdvance(pill) + 12
            pill_h = small_fm.height() + 2
            pill_rect = QRectF(
                r.left() + name_w - pill_w, r.top() + (name_fm.height() - pill_h) / 2, pill_w, pill_h
            )
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(pill_rect, pill_h / 2, pill_h / 2)
            painter.drawText(pill_rect, int(Qt.AlignmentFlag.AlignCenter), pill)
            name_w -= pill_w + 6
        painter.setFont(self.name_font)
        painter.setPen(option.palette.text().color())  # type: ignore[attr-defined]
        painter.drawText(
            QRectF(r.left(), r.top(), max(0.0, name_w), name_fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name_fm.elidedText(hit_heading(hit), Qt.TextElideMode.ElideRight, max(0.0, name_w)),
        )
        # Snippet: plain text (QTextLayout), matches on a highlight background, two lines at most.
        layout = snippet_layout(hit.snippet, self.font, r.width())
        formats = marked_ranges(hit.snippet, list(hit.highlights), c.highlight_bg, c.bubble_text)
        painter.setPen(c.secondary_text)
        painter.setClipRect(r)
        layout.draw(painter, r.topLeft() + QRectF(0, name_fm.height() + 4, 0, 0).topLeft(), formats)
        painter.restore()

    def _tags(self, index: Index) -> dict[str, str]:
        model = index.model()
        return model.number_tags if isinstance(model, SearchResultsModel) else {}

    def _paint_tag(self, painter: QPainter, tag: str, right: float, top: float, line_h: float) -> float:
        """The hit's number tag, outlined as its chat's row in the list shows it, ending at `right`
        on the first line (in the painter's pen); returns its width."""
        small_fm = QFontMetricsF(self.small)
        tag_w = small_fm.horizontalAdvance(tag) + 10
        tag_h = small_fm.height() + 2
        tag_rect = QRectF(right - tag_w, top + (line_h - tag_h) / 2, tag_w, tag_h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(self.small)
        painter.drawRoundedRect(tag_rect, 4.0, 4.0)
        painter.drawText(tag_rect, int(Qt.AlignmentFlag.AlignCenter), tag)
        return tag_w

    def _paint_chat(
        self, painter: QPainter, option: QStyleOptionViewItem, hit: ContactHit, index: Index
    ) -> None:
        """A chat whose name or number matched: its name, the match marked, and its number below (or
        what else matched: an order's number, a label's name, her WhatsApp name)."""
        c = colours(option.palette)  # type: ignore[attr-defined]
        r = QRectF(option.rect).adjusted(14, 8, -14, -8)  # type: ignore[attr-defined]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(option.rect, c.list_selected)  # type: ignore[attr-defined]
        model = index.model()
        query = model.query if isinstance(model, SearchResultsModel) else ""
        name_fm = QFontMetricsF(self.name_font)
        name_w = r.width()
        tag = number_tag(hit, self._tags(index))
        if tag:
            painter.setPen(c.secondary_text)
            name_w -= self._paint_tag(painter, tag, r.right(), r.top(), name_fm.height()) + 6
        layout = QTextLayout(hit.display_name, self.name_font)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(max(0.0, name_w))
        layout.endLayout()
        # As search found it: the name in any case, or its initials ('ㄱㅁㅈ' marks 김민지).
        match = name_match(hit.display_name, query)
        found = [match] if match else []
        formats = marked_ranges(hit.display_name, found, c.highlight_bg)
        painter.setPen(option.palette.text().color())  # type: ignore[attr-defined]
        painter.setClipRect(r)
        layout.draw(painter, r.topLeft(), formats)
        painter.setPen(c.secondary_text)
        chat = self.tr("Chat")
        if hit.order_number:
            # Found by the number of one of its orders: that order, named and marked.
            order = self.tr("Order {0}").format(hit.order_number)
            if hit.tracking:
                # Found by its tracking number: that is what is marked.
                tracking = self.tr("Tracking number {0}").format(hit.tracking)
                below, marked = f"{order} · {tracking}", hit.tracking
            else:
                below, marked = f"{chat} · {order}", hit.order_number
            at = below.rindex(marked)
            marks = [(at, at + len(marked))]
        elif hit.label and match is None:
            # Found by one of its labels' names: that label, named, with what was typed marked.
            label = self.tr("Label {0}").format(hit.label)
            below = f"{chat} · {label}"
            span = spaced_match(hit.label, query)
            at = len(below) - len(hit.label)
            marks = [(at + span[0], at + span[1])] if span else []
        elif hit.whatsapp_name and match is None:
            # Found by the name she gave WhatsApp, not the one the owner saved: that name, marked.
            name = self.tr("WhatsApp name {0}").format(hit.whatsapp_name)
            below = f"{chat} · {name}"
            span = name_match(hit.whatsapp_name, query)
            at = below.rindex(hit.whatsapp_name)  # wherever the language puts the name
            marks = [(at + span[0], at + span[1])] if span else []
        else:
            phone = display_phone(hit.wa_id, self.region()) if hit.wa_id else ""
            below = chat + (f" · {phone}" if phone else "")
            # Found by its number: the digits typed are marked in it, as a name's letters are.
            span = number_span(hit.wa_id, phone, query) if hit.wa_id and phone else None
            start = len(below) - len(phone)
            marks = [(start + span[0], start + span[1])] if span else []
        number_layout = QTextLayout(below, self.font)
        number_layout.beginLayout()
        number_line = number_layout.createLine()
        if number_line.isValid():
            number_line.setLineWidth(r.width())
        number_layout.endLayout()
        top = (self._fm.height() - number_line.height()) / 2 if number_line.isValid() else 0.0
        number_layout.draw(
            painter,
            r.topLeft() + QRectF(0, name_fm.height() + 4 + top, 0, 0).topLeft(),
            marked_ranges(below, marks, c.highlight_bg, c.bubble_text),
        )
        painter.restore()
