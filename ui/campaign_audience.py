"""The campaign editor's audience: labels, recent chats, purchases, waitlists; who gets it, who not."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.campaign_store import EditorChoices
from app.campaigns import Audience, LeftOutReason, Member, Resolved
from ui.campaign_models import CampaignRole, MemberModel, left_out_label
from ui.formatting import count_text
from ui.labels_manager import label_display_name
from ui.spin_units import counted_suffix

DAYS_MAX = 365
MONTHS_MAX = 36


def spin_box(parent: QWidget, low: int, high: int, value: int, one: str, many: str) -> QSpinBox:
    """A spin box whose unit follows its number: `one` (" day") at 1, `many` (" days") otherwise."""
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(value)
    counted_suffix(spin, one, many)
    return spin


class MemberTable(QTableView):
    """Customers with their phone and, left out, why: the name column gets room for a Korean full
    name at least (it showed three syllables, squeezed to its contents), the phone its own width, and
    the reason all that is left, wrapped onto as many lines as it needs. The owner may drag
    the name column's edge to give the reason more room (or less): that width is kept when the list
    is refilled or the window resized."""

    NAME_ROOM = "가" * 7  # at least a Korean full name and a little air, before any reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner_width: int | None = None  # the name column's width the owner dragged it to
        self._dragging = False

    def sizeHint(self) -> QSize:
        # No taller than its least: the audience's tabs take the form's spare height (their stretch).
        # The form, laid out at its preferred height for its width (its wrapped words ask so), was
        # taller than a 1280×720 window by the table's 88 extra pixels, and scrolled.
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.sectionResized.connect(self._section_resized)
        header.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a drag of the header's edge is the owner's choice; Qt and fit_columns resize too.
        if event.type() == QEvent.Type.MouseButtonPress:
            self._dragging = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and self._dragging:
            self.owner_width = new
        if column == 2:
            self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its wrapped reason, a one-line row as tall as the recipients'. Measured
        once per reason (a dozen kinds), not per row: a shop leaving out 3,000 customers waited a
        second for Qt's measuring every row at each resize."""
        model = self.model()
        if not self.wordWrap() or model is None or self.isColumnHidden(2):
            return
        default = self.verticalHeader().defaultSectionSize()
        heights: dict[str, int] = {}
        for row in range(model.rowCount()):
            reason = str(model.index(row, 2).data() or "")
            if reason not in heights:
                heights[reason] = max(default, self.sizeHintForRow(row))
            if self.rowHeight(row) != heights[reason]:
                self.setRowHeight(row, heights[reason])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        if self.isColumnHidden(2) or self.model() is None:
            return
        if self.owner_width is not None:
            self.setColumnWidth(0, self.owner_width)
        else:
            spare = self.viewport().width() - self.columnWidth(1)
            room = self.fontMetrics().horizontalAdvance(self.NAME_ROOM)
            self.setColumnWidth(0, max(room, min(self.sizeHintForColumn(0), spare // 2)))
        self.fit_rows()


class AudienceBox(QGroupBox):
    """`audience()` is what the form says; `changed` when the owner changes it; `show_resolved` shows who."""

    changed = Signal()
    add_customer_requested = Signal()  # the editor reads the customers (an op), then asks which one

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Audience"))
        self.added: set[int] = set()
        self.removed: set[int] = set()
        self.labels = QListWidget(self)
        self.labels.setObjectName("campaignLabels")
        # Apart, each its own click: the checkboxes stood edge to edge, a 13-pixel target each.
        # Side by side, as many to a line as fit, and three lines high: room for the six labels a new
        # shop starts with, two or more to a line, in the font's own size (110 pixels cut the sixth
        # at a large font), where one to a line had the form scroll at 1280×720.
        self.labels.setSpacing(2)
        self.labels.setFlow(QListView.Flow.LeftToRight)
        self.labels.setWrapping(True)
        self.labels.setResizeMode(QListView.ResizeMode.Adjust)
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        label_line = max(self.fontMetrics().height(), indicator)
        # Never shorter either: the recipients' table gives way first.
        self.labels.setFixedHeight(3 * (label_line + 4) + 2 * self.labels.frameWidth() + 4)
        self.all_labels = QComboBox(self)
        self.all_labels.addItem(self.tr("with any of these labels"), False)
        self.all_labels.addItem(self.tr("with all of these labels"), True)
        self.wrote = QCheckBox(self.tr("Wrote to &you in the last"), self)
        self.wrote_days = spin_box(self, 1, DAYS_MAX, 30, self.tr(" day"), self.tr(" days"))
        self.bought = QCheckBox(self.tr("&Bought"), self)
        self.bought_what = QComboBox(self)
        self.bought_what.setObjectName("campaignBoughtWhat")
        self.bought_months = spin_box(self, 1, MONTHS_MAX, 6, self.tr(" month"), self.tr(" months"))
        self.waitlist = QCheckBox(self.tr("Waiting for the restoc&k of"), self)
        self.waitlist_item = QComboBox(self)
        # No label ticked means no label narrows it: "10 will get it" alone did not say who they are.
        self.labels_note = QLabel(self)
        self.labels_note.setObjectName("campaignLabelsNote")
        self.labels_note.setWordWrap(True)
        # Customers whose chat is marked "Needs a person" wait for an answer, not for an ad: left out
        # unless the owner unticks this (shown only when the audience has any).
        self.skip_waiting = QCheckBox(self)
        self.skip_waiting.setObjectName("campaignSkipWaiting")
        self.skip_waiting.setChecked(True)
        self.skip_waiting.hide()
        self.counts = QLabel(self)
        self.counts.setObjectName("campaignCounts")
        self.counts.setWordWrap(True)
        self.recipients_model = MemberModel(region, self)
        self.left_out_model = MemberModel(region, self)
        self.recipients_view = self._table(self.recipients_model)
        self.recipients_view.setAccessibleName(self.tr("Recipients"))
        # Nobody on this list is left out: no empty "Why left out" column pushing the phones sideways.
        self.recipients_view.setColumnHidden(2, True)
        self.left_out_view = self._table(self.left_out_model)
        self.left_out_view.setAccessibleName(self.tr("Excluded"))
        self.remove_button = QPushButton(self.tr("Remo&ve from campaign"), self)
        self.add_back_button = QPushButton(self.tr("Add ba&ck"), self)
        self.add_back_button.setEnabled(False)
        # Why "Add back" does nothing for a customer left out for a reason of their own (no consent).
        self.add_back_note = QLabel(self.tr("Only customers you took out can be added back."), self)
        self.add_back_note.setToolTip(
            self.tr(
                "The others are left out for the reason beside them: without consent, they must agree first."
            )
        )
        self.add_back_note.setObjectName("campaignAddBackNote")
        self.add_back_note.setWordWrap(True)
        self.add_back_note.hide()
        self.add_customer_button = QPushButton(self.tr("Add a &customer…"), self)
        self.add_customer_button.setObjectName("campaignAddCustomer")
        self.lists = QTabWidget(self)
        self.lists.setObjectName("campaignAudienceTabs")
        rec_page, out_page = QWidget(self), QWidget(self)
        rl = QVBoxLayout(rec_page)
        rl.addWidget(self.recipients_view)
        rec_buttons = QHBoxLayout()
        rec_buttons.addWidget(self.add_customer_button)
        rec_buttons.addStretch(1)
        rec_buttons.addWidget(self.remove_button)
        rl.addLayout(rec_buttons)
        # The selected customer's reason whole, wrapped: the column has room for a few words of it.
        self.reason_line = QLabel(self)
        self.reason_line.setObjectName("campaignLeftOutReason")
        self.reason_line.setWordWrap(True)
        self.reason_line.setTextFormat(Qt.TextFormat.PlainText)
        ol = QVBoxLayout(out_page)
        ol.addWidget(self.left_out_view)
        ol.addWidget(self.reason_line)
        # Beside the button, not above it: the list keeps its height.
        add_back_row = QHBoxLayout()
        add_back_row.addWidget(self.add_back_note, 1)
        add_back_row.addWidget(self.add_back_button, 0, Qt.AlignmentFlag.AlignRight)
        ol.addLayout(add_back_row)
        # Alt+R and Alt+L switch the lists. A letter each, beside the form's: Customers is Alt+U and
        # the restock Alt+K, so that Recipients has its R; Add a customer and Add back, on a tab each
        # (a hidden tab's letters do nothing), share C.
        self.lists.addTab(rec_page, self.tr("&Recipients"))
        self.lists.addTab(out_page, self.tr("E&xcluded"))
        self.lists.currentChanged.connect(self._shown_page_sized)
        self._shown_page_sized(self.lists.currentIndex())

        al = QVBoxLayout(self)
        row = QHBoxLayout()
        customers = QLabel(self.tr("C&ustomers"), self)
        customers.setBuddy(self.all_labels)
        row.addWidget(customers)
        row.addWidget(self.all_labels, 1)
        al.addLayout(row)
        al.addWidget(self.labels)
        al.addWidget(self.labels_note)
        for widgets in (
            (self.wrote, self.wrote_days),
            (self.bought, self.bought_what, QLabel(self.tr("in the last"), self), self.bought_months),
            (self.waitlist, self.waitlist_item),
        ):
            line = QHBoxLayout()
            for w in widgets:
                line.addWidget(w)
            line.addStretch(1)
            al.addLayout(line)
        al.addWidget(self.skip_waiting)
        al.addWidget(self.counts)
        al.addWidget(self.lists, 1)

        for box in (self.wrote, self.bought, self.waitlist, self.skip_waiting):
            box.toggled.connect(self.changed)
        for combo in (self.all_labels, self.bought_what, self.waitlist_item):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.wrote_days, self.bought_months):
            spin.valueChanged.connect(self.changed)
        self.labels.itemChanged.connect(self.changed)
        self.remove_button.clicked.connect(self._remove_selected)
        self.add_back_button.clicked.connect(self._add_back_selected)
        self.left_out_view.selectionModel().selectionChanged.connect(self._left_out_selected)
        self.left_out_model.modelReset.connect(self._left_out_selected)
        self.add_customer_button.clicked.connect(self.add_customer_requested)
        self.changed.connect(self._say_what_no_label_means)
        self._say_what_no_label_means()

    def _table(self, model: MemberModel) -> MemberTable:
        view = MemberTable(self)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        # The recipients' list has no reason column: its names take the room. The left-out list's
        # reason takes what the name (fit_columns, or the owner's drag) and the phone leave.
        header.setSectionResizeMode(
            0,
            QHeaderView.ResizeMode.Stretch
            if model is self.recipients_model
            else QHeaderView.ResizeMode.Interactive,
        )
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        model.modelReset.connect(lambda: QTimer.singleShot(0, view, view.fit_columns))
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        if model is self.recipients_model:
            view.setWordWrap(False)
        else:
            # A reason is read without hovering: at 1366 pixels its column has room for a few words
            # ("미국 번호(+1)…" said nothing), so it wraps onto the lines it needs and the row grows.
            view.setWordWrap(True)
        # Three rows under the header at the least (140 pixels had the form scroll at 1280×720);
        # the tabs take the rest of the form's height.
        rows = 3 * view.verticalHeader().defaultSectionSize()
        view.setMinimumHeight(header.sizeHint().height() + rows + 2 * view.frameWidth())
        return view

    def _shown_page_sized(self, shown: int) -> None:
        """The tabs as tall as the page shown asks, not the tallest: the left-out page's reason line
        and Add back made the recipients' page 28 pixels taller than it needs at 1280×720."""
        for i in range(self.lists.count()):
            page = self.lists.widget(i)
            assert page is not None
            policy = page.sizePolicy()
            policy.setVerticalPolicy(
                QSizePolicy.Policy.Preferred if i == shown else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(policy)
        self.lists.updateGeometry()

    # ----------------------------------------------------------------- filling
    def fill_choices(self, choices: EditorChoices) -> None:
        widgets = (self.labels, self.bought_what, self.waitlist_item)
        blocked = [w.blockSignals(True) for w in widgets]
        self.labels.clear()
        for c in choices.labels:
            item = QListWidgetItem(label_display_name(c.name))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.labels.addItem(item)
        self.bought_what.clear()
        self.bought_what.addItem(self.tr("anything"), ("any", 0))
        for c in choices.collections:
            self.bought_what.addItem(
                self.tr("from the collection “{0}”").format(c.name), ("collection", c.id)
            )
        for c in choices.items:
            self.bought_what.addItem(c.name, ("item", c.id))
        self.waitlist_item.clear()
        for c in choices.waitlists:
            waiting = choices.waiting.get(c.id, 0)
            self.waitlist_item.addItem(self.tr("{0} ({1} waiting)").format(c.name, waiting), c.id)
        self.waitlist.setEnabled(bool(choices.waitlists))
        for w, was in zip(widgets, blocked, strict=True):
            w.blockSignals(was)

    def show_audience(self, a: Audience) -> None:
        for i in range(self.labels.count()):
            item = self.labels.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in a.label_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.all_labels.setCurrentIndex(1 if a.all_labels else 0)
        self.wrote.setChecked(a.wrote_within_days is not None)
        self.wrote_days.setValue(a.wrote_within_days or 30)
        bought = a.bought_item_ids or a.bought_collection_ids or a.bought_within_months is not None
        self.bought.setChecked(bool(bought))
        key = (
            ("collection", a.bought_collection_ids[0])
            if a.bought_collection_ids
            else ("item", a.bought_item_ids[0])
            if a.bought_item_ids
            else ("any", 0)
        )
        self.bought_what.setCurrentIndex(max(0, self.bought_what.findData(key)))
        self.bought_months.setValue(a.bought_within_months or 6)
        self.waitlist.setChecked(a.waitlist_item_id is not None)
        self.waitlist_item.setCurrentIndex(max(0, self.waitlist_item.findData(a.waitlist_item_id)))
        self.added, self.removed = set(a.added), set(a.removed)
        self.skip_waiting.setChecked(not a.keep_waiting)

    def audience(self) -> Audience:
        labels = tuple(
            int(self.labels.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.labels.count())
            if self.labels.item(i).checkState() == Qt.CheckState.Checked
        )
        kind, ident = self.bought_what.currentData() or ("any", 0)
        bought = self.bought.isChecked()
        waitlist = self.waitlist_item.currentData() if self.waitlist.isChecked() else None
        return Audience(
            label_ids=labels,
            all_labels=bool(self.all_labels.currentData()),
            wrote_within_days=self.wrote_days.value() if self.wrote.isChecked() else None,
            bought_item_ids=(int(ident),) if bought and kind == "item" else (),
            bought_collection_ids=(int(ident),) if bought and kind == "collection" else (),
            bought_within_months=self.bought_months.value() if bought else None,
            waitlist_item_id=int(waitlist) if waitlist is not None else None,
            added=tuple(sorted(self.added)),
            removed=tuple(sorted(self.removed)),
            keep_waiting=not self.skip_waiting.isChecked(),
        )

    def _say_what_no_label_means(self) -> None:
        a = self.audience()
        if a.label_ids:
            self.labels_note.hide()
            return
        narrowed = (
            a.wrote_within_days is not None
            or a.bought_within_months is not None
            or a.waitlist_item_id is not None
        )
        self.labels_note.setText(
            self.tr("With no label ticked, it goes to every customer who meets the conditions below.")
            if narrowed
            else self.tr("With no label ticked, it goes to every customer.")
        )
        self.labels_note.show()

    def show_resolved(self, resolved: Resolved) -> None:
        self._say_what_no_label_means()
        # Counted again when a contact changes in the main window: what the owner selected stays so.
        chosen = {view: {m.contact_id for m in self._selected(view)} for view in self._views()}
        self.recipients_model.set_members(resolved.recipients)
        self.left_out_model.set_left_out(resolved.left_out)
        for view, ids in chosen.items():
            self._select(view, ids)
        # Said before anything goes out: "will get it" read in Korean as "sent", as if it had gone.
        text = self.tr("Will be sent to {0} · {1} excluded").format(
            count_text(len(resolved.recipients)), count_text(len(resolved.left_out))
        )
        by_count = sorted(resolved.counts().items(), key=lambda kv: -kv[1])
        if by_count:
            # "차단됨 1명", as Korean counts people, where "차단됨: 1" read as a code and its value
            each = self.tr("{0}: {1}", "why customers are left out, then how many")
            text += "\n" + ", ".join(
                each.format(left_out_label(reason), count_text(n)) for reason, n in by_count
            )
        self.counts.setText(text)
        self.skip_waiting.setText(
            self.tr("Leave out the %Ln customer(s) in the &queue for a person", "", resolved.waiting)
        )
        self.skip_waiting.setVisible(resolved.waiting > 0)
        self.lists.setTabText(0, self.tr("&Recipients ({0})").format(count_text(len(resolved.recipients))))
        self.lists.setTabText(1, self.tr("E&xcluded ({0})").format(count_text(len(resolved.left_out))))

    # ----------------------------------------------------------------- by hand
    def _selected(self, view: QTableView) -> list[Member]:
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        return [view.model().index(r, 0).data(CampaignRole.ROW) for r in rows]

    def _views(self) -> tuple[QTableView, QTableView]:
        return self.recipients_view, self.left_out_view

    def _select(self, view: QTableView, contact_ids: set[int]) -> None:
        if not contact_ids:
            return
        model: MemberModel = view.model()  # type: ignore[assignment]
        selection = view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, member in enumerate(model.members):
            if member.contact_id in contact_ids:
                selection.select(model.index(row, 0), flags)

    def _remove_selected(self) -> None:
        for m in self._selected(self.recipients_view):
            self.removed.add(m.contact_id)
            self.added.discard(m.contact_id)
        self.changed.emit()

    def _selected_reasons(self) -> list[tuple[Member, str]]:
        """The selected left-out customers, each with why they are left out."""
        model = self.left_out_model
        reasons = dict(zip((m.contact_id for m in model.members), model.reasons, strict=True))
        return [(m, reasons.get(m.contact_id, "")) for m in self._selected(self.left_out_view)]

    def _left_out_selected(self, *_: object) -> None:
        chosen = self._selected_reasons()
        self.add_back_button.setEnabled(any(r == LeftOutReason.REMOVED for _m, r in chosen))
        self.add_back_note.setVisible(any(r != LeftOutReason.REMOVED for _m, r in chosen))
        if len(chosen) == 1:
            member, reason = chosen[0]
            self.reason_line.setText(self.tr("{0}: {1}").format(member.name, left_out_label(reason)))
        elif self.left_out_model.rowCount():
            self.reason_line.setText(self.tr("Select a customer to read the whole reason."))
        else:
            self.reason_line.clear()

    def _add_back_selected(self) -> None:
        for m, reason in self._selected_reasons():
            if reason == LeftOutReason.REMOVED:
                self.removed.discard(m.contact_id)
        self.changed.emit()

    def choose_customer(self, customers: list[tuple[int, str, str]], region: str) -> None:
        """Ask which customer to add by hand; they still need their consent to be a recipient."""
        from PySide6.QtWidgets import QInputDialog

        from app.phones import display_phone

        labels = [f"{name} · {display_phone(wa_id, region)}" for _id, name, wa_id in customers]
        if not labels:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Add a customer"))
        dialog.setLabelText(self.tr("Customer"))
        dialog.setComboBoxItems(labels)
        # Typed, not only scrolled to: a list of every customer could not be searched, and Hangul
        # cannot be typed into a list that takes no text. Any part of a name or number finds them.
        dialog.setComboBoxEditable(True)
        combo = dialog.findChild(QComboBox)
        completer = combo.completer() if combo is not None else None
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        try:
            chosen = dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else ""
        finally:
            dialog.deleteLater()
        if chosen in labels:
            self.add_contact(customers[labels.index(chosen)][0])

    def add_contact(self, contact_id: int) -> None:
        """Add one customer by hand (still subject to their consent)."""
        self.added.add(contact_id)
        self.removed.discard(contact_id)
        self.changed.emit()
