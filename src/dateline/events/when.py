"""Time expressions for events: the analysis' resolved ``article.times`` first, else a small resolver.

The fallback resolves the expressions news copy uses to date events, relative to the
publication date and the clause's tense: years ("in 2002"), months ("in February": the last
February before a past-tense clause, the next one after a future one), full dates, weekdays
("on Thursday"), and today / yesterday / tomorrow / last or next week, month, year.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MON = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)s?\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _month_in(text: str) -> int | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) >= 3 and word[:3] in _MON and (word in MONTHS or len(word) <= 4 or word.startswith("sept")):
            if word == "may" and not re.search(
                r"\b(in|of|on|since|until|by|early|late|mid)\s+may\b|\bmay\s+\d", text.lower()
            ):
                continue
            return _MON[word[:3]]
    return None


def resolve(text: str, published: dt.date | None, tense: str = "past") -> tuple[str | None, str | None]:
    """``(value, granularity)`` for a time expression; ``(None, None)`` when it cannot be placed.

    ``tense`` is "past", "present" or "future": the direction a bare month or weekday points.
    """
    low = text.lower().strip()
    year_m = _YEAR.search(low)
    month = _month_in(low)
    if year_m and not low.strip().endswith("s") or (year_m and month):
        year = int(year_m.group(1))
        if month:
            day_m = _DAY.search(_YEAR.sub(" ", low))
            if day_m and 1 <= int(day_m.group(1)) <= 31:
                try:
                    return dt.date(year, month, int(day_m.group(1))).isoformat(), "day"
                except ValueError:
                    pass
            return f"{year:04d}-{month:02d}", "month"
        return f"{year:04d}", "year"
    if published is None:
        return None, None
    if month:
        year = published.year
        if tense == "future" and month < published.month:
            year += 1
        elif tense != "future" and month > published.month:
            year -= 1
        day_m = _DAY.search(low)
        if day_m and 1 <= int(day_m.group(1)) <= 31:
            try:
                return dt.date(year, month, int(day_m.group(1))).isoformat(), "day"
            except ValueError:
                pass
        return f"{year:04d}-{month:02d}", "month"
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            delta = i - published.weekday()
            if tense == "future":
                delta = delta if delta > 0 else delta + 7
            elif tense == "past":
                delta = delta if delta < 0 else (delta - 7 if delta > 0 else 0)
            else:
                delta = delta if abs(delta) <= 3 else (delta - 7 if delta > 0 else delta + 7)
            if "next" in low and delta <= 0:
                delta += 7
            if "last" in low and delta >= 0:
                delta -= 7
            return (published + dt.timedelta(days=delta)).isoformat(), "day"
    words = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
    }
    for word, delta in words.items():
        if re.search(rf"\b{word}\b", low):
            return (published + dt.timedelta(days=delta)).isoformat(), "day"
    m = re.search(r"\b(last|next|this|past|coming)\s+(week|month|year)\b", low)
    if m:
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m.group(1)]
        unit = m.group(2)
        if unit == "year":
            return f"{published.year + step:04d}", "year"
        if unit == "month":
            y, mo = published.year, published.month + step
            if mo == 0:
                y, mo = y - 1, 12
            elif mo == 13:
                y, mo = y + 1, 1
            return f"{y:04d}-{mo:02d}", "month"
        return (published + dt.timedelta(days=7 * step)).isoformat(), "week"
    m = re.search(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", low)
    if m:
        n = _number(m.group(1))
        if n is not None:
            if m.group(2) == "year":
                return f"{published.year - n:04d}", "year"
            days = {"day": 1, "week": 7, "month": 30}[m.group(2)] * n
            d = published - dt.timedelta(days=days)
            return (d.isoformat(), "day") if m.group(2) == "day" else (f"{d.year:04d}-{d.month:02d}", "month")
    return None, None


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
    "few": None,
}


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word.lower())


def period_end(value: str) -> dt.date | None:
    """The last day a YYYY / YYYY-MM / YYYY-MM-DD value covers."""
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def period_start(value: str) -> dt.date | None:
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
