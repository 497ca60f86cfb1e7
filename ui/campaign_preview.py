"""A phone-like preview of a campaign message as one recipient will see it (plain text, painted)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSizePolicy, QWidget

from ui.bubble_layout import layout_text
from ui.theme import is_dark


@dataclass(frozen=True, slots=True)
class PhoneColours:
    """The phone's colours: WhatsApp's light theme, or its dark one on a dark palette."""

    frame: QColor
    chat: QColor
    header: QColor
    header_text: QColor
    bubble: QColor
    text: QColor
    muted: QColor
    link: QColor
    media: QColor


# WhatsApp's own light and dark themes. Every text colour reads at 4.5:1 or better on its bubble
# (tests/ui/test_campaign_preview_dark.py): on a dark window the light phone glared out of the form.
LIGHT_PHONE = PhoneColours(
    frame=QColor("#202124"),
    chat=QColor("#ECE5DD"),
    header=QColor("#075E54"),
    header_text=QColor("#FFFFFF"),
    bubble=QColor("#FFFFFF"),
    text=QColor("#000000"),
    muted=QColor("#667781"),
    link=QColor("#027EB5"),
    media=QColor("#CFD8DC"),
)
DARK_PHONE = PhoneColours(
    frame=QColor("#000000"),
    chat=QColor("#0B141A"),
    header=QColor("#202C33"),
    header_text=QColor("#E9EDEF"),
    bubble=QColor("#202C33"),
    text=QColor("#E9EDEF"),
    muted=QColor("#8696A0"),
    link=QColor("#53BDEB"),
    media=QColor("#374248"),
)


def phone_colours(palette: QPalette) -> PhoneColours:
    """The phone's colours for a window painted with `palette`."""
    return DARK_PHONE if is_dark(palette) else LIGHT_PHONE


