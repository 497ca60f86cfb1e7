"""Pick an approved WhatsApp template and fill its parameters in a small form, with a live preview."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.campaign_checks import LawProblem, law_problems, name_slots, needs_law_check, shop_names
from app.errors import ErrorCode
from app.sending import render_template
from app.template_versions import primary_language, wanted_language
from app.wire import BusinessProfile, Template
from ui.ad_law import law_label, law_lines, send_anyway
from ui.error_sentences import UNREACHABLE_FOR_A_REASON, code_sentence
from ui.plain_tooltip import plain_tooltip
from ui.screen_fit import resize_within_screen
from ui.tab_order import chain
from ui.theme import own_family_first, problem_colour

PARAM_MAX = 200
PADDING = 4  # px around and between a template's two lines in the list
EXAMPLE_SHOWN = 24  # characters of a parameter's example in its label; the field's hint has it whole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1  # a template's name, language and kind, under its first line


def first_line(template: Template) -> str:
    """The body's first line with text, its placeholders left as {{1}}: what the customer reads first."""
    return next((line.strip() for line in render_template(template, ()).splitlines() if line.strip()), "")


class TemplateItemDelegate(QStyledItemDelegate):
    """Two lines: the template's first line as the customer reads it, then its name, smaller and muted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(self.title_font(option.font))
        return QSize(200, metrics.height() + self._small_metrics(option).height() + 3 * PADDING)

    @staticmethod
    def title_font(font: QFont) -> QFont:
        """The first line's font: the UI font's own family first, the Korean ones after it. Qt sets
        "{{2}}" after Hangul in the font it picks for Hangul (Linux's "Sans Serif" alias: NanumGothic,
        its braces narrow and low) and "{{1}}" after "winter_sale — " in the Latin one, so one line's
        placeholders were drawn in two sizes."""
        return own_family_first(font)

    def _small_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def _small_metrics(self, option: QStyleOptionViewItem) -> QFontMetrics:
        return QFontMetrics(self._small_font(option))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, detail = opt.text, str(index.data(DETAIL_ROLE) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(PADDING * 2, PADDING, -PADDING * 2, -PADDING)
        painter.save()
        painter.setPen(opt.palette.color(text_role))
        title_font = self.title_font(opt.font)
        title_metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        top = rect.top()
        line = title_metrics.height()
        painter.drawText(
            rect.left(),
            top,
            rect.width(),
            line,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = self._small_font(opt)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        muted = opt.palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        painter.drawText(
            rect.left(),
            top + line + PADDING // 2,
            rect.width(),
            rect.bottom() + 1 - (top + line + PADDING // 2),  # to the row's foot: "_" sits below the line
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


def body_parameter_count(template: Template) -> int:
    """How many {{n}} placeholders the template's body has."""
    import re

    body = render_template(template, ())
    numbers = [int(n) for n in re.findall(r"\{\{(\d+)\}\}", body)]
    declared = [p.index for p in template.parameters if p.component.lower() == "body"]
    return max([0, *numbers, *declared])


def customer_template(templates: list[Template], their_words: Sequence[str]) -> int:
    """The position of the template the picker opens on: one in the language the customer writes in
    (the list's first one's when she wrote nothing with letters, or none is in hers), a utility one
    before a marketing one. A Korean shop's English-writing customer gets the English template chosen,
    not the first Korean one; and a customer asking about her parcel gets the free order update in her
    language, not the paid ad the list happened to start with."""
    if not templates:
        return 0
    wanted = wanted_language(their_words)
    theirs = [i for i, t in enumerate(templates) if primary_language(t.language) == wanted]
    if not theirs:
        first = primary_language(templates[0].language)
        theirs = [i for i, t in enumerate(templates) if primary_language(t.language) == first]
    # Utility first (an order's news, free in the 24 hours), then the rest in the shop's own order.
    return min(theirs, key=lambda i: (templates[i].category.upper() != "UTILITY", i))


