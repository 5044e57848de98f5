"""Resolve temporal expressions to TIMEX3-style values: a pure function, no spaCy needed.

``resolve("Thursday", anchor="2019-04-24", tense="future")`` → ``Timex(value="2019-04-25", ...)``.

The anchor is the publication date (or any reference date); ``tense`` is the tense of the verb
that governs the expression (``"past"``, ``"present"``, ``"future"`` or ``None`` when unknown),
which decides the direction of underspecified expressions: "will meet on Thursday" is the coming
Thursday, "said on Wednesday" the past Wednesday, "in February" in a past-tense sentence the last
February. A weekday equal to the anchor's weekday is the anchor day itself (wire style: "said on
Wednesday" in a story dated Wednesday) unless the tense is future, which means the next week.

Values follow TIMEX3 (TimeML), so the same resolver can be scored on TempEval-3:

=============  =====================  ===========================================================
type           granularity            value
=============  =====================  ===========================================================
date           day                    ``YYYY-MM-DD``
date           month                  ``YYYY-MM``
date           year                   ``YYYY``
date           week / weekend         ``YYYY-Www`` / ``YYYY-Www-WE`` (ISO week)
date           quarter / half         ``YYYY-Qn`` / ``YYYY-Hn``
date           season                 ``YYYY-SP|SU|FA|WI`` (a winter takes the year of its December)
date           decade / century       ``YYY`` (the 1990s → ``199``) / ``YY`` (20th century → ``19``)
date           ref                    ``PRESENT_REF`` | ``PAST_REF`` | ``FUTURE_REF``
time           time                   ``YYYY-MM-DDTHH:MM`` / ``YYYY-MM-DDTMO|AF|EV|NI``
duration       duration               ``P3D``, ``PT2H``, ``P10Y``, ``PXM`` (unspecified amount)
set            set                    ``P1W`` (weekly), ``XXXX-XX-XXTMO`` (every morning)
=============  =====================  ===========================================================

An expression that needs the anchor when there is none gets ``value=None``; one this module
does not understand returns ``None``. ``mod`` carries TIMEX3 modifiers (``START`` for "early
December", ``END``, ``MID``, ``APPROX``...) without changing the value.

The contract's calendar ``value`` of a time (``Article.times``) is the value when it is
``YYYY[-MM[-DD]]``, the day of a time of day, and null for the rest (weeks, seasons, references,
durations, sets); an event dated by a week or a weekend takes the month holding most of its days
(``events.dating.contract_value``), and the week stays in the record's ``timex``.
"""

from __future__ import annotations

import calendar
import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .vocabulary import calendar_words, holidays

__all__ = [
    "Timex",
    "resolve",
    "parse_anchor",
    "calendar_date",
    "month_pattern",
    "shift",
    "duration_parts",
    "period_start",
    "period_end",
    "DIRECTIONS",
]


@dataclass(frozen=True)
class Timex:
    value: str | None
    type: str = "date"  # date | time | duration | set
    granularity: str = "day"
    mod: str | None = None


# --------------------------------------------------------------------------------------------
# vocabulary


def month_pattern() -> str:
    """A regular expression (no groups) for a month as copy writes it, capitalised, with an
    optional dot: "January", "Jan.", "Sept". For the cleaner's and the publication date's
    patterns, so they read the same list as the resolver."""
    names = sorted((w.capitalize() for ws in calendar_words()["months"] for w in ws), key=len, reverse=True)
    return "(?:" + "|".join(names) + r")\.?"


#: every month name and abbreviation -> 1..12
MONTHS = {w: i + 1 for i, names in enumerate(calendar_words()["months"]) for w in names}
#: every weekday name and abbreviation -> 0 (Monday) .. 6
WEEKDAYS = {w: i for i, names in enumerate(calendar_words()["weekdays"]) for w in names}
#: the weekdays' full names, Monday first
WEEKDAY_NAMES = tuple(names[0] for names in calendar_words()["weekdays"])
PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "MI",
    "noon": "MI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
NUMBERS = {
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
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "a half": 0.5,
}
VAGUE = {
    "few",
    "a few",
    "several",
    "some",
    "many",
    "a number of",
    "the",
    "numerous",
    "recent",
    "the past few",
    "multiple",
    "dozens of",
    "hundreds of",
    "thousands of",
    "scores of",
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "season": "S",
}
TIME_UNITS = {"second", "minute", "hour"}

_num_words = "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True))
_unit_words = (
    r"seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|yrs?|"
    r"decades?|centur(?:y|ies)"
)
_month_words = "|".join(sorted(MONTHS, key=len, reverse=True))
_wd_words = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_wd_names = "|".join(WEEKDAY_NAMES)
_part_words = "morning|afternoon|evening|night|overnight"
# a year named by its offset from the story's ("last year", "next year", "this year": _year_offset)
_REL_YEAR = r"(?:last|next|this)\s+year"
# a day's year so named: "June 16 last year", "16th of June next year"
_year_rel = rf"(?:,?\s+(?:of\s+)?(?P<rel>{_REL_YEAR}))"

