"""The one HTTP client of the relay: events long-poll, sends, media, automations, templates, health."""

from __future__ import annotations

import contextlib
import enum
import logging
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from app import relay_clock
from app.errors import (
    ErrorCode,
    GraphUnreachable,
    HistoryGap,
    OutsideServiceWindow,
    PlainHttpParams,
    RefusalParams,
    RelayBusy,
    RelayDatabaseUnusable,
    RelayError,
    RelayUnreachable,
    RevisionConflict,
    SendRefused,
    Unauthorised,
)
from app.poll_connections import ConnectionWatch, PollConnections, SmallSendBuffer, watch_connections
from app.relay_url import (
    address_without_path,
    is_insecure_remote,
    is_web_address,
    normalise_relay_url,
    plain_http_address,
)
from app.thread_priority import window_first
from app.trust_store import https_context
from app.wire import (
    Automations,
    BlockAnswer,
    BotReport,
    Campaign,
    CheckReport,
    ErrorEnvelope,
    EventsPage,
    Health,
    KnownContacts,
    MediaUploaded,
    NewCampaign,
    OrderStatus,
    OrderStatuses,
    RelayErrorCode,
    SendResult,
    Template,
    filename_header,
)
from app.wire import (
    HistoryGap as WireHistoryGap,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

# A relay on this computer (the demo's, one tried out) is reached directly, never through the proxy
# that HTTP_PROXY / HTTPS_PROXY / ALL_PROXY name (an office's): the proxy cannot reach this
# computer's own loopback address, and the demo answered "cannot reach your relay" there.
LOOPBACK_HOSTS = ("all://127.0.0.1", "all://localhost", "all://[::1]")

# The long poll's read timeout is the relay's wait plus this margin (DESIGN.md, "GIL" trap).
POLL_MARGIN = 10.0
DEFAULT_TIMEOUT = 15.0
CONNECT_TIMEOUT = 5.0
MEDIA_TIMEOUT = 120.0
# The relay's self-check calls Graph several times and its own public address: allow for all of them.
CHECK_TIMEOUT = 120.0


class CheckOutcome(enum.StrEnum):
    """What the first-run check found; the setup wizard says each in the owner's language."""

    OK = "ok"
    INVALID_URL = "invalid_url"
    INSECURE_REMOTE = "insecure_remote"  # plain http to a non-local address: the token would travel in clear
    UNREACHABLE = "unreachable"
    NOT_A_RELAY = "not_a_relay"
    WRONG_TOKEN = "wrong_token"
    SERVER_ERROR = "server_error"
    # The relay refuses this address for a few minutes: many wrong tokens came from it (429
    # too_many_attempts); the right one is refused meanwhile too.
    HELD_OFF = "held_off"
    PLAIN_HTTP = "plain_http"  # an https:// address whose server answers plain http


@dataclass(frozen=True, slots=True)
class CheckResult:
    outcome: CheckOutcome
    detail: str = ""  # technical detail for the log / a "details" expander, never the token
    relay_version: str | None = None
    # Why it could not be reached, when known: a hotspot's sign-in page, a refused certificate or
    # proxy, which the owner is told instead of "could not be reached".
    cause: ErrorCode | None = None
    # NOT_A_RELAY for an address with a path after its host (the webhook's, /healthz opened in a
    # browser) where the host alone is a relay: the address to use instead.
    relay_at: str | None = None
    # SERVER_ERROR for a relay that answered its storage failed, with why (a wire StorageCause): a
    # read-only database or a refused login is said as such, not as a problem a minute mends.
    storage_cause: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is CheckOutcome.OK


def check_relay(url: str, token: str, *, timeout: float = 8.0, allow_insecure: bool = False) -> CheckResult:
    """The first-run check of an address and token the owner typed (blocking: off the GUI thread)."""
    url = normalise_relay_url(url)
    if not is_web_address(url):
        return CheckResult(CheckOutcome.INVALID_URL, f"not an http(s) URL: {url!r}")
    if is_insecure_remote(url) and not allow_insecure:
        return CheckResult(CheckOutcome.INSECURE_REMOTE, url)
    try:
        client = RelayClient(url, token.strip(), timeout=timeout)
    except httpx.InvalidURL as exc:
        return CheckResult(CheckOutcome.INVALID_URL, str(exc))
    with client:
        result = client.check()
    if result.outcome is CheckOutcome.NOT_A_RELAY and (host_alone := address_without_path(url)):
        # A relay may sit under a path behind a proxy, so the path is not dropped unasked: only
        # when the host alone answers as a relay (whatever it makes of the token) is it named.
        with RelayClient(host_alone, token.strip(), timeout=timeout) as there:
            found = there.check()
        if found.outcome not in (CheckOutcome.NOT_A_RELAY, CheckOutcome.UNREACHABLE, CheckOutcome.PLAIN_HTTP):
            return CheckResult(CheckOutcome.NOT_A_RELAY, result.detail, relay_at=host_alone)
    return result


# What OpenSSL says when the other side of a TLS handshake answers in plain HTTP ("HTTP/1.1 400 ..."
# read as a TLS record): older versions WRONG_VERSION_NUMBER, 3.2 and later RECORD_LAYER_FAILURE.
PLAIN_HTTP_SSL_REASONS = frozenset({"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG"})


def answered_plain_http(exc: BaseException) -> bool:
    """Did this connection error come from a server speaking plain http to our TLS handshake?"""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLError):
            # OpenSSL's errors carry a reason; one raised in Python has none (truststore's verdict
            # on Windows and macOS: a certificate refused, never a plain-http answer).
            reason = (getattr(cause, "reason", None) or "").upper()
            text = str(cause).lower()
            return (
                reason in PLAIN_HTTP_SSL_REASONS
                or "wrong version number" in text
                or ("record layer failure" in text)
            )
        cause = cause.__cause__ or cause.__context__
    return False