class PhonePreview(QWidget):
    """`show_message(shop, header, body, footer, buttons)`; the text is drawn, never parsed as markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPreview")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.shop = ""
        self.header = ""
        self.body = ""
        self.footer = ""
        self.buttons: list[str] = []
        self.has_media = False

    def sizeHint(self) -> QSize:
        return QSize(300, 520)

    def minimumSizeHint(self) -> QSize:
        # 300 high at the least (a bubble of a few lines and its buttons): 380 made the campaign window
        # 496 pixels high at the least, and a 1366×768 laptop at 150 % shows 485 above its taskbar,
        # so Save and Send ended below the screen's edge.
        return QSize(260, 300)

    def show_message(
        self,
        shop: str,
        header: str,
        body: str,
        footer: str,
        buttons: list[str],
        *,
        has_media: bool = False,
    ) -> None:
        self.shop, self.header, self.body, self.footer = shop, header, body, footer
        self.buttons = buttons
        self.has_media = has_media
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light and dark switched with the form open
            self.update()

    def text(self) -> str:
        """Everything the bubble shows, for tests and accessibility."""
        return "\n".join(p for p in (self.header, self.body, self.footer, *self.buttons) if p)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = phone_colours(self.palette())
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c.frame)
        p.drawRoundedRect(outer, 28, 28)
        screen = outer.adjusted(10, 16, -10, -16)
        p.setBrush(c.chat)
        p.drawRoundedRect(screen, 16, 16)
        bar = QRectF(screen.left(), screen.top(), screen.width(), 44)
        p.setBrush(c.header)
        p.drawRoundedRect(bar, 16, 16)
        p.drawRect(QRectF(bar.left(), bar.top() + 22, bar.width(), 22))
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(c.header_text)
        p.drawText(bar.adjusted(14, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, self.shop or " ")

        width = screen.width() - 56
        inner = width - 20
        fm = QFontMetrics(base)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        parts = bubble_parts(self, inner, base, bold, small, c)
        height: float = sum(h + 6 for *_rest, h in parts) + 14.0
        top = bar.bottom() + 14
        available = screen.bottom() - top - 12 - len(self.buttons) * (fm.height() + 16)
        height = min(height, max(40.0, available))
        bubble = QRectF(screen.left() + 12, top, width, height)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c.bubble)
        p.drawRoundedRect(bubble, 10, 10)
        p.save()
        p.setClipRect(bubble)
        y = bubble.top() + 8
        for colour, layout, part_h in parts:
            if layout is None:  # the header's picture or video
                p.setBrush(c.media)
                p.drawRoundedRect(QRectF(bubble.left() + 6, y, bubble.width() - 12, part_h), 6, 6)
            else:
                p.setPen(colour)
                layout.draw(p, QPointF(bubble.left() + 10, y))
            y += part_h + 6
        p.restore()
        y = bubble.bottom() + 4
        p.setFont(base)
        for label in self.buttons:
            rect = QRectF(bubble.left(), y, width, fm.height() + 12)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c.bubble)
            p.drawRoundedRect(rect, 8, 8)
            p.setPen(QPen(c.link))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            y += rect.height() + 4
        p.end()


def bubble_parts(
    preview: PhonePreview, inner: float, base: QFont, bold: QFont, small: QFont, c: PhoneColours
) -> list[tuple[QColor, QTextLayout | None, float]]:
    """The bubble's parts top to bottom as (colour, lines, height): the header's picture or video (no
    lines), then the header, body and footer wrapped into `inner` pixels, between words (a Korean
    word kept whole), and inside a word only when it alone is wider: drawn with Qt.TextWordWrap, a
    template's long link ran past the bubble's edge, and the owner never saw its end."""
    parts: list[tuple[QColor, QTextLayout | None, float]] = []
    if preview.has_media:
        parts.append((c.muted, None, 120.0))
    for font, colour, text in (
        (bold, c.text, preview.header),
        (base, c.text, preview.body),
        (small, c.muted, preview.footer),
    ):
        if text:
            layout, _, height, _ = layout_text(text, font, inner)
            parts.append((colour, layout, height))
    return parts


class PreviewGivesWay(QObject):
    """Narrows `preview` (down to its minimum) before `form`, the scroll area beside it, would have to
    scroll sideways; past that, the form's two `columns` go one below the other. At 1280 pixels wide
    (a 1920×1080 laptop at 150 %, or 2560×1440 at 200 %) the campaign form was 27 pixels too wide
    beside a full-width preview, and the right edge of its template box, time and pace was cut off;
    on a 1366×768 laptop at 125 % (1093 pixels) even a narrowed preview left it scrolling sideways."""

    def __init__(self, preview: PhonePreview, form: QScrollArea, columns: QBoxLayout | None = None) -> None:
        super().__init__(preview)
        self.preview = preview
        self.form = form
        self.columns = columns
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once the layout has given both their new widths
        self._timer.timeout.connect(self.fit)
        form.installEventFilter(self)
        inner = form.widget()
        if inner is not None:
            inner.installEventFilter(self)  # what the form shows changes its minimum width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._timer.start()
        return False

    def _inner_width(self, *, side_by_side: bool) -> int:
        """The least width of the form's contents with its columns side by side, or stacked."""
        inner, columns = self.form.widget(), self.columns
        if columns is None:
            return inner.minimumSizeHint().width() if inner is not None else 0
        items = (columns.itemAt(i) for i in range(columns.count()))
        widths = [item.minimumSize().width() for item in items if item is not None]
        margins = columns.contentsMargins()
        if side_by_side:
            body = sum(widths) + columns.spacing() * max(0, len(widths) - 1)
        else:
            body = max(widths, default=0)
        return body + margins.left() + margins.right()

    def least_width(self) -> int:
        """The least width of the form (columns stacked, scroll bar and frame counted) and the
        narrowest preview, side by side: below it the form scrolls sideways."""
        form = self.form
        chrome = 2 * form.frameWidth() + form.verticalScrollBar().sizeHint().width()
        return self._inner_width(side_by_side=False) + chrome + self.preview.minimumSizeHint().width()

    def fit(self) -> None:
        form = self.form
        if form.widget() is None:
            return
        bar = form.verticalScrollBar()
        chrome = 2 * form.frameWidth() + bar.sizeHint().width()  # the bar counted: stacking brings it
        room = form.width() + self.preview.width() - chrome
        narrowest = self.preview.minimumSizeHint().width()
        stack = False
        if self.columns is not None:
            stack = room - self._inner_width(side_by_side=True) < narrowest
            direction = QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
            if self.columns.direction() != direction:
                self.columns.setDirection(direction)
        spare = room - self._inner_width(side_by_side=not stack)
        width = max(narrowest, min(self.preview.sizeHint().width(), spare))
        if width != self.preview.width():
            self.preview.setFixedWidth(width)
