"""The template chooser names a template by what the customer reads, and its fields by their examples."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from app.wire import Template, TemplateParameter

SHIPPED = Template(
    name="order_update",
    language="ko",
    category="UTILITY",
    components=[{"type": "BODY", "text": "\n{{1}}님, 주문하신 {{2}}이(가) 출발했어요.\n송장번호: {{3}}"}],
    parameters=[
        TemplateParameter(component="body", index=2, example="린넨 셔츠"),
        TemplateParameter(component="body", index=3, example="CJ대한통운 6543 2109 8765 4321 0000"),
    ],
)
SALE = Template(
    name="winter_sale",
    language="en_US",
    category="MARKETING",
    components=[{"type": "BODY", "text": "Our winter sale starts today: {{1}} off everything."}],
)


def label_of(picker: Any, field: Any) -> str:
    label = picker.form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_templates_are_listed_by_their_first_line_with_name_language_and_kind_below(qtbot: Any) -> None:
    from ui.template_picker import DETAIL_ROLE, TemplatePicker

    picker = TemplatePicker([SHIPPED, SALE])
    qtbot.addWidget(picker)
    rows = [picker.list.item(r) for r in range(picker.list.count())]
    assert [r.text() for r in rows] == [
        "{{1}}님, 주문하신 {{2}}이(가) 출발했어요.",
        "Our winter sale starts today: {{1}} off everything.",
    ]
    assert [r.data(DETAIL_ROLE) for r in rows] == [
        "order_update  ·  Korean  ·  Utility",
        "winter_sale  ·  English  ·  Marketing (paid)",
    ]
    # Two lines tall, so the name under the first line is not cut off.
    assert picker.list.sizeHintForRow(0) > 1.6 * picker.list.fontMetrics().height()


def test_parameters_are_labelled_by_their_examples_and_the_customers_name(qtbot: Any) -> None:
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([SHIPPED], customer_name="김민지")
    qtbot.addWidget(picker)
    assert [label_of(picker, f) for f in picker.fields] == [
        "{{1}} · Customer's name",
        "{{2}} · e.g. 린넨 셔츠",
        "{{3}} · e.g. CJ대한통운 6543 2109 8765…",  # the whole example is the field's hint
    ]
    assert picker.fields[2].placeholderText() == "CJ대한통운 6543 2109 8765 4321 0000"


def test_a_parameter_without_an_example_keeps_its_number(qtbot: Any) -> None:
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([SALE])
    qtbot.addWidget(picker)
    assert label_of(picker, picker.fields[0]) == "Parameter 1"


def test_tab_from_the_list_goes_through_the_fields_then_send_and_cancel(qtbot: Any) -> None:
    """Tab from the templates went to Cancel first and only then to the fields the template made."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([SALE, SHIPPED], customer_name="Daniel")
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitActive(picker):
        picker.activateWindow()
    picker.list.setCurrentRow(1)  # its fields are made anew
    qtbot.waitUntil(lambda: len(picker.fields) == 3 and all(f.isVisible() for f in picker.fields))
    picker.fields[1].setText("Silver hoops")
    picker.fields[2].setText("1Z 999 AA1 0123 4567 84")
    assert picker.send_button.isEnabled()
    picker.list.setFocus()
    visited = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    cancel = picker.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert visited == [*picker.fields, picker.preview, picker.send_button, cancel]


def test_a_screen_reader_reads_a_templates_name_language_and_kind_with_its_first_line(qtbot: Any) -> None:
    """Only the first line was read: an owner could not hear that a marketing template is paid."""
    from PySide6.QtGui import QAccessible

    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([SHIPPED, SALE])
    qtbot.addWidget(picker)
    listed = QAccessible.queryAccessibleInterface(picker.list)
    said = [listed.child(i).text(QAccessible.Text.Name) for i in range(listed.childCount())]
    assert (
        said[1]
        == "Our winter sale starts today: {{1}} off everything., winter_sale  ·  English  ·  Marketing (paid)"
    )


