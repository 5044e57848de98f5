"""Publication date: normalise a given date, or infer one from the text's own evidence.

Inference looks for an explicit full date in the page (a caption's "released on April 23,
2019", a "Published 3 May 2024" line, a dated dateline "WASHINGTON, May 3 (Reuters)") and
moves it forward by the story's own relative weekdays: a photo released on Tuesday April 23 and
"KCNA said on Wednesday" imply the story was written on Wednesday April 24.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .errors import UsageError
from .timex import MONTHS as MONTH_NUMBERS
from .timex import month_pattern
from .vocabulary import calendar_words

WEEKDAYS = [names[0] for names in calendar_words()["weekdays"]]
MONTHS = [names[0] for names in calendar_words()["months"]]
_MONTH_RE = month_pattern()
_FULL_DATES = [
    re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
]
_WD = "(" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
# A reporting verb bound to a weekday ("said on Wednesday", "on Wednesday announced") is how wire
# copy names the day the story was filed; other past weekdays ("was seen on Sunday") are earlier.
_REPORTED_ON = re.compile(
    rf"\b(?:said|says|told(?:\s+\w+)?|announced|reported|confirmed|stated|added)\s+(?:late\s+|early\s+)?on\s+{_WD}\b"
    rf"|\bon\s+{_WD}\s+(?:said|told|announced|reported|confirmed)\b"
)


def parse_date(value: str) -> str:
    """Normalise a user- or metadata-supplied date to YYYY-MM-DD; raise UsageError if invalid."""
    text = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    raise UsageError(f"cannot read the date {value!r}; write it as YYYY-MM-DD, e.g. 2019-04-24")


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def find_full_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every explicit calendar date in ``text`` with its offset."""
    found = []
    for rx in _FULL_DATES:
        for m in rx.finditer(text):
            try:
                month = (
                    int(m.group("mnum"))
                    if "mnum" in m.groupdict() and m.group("mnum")
                    else _month_number(m.group("month"))
                )
                found.append((m.start(), dt.date(int(m.group("year")), month, int(m.group("day")))))
            except (ValueError, IndexError):
                continue
    return sorted(found)


def infer_published(text: str, removed: Iterable) -> tuple[str | None, str]:
    """Infer the publication date from the page itself. Returns (date or None, source).

    The anchor is the latest explicit full date in the removed parts (captions, date lines) or
    the story; a reporting verb bound to a weekday ("KCNA said on Wednesday") names the filing
    day, which moves the anchor forward to the next such weekday (within six days). Source is
    "inferred" or "none".
    """
    removed_text = "\n".join(
        getattr(r, "text", None) or (r.get("text", "") if isinstance(r, dict) else "") for r in removed
    )
    anchors = [d for _, d in find_full_dates(removed_text)] + [d for _, d in find_full_dates(text)]
    if not anchors:
        return None, "none"
    anchor = max(anchors)
    latest = anchor
    for m in _REPORTED_ON.finditer(text):
        wd = WEEKDAYS.index((m.group(1) or m.group(2)).lower())
        candidate = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
        latest = max(latest, candidate)
    return latest.isoformat(), "inferred"
