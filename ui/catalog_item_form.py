"""The catalogue item form: name, price, code, description, link, pictures, hidden, collections."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog import MAX_CODE, MAX_NAME, MAX_URL, ItemDraft, ItemInvalid, ItemRow
from app.catalog_collections import CollectionRow
from app.catalog_images import MAX_IMAGES_PER_ITEM, store_image_bytes
from app.catalog_item_drafts import ItemWords
from app.errors import ErrorCode, InvalidInput, ValueParams
from app.item_options import ItemOption, nothing_left
from app.money import amount_to_minor, currency_digits
from app.stock import StockCount
from ui.bounded_text import BoundedTextEdit
from ui.catalog_image_strip import ImageStrip
from ui.catalog_thumbs import ThumbnailCache, sendable_image_bytes
from ui.error_sentences import error_sentence
from ui.formatting import amount_for_editing
from ui.ops import run_op
from ui.price_preview import PricePreview
from ui.save_paths import Picked, open_file_names
from ui.spin_units import counted_suffix
from ui.theme import problem_colour
from ui.window_keys import save_with_keys

log = logging.getLogger(__name__)

CURRENCIES = (
    "KRW",
    "USD",
    "EUR",
    "JPY",
    "CNY",
    "GBP",
    "SGD",
    "HKD",
    "TWD",
    "VND",
    "THB",
    "IDR",
    "INR",
    "BRL",
)
COLLECTION_ROLE = Qt.ItemDataRole.UserRole + 1


def import_pictures(catalog_dir: Path, paths: Sequence[Path]) -> tuple[list[str], list[str]]:
    """Copy pictures into the catalogue folder (worker thread): (entries, problems by file name)."""
    entries: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            entries.append(store_image_bytes(catalog_dir, sendable_image_bytes(path)))
        except (OSError, InvalidInput) as exc:
            log.info("picture %s not added: %s", path.name, exc)
            problems.append(path.name)
    return entries, problems


class ItemForm(QWidget):
    """Edits one item. `save_requested` carries the draft; the window saves it and reports errors back."""

    save_requested = Signal(object)  # ItemDraft
    dirty_changed = Signal(bool)
    edited = Signal()  # the owner changed a field (not a load)

    def __init__(self, thumbs: ThumbnailCache, catalog_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog_dir = catalog_dir
        self.item_id: int | None = None
        self.loaded: ItemRow | None = None  # the item as last read from the database
        self._dirty = False
        # Counts the owner's edits: a save knows which of them it took (the form stays open to
        # typing while the save waits for the database).
        self.edits = 0
        self._loading = False

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Linen shirt, ivory"))
        self.price = QLineEdit()
        self.price.setAccessibleName(self.tr("Price"))
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.currency.setEditable(True)
        self.currency.setMaximumWidth(90)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Item code"))
        self.code.setMaxLength(MAX_CODE)
        self.code.setPlaceholderText(self.tr("Made for you when left empty"))
        self.description = BoundedTextEdit()
        self.description.setPlaceholderText(self.tr("Material, sizes, colours, care…"))
        self.description.setMinimumHeight(70)
        self.description.setMaximumHeight(130)
        self.link = QLineEdit()
        self.link.setAccessibleName(self.tr("Link"))
        self.link.setMaxLength(MAX_URL)
        self.link.setPlaceholderText("https://")
        self.images = ImageStrip(thumbs)
        self.images.setToolTip(self.tr("Drop pictures here. Drag to reorder; the first one is sent."))
        self.add_images = QPushButton(self.tr("&Add pictures…"))
        self.remove_images = QPushButton(self.tr("R&emove"))
        self.hidden = QCheckBox(self.tr("&Hidden (customers are not sent this item)"))
        # Stock: counted or not; a counted item with nothing left to promise shows as sold out.
        self.count_stock = QCheckBox(self.tr("Co&unt stock"))
        self.stock = QSpinBox()
        self.stock.setAccessibleName(self.tr("Pieces in stock"))
        self.stock.setRange(0, 999_999)
        self.stock.setGroupSeparatorShown(True)
        counted_suffix(self.stock, self.tr(" pc"), self.tr(" pcs"))
        self.stock_note = QLabel()
        self.stock_note.setWordWrap(True)
        self._stock_reserved = 0
        self._stock_sizes: tuple[ItemOption, ...] = ()
        # The owner changed the count or the checkbox since the item was loaded: only then does a
        # save set the stock (orders move it meanwhile; an untouched form must not undo a sale).
        self._stock_edited = False
        self.collections = QListWidget()
        self.collections.setMaximumHeight(110)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {problem_colour()};")
        self.error.hide()
        # Under the note that another item has the name: save this one with it too (variants may
        # share a name). Else she changes the name, which the note put the cursor in. "Save anyway"
        # (Alt+Y), not "Keep both": the window's words had one letter fewer than its parts.
        self.keep_both = QPushButton(self.tr("Save an&yway"))
        self.keep_both.hide()
        # She chose to keep the name another item has; typing in the name asks again.
        self.keep_same_name = False
        self.save = QPushButton(self.tr("&Save"))
        self.save.setDefault(True)
        save_with_keys(self, self.save)
        # Alt+V: R is the kept words' Restore (ui/catalog_window.py, "Alt letters").
        self.revert = QPushButton(self.tr("Re&vert"))

        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.currency)
        self.price_preview = PricePreview(self.price, self.currency.currentText)
        price_row.addWidget(self.price_preview)
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(self.add_images)
        image_buttons.addWidget(self.remove_images)
        image_buttons.addStretch(1)
        self.image_hint = QLabel()
        image_buttons.addWidget(self.image_hint)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name"), self.name)
        price_label = QLabel(self.tr("&Price"))
        price_label.setBuddy(self.price)
        form.addRow(price_label, price_row)
        form.addRow(self.tr("Item &code"), self.code)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Link"), self.link)
        form.addRow(self.tr("Pic&tures"), self.images)
        form.addRow("", image_buttons)
        form.addRow(self.tr("C&ollections"), self.collections)
        stock_row = QHBoxLayout()
        stock_row.addWidget(self.count_stock)
        stock_row.addWidget(self.stock)
        stock_row.addStretch(1)
        form.addRow(self.tr("Stock"), stock_row)
        form.addRow("", self.stock_note)
        form.addRow("", self.hidden)

        # Why a save was refused, then Revert and Save, for the window to put below the form: the
        # form scrolls on a small screen, and they stay in view (the refusal at the form's foot
        # was cut in half, or hidden, under a full form).
        self.buttons = QWidget()
        below = QVBoxLayout(self.buttons)
        below.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_both)
        buttons.addStretch(1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        below.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)

        self._fields: dict[str, QWidget] = {
            "name": self.name,
            "price": self.price,
            "currency": self.currency,
            "retailer_id": self.code,
            "description": self.description,
            "url": self.link,
            "images": self.images,
            "collections": self.collections,
        }
        for line in (self.name, self.price, self.code, self.link):
            line.textEdited.connect(self._mark_dirty)
            line.returnPressed.connect(self.request_save)
        self.currency.currentTextChanged.connect(self.price_preview.update_text)
        self.currency.currentTextChanged.connect(self._example_price)
        self._example_price(self.currency.currentText())
        self.description.textChanged.connect(self._mark_dirty)
        self.currency.currentTextChanged.connect(self._mark_dirty)
        self.hidden.toggled.connect(self._mark_dirty)
        self.count_stock.toggled.connect(self._mark_dirty)
        self.count_stock.toggled.connect(self._update_stock_note)
        self.count_stock.toggled.connect(self._stock_touched)
        self.stock.valueChanged.connect(self._mark_dirty)
        self.stock.valueChanged.connect(self._update_stock_note)
        self.stock.valueChanged.connect(self._stock_touched)
        self.collections.itemChanged.connect(self._mark_dirty)
        self.images.changed.connect(self._images_changed)
        self.images.files_dropped.connect(self.add_picture_files)
        self.add_images.clicked.connect(self._choose_pictures)
        self.remove_images.clicked.connect(self.images.remove_selected)
        self.save.clicked.connect(self.request_save)
        self.keep_both.clicked.connect(self._keep_both_names)
        self.name.textEdited.connect(self._name_edited)
        self.load(None, [])

    # ------------------------------------------------------------------ loading

    def _example_price(self, currency: str) -> None:
        """The price field's example as the currency writes it: "15,000" for won, "15.00" for pounds."""
        code = currency.strip().upper()
        try:
            digits = currency_digits(code)
        except (ValueError, LookupError):  # a code being typed: the last example stays
            return
        self.price.setPlaceholderText(amount_for_editing(15_000 if digits == 0 else 15 * 10**digits, code))

    def load(self, row: ItemRow | None, collections: Sequence[CollectionRow], currency: str = "KRW") -> None:
        """Show `row` (None: a blank new item in `currency`)."""
        self._loading = True
        self.item_id = row.id if row is not None else None
        self.loaded = row
        self.keep_same_name = False
        self.title.setText(self.tr("Edit item") if row is not None else self.tr("New item"))
        self.name.setText(row.name if row else "")
        cur = row.currency if row else currency
        self.currency.setCurrentText(cur)
        self.price.setText(amount_for_editing(row.price_minor, row.currency) if row else "")
        self.code.setText(row.retailer_id if row else "")
        self.description.setPlainText(row.description if row else "")
        self.link.setText((row.url or "") if row else "")
        self.images.set_entries(row.images if row else ())
        self.hidden.setChecked(bool(row and row.hidden))
        counted = row is not None and row.stock_on_hand is not None
        self.count_stock.setChecked(counted)
        self.stock.setValue(row.stock_on_hand or 0 if row is not None else 0)
        self._stock_reserved = row.stock_reserved if row is not None else 0
        self._stock_sizes = row.stock_sizes if row is not None else ()
        self._update_stock_note()
        self.set_collections(collections, row.collection_ids if row else ())
        self._clear_error()
        self._update_image_hint()
        self._stock_edited = False
        self._loading = False
        self._set_dirty(False)

    def show_stock(self, on_hand: int | None, reserved: int, sizes: Sequence[ItemOption] = ()) -> None:
        """The item's stock as stored now (an order took or gave back some), shown without touching
        the owner's other edits; a count the owner is changing is left as they typed it. `sizes`:
        its options with what is left of each, which decide with its own count whether it is sold out."""
        self._loading, was_loading = True, self._loading
        self._stock_reserved = reserved
        self._stock_sizes = tuple(sizes)
        if not self._stock_edited:
            self.count_stock.setChecked(on_hand is not None)
            self.stock.setValue(on_hand or 0)
        self._update_stock_note()
        self._loading = was_loading

    def set_collections(self, collections: Sequence[CollectionRow], checked: Sequence[int]) -> None:
        self._loading, was_loading = True, self._loading
        self.collections.clear()
        for collection in collections:
            entry = QListWidgetItem(collection.name)
            entry.setData(COLLECTION_ROLE, collection.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if collection.id in checked else Qt.CheckState.Unchecked
            )
            self.collections.addItem(entry)
        self._loading = was_loading

    def checked_collections(self) -> tuple[int, ...]:
        return tuple(
            int(self.collections.item(i).data(COLLECTION_ROLE))
            for i in range(self.collections.count())
            if self.collections.item(i).checkState() == Qt.CheckState.Checked
        )

    # ------------------------------------------------------------------ saving

    def draft(self) -> ItemDraft:
        """The form as an ItemDraft; raises ItemInvalid for a price that cannot be read."""
        currency = self.currency.currentText().strip().upper()
        try:
            currency_digits(currency)
            price = amount_to_minor(self.price.text(), currency)
        except InvalidInput as exc:
            raise ItemInvalid("price", exc.code, exc.params) from exc
        except (ValueError, LookupError) as exc:
            raise ItemInvalid("currency", ErrorCode.CURRENCY_UNKNOWN, ValueParams(currency)) from exc
        return ItemDraft(
            name=self.name.text(),
            price_minor=price,
            currency=currency,
            retailer_id=self.code.text(),
            description=self.description.toPlainText(),
            url=self.link.text(),
            images=tuple(self.images.entries()),
            hidden=self.hidden.isChecked(),
            collection_ids=self.checked_collections(),
            stock=self._stock_count(),
        )

    def _stock_count(self) -> StockCount | None:
        """The count to store: None (leave the stored one as orders left it) unless the owner changed
        it, and then what they typed wins, even over a sale since: it is a recount."""
        if not self._stock_edited:
            return None
        return StockCount(self.stock.value() if self.count_stock.isChecked() else None)

    def _stock_touched(self, *_: object) -> None:
        if not self._loading:
            self._stock_edited = True

    def _update_stock_note(self, *_: object) -> None:
        """How many are promised to unpaid orders, and whether customers see the item as sold out."""
        counted = self.count_stock.isChecked()
        self.stock.setEnabled(counted)
        sizes = self._stock_sizes
        if not counted:
            # Counted by size only, it is sold out by the same rule as everywhere (app.item_options).
            if not any(o.left is not None and not o.shared for o in sizes):
                text = self.tr("Not counted: the item is never shown as sold out.")
            elif nothing_left(None, sizes):
                text = self.tr(
                    "Counted by size only: every counted size is promised, so it shows as sold out."
                )
            else:
                text = self.tr(
                    "Counted by size only: it shows as sold out when every counted size is promised "
                    "and it sells no size nobody counts."
                )
            self.stock_note.setText(text)
            return
        left = self.stock.value() - self._stock_reserved
        note = (
            self.tr("{0} promised to orders awaiting payment.").format(self._stock_reserved)
            if self._stock_reserved
            else ""
        )
        if nothing_left(left, sizes):
            note = (note + " " + self.tr("Sold out: nothing left to promise.")).strip()
        elif left <= 0:
            note = (
                note + " " + self.tr("None left of its own count, but a size counted apart still has some.")
            ).strip()
        self.stock_note.setText(note)

    def _price_problem(self, currency: str) -> str:
        if not self.price.text().strip():
            return self.tr("Enter a price.")
        try:
            whole_numbers = currency_digits(currency) == 0
        except (ValueError, LookupError):
            whole_numbers = False  # an unknown currency: the general hint below fits it
        if whole_numbers:
            return self.tr("Enter the price as a whole number, e.g. 15000.")
        return self.tr("Enter the price as a number, e.g. 12.50.")

    def problem_text(self, exc: ItemInvalid) -> str:
        """app/'s reason for refusing the item, in the UI language."""
        return error_sentence(exc)

    def request_save(self) -> None:
        if not self.name.text().strip():
            self.show_error("name", self.tr("Give the item a name."))
            return
        try:
            draft = self.draft()
        except ItemInvalid as exc:
            # A price the form cannot read gets a hint fitted to the chosen currency (e.g. 15000 for KRW).
            price_unread = exc.field == "price" and exc.code is not ErrorCode.ITEM_PRICE_INVALID
            currency = self.currency.currentText().strip().upper()
            self.show_error(
                exc.field, self._price_problem(currency) if price_unread else self.problem_text(exc)
            )
            return
        self._clear_error()
        self.save_requested.emit(draft)

    def show_error(self, field: str, message: str) -> None:
        self._clear_error()
        self.error.setText(message)
        self.error.show()
        widget = self._fields.get(field)
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 1px solid #C62828;")
            widget.setFocus()

    def show_shared_name(self, message: str) -> None:
        """Another item has the name she saves: say which (`message`), with Save anyway beside it,
        and the name selected to type another over it. Nothing was saved; her words stay."""
        self.show_error("name", message)
        self.keep_both.show()
        self.name.selectAll()

    def _keep_both_names(self) -> None:
        self.keep_same_name = True
        self.request_save()

    def _name_edited(self, _text: str) -> None:
        self.keep_same_name = False

    def _clear_error(self) -> None:
        self.keep_both.hide()
        self.error.hide()
        for widget in self._fields.values():
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setStyleSheet("")

    def saved(self, item_id: int, edits_taken: int) -> None:
        """The item is stored as the form read when its save began (`edits_taken`): what was typed
        since stays on the form, unsaved."""
        self.item_id = item_id
        self.title.setText(self.tr("Edit item"))
        if self.edits == edits_taken:
            self._stock_edited = False
            self._set_dirty(False)

    # ------------------------------------------------------------------ pictures

    def _choose_pictures(self) -> None:
        files = open_file_names(
            self,
            Picked.PICTURE,
            self.tr("Add pictures"),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.heic)"),
        )
        self.add_picture_files([Path(f) for f in files])

    def add_picture_files(self, paths: list[Path]) -> None:
        """Copy the files into the catalogue folder off the GUI thread, then show them."""
        room = MAX_IMAGES_PER_ITEM - self.images.count()
        if not paths:
            return
        if room <= 0:
            self.show_error("images", self.tr("An item can have at most 10 pictures."))
            return
        catalog_dir = self.catalog_dir
        chosen = list(paths[:room])
        self.image_hint.setText(self.tr("Adding pictures…"))
        run_op(lambda: import_pictures(catalog_dir, chosen), self._pictures_added, parent=self)

    def _pictures_added(self, result: tuple[list[str], list[str]]) -> None:
        entries, problems = result
        self.images.add_entries(entries)
        if problems:
            self.show_error(
                "images",
                self.tr("These files are not pictures Shop Inbox can read: {0}").format(", ".join(problems)),
            )
        self._update_image_hint()

    def _images_changed(self) -> None:
        self._update_image_hint()
        self._mark_dirty()

    def _update_image_hint(self) -> None:
        self.image_hint.setText(self.tr("{0} of {1}").format(self.images.count(), MAX_IMAGES_PER_ITEM))

    # ------------------------------------------------------------------ dirty state

    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.edited.emit()

    def words(self) -> ItemWords:
        """The form's words as typed, kept through a crash (app/catalog_item_drafts.py)."""
        return ItemWords(
            self.item_id,
            self.name.text(),
            self.price.text(),
            self.currency.currentText(),
            self.code.text(),
            self.description.toPlainText(),
            self.link.text(),
        )

    def put_words(self, words: ItemWords) -> None:
        """Kept words over the item the form shows (loaded first), unsaved: Save stores them."""
        self._loading = True
        try:
            self.name.setText(words.name)
            self.currency.setCurrentText(words.currency)
            self.price.setText(words.price)
            self.code.setText(words.code)
            self.description.setPlainText(words.description)
            self.link.setText(words.link)
        finally:
            self._loading = False
        self._mark_dirty()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty:
            self.edits += 1
        self.revert.setEnabled(dirty and self.item_id is not None)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
