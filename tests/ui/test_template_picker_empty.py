"""An empty template chooser says why: the relay was not reached, or the shop has no approved template."""

from __future__ import annotations

from typing import Any

from app.errors import ErrorCode, RelayUnreachable, Unauthorised
from app.sending import find_approved_templates
from app.wire import Template

THANKS = Template(
    name="thank_you",
    language="ko",
    category="UTILITY",
    components=[{"type": "BODY", "text": "주문해 주셔서 감사합니다."}],
)


def unreachable() -> list[Template]:
    raise RelayUnreachable()


def refused() -> list[Template]:
    raise Unauthorised()


def test_no_relay_or_a_relay_not_reached_is_not_the_same_as_no_templates(db: Any) -> None:
    assert find_approved_templates(db, None).not_fetched == ErrorCode.RELAY_UNREACHABLE
    assert find_approved_templates(db, unreachable).not_fetched == ErrorCode.RELAY_UNREACHABLE
    assert find_approved_templates(db, refused).not_fetched == ErrorCode.UNAUTHORISED
    answered = find_approved_templates(db, list)  # a relay that answered: none approved yet
    assert answered.templates == [] and answered.not_fetched is None


def test_without_the_relay_the_empty_chooser_points_at_the_relay_settings_not_at_meta(qtbot: Any) -> None:
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([], not_fetched=ErrorCode.RELAY_UNREACHABLE)
    qtbot.addWidget(picker)
    picker.show()
    assert picker.empty_note.isVisible()
    assert picker.empty_note.text() == (
        "Not connected to the relay, so the templates could not be loaded. "
        "Check the relay in File ▸ Settings."  # the menu path without its ellipsis: no "…."
    )
    assert "WhatsApp Manager" not in picker.empty_note.text()
    # Nothing to fill and nothing to preview: no empty boxes.
    assert not picker.form_box.isVisible() and not picker.parameters_label.isVisible()
    assert not picker.preview.isVisible() and not picker.list.isVisible()
    assert not picker.send_button.isEnabled()

    token = TemplatePicker([], not_fetched=ErrorCode.UNAUTHORISED)
    qtbot.addWidget(token)
    assert token.empty_reason(ErrorCode.UNAUTHORISED).endswith("Check the relay token in File ▸ Settings.")


def test_a_relay_that_answered_with_none_sends_the_owner_to_whatsapp_manager(qtbot: Any) -> None:
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([])
    qtbot.addWidget(picker)
    picker.show()
    assert picker.empty_note.text() == "No approved templates yet. Create them in WhatsApp Manager."


def test_a_template_without_parameters_shows_no_parameter_box(qtbot: Any) -> None:
    from tests.ui.test_template_picker_labels import SHIPPED
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([THANKS, SHIPPED])
    qtbot.addWidget(picker)
    picker.show()
    assert picker.current() == THANKS
    assert not picker.form_box.isVisible() and not picker.parameters_label.isVisible()
    assert picker.preview.isVisible() and not picker.empty_note.isVisible()
    assert picker.send_button.isEnabled()
    picker.list.setCurrentRow(1)
    assert picker.form_box.isVisible() and picker.parameters_label.isVisible() and len(picker.fields) == 3


def test_a_relay_that_cannot_reach_whatsapp_says_so_and_to_try_again_in_korean(
    qtbot: Any, korean: None
) -> None:
    """Not "not connected to the relay" (it answered), and not a send's "tries again by itself":
    nothing fetches the templates again until the owner opens the list again."""
    from ui.error_sentences import failed_message_sentence
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([], not_fetched=ErrorCode.GRAPH_UNREACHABLE)
    qtbot.addWidget(picker)
    picker.show()
    said = picker.empty_note.text()
    assert (
        said
        == "릴레이가 지금 WhatsApp에 연결할 수 없어 템플릿을 불러오지 못했어요. 잠시 후 다시 시도해 주세요."
    )
    assert said != failed_message_sentence("graph_unreachable", None)  # "…다시 시도해요" (by itself)
    assert said != picker.empty_reason(ErrorCode.RELAY_UNREACHABLE)


def test_on_a_hotspots_sign_in_page_the_empty_chooser_asks_to_sign_in_not_to_check_the_relay(
    qtbot: Any, db: Any, relay: Any
) -> None:
    from app.relay_client import RelayClient
    from tests.support.bad_network import Mode, bad_network
    from ui.template_picker import TemplatePicker

    with bad_network(relay.port) as network, RelayClient(network.url, relay.token) as client:
        network.mode = Mode.PORTAL_200
        found = find_approved_templates(db, client.templates)
    assert found.not_fetched == ErrorCode.NETWORK_SIGN_IN
    picker = TemplatePicker([], not_fetched=found.not_fetched)
    qtbot.addWidget(picker)
    said = picker.empty_note.text()
    assert said.startswith("The templates could not be loaded.")
    assert "wants you to sign in" in said and "Settings" not in said