# The demo's English ad calls her by name at the start of a line, after the shop's name.
ENGLISH_AD = Template(
    name="spring_restock",
    language="en",
    category="MARKETING",
    components=[
        {
            "type": "BODY",
            "text": "(Ad) Seoul Linen House\n{{1}}, the linen shirt you were waiting for is back! "
            "Coupon {{2}} takes 10% off this week.",
        }
    ],
)


def test_a_line_that_opens_with_her_name_gets_the_customers_name(qtbot: Any) -> None:
    """Amy's picker opened on the English ad with "{{1}}" empty: "{{1}}, the linen shirt…" is her name."""
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([ENGLISH_AD], customer_name="Amy Clarke")
    qtbot.addWidget(picker)
    assert [f.text() for f in picker.fields] == ["Amy Clarke", ""]
    assert label_of(picker, picker.fields[0]) == "{{1}} · Customer's name"


def test_the_campaign_editor_fills_that_line_with_each_customers_name() -> None:
    """The campaign editor read the same ad's {{1}} as one fixed word for every recipient."""
    from app.campaign_checks import greets_at

    assert greets_at(ENGLISH_AD, 1) and not greets_at(ENGLISH_AD, 2)


def test_a_korean_lines_placeholders_are_drawn_in_one_font_like_an_english_ones(
    qtbot: Any, korean: Any
) -> None:
    """ "{{2}}" after Hangul came out in the font Qt picks for Hangul (NanumGothic, for Linux's "Sans
    Serif" alias), narrower and lower than "{{1}}" after "winter_sale — " in the Latin one: the
    campaign's template list and the picker drew one line's placeholders in two sizes."""
    from PySide6.QtGui import QFontInfo, QTextLayout
    from PySide6.QtWidgets import QApplication

    from ui.campaign_message import template_title
    from ui.template_picker import TemplateItemDelegate, TemplatePicker
    from ui.theme import install_drop_down_combos

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet = app.styleSheet()
    install_drop_down_combos(app)  # as the app starts: a style sheet, which stops a parent's font
    try:
        picker = TemplatePicker([SHIPPED, SALE])
        qtbot.addWidget(picker)
        listed = TemplateItemDelegate.title_font(picker.list.font())
        field = picker.form.labelForField(picker.fields[1])  # "{{2}} · 예: 린넨 셔츠"
        assert isinstance(field, QLabel)
        shown = (
            (picker.list.item(0).text(), listed),  # "{{1}}님, 주문하신 {{2}}이(가) 출발했어요."
            (template_title(SHIPPED), listed),  # "order_update — {{1}}님, …", the campaign's list
            (picker.list.item(1).text(), listed),
            (field.text(), field.font()),  # the picker's field beside it
        )
    finally:
        app.setStyleSheet(sheet)
    for line, font in shown:
        layout = QTextLayout(line, font)
        layout.beginLayout()
        drawn = layout.createLine()
        layout.endLayout()
        braces = [i for i, c in enumerate(line) if c in "{}"]
        assert braces, line
        families = {run.rawFont().familyName() for i in braces for run in drawn.glyphRuns(i, 1)}
        assert families == {QFontInfo(QApplication.font()).family()}, line


def test_a_parameters_example_that_looks_like_markup_is_shown_as_typed(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from ui.template_picker import TemplatePicker

    marked = Template(
        name="bold_sale",
        language="en_US",
        category="MARKETING",
        components=[{"type": "BODY", "text": "Today only: {{1}}"}],
        parameters=[TemplateParameter(component="body", index=1, example="<b>20%</b> off")],
    )
    picker = TemplatePicker([marked])
    qtbot.addWidget(picker)
    label = picker.form.labelForField(picker.fields[0])
    assert isinstance(label, QLabel)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "{{1}} · e.g. <b>20%</b> off"
