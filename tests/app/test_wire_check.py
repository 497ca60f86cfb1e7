"""The self-check's wire shapes: a newer relay's lines still read, limits become customer counts."""

from __future__ import annotations

from app.wire import CheckReport, CheckStatus, NumberHealth, messaging_limit_customers


def test_messaging_limit_tiers_become_customer_counts() -> None:
    assert messaging_limit_customers("TIER_250") == 250
    assert messaging_limit_customers("TIER_2K") == 2000
    assert messaging_limit_customers("TIER_100K") == 100_000
    assert messaging_limit_customers("TIER_UNLIMITED") is None
    assert messaging_limit_customers(None) is None
    assert NumberHealth(phone_number_id="1", messaging_limit="TIER_10K").daily_limit == 10_000


def test_a_report_from_a_newer_relay_with_an_unknown_step_still_reads() -> None:
    report = CheckReport.model_validate(
        {
            "ok": False,
            "checked_at": "2026-11-29T17:00:00Z",
            "lines": [
                {"step": "settings", "status": "pass"},
                {"step": "tea_kettle", "status": "fail", "problem": "cold", "params": {"c": "4"}},
            ],
            "number": {"phone_number_id": "1", "quality_rating": "GREEN", "future_field": 1},
        }
    )
    assert [line.passed for line in report.lines] == [True, False]
    assert report.lines[1].status == CheckStatus.FAIL
    assert report.number is not None and report.number.quality_rating == "GREEN"
