"""Date filters with one meaning everywhere (the query layer, ``Store.events``,
``Store.articles``, the API, the CLI and the web page): ``since`` and ``until`` are ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``, both inclusive, and a shorter ``until`` covers its whole period
(``until="2019-04"`` keeps every date in April 2019, ``until="2019"`` every date in 2019).
Stored dates are ISO strings of any of these precisions and are compared as strings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import UsageError

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, name: str) -> str | None:
    """``value`` as a date filter (stripped; None when empty); a UsageError naming ``name``
    unless it is a real YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None or value == "":
        return None
    value = str(value).strip()
    if not _DATE_RE.match(value) or not _real_date(value):
        raise UsageError(
            f"{name} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day "
            "(e.g. 2019-04-25)"
        )
    return value


def _real_date(value: str) -> bool:
    """A YYYY[-MM[-DD]] that exists: year 1-9999, month 1-12, a day the month has. Dates are
    compared as strings in SQL, so '2019-13-45' would otherwise filter silently."""
    parts = [int(x) for x in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def period_end(until: str) -> str:
    """The largest string a date within ``until``'s period can be: ``2019-04`` -> ``2019-04-99``,
    ``2019`` -> ``2019-99-99`` (a day's ``until`` is itself)."""
    return until + "-99-99"[len(until) - 4 :]


def date_conditions(column: Any, since: str | None, until: str | None) -> list[Any]:
    """SQLAlchemy conditions keeping the dates of ``column`` within ``since``..``until``
    (checked here: a UsageError for a date that is no date)."""
    since, until = check_date(since, "since"), check_date(until, "until")
    conds = []
    if since:
        conds.append(column >= since)
    if until:
        conds.append(column <= period_end(until))
    return conds