RE = {
    name: re.compile(pat)
    for name, pat in {
        # numbers: 3, 3.5, 1,000, three, twenty-five, a few
        "ago": rf"^(?P<n>.+?)\s+(?P<unit>{_unit_words})\s+(?P<dir>ago|earlier|before|previously|back|later|after|"
        rf"from now|hence|on|since)$",
        "unit_ago": rf"^(?P<unit>{_unit_words})\s+(?P<dir>ago|earlier|before|later)$",
        "dur": rf"^(?:(?P<dir>past|last|next|coming|following|previous|first|final|recent|latest|upcoming|remaining|"
        rf"ensuing|preceding|subsequent|intervening|additional|further|more|other|whole|entire|full|"
        rf"same)\s+)?(?P<n>.+?)[\s-]+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|calendar\s+|"
        rf"fiscal\s+|business\s+|working\s+|trading\s+)?(?P<unit>{_unit_words})(?:\s+(?:long|old|more|straight|running|"
        rf"in a row)|-long)?$",
        "bare_plural": r"^(?:(?P<dir>past|last|next|coming|following|previous|recent|latest|upcoming|remaining|ensuing|"
        r"preceding|subsequent|intervening|additional|further|many|several|few|some|more)\s+)?(?P<unit>seconds|minutes|"
        r"hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)$",
        "rel_unit": r"^(?P<dir>this|current|last|past|previous|prior|next|coming|following|upcoming|same|that|latest|"
        r"recent|present|year-ago|year-earlier|previous fiscal|current fiscal|last fiscal|next fiscal|this fiscal|"
        r"fiscal|the|full|entire|whole|the full|the entire|the whole)?\s*(?P<unit>day|week|weekend|month|quarter|year|"
        r"decade|century|fiscal year|calendar year|half|season|week-end)$",
        "unit_rel": r"^(?P<unit>day|week|month|year|quarter|decade)\s+(?P<dir>before|after|earlier|later|ago|prior|"
        r"previous)$",
        "ordinal_quarter": r"^(?:(?P<dir>this|last|next|the|its|that|year-ago|year-earlier|fiscal|latest|"
        r"current)\s+)*(?P<year>\d{4}\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|"
        rf"last)(?:[\s-]+|-)(?P<unit>quarter|half)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<year2>\d{{4}}|"
        rf"{_REL_YEAR}|the year))?$",
        "year": r"^(?:(?:fiscal|calendar|the year|year|fy|model year|the fiscal year|fiscal year|the calendar year|"
        r"the year of)\s+)?(?P<y>1[0-9]{3}|20[0-9]{2})$",
        "short_year": r"^(?:'|’|fiscal\s+'?)(?P<y>[0-9]{2})$",
        "decade": r"^(?P<y>1[0-9]{2}|20[0-9])0'?s$",
        "short_decade": r"^(?:'|’)?(?P<d>[0-9])0'?s$",
        "century": r"^(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century$",
        "century_w": r"^(?P<c>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|"
        r"twenty first)[\s-]+century$",
        "month_day_year": rf"^(?:(?:{_wd_words})\.?,?\s+)?(?P<m>{_month_words})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|"
        rf"th)?,?\s+(?P<y>\d{{4}})$",
        "day_month_year": rf"^(?:(?:{_wd_words})\.?,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|"
        rf"th)?\s+(?:of\s+)?(?P<m>{_month_words})\.?,?\s+(?P<y>\d{{4}})$",
        "month_year": rf"^(?P<m>{_month_words})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}}|'\d\d)$",
        "month_day": rf"^(?:(?P<wd>{_wd_words})\.?,?\s+)?(?P<m>{_month_words})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        # "June 16 last year", "June 16th of last year": that day of the year named
        rf"{_year_rel}?$",
        "day_month": rf"^(?:(?P<wd>{_wd_words})\.?,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|"
        rf"th)?\s+(?:of\s+)?(?P<m>{_month_words})\.?{_year_rel}?$",
        "month": rf"^(?P<dir>last|next|this|past|coming|previous)?\s*(?P<m>{_month_words})\.?(?:\s+(?P<rel>(?:of\s+)?"
        rf"{_REL_YEAR}|(?:of\s+)?the\s+(?:previous|following)\s+year))?$",
        "iso": r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$",
        "us_numeric": r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})$",
        "season": r"^(?P<dir>last|next|this|past|coming|previous|the)?\s*(?P<s>spring|summer|fall|autumn|"
        rf"winter)(?:\s+(?:of\s+)?(?P<y>\d{{4}}|{_REL_YEAR}))?$",
        "year_season": r"^(?P<y>\d{4})\s+(?P<s>spring|summer|fall|autumn|winter)$",
        "weekday": rf"^(?P<dir>last|next|this|past|coming|previous|on)?\s*(?P<wd>{_wd_words})\.?(?:\s*,?\s*"
        rf"(?P<part>{_part_words}))?$",
        "part_weekday": rf"^(?P<part>{_part_words})\s+(?:of\s+|on\s+)?(?P<wd>{_wd_words})$",
        "weekday_date": rf"^(?P<wd>{_wd_words})\.?,?\s+(?P<rest>.+)$",
        "clock": r"^(?:(?:at|about|around)\s+)?(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*"
        r"(?P<ampm>a\.?m\.?|p\.?m\.?|o'clock|hours|hrs|h)?(?:\s+(?P<tz>gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|"
        r"cest|eet|eest|msk|ist|jst|et|pt|ct|mt|z|local time|local)\b)?(?:\s*,?\s*(?:on\s+)?(?P<rest>.+))?$",
        "range_years": r"^(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{2,4})$",
        # habits: "on Sundays", "Tuesday nights", "Friday mornings", "every Friday night"
        "habit": rf"^(?:(?:every|each)\s+(?P<wd1>{_wd_names})\s+(?P<part1>morning|afternoon|evening|night)"
        rf"|(?:on\s+)?(?P<wd>{_wd_names})(?:s(?:\s+(?P<part>morning|afternoon|evening|night)s)?"
        r"|\s+(?P<part2>morning|afternoon|evening|night)s))$",
        "set_every": rf"^(?:every|each|per|a|an)\s+(?:other\s+)?(?P<unit>{_unit_words}|{_part_words}|{_wd_words}|"
        rf"{_month_words}|season|spring|summer|fall|autumn|winter)$",
        # "this year's third quarter", "2012's second half": the part of that year
        "years_part": r"^(?P<y>this year|next year|last year|(?:19|20)\d\d)(?:'s|’s)\s+"
        r"(?P<p>(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:quarter|half))$",
        # "the morning of March 3", "the early hours of Tuesday"
        "part_of": r"^(?:the\s+)?(?P<part>early hours|small hours|wee hours|morning|afternoon|evening|"
        r"night)\s+of\s+(?P<rest>.+)$",
        # durations and sets in words: "every two years", "twice a week", "a minute and a half",
        # "two hours and 15 minutes", "a day-long meeting", "the past three summers"
        "every_n": r"^(?:every|each)\s+(?P<n>\d+|[a-z]+)\s+(?P<unit>seconds|minutes|hours|days|nights|weeks|months|"
        r"quarters|years|decades)$",
        "times_per": r"^(?:once|twice|thrice|(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:times|days|nights|hours|evenings|mornings|"
        r"weekends))\s+"
        r"(?:(?:a|an|per|every|each)\s+(?P<unit>second|minute|hour|day|night|"
        r"week|weekend|fortnight|month|quarter|year|decade)|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|"
        r"nightly))$",
        "and_half": rf"^(?:the\s+)?(?P<n>a|an|one|\d+|[a-z]+)[\s-]+(?P<unit>{_unit_words})\s+and\s+a\s+half$",
        "half_a": rf"^half\s+(?:a|an)\s+(?P<unit>{_unit_words})$",
        # "a quarter century", "a quarter of a century", "the last half century", "a quarter-hour"
        "part_of_unit": r"^(?:(?:the\s+)?(?:past|last|next|previous|coming|following|first|final)\s+)?(?:a\s+)?"
        r"(?P<part>quarter|half)[\s-]+(?:of\s+(?:a|an)\s+)?(?P<unit>century|hour)$",
        # "a full year", "an entire month", "a whole week": an amount of time, not the calendar year
        "a_full_unit": r"^(?:a|an)\s+(?:full|entire|whole)\s+(?P<unit>day|week|month|year|decade|century)$",
        "and_more": rf"^(?P<a>.+?\s(?:{_unit_words}))\s+and\s+(?P<b>(?:a|an|one|\d+|[a-z]+)[\s-]+(?:{_unit_words}))$",
        "unit_long": r"^(?:a\s+|an\s+)?(?P<unit>second|minute|hour|day|week|month|year|decade|century|"
        r"centurie)(?P<pl>s)?-long$",
        "seasons_n": r"^(?:the\s+)?(?:past|last|previous|next|coming)\s+(?:\w+\s+)?(?P<s>spring|summer|autumn|fall|"
        r"winter)s$",
        # a results story's year, a later day's part and week, clock phrases: "the 1988 quarter",
        # "later that year", "the week of March 6", "noon Saturday", "4 in the morning"
        "year_period": r"^(?P<y>1[0-9]{3}|20[0-9]{2})\s+(?P<u>quarter|period)$",
        # "afternoon yesterday", "mid-afternoon yesterday" (the "mid" peeled): as "yesterday afternoon"
        "part_deictic": r"^(?P<part>morning|afternoon|evening|night)\s+(?P<day>yesterday|today|tomorrow)$",
        "that_unit": r"^(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(day|week|month|year|morning|afternoon|evening|"
        r"night)$",
        "week_of": r"^(?:the\s+)?(?:(?P<ord>first|second|third|fourth|last|final)\s+)?week\s+of\s+(?P<rest>.+)$",
        "noon": r"^(?:(?:at|about|around|before|after)\s+)?(?P<n>noon|midday|"
        r"midnight)(?:\s*,?\s*(?:on\s+)?(?P<rest>.+))?$",
        "noon_after": r"^(?P<rest>.+?),?\s+(?:at\s+)?(?P<n>noon|midday|midnight)$",
        "clock_part": r"^(?:(?:at|about|around)\s+)?(?P<h>[1-9]|1[0-2])(?::(?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+"
        r"(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))(?:\s*,?\s*(?P<rest>.+))?$",
    }.items()
}

_WS = re.compile(r"\s+")
_LEAD_WORDS = (
    "on|in|at|by|since|until|till|through|throughout|during|from|of|before|after|for|over|within|"
    "as of|starting|beginning|as early as|as late as|no later than|no more than|no less than|"
    "later than|earlier than|back in|sometime in|some time in|sometime|around|about|"
    "approximately|roughly|nearly|almost|more than|less than|fewer than|under|at least|"
    "at most|up to|just|only|a mere|mere|the|its|their|his|her|our|a full|fully|well over|"
    "circa|upwards of|as many as|as much as"
).split("|")
_STRIP_LEAD = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(_LEAD_WORDS, key=len, reverse=True)) + r")\s+")
_MODS = [
    (
        re.compile(
            r"^(?:early|earlier|the beginning of|the start of|beginning of|start of|the first part of|"
            r"the early part of)[\s-]+(?:in\s+)?"
        ),
        "START",
    ),
    (
        re.compile(
            r"^(?:late|later|the end of|end of|the close of|the latter part of|the last part of|"
            r"the late part of)[\s-]+(?:in\s+)?"
        ),
        "END",
    ),
    (re.compile(r"^(?:mid(?!night|day)|the middle of|middle of|the mid(?!night|day)|the mid-)\s*-?\s*"), "MID"),
    (re.compile(r"^post-"), "AFTER"),  # "the post-1959 politics": 1959, after it
    (re.compile(r"^pre-"), "BEFORE"),
]
_APPROX = re.compile(
    r"^(?:around|about|approximately|roughly|some|circa|nearly|almost|more than|over|less than|under|fewer than|"
    r"at least|at most|up to|just|only|a mere|mere|the last|a full|fully|well over)\s+"
)
# TimeML's modifiers for a bound, not an approximation: "less than six months" (LESS_THAN), "at
# least five years" (EQUAL_OR_MORE); "about", "nearly", "almost" stay APPROX
_BOUND_MODS = {
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "more than": "MORE_THAN",
    "well over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}

REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "this time": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "present": "PRESENT_REF",
    "for now": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "time being": "PRESENT_REF",
    "until now": "PRESENT_REF",
    "by now": "PRESENT_REF",
    "so far": "PRESENT_REF",
    "to date": "PRESENT_REF",
    "as yet": "PRESENT_REF",
    "now-defunct": "PRESENT_REF",
    "immediately": "PRESENT_REF",
    "digital": "PRESENT_REF",
    "the past": "PAST_REF",
    "past": "PAST_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "at the time": "PAST_REF",
    "at that time": "PAST_REF",
    "once": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "earlier": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "then": "PAST_REF",
    "the time": "PAST_REF",
    "that time": "PAST_REF",
    "years ago": "PAST_REF",
    "long ago": "PAST_REF",
    "a while ago": "PAST_REF",
    "some time ago": "PAST_REF",
    "several years ago": "PAST_REF",
    "many years ago": "PAST_REF",
    "a few years ago": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "very soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "near term": "FUTURE_REF",
    "short term": "FUTURE_REF",
    "near-term": "FUTURE_REF",
    "short-term": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "near future": "FUTURE_REF",
    "shortly": "FUTURE_REF",
    "eventually": "FUTURE_REF",
    "later": "FUTURE_REF",
    "upcoming": "FUTURE_REF",
    "the coming years": "FUTURE_REF",
    "coming years": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
    "the days ahead": "FUTURE_REF",
}
DEICTIC_DAYS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
    "last evening": -1,
    "yesterday morning": -1,
    "yesterday afternoon": -1,
    "yesterday evening": -1,
    "tomorrow morning": 1,
    "tomorrow afternoon": 1,
    "tomorrow evening": 1,
    "tomorrow night": 1,
    "overnight": 0,
    "today's": 0,
    "earlier today": 0,
    "later today": 0,
    "the same day": 0,
    "that day": 0,
    "the day": 0,
    "this week's": None,
}
SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "quarterly": "P1Q",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
    "every year": "P1Y",
    "each year": "P1Y",
    "per year": "P1Y",
    "per annum": "P1Y",
    "every day": "P1D",
    "each day": "P1D",
    "per day": "P1D",
    "every week": "P1W",
    "every month": "P1M",
    "each month": "P1M",
}
CENTURY_W = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}


