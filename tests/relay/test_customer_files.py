"""A customer's file served back by the relay: whatever a customer (or someone posing as Meta's
file host) sends, a browser pointed at the relay saves it and never runs it on the relay's origin."""

from __future__ import annotations

import pytest

from relay.routes.media import served_mime
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

PAGE = b"<html><script>fetch('/v1/events')</script></html>"


def _served(relay: RunningRelay, media_id: str) -> dict[str, str]:
    answer = relay.client.get(f"{relay.url}/v1/media/{media_id}", headers=relay.auth())
    assert answer.status_code == 200, answer.text
    assert answer.content == PAGE
    return dict(answer.headers)


def test_a_customers_html_document_is_a_download_that_never_runs_or_gets_sniffed(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.add_media("888001", PAGE, "text/html")
    relay.post_webhook(
        inbound("document", {"id": "888001", "mime_type": "text/html", "filename": "주문서.html"})
    )
    headers = _served(relay, "888001")
    assert headers["content-type"].startswith("text/html")  # the desktop still learns its type
    assert headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["content-disposition"].startswith("attachment;")
    assert "filename*=utf-8''%EC%A3%BC%EB%AC%B8%EC%84%9C.html" in headers["content-disposition"]


def test_a_file_without_a_name_is_still_an_attachment(relay: RunningRelay, graph: FakeGraph) -> None:
    graph.add_media("888002", PAGE, "image/svg+xml")
    relay.post_webhook(inbound("image", {"id": "888002", "mime_type": "image/svg+xml"}))
    headers = _served(relay, "888002")
    assert headers["content-disposition"] == "attachment"
    assert headers["x-content-type-options"] == "nosniff"


def test_a_name_built_to_break_out_of_content_disposition_stays_inside_it(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.add_media("888003", PAGE, "application/pdf")
    name = 'a.pdf"; filename="evil.exe\r\nSet-Cookie: stolen=1; x=".pdf'
    relay.post_webhook(
        inbound("document", {"id": "888003", "mime_type": "application/pdf", "filename": name})
    )
    answer = relay.client.get(f"{relay.url}/v1/media/888003", headers=relay.auth())
    assert answer.status_code == 200
    assert "set-cookie" not in answer.headers
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''") and '"' not in disposition


@pytest.mark.parametrize(
    ("stored", "served"),
    [
        ("image/jpeg", "image/jpeg"),
        ("audio/ogg; codecs=opus", "audio/ogg; codecs=opus"),  # a voice note's, as Meta sends it
        ("text/html\r\nSet-Cookie: stolen=1", "application/octet-stream"),
        ("image/jpeg\x00", "application/octet-stream"),
        ("not a type", "application/octet-stream"),
        (None, "application/octet-stream"),
    ],
)
def test_only_a_well_formed_type_is_served_as_the_files_type(stored: str | None, served: str) -> None:
    assert served_mime(stored) == served


@pytest.mark.parametrize(
    ("sent", "offered"),
    [
        ("영수증\u202efdp.exe", "%EC%98%81%EC%88%98%EC%A6%9Dfdp.exe"),  # not "영수증exe.pdf" to the eye
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\견적.pdf", "%EA%B2%AC%EC%A0%81.pdf"),
        ("..", None),
        # A NUL, which PostgreSQL's text refuses (SQLite keeps it): cleaned the same on both.
        ("a\x00b\nc.pdf", "abc.pdf"),
        ("주문\x00서.pdf", "%EC%A3%BC%EB%AC%B8%EC%84%9C.pdf"),
        ("\x00\x00", None),
    ],
)
def test_a_customers_file_name_is_offered_cleaned_as_an_uploads_is(
    relay: RunningRelay, graph: FakeGraph, sent: str, offered: str | None
) -> None:
    media_id = str(888100 + len(sent))
    graph.add_media(media_id, PAGE, "application/pdf")
    relay.post_webhook(
        inbound("document", {"id": media_id, "mime_type": "application/pdf", "filename": sent})
    )
    disposition = _served(relay, media_id)["content-disposition"]
    if offered is None:
        assert disposition == "attachment"
    elif offered.isascii() and "%" not in offered:
        assert disposition == f'attachment; filename="{offered}"'
    else:
        assert disposition == f"attachment; filename*=utf-8''{offered}"


def test_a_webhook_with_nuls_postgresql_cannot_store_is_taken_and_its_message_kept_as_it_came(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    # NULs in the file's name and type and in the customer's name: the relay on either database
    # takes the webhook, serves the file under its cleaned name, and hands the message on whole.
    graph.add_media("888200", PAGE, "application/pdf")
    document = {"id": "888200", "mime_type": "application/pdf\x00", "filename": "a\x00b\nc.pdf"}
    answer = relay.post_webhook(inbound("document", document, name="김\x00민수"))
    assert answer.status_code == 200, answer.text
    (event,) = relay.wait_for_events(1)
    assert event["message"]["document"] == document  # the desktop gets every character Meta sent
    assert event["contact"]["profile"]["name"] == "김\x00민수"
    assert _served(relay, "888200")["content-disposition"] == 'attachment; filename="abc.pdf"'