# The codes for a certificate outside its dates: the certificate wants renewing, or this computer's
# clock is wrong. OpenSSL's (Linux: X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED), and
# what truststore passes on from Windows (CERT_E_EXPIRED, either way out of its dates) and macOS
# (errSecCertificateExpired, errSecCertificateNotValidYet).
CERTIFICATE_DATE_CODES = frozenset({9, 10, 0x800B0101, -67818, -67819})
# The codes for a certificate from no authority this computer trusts. OpenSSL's (its issuer unknown,
# self-signed, a self-signed root in the chain, its issuer not found, its signature unverifiable),
# Windows' (CERT_E_UNTRUSTEDROOT, CERT_E_CHAINING, CERT_E_UNTRUSTEDTESTROOT), macOS's (errSecNotTrusted).
CERTIFICATE_AUTHORITY_CODES = frozenset({2, 18, 19, 20, 21, 0x800B0109, 0x800B010A, 0x800B010D, -67843})


def certificate_refused(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed under this connection error, if one did."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def unreachable(exc: httpx.TransportError, url: str) -> RelayUnreachable:
    """The error for a relay that did not answer; one that answers plain http at an https:// address
    says so (the owner typed https:// for a relay that has no certificate), and so does one whose
    certificate this computer refused (expired, from an authority it does not trust, or not for its
    address), or the web proxy this computer is set to use refusing to connect to it."""
    if isinstance(exc, httpx.ProxyError):
        return RelayUnreachable(code=ErrorCode.RELAY_PROXY_REFUSED)
    if url.startswith("https://") and isinstance(exc, httpx.ConnectError):
        if answered_plain_http(exc):
            params = PlainHttpParams(url=url, plain_url=plain_http_address(url))
            return RelayUnreachable(code=ErrorCode.RELAY_PLAIN_HTTP, params=params)
        if (refused := certificate_refused(exc)) is not None:
            log.debug("the relay's certificate was refused: %s", refused.verify_message)
            if refused.verify_code in CERTIFICATE_DATE_CODES:
                return RelayUnreachable(code=ErrorCode.RELAY_CERTIFICATE_EXPIRED)
            if refused.verify_code in CERTIFICATE_AUTHORITY_CODES:
                return RelayUnreachable(code=ErrorCode.RELAY_CERTIFICATE_UNTRUSTED)
            return RelayUnreachable(code=ErrorCode.RELAY_CERTIFICATE_INVALID)
    return RelayUnreachable()


def portal_answer(response: httpx.Response, base_url: str) -> bool:
    """Did a captive portal (a hotspot's sign-in page) answer instead of the relay?

    The relay answers its API in JSON and never redirects, so a web page (HTML) or a redirect to
    another host comes from something on the way; 511 is the status made for exactly this."""
    if response.status_code == 511:
        return True
    if response.is_redirect:
        target = httpx.URL(response.headers.get("location", ""))
        # A redirect within the relay's own host (http:// to https:// on its reverse proxy) is the
        # relay's own address speaking: not a portal.
        return bool(target.host) and target.host != httpx.URL(base_url).host
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return response.is_success and content_type in ("text/html", "application/xhtml+xml")


def signing_in() -> RelayUnreachable:
    """The error for a captive portal's answer: the request never reached the relay."""
    portal = RelayUnreachable(code=ErrorCode.NETWORK_SIGN_IN)
    portal.request_sent = False
    return portal


def refusal(response: httpx.Response) -> RefusalParams:
    """The relay's error envelope as our parameters; a body that is not one (a proxy's page) says HTTP n."""
    try:
        envelope = ErrorEnvelope.model_validate_json(response.content)
    except ValueError:
        return RefusalParams(relay_code=f"http_{response.status_code}")
    error = envelope.error
    return RefusalParams(
        relay_code=error.code,
        graph_code=error.graph_code,
        message=error.message,
        graph_cause=error.graph_cause,
        relay_params=tuple(
            sorted((str(name), str(value)) for name, value in error.params.items() if _plain(value))
        ),
    )


def _plain(value: object) -> bool:
    """A parameter kept as text: a string or a number (a nested value of a newer relay is left out)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def busy(status: int, params: RefusalParams) -> RelayBusy:
    """The error for an answer worth asking again later; the relay's `graph_unreachable` (any call
    that needed WhatsApp: a send, the templates, a block…) keeps its own code for the owner's sentence."""
    if params.relay_code == RelayErrorCode.GRAPH_UNREACHABLE:
        return GraphUnreachable(status, params)
    if params.relay_code == RelayErrorCode.DATABASE_UNUSABLE:
        return RelayDatabaseUnusable(status, params)
    return RelayBusy(status, params)