# --------------------------------------------------------------------------------------------
# helpers


def parse_anchor(anchor: date | str | None) -> date | None:
    """A date from a ``date``/``datetime``/``"YYYY-MM-DD..."`` anchor; None when unusable."""
    if anchor is None:
        return None
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(anchor).strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _number(text: str) -> float | None:
    """A number from digits or words; -1 for a vague amount ("several"); None if not a number."""
    t = text.strip().replace(",", "")
    if t in VAGUE:
        return -1
    try:
        return float(t)
    except ValueError:
        pass
    if t in NUMBERS:
        return NUMBERS[t]
    t2 = re.sub(r"^(?:a|an)\s+", "", t)
    m = re.match(
        r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](one|two|three|four|five|six|seven|eight|nine)$",
        t2,
    )
    if m:
        return NUMBERS[m.group(1)] + NUMBERS[m.group(2)]
    m = re.match(r"^(\d+)\s+1/2$", t) or re.match(r"^(\d+)\s*½$", t)
    if m:
        return int(m.group(1)) + 0.5
    m = re.match(r"^(\S+)\s+and\s+a\s+half$", t)
    if m and (whole := _number(m.group(1))) not in (None, -1):
        return whole + 0.5
    m = re.match(r"^(?:a\s+|one\s+)?(hundred|thousand)$", t)
    if m:
        return 100 if m.group(1) == "hundred" else 1000
    return None


def _unit(word: str) -> str:
    w = word.rstrip("s") if word not in ("centuries",) else "century"
    if w in ("min", "mins"):
        w = "minute"
    if w in ("hr", "hrs"):
        w = "hour"
    if w in ("yr", "yrs"):
        w = "year"
    if w.startswith("centur"):
        w = "century"
    return w


def _duration(n: float | None, unit: str) -> str:
    u = _unit(unit)
    amount = "X" if n is None or n < 0 else (str(int(n)) if float(n).is_integer() else str(n))
    k = int(n or 0)  # used only when the amount is known
    if u in ("decade", "century"):
        # in years, a vague amount of decades too: TimeBank and MEANTIME write "decades(-long)"
        # PXY, as they write "two decades" P20Y; "half a century" is P50Y, "a decade and a half" P15Y.
        # A vague amount of centuries has no count of years: TimeML's century unit, "for centuries"
        # PXC (TimeBank; "P2L" is its millennium, "P1E" its decade)
        if amount == "X":
            return "PXY" if u == "decade" else "PXC"
        years = float(n or 0) * (10 if u == "decade" else 100)
        return f"P{int(years)}Y" if years.is_integer() else _duration(years, "year")
    if u == "fortnight":
        return f"P{k * 2}W" if amount != "X" else "PXW"
    if u == "weekend":
        return f"P{amount}WE"
    if u == "night":
        return f"P{amount}D"
    code = UNITS[u]
    if u in TIME_UNITS and (amount == "X" or "." not in amount):
        return f"PT{amount}{code}"
    if amount not in ("X",) and "." in amount:  # 2.5 years -> P2Y6M, 5.5 hours -> PT5H30M
        whole, frac = int(float(amount)), float(amount) % 1
        if u in TIME_UNITS:
            sub = {"hour": (60, "M"), "minute": (60, "S")}.get(u)
        else:
            sub = {"Y": (12, "M"), "M": (4, "W"), "D": (24, "H"), "W": (7, "D"), "Q": (3, "M")}.get(code)
        if sub:
            part = int(round(frac * sub[0]))
            if code == "D":
                return f"P{whole}DT{part}H" if whole else f"PT{part}H"
            head = f"{whole}{code}" if whole else ""
            return f"PT{head}{part}{sub[1]}" if u in TIME_UNITS else f"P{head}{part}{sub[1]}"
    return f"PT{amount}{code}" if u in TIME_UNITS else f"P{amount}{code}"


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(anchor: date, n: int, unit: str) -> Timex:
    """The anchor moved by n units, at the unit's granularity ("two years ago" -> YYYY)."""
    u = _unit(unit)
    if u in ("day", "night"):
        return Timex((anchor + timedelta(days=n)).isoformat(), "date", "day")
    if u in ("week", "weekend", "fortnight"):
        k = 2 if u == "fortnight" else 1
        return Timex(_week(anchor + timedelta(weeks=n * k)), "date", "week")
    if u == "month":
        return Timex(_add_months(anchor, n).strftime("%Y-%m"), "date", "month")
    if u == "quarter":
        d = _add_months(anchor, 3 * n)
        return Timex(f"{d.year}-Q{(d.month - 1) // 3 + 1}", "date", "quarter")
    if u == "year":
        return Timex(f"{anchor.year + n:04d}", "date", "year")
    if u == "decade":
        return Timex(f"{(anchor.year + 10 * n) // 10:03d}", "date", "decade")
    if u == "century":
        return Timex(f"{(anchor.year + 100 * n) // 100:02d}", "date", "century")
    if u in TIME_UNITS:
        return Timex(anchor.isoformat(), "date", "day")
    return Timex(None, "date", u)


# A full date a month or two ahead in a past-tense sentence is still this year's: the tense
# read off the parse is often the reporting verb's ("declared a dividend payable Dec. 1"). A
# bare month in a past-tense sentence is a past month ("production fell in June").
NEAR_AHEAD_MONTHS = 2


def _month_year(month: int, anchor: date, tense: str | None, near_ahead: int = 0) -> int:
    if tense == "past":
        return anchor.year if month <= anchor.month + near_ahead else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def _weekday_date(wd: int, anchor: date, tense: str | None, direction: str | None = None) -> date:
    aw = anchor.weekday()
    back = (aw - wd) % 7  # 0..6 days back to the most recent such weekday (0 = today)
    ahead = (wd - aw) % 7
    if direction in ("last", "past", "previous"):
        return anchor - timedelta(days=back or 7)
    if direction in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if back == 0:
        # wire style: "said on Wednesday", "will meet on Wednesday" in a story dated that
        # Wednesday is that day; an explicit "next Wednesday" is the week after
        return anchor
    if tense == "future":
        return anchor + timedelta(days=ahead)
    if tense == "past":
        return anchor - timedelta(days=back)
    if tense == "present":
        # "the talks resume Monday", "the deadline is Monday": the nearer one, either way
        return anchor + timedelta(days=ahead) if ahead < back else anchor - timedelta(days=back)
    # unknown tense: the nearer one, ties and near-ties to the past (news reports)
    return anchor + timedelta(days=ahead) if ahead < back - 2 else anchor - timedelta(days=back)


def _season_year(season: str, anchor: date, tense: str | None, direction: str | None) -> int:
    """The year a season's value takes. A winter takes the year of its December ("2013-WI" is
    December 2013 to February 2014, as :func:`period_start` reads it): "last winter" in a July
    2013 story is 2012-WI, "this winter" in a January 2014 story 2013-WI."""
    m = SEASON_MONTH[season]
    cur = _season_of(anchor)
    if season == "WI":
        latest = anchor.year if anchor.month == 12 else anchor.year - 1  # the latest winter begun
        if direction in ("last", "past", "previous"):
            return latest - 1 if cur == "WI" else latest
        if direction in ("next", "coming"):
            return latest + 1
        if direction in ("this",) or cur == "WI":
            return latest if cur == "WI" else latest + 1
        return _month_year(m, anchor, tense) - 1  # the year of its January, less one
    if direction in ("last", "past", "previous"):
        return anchor.year - 1 if cur == season or m > anchor.month else anchor.year
    if direction in ("next", "coming"):
        return anchor.year + 1 if cur == season or m < anchor.month else anchor.year
    if direction in ("this",) or cur == season:
        return anchor.year
    return _month_year(m, anchor, tense)


