"""Plain-language sentences for the greeting and away rules and the business hours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QObject

from app import relay_clock
from app.rules import has_hours, runs_past_midnight, zone
from app.wire import AwayRule, BusinessHours, DayHours, GreetingRule, Recipients, TimeRange
from ui.formatting import dash_kept, date_range, display_locale, hours_time
from ui.time_zones import zone_name

CLOSED_SHOWN = 3  # closed periods named in a summary; the rest counted


class RuleSummary(QObject):
    """Turns a rule into the sentence shown under its editor ("Sent when a customer writes…")."""

    def recipients(self, recipients: Recipients) -> str:
        n = len(recipients.wa_ids)
        # "1 contact" is the English plurals' file's (ui/translations.py), as every counted text's.
        if recipients.mode == "except" and n:
            return self.tr("To everyone except %Ln contacts.", "", n)
        if recipients.mode == "only":
            return self.tr("Only to %Ln contacts.", "", n)
        return self.tr("To everyone.")

    def greeting(self, rule: GreetingRule, away: AwayRule | None = None) -> str:
        """`away`: the away message, whose being on decides whether "only the away message" is said."""
        if not rule.enabled:
            return self.tr("Off: no greeting is sent.")
        days = rule.silence_days
        if days == 1:
            when = self.tr("Sent when a customer writes for the first time or after a day of silence.")
        else:
            when = self.tr(
                "Sent when a customer writes for the first time or after %Ln days of silence.", "", days
            )
        if rule.skip_when_away and away is not None and away.enabled:
            when += " " + self.tr("Not while you are away: then the away message goes alone.")
        return f"{when} {self.recipients(rule.recipients)}"

    def away(self, rule: AwayRule, hours: BusinessHours) -> str:
        if not rule.enabled:
            return self.tr("Off: no away message is sent.")
        if rule.schedule == "always":
            # Not "each time you are away" below: "always" is one away time without an end.
            when = self.tr(
                "Sent at any hour when a customer writes: once to each customer, and again only after "
                "you have replied to them."
            )
        elif rule.schedule == "custom" and not has_hours(rule.custom):
            # "Mon–Sun not sent" read as a week summed up, not as a schedule left empty.
            closed = self.closed_days(hours)
            if not closed:
                return self.tr(
                    "Not sent on any day: no away hours are chosen yet. For each day you are away, "
                    "choose “Away at” and its hours, or “Away all day”."
                )
            when = self.tr(
                "Sent only on your closed days ({0}): no away hours are chosen yet. For each day you are "
                "away, choose “Away at” and its hours, or “Away all day”."
            ).format(closed)
        elif rule.schedule == "custom":
            # A day with no away time is not "closed" (the owner read "closed Tuesday to Sunday"):
            # it is a day the message is not sent.
            week = self.week(rule.custom, hours.timezone, none=self.tr("not sent"))
            when = self.tr("Sent when a customer writes during your away hours: {0}.").format(week)
            if closed := self.closed_days(hours):
                when += " " + self.tr("Also on your closed days: {0}.").format(closed)
        else:
            when = self.tr("Sent when a customer writes outside your business hours ({0}).").format(
                self.hours(hours)
            )
        minutes = rule.owner_reply_grace_minutes
        if rule.schedule == "always":
            recently = (
                self.tr("Not if you replied in the last minute.")
                if minutes == 1
                else self.tr("Not if you replied in the last %Ln minutes.", "", minutes)
            )
            return f"{when} {recently} {self.recipients(rule.recipients)}"
        once = (
            self.tr("Once per customer each time you are away, and not if you replied in the last minute.")
            if minutes == 1
            else self.tr(
                "Once per customer each time you are away, and not if you replied in the last %Ln minutes.",
                "",
                minutes,
            )
        )
        return f"{when} {once} {self.recipients(rule.recipients)}"

    def day(self, day: DayHours, none: str | None = None) -> str:
        """A day's hours; `none` names a day without any ("closed" for business hours)."""
        nothing = none or self.tr("closed")
        if day.mode == "closed":
            return nothing
        if day.mode == "all_day":
            return self.tr("all day")
        return ", ".join(self.hours_span(r) for r in day.ranges) or nothing

    def hours_span(self, hours: TimeRange) -> str:
        """A day's range of hours: "10:00–13:00"; one that ends the next morning says so, "7:00 PM–9:00 AM
        (next day)", "19:00~다음 날 09:00" ("Mon 19:00–09:00" read as Monday's early morning too)."""
        # A time stays on one line where the summary wraps: "오후 / 5:00" read as two things.
        first, last = (hours_time(t).replace(" ", "\N{NO-BREAK SPACE}") for t in (hours.start, hours.end))
        if runs_past_midnight(hours) and hours.end != "00:00":  # "00:00" ends at midnight, as "24:00"
            said = self.tr("{0}–{1} (next day)", "a range of hours that ends after midnight")
            return dash_kept(said).format(first, last)
        return self.span(first, last)

    def span(self, first: str, last: str) -> str:
        """From `first` to `last`: "10:00–13:00", "Mon–Fri"; "10:00~13:00", "월~금" as Korean writes it."""
        return dash_kept(self.tr("{0}–{1}", "a range of hours or days: from, to")).format(first, last)

    def week(self, week: list[DayHours], timezone: str, none: str | None = None) -> str:
        """ "Mon–Fri 10:00 AM–7:00 PM; Sat 11:00 AM–5:00 PM; Sun closed · Korean Time" ("월–금 10:00–19:00…"
        in Korean), equal neighbours merged; `none` instead of "closed" for a day without hours."""
        locale = display_locale()
        parts: list[str] = []
        start = 0
        for i in range(1, 8):
            if i == 7 or self.day(week[i], none) != self.day(week[start], none):
                first = locale.dayName(start + 1, QLocale.FormatType.ShortFormat)
                last = locale.dayName(i, QLocale.FormatType.ShortFormat)
                days = first if i - 1 == start else self.span(first, last)
                parts.append(f"{days} {self.day(week[start], none)}")
                start = i
        # The days apart as the language writes it: "; " in English, " / " in Korean, where a
        # semicolon between "월~금 10:00~19:00" and "토 11:00~16:00" reads as a typing slip.
        between = self.tr("; ", "between the days of a week's hours: Mon–Fri 9–6; Sat 10–4")
        return between.join(parts) + f" · {zone_name(timezone)}"

    def hours(self, hours: BusinessHours, today: date | None = None) -> str:
        """The week, then the closed days still to come: "…; closed Sep 24 – 26 (Chuseok)"."""
        said = self.week(hours.week, hours.timezone)
        closed = self.closed_days(hours, today)
        return self.tr("{0}; closed {1}").format(said, closed) if closed else said

    def closed_days(self, hours: BusinessHours, today: date | None = None) -> str:
        """The closed days still to come, the first few named: "Sep 24 – 26 (Chuseok), Dec 25"; ""
        for none."""
        today = today or relay_clock.now().astimezone(zone(hours.timezone)).date()  # the shop's calendar
        coming = sorted((c for c in hours.closed_days if c.last >= today), key=lambda c: c.first)
        shown = [
            date_range(c.first, c.last) + (f" ({c.note})" if c.note else "") for c in coming[:CLOSED_SHOWN]
        ]
        if len(coming) > CLOSED_SHOWN:
            shown.append(self.tr("{0} more").format(len(coming) - CLOSED_SHOWN))
        return ", ".join(shown)