def parsed(model: type[M], response: httpx.Response) -> M:
    """A 2xx answer as the relay's model; one that is not (a proxy's page) is worth asking again."""
    try:
        return model.model_validate_json(response.content)
    except ValueError as exc:
        raise RelayBusy(response.status_code, RefusalParams("not_a_page")) from exc


UPLOAD_PIECE = 64 * 1024
UPLOAD_BUFFER = 128 * 1024  # bytes an upload's socket holds ahead of the network (Linux doubles it)


def _pieces(data: bytes, on_progress: Callable[[int, int], None]) -> Iterator[bytes]:
    view = memoryview(data)
    for start in range(0, len(data), UPLOAD_PIECE):
        on_progress(start, len(data))
        yield bytes(view[start : start + UPLOAD_PIECE])


def _media_gone(response: httpx.Response) -> bool:
    """The relay's `media_unavailable` marked final: Graph no longer has the file (no retry brings it)."""
    try:
        error = ErrorEnvelope.model_validate_json(response.content).error
    except ValueError:
        return False
    return error.code == RelayErrorCode.MEDIA_UNAVAILABLE and not error.retryable


class RelayClient:
    """Talks to one relay with one bearer token. Thread-safe for use from the worker and sender threads."""

    def __init__(self, base_url: str, token: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.timeout = timeout
        # Made on first use, on whichever thread asks first (the sync thread): building it (an SSL
        # context with the CA bundle) takes 30-100 ms, which the window would spend when the
        # engine starts on its thread.
        self._http: httpx.Client | None = None
        # Uploads go on connections of their own, with a small send buffer (UPLOAD_BUFFER).
        self._upload_http: httpx.Client | None = None
        # The long poll goes on connections of its own, which a stop cuts (`cancel_polls`): a
        # quit never waits for the relay's answer, and a send in flight is never cut with it.
        self._poll_http: httpx.Client | None = None
        self._poll_connections = PollConnections()
        # One for the three clients: each would read certifi's bundle again (≈ 25 ms).
        self._ssl: ssl.SSLContext | None = None
        self._http_lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:  # never show the token
        return f"RelayClient({self.base_url!r})"

    def _client(self) -> httpx.Client:
        with self._http_lock:
            if self._http is None:
                self._http = self._new_client()
            return self._http

    def _uploads_client(self) -> httpx.Client:
        """The client uploads go through. The OS would take megabytes of a file into a socket's
        buffer at once, long before a slow network carries them: what the upload has handed on
        would say nothing of what went, and a cancelled upload went on from the buffer. A small
        buffer keeps the two in step, at no cost on a fast link."""
        with self._http_lock:
            if self._upload_http is None:
                # Through the environment's proxy too, as every other request goes.
                self._upload_http = self._new_client(SmallSendBuffer(UPLOAD_BUFFER))
            return self._upload_http

    def _polls_client(self) -> httpx.Client:
        with self._http_lock:
            if self._poll_http is None:
                self._poll_http = self._new_client(self._poll_connections)
            return self._poll_http

    def cancel_polls(self) -> None:
        """Cut the long poll in flight, if any, and every poll after it: its thread gets
        RelayUnreachable at once (nothing of its page was read, so nothing is lost: the cursor
        moves only with a page saved). Sends and downloads go on."""
        if cut := self._poll_connections.cut_all():
            log.info("stopped %d poll(s) waiting on the relay", cut)

    def _ssl_context(self) -> ssl.SSLContext:
        """The computer's trust store and certifi's list (app/trust_store.py), made once (under the lock)."""
        if self._ssl is None:
            self._ssl = https_context()
        return self._ssl

    def _new_client(self, watch: ConnectionWatch | None = None) -> httpx.Client:
        """A client for the relay (`watch` sees the connections its requests open)."""
        if self._closed:
            raise RelayUnreachable()
        # No token (yet): no header. "Bearer " with nothing after it is not a valid header
        # value, and httpx refused every request, /healthz too, as if the relay were away.
        auth = {"Authorization": f"Bearer {self._token}"} if self._token.strip() else {}
        return httpx.Client(
            base_url=self.base_url,
            headers=auth,
            timeout=httpx.Timeout(self.timeout, connect=CONNECT_TIMEOUT),
            verify=self._ssl_context(),
            mounts=dict.fromkeys(LOOPBACK_HOSTS),
            event_hooks=watch_connections(watch) if watch is not None else None,
        )

    def close(self) -> None:
        with self._http_lock:
            self._closed = True
            for http in (self._http, self._upload_http, self._poll_http):
                if http is not None:
                    http.close()

    def __enter__(self) -> RelayClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    @contextlib.contextmanager
    def _transport_failures(self) -> Iterator[None]:
        """httpx's failures to reach the relay, raised as RelayUnreachable, each saying whether the
        request may have reached it (`request_sent`: a send then waits for its answer, not a retry)."""
        try:
            yield
        except httpx.TimeoutException as exc:
            timed_out = RelayUnreachable(code=ErrorCode.RELAY_TIMEOUT)
            timed_out.request_sent = not isinstance(exc, httpx.ConnectTimeout)
            raise timed_out from exc
        except httpx.TransportError as exc:
            failed = unreachable(exc, self.base_url)
            failed.request_sent = not isinstance(exc, httpx.ConnectError | httpx.ProxyError)
            raise failed from exc
        except RuntimeError as exc:
            if not self._closed:
                raise
            raise RelayUnreachable() from exc  # closed by another thread (a stop) while this one asked

    def _request(
        self, method: str, path: str, *, http: httpx.Client | None = None, **kwargs: Any
    ) -> httpx.Response:
        with self._transport_failures():
            try:
                response = (http or self._client()).request(method, path, **kwargs)
            except httpx.RemoteProtocolError:
                # Closed with no answer (or half of one): most often a kept-alive connection whose
                # idle time ran out at the relay (or its proxy) while this request was on its way,
                # which a slow hotspot makes likely, or a hotspot dropping the connection. Ask once
                # more, on a new connection: every call is safe to repeat (a send carries its
                # Idempotency-Key); a file streamed in pieces cannot be read twice, and its sender
                # tries it again.
                if not isinstance(kwargs.get("content", b""), bytes) or self._poll_connections.cut:
                    raise  # (a poll cut by a stop is not asked again)
                log.info("the relay closed a connection without answering; asking again")
                response = (http or self._client()).request(method, path, **kwargs)
        if portal_answer(response, self.base_url):
            # Its page is not JSON: parsed as the relay's answer, it raised where nobody expects
            # it, and a sender thread ended. Its clock is not the relay's either.
            raise signing_in()
        relay_clock.observe(response.headers.get("date"))
        if response.status_code == 401 or response.status_code == 403:
            raise Unauthorised()
        return response

    def _check(self, response: httpx.Response) -> httpx.Response:
        """Raise the meaningful exception for a non-2xx answer."""
        if response.is_success:
            return response
        params = refusal(response)
        if response.status_code >= 500 or response.status_code in (409, 429):
            raise busy(response.status_code, params)
        raise RelayError(code=ErrorCode.RELAY_REFUSED, params=params)

    # ------------------------------------------------------------------ events
    def events(self, after: int, *, wait: float = 25.0, limit: int = 500) -> EventsPage:
        """The next page of events. Raises HistoryGap (410), Unauthorised, RelayUnreachable, RelayBusy.

        Validated event by event: one this version cannot read is an UnknownEvent, never a lost page.
        """
        response = self._request(
            "GET",
            "/v1/events",
            http=self._polls_client(),
            params={"after": after, "wait": wait, "limit": limit},
            timeout=httpx.Timeout(wait + POLL_MARGIN, connect=CONNECT_TIMEOUT),
        )
        if response.status_code == 410:
            try:
                gap = WireHistoryGap.model_validate_json(response.content)
            except ValueError:
                raise HistoryGap(0) from None
            reason = gap.error.params.get("reason")
            raise HistoryGap(gap.oldest_seq, reason if isinstance(reason, str) else "pruned")
        self._check(response)
        window_first()  # a page is parsed in one call that holds the GIL: the window's scroll first
        try:
            return EventsPage.model_validate_json(response.content)
        except ValueError as exc:  # not a page at all (a proxy's answer): try again later
            raise RelayBusy(response.status_code, RefusalParams("not_a_page")) from exc

    # ------------------------------------------------------------------ sending
    def send_message(
        self, body: dict[str, Any], idempotency_key: str, *, timeout: float | None = None
    ) -> SendResult:
        """POST /v1/messages. SendRefused/OutsideServiceWindow for a final refusal; RelayBusy to retry."""
        kwargs: dict[str, Any] = {}
        if timeout is not None:
            kwargs["timeout"] = httpx.Timeout(timeout, connect=CONNECT_TIMEOUT)
        response = self._request(
            "POST", "/v1/messages", json=body, headers={"Idempotency-Key": idempotency_key}, **kwargs
        )
        if response.is_success:
            return parsed(SendResult, response)
        params = refusal(response)
        enveloped = not params.relay_code.startswith("http_")
        retryable = enveloped and ErrorEnvelope.model_validate_json(response.content).error.retryable
        # A 5xx that the relay itself marks as final (e.g. Graph refused for good) is a refusal;
        # a bare 5xx (a proxy, a crash) or a retryable one is tried again with the same key.
        if (
            response.status_code == 409
            or response.status_code == 429
            or (response.status_code >= 500 and (retryable or not enveloped))
        ):
            raise busy(response.status_code, params)
        if params.relay_code == "outside_window" or params.graph_code == 131047:
            raise OutsideServiceWindow(ErrorCode.OUTSIDE_WINDOW, params)
        raise SendRefused(ErrorCode.SEND_REFUSED, params)

    def mark_read(self, wamid: str) -> None:
        self._check(self._request("POST", f"/v1/messages/{quote(wamid, safe='')}/read"))

    # ------------------------------------------------------------------ media
    def upload_media(
        self,
        source: Path | bytes,
        mime: str,
        filename: str | None = None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> MediaUploaded:
        """POST /v1/media with the raw bytes of a file (or the bytes themselves and a filename).

        `on_progress(sent, total)` is called before each piece goes out; whatever it raises stops
        the upload there (a reply cancelled while its photo crawls up a slow hotspot) and is raised."""
        if isinstance(source, bytes):
            data, name = source, filename or "file"
        else:
            data, name = source.read_bytes(), filename or source.name
        headers = {"Content-Type": mime, "X-Filename": filename_header(name)}
        content: bytes | Iterator[bytes] = data
        if on_progress is not None:
            headers["Content-Length"] = str(len(data))  # the relay refuses one too large up front
            content = _pieces(data, on_progress)
        response = self._request(
            "POST",
            "/v1/media",
            http=self._uploads_client(),
            content=content,
            headers=headers,
            timeout=httpx.Timeout(MEDIA_TIMEOUT),
        )
        if response.status_code == 413 or (400 <= response.status_code < 500):
            raise SendRefused(ErrorCode.SEND_REFUSED, refusal(response))
        self._check(response)
        return parsed(MediaUploaded, response)

    def download_media(self, media_id: str, target: Path) -> tuple[str, str | None]:
        """Stream media to `target` (the caller picks a safe path). Returns (mime, sha256 header).

        Raises GraphUnreachable (a RelayBusy) while the relay cannot reach WhatsApp and RelayBusy while
        WhatsApp has not handed the file over yet: both mean "ask again later". A file WhatsApp no
        longer has is RelayError MEDIA_UNAVAILABLE."""
        with (
            self._transport_failures(),
            self._client().stream(
                "GET",
                f"/v1/media/{quote(media_id, safe='')}",
                timeout=httpx.Timeout(MEDIA_TIMEOUT, connect=CONNECT_TIMEOUT),
            ) as response,
        ):
            if response.status_code in (401, 403):
                raise Unauthorised()
            if portal_answer(response, self.base_url):
                raise signing_in()  # its page, kept as the customer's photo, would be no photo
            if not response.is_success:
                response.read()
                if _media_gone(response):
                    raise RelayError(code=ErrorCode.MEDIA_UNAVAILABLE)
                self._check(response)
            with target.open("wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
            mime = response.headers.get("content-type", "application/octet-stream").split(";")[0]
            return mime, response.headers.get("x-sha256") or None

    # ------------------------------------------------------------------ automations, contacts, templates
    def get_automations(self) -> Automations:
        response = self._check(self._request("GET", "/v1/automations"))
        return Automations.model_validate(response.json())

    def put_automations(self, doc: Automations, *, if_match: int) -> Automations:
        response = self._request(
            "PUT",
            "/v1/automations",
            json=doc.model_dump(mode="json"),
            headers={"If-Match": str(if_match)},
        )
        if response.status_code == 412:
            raise RevisionConflict()
        self._check(response)
        return Automations.model_validate(response.json())

    def push_known_contacts(self, wa_ids: list[str]) -> int:
        payload = KnownContacts(wa_ids=wa_ids).model_dump()
        response = self._check(self._request("POST", "/v1/contacts/known", json=payload))
        return int(response.json().get("known", 0))

    def push_order_statuses(self, statuses: list[OrderStatus]) -> int:
        """Tell the relay where these orders stand, so its bot can answer while the laptop is closed."""
        payload = OrderStatuses(orders=statuses).model_dump(mode="json")
        response = self._check(self._request("POST", "/v1/orders/status", json=payload))
        return int(response.json().get("kept", 0))

    def bot_report(self, days: int = 30) -> BotReport:
        """How often each rule and menu node answered, and the hand-offs, over the last `days`."""
        response = self._check(self._request("GET", "/v1/bot/report", params={"days": days}))
        return BotReport.model_validate(response.json())

    def resume_bot(self, wa_id: str, number: str | None) -> None:
        """Switch the relay's menu bot back on in one chat: the customer's on business number `number`
        (a phone_number_id; None: on every number); every desktop hears it as a contact event."""
        digits = "".join(ch for ch in wa_id if ch.isdigit())
        params = {"phone_number_id": number} if number else None
        self._check(self._request("POST", f"/v1/bot/{digits}/resume", params=params))

    def block(self, wa_id: str, blocked: bool) -> BlockAnswer:
        """Block (or unblock) a customer on the relay and, where Meta allows it, on WhatsApp."""
        digits = "".join(ch for ch in wa_id if ch.isdigit())
        response = self._check(self._request("POST" if blocked else "DELETE", f"/v1/contacts/{digits}/block"))
        return BlockAnswer.model_validate(response.json())

    # ------------------------------------------------------------------ campaigns
    def create_campaign(self, campaign: NewCampaign) -> Campaign:
        """POST /v1/campaigns; the same id posted again answers the campaign already there."""
        payload = campaign.model_dump(mode="json", exclude_none=True)
        response = self._check(self._request("POST", "/v1/campaigns", json=payload))
        return Campaign.model_validate(response.json())

    def campaign(self, campaign_id: str, *, recipients: bool = False) -> Campaign:
        params = {"recipients": "true"} if recipients else None
        path = f"/v1/campaigns/{quote(campaign_id, safe='')}"
        response = self._check(self._request("GET", path, params=params))
        return Campaign.model_validate(response.json())

    def campaign_action(self, campaign_id: str, action: str) -> Campaign:
        """POST /v1/campaigns/{id}/pause | resume | cancel."""
        if action not in ("pause", "resume", "cancel"):
            raise ValueError(f"not a campaign action: {action}")
        path = f"/v1/campaigns/{quote(campaign_id, safe='')}/{action}"
        response = self._check(self._request("POST", path))
        return Campaign.model_validate(response.json())

    def record_opt_out(self, wa_id: str, opted_out: bool) -> None:
        """The owner's own marketing opt-out (or its end) for a customer, so the relay holds it too."""
        digits = "".join(ch for ch in wa_id if ch.isdigit())
        self._check(self._request("POST", f"/v1/contacts/{digits}/{'opt-out' if opted_out else 'opt-in'}"))

    def templates(self) -> list[Template]:
        response = self._check(self._request("GET", "/v1/templates"))
        return [Template.model_validate(t) for t in response.json().get("templates", [])]

    def check(self) -> CheckResult:
        """Is this a relay, and does it take our token? /healthz, then one event with the token."""
        try:
            health = self.health()
        except RelayUnreachable as exc:
            log.info("relay check: %s", exc.code)
            if exc.code is ErrorCode.RELAY_PLAIN_HTTP:
                return CheckResult(CheckOutcome.PLAIN_HTTP, str(exc.code))
            return CheckResult(CheckOutcome.UNREACHABLE, str(exc.code), cause=exc.code)
        except (RelayError, ValueError) as exc:  # another web server: an error page, HTML, other JSON
            return CheckResult(CheckOutcome.NOT_A_RELAY, f"/healthz: {type(exc).__name__}")
        try:
            self.events(0, wait=0, limit=1)
        except Unauthorised:
            return CheckResult(CheckOutcome.WRONG_TOKEN)
        except HistoryGap:
            pass  # a relay that pruned its oldest events still answers: the token was accepted
        except RelayUnreachable as exc:
            return CheckResult(CheckOutcome.UNREACHABLE, str(exc.code), cause=exc.code)
        except RelayBusy as exc:
            if exc.relay_code == RelayErrorCode.TOO_MANY_ATTEMPTS:
                return CheckResult(CheckOutcome.HELD_OFF, f"HTTP {exc.status} {exc.relay_code}")
            cause = exc.params.param("cause") if isinstance(exc.params, RefusalParams) else ""
            return CheckResult(CheckOutcome.SERVER_ERROR, f"HTTP {exc.status}", storage_cause=cause)
        except RelayError as exc:
            return CheckResult(CheckOutcome.NOT_A_RELAY, f"/v1/events: {exc.code}")
        return CheckResult(CheckOutcome.OK, relay_version=health.version)

    def health(self) -> Health:
        response = self._check(self._request("GET", "/healthz"))
        return Health.model_validate(response.json())

    def check_report(self) -> CheckReport:
        """GET /v1/check: the relay's self-check of Meta's side and its server, one line per step."""
        timeout = httpx.Timeout(CHECK_TIMEOUT, connect=CONNECT_TIMEOUT)
        response = self._check(self._request("GET", "/v1/check", timeout=timeout))
        return CheckReport.model_validate(response.json())