def _season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def _norm(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = _WS.sub(" ", _PAREN.sub(" ", t)).strip(' \t\n,;:!?"()[]')
    t = re.sub(r"(?:'s|s')$", lambda m: "s" if m.group(0) == "s'" else "", t).strip()
    t = re.sub(r"\.$", "", t) if not re.search(r"[ap]\.m\.$", t) else t
    return t


_PAREN = re.compile(r"\s*\([^()]*\)")  # "10:35 a.m. (0735 GMT) Friday": the aside goes
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")


def calendar_date(value: str | None) -> str | None:
    """The plain ISO date of a TIMEX value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, else None.

    A time keeps its day ("2019-04-24TMO" → "2019-04-24"); weeks, quarters, seasons, decades,
    references and durations have no plain ISO form and give None. For consumers (events) whose
    ``date`` field must be ISO.
    """
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


# --------------------------------------------------------------------------------------------
# arithmetic on values: what the event coder needs to date "18 years after X" and "N units ago"

#: words that point a duration back or forward in time -> "before" | "after"
DIRECTIONS = {
    "before": "before",
    "ago": "before",
    "earlier": "before",
    "prior": "before",
    "prior to": "before",
    "previously": "before",
    "back": "before",
    "after": "after",
    "later": "after",
    "from now": "after",
    "hence": "after",
    "following": "after",
}

_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<L>\d+)L)?(?:(?P<CE>\d+)CE)?(?:(?P<DE>\d+)DE)?(?:(?P<Q>\d+)Q)?"
    r"(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<WE>\d+)WE)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"
)


def duration_parts(duration: str | None) -> dict[str, float] | None:
    """The amounts of a TimeML duration by unit: ``"P18Y"`` → ``{"Y": 18}``, ``"P2Y6M"`` →
    ``{"Y": 2, "M": 6}``, ``"PT5H30M"`` → ``{"H": 5, "MIN": 30}``. Units: Y, M, W, D, H, MIN, S,
    and the resolver's own Q (quarter), WE (weekend), DE (decade), CE (century), L (millennium).
    None for a vague amount (``PXY``, "several years") or text that is no duration."""
    if not duration:
        return None
    m = _DURATION.match(duration.strip().upper())
    if not m or duration.strip().upper() in ("P", "PT"):
        return None
    parts = {k: float(v) for k, v in m.groupdict().items() if v is not None}
    return parts or None


def _period(value: str | None) -> tuple[date, str] | None:
    """(a date inside the period, its precision "year" | "month" | "day") of a calendar value."""
    plain = calendar_date(value)
    if plain is None:
        return None
    bits = [int(x) for x in plain.split("-")]
    try:
        if len(bits) == 1:
            return date(bits[0], 7, 2), "year"  # mid-period: a few days' shift stays in it
        if len(bits) == 2:
            return date(bits[0], bits[1], 15), "month"
        return date(bits[0], bits[1], bits[2]), "day"
    except ValueError:
        return None


_PRECISION = {"year": 0, "month": 1, "day": 2}


def shift(value: str | None, duration: str | None, direction: str | None) -> str | None:
    """The calendar ``value`` moved by the TimeML ``duration`` before or after it.

    ``direction`` is "before" or "after" (or a word of :data:`DIRECTIONS`: "ago", "earlier",
    "later"...). The answer is written as precisely as the coarser of the two allows: a year, or
    a count of years, gives a year; months give a month; weeks and days a day (hours and
    minutes move no day). Examples, in a story of 2019-04-24::

        shift("2019-04-24", "P18Y", "before")  -> "2001"        # 18 years after X: X in 2001
        shift("2017", "P2Y", "after")          -> "2019"        # two years after the 2017 crisis
        shift("2019-04-24", "P3D", "ago")      -> "2019-04-21"
        shift("2019-04-24", "P2M", "before")   -> "2019-02"
        shift("2019-04-24", "P10Y", "before")  -> "2009"        # a decade earlier

    None when the value has no calendar date (a week, ``PRESENT_REF``), the amount is vague
    (``PXY``) or the direction is unknown.
    """
    sign = {"before": -1, "after": 1}.get(DIRECTIONS.get((direction or "").strip().lower(), ""), 0)
    parts = duration_parts(duration)
    period = _period(value)
    if not sign or parts is None or period is None:
        return None
    day, precision = period
    years = parts.get("Y", 0) + 10 * parts.get("DE", 0) + 100 * parts.get("CE", 0) + 1000 * parts.get("L", 0)
    months = parts.get("M", 0) + 3 * parts.get("Q", 0) + 12 * (years % 1)
    days = 7 * (parts.get("W", 0) + parts.get("WE", 0)) + parts.get("D", 0) + 30 * (months % 1)
    days += (parts.get("H", 0) + parts.get("MIN", 0) / 60 + parts.get("S", 0) / 3600) // 24
    if days or parts.keys() & {"W", "WE", "D", "H", "MIN", "S"}:
        unit = "day"
    else:
        unit = "month" if months else "year"
    try:
        moved = _add_months(day, sign * (12 * int(years) + int(months))) + timedelta(days=sign * int(days))
    except (ValueError, OverflowError):
        return None
    out = min(precision, unit, key=_PRECISION.__getitem__)
    if out == "year":
        return f"{moved.year:04d}"
    if out == "month":
        return f"{moved.year:04d}-{moved.month:02d}"
    return moved.isoformat()


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART_VALUE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_PART_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 14),  # December to February of the next year
}


