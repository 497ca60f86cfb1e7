"""The automations document (GET/PUT with If-Match) and the desktop's known contacts."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from app.rules import overlapping_hours
from app.wire import (
    Automations,
    BotLimitError,
    DayHours,
    ErrorBody,
    KnownContacts,
    RelayErrorCode,
    StaleRevision,
    check_button_titles,
)
from relay.bodies import read_body
from relay.errors import error
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.get("/v1/automations")
async def get_automations(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    raw = await run_in_threadpool(relay.store.kv.automations)
    doc = Automations.model_validate(raw or {})
    return JSONResponse(doc.model_dump(mode="json"), headers={"ETag": str(doc.revision)})


def _over_limits(limit: BotLimitError) -> Response:
    """The refusal of a menu bot that breaks a limit: the old document keeps running; the desktop
    names the problem and the node."""
    return error(
        400,
        RelayErrorCode.BOT_OVER_LIMITS,
        f"The menu bot breaks a limit: {limit}.",
        params={"problem": limit.problem.value, "node": limit.node},
    )


@router.put("/v1/automations")
async def put_automations(
    request: Request,
    relay: Annotated[Relay, Depends(current_relay)],
    if_match: str | None = Header(default=None),
) -> Response:
    if if_match is None or not if_match.strip('"').isdigit():
        return error(428, RelayErrorCode.IF_MATCH_REQUIRED, "Send If-Match with the revision you edited.")
    settings = relay.settings
    raw = await read_body(
        request, settings.max_json_bytes, settings.body_idle_timeout, settings.body_deadline
    )
    try:
        doc = Automations.model_validate_json(raw)
        check_button_titles(doc.bot)  # checked as saved, not as read: see its docstring
    except BotLimitError as broken:
        return _over_limits(broken)
    except ValidationError as exc:
        for problem in exc.errors():
            limit = (problem.get("ctx") or {}).get("error")
            if isinstance(limit, BotLimitError):
                return _over_limits(limit)
        return error(400, RelayErrorCode.INVALID, f"The automations document is not valid: {exc}")
    except ValueError as exc:
        return error(400, RelayErrorCode.INVALID, f"The automations document is not valid: {exc}")
    before = Automations.model_validate(await run_in_threadpool(relay.store.kv.automations) or {})
    refused = _overlap_refusal(doc, before)
    if refused is not None:
        return refused
    stored = await run_in_threadpool(
        relay.store.kv.put_automations, doc.model_dump(mode="json"), int(if_match.strip('"'))
    )
    if stored is None:
        now = await run_in_threadpool(relay.store.kv.automations)
        current = Automations.model_validate(now or {})
        stale = StaleRevision(
            error=ErrorBody(
                code=RelayErrorCode.STALE_REVISION, message="Another computer changed these settings."
            ),
            current=current,
        )
        return JSONResponse(stale.model_dump(mode="json"), status_code=412)
    relay.automations_changed()
    await relay.feed.notify()
    return JSONResponse(stored, headers={"ETag": str(stored["revision"])})


def _overlap_refusal(doc: Automations, before: Automations) -> Response | None:
    """400 when a week of hours the request changes has two ranges that overlap (a hand-made request
    or an older desktop); a week stored so before is kept as it is, so a save of another part goes."""
    weeks: tuple[tuple[str, list[DayHours], list[DayHours]], ...] = (
        ("business_hours", doc.business_hours.week, before.business_hours.week),
        ("away", doc.away.custom, before.away.custom),
    )
    for part, week, stored in weeks:
        overlaps = overlapping_hours(week) if week != stored else []
        if overlaps:
            o = overlaps[0]
            first, second = f"{o.first.start}-{o.first.end}", f"{o.second.start}-{o.second.end}"
            return error(
                400,
                RelayErrorCode.OVERLAPPING_HOURS,
                f"Two ranges of hours overlap ({part}, weekday {o.weekday}): {first} and {second}.",
                params={"part": part, "weekday": o.weekday, "first": first, "second": second},
            )
    return None


@router.post("/v1/contacts/known")
async def known(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    settings = relay.settings
    raw = await read_body(
        request, settings.max_json_bytes, settings.body_idle_timeout, settings.body_deadline
    )
    try:
        payload = KnownContacts.model_validate_json(raw)
    except ValidationError:
        return error(400, RelayErrorCode.INVALID, 'Send {"wa_ids": [...]}.')
    wa_ids = [re.sub(r"\D", "", w) for w in payload.wa_ids if re.sub(r"\D", "", w)]
    count = await run_in_threadpool(relay.store.contacts.mark_known, wa_ids)
    return JSONResponse({"known": count})
