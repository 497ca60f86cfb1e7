"""Paints a campaign in the campaigns window's list: its name, then its state, time and recipients."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.campaign_store import CampaignRow
from app.wire import CampaignState
from ui.bubble_layout import layout_text
from ui.campaign_models import CampaignListModel, CampaignRole, relay_reason
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex
PAD = 6


def wrapped(font: QFont, text: str, width: int) -> tuple[QTextLayout, int]:
    """`text` wrapped into `width` pixels and how tall it is (one line's height at the least). Between
    words (Qt keeps a Korean word whole, as Korean is set), and inside a word only when the word alone
    is wider than the column: drawn with Qt.TextWordWrap, a long name or number ran past the edge."""
    layout, _, height, _ = layout_text(text, font, max(width, 1))
    return layout, max(QFontMetrics(font).height(), round(height))


class CampaignListDelegate(QStyledItemDelegate):
    """The name on a line of its own (elided; said whole in the tooltip), then the state, time and
    recipients: "Winter sale" / "Scheduled · Dec 2, 8:06 PM · 120"; below them why the relay paused
    or holds it ("Meta paused the template", in the failed-mark colour: the owner must act). The state's
    and the reason's lines wrap in a narrow list, each row as tall as they need: the night hold's
    "held for the night until 8:00 AM the customers' time" was cut to "held for the night until 8:0…"
    at 1024 pixels. Plain text only (a name is never markup)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font: QFont = option.font  # type: ignore[attr-defined]
        bold_font = QFont(font)
        bold_font.setBold(True)
        width = option.rect.width() - 2 * PAD  # type: ignore[attr-defined]
        height = QFontMetrics(bold_font).height()
        model = index.model()
        details = model.details(index.row()) if isinstance(model, CampaignListModel) else ""
        height += wrapped(font, details, width)[1]
        if why := _why(index):
            height += wrapped(font, why, width)[1]
        return QSize(120, height + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(CampaignRole.ROW) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text  # type: ignore[attr-defined]
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        model = index.model()
        details = model.details(index.row()) if isinstance(model, CampaignListModel) else ""
        rect: QRect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        painter.save()
        bold = opt.font  # type: ignore[attr-defined]
        bold.setBold(True)
        fm = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        first = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        painter.drawText(
            first,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()),
        )
        plain = option.font  # type: ignore[attr-defined]
        painter.setFont(plain)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        layout, height = wrapped(plain, details, rect.width())
        top = first.bottom() + 1
        layout.draw(painter, QPointF(rect.left(), top))
        if why := _why(index):
            row = index.data(CampaignRole.ROW)
            if not selected and row.state == CampaignState.PAUSED:
                painter.setPen(colours(palette).failed)  # as a failed message's mark: it needs the owner
            wrapped(plain, why, rect.width())[0].draw(painter, QPointF(rect.left(), top + height))
        painter.restore()


def _why(index: Index) -> str:
    row = index.data(CampaignRole.ROW)
    return relay_reason(row.reason) if isinstance(row, CampaignRow) else ""