def _bounds(value: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    v = value.strip()
    try:
        m = _WEEK_VALUE.match(v)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return (
                (monday + timedelta(days=5), monday + timedelta(days=6))
                if m.group(3)
                else (monday, monday + timedelta(days=6))
            )
        m = _PART_VALUE.match(v)
        if m:
            y = int(m.group(1))
            a, b = _PART_MONTHS[m.group(2)]
            first = date(y, a, 1)
            last = _add_months(date(y, 1, 1), b) - timedelta(days=1)
            return first, last
        if re.fullmatch(r"\d{3}", v):  # a decade: 199 -> 1990..1999
            return date(int(v) * 10, 1, 1), date(int(v) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", v):  # a century: 19 -> 1900..1999
            return date(max(int(v) * 100, 1), 1, 1), date(int(v) * 100 + 99, 12, 31)
        plain = calendar_date(v)
        if plain is None:
            return None
        bits = [int(x) for x in plain.split("-")]
        if len(bits) == 1:
            return date(bits[0], 1, 1), date(bits[0], 12, 31)
        if len(bits) == 2:
            first = date(bits[0], bits[1], 1)
            return first, _add_months(first, 1) - timedelta(days=1)
        d = date(bits[0], bits[1], bits[2])
        return d, d
    except ValueError:
        return None


def period_start(value: str | None) -> date | None:
    """The first day a TimeML date value covers: ``"2019"`` → 2019-01-01, ``"2019-W17"`` → its
    Monday, ``"2019-Q3"`` → 2019-07-01, ``"199"`` (the 1990s) → 1990-01-01; None for values with
    no calendar extent (``PRESENT_REF``, durations, sets)."""
    b = _bounds(value)
    return b[0] if b else None


def period_end(value: str | None) -> date | None:
    """The last day a TimeML date value covers (``"2019-02"`` → 2019-02-28); see :func:`period_start`."""
    b = _bounds(value)
    return b[1] if b else None


# --------------------------------------------------------------------------------------------
# the resolver


def resolve(
    expression: str, anchor: date | str | None = None, tense: str | None = None, *, fallback: bool = True
) -> Timex | None:
    """Resolve one temporal expression against ``anchor`` (a date or ``"YYYY-MM-DD"``).

    ``tense`` is ``"past"``, ``"present"``, ``"future"`` or None. Returns None for text this
    resolver does not recognise as a temporal expression; a Timex with ``value=None`` when it is
    one but needs an anchor that is missing (or cannot be resolved at all, e.g. "the day").
    ``fallback=False`` leaves out the last resort (dateparser on text with a month or a year),
    so that only the resolver's own patterns answer: the analysis asks that way whether a span
    is one expression or two.
    """
    a = parse_anchor(anchor)
    key = (expression, a, tense, fallback)
    try:
        return _RESOLVED[key]
    except KeyError:
        pass
    clock = _CLOCK_READS[0]
    out = _resolve_with(expression, a, tense, fallback)
    if _CLOCK_READS[0] == clock:  # an answer read off today's date is not kept
        if len(_RESOLVED) >= _RESOLVED_MAX:
            _RESOLVED.clear()
        _RESOLVED[key] = out
    return out


#: ``resolve``'s answers by (expression, anchor date, tense, fallback): it is a pure function of
#: them (a ``Timex`` is frozen, so one answer may be shared) except where dateparser's last resort
#: answers without an anchor, reading today's date (``_CLOCK_READS``), and the analysis asks the
#: same expressions again (each span's reading, its parts', then each event's own time), the same
#: words in many articles with ``fallback=False``'s fixed anchor. Cleared when full.
_RESOLVED: dict[tuple[str, date | None, str | None, bool], Timex | None] = {}
_RESOLVED_MAX = 20_000
#: how many times ``_dateparser`` was asked without an anchor (it then reads today's date)
_CLOCK_READS = [0]


def _resolve_with(expression: str, a: date | None, tense: str | None, fallback: bool) -> Timex | None:
    token = _FALLBACK.set(fallback)
    try:
        return _resolve_expression(expression, a, tense)
    finally:
        _FALLBACK.reset(token)


_FALLBACK: ContextVar[bool] = ContextVar("dateline_timex_fallback", default=True)


def _resolve_expression(expression: str, anchor: date | str | None, tense: str | None) -> Timex | None:
    a = parse_anchor(anchor)
    t = _norm(expression)
    if not t:
        return None
    m = _HALF_OF.match(t)
    if m and not RE["ordinal_quarter"].match(t):
        # "the first half of the 20th century", "the second half of February": a part of a month,
        # decade or century is that period with its modifier (a year's half is its own value, H1)
        inner = _resolve_expression(m.group("rest"), a, tense)
        if inner is not None and inner.type == "date" and inner.granularity in _HALVED and inner.mod is None:
            return Timex(inner.value, "date", inner.granularity, "START" if m.group("o") == "first" else "END")
    mod = None
    for _ in range(4):  # peel prepositions, determiners, modifiers
        before = t
        m = _APPROX.match(t)
        if m and not re.match(r"^(?:some|the last|over|under)\s", t):
            mod = mod or _BOUND_MODS.get(m.group(0).strip(), "APPROX")
        for pat, name in _MODS:
            mm = pat.match(t)
            if mm and len(t) > mm.end():
                rest = t[mm.end() :]
                w0 = rest.split()[0] if rest.split() else ""
                if rest and (
                    rest[0].isdigit()
                    or rest[0] == "'"
                    or w0 in MONTHS
                    or w0 in SEASONS
                    or w0 in WEEKDAYS
                    or w0 in PARTS
                    or w0 in DEICTIC_DAYS
                    or w0
                    in (
                        "this",
                        "last",
                        "next",
                        "the",
                        "in",
                        "century",
                        "week",
                        "month",
                        "year",
                        "decade",
                        "yesterday",
                        "today",
                        "tomorrow",
                    )
                ):
                    t, mod = rest.strip(), name
                    break
        if t in REFS or t in DEICTIC_DAYS or RE["a_full_unit"].match(t):
            break  # "a full year" is an amount of time: "a full" is peeled only before a number
        t2 = _STRIP_LEAD.sub("", t, count=1)
        if t2 != t and t2:
            t = t2.strip()
        if t == before:
            break
    out = _resolve(t, a, tense)
    if out is None:
        return None
    if mod in ("START", "MID", "END") and out.type == "duration" and a is not None and (m := _NEAR_DECADE.match(t)):
        # "by the end of the next decade", "late last century": a part of a decade is a time in
        # it, not an amount of time ("the next decade" alone stays the ten years, P10Y)
        out = _shift(a, -1 if m.group("d") in ("last", "past", "previous", "prior") else 1, m.group("u"))
    if mod and out.mod is None:
        if mod in _BOUND_MODS.values() and out.type != "duration":
            mod = "APPROX"  # "less than six months ago": a bound on the amount, the date only near
        out = Timex(out.value, out.type, out.granularity, mod)
    return out


_HALF_OF = re.compile(r"^(?:the\s+)?(?P<o>first|second|latter|last)\s+half\s+of\s+(?P<rest>.+)$")
_HALVED = frozenset({"month", "decade", "century"})
_NEAR_DECADE = re.compile(r"^(?:the\s+)?(?P<d>last|past|previous|prior|next|coming)\s+(?P<u>decade|century)$")


# "the same month a year ago", "the corresponding period last year": with no other clue, the
# publication's month, quarter or year a year before (the story's own period: analyse.times)
SAME_BACK = re.compile(
    r"^(?:the\s+)?(?:(?:same|corresponding|comparable)\s+)?(?P<u>month|quarter|period)\s+(?:a\s+year\s+"
    r"(?:ago|earlier|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year)$"
)


def _resolve(t: str, a: date | None, tense: str | None) -> Timex | None:
    m = RE["years_part"].match(t)
    if m:
        t = f"the {m.group('p')} of {m.group('y')}"
    m = SAME_BACK.match(t)
    if m:
        u = m.group("u")
        if a is None:
            return Timex(None, "date", u)
        if u == "quarter":
            return Timex(f"{a.year - 1:04d}-Q{(a.month - 1) // 3 + 1}", "date", "quarter")
        if u == "month":
            return Timex(f"{a.year - 1:04d}-{a.month:02d}", "date", "month")
        return Timex(f"{a.year - 1:04d}", "date", "year")
    if t in REFS:
        return Timex(REFS[t], "date", "ref")
    if t in ("a while", "some time"):
        return Timex("PXX", "duration", "duration")  # "for a while", "for some time": a vague amount
    m = RE["part_of_unit"].match(t) or RE["a_full_unit"].match(t)
    if m:
        share = {"quarter": 0.25, "half": 0.5}.get(m.groupdict().get("part") or "", 1)
        return Timex(_duration(share, m.group("unit")), "duration", "duration")
    if t in SETS:
        return Timex(SETS[t], "set", "set")
    if t in DEICTIC_DAYS and (off := DEICTIC_DAYS[t]) is not None:
        if t in ("the day", "that day", "the same day"):
            return Timex(None, "date", "day")
        part = next((PARTS[w] for w in PARTS if t.endswith(w)), None)
        if t == "tonight" or t == "overnight":
            part = "NI"
        if a is None:
            return Timex(None, "time" if part else "date", "time" if part else "day")
        d = (a + timedelta(days=off)).isoformat()
        return Timex(f"{d}T{part}", "time", "time") if part else Timex(d, "date", "day")

    m = RE["part_deictic"].match(t)
    if m:  # "afternoon yesterday", "mid-afternoon yesterday" (the "mid" peeled): as "yesterday afternoon"
        part = PARTS[m.group("part")]
        if a is None:
            return Timex(None, "time", "time")
        off = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("day")]
        return Timex(f"{(a + timedelta(days=off)).isoformat()}T{part}", "time", "time")
    m = NARRATED_PART.match(t)
    if m:  # "the next night", "the morning before": a part of the day after (before) the story's day,
        # else the publication's (analyse.times counts from the story's day)
        if a is None:
            return Timex(None, "time", "time")
        nd = a + timedelta(days=1 if m.group("rel") in ("next", "following") else -1)
        return Timex(f"{nd.isoformat()}T{PARTS[m.group('part') or m.group('part2')]}", "time", "time")
    m = RE["that_unit"].match(t)
    if m:  # "later that year", "that same day", "that evening": the story's time, not the publication's
        unit = m.group(1)
        return Timex(None, "time", "time") if unit in PARTS else Timex(None, "date", unit)
    if t in ("year-end", "year end", "year's end", "the year-end", "the year's end"):
        return Timex(f"{a.year:04d}" if a else None, "date", "year", "END")
    sy = _spoken_year(t)
    if sy is not None:
        return sy
    m = re.match(
        r"^(?:the\s+)?(?:(nineteen|eighteen)\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|"
        r"nineties)$",
        t,
    )
    if m:
        dec = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(
            m.group(2)
        ) + 2
        cent = {"nineteen": 19, "eighteen": 18}.get(m.group(1) or "", 19)
        return Timex(f"{cent}{dec}", "date", "decade")
    m = RE["range_years"].match(t)
    if m:  # "2009-2010": the first year (an extractor splits such spans)
        return Timex(m.group("a"), "date", "year")

    # absolute calendar dates ----------------------------------------------------------------
    for key in ("month_day_year", "day_month_year"):
        m = RE[key].match(t)
        if m:
            return _ymd(int(m.group("y")), MONTHS[m.group("m")], int(m.group("d")))
    m = RE["iso"].match(t)
    if m:
        return _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    m = RE["us_numeric"].match(t)
    if m:
        y = int(m.group("y"))
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        mo, dd = int(m.group("m")), int(m.group("d"))
        if mo > 12 >= dd:  # 24/04/2019: day first
            mo, dd = dd, mo
        return _ymd(y, mo, dd)
    m = RE["month_year"].match(t)
    if m:
        ys = m.group("y")
        y = int(ys) if not ys.startswith("'") else _century_of(int(ys[1:]), a)
        return Timex(f"{y:04d}-{MONTHS[m.group('m')]:02d}", "date", "month")
    for unit in ("year", "decade"):  # "2019", "fiscal 2019"; "1990s": the value as written
        m = RE[unit].match(t)
        if m:
            return Timex(m.group("y"), "date", unit)
    m = RE["short_year"].match(t)
    if m:
        return Timex(f"{_century_of(int(m.group('y')), a):04d}", "date", "year")
    m = RE["short_decade"].match(t)
    if m:
        dd = int(m.group("d"))
        cent = 19 if a is None or dd * 10 > a.year % 100 else a.year // 100
        return Timex(f"{cent}{dd}", "date", "decade")
    m = RE["century"].match(t) or RE["century_w"].match(t)
    if m:
        c = m.group("c")
        c = int(c) if c.isdigit() else CENTURY_W[c]
        return Timex(f"{c - 1:02d}", "date", "century")
    if t in ("this century", "the century", "the current century"):
        return Timex(f"{a.year // 100:02d}" if a else None, "date", "century")
    m = RE["year_season"].match(t)
    if m:
        return Timex(f"{m.group('y')}-{SEASONS[m.group('s')]}", "date", "season")

    m = RE["year_period"].match(t)
    if m:  # "the 1988 quarter", "the 1988 period" (results stories): that year's, quarter unsaid
        return Timex(f"{m.group('y')}-QX" if m.group("u") == "quarter" else m.group("y"), "date", m.group("u"))
    if t in ("year-ago", "year-earlier", "year-ago period", "year-earlier period", "comparable year-ago period"):
        return Timex(f"{a.year - 1:04d}" if a else None, "date", "year")

    # durations and shifts ---------------------------------------------------------------------
    m = RE["ago"].match(t)
    if m:
        n = _number(m.group("n"))
        d = m.group("dir")
        if n is not None:
            if d in ("on", "since"):
                return None
            if n < 0:
                return Timex(
                    "PAST_REF" if d in ("ago", "earlier", "before", "previously", "back") else "FUTURE_REF",
                    "date",
                    "ref",
                )
            sign = -1 if d in ("ago", "earlier", "before", "previously", "back") else 1
            if a is None or d in ("later", "after"):
                # "three weeks later" counts from an event the text narrates, not from the
                # publication date ("a year earlier" in results stories does: kept)
                return Timex(None, "date", _unit(m.group("unit")))
            if _unit(m.group("unit")) in TIME_UNITS:
                return Timex(a.isoformat(), "date", "day")
            if d == "ago" and _unit(m.group("unit")) == "week" and n in (1, 2):
                # "a week ago", "two weeks ago": that day, 7 or 14 days back (TimeBank, MEANTIME);
                # a longer count is the week it falls in ("six weeks ago": 1998-W02)
                return Timex((a - timedelta(days=7 * int(n))).isoformat(), "date", "day")
            return _shift(a, sign * int(round(n)), m.group("unit"))
    m = RE["unit_ago"].match(t)
    if m:
        sign = -1 if m.group("dir") in ("ago", "earlier", "before") else 1
        if a is None or sign > 0:
            return Timex(None, "date", _unit(m.group("unit")))
        return _shift(a, sign, m.group("unit"))
    t = _HYPHEN_HALF.sub(r"\1 and a half", t)  # "two-and-a-half years"
    m = RE["and_half"].match(t) or RE["half_a"].match(t)
    if m:  # "a minute and a half" PT1M30S, "half an hour" PT30M, "half a century" P50Y
        n = _number(m.group("n")) if m.groupdict().get("n") else 0
        if n is not None and n >= 0:
            return Timex(_duration(n + 0.5, m.group("unit")), "duration", "duration")
    m = RE["and_more"].match(t)
    if m:  # "two hours and 15 minutes" PT2H15M, "three years and six months" P3Y6M
        joined = _joined(_resolve(m.group("a"), a, tense), _resolve(m.group("b"), a, tense))
        if joined:
            return Timex(joined, "duration", "duration")
    m = RE["unit_long"].match(t)
    if m:  # "a day-long meeting" P1D, "a decades-long dispute" PXY
        return Timex(_duration(None if m.group("pl") else 1, m.group("unit")), "duration", "duration")
    m = RE["seasons_n"].match(t)
    if m:  # "for the past three summers": each of them, a set (TimeBank: XXXX-SU)
        return Timex(f"XXXX-{SEASONS[m.group('s')]}", "set", "set")
    m = RE["every_n"].match(t)
    if m:  # "every two years" P2Y, "every few weeks" PXW (TimeML sets)
        n = _number(m.group("n"))
        if n is not None:
            return Timex(_duration(None if n < 0 else n, m.group("unit")), "set", "set")
    m = RE["times_per"].match(t)
    if m:  # "twice a week", "three times a year", "once every month": the period, P1W (freq aside)
        u = m.group("unit") or m.group("adv")
        return Timex(SETS[u] if u in SETS else _duration(1, u), "set", "set")
    m = RE["habit"].match(t)
    if m:
        wd = m.group("wd1") or m.group("wd")
        part = m.group("part1") or m.group("part") or m.group("part2")
        return Timex(f"XXXX-WXX-{WEEKDAYS[wd] + 1}" + (f"T{PARTS[part]}" if part else ""), "set", "set")
    m = RE["set_every"].match(t)
    if m and t.split()[0] in ("every", "each", "per"):
        u = m.group("unit")
        if u in PARTS:
            return Timex(f"XXXX-XX-XXT{PARTS[u]}", "set", "set")
        if u in WEEKDAYS:
            return Timex(f"XXXX-WXX-{WEEKDAYS[u] + 1}", "set", "set")
        if u == "weekend":  # as "every Monday" is XXXX-WXX-1
            return Timex("XXXX-WXX-WE", "set", "set")
        if u in SEASONS:
            return Timex(f"XXXX-{SEASONS[u]}", "set", "set")
        if u in MONTHS:
            return Timex(f"XXXX-{MONTHS[u]:02d}", "set", "set")
        if u == "season":
            return Timex("XXXX-XX", "set", "set")
        return Timex(_duration(2 if " other " in t else 1, u), "set", "set")
    m = RE["dur"].match(t)
    if m and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", m.group("n")) and re.search(r"\b(?:fiscal|calendar) year$", t):
        return Timex(m.group("n"), "date", "year")  # "the 2015 fiscal year": that year, no 2015 years
    if m:
        n = _number(m.group("n"))
        unit = m.group("unit")
        if n is not None and not (
            n == 1
            and m.group("dir") in ("last", "past", "next", "this", "coming", "previous", "following")
            and m.group("n") in ("a", "an", "one")
            and False
        ):
            return Timex(_duration(n, unit), "duration", "duration")
    m = RE["bare_plural"].match(t)
    if m:
        if m.group("unit") == "weekends" and not m.group("dir"):
            return Timex("XXXX-WXX-WE", "set", "set")  # "works weekends", "on weekends": each one
        return Timex(_duration(None, m.group("unit")), "duration", "duration")

    # relative units: this week, last year, the previous month, next quarter ----------------------
    m = RE["ordinal_quarter"].match(t)
    if m:
        return _quarter(m, a, tense)
    m = RE["rel_unit"].match(t)
    if m:
        return _rel_unit(m.group("dir") or "", m.group("unit"), a, tense)
    m = RE["unit_rel"].match(t)
    if m:
        sign = 1 if m.group("dir") in ("after", "later") else -1
        if a is None or sign > 0:  # "a day later": from a narrated event, not the anchor
            return Timex(None, "date", m.group("unit"))
        return _shift(a, sign, m.group("unit"))
    m = re.match(r"^(?:the\s+)?(previous|prior|following|next|preceding|same|succeeding)\s+(day|week|month|year)$", t)
    if m:
        if m.group(1) == "same":
            return _shift(a, 0, m.group(2)) if a else Timex(None, "date", m.group(2))
        sign = 1 if m.group(1) in ("following", "next", "succeeding") else -1
        return _shift(a, sign, m.group(2)) if a else Timex(None, "date", m.group(2))

    # seasons ------------------------------------------------------------------------------------
    m = RE["season"].match(t)
    if m:
        s = SEASONS[m.group("s")]
        yw = m.group("y")
        if yw and yw.isdigit():
            return Timex(f"{yw}-{s}", "date", "season")
        if a is None:
            return Timex(None, "date", "season")
        if yw:
            return Timex(f"{a.year + _year_offset(yw)}-{s}", "date", "season")
        d = m.group("dir")
        return Timex(f"{_season_year(s, a, tense, d)}-{s}", "date", "season")

    # holidays ---------------------------------------------------------------------------------------
    m = _HOLIDAY.match(t)
    if m:
        return _holiday(m, a, tense)
    m = _HOLIDAY.match(t.removesuffix(" week")) if t.endswith(" week") else None
    if m:  # "Easter week", "Thanksgiving week": the ISO week of the holiday
        day_tx = _holiday(m, a, None)  # the nearer one: "as Easter week began" is this year's
        return Timex(_week(date.fromisoformat(day_tx.value)) if day_tx.value else None, "date", "week")

    # months and days without a year --------------------------------------------------------------
    m = re.match(r"^(last|next|this past|this coming)\s+(.+)$", t)
    if m and (RE["month_day"].match(m.group(2)) or RE["day_month"].match(m.group(2))) and not re.search(r"\byear$", t):
        md = RE["month_day"].match(m.group(2)) or RE["day_month"].match(m.group(2))
        assert md is not None  # the condition above matched one of them
        if a is None:
            return Timex(None, "date", "day")
        mo, dd = MONTHS[md.group("m")], int(md.group("d"))
        back = m.group(1) in ("last", "this past")
        for y in (a.year, a.year - 1) if back else (a.year, a.year + 1):
            out = _ymd(y, mo, dd)
            if out is not None and out.value and ((out.value < a.isoformat()) if back else (out.value > a.isoformat())):
                return out  # "last Oct. 23": the latest Oct. 23 before the story
        return None
    for key in ("month_day", "day_month"):
        m = RE[key].match(t)
        if m:
            mo, dd = MONTHS[m.group("m")], int(m.group("d"))
            if a is None:
                return Timex(None, "date", "day")
            rel = m.groupdict().get("rel")
            if rel:
                return _ymd(a.year + _year_offset(rel), mo, dd)
            y = _month_year(mo, a, tense, NEAR_AHEAD_MONTHS)
            if tense is None and mo == a.month:
                y = a.year
            return _ymd(y, mo, dd)
    m = RE["month"].match(t)
    if m:
        mo = MONTHS[m.group("m")]
        if a is None:
            return Timex(None, "date", "month")
        d, rel = m.group("dir"), m.group("rel")
        if rel:
            y = a.year + _year_offset(rel)
        elif d in ("last", "past", "previous"):
            # "last February" said on March 1 is February a year ago; "last June" in December
            # the June just gone
            y = a.year if mo < a.month - 1 else a.year - 1
        elif d in ("next", "coming"):
            y = a.year if mo > a.month else a.year + 1
        elif d == "this":
            y = a.year
        else:
            y = _month_year(mo, a, tense)
        return Timex(f"{y:04d}-{mo:02d}", "date", "month")

    # weekdays, with a part of the day --------------------------------------------------------------
    m = RE["weekday"].match(t) or RE["part_weekday"].match(t)
    if m:
        wd = WEEKDAYS[m.group("wd")]
        part = m.group("part")
        direction = m.groupdict().get("dir")
        if a is None:
            return Timex(None, "time" if part else "date", "time" if part else "day")
        d = _weekday_date(wd, a, tense, direction).isoformat()
        if part:
            return Timex(f"{d}T{PARTS[part]}", "time", "time")
        return Timex(d, "date", "day")
    m = RE["week_of"].match(t)
    if m:  # "the week of March 6", "the last week of March": the ISO week
        inner = _resolve(m.group("rest"), a, tense)
        v = inner.value if inner is not None and inner.type == "date" else None
        wk: date | None = None
        if v and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) and not m.group("ord"):
            wk = date.fromisoformat(v)
        elif v and re.fullmatch(r"\d{4}-\d{2}", v) and m.group("ord"):
            first = date(int(v[:4]), int(v[5:7]), 1)
            if m.group("ord") in ("last", "final"):
                wk = _add_months(first, 1) - timedelta(days=4)  # the week holding the month's last Thursday
            else:
                wk = first + timedelta(days=3 + 7 * (ORDINALS[m.group("ord")] - 1))
        if wk is not None:
            return Timex(_week(wk), "date", "week")
        if inner is not None and v is None:
            return Timex(None, "date", "week")
    m = RE["part_of"].match(t)
    if m:  # "the morning of March 3", "the early hours of Tuesday"
        inner = _resolve(_STRIP_LEAD.sub("", m.group("rest")), a, tense)
        if inner is None:
            return None
        # TimeML (TimeBank, AQUAINT) marks the day alone: "on the night of <Oct. 23>" is that day,
        # a date; a part the inner words name stays ("the early hours of the morning": TMO)
        if inner.value and re.match(r"^\d{4}-\d{2}-\d{2}$", inner.value):
            return Timex(inner.value, "date", "day", None if m.group("part") in PARTS else "START")
        if m.group("part") not in PARTS:
            return Timex(inner.value, inner.type, inner.granularity, "START")
        return inner
    m = RE["weekday_date"].match(t)
    if m:  # "Friday, March 22" -> the date part decides
        inner = _resolve(m.group("rest"), a, tense)
        if (
            inner is not None
            and inner.type == "time"
            and inner.value
            and not re.search(r"\d{1,2}(?:st|nd|rd|th)?\b.*\d|[a-z]+ \d", m.group("rest"))
        ):
            # "Tuesday at midnight", "Friday at 3 p.m.": the weekday's date, the clock's time
            wday = _weekday_date(WEEKDAYS[m.group("wd")], a, tense).isoformat() if a else None
            return Timex(f"{wday}{inner.value[10:]}" if wday else None, "time", "time")
        if inner is not None:
            return inner

    # clock times ----------------------------------------------------------------------------
    m = RE["noon"].match(t) or RE["noon_after"].match(t)
    if m:  # "noon", "noon Saturday", "midnight Friday", "Tuesday at midnight"
        hh = "24:00" if m.group("n") == "midnight" else "12:00"
        day: date | None = a
        if a is not None and hh == "24:00" and tense == "past" and not m.group("rest"):
            day = a - timedelta(days=1)  # "shortly before midnight, he surrendered": the night gone by
        if m.group("rest"):
            inner = _resolve(_STRIP_LEAD.sub("", m.group("rest")), a, tense)
            if inner is None or inner.type in ("duration", "set") or inner.granularity == "ref":
                return None
            v = inner.value or ""
            day = date.fromisoformat(v[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", v) else None
        return Timex(f"{day.isoformat()}T{hh}" if day else None, "time", "time")
    m = re.match(r"^(?P<p>morning|afternoon|evening|night)$", t)
    if m:
        return Timex(f"{a.isoformat()}T{PARTS[m.group('p')]}" if a else None, "time", "time")
    m = re.match(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$", t)
    if m:  # "finishing in 3:07:35": a race or flight time, not a clock reading
        h, mi, sec = (int(g) for g in m.groups())
        return Timex(
            "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else ""),
            "duration",
            "duration",
        )
    m = re.match(r"^([01]\d|2[0-4])([0-5]\d)\s+(gmt|utc|z)$", t)
    if m:  # "0800 UTC"
        t = f"{m.group(1)}:{m.group(2)} {m.group(3)}"
    m = re.match(r"^([01]?\d|2[0-4])[:.]?([0-5]\d)\s*z$", t)
    if m:  # "14:00Z", "1400Z": a military (Zulu) time, UTC
        t = f"{m.group(1)}:{m.group(2)} utc"
    m = RE["clock_part"].match(t)
    if m:  # "4 in the morning" is 4 a.m., "8 in the evening" 8 p.m., "11 at night" 11 p.m.
        h, part = int(m.group("h")), m.group("part") or "night"
        pm = part in ("afternoon", "evening") or (part == "night" and 6 <= h < 12)
        rest = f" {m.group('rest')}" if m.group("rest") else ""
        t = f"{h}{':' + m.group('mi') if m.group('mi') else ''} {'pm' if pm else 'am'}{rest}"
    m = RE["clock"].match(t)
    if m and (m.group("ampm") or m.group("mi")):
        return _clock(m, a, tense)

    # anything else with a month name or a year: dateparser, wrapped
    if re.search(rf"\b(?:{_month_words})\b|\b1[0-9]{{3}}\b|\b20[0-9]{{2}}\b", t):
        return _dateparser(t, a, tense) if _FALLBACK.get() else None
    return None


_SPOKEN = re.compile(
    r"^(?:(?:the\s+)?year\s+)?(?P<lead>(?P<month>[a-z]+)\s+)?(?P<c>nineteen|eighteen|two thousand(?:\s+and)?|"
    r"twenty)(?:\s+(?P<rest>[a-z -]+))?$"
)


def _spoken_year(t: str) -> Timex | None:
    """Years as read aloud in broadcast transcripts: "nineteen ninety-six", "two thousand"."""
    m = _SPOKEN.match(t)
    if not m or (m.group("month") and m.group("month") not in MONTHS):
        return None
    c, rest = m.group("c"), (m.group("rest") or "").strip()
    if c.startswith("two thousand"):
        n = _number(rest) if rest else 0
        base = 2000
    else:
        if not rest:
            return None
        n = _number(rest.replace("-", " ")) if rest not in ("hundred",) else 0
        base = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[c]
    if n is None or n < 0 or n >= 100:
        return None
    y = base + int(n)
    if m.group("month"):
        return Timex(f"{y:04d}-{MONTHS[m.group('month')]:02d}", "date", "month")
    return Timex(f"{y:04d}", "date", "year")


#: the holidays the resolver dates, lower case ("thanksgiving day", "easter", "new year's eve")
HOLIDAY_NAMES = tuple(sorted(holidays(), key=len, reverse=True))
_HOLIDAY = re.compile(
    r"^(?:(?P<dir>last|next|this|this coming|this past|the)\s+)?(?P<h>"
    + "|".join(re.escape(h) for h in HOLIDAY_NAMES)
    + r")(?:\s+(?P<y>\d{4}))?$"
)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th (n >= 1) or last (n = -1) weekday ``wd`` of a month."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, calendar.monthrange(y, month)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _holiday_in(name: str, y: int) -> date:
    """The date of a holiday in year ``y``, by its rule in ``data/calendar.json``."""
    rule = holidays()[name]
    if "easter" in rule:
        return _easter(y) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(y, rule["month"], rule["day"])
    day = _nth_weekday(y, rule["month"], WEEKDAYS[rule["weekday"]], rule["nth"])
    return day + timedelta(days=rule.get("days_after", 0))


def _listed_day(dates: dict[str, str], y: str | None, a: date | None, tense: str | None, d: str) -> Timex:
    """A named day that falls on no rule ("Super Tuesday"): the day listed for its year, none in a
    year the list lacks; without a year, the listed one the tense points to (else the nearest)."""
    days = sorted(date.fromisoformat(f"{k}-{v}") for k, v in dates.items())
    if y:
        hit = [x for x in days if x.year == int(y)]
        return Timex(hit[0].isoformat() if hit else None, "date", "day")
    if a is None:
        return Timex(None, "date", "day")
    before, after = [x for x in days if x <= a], [x for x in days if x > a]
    if d in ("last", "this past") or tense == "past":
        pick = before[-1] if before else None
    elif d in ("next", "this coming") or tense == "future":
        pick = after[0] if after else None  # none listed yet: no value
    else:
        near = before[-1:] + after[:1]
        pick = min(near, key=lambda x: abs((x - a).days)) if near else None
    return Timex(pick.isoformat() if pick else None, "date", "day")


def _holiday(m: re.Match[str], a: date | None, tense: str | None) -> Timex:
    name, y = m.group("h"), m.group("y")
    rule = holidays()[name]
    if "dates" in rule:
        return _listed_day(rule["dates"], y, a, tense, (m.group("dir") or "").replace("the", "").strip())
    if y:
        return Timex(_holiday_in(name, int(y)).isoformat(), "date", "day")
    if a is None:
        return Timex(None, "date", "day")
    this = _holiday_in(name, a.year)
    d = (m.group("dir") or "").replace("the", "").strip()
    if d in ("last", "this past"):
        return Timex((this if this < a else _holiday_in(name, a.year - 1)).isoformat(), "date", "day")
    if d in ("next", "this coming"):
        return Timex((this if this > a else _holiday_in(name, a.year + 1)).isoformat(), "date", "day")
    if tense == "past" and this > a:
        this = _holiday_in(name, a.year - 1)
    elif tense == "future" and this < a:
        this = _holiday_in(name, a.year + 1)
    elif tense is None and abs((this - a).days) > 183:
        this = _holiday_in(name, a.year + (1 if this < a else -1))
    return Timex(this.isoformat(), "date", "day")


def _year_offset(rel: str) -> int:
    """The years from the story's that a month's or a day's year words name: "last year", "of the
    previous year" -1, "next year", "the following year" +1, "this year" 0."""
    return -1 if ("last" in rel or "previous" in rel) else 1 if ("next" in rel or "following" in rel) else 0


def _century_of(yy: int, a: date | None) -> int:
    if a is None:
        return 1900 + yy if yy >= 30 else 2000 + yy
    cand = (a.year // 100) * 100 + yy
    return cand - 100 if cand > a.year + 10 else cand


def _ymd(y: int, m: int, d: int) -> Timex | None:
    try:
        return Timex(date(y, m, d).isoformat(), "date", "day")
    except ValueError:
        return None


def _quarter(m: re.Match[str], a: date | None, tense: str | None) -> Timex:
    unit = m.group("unit")
    ordn = ORDINALS.get(m.group("ord"), 4)
    if unit == "half":
        ordn = min(ordn, 2)
    y = m.group("year") or m.group("year2")
    if y == "the year":
        y = None  # "the first half of the year": the story's year, as "the first half"
    code = "H" if unit == "half" else "Q"
    if y:
        y = y.strip()
        if y.isdigit():
            return Timex(f"{y}-{code}{ordn}", "date", "half" if code == "H" else "quarter")
        if a is None:
            return Timex(None, "date", "quarter")
        yy = a.year + _year_offset(y)
        return Timex(f"{yy}-{code}{ordn}", "date", "half" if code == "H" else "quarter")
    if a is None:
        return Timex(None, "date", "quarter")
    cur = (a.month - 1) // (6 if code == "H" else 3) + 1
    yy = a.year
    dirs = m.group("dir") or ""
    if "year-ago" in dirs or "year-earlier" in dirs or "last" in dirs:
        yy -= 1
    elif "next" in dirs:
        yy += 1
    elif ordn > cur and tense != "future":
        yy -= 1
    return Timex(f"{yy}-{code}{ordn}", "date", "half" if code == "H" else "quarter")


def _rel_unit(d: str, unit: str, a: date | None, tense: str | None) -> Timex | None:
    unit = {"fiscal year": "year", "calendar year": "year", "week-end": "weekend"}.get(unit, unit)
    if unit == "season":
        return Timex(None, "date", "season") if d else None
    if unit == "day" and d in ("", "the", "that", "same", "next", "following", "previous", "prior", "last", "latest"):
        # "the next day": a day of the narrative; "her last day is April 1", "on the last day of the
        # session": a final day, not yesterday
        return Timex(None, "date", "day")
    if d in ("following", "succeeding") or (d == "same" and unit in ("week", "month", "year")):
        return Timex(None, "date", unit)  # "the following year", "the same year": the narrative's
    if a is None:
        return Timex(None, "date", unit)
    d = d.replace(" fiscal", "").replace("fiscal", "").strip()
    d = {"full": "the", "entire": "the", "whole": "the"}.get(d.removeprefix("the ").strip(), d)
    if d in ("this", "current", "same", "present", "the", "that", ""):
        n = 0
    elif d in ("last", "past", "previous", "prior", "latest", "recent", "year-ago", "year-earlier"):
        n = -1
        if d in ("latest", "recent") and unit == "quarter":
            n = 0 if tense == "future" else -1
    elif d in ("next", "coming", "following", "upcoming"):
        n = 1
    else:
        n = 0
    if unit == "weekend":
        base = a + timedelta(weeks=n)
        if n == 0 and tense == "past" and a.weekday() < 5:
            base = a - timedelta(weeks=1)
        return Timex(_week(base) + "-WE", "date", "weekend")
    if unit == "half":
        return Timex(f"{a.year}-H{(a.month - 1) // 6 + 1 + 0}" if n == 0 else None, "date", "half")
    if unit == "quarter":
        # news about results: "the quarter", "the latest quarter", "the year-ago quarter" is the
        # last completed one unless the sentence looks ahead; "the current quarter" is this one
        if d in ("the", "this", "that", "latest", "recent", "same", "") and tense != "future":
            n = -1
        elif d in ("year-ago", "year-earlier"):
            n = -5
        elif d in ("last", "past", "previous", "prior"):
            n = -1
    if unit in ("decade", "century") and d in ("last", "past", "previous", "next", "coming", "following", "prior"):
        return Timex(_duration(1, unit), "duration", "duration")
    return _shift(a, n, unit)


def _clock(m: re.Match[str], a: date | None, tense: str | None) -> Timex | None:
    h = int(m.group("h"))
    mi = m.group("mi")
    ampm = (m.group("ampm") or "").replace(".", "")
    if h > 24 or (mi and int(mi) > 59):
        return None
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    day = a
    rest = m.group("rest")
    tz = m.group("tz")
    if rest:
        zone = _TZ.match(rest)
        tz = tz or (zone.group(1) if zone else None)
        rest = _TZ.sub("", rest).strip()
    if rest:
        inner = _resolve(_STRIP_LEAD.sub("", rest), a, tense)
        if inner is None or inner.type in ("duration", "set") or inner.granularity == "ref":
            return None  # "3 p.m. on Tuesday, two years": two expressions, not one
        if inner.value is None or not re.match(r"^\d{4}-\d{2}-\d{2}", inner.value):
            day = None  # a clock time on a day the text does not name ("the next day")
        else:
            day = date.fromisoformat(inner.value)
    hh = f"T{h:02d}:{mi or '00'}" + ("Z" if tz in _ZULU else "")
    return Timex(f"{day.isoformat()}{hh}" if day else None, "time", "time")


_HYPHEN_HALF = re.compile(r"\b(\w+)-and-a-half\b")
_DUR_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")


def _joined(x: Timex | None, y: Timex | None) -> str | None:
    """One TimeML duration of two ("two hours" and "15 minutes"), the larger unit first."""
    px = duration_parts(x.value) if x is not None and x.type == "duration" else None
    py = duration_parts(y.value) if y is not None and y.type == "duration" else None
    if not px or not py or set(px) & set(py) or any(k not in _DUR_ORDER for k in (*px, *py)):
        return None
    if max(_DUR_ORDER.index(k) for k in px) > min(_DUR_ORDER.index(k) for k in py):
        return None  # "15 minutes and two hours": not one amount
    parts = {**px, **py}

    def amt(k: str) -> str:
        return f"{parts[k]:g}"

    date_part = "".join(f"{amt(k)}{k}" for k in ("Y", "M", "W", "D") if k in parts)
    time_part = "".join(f"{amt(k)}{'M' if k == 'MIN' else k}" for k in ("H", "MIN", "S") if k in parts)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


NARRATED_PART = re.compile(
    r"^(?:the\s+)?(?:(?P<rel>next|following|previous|preceding|prior)\s+(?P<part>morning|afternoon|evening|night)|"
    r"(?P<part2>morning|afternoon|evening|night)\s+before)$",
    re.IGNORECASE,
)
# a clock reading given in universal time ("08:30 UTC", "14:00Z"): TimeML writes "T08:30Z".
# GMT is not: it is the UK's civil time in winter, and the annotators (ECB+, TempEval-3) leave
# "1200 GMT" a local reading
_ZULU = {"utc", "z"}
_TZ = re.compile(r"^(gmt|utc|z|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|et|pt|local time|local)\b\s*,?\s*")


def _dateparser(t: str, a: date | None, tense: str | None) -> Timex | None:
    """Last resort for absolute dates written in ways the patterns miss; its failures are ours."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": [],
    }
    if a is not None:
        settings["RELATIVE_BASE"] = datetime(a.year, a.month, a.day)
    else:
        _CLOCK_READS[0] += 1  # (resolve keeps no answer read off today's date)
    try:
        dt = dateparser.parse(t, languages=["en"], settings=settings)
    except Exception:
        return None
    if dt is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", t)))
    has_month = bool(re.search(rf"\b(?:{_month_words})\b", t))
    if has_month and has_day:
        return Timex(dt.date().isoformat(), "date", "day")
    if has_month:
        return Timex(dt.strftime("%Y-%m"), "date", "month")
    if year := re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", t):
        return Timex(year.group(1), "date", "year")
    return None