class TemplatePicker(QDialog):
    """`exec()`, then `chosen()` → (template, parameters).

    `customer_name` fills the parameters that stand for the customer's name ("{{1}}님…"), which the
    owner can still change; the others wait, with the template's example as a hint.
    """

    def __init__(
        self,
        templates: list[Template],
        parent: QWidget | None = None,
        customer_name: str = "",
        their_words: Sequence[str] = (),
        *,
        wa_id: str | None = None,
        profile: BusinessProfile | None = None,
        shop_names: Sequence[str] = (),
        not_fetched: ErrorCode | None = None,
        never_wrote: bool = False,
        opted_out: bool = False,
    ) -> None:
        """`never_wrote`: the customer has sent no message at all, so the first line says she has
        not written yet rather than that her 24 hours are over. `opted_out`: she opted out of
        marketing, said under a marketing template (the owner decides; nothing is stopped)."""
        super().__init__(parent)
        self.opted_out = opted_out
        self.customer_name = customer_name.strip()
        # Korean law's form for a marketing message (as a campaign checks it): with the shop's
        # profile, what the filled template lacks is said, and sending it asks first.
        self.wa_id = wa_id
        self.profile = profile
        self.shop_names = tuple(shop_names)  # the names an ad may name the shop by (none: the profile's)
        self.setWindowTitle(self.tr("Send a template"))
        self.setObjectName("templatePicker")
        self.templates = templates
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setAccessibleName(self.tr("Approved templates"))
        # What the customer reads first names a template; its name, language and kind go below it.
        self.list.setItemDelegate(TemplateItemDelegate(self.list))
        self.list.setWordWrap(False)
        for t in templates:
            item = QListWidgetItem(first_line(t) or t.name)
            item.setData(Qt.ItemDataRole.UserRole, t)
            item.setData(DETAIL_ROLE, self.detail(t))
            # Both lines for a screen reader, which read the first alone: not whether it is paid.
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}, {self.detail(t)}")
            item.setToolTip(plain_tooltip(render_template(t, ())))
            self.list.addItem(item)
        self.form_box = QWidget(self)
        self.form = QFormLayout(self.form_box)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setObjectName("templatePreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.cost = QLabel(self)
        self.cost.setWordWrap(True)
        self.law = law_label(self)
        self.law.setStyleSheet(f"color: {problem_colour()};")
        self.law.hide()
        self.fields: list[QLineEdit] = []

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.parameters_label = QLabel(self.tr("Parameters"), self)
        self.preview_label = QLabel(self.tr("Preview"), self)
        # No template to show: why, in words, instead of an empty form and preview.
        self.empty_note = QLabel(self)
        self.empty_note.setObjectName("templatesEmptyNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_note.hide()
        rl.addWidget(self.parameters_label)
        rl.addWidget(self.form_box)
        rl.addWidget(self.preview_label)
        rl.addWidget(self.preview, 1)
        rl.addWidget(self.empty_note, 1)
        rl.addWidget(self.cost)
        rl.addWidget(self.law)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([260, 380])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # No default button (an AcceptRole button, or the first auto-default one, would become it): a
        # message to the customer, a paid one for marketing, goes on a click or Send's own key only.
        # The picker opens while the owner may still be typing, and a Return in the list or a field
        # would send whichever template is selected (or, on Cancel, close what they came for).
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.send_button = QPushButton(self.tr("Send template"), self)
        self.send_button.setAutoDefault(False)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.YesRole)
        self.send_button.clicked.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if never_wrote:
            said = self.tr(
                "This customer has not written yet. WhatsApp only lets you start the conversation with "
                "an approved template."
            )
        else:
            said = self.tr(
                "More than 24 hours have passed since this customer last wrote. WhatsApp only lets "
                "you start the conversation again with an approved template."
            )
        self.intro = intro = QLabel(said, self)
        intro.setObjectName("templatesIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, QSize(720, 440))
        self.list.currentRowChanged.connect(self._template_changed)
        if templates:
            self.list.setCurrentRow(customer_template(templates, their_words))
        else:
            self.empty_note.setText(self.empty_reason(not_fetched))
            self.empty_note.show()
            for widget in (self.list, self.preview_label, self.preview, self.cost):
                widget.hide()
        self._show_parameters()
        self._validate()

    def empty_reason(self, not_fetched: ErrorCode | None) -> str:
        """Why the list is empty: the relay was not reached (not Meta's fault), or it answered with none."""
        if not_fetched is None:
            return self.tr("No approved templates yet. Create them in WhatsApp Manager.")
        if not_fetched == ErrorCode.GRAPH_UNREACHABLE:
            # The relay answered: not "not connected". Nothing asks again by itself (a send does):
            # the owner is told to open the list again.
            return self.tr(
                "Your relay can't reach WhatsApp right now, so the templates could not be loaded. "
                "Try again in a moment."
            )
        if not_fetched in UNREACHABLE_FOR_A_REASON:
            # A hotspot's sign-in page, a refused certificate or proxy: "check the relay" misleads.
            return self.tr("The templates could not be loaded. {reason}").format(
                reason=code_sentence(not_fetched, {})
            )
        if not_fetched == ErrorCode.UNAUTHORISED:
            return self.tr(
                "The relay did not accept the relay token, so the templates could not be loaded. "
                "Check the relay token in File ▸ Settings."
            )
        return self.tr(
            "Not connected to the relay, so the templates could not be loaded. "
            "Check the relay in File ▸ Settings."
        )

    def _show_parameters(self) -> None:
        """The parameters' heading and form only when the template has some to fill."""
        self.parameters_label.setVisible(bool(self.fields))
        self.form_box.setVisible(bool(self.fields))

    def detail(self, t: Template) -> str:
        """ "order_update · Korean · Utility": the name as WhatsApp Manager knows it, then the rest."""
        from ui.campaign_message import language_name

        return "  ·  ".join((t.name, language_name(t.language), self._category(t.category)))

    def _category(self, category: str) -> str:
        c = category.upper()
        if c == "MARKETING":
            return self.tr("Marketing (paid)")
        if c == "UTILITY":
            return self.tr("Utility")
        if c == "AUTHENTICATION":
            return self.tr("Authentication")
        return category

    def current(self) -> Template | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _template_changed(self, _row: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = []
        t = self.current()
        if t is None:
            self._show_parameters()
            return
        examples = {p.index: p.example for p in t.parameters if p.component.lower() == "body"}
        names = name_slots(t)
        for i in range(1, body_parameter_count(t) + 1):
            edit = QLineEdit(self.form_box)
            edit.setMaxLength(PARAM_MAX)
            edit.setPlaceholderText(examples.get(i) or "")
            if i in names and self.customer_name:
                edit.setText(self.customer_name)
            edit.textChanged.connect(self._update_preview)
            label = QLabel(self.parameter_label(i, examples.get(i) or "", i in names), self.form_box)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a template's example is words, never markup
            # "{{1}} · 고객 이름" beside "{{5}} · 예: Monday, December 7": the list's placeholders'
            # font, set on the label itself (under the app's style sheet a parent's is not passed on).
            label.setFont(TemplateItemDelegate.title_font(label.font()))
            label.setBuddy(edit)  # a screen reader names the field by it, as addRow(text) did
            self.form.addRow(label, edit)
            self.fields.append(edit)
        # Tab from the list goes to the fields the template just made, not to Cancel first (the
        # fields come after the buttons in the order the widgets were made).
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain([self.list, *self.fields, self.preview, self.send_button, cancel])
        self._show_parameters()
        marketing = t.category.upper() == "MARKETING"
        cost = (
            self.tr("Marketing templates are charged by WhatsApp per delivered message.")
            if marketing
            # The picker opens once the customer's 24-hour window has closed: not free then.
            else self.tr(
                "Outside the 24-hour window WhatsApp charges for utility templates too, less than for "
                "marketing."
            )
        )
        if marketing and self.opted_out:
            cost += "\n" + self.tr("This customer opted out of marketing messages.")
        self.cost.setText(cost)
        self._update_preview()

    def parameter_label(self, index: int, example: str, is_name: bool) -> str:
        """ "{{1}} · e.g. Linen shirt" from the template's example, "{{1}} · Customer's name" where the
        body greets them, else "Parameter 1"."""
        slot = "{{" + str(index) + "}}"
        if is_name:
            return self.tr("{0} · Customer's name").format(slot)
        example = " ".join(example.split())
        if example:
            if len(example) > EXAMPLE_SHOWN:
                cut = example[: EXAMPLE_SHOWN - 1]
                if " " in cut[EXAMPLE_SHOWN // 2 :]:  # at a space, not through a word or number
                    cut = cut.rsplit(" ", 1)[0]
                example = cut + "…"
            return self.tr("{0} · e.g. {1}").format(slot, example)
        return self.tr("Parameter {0}").format(index)

    def params(self) -> tuple[str, ...]:
        return tuple(f.text().strip() for f in self.fields)

    def _update_preview(self) -> None:
        t = self.current()
        if t is not None:
            self.preview.setPlainText(render_template(t, tuple(p or "…" for p in self.params())))
        self._validate()

    def _validate(self) -> None:
        ok = self.current() is not None and all(self.params())
        self.send_button.setEnabled(ok)
        problems = self.law_problems()
        self.law.setVisible(bool(problems))
        if problems:
            self.law.setText(
                self.tr("Korean law for advertising messages:")
                + "\n"
                + law_lines(problems, self.looked_for())
            )

    def law_problems(self) -> list[LawProblem]:
        """What the marketing template, filled as it is, lacks of Korean law's form (none when the law
        does not apply: not marketing, not Korean, or the profile unknown)."""
        t = self.current()
        if t is None or self.profile is None or not needs_law_check(t, [self.wa_id]):
            return []
        return law_problems(t, self.params(), self.profile, self.shop_names)

    def looked_for(self) -> tuple[str, ...]:
        """The shop's names the law check looks for in the message."""
        if self.shop_names or self.profile is None:
            return self.shop_names
        return shop_names(self.profile)

    def _send(self) -> None:
        if send_anyway(self, self.law_problems(), self.looked_for()):
            self.accept()

    def chosen(self) -> tuple[Template, tuple[str, ...]] | None:
        t = self.current()
        return None if t is None else (t, self.params())
