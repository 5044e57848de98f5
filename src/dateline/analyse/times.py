"""Times: temporal expressions of every TIMEX3 type, found in the parsed text and resolved.

Candidates come from two sources. The NER model's DATE and TIME entities are one; a rule pass
over the text is the other, for what the model misses: weekdays, "now" and "currently", a number
with a time unit ("18 years", "three-day"), sets ("every Monday", "daily"), a bare season
("spring shows signs of hope"), a year inside an event's name ("the 1967 war"). Spans are then
cut where the model merged two expressions ("3 p.m. on Tuesday, two years" -> "3 p.m. on
Tuesday" + "two years"; "the quarter ended Sept. 30"; "April 24 and 25") and trimmed to the
TIMEX3 extent (no leading preposition, no trailing "later"). Each is resolved by
:func:`dateline.timex.resolve` with the article's ``published.date`` as anchor and the tense of
the governing verb read off the parse: "will meet on Thursday" (MD "will") and "to meet on
Thursday" (infinitive) are future, "said on Wednesday" (VBD) is past.

``find_times`` fills ``Article.times`` with every expression the resolver understands, one
record each: ``type`` (date | time | duration | set), ``timex`` (the TimeML value: ``2019-04-24``,
``2019-W17``, ``2019-04-24T15:00``, ``P3D``, ``XXXX-WXX-1``, ``PRESENT_REF``...), ``value``
(the plain calendar date ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` when there is one, else null: a
duration, a set, a week or a reference has none), ``granularity`` and ``mod`` ("early December"
-> ``START``). A duration the text ties to something ("two years after the 2017 crisis", "18
years after Washington invaded", "three days later") also carries ``direction`` ("after" |
"before") and, when the words name it, ``anchor``: the span it counts from and the calendar
value found there. :func:`dateline.timex.shift` does the arithmetic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..article import Article, Time, TimeAnchor
from ..gazetteer import get_gazetteer
from ..nlp import sent_at, token_strings
from ..timex import (
    HOLIDAY_NAMES,
    MONTHS,
    NARRATED_PART,
    NUMBERS,
    PARTS,
    SAME_BACK,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Timex,
    calendar_date,
    month_pattern,
    parse_anchor,
    resolve,
    shift,
)
from ..vocabulary import historic_days, holidays, papers_on_weekday
from .quickrx import quick

__all__ = ["find_times", "find_timexes", "tense_of", "TimexSpan"]


@dataclass
class TimexSpan:
    start: int
    end: int
    text: str
    timex: Timex | None
    tense: str | None
    direction: str | None = None  # "before" | "after": a duration's signal word
    anchor: tuple[int, int] | None = None  # the words a duration counts from (character offsets)


_AGE = re.compile(
    r"\b\d+[\s-]+(?:year|month|week|day)s?[\s-]+old\b|\b[a-z]+-(?:year|month|week|day)s?-old\b|\bages?d?\b|"
    r"\byears? of age\b|\b(?:year|month|week|day)s?[\s-]+old\b",
    re.IGNORECASE,
)
# "a man in his 30s", "in their early twenties": an age, not the 1930s
_DECADE_OF_AGE = (
    r"(?:(?:early|mid|late)[\s-]+)?(?:[1-9]0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
)
_AGE_DECADE = re.compile(
    # "in their 30s, 40s and 50s": each decade of the list
    rf"\b(?:his|her|their|my|your|our)\s+{_DECADE_OF_AGE}(?:(?:,\s*|,?\s+(?:and|or)\s+){_DECADE_OF_AGE})*$",
    re.IGNORECASE,
)
_LEAD_TRIM = re.compile(
    r"^(?!at (?:least|most)\b)(?:just over|just under|just|only|nearly|as long as|about|around|approximately|roughly|"
    r"some(?!\s+time$)|circa|between|from|since|until|by|on|in|at|during|through|for|of|as early as|as of|within|"
    r"over|after|"
    r"before|throughout|till|ahead of)\s+",
    re.IGNORECASE,
)
_YEAR = r"(?:1[0-9]|20)\d{2}"  # a year written in full, 1000-2099: "1994-97", "1994, 1995 and 1997"
_ORDINAL = r"(?:st|nd|rd|th)"  # an ordinal's suffix: "the 19th century", "April 24th", "2nd St."
_RANGE = re.compile(rf"^(?P<a>{_YEAR})\s*[-–/]\s*(?P<b>{_YEAR}|\d{{2}})$")
_TRAIL_JOIN = re.compile(r",?\s+(?:and|or|to)$")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_THE_CENTURY = re.compile(rf"^the \d{{1,2}}{_ORDINAL} century$", re.IGNORECASE)
_TRAIL_LATER = re.compile(r"\s+(later|afterwards?)$", re.IGNORECASE)
_TRAIL_EARLIER = re.compile(r"\s+earlier$", re.IGNORECASE)
_SHORT_SPAN = re.compile(r"^PT?(?:\d+|X)[DWHMS]$")  # days, weeks, months, hours: not years, quarters
_NOT_NAME = r"(?:Later|Earlier|Ago|After|Before|Since|Of|In|On|And|Or)\b"
# a capitalised amount and unit the name goes on from is part of a proper name, no duration:
# "the 1967 Six-Day War", "the Hundred Years War", "the Two-Day Summit"
_NAMED_UNIT = re.compile(
    rf"^(?:(?:a|an|the)\s+)?(?:\d+|[A-Z][a-z]+)(?:[\s-]+[A-Z][a-z]+)*[\s-]+(?:Seconds?|Minutes?|Hours?|Days?|Nights?|"
    rf"Weeks?|Months?|"
    rf"Years?|Decades?|Centur(?:y|ies))(?P<tail>(?:\s+(?!{_NOT_NAME})[A-Z][a-z]+)+)?$"
)
_NAME_GOES_ON = re.compile(rf"^'?s?\s+(?!{_NOT_NAME})[A-Z][a-z]")

# -- the rule pass ---------------------------------------------------------------------------
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WD_FULL = "|".join(w for w in WEEKDAYS if len(w) > 4)
_MON = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
_MON_ABBR = "|".join(sorted((m for m in MONTHS if len(m) <= 4 and m != "may"), key=len, reverse=True))
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|"
    r"centur(?:y|ies))"
)
_UNIT1 = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
_NUMW = "|".join(
    sorted(
        (re.escape(k) for k in NUMBERS if not k.startswith(("half", "a ")) and k not in ("a", "an", "dozen")),
        key=len,
        reverse=True,
    )
)
_TENS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
)
_AMOUNT = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|{_TENS}|(?:a|an)(?:\s+and\s+a\s+half)?|{_NUMW}|a few|few|several|many|"
    r"a couple of|a dozen|dozens of|hundreds of|a number of)"
)
_PART = r"(?:morning|afternoon|evening|night)"
_NARR_UNIT = r"(?:day|week|month|year)"  # the units a narrative counts days in: "the following week"
# "the year before", "the week earlier": found by _RULES["narr"], read by _THE_PREVIOUS
_UNIT_BEFORE = rf"{_NARR_UNIT}\s+(?:before|previous|earlier)"
_TZS = r"GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST"


def _cap(words: Iterable[str]) -> str:
    """An alternation matching each word as written or with a capital first letter."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(words, key=len, reverse=True))


# The rule pass runs a few small case-sensitive patterns (a capital first letter allowed), not
# one large case-blind one: the large one cost several milliseconds an article.
_WD_CAP = "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 4)
_MON_CAP = "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
_MON_ABBR_CAP = "|".join(sorted((m.capitalize() for m in MONTHS if len(m) <= 4 and m != "may"), key=len, reverse=True))
_UNIT_WORDS = (
    "seconds second minutes minute hours hour days day nights night weeks week weekends weekend fortnights "
    "fortnight months month quarters quarter years year decades decade centuries century"
).split()
_UNIT_HIT = quick(re.compile(rf"\b(?:{_cap(_UNIT_WORDS)})\b"), "CDFHMNQSWYcdfhmnqswy")
# the amount before a unit word, read leftwards from it: "the past two", "18", "three-", "a few"
_AMOUNT_LEFT = re.compile(
    rf"\b(?:(?:the\s+)?(?:past|last|next|coming|previous|first|final|following)\s+)?{_AMOUNT}"
    r"(?:\s+|-)(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+)?$",
    re.IGNORECASE,
)
_SHIFT_RIGHT = re.compile(r"\s+(?:ago|earlier|later|from now)\b", re.IGNORECASE)
_RULES = {
    # sets: "every Monday", "each year", "every other week", "daily"
    "set": re.compile(
        rf"\b(?:[Ee]very|[Ee]ach)\s+(?:other\s+)?(?:{_UNIT1}|(?:{_WD_CAP})s?(?:\s+{_PART})?|{_MON_CAP}|spring|summer|"
        rf"autumn|fall|"
        rf"winter|{_PART})\b|\b(?:{_cap(['daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'nightly'])})\b|"
        # "every two years", "every few weeks"; "twice a week", "three times a year", "twice daily"
        rf"\b(?:[Ee]very|[Ee]ach)\s+(?:\d+|{_NUMW}|few|several)\s+(?:seconds|minutes|hours|days|weeks|months|years|"
        rf"decades)\b|"
        rf"\b(?:[Oo]nce|[Tt]wice|[Tt]hrice|(?:\d+|{_NUMW})\s+(?:times|days|nights|hours))\s+(?:(?:a|an|per|every|"
        rf"each)\s+{_UNIT1}|"
        r"daily|weekly|monthly|yearly|annually)\b|"
        # a rate: "$21MM per year", "15 percent per annum"
        rf"\b[Pp]er\s+(?:{_UNIT1}|annum)\b(?!-)|"
        # habits: "on Sundays", "Tuesday nights", "Friday mornings", "on weekends"
        r"\b(?<=[Oo]n )weekends\b|"
        rf"\b(?:{_WD_CAP})(?:s(?:\s+{_PART}s)?|\s+{_PART}s)\b|"
        r"\b[Tt]he\s+(?:past|last|previous|next|coming)\s+(?:\w+\s+)?(?:spring|summer|autumn|fall|winter)s\b"
    ),
    # references: "now", "currently", "the future"
    "ref": re.compile(
        rf"\b(?:{_cap(['right now', 'now', 'currently', 'recently', 'nowadays', 'at present', 'these days'])}|"
        r"[Tt]he (?:near |distant |foreseeable )?future|[Tt]he past|"
        # "soon", not the conjunction "as soon as" nor "soon after"; "in the near term"
        r"(?<=\b[Ff]or )the time being|[Aa]s soon as possible|(?<![Aa]s )(?:[Vv]ery )?[Ss]oon(?! as\b| after\b|"
        r" afterwards?\b| thereafter\b))"
        r"\b(?![-\s]+(?:\d|few|several|couple|" + _NUMW + r"))"
    ),
    # the adjectives TimeML reads as references: "current market conditions", "a recent filing"
    # (not "the most recent model", nor "recent years": a unit makes its own expression)
    "adj": re.compile(
        r"(?<!\bmost )(?<!\bmore )(?<!\bthen )\b(?:[Cc]urrent|[Rr]ecent)\b(?=\s+[A-Za-z])"
        rf"(?!\s+(?:{'|'.join(_UNIT_WORDS)}|account|accounts|affairs|events)\b)"
    ),
    # "in the near term", "the challenges of the near term" (not "the near term debt market")
    # a vague amount of time: "for a while", "for some time" (TimeML: PXX)
    "vague": re.compile(r"(?<=\b[Ff]or )(?:a while|some time)\b(?!\s+(?:to|now|before|after|ago|later|earlier)\b)"),
    "term": re.compile(
        r"\b(?:in|for|over|of|within) (?P<at>the (?:near|short) term)"
        r"(?=\s*[,.;:!?\"')”’]|\s+(?:and|or|but|as|at|in|for|to|than|is|are|was|were|will|would|could|may|might|"
        r"should|appears?|looks?|seems?|remains?)\b)"
    ),
    # days: weekdays with a part of the day or noon, deictic days
    "day": re.compile(
        rf"\b(?:(?:noon|midnight)\s+)?(?:{_WD_CAP})(?:\s+{_PART})?\b|"
        rf"\b(?:{_cap(['today', 'yesterday', 'tomorrow', 'tonight'])})\b|"
        rf"\b(?:{_cap(['this', 'last', 'yesterday', 'tomorrow'])})\s+{_PART}\b"
    ),
    # clock times: "16:08 UTC", "at 0800 GMT", "9 a.m.", "at 15:30"
    "clock": re.compile(
        r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s+(?:" + _TZS + r")\b)?|"
        r"\b(?:[01]?\d|2[0-4])[:.]?[0-5]\d\s+(?:" + _TZS + r")\b|"
        r"\b(?:[01]?\d|2[0-4]):?[0-5]\dZ\b|"  # "14:00Z": a military (Zulu) time
        # "at 4 in the morning", "by 8 in the evening", "until 11 at night"
        r"\b(?:[Aa]t|by|until|before|after|around|about) (?P<at>(?:[1-9]|1[0-2])(?::[0-5]\d)?(?: o'clock)? "
        r"(?:in the (?:morning|afternoon|evening)|at night))\b"
    ),
    # narrative days: "later that year", "that same day", "the following week"
    "narr": re.compile(
        r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+that|[Tt]hat\s+same|[Tt]he\s+(?:next|following|previous|preceding|same))\s+"
        rf"{_NARR_UNIT}\b|"
        # a part of the narrative's day: "a second protest the next night", "where, the night before,"
        rf"\b[Tt]he\s+(?:(?:next|following|previous|preceding)\s+{_PART}|{_PART}\s+before)\b|"
        # the course of the story's day: "later in the day", "stocks ended the day higher"
        r"\b(?:(?:[Ll]ater|[Ee]arlier|[Ll]ate|[Ee]arly) in|end|ended|ending|ends) (?P<at>the day)\b"
        r"(?!'s|\s+(?:before|after|of|when|that)\b)|"
        # "down from $450 million the year before.": a comparison, the previous year
        rf"\b[Tt]he\s+{_UNIT_BEFORE}(?=\s*[,.;:!?)\"]|$)"
    ),
    # results stories' periods: "year-earlier profit", "the year-ago period", "the latest period"
    "results": re.compile(
        r"\b(?:[Tt]he\s+)?(?:comparable\s+|corresponding\s+)?[Yy]ear-(?:ago|earlier)(?:\s+(?:quarter|period))?\b|"
        r"\b[Tt]he\s+(?:latest|most recent)\s+period\b|\b[Tt]he\s+(?:19|20)\d\d\s+(?:quarter|period)\b|"
        # an ordinal quarter the model misses: "after a flat second quarter", "a strong fourth-quarter"
        r"\b(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[\s-]quarter\b|"
        # "the same month a year ago", "the corresponding period last year"
        r"\b[Tt]he\s+(?:(?:same|corresponding|comparable)\s+)?(?:month|quarter|period)\s+(?:a\s+year\s+"
        r"(?:ago|earlier|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year)\b|"
        # "this year's third quarter", "2012's second half"
        r"\b(?:(?:[Tt]his|[Nn]ext|[Ll]ast)\s+year|(?:19|20)\d\d)(?:'s|’s)\s+(?:first|second|third|fourth|final)\s+"
        r"(?:quarter|half)\b"
    ),
    # a bare season the model misses: "but spring shows signs of hope" (a season's name in lower
    # case; "the Arab Spring" is a name, "spring water" a kind: see _season_noun)
    "season": re.compile(r"\b(?:spring|summer|autumn|winter)\b(?!-)"),
    # durations as adjectives: "a day-long meeting", "their decades-long dispute"
    "long": re.compile(
        r"\b(?:[Ss]econd|[Mm]inute|[Hh]our|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Dd]ecade|[Cc]entur(?:y|ie))s?-long\b"
    ),
    # calendar dates the model misses
    # a span of years the model leaves half found: "from 2011 to 2014" (only 2011), "from at least
    # 2002 to 2005" (only 2005); each year is a DATE (split by _YEAR_LIST)
    "years": re.compile(
        rf"\b(?:[Ff]rom|[Bb]etween)\s+(?:(?:at\s+least|about|around|roughly)\s+)?"
        rf"(?P<at>(?P<y1>{_YEAR})\s+(?:to|through|and)\s+(?P<y2>{_YEAR}))\b(?![.,]?\d|\s*(?:%|percent))"
    ),
    "date": re.compile(
        rf"\b(?:{_MON_CAP}|(?:{_MON_ABBR_CAP})\.?)\s+\d{{1,2}}{_ORDINAL}?\b(?:,?\s+\d{{4}}\b)?|"
        # day first with the month cut short, in a byline or dateline: "13 Jan 2020, 22:11 GMT+10"
        # (the model leaves it when the line stands alone); with its year only ("4 Mar" alone reads
        # as anything)
        rf"\b\d{{1,2}}\s+(?:{_MON_ABBR_CAP})\.?,?\s+(?:19|20)\d\d\b|"
        rf"\b\d{{1,2}}{_ORDINAL}?\s+(?:of\s+)?(?:{_MON_CAP})\b(?:,?\s+\d{{4}}\b)?|"
        # a year with a prefix: "the post-1959 politics", "pre-2008 levels"
        r"\b[Pp](?:ost|re)-(?:1[5-9]|20)\d\d\b|"
        # numeric dates: "7/8/07", "12/25/2019" (month first, as timex.resolve reads them)
        r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})(?![\d/])"
    ),
}
# each scan opened with a lookahead for the characters its matches start with (quickrx)
_RULE_FIRST = {
    "set": r"ADEFHMNOPSTWY\dacdefhmnopstwy",
    "ref": "ACNRSTVacnrstv",
    "adj": "CRcr",
    "term": "fiow",
    "vague": "as",
    "day": "FLMSTWYlmnty",
    "clock": r"012A\dabu",
    "narr": "ELTelt",
    "results": "1234FLNSTYcflnsty",
    "long": "CDHMSWYcdhmswy",
    "season": "asw",
    "date": r"011-9ADFJMNOPS\dp",
    "years": "BFbf",
}
_RULES = {kind: quick(rx, _RULE_FIRST[kind]) for kind, rx in _RULES.items()}
# words one of which a pattern needs: a cheap test on the lower-cased text before the scan
_RULE_KEYS = {
    "results": ("year-ago", "year-earlier", " period", " quarter", " half", " month"),
    "long": ("-long",),
    "adj": ("current", "recent"),
    "season": ("spring", "summer", "autumn", "winter"),
    "term": ("near term", "short term"),
    "vague": ("a while", "some time"),
    "years": ("from ", "between "),
    "set": (
        "weekends",
        "every ",
        "per ",
        "hours",
        "once ",
        "twice ",
        "thrice ",
        " times ",
        "each ",
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "days",
        "nights",
        "mornings",
        "afternoons",
        "evenings",
        "springs",
        "summers",
        "autumns",
        "falls",
        "winters",
    ),
    "narr": (
        "that same",
        "later that",
        "earlier that",
        "the next ",
        "the following ",
        "the previous ",
        "the preceding ",
        "the same ",
        "the year ",
        "the day",
        "the week ",
        "the month ",
        "the morning ",
        "the afternoon ",
        "the evening ",
        "the night ",
    ),
    "clock": (
        ":",
        " in the morning",
        " in the afternoon",
        " in the evening",
        " at night",
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "gmt",
        "utc",
        "est",
        "edt",
        "pst",
        "pdt",
        "cet",
        "bst",
        "ist",
        "jst",
        "msk",
    ),
}
# holidays, capitalised ("Thanksgiving Day", "Christmas Eve"); looked for only when a name is
# in the text
_HOLIDAYS = [h for h in HOLIDAY_NAMES if h not in ("may day", "new year")]
# the holidays whose lower-case name starts the scan: "election day" in lower case is common in
# election news and no holiday name; its name is looked for as written ("Election Day")
_HOLIDAYS_LOOKED_FOR = [h for h in _HOLIDAYS if h != "election day"]
# a holiday of one country ("election day": the US day), dated only in a story of that country
_HOLIDAY_COUNTRY = {name: rule["country"] for name, rule in holidays().items() if "country" in rule}
_HOLIDAY_DIR = re.compile(r"^(?:(?:last|next|this|the)\s+)", re.IGNORECASE)
_HOLIDAY_RX = quick(
    re.compile(
        r"\b(?:(?:last|next|this)\s+)?(?:" + "|".join(re.escape(h) for h in _HOLIDAYS) + r")(?:\s+week)?\b",
        re.IGNORECASE,
    ),
    "abcefghijlmnprstvw",
)
_YEAR_IN_NAME = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_NAME_LABELS = {"EVENT"}
_NAME_ENTS = {
    "ORG",
    "WORK_OF_ART",
    "PRODUCT",
    "FAC",
    "LAW",
}  # names a rule match inside is part of  # "the 1967 war", "the 2008 Olympics": a year inside an event's name
# names of places and people a rule match is part of only where the name is longer than the match
# ("Easter Island", "Joe Friday"): the model sometimes labels a time alone so ("Monday" a person)
_PLACE_ENTS = {"LOC", "GPE", "PERSON", "NORP"}
# a quantity "a day" or "per year" after a number or an amount is a rate: "$5 a day", "twice a year"
_RATE = re.compile(rf"^(?:a|an|per)[\s-]+({_UNIT1})$", re.IGNORECASE)
_RATE_BEFORE = re.compile(
    # not across a comma: "since 2003, a decade in which ..." is an amount of time, no rate
    r"(?:\d[A-Za-z]{0,3}|%|\b(?:twice|times|once|thrice|hours|days|million|billion|dollars|cents))[^\w,;:]*$",
    re.I,
)
# ... or an amount one or two words before: "fifty thousand CDs a year", "2.5 per cent a year",
# "1,000 new jobs a month" (not "the smallest gain in a year": no amount; "5 people in a week": a
# preposition before the unit makes a span of time)
_RATE_AMOUNT = re.compile(
    rf"(?:\d|\b(?:{_NUMW}|thousands|hundreds|dozens|millions))\s+"
    r"(?!(?:in|within|for|over|after|before|from|of|than|by|at|on|during|about|nearly|almost|under|and|or)\b)"
    r"[A-Za-z][\w'-]*(?:\s+(?!(?:in|within|for|over|after|before|from|of|than|by|at|on|during|and|"
    r"or|is|are|was|were|be|been)\b)[A-Za-z][\w'-]*)?\s+$",
    re.I,
)
_RATE_NOT_AFTER = re.compile(
    r"\s+(?:older|younger|earlier|later|ago|apart|after|before|behind|ahead|late|early)\b", re.I
)
_SIGNAL = re.compile(r"^\s*(after|before|prior to|following|since|later|earlier|afterwards?)\b", re.IGNORECASE)

_UNTIL_AHEAD = {"postpone", "delay", "extend", "adjourn", "suspend", "defer", "give", "grant"}
_ORGANISE_VERBS = {"plan"}  # with its object: "planned a rally on Saturday" (not "held", "staged": done)
_SCHEDULE_VERBS = {"schedule", "reschedule", "postpone", "delay", "defer", "slate"}
_FORMER_PLAN = frozenset({"original", "initial", "earlier", "previous", "first"})  # "the original June 15 event"
_PLAN_VERBS = {"plan", "schedule", "set", "expect", "propose"}  # not "announce": "announced an order on Monday"
_PLANNED_FOR = {"plan", "set", "slate", "schedule", "reschedule", "earmark", "pencil"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
# a present modal puts its verb at or after the time of speaking: "Cyprus must raise the money by
# Monday" (not "must have known on Monday": perfect)
_MODAL_AHEAD = {"must", "should", "can", "ca", "may", "might"}
_FUTURE_VERBS = {
    "plan",
    "expect",
    "schedule",
    "due",
    "set",
    "intend",
    "hope",
    "aim",
    "propose",
    "agree",
    "prepare",
    "want",
    "seek",
    "promise",
    "vow",
    "pledge",
    "threaten",
}


# a measured quantity, its change or its report: the period it measures is behind the report, so a
# time that reaches a future verb through one looks back ("will report figures for the quarter
# ending in March", "will publish data on the deterioration in March", told in April)
_MEASURED = set(
    """figure figures data statistic statistics result results earnings sales revenue revenues profit
    profits loss losses output inflation unemployment growth fall drop decline decrease rise increase
    deterioration improvement contraction slowdown""".split()
)


def _after_effective(span: Any) -> bool:
    """Whether ``span`` names the day a change takes effect: "effective Feb. 1", "effective on
    June 30", "effective as of Jan. 1" (the words before it, read off the tokens)."""
    doc, k = span.doc, span.start
    w = [doc[i].lower_ for i in range(max(0, k - 3), k)]
    return (
        w[-1:] == ["effective"]
        or (w[-2:-1] == ["effective"] and w[-1] in ("on", "from"))
        or (w[-3:] == ["effective", "as", "of"])
    )


def tense_of(span: Any) -> str | None:
    """The tense ("past" | "present" | "future" | None) of the verb governing ``span``."""
    tense = _tense_of(span)
    if tense == "future" and _measured(span):
        return "past"
    return tense


def _is_measured(tok: Any) -> bool:
    """Whether ``tok`` is a noun of a measured quantity (``_MEASURED``), by its form or its lemma."""
    return tok.lower_ in _MEASURED or tok.lemma_.lower() in _MEASURED


def _measured(span: Any) -> bool:
    """Whether ``span`` reaches its verb through a noun of a measured quantity (``_MEASURED``)."""
    tok = span.root
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VBN"):
            # the governing verb: the period "for" which its object measures ("will release
            # statistics for March"; not "will report its results in March", the day of the report)
            prep = span.root.head.lower_ if span.root.dep_ == "pobj" else ""
            return prep == "for" and any(c.dep_ == "dobj" and _is_measured(c) for c in tok.children)
        if tok.pos_ == "NOUN" and (
            _is_measured(tok)
            or (tok.lemma_ == "report" and span.root.head.i == tok.i and span.root.dep_ in ("compound", "nmod"))
        ):
            return True  # "the November jobs report": the period a report measures, not its day
    return False


def _tense_of(span: Any) -> str | None:
    tense = None
    tok = span.root
    if _after_according_to(span):
        return "past"  # "will be released, according to court filings Friday": the filing is there to read
    if (
        tok.dep_ == "compound"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not span.start <= tok.head.i < span.end
        and span.text.lower() in HOLIDAY_NAMES
    ):
        # a holiday naming a noun's occasion ("indoor Thanksgiving plans", "Christmas shopping"): no
        # verb's tense reaches it, it is the nearer one (a month or weekday keeps the verb's: "voted
        # in a January referendum", "the Monday attack killed")
        return None
    via_noun = False  # "a summit in February": the noun's time, not the verb's
    verb = None
    below = tok  # the word through which the climb reached ``tok``
    for _ in range(12):
        if (tok.pos_ in ("VERB", "AUX") or _modal_noun(tok)) and tok.dep_ not in ("aux", "auxpass"):
            tense = _verb_tense(tok)
            verb = tok.lemma_
            if (tense == "future" and _future_in_the_past(tok)) or tense == "ahead of the past":
                tense = None  # "his vow that Britain would leave on Oct. 31" (a 2019-11-20 story): the nearest
                break
            if verb == "set" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children):
                tense = "future"  # "the vote is set for Tuesday" (not "set a record on Tuesday")
                break
            if tense is None and _gerund_of_a_noun(tok) and _open_month(span):
                # "the prospects of another relief package not passing before November" (a
                # September story, under "voiced frustration"): a gerund a noun governs tells of
                # the noun's matter, which the sentence's verb does not date; a bare month is then
                # the nearest (a weekday or a night under such a gerund is mostly the reported
                # event's: "calling the overnight nuclear test a violation" stays the past)
                break
            if tense == "infinitive" and via_noun:
                # "Kim's effort to build support after the summit in February": an infinitive
                # reached through a noun says nothing of the noun's time; read the finite verb
                tense = None
                via_noun = False
            elif tense == "infinitive":
                tense = "future"
                break
            elif (
                tense in ("past", "perfect")
                and via_noun
                and below.dep_ in ("nsubj", "nsubjpass")
                and (tok.lemma_ in _PLAN_VERBS | _SCHEDULE_VERBS)
                and any(c.lower_ in _FORMER_PLAN for c in below.children)
            ):
                # the day of a former plan's subject ("Obama's original June 15 campaign event
                # was postponed"): the plan it was, done or still ahead, the nearest; without
                # such a word the scheduled day looks ahead ("The Jan. 15 inauguration was
                # scheduled by parliament on Tuesday": review 26 T8)
                tense = None
                break
            elif tense in ("past", "perfect", "present") and (
                (via_noun and tok.lemma_ in _PLAN_VERBS and not _overtaken(tok))
                or tok.lemma_ in _SCHEDULE_VERBS
                or (tok.lemma_ in _ORGANISE_VERBS and any(c.dep_ == "dobj" for c in tok.children))
                or _planned_for(tok)
            ):
                # "planned a demonstration on Saturday", "scheduled a news conference Thursday":
                # the planned thing lies ahead of the planning; a plan in the past perfect ("had
                # set a deadline of Tuesday", a Wednesday story) lies ahead of a past moment, on
                # either side of the story's: the nearest
                tense = None if _had(tok) else "future"
                break
            elif (
                tense is not None
                or tok.tag_ not in ("VB", "VBG", "VBN")
                or (not via_noun and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "VBD") for c in tok.children))
            ):
                # a verb with a finite auxiliary of its own ("is rushing to get it ready for a
                # tournament in March") has its own tense, even where it reads either way
                break
        elif tok.i != span.root.i and tok.pos_ in ("NOUN", "PROPN") and tok.i not in range(span.start, span.end):
            via_noun = True
        if tok.head.i == tok.i:
            break
        below, tok = tok, tok.head
    if tense == "present" and (_ahead_of_its_noun(tok) or _condition_ahead(tok)):
        # "its next term, which begins in October" (a March story): this October; "the justice they
        # may get stuck with if the November election does not break their way": the future's
        tense = "future"
    # "postponed until Saturday" looks ahead, "since Monday" back, unless the verb says otherwise
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    prev2 = span.doc[span.start - 2].lower_ if span.start > 1 else ""
    if prev == "to" and prev2 == "up":
        prev = "until"  # "a campaign swing up to Monday night's caucuses", "leading up to the vote"
    if prev in ("until", "till", "untill") and (tense in (None, "present", "perfect") or verb in _UNTIL_AHEAD):
        return "future"  # "postponed until Saturday", "extended the deadline until Tuesday"
    if prev == "come":
        return "future"  # "the favorite to win the election come November": the coming one
    if prev in ("toward", "towards", "into") and tense is None and prev2 != "back":
        # "she is marching toward November", "a pathway going into November": the one ahead, where
        # the verb reads either way; not "has eased toward", "talks drag into", "reaches back into"
        return "future"
    if prev == "since" or _in_since_phrase(span):  # a date something has lasted since is behind us, whatever the verb
        return "past"
    if _after_effective(span):
        # "created an office of the chairman, effective Feb. 1": the day a change takes effect,
        # which the verb announcing it (past) does not place; the nearest such day
        return None
    return "past" if tense == "perfect" else tense


def _gerund_of_a_noun(v: Any) -> bool:
    """Whether ``v`` is a gerund with no auxiliary that a noun of prospect governs (events'
    words.toml ``prospect_nouns``: "the prospects of ... passing", "fears of a war breaking out"),
    through a preposition or as its modifier. Not a noun of record ("footage of the gunman
    leaving", "evidence of the company dumping", "accounts of police beating": what they show is
    past; review 25 T1)."""
    from ..events.lexicon import WORDS  # the coder's list, one list

    if v.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    head = v.head
    if v.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif v.dep_ != "acl":
        return False
    elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
        head = head.head.head  # the gerund's doer after "of": "the danger of the currency collapsing"
    return head.i != v.i and head.pos_ == "NOUN" and head.lower_ in WORDS["prospect_nouns"]


def _open_month(span: Any) -> bool:
    """Whether ``span`` is a month with neither day nor year ("November", "early July") and no
    "back in" before it ("unions ... way back in October": behind us)."""
    doc, k = span.doc, span.start
    back = k >= 2 and doc[k - 1].lower_ == "in" and doc[k - 2].lower_ == "back"
    return not back and _BARE_MONTH.match(span.text.strip()) is not None


def _low(tok: Any) -> str:
    """A token's lower case with a typographic apostrophe read as a plain one ("’ll" as "'ll")."""
    return tok.lower_.replace("’", "'")


def _had(v: Any) -> bool:
    """Whether ``v`` is in the past perfect ("had set", "had been scheduled")."""
    return any(c.dep_ in ("aux", "auxpass") and _low(c) in ("had", "'d") and c.tag_ == "VBD" for c in v.children)


def _in_since_phrase(span: Any) -> bool:
    """Whether ``span`` dates a noun that "since" governs ("since their Oct. 13 debate", "since
    Monday's vote"): the noun's event is behind us."""
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i or tok.dep_ not in ("compound", "nmod", "poss", "npadvmod", "amod", "nummod"):
            return False
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end:
            return tok.dep_ == "pobj" and tok.head.lower_ == "since"
    return False


def _modal_noun(tok: Any) -> bool:
    """A verb the tagger took for a noun, as it does in an inverted clause ("Not only can Ted Cruz
    win in November", "Can he win in November?": "win" tagged NN): a modal hangs from it."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _after_according_to(span: Any) -> bool:
    """Whether ``span`` lies in or right after an "according to ..." phrase (whose source exists)."""
    doc = span.doc
    low = token_strings(doc, "LOWER")  # (a Token only for the "according" found)
    lo = max(sent_at(span.doc, span.start).start, span.start - 10)
    for k in range(span.start - 1, lo - 1, -1):
        if low[k] == "according" and k + 1 < len(doc) and low[k + 1] == "to":
            return span.start <= doc[k].right_edge.i + 1
    return False


_AHEAD_ADJ = {"next", "coming", "upcoming", "forthcoming"}


def _ahead_of_its_noun(v: Any) -> bool:
    """A present-tense relative clause takes its time from the noun it tells of: ahead when the noun
    is an explicit "next"/"coming" one ("its next term, which begins in October") or the clause
    governing the noun is in the future ("will open a plant that starts production in October")."""
    if v.dep_ != "relcl":
        return False
    noun = v.head
    if any(c.dep_ == "amod" and c.lower_ in _AHEAD_ADJ for c in noun.children):
        return True
    gov = _verb_above(noun)
    return gov is not None and _verb_tense(gov) == "future" and not _future_in_the_past(gov)


_CONDITION_MARKS = frozenset({"if", "unless", "once", "when", "until", "before", "after"})


def _condition_ahead(v: Any) -> bool:
    """A present-tense clause of condition or time ("if", "unless", "once", "when", "until") under
    a future one tells of the future: "may get stuck with ... if the November election does not
    break their way"."""
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in v.children):
        return False
    gov = _verb_above(v)
    return gov is not None and _verb_tense(gov) == "future"


def _verb_above(tok: Any) -> Any:
    """The nearest verb above ``tok`` that is no auxiliary (at most eight steps up), or None."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
    return None


# verbs whose past is written as their present: a tagger's "present" for them may be the past
_SAME_PAST = frozenset(
    "hurt cut put set hit quit let cost shut spread split bet cast burst thrust upset broadcast forecast bid rid shed"
    " read beat".split()
)


def _scheduled(span: Any) -> bool:
    """A weekday told in the present tense by a verb that is no report ("voting ends on Sunday",
    "the talks resume Monday", "the deadline is Monday") is a plan: the weekday ahead. A report in
    the present ("the ministry says Monday", broadcast style) is not."""
    from ..events.lexicon import REPORTING  # the coder's reporting verbs, one list

    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            if tok.tag_ == "VBP" and tok.lower_ in _SAME_PAST:
                return False  # "stocks hurt the index on Friday": the past, tagged present
            return tok.lemma_.lower() not in REPORTING
        if tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end:
            return False  # "gratitude for their bravery on Monday": a noun's day, done
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _future_in_the_past(v: Any) -> bool:
    """A "would" under a past-tense governor is the future of a past moment ("said he would resign on
    Friday", "his vow that Britain would leave on Oct. 31"): its time lies after that moment, before
    or after the story's, so neither reading is preferred (the nearest). So is a "would" in a noun's
    "that" clause, whatever governs the noun ("is under fire for failing to deliver on his vow that
    ..."): the vow was made. A "would" in a present frame ("analysts say the merger would close in
    March") or on its own stays the future."""
    lowers = {_low(c) for c in v.children if c.dep_ in ("aux", "auxpass")}
    if not lowers & {"would", "'d"} or lowers & {"will", "'ll", "shall", "wo"}:
        return False
    marks = [c for c in v.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > 0]
    if v.dep_ in ("acl", "ccomp") and marks and v.doc[marks[0].i - 1].pos_ == "NOUN":
        return True  # a noun's content ("failing to deliver on his vow that Britain would leave"): a vow made
    gov = _verb_above(v)
    return gov is not None and _verb_tense(gov) == "past"


def _planned_for(v: Any) -> bool:
    """ "was planned for early March", "a summit set for Washington in April": a participle of
    planning with "for" (passive or a noun's modifier, not "has set") names a time ahead."""
    if not (
        v.lemma_ in _PLANNED_FOR
        and v.tag_ == "VBN"
        and not any(c.dep_ == "aux" and _low(c) in ("has", "have", "had", "'ve") for c in v.children)
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in v.children)
    ):
        return False
    return not _overtaken(v)


def _overtaken(v: Any) -> bool:
    """A plan a noun's modifier tells ("a service planned ... for Saturday") in a past-tense
    clause ("... was canceled"): a plan overtaken, its day behind the story."""
    if v.dep_ != "acl":
        return False
    gov = _verb_above(v)
    return gov is not None and _verb_tense(gov) == "past"


# a plan reported as a past state: "was due to", "were expected to", "was set to", "was supposed to"
_PAST_FRAMES = {"due", "expect", "schedule", "set", "suppose", "slate"}


def _was(frame: Any) -> bool:
    """Whether a plan word is told in the past: "was due" (the copula above it), "were expected"."""
    if frame.tag_ == "JJ":
        return frame.dep_ == "acomp" and frame.head.lower_ in ("was", "were")
    return frame.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in frame.children)


_RANKS = {"first", "second", "third", "fourth", "fifth", "last", "only", "latest", "next"}


def _ranked(noun: Any) -> bool:
    """ "the first", "the latest official", "the only senator", "the youngest player": a noun a
    relative infinitive ranks ("the first to make the appeal"), not one it tells the use of ("ways
    to get around the ruling")."""
    return noun.lower_ in _RANKS or any(
        c.dep_ == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS") for c in noun.children
    )


def _plan_word(v: Any) -> bool:
    """A verb of planning or wanting (``_FUTURE_VERBS``) by its lemma, or by its form when the
    lemmatiser misses ("hoping" lemmatised "hop"); a prefix would also take "planted", "settled"."""
    return v.lemma_ in _FUTURE_VERBS or v.lower_ in _HOPE_FORMS


_HOPE_FORMS = frozenset({"hoped", "hopes", "hoping"})
_FINITE_AUX_TAGS = frozenset({"MD", "VBD", "VBZ", "VBP", "TO"})  # an auxiliary that carries its own tense


def _past_form(v: Any) -> bool:
    """A verb in the simple past, active ("forced") or passive ("was forced")."""
    return v.tag_ == "VBD" or (
        v.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in v.children)
    )


_ABILITY_ADVERBS = frozenset({"still", "barely", "hardly", "already", "scarcely"})


def _ability_gone_by(v: Any, auxes: list[Any]) -> bool:
    """Whether "could" tells an ability gone by: with "still", "barely", "no longer", "hardly",
    "already" ("he could still run the company"), or after a fronted time ("In March, he could
    run the company"): the reporting verb's past, not the nearest."""
    could = min((a.i for a in auxes if a.lower_ == "could"), default=v.i)
    for c in v.children:
        if c.lower_ in _ABILITY_ADVERBS or (c.lower_ == "longer" and any(k.lower_ == "no" for k in c.children)):
            return True
        if c.i < could and c.dep_ in ("prep", "npadvmod") and any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree):
            return True
    return False


def _verb_tense(v: Any, depth: int = 0) -> str | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = [_low(a) for a in auxes]
    head = v.head
    if (
        depth < 4
        and v.dep_ == "conj"
        and head.i != v.i
        and head.pos_ in ("VERB", "AUX")
        and v.tag_ in ("VB", "VBN", "VBG")
        and not any(a.tag_ in _FINITE_AUX_TAGS for a in auxes)
    ):
        # a second verb sharing the first's auxiliary: "could drag on for months and not be
        # completed by the Nov. 8 election" (could), "was arrested and charged on Monday" (was)
        return _verb_tense(head, depth + 1)
    if any(w in _FUTURE_AUX for w in lowers):
        return "future"
    if any(w in _MODAL_AHEAD for w in lowers) and not any(w in ("have", "'ve") for w in lowers):
        return "future"
    if "could" in lowers and not any(w in ("have", "'ve") for w in lowers) and not _ability_gone_by(v, auxes):
        # "could help him through the primaries in February" (a November story), "could not reach
        # him on Monday": a possibility or a past ability, either side: the nearest
        return "ahead of the past"
    if "going" in lowers and "to" in lowers:
        return "future"
    if any(a.tag_ == "TO" for a in auxes):
        # an infinitive: future unless governed by a past verb that is not about plans
        if depth < 4 and head.i != v.i and head.tag_ == "VB" and any(c.tag_ == "TO" for c in head.children):
            # an infinitive under an infinitive: the outer one's reading ("agreed to allow Trump to
            # use the file in late November", a January story: as "agreed to use ... in November")
            return _verb_tense(head, depth + 1)
        if v.dep_ == "relcl" and head.i != v.i and _ranked(head):
            # a relative infinitive tells what its noun did or does: "was the first to make the
            # appeal on Tuesday", "became the latest official to resign on Monday": the tense of
            # the clause that holds the noun ("will be the first to speak": ahead)
            gov = _verb_above(head)
            return _verb_tense(gov) if gov is not None else None
        if (
            head.i != v.i
            and head.tag_ in ("VBG", "VBN")
            and head.dep_ in ("xcomp", "advcl")
            and not _plan_word(head)
            and (gov := _verb_above(head)) is not None
            and _verb_tense(gov) == "past"
        ):
            return "past"  # "were detained attempting to enter Texas on Monday": the attempt was made
        if head.i != v.i and head.lemma_ == "be" and v.dep_ == "xcomp":
            # "is to take over on Jan. 1", "if he were to win in November", "was to leave on
            # Monday": what is arranged or supposed, after the moment told (a past one: the nearest)
            return "future" if head.tag_ in ("VBZ", "VBP") else "ahead of the past"
        if head.i != v.i and _past_form(head) and head.lemma_ not in _FUTURE_VERBS | _PAST_FRAMES:
            return "past"  # "said it to win on Monday", "was forced to step down in July"
        if head.i != v.i and head.tag_ == "VBD" and v.dep_ == "xcomp":
            return "ahead of the past"  # "vowed to leave the EU on Oct. 31" (a November story): the nearest
        plan = head.head if head.tag_ == "JJ" else head  # "had been due to expire": the verb of "due"
        if head.i != v.i and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in plan.children):
            return "past"  # "had been scheduled to expire at midnight Friday": a plan overtaken, behind us
        if head.i != v.i and head.lemma_ in _PAST_FRAMES and _was(head):
            return "ahead of the past"  # "was due to be released in September": after a past moment
        return "infinitive"
    if any(w in ("has", "have", "'ve") for w in lowers) and not any(w in ("had", "did", "was", "were") for w in lowers):
        return "perfect"  # present perfect: past, but "has been postponed until Saturday"
    for a in auxes:
        if a.tag_ in ("VBD",) or a.lower_ in ("had", "did", "was", "were"):
            return "past"
    if v.tag_ == "VBN" and any(w in ("has", "have", "'ve") for w in lowers):
        return "perfect"
    if v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBG" and any(w in ("is", "are", "'s", "'re", "am") for w in lowers):
        return None  # "is visiting on Thursday": either way
    if v.tag_ in ("VBZ", "VBP") or (v.tag_ == "VB" and any(w in ("does", "do") for w in lowers)):
        return "present"  # "does not break"
    if v.tag_ == "VBN" and not auxes:
        return "past"
    return None


def _rule_spans(doc: Any, text: str, ents: list) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the rule pass's matches, and years inside event names."""
    out = []
    for u in _UNIT_HIT.finditer(text):  # a number with a time unit: "18 years", "three-day"
        left = _AMOUNT_LEFT.search(text, max(0, u.start() - 48), u.start())
        if left is None:
            continue
        end = u.end()
        tail = _SHIFT_RIGHT.match(text, end, end + 14)
        out.append((left.start(), tail.end() if tail else end, "dur"))
    low = text.lower()
    for kind, rx in _RULES.items():
        keys = _RULE_KEYS.get(kind)
        if keys and not any(k in low for k in keys):
            continue  # none of its words in the text: skip the scan
        for m in rx.finditer(text):
            if kind == "adj" and not _adjective(doc, m.start(), m.end()):
                continue
            if kind == "season" and not _season_noun(doc, m.start(), m.end()):
                continue
            if kind == "years" and not 0 < int(m.group("y2")) - int(m.group("y1")) <= 100:
                continue  # "from 1500 to 2000 members": amounts, not years
            at = m.start("at") if "at" in rx.groupindex and m.group("at") else m.start()
            out.append((at, m.end(), kind))
    for m in _HISTORIC_NAME.finditer(text) if _HISTORIC_NAME is not None else ():
        out.append((m.start(), m.end(), "historic"))  # "9/11": a day named by its date, no date rule reads
    if any(h in low for h in _HOLIDAYS_LOOKED_FOR) or "Election Day" in text or "ELECTION DAY" in text:
        for m in _HOLIDAY_RX.finditer(text):
            if m.group(0).removesuffix(" week").split()[-1][:1].isupper():  # "easter" in lower case is no holiday name
                out.append((m.start(), m.end(), "holiday"))
    for e in ents:
        if e.label_ in _NAME_LABELS:
            for y in _YEAR_IN_NAME.finditer(e.text):
                out.append((e.start_char + y.start(), e.start_char + y.end(), "year"))
    return out


# days news names by their date for one event (data/calendar.json historic_days): "9/11", "the
# Sept. 11 attacks", "the attacks of Sept. 11"
_HISTORIC = historic_days()
_HISTORIC_NAME = (
    re.compile(r"(?<![\w/.])(?:" + "|".join(re.escape(n) for d in _HISTORIC for n in sorted(d[1])) + r")(?![\w/])")
    if any(d[1] for d in _HISTORIC)
    else None
)
# the day's own targets after its event nouns: "the Sept. 11 attacks on the World Trade Center"
_HISTORIC_TARGET = {
    d[0]: re.compile(
        r"(?:\s+[A-Za-z]+){1,2}?\s+(?:on|against)\s+(?:the\s+)?(?:"
        + "|".join(re.escape(x) for x in sorted(d[3], key=len, reverse=True))
        + r")(?![\w'’])"
    )
    for d in _HISTORIC
    if d[3]
}
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_OF_BEFORE = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$")


def _historic_day(
    expr: str, tx: Timex | None, text: str, s: int, t: int, anchor: date | None, doc: Any = None
) -> str | None:
    """The date of a day news names by its date for one event: one of its names as written
    ("9/11"), or its month and day without a year next to one of its event nouns ("the Sept. 11
    attacks", "the attacks of Sept. 11"; not "a Sept. 11 memorial service", this year's). Not the
    month-day reading in a story of the two months after that day of its own year, nor with a
    place or target of its own ("the Sept. 11 attacks on two police stations in Mali", "... on the
    U.S. consulate in Benghazi": another attack; review 25 T3), unless that target is one of the
    day's own ("the Sept. 11 attacks on the World Trade Center": data/calendar.json ``targets``)."""
    e = expr.strip()
    for day, names, events, _targets in _HISTORIC:
        if e in names:
            return day
        if tx is None or not tx.value or tx.value[4:] != day[4:] or not _MONTH_DAY_ONLY.match(e):
            continue
        words = [w.lower() for w in _WORDS_AFTER.match(text, t).group(0).split()]  # type: ignore[union-attr]
        if words and words[0] in events and _its_own_target(day, doc, text, t):
            return day  # "the Sept. 11 attacks on the World Trade Center", whenever the story
        if anchor is not None:
            since = (anchor - date(anchor.year, int(day[5:7]), int(day[8:10]))).days
            if 0 <= since <= _HISTORIC_RECENT:
                continue  # "Gunmen carried out the Sept. 11 attacks" in a September 20 story: this year's
        before = _OF_BEFORE.search(text, max(0, s - 30), s)
        if words and words[0] in events:
            k = 2 if len(words) > 1 and words[1] in events else 1  # "terrorist attacks"
            if k < len(words) and words[k] in _OWN_TARGET:
                continue  # "the Sept. 11 attacks on two police stations": an attack of its own
            return day
        if before and before.group(1).lower() in events:
            return day
    return None


def _its_own_target(day: str, doc: Any, text: str, t: int) -> bool:
    """The event nouns after the day at ``t`` take, "on" or "against", one of that day's own
    targets ("the Sept. 11 attacks on the World Trade Center", "... on America"), the whole noun
    phrase: not a name that modifies or owns another noun ("the Sept. 11 attack on the U.S.
    consulate", "... on America's subways"), nor a place the attacks were in ("the Sept. 11
    attacks in New York": review 26 T1)."""
    rx = _HISTORIC_TARGET.get(day)
    m = rx.match(text, t) if rx is not None else None
    if m is None:
        return False
    last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand") if doc is not None else None
    return last is None or not len(last) or last[-1].dep_ not in ("compound", "poss", "nmod")


_HISTORIC_RECENT = 60  # days after the day in which its month and day are more likely the year's own
# the three words after the day: its event nouns ("terrorist attacks"), then a place or target of its own
_WORDS_AFTER = re.compile(r"(?:\s+[A-Za-z]+){0,3}")
_OWN_TARGET = frozenset({"on", "in", "against", "at", "near"})


def _one_word(doc: Any, s: int, t: int) -> Any:
    """The single token at ``s:t``, or None where the span is no one token."""
    span = doc.char_span(s, t)
    return span[0] if span is not None and len(span) == 1 else None


def _season_noun(doc: Any, s: int, t: int) -> bool:
    """The season word at ``s:t`` is a noun of its own ("spring shows signs of hope", "by summer"),
    not a verb ("spring into action") nor a noun's kind ("spring water", "a summer camp")."""
    tok = _one_word(doc, s, t)
    return tok is not None and tok.pos_ == "NOUN" and tok.dep_ != "compound"


def _adjective(doc: Any, s: int, t: int) -> bool:
    """The word at ``s:t`` is parsed as an adjective ("current conditions", not "the current flows")."""
    tok = _one_word(doc, s, t)
    return tok is not None and tok.pos_ == "ADJ"


_BARE_PERIOD = re.compile(
    r"^(?:spring|summer|fall|autumn|winter|year|month|week|weekend|quarter|season)$", re.IGNORECASE
)
_DEICTIC_BEFORE = re.compile(r"\b(?:this|last|next|past|coming)\s$", re.IGNORECASE)


# a holiday after one of these inside a name is the model's name run over the day: "win back
# the House on Election Day" (one ORG)
_DAY_PREP_BEFORE = re.compile(r"\s(?:on|by|until|before|after)\s+$")


def _spans(doc: Any, text: str) -> list[list[int]]:
    """Candidate spans: the model's DATE/TIME entities (adjacent ones joined when they make one
    time: "Wednesday" + "morning", "15:00 GMT" + "Saturday") and the rule pass's matches. A
    rule match that covers a model span replaces it ("every Monday" over "Monday"); one that
    only touches it is dropped unless the two together read as one expression."""
    spans: list[list[int]] = []
    ents = list(doc.ents)  # Doc.ents is rebuilt on each access
    for e in ents:
        if e.label_ not in ("DATE", "TIME"):
            continue
        s, t = e.start_char, e.end_char
        if (
            text[t : t + 2] in ("'s", "’s")
            and _BARE_PERIOD.match(e.text)
            and (d := _DEICTIC_BEFORE.search(text, max(0, s - 8), s))
        ):
            s = d.start()  # "at this summer's convention": the model leaves "this" out before the possessive
        if spans and text[spans[-1][1] : s].strip(" ,") in ("", "on", "of") and _mergeable(text, spans[-1], s, t):
            spans[-1][1] = t
            continue
        spans.append([s, t])
    names = [(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_ENTS]
    places = [(e.start_char, e.end_char) for e in ents if e.label_ in _PLACE_ENTS]
    for s, t, _kind in _rule_spans(doc, text, ents):
        # "USA Today", "Good Friday Agreement": inside a name, no time; a holiday that is the
        # whole name is the day ("Easter Sunday" labelled a place)
        inside = [text[a:b].strip(" .,'\"") for a, b in names if a <= s and t <= b]
        if (
            _kind != "year"
            and inside
            and not (_kind == "holiday" and all(n == text[s:t] for n in inside))
            and not (_kind == "holiday" and _DAY_PREP_BEFORE.search(text, max(0, s - 8), s))
        ):
            continue
        if _kind != "year" and any(a <= s and t <= b and b - a > t - s for a, b in places):
            continue
        over = [sp for sp in spans if sp[0] < t and s < sp[1]]
        if not over:
            spans.append([s, t])
        elif all(s <= sp[0] and sp[1] <= t for sp in over):
            for sp in over:
                spans.remove(sp)
            spans.append([s, t])
    return sorted(spans)


def _trim(text: str, s: int, t: int) -> tuple[int, int]:
    """The TIMEX3 extent: no leading preposition or approximator, no trailing punctuation,
    possessive or dangling conjunction."""
    seg = text[s:t]
    mm = _LEAD_TRIM.match(seg)
    while mm and len(seg) > mm.end():
        s += mm.end()
        seg = text[s:t]
        mm = _LEAD_TRIM.match(seg)
    while seg and (seg[-1] in " ,.;:)'\"" or seg[-1].isspace()) and not seg.endswith(("a.m.", "p.m.")):
        t -= 1
        seg = text[s:t]
    if seg.endswith(("'s", "’s")) and len(seg) > 2:  # "last month's"
        t -= 2
        seg = text[s:t]
    tail = _TRAIL_JOIN.search(seg)
    if tail:  # "1994, 1995 and"
        t -= len(tail.group(0))
        seg = text[s:t]
    if _THE_CENTURY.match(seg):
        s += 4
    return s, t


def _candidates(doc: Any, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text to resolve)`` of the temporal expressions in ``doc`` (text ``text``)."""
    out: list[tuple[int, int, str]] = []
    for s0, t0 in _spans(doc, text):
        s, t = _trim(text, s0, t0)
        seg = text[s:t]
        lead = _LAST_VERB.match(seg)
        if lead and (tok := _token_at(doc, s)) is not None and tok.pos_ == "VERB":
            s += lead.end()  # "will last 18 months": the verb is no part of the amount
            seg = text[s:t]
        if (
            not seg
            or _AGE.search(seg)
            or _AGE_DECADE.search(text, max(0, s - 40), t)
            or _BARE_NUMBER.match(seg)
            or _no_time(seg, text[t : t + 12], text[max(0, s - 12) : s])
            or _in_name(seg, text[t : t + 12])
            or _house_number(text, seg, s, t)
            or _counted(doc, text, seg, s, t)
            or _named_now(doc, text, seg, s, t)
            or _titled(doc, seg, s)
            or _line_of_its_own(text, seg, s, t)
            or _CASE_NUMBER.match(seg) is not None
        ):
            continue  # ages ("died at 89", "a 65-year-old"), fractions, titles, house numbers are not times
        if _NTH_DAY.match(seg) and _TODAY_IS.search(text, max(0, s - 18), s):
            out.append((s, t, "today"))  # "It's the second day of the strike": the day of speaking
            continue
        swallowed = _DAY_SIGNAL.match(seg)
        if swallowed and _EVENT_SIGNAL.match(text, s + swallowed.start(2) - 1):
            t = s + swallowed.end("day")  # "the day after Monday's debate" (one model span): the day, its signal
            seg = text[s:t]
        later = _TRAIL_LATER.search(seg)
        if later and resolve(seg[: later.start()], fallback=False) is not None:
            t -= len(later.group(0))  # "three days later": the duration; "later" is its signal
            seg = text[s:t]
        earlier = _TRAIL_EARLIER.search(seg)
        if (
            earlier
            and (d := resolve(seg[: earlier.start()], fallback=False)) is not None
            and _SHORT_SPAN.match(d.value or "")
        ):
            t -= len(earlier.group(0))  # "a day earlier" too (TimeBank: P1D); "a year earlier" stays the year
            seg = text[s:t]
        rng = _RANGE.match(seg)
        if rng:  # "2009-2010", "1957-58" -> two years
            a, b = rng.group("a"), rng.group("b")
            out.append((s, s + rng.end("a"), a))
            out.append((s + rng.start("b"), t, b if len(b) == 4 else a[:2] + b))
            continue
        rate = _RATE.match(seg)
        if (
            rate
            and (_RATE_BEFORE.search(text[max(0, s - 12) : s]) or _RATE_AMOUNT.search(text[max(0, s - 40) : s]))
            and not _RATE_NOT_AFTER.match(text, t)
        ):
            out.append((s, t, "every " + rate.group(1)))  # "$5 a day", "twice a year": a set
            continue
        out.extend(_split(text, s, t))
    # "the year ended March 31", "the fiscal year ending June 30": twelve months up to that day,
    # a duration, not the calendar year
    return [
        (s, t, "one year") if _YEAR_ENDED.match(expr) and _ENDED_AFTER.match(text, t) else (s, t, expr)
        for s, t, expr in out
        if not _time_of_year(text[s:t], text[t : t + 12], text[max(0, s - 12) : s])
        and not (_NEAR.match(text[s:t]) and _SIGNAL.match(text[t : t + 20]))
        and not _unit_on_unit(text, s, t)
        and not _figurative_holiday(doc, text[s:t], s, t)
    ]


_LAST_VERB = re.compile(r"^last\s+(?=\S)", re.IGNORECASE)


def _token_at(doc: Any, s: int) -> Any:
    """The token that starts at character ``s``, or None."""
    span = doc.char_span(s, s + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == s else None


# a case or docket number, no year: "Zubik v. Burwell, No. 14-1418" (a span of years has a full
# first year: "1994-97", "2009-2010")
_CASE_NUMBER = re.compile(r"^\d{1,3}[-–]\d{3,4}$")
_NOW_WORD = re.compile(r"^(?:Today|Now|Tonight|Tomorrow|Yesterday)$")  # as written: capitalised
_NAMED_WORD = re.compile(rf"^(?:Today|Now|Tonight|{_WD_CAP})$")
# an opening quote and the title-case words of a name before the time word: “Fox News Sunday,”
_TITLE_OPEN = re.compile(r"(?:“|\"|``|'')(?:(?:[A-Z][\w'’.-]*|of|the|on|in|and|a|at|for)\s+)*[A-Z][\w'’.-]*\s+$")
_TITLE_CLOSE = re.compile(r"[,.!?]?(?:”|\"|'')")
_SMALL_TITLE = 40  # characters a quoted name may run before its time word
_TITLE_WORDS = re.compile(r"^(?:This|Next|Last)\s+(?:Morning|Week|Year|Weekend|Evening|Night)$")  # as written
_QUOTE_MARKS = frozenset({'"', "“", "``", "''", "'"})
_QUOTE_BEFORE = re.compile(r"(?:“|\"|``|'')\s*$")


def _named_now(doc: Any, text: str, seg: str, s: int, t: int) -> bool:
    """A capitalised time word that is part of a name, no time: "Today" or "Now" inside a sentence
    right after a capitalised word ("Russia Today", "USA Today", "This is VOA Today", "Larry King
    Now"), naming a noun's kind ("the Today show") or owned by a name ("NBC News' Today show"); a
    weekday or "Today" closing a quoted title (“Fox News Sunday,”); a weekday after "on" and a
    capitalised word, the name's possessive ("the Mail on Sunday's campaign": "the Senate on Sunday
    passed" has no possessive), or a Sunday paper's title ("The Mail on Sunday has led")."""
    tok = _token_at(doc, s)
    prev = doc[tok.i - 1] if tok is not None and tok.i > 1 else None
    mark = prev
    if mark is not None and mark.i > 1 and mark.text in _QUOTE_MARKS and mark.dep_ == "punct":
        mark = doc[mark.i - 1]  # ABC's "This Week with George Stephanopoulos"
    owned = mark is not None and (mark.tag_ == "POS" or mark.dep_ == "case") and doc[mark.i - 1].pos_ == "PROPN"
    if _TITLE_WORDS.match(seg):
        # a programme's title of two capitalised words, owned by a name or quoted: "ABC's This
        # Week", CBS's “This Morning,” ("this morning" as written is the time)
        quoted = _QUOTE_BEFORE.search(text, max(0, s - 3), s) is not None and _TITLE_CLOSE.match(text, t) is not None
        return owned or quoted
    if not _NAMED_WORD.match(seg):
        return False
    if _TITLE_OPEN.search(text, max(0, s - _SMALL_TITLE), s) and _TITLE_CLOSE.match(text, t):
        return True
    if tok is None or prev is None or tok.is_sent_start:
        return False
    if _NOW_WORD.match(seg):
        if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "NOUN":
            return True
        if owned:
            return True  # "NBC News' Today show": a network's programme
        return prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start
    name = doc[tok.i - 2]
    if not (prev.lower_ == "on" and name.is_alpha and name.text[:1].isupper() and not name.is_sent_start):
        return False
    if text[t : t + 2] in ("'s", "’s"):
        return True
    # "The Mail on Sunday has led", "the Independent on Sunday reported": the Sunday papers' titles
    return name.text in papers_on_weekday().get(seg.lower(), ()) and doc[name.i - 1].lower_ == "the"


def _titled(doc: Any, seg: str, s: int) -> bool:
    """A day's name as written ("9/11") that ends a title is no time: "Michael Moore's film
    Fahrenheit 9/11", "He made Fahrenheit 9/11": a capitalised word the parser makes its compound
    before it, and the name the head of its phrase, not a modifier of a noun after it ("the New
    York 9/11 memorial", "the FDNY 9/11 responders" are the day: review 26 T2); or the model's
    WORK_OF_ART. "After 9/11", "since 9/11" stay the day."""
    if _HISTORIC_NAME is None or not _HISTORIC_NAME.fullmatch(seg):
        return False
    tok = _token_at(doc, s)
    if tok is None:
        return False
    if tok.ent_type_ == "WORK_OF_ART":
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return (
        prev is not None
        and prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.dep_ == "compound"
        and prev.head.i == tok.i
        and not (tok.dep_ in ("compound", "nmod", "amod", "nummod") and tok.head.i > tok.i)
    )


def _figurative_holiday(doc: Any, seg: str, s: int, t: int) -> bool:
    """A holiday in a comparison or in the idiom "came early" names no day: "it felt like
    Christmas morning", "holidays like Christmas and Easter", "for the fans, Christmas came early"
    ("shoppers came early on Christmas Eve" stays the day)."""
    hit = _HOLIDAY_RX.search(seg)
    if not hit or _NAMED_HOLIDAY.search(seg):
        return False  # "just like last Christmas", "like Christmas 2014": a day (review 26 T3)
    span = doc.char_span(s, t, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ in ("conj", "compound") and root.head.i != root.i:
        root = root.head  # "like Christmas and Easter", "like Christmas morning"
    if root.dep_ == "pobj" and root.head.lower_ == "like":
        return True
    verb = root.head
    # "Christmas came early", "Christmas came early this year" ("early" under "year"): only a day
    # of a fixed date can not come early ("Easter came early this year, on March 27" is Easter)
    name = hit.group(0).lower()
    return (
        "day" in holidays().get(name, {})
        and root.dep_ == "nsubj"
        and verb.lemma_ == "come"
        and any(c.lower_ == "early" and (c.head.i == verb.i or c.head.head.i == verb.i) for c in verb.subtree)
    )


# a holiday with its own year, a direction or a determiner names a day, in a comparison too
_NAMED_HOLIDAY = re.compile(r"\d|^(?:last|next|this|that|the)\s", re.IGNORECASE)


# the words of a page's menu or footer, when one stands on its line alone ("Today", "This week")
_FURNITURE = re.compile(r"^(?:today|now|tonight|this\s+week|this\s+weekend|this\s+morning)$", re.IGNORECASE)


def _line_of_its_own(text: str, seg: str, s: int, t: int) -> bool:
    """A deictic time word that is a line of its own is a page's menu or footer item, no time of
    the story ("Today\\nPolitics\\nWorld": a menu the cleaning kept); a date or a weekday so
    written (a live blog's heading, "Monday") stays."""
    if not _FURNITURE.match(seg):
        return False
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", t)
    before, after = text[start:s], text[t : len(text) if end < 0 else end]
    if not before.strip() and not after.strip():
        return True
    # an item of a row of links: "Home | Today | Politics"
    return bool(_MENU_BEFORE.fullmatch(before) and _MENU_AFTER.fullmatch(after) and (before.strip() or after.strip()))


_MENU_ITEM = r"[\w'’&-]+(?:\s+[\w'’&-]+){0,2}"
_MENU_BEFORE = re.compile(rf"\s*(?:{_MENU_ITEM}\s*[|·•]\s*)*")
_MENU_AFTER = re.compile(rf"(?:\s*[|·•]\s*{_MENU_ITEM})*\s*")


# "shortly after noon on Friday" (a model span the split cuts in two): how near the time after
# it, no time of its own
_NEAR = re.compile(r"^(?:shortly|soon|just|immediately|right)$", re.IGNORECASE)


# a determiner before a number makes it a year, not a house number: "a 2012 Supreme Court ruling"
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|that)\s+$", re.IGNORECASE)


def _house_number(text: str, seg: str, s: int, t: int) -> bool:
    """ "of 1119 Eighth St.": a number before a street; never one after an article."""
    if not seg.isdigit() or not _ADDRESS_AFTER.match(text, t):
        return False
    return not _DETERMINER_BEFORE.search(text, max(0, s - 8), s)


# a measure's other side: "a resolution of 1920 by 1080", "2880 x 1800 pixels"
_BY_NUMBER = re.compile(r"\s*(?:by|x|×)\s*\d", re.IGNORECASE)
_NUMBER_BY = re.compile(r"\d\s*(?:by|x|×)\s*$", re.IGNORECASE)
# what a year stands after when it names a plural noun's time: "the 1992 protests", "in 1994 elections"
_YEAR_BEFORE_TAGS = frozenset({"DT", "PRP$", "POS", "IN", "TO", "JJ", "NNP", "HYPH"})


def _counted(doc: Any, text: str, seg: str, s: int, t: int) -> bool:
    """A number that counts things, no year: "a screen 1920 pixels wide", "sent 1500 troops"
    (a number right before a plural noun, with no article, possessive or preposition before it:
    "the 1992 protests", "in 1994 elections" stay years), "1920 by 1080" (a measure's side)."""
    if not (seg.isdigit() and len(seg) == 4):
        return False
    if _BY_NUMBER.match(text, t) or _NUMBER_BY.search(text, max(0, s - 12), s):
        return True
    tok = _token_at(doc, s)
    if tok is None or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.tag_ != "NNS" or nxt.idx != t + 1 or nxt.lower_ in _UNIT_PLURALS:
        return False
    return tok.i == 0 or doc[tok.i - 1].tag_ not in _YEAR_BEFORE_TAGS


_UNIT_PLURALS = frozenset(w for w in _UNIT_WORDS if w.endswith("s"))  # "1500 years" is no count of things


# a house number: "of 1119 Eighth St.", "1909 Jolinda Drive", "3170 W. County Road 600S"
_ADDRESS_AFTER = re.compile(
    rf"\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:(?:[A-Z][\w'-]*|\d+{_ORDINAL})\.?\s+){{1,3}}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Place|Pl|Way|Court|Ct|Terrace|Highway|Hwy"
    r"|Pike|Parkway|Pkwy|Circle|Cir|Trail|Alley)\b"
)


def _in_name(seg: str, after: str) -> bool:
    """A title-case amount of time inside a proper name ("Six-Day" in "the Six-Day War")."""
    m = _NAMED_UNIT.match(seg)
    if not m or not (m.group("tail") or _NAME_GOES_ON.match(after)):
        return False
    first = re.split(r"[\s-]+", re.sub(r"^(?:a|an|the)\s+", "", seg))[0].lower()
    return first.isdigit() or first in NUMBERS


# an ordinal day the copula ties to the present: "It's the second day of the offensive", "today is
# the eighth day of the operation" (TimeML: the date of that day, here the publication's); _WHOSE: the
# words that may stand before the ordinal, read by both
_WHOSE = r"(?:(?:the|its|their|his|her|our)\s+)?"
_NTH_DAY = re.compile(
    rf"^{_WHOSE}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    rf"\d{{1,3}}{_ORDINAL})\s+(?:(?:straight|consecutive|full)\s+)?day$",
    re.IGNORECASE,
)
_TODAY_IS = re.compile(rf"\b(?:[Ii]t(?:'s|’s|\s+is)|[Tt]oday(?:'s|’s|\s+is))\s+{_WHOSE}$")
_YEAR_ENDED = re.compile(r"^(?:the\s+|its\s+)?(?:fiscal\s+|financial\s+)?year$", re.IGNORECASE)
_ENDED_AFTER = re.compile(r"\s*,?\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to end)\b", re.IGNORECASE)


_THE_TIME = re.compile(r"^(?:the|this|that|any)\s+time$", re.IGNORECASE)
_OF_YEAR = re.compile(r"^\s+of\s+(?:the\s+)?(?:year|day)\b", re.IGNORECASE)
_BARE_YEAR_DAY = re.compile(r"^(?:the\s+)?(?:year|day)$", re.IGNORECASE)
_TIME_OF = re.compile(r"\btime\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _time_of_year(seg: str, after: str, before: str) -> bool:
    """ "the time of year", "this time of day": a season or an hour left unsaid, no date."""
    return bool(_THE_TIME.match(seg) and _OF_YEAR.match(after)) or bool(
        _BARE_YEAR_DAY.match(seg) and _TIME_OF.search(before)
    )


_HYPHEN_WORD = re.compile(r"^-[a-z]")
_TWO_DIGIT_DECADE = re.compile(r"^[1-9]0s$")  # "50s" as written: no apostrophe, no century
_LEVEL_BEFORE = re.compile(r"\b(?:low|high|upper|lower)[\s-]+$", re.IGNORECASE)
_FINAL_AFTER = re.compile(r"^[\s-]?finals?\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"^(?:(?:about|almost|nearly|roughly|some|more\s+than|less\s+than|over|under)\s+)?"
    r"(?:a|one|two|three)[\s-]quarters?$",
    re.IGNORECASE,
)
_OF_NEXT = re.compile(r"^[\s,]*of\b", re.IGNORECASE)
_HYPHEN_FRACTION = re.compile(r"\b(?:one|two|three)-quarters?$", re.IGNORECASE)
_SMALL_HOURS = re.compile(r"^(?:the\s+)?(?:early|small|wee)\s+hours$", re.IGNORECASE)  # a part of the night
_ORDINAL_SECOND = re.compile(r"^(?:a|one)\s+second(?:\s+(?:straight|consecutive|running))?$", re.IGNORECASE)
_TITLE_UNIT = re.compile(r"^\d+\s+[A-Z][a-z]+$")


# "rose 2% year on year", "month-over-month", "year after year", "day by day": a unit measured
# against the next, no date
_PER_UNIT = r"(?:year|month|quarter|week|day)"
_LONE_UNIT = re.compile(rf"^{_PER_UNIT}$", re.IGNORECASE)
_UNIT_ON_AFTER = re.compile(rf"[\s-]+(?:on|over|after|by|to)[\s-]+{_PER_UNIT}\b", re.IGNORECASE)  # .match at the end
_UNIT_ON_BEFORE = re.compile(rf"\b{_PER_UNIT}[\s-]+(?:on|over|after|by|to)[\s-]+$", re.IGNORECASE)


def _unit_on_unit(text: str, s: int, t: int) -> bool:
    """ "rose 2% year on year", "month-over-month", "year after year": no date."""
    return bool(_LONE_UNIT.match(text[s:t])) and bool(
        _UNIT_ON_AFTER.match(text, t, t + 16) or _UNIT_ON_BEFORE.search(text, max(0, s - 16), s)
    )


def _no_time(seg: str, after: str, before: str = "") -> bool:
    """Words the model or the rules take for a time that are none: "three-quarters of its
    food", "a second betrayal", CBS's "60 Minutes", "the time of year" (a season, unsaid)."""
    nxt = after.strip().split(" ", 1)[0].lower() if after.strip() else ""
    if _time_of_year(seg, after, before):
        return True
    if _SMALL_HOURS.match(seg):
        return True  # "in the early hours of Sunday": no amount of hours (the day is its own span)
    if _FRACTION.match(seg) and (_OF_NEXT.match(after) or _HYPHEN_FRACTION.search(seg)):
        # "more than a quarter of the market", "about a quarter, of its dealers"; hyphenated, a
        # share whatever follows ("more than three-quarters from small donors")
        return True
    if seg.lower().endswith("quarter") and _FINAL_AFTER.match(after):
        return True  # "the second quarter-final": a round of a contest
    if _ORDINAL_SECOND.match(seg) and nxt[:1].isalpha() and nxt not in ("later", "ago", "earlier", "or", "and", "of"):
        return True
    if _ORDINAL_SECOND.match(seg) and _HYPHEN_WORD.match(after):
        return True  # "a second-place finish", "a second-generation resident": an ordinal's compound
    if _TWO_DIGIT_DECADE.match(seg) and _LEVEL_BEFORE.search(before):
        return True  # "risen to the low 50s", "the upper 40s": a level of a number; a decade is early/mid/late
    return bool(_TITLE_UNIT.match(seg))


def _mergeable(text: str, prev: list[int], s: int, t: int) -> bool:
    """Adjacent model spans that make one time: a clock time or a part of the day with its day."""
    a, b = text[prev[0] : prev[1]].lower(), text[s:t].lower()
    if (tb := resolve(b, fallback=False)) is not None and tb.type in ("duration", "set"):
        return False  # "3 p.m. on Tuesday" + ", two years"
    if (ta := resolve(a, fallback=False)) is not None and ta.type in ("duration", "set"):
        return False
    clock = re.search(
        r"\d[:.]\d\d|\b[ap]\.?m\b|\bgmt\b|\b(?:morning|afternoon|evening|night|noon|midnight|tonight|overnight)s?\b",
        a + " " + b,
    )
    return bool(clock) or bool(re.search(_WD, a) and re.search(r"morning|afternoon|evening|night", b))


# words that join two expressions in one span: each side is its own TIMEX3
_JOIN = re.compile(
    r"\s*(?:,|;|\s(?:and|or|to|through|thru|until|till|ended|ending|from|before|after|then|since|and then|but|of)\s|"
    r"\s+[-–]\s+|–)\s*",
    re.IGNORECASE,
)
_MONTH_WORD = r"[A-Za-z]+\.?"  # a month as written, maybe cut short ("Sept."): timex.resolve reads it
_DAY_RANGE = re.compile(
    rf"^(?P<m>{_MONTH_WORD})\s+(?P<d1>\d{{1,2}}){_ORDINAL}?\s*[-–]\s*(?P<d2>\d{{1,2}}){_ORDINAL}?"
    r"(?P<y>,?\s+\d{4})?$"
)
_MONTH_RANGE = re.compile(rf"^(?:the\s+)?(?P<m1>{_MONTH_WORD})\s*[-–]\s*(?P<m2>{_MONTH_WORD})(?:,?\s+\d{{4}})?$")
_YEAR_LIST = re.compile(rf"^{_YEAR}(?:(?:,\s*|,?\s+(?:and|or|to|through)\s+){_YEAR})+$")
_YEAR_ITEM = re.compile(rf"\b{_YEAR}\b")
_UNIT_TAIL = re.compile(r"\s+([a-z]+)$", re.IGNORECASE)
_DAY_NUMBER = re.compile(rf"^(\d{{1,2}}){_ORDINAL}?$")


def _one(expr: str) -> Timex | None:
    """The resolver's reading of ``expr`` from its own patterns only (no dateparser fallback)."""
    try:
        return resolve(expr, "2000-01-01", None, fallback=False)
    except Exception:  # noqa: BLE001 - an odd string is simply not an expression
        return None


_AND_WORD = re.compile(r"\band\b", re.IGNORECASE)


def _split(text: str, s: int, t: int) -> list[tuple[int, int, str]]:
    """One span, or the expressions it joins: "March 3 to March 5", "1994, 1995 and 1997",
    "12 and 18 months", "April 24 and 25", "the quarter ended Sept. 30", "3 p.m. on Tuesday,
    two years". A comma that only completes a date ("Friday, March 22", "March 5, 2018") does
    not split."""
    seg = text[s:t]
    if _YEAR_LIST.match(seg):  # "1994, 1995 and 1997": each year
        return [(s + y.start(), s + y.end(), y.group(0)) for y in _YEAR_ITEM.finditer(seg)]
    rng = _DAY_RANGE.match(seg)
    if rng and rng.group("m").lower().rstrip(".") in MONTHS:  # "March 20-22", "June 3-5, 2013": each day
        year = rng.group("y") or ""
        return [
            (s, s + rng.end("d1"), f"{rng.group('m')} {rng.group('d1')}{year}"),
            (s + rng.start("d2"), t, f"{rng.group('m')} {rng.group('d2')}{year}"),
        ]
    rng = _MONTH_RANGE.match(seg)
    if rng and all(rng.group(k).lower().rstrip(".") in MONTHS for k in ("m1", "m2")):  # "January-February"
        return [
            (s + rng.start("m1"), s + rng.end("m1"), rng.group("m1")),
            (s + rng.start("m2"), t, seg[rng.start("m2") :]),
        ]
    whole = _one(seg)
    if whole is not None and whole.type == "duration" and _AND_WORD.search(seg):
        return [(s, t, seg)]  # one amount: "two and a half years", "two hours and 15 minutes"
    for m in _JOIN.finditer(seg):
        left, right = seg[: m.start()], seg[m.end() :]
        if not left.strip() or not right.strip():
            continue
        sep = m.group(0).strip().lower()
        if whole is not None and (sep == "of" or (sep in (",", "") and whole.type in ("date", "time"))):
            continue  # one date ("Friday, March 22"; "the morning of March 3"), one amount ("a quarter of a century")
        lx = _one(left)
        if lx is not None and lx.type == "duration" and sep in ("before", "after", "since") and _one(right) is None:
            return [(s, s + m.start(), left)]  # "several months before he took office": the rest is its anchor
        if lx is None:
            if sep in ("and", "or", "to") and re.fullmatch(r"\d{1,3}|[a-z]+", left.strip(), re.I):
                unit = _UNIT_TAIL.search(right)  # "12 and 18 months", "two to three weeks"
                if unit and _one(left + " " + unit.group(1)) is not None and _one(right) is not None:
                    return [(s, s + m.start(), left + " " + unit.group(1))] + _split(text, s + m.end(), t)
            continue
        day = _DAY_NUMBER.match(right.strip())
        if day and sep in ("and", "or", "to", "through", "-", "–") and lx.type == "date":
            mon = re.match(r"^\s*(?:[a-z]+day,?\s+)?([a-z]+\.?)\s+\d", left, re.I)
            if mon and mon.group(1).lower().rstrip(".") in MONTHS:  # "April 24 and 25"
                return [(s, s + m.start(), left), (s + m.end(), t, f"{mon.group(1)} {day.group(1)}")]
        rx = _one(right)
        if rx is None:
            continue
        return _split(text, s, s + m.start()) + _split(text, s + m.end(), t)
    if whole is None:
        return _shrink(text, s, t)
    return [(s, t, seg)]


_BARE_UNIT = re.compile(
    r"^(?:the\s+)?(?:year|month|week|weekend|day|quarter|season|half|decade|century)$", re.IGNORECASE
)


_COUNT_AFTER = re.compile(rf"\s+(?:\d|(?:{_NUMW}|few|several|many)\b)", re.IGNORECASE)


def _shrink(text: str, s: int, t: int) -> list[tuple[int, int, str]]:
    """A span the resolver cannot read as a whole: the longest run of its words that it can
    ("During the day Friday" -> "Friday", "in April month" -> "April"); else the span as it is,
    for the last-resort reading."""
    seg = text[s:t]
    words = [m.span() for m in re.finditer(r"\S+", seg)]
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            a, b = words[i][0], words[i + size - 1][1]
            piece = seg[a:b]
            if _BARE_UNIT.match(piece) or _no_time(piece, seg[b:] + text[t : t + 12], seg[:a]):
                continue  # "the entire year" -> "year" would be this year: no; "a second day" -> "a second": no
            tx = _one(piece)
            if tx is not None and tx.granularity == "ref" and _COUNT_AFTER.match(seg, b):
                continue  # "the past three summers": "the past" is no reference here
            if tx is not None and tx.value is not None and (tx.granularity != "ref" or size > 1):
                return [(s + a, s + b, piece)]
    return [(s, t, seg)]


def find_timexes(doc: Any, anchor: date | str | None = None, text: str | None = None) -> list[TimexSpan]:
    """Every temporal expression in ``doc`` resolved against ``anchor`` (a date or "YYYY-MM-DD").
    ``text`` is ``doc.text`` when the caller has it (Doc.text is rebuilt on each access)."""
    a = parse_anchor(anchor)
    out: list[TimexSpan] = []
    full = doc.text if text is None else text
    last: str | None = None  # the latest calendar date the story named: the narrative's time
    last_end = -1  # where its words end
    last_written = False  # whether the latest date's year is written (or carried from one written)
    last_year: str | None = None  # the year of the latest date, quarter or season the story named
    written: tuple[str, Any] | None = None  # the latest year written out, and its span
    days: list[str | None] = []  # before each expression, the latest full date the story named
    quarter: tuple[str, int] | None = None  # the latest quarter the story named, and where
    parts: dict[str, str] = {}  # a part of the day ("MO") -> the latest day the story named it on
    own: set[int] = set()  # expressions whose day is settled here ("that morning" after "Monday morning")
    for s, t, expr in _candidates(doc, full):
        span = doc.char_span(s, t, alignment_mode="expand")
        tense = tense_of(span) if span is not None and len(span) else None
        if tense == "present" and full[t : t + 2] in ("'s", "’s"):
            tense = None  # "a premium over Thursday's closing price": a noun's day, mostly one gone by
        if tense == "present" and _WEEKDAY_WORD.match(expr.strip()) and _scheduled(span):
            tense = "future"  # "voting ends on Sunday", "the deadline is Monday": the one ahead
        part_of = _PART_OF_EVENT.match(expr.strip())
        signal = _EVENT_SIGNAL.match(full, t) if part_of else None
        if signal and part_of:
            # "the morning after the debate": the next morning (counted from the latest day the story named
            # until the anchor's own day, if it has one, settles it in find_times)
            ahead = signal.group(1).lower() == "after"
            expr = f"the next {part_of.group(1)}" if ahead else f"the {part_of.group(1)} before"
        tx = _resolve_safe(expr, a, tense)
        if (
            tx is not None
            and last is not None
            and (
                tx.value is None
                or _THE_PREVIOUS.match(expr)
                or _THE_REL_WEEKDAY.match(expr.strip())
                or NARRATED_PART.match(_LEAD_TRIM.sub("", expr.strip()))
            )
            and not (_THE_DAY.match(expr) and not _same_sentence(span, last_end, full, s, t))
        ):
            tx = _narrative(expr, last, tx)
        if (
            tx is not None
            and tx.value is None
            and a is not None
            and _DAY_COURSE.search(full, max(0, s - 12), t)
            and not _DAY_OF_NEXT.match(full, t)
        ):
            tx = Timex(a.isoformat(), "date", "day", tx.mod)  # "ended the day" with no day named before
        if tense == "future" and tx is not None and _ONE_DAY.match(expr.strip()) and _before_its_verb(span):
            tx = Timex("FUTURE_REF", "date", "ref", tx.mod)  # "Islam will one day be ...": some day ahead
        carried = (
            tense != "future"
            and tx is not None
            and last is not None
            and last_written
            and _later_that_month(expr, tx, last)
        )
        if carried and tx is not None and tx.value and last is not None:
            # "on December 16, 2010 ... She returned on December 27": later in the month the story
            # dated with its year, that month's year (a 2012 story: not December 2011)
            tx = Timex(last[:4] + tx.value[4:], tx.type, tx.granularity, tx.mod)
        if tense == "past" and tx is not None and a is not None and _of_the_year_written(written, span, expr, tx, a):
            # "remained in the 2008 primary contest against Barack Obama until June" (a 2016 story):
            # told in the past in the sentence of an earlier year written out, that year's
            tx = Timex(written[0] + (tx.value or "")[4:], tx.type, tx.granularity, tx.mod)  # type: ignore[index]
        if tense == "past" and tx is not None and a is not None and _next_month_of_a_noun(span, expr, tx, a):
            tx = Timex(f"{a.year:04d}-{a.month + 1:02d}", "date", "month", tx.mod)
        if (
            tx is not None
            and last_year is not None
            and _WHOLE_YEAR.match(expr)
            and not (a is not None and int(last_year) > a.year)
        ):
            # "a loss for the entire year" after "the fourth quarter of 2005"; a target year ahead
            # ("intended by 1992 to achieve ...; forecast an increase for the full year") is none
            tx = Timex(last_year, "date", "year", tx.mod)
        month = (
            _month_of_its_clause(span, out, a)
            if tx is not None and tx.value and _THE_MONTH.match(expr.strip())
            else None
        )
        if tx is not None and month:
            # "Erdogan demanded in early February that Syrian forces withdraw by the end of the
            # month" (a March story): the month of the clause the words hang under, not the story's
            tx = Timex(month, tx.type, tx.granularity, tx.mod)
        same = SAME_BACK.match(_norm_expr(expr))
        if same:
            tx = _year_before(same.group("u"), quarter[0] if quarter else None, last) or tx
        derived = None
        if quarter is not None and s - quarter[1] < _RESULTS_REACH:
            derived = _same_period(expr, quarter[0], tx)
            tx = derived or tx
        if tx is not None and tx.type == "duration" and tx.value and _EACH_OF.search(full, max(0, s - 20), s):
            one = _ONE_UNIT.match(tx.value)
            if one:  # "in each of the last three years": every year of them, a set (P1Y)
                tx = Timex(f"P{one.group(1)}1{one.group(2)}", "set", "set", tx.mod)
        historic = bool(_HISTORIC) and (day := _historic_day(expr, tx, full, s, t, a, doc)) is not None
        if historic:
            tx = Timex(day, "date", "day", None)
        ts = TimexSpan(s, t, full[s:t], tx, tense)
        days.append(last if last and _DAY_VALUE.match(last) else None)
        if (tx is not None and tx.type == "duration") or signal:
            _signal(doc, full, ts)
            if signal:
                own.add(len(out))  # its day is settled here (or by its anchor), not by the clock pass
        elif tx is not None and tx.value is None and _DAY_OF_EVENT.match(expr.strip()) and _EVENT_SIGNAL.match(full, t):
            # "arrested the day after the shooting": a day one off the day of an event the words
            # name; the event coder dates it from that event (`events.dating`)
            _signal(doc, full, ts)
        elif (
            tx is not None
            and tx.type in ("date", "time")
            and calendar_date(tx.value)
            and not (tx.type == "time" and not _OWN_DAY.search(expr))
            and not historic  # "the 2011 raid that killed 9/11 plotter Osama bin Laden": a name, no narrative day
        ):
            # a clock time whose words name no day ("at 10 p.m.") holds the anchor's day only until
            # `_clock_days` settles it: it names no day for the story's narrative
            last = calendar_date(tx.value)
            last_end = t
            last_written = carried or _WRITTEN_YEAR.search(expr) is not None
        if tx is not None and tx.type in ("date", "time") and tx.value and _YEAR_HEAD.match(tx.value) and not historic:
            last_year = tx.value[:4]
            if _WRITTEN_YEAR.search(expr) and span is not None and len(span):
                written = (last_year, span)
        if (
            tx is not None
            and derived is None
            and tx.value
            and _QUARTER.match(tx.value)
            and _takes_over(tx.value, quarter, s, a)
        ):
            quarter = (tx.value, t)
        back = _THAT_PART_ONLY.match(expr.strip())
        if back and tx is not None and (day := parts.get(PARTS[back.group(1).lower()])):
            # "the Monday morning shootings ... what witnesses saw that morning": that Monday
            ts.timex = Timex(f"{day}T{PARTS[back.group(1).lower()]}", "time", "time", tx.mod)
            own.add(len(out))
        elif tx is not None and tx.type == "time" and tx.value and (pm := _PART_VALUE.match(tx.value)):
            parts[pm.group(2)] = pm.group(1)
        out.append(ts)
    _clock_days(full, out, days, own)
    _shared_habits(full, out)
    _shared_years(full, out)
    _after_clause_days(doc, out)
    return out


# "the month", "the end of the month": the story's month unless a clause above names another
_THE_MONTH = re.compile(r"^(?:the\s+(?:start|beginning|middle|end)\s+of\s+)?the\s+month$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def _month_of_its_clause(span: Any, found: list[TimexSpan], anchor: date | None) -> str | None:
    """The month the time named last before ``span`` in its sentence names, when that time is an
    adjunct of a verb ("demanded in early February", "said on Feb. 28": in, on or during, or a bare
    noun phrase, attached to the verb itself) and ``span`` lies in that verb's complement clause,
    one with a subject of its own ("... that Syrian forces withdraw by the end of the month").
    None for a month of a noun ("the February figures", "a strike in January"), of "since",
    "after" or "despite", a weekday, a month ahead of the story's, a conjunct or another clause
    (review 25 T2)."""
    if span is None or not len(span) or not found or anchor is None:
        return None
    doc = span.doc
    prior = found[-1]
    value = prior.timex.value if prior.timex is not None else None
    if prior.start < sent_at(doc, span.start).start_char or not value or not _MONTH_OR_DAY.match(value):
        return None
    if value[:7] > f"{anchor.year:04d}-{anchor.month:02d}" or not _NAMES_MONTH.search(prior.text):
        return None
    pspan = doc.char_span(prior.start, prior.end, alignment_mode="expand")
    if pspan is None or not len(pspan):
        return None
    root = pspan.root
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "on", "during"):
        verb = root.head.head
    elif root.dep_ == "npadvmod":
        verb = root.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    tok = span.root
    for _ in range(12):
        if tok.head.i == tok.i or tok.dep_ == "conj":
            return None
        if tok.head.i == verb.i:
            # a complement clause with a subject of its own ("that Syrian forces withdraw"; not
            # "Talks on the ceasefire agreed in January will resume", "resume" parsed under "agreed")
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
            return value[:7] if tok.dep_ == "ccomp" and own_subject else None
        tok = tok.head
    return None


_NAMES_MONTH = re.compile(rf"\b{month_pattern()}", re.IGNORECASE)


# "will one day be", "may one day run": an indefinite day ahead (TimeML FUTURE_REF), not an amount
# of one day ("will last one day", "for one day": after the verb or behind a preposition)
_ONE_DAY = re.compile(r"^(?:one|some)\s+day$", re.IGNORECASE)


def _before_its_verb(span: Any) -> bool:
    """Whether ``span`` stands before the verb it modifies, with no preposition: "will one day be"."""
    if span is None or not len(span):
        return False
    root = span.root
    verb = root.head
    return root.dep_ in ("npadvmod", "advmod", "nsubj") and verb.pos_ in ("VERB", "AUX") and span.end <= verb.i


_MONTH_DAY_ONLY = re.compile(rf"^(?:on\s+)?{month_pattern()}\s+\d{{1,2}}{_ORDINAL}?$", re.IGNORECASE)


def _later_that_month(expr: str, tx: Timex, last: str) -> bool:
    """A day written without its year ("December 27", "Christmas") later in the month of the story's
    latest full date, whose year the reading from the publication date does not share."""
    if not (tx.value and _DAY_VALUE.match(tx.value) and _DAY_VALUE.match(last)):
        return False
    if tx.value[:4] == last[:4] or tx.value[5:7] != last[5:7] or tx.value[8:] <= last[8:]:
        return False
    e = expr.strip()
    return _MONTH_DAY_ONLY.match(e) is not None or e.lower() in HOLIDAY_NAMES


def _of_the_year_written(written: tuple[str, Any] | None, span: Any, expr: str, tx: Timex, a: date) -> bool:
    """Whether a month or a day without its year, read as past, takes the year written out earlier
    in its sentence: only a year that dates the verb the day hangs under ("In 2008, Obama's campaign
    began airing ads in mid-September"), not one that names a noun ("The 2024 law was amended in
    February", "from 2024 levels in January"), follows "since"/"after", sits in a clause of a noun's
    ("a program approved by the company in 1987 ... through Sept. 29") or in another conjunct."""
    if written is None or span is None or not len(span) or not tx.value or not _YEAR_HEAD.match(tx.value):
        return False
    year, yspan = written
    if not a.year - 100 < int(year) < a.year or tx.value[:4] == year or _WRITTEN_YEAR.search(expr):
        return False
    e = expr.strip()
    if not (_MONTH_DAY_ONLY.match(e) or _BARE_MONTH.match(e)):
        return False
    doc = span.doc
    if sent_at(doc, span.start).start != sent_at(doc, yspan.start).start:
        return False
    yr = yspan.root
    if not (yr.dep_ == "pobj" and yr.head.lower_ == "in" and yr.head.head.pos_ in ("VERB", "AUX")):
        return False  # only a year that dates the verb ("In 2008, ... began airing ads in mid-September")
    verb = yr.head.head
    up = {}  # the day's ancestors -> whether the way up to them passes a conjunct
    tok, conj = span.root, False
    for _ in range(16):
        up[tok.i] = conj
        if tok.head.i == tok.i:
            break
        conj = conj or tok.dep_ == "conj"
        tok = tok.head
    return verb.i in up and not up[verb.i]  # the day below the year's verb, not in another conjunct


_BARE_MONTH = re.compile(rf"^(?:(?:early|late|mid)[\s-]+)?{month_pattern()}$", re.IGNORECASE)


def _next_month_of_a_noun(span: Any, expr: str, tx: Timex, a: date) -> bool:
    """Whether a bare month read as past is the month right after the publication's and is a
    noun's time, not the past verb's: "informed oil companies of a cutback in its supply in
    September" (an August story), "the first trading day for November transactions" (October):
    the coming month, not the one eleven months back. TimeBank + AQUAINT, MEANTIME and ECB+ write
    the month after the story's as ahead 11 times and eleven months back never; a month the past
    verb takes itself ("met the leaders in March", a February story) stays the past one."""
    if a.month == 12 or tx.value != f"{a.year - 1:04d}-{a.month + 1:02d}" or not _BARE_MONTH.match(expr.strip()):
        return False
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(12):
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX") and tok.i != span.root.i:
            return False
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end:
            return True
    return False


def _after_clause_days(doc: Any, found: list[TimexSpan]) -> None:
    """ "Police arrested him on Monday after he attacked a guard on Friday" (a Friday story): what
    an "after" clause tells came before its main clause's day, so a weekday there that the tense
    put on or after that day is the one a week before."""
    for ts in found:
        if ts.timex is None or not ts.timex.value or not _DAY_VALUE.match(ts.timex.value):
            continue
        if not _WEEKDAY_WORD.match(ts.text.strip()):
            continue
        span = doc.char_span(ts.start, ts.end, alignment_mode="expand")
        verb = _verb_above(span.root) if span is not None and len(span) else None
        if (
            verb is None
            or verb.dep_ != "advcl"
            or not any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children)
        ):
            continue
        main = _verb_above(verb)
        if main is None:
            continue
        for other in found:
            if other is ts or other.timex is None or not other.timex.value or not _DAY_VALUE.match(other.timex.value):
                continue
            o = doc.char_span(other.start, other.end, alignment_mode="expand")
            above = _verb_above(o.root) if o is not None and len(o) else None
            if above is None or above.i != main.i:
                continue
            if ts.timex.value >= other.timex.value:
                day = date.fromisoformat(ts.timex.value) - timedelta(days=7)
                ts.timex = Timex(day.isoformat(), ts.timex.type, ts.timex.granularity, ts.timex.mod)
            break


_RANGE_GAP = re.compile(r"^\s*(?:to|through|thru|until|till|and|[-–])\s*$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")


def _shared_years(text: str, found: list[TimexSpan]) -> None:
    """ "from March to May 2019", "between Dec. 3 and Jan. 5, 2019": the first end of a range
    without its own year takes the year written on the second (the year before when it lies later
    in the calendar), not the one the tense gives it."""
    for i in range(len(found) - 1):
        ts, nxt = found[i], found[i + 1]
        if ts.timex is None or nxt.timex is None or not ts.timex.value or not nxt.timex.value:
            continue
        left, right = _MONTH_OR_DAY.match(ts.timex.value), _MONTH_OR_DAY.match(nxt.timex.value)
        if not left or not right or _WRITTEN_YEAR.search(ts.text) or not _WRITTEN_YEAR.search(nxt.text):
            continue
        if not _RANGE_GAP.match(text[ts.end : nxt.start]):
            continue
        year = int(right.group(1)) - (left.group(2) > right.group(2)[: len(left.group(2))])
        value = f"{year:04d}{left.group(2)}"
        try:
            date.fromisoformat(value if len(value) == 10 else value[:7] + "-01")
        except ValueError:
            continue  # 29 February of a year without one
        ts.timex = Timex(value, ts.timex.type, ts.timex.granularity, ts.timex.mod)


_HABIT = re.compile(r"^XXXX-WXX-\d(T[A-Z]{2})?$")
_WEEKDAY_WORD = re.compile(rf"^(?:on\s+)?({'|'.join(WEEKDAY_NAMES)})$", re.IGNORECASE)
_AND_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|or|&)?\s*$")


def _shared_habits(text: str, found: list[TimexSpan]) -> None:
    """ "Monday and Tuesday nights": a weekday joined to a habit shares it (XXXX-WXX-1TNI)."""
    for i in range(len(found) - 2, -1, -1):
        ts, nxt = found[i], found[i + 1]
        m = _WEEKDAY_WORD.match(ts.text.strip())
        if not m or nxt.timex is None or not nxt.timex.value or not _HABIT.match(nxt.timex.value):
            continue
        if not _AND_GAP.match(text[ts.end : nxt.start]):
            continue
        part = nxt.timex.value[10:]
        ts.timex = Timex(f"XXXX-WXX-{WEEKDAYS[m.group(1).lower()] + 1}{part}", "set", "set")


# Results stories compare a quarter with the same quarter a year before: "third-quarter profit
# rose to $5 million from $3 million a year earlier" (1988-Q3 in a story of 1989-Q3's results),
# "the year-ago period", "the 1988 quarter", "the latest period". Within this many characters
# after a named quarter, such words mean that quarter (or the one a year before it).
_RESULTS_REACH = 1500
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_PERIOD_BACK = re.compile(
    r"^(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|"
    r"year[-\s](?:ago|earlier)(?:\s+(?:quarter|period|results?))?)$"
)
_PERIOD_YEAR = re.compile(r"^(?:the\s+)?(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)$")
_PERIOD_LATEST = re.compile(r"^(?:the\s+)?(?:latest|most recent)\s+period$")


def _takes_over(value: str, quarter: tuple[str, int] | None, s: int, a: date | None) -> bool:
    """Whether a quarter named at ``s`` becomes the story's results quarter: the one named last,
    unless both are over by the publication and it is the earlier ("third-quarter profit rose
    ... after a flat second quarter": the third stays)."""
    if quarter is None or s - quarter[1] >= _RESULTS_REACH or a is None:
        return True
    now = f"{a.year:04d}-Q{(a.month - 1) // 3 + 1}"
    return not (value < now and quarter[0] < now and value < quarter[0])


_SPACES = re.compile(r"\s+")


def _norm_expr(expr: str) -> str:
    return _SPACES.sub(" ", expr.lower().replace("’", "'")).strip().removesuffix("'s")


_MONTH_HEAD = re.compile(r"^(\d{4})-(\d{2})")  # the year and month of the story's last day ("2019-04-17")


def _year_before(unit: str, quarter: str | None, last: str | None) -> Timex | None:
    """ "the same month a year ago": the quarter (or month) the story named last, a year before;
    None when it named none (the resolver's reading from the publication stands)."""
    if unit in ("quarter", "period") and quarter:
        return Timex(f"{int(quarter[:4]) - 1:04d}-{quarter[5:]}", "date", "quarter")
    m = _MONTH_HEAD.match(last or "")
    if unit in ("month", "period") and m:
        return Timex(f"{int(m.group(1)) - 1:04d}-{m.group(2)}", "date", "month")
    return None


def _same_period(expr: str, quarter: str, tx: Timex | None) -> Timex | None:
    """ "a year earlier", "the year-ago period", "the 1988 quarter", "the latest period" after a
    story named ``quarter`` ("1989-Q3"): that quarter a year before, in the year said, or itself;
    None for other words."""
    e = _norm_expr(expr)
    y, q = int(quarter[:4]), quarter[-1]
    mod = tx.mod if tx is not None else None
    if _PERIOD_BACK.match(e):
        return Timex(f"{y - 1:04d}-Q{q}", "date", "quarter", mod)
    m = _PERIOD_YEAR.match(e)
    if m:
        return Timex(f"{m.group('y')}-Q{q}", "date", "quarter", mod)
    if _PERIOD_LATEST.match(e):
        return Timex(quarter, "date", "quarter", mod)
    return None


# "the previous week", "the preceding year": the one before the story's last date, as "the
# following week" is the one after it (without "the", "previous" reads from the publication)
_THE_PREVIOUS = re.compile(rf"^the\s+(?:(?:previous|preceding|prior)\s+{_NARR_UNIT}|{_UNIT_BEFORE})$", re.IGNORECASE)


# "down 4.5% from the previous Friday", "the following Monday": that weekday before (after) the
# story's last day, as "the previous week" is (without "the", "next Friday" reads from the publication)
_THE_REL_WEEKDAY = re.compile(
    rf"^the\s+(?P<rel>previous|preceding|prior|following|next)\s+(?P<wd>{'|'.join(WEEKDAY_NAMES)})$", re.IGNORECASE
)
_YEAR_HEAD = re.compile(r"^\d{4}(?:$|-)")
_WHOLE_YEAR = re.compile(r"^the\s+(?:full|entire|whole)\s+year$", re.IGNORECASE)
_AFTER_NEXT = re.compile(r"\s+(?:after|before)\b", re.IGNORECASE)
_DAY_OF_NEXT = re.compile(r"\s+(?:of|before|after|when|that)\b", re.IGNORECASE)
_APPOSED = re.compile(r"\s*,\s*")
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
# "later in the day", "early in the day": a moment in the course of the story's day (_THE_DAY, _DAY_COURSE, _NARRATIVE)
_LATER_IN = r"(?:later|earlier|late|early)\s+in\s+"
_THE_DAY = re.compile(rf"^(?:{_LATER_IN})?the\s+day$", re.IGNORECASE)


def _same_sentence(span: Any, last_end: int, text: str, s: int, t: int) -> bool:
    """Whether "the day" (at ``span``) may be the day of the date named last: not "the day after
    his death"; and the market idiom "down 0.21% on the day" only when that date is in its own
    sentence (after "late on Monday" in the sentence before, the day is the story's trading day).
    "Ended the day", "later in the day" follow the narrative ("On Aug. 3 ... later in the day")."""
    if last_end < 0 or span is None or not len(span):
        return False
    if _AFTER_NEXT.match(text, t):
        # "the day before the vote" counts from the vote; in apposition to the date it is that
        # date ("Eight days after Oct. 12, the day before the market plunge")
        return bool(_APPOSED.fullmatch(text, last_end, s))
    if _ON_BEFORE.search(text, max(0, s - 4), s):
        return bool(sent_at(span.doc, span.start).start_char <= last_end)
    return True


_DAY_COURSE = re.compile(rf"\b{_LATER_IN}the\s+day$|\b(?:end(?:s|ed|ing)?|on)\s+the\s+day$", re.IGNORECASE)


# what may stand between a clock time and its day: "at 16:15 UTC, June 1st", "10:35 a.m. (0735
# GMT) Friday", "8 p.m. local time on Sunday"
_CLOCK_GAP = re.compile(
    rf"^(?:\s*,?\s*(?:(?:local\s+time|{_TZS}|ET|PT|CT|MT)\s*,?\s*)?(?:on\s+)?|\s*\([^()]*\)\s*(?:on\s+)?)$",
    re.IGNORECASE,
)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OWN_DAY = re.compile(
    rf"\d{{1,2}}{_ORDINAL}?\b.*\b(?:19|20)\d\d|day\b|[a-z]+\.? \d|\b(?:tonight|today|tomorrow|yesterday|this|last)\b|"
    r"^the\s+(?:next|following|previous|preceding|prior)\b|\bbefore$",
    re.IGNORECASE,
)


_THAT_PART_ONLY = re.compile(r"^that\s+(?:same\s+)?(morning|afternoon|evening|night)$", re.IGNORECASE)
_PART_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)$")


def _clock_days(text: str, found: list[TimexSpan], days: list[str | None], own: set[int] | None = None) -> None:
    """The day of a time whose words name none. A clock time next to its day keeps its own span
    and takes the day's date: "at 16:15 UTC, June 1st", "10:35 a.m. (0735 GMT) Friday",
    "Tuesday at 3 p.m." (TIMEX3 marks the two apart). Else a past one is on the story's latest
    full date ("was shot at 10 p.m.", "later that evening"), a present or future one on the
    publication day."""
    given: set[int] = set()
    for i in range(len(found) - 1, -1, -1):  # right to left: "2 a.m. (0100 GMT) on Wednesday"
        ts, tx = found[i], found[i].timex
        if tx is None or tx.type != "time" or _OWN_DAY.search(ts.text) or (own and i in own):
            continue
        hour = tx.value[10:] if tx.value and "T" in tx.value else None
        if hour is None:  # "later that evening": the part of the day comes from the words
            part = _THAT_PART.search(ts.text)
            hour = f"T{PARTS[part.group(1).lower()]}" if part else None
        for j in (i + 1, i - 1):
            if not 0 <= j < len(found) or hour is None:
                continue
            other, ov = found[j], found[j].timex
            gap = text[ts.end : other.start] if j > i else re.sub(r"\s*(?:at|,)\s*$", "", text[other.end : ts.start])
            day = ov.value[:10] if ov is not None and ov.value else ""
            if ov is not None and _DAY_VALUE.match(day) and (ov.type == "date" or j in given) and _CLOCK_GAP.match(gap):
                ts.timex = Timex(day + hour, "time", "time", tx.mod)
                given.add(i)
                break
        else:
            if hour is not None and (day_i := days[i]) and (ts.tense == "past" or tx.value is None):
                if _SMALL_HOUR.match(hour) and _night_of(found, i, day_i):
                    # "on Wednesday night ... By 2 a.m., police had cleared the square": the small
                    # hours after that night are the next day's
                    day_i = shift(day_i, "P1D", "after") or day_i
                ts.timex = Timex(day_i + hour, "time", "time", tx.mod)
                given.add(i)


_SMALL_HOUR = re.compile(r"^T0[0-5]:\d\d")
_LATE_VALUE = re.compile(r"T(?:EV|NI|1[89]:\d\dZ?|2[0-4]:\d\dZ?)$")


def _night_of(found: list[TimexSpan], i: int, day: str) -> bool:
    """Whether the time the story named last before ``found[i]`` is the evening or night of ``day``
    ("Wednesday night", "at 11 p.m." on that day)."""
    for j in range(i - 1, -1, -1):
        tx = found[j].timex
        if tx is None or tx.type not in ("date", "time") or not tx.value:
            continue
        return tx.type == "time" and tx.value.startswith(day) and bool(_LATE_VALUE.search(tx.value))
    return False


_THAT_PART = re.compile(r"\b(morning|afternoon|evening|night)\b", re.IGNORECASE)


_NARRATIVE = re.compile(
    r"^(?:the\s+)?(?:(?P<rel>following|next|previous|preceding|prior|same|that)\s+|(?:later|earlier)\s+that\s+|"
    r"that\s+same\s+)(?P<unit>day|week|month|year)$|"
    # "later in the day", "ended the day": the story's day
    rf"^(?:{_LATER_IN})?the\s+(?P<unit3>day)$|"
    r"^the\s+(?P<unit2>day|week|month|year)\s+(?:before|previous|earlier)$|"  # "the year before": the previous year
    # "the next night", "the morning before": that part of the day after (before) the story's day
    r"^the\s+(?:(?P<prel>next|following|previous|preceding|prior)\s+(?P<part>morning|afternoon|evening|night)|"
    r"(?P<part2>morning|afternoon|evening|night)\s+before)$",
    re.IGNORECASE,
)


def _narrative(expr: str, last: str, tx: Timex) -> Timex:
    """ "The following year", "the next day", "that day", "later that year": counted from the
    latest date the story named before ("On May 22, 1995, he was promoted, and the following
    year ..." -> 1996), not from the publication date."""
    rw = _THE_REL_WEEKDAY.match(expr.strip())
    if rw:
        if not _DAY_VALUE.match(last):
            return tx
        d, wd = date.fromisoformat(last), WEEKDAYS[rw.group("wd").lower()]
        if rw.group("rel").lower() in ("following", "next"):
            d += timedelta(days=(wd - d.weekday()) % 7 or 7)
        else:
            d -= timedelta(days=(d.weekday() - wd) % 7 or 7)
        return Timex(d.isoformat(), "date", "day", tx.mod)
    m = _NARRATIVE.match(_LEAD_TRIM.sub("", expr.strip()))
    if not m:
        return tx
    part = m.group("part") or m.group("part2")
    if part:
        if not _DAY_VALUE.match(last):
            return tx
        ahead = m.group("prel") in ("next", "following")
        day = shift(last, "P1D", "after" if ahead else "before")
        return Timex(f"{day}T{PARTS[part.lower()]}", "time", "time", tx.mod) if day else tx
    if m.group("unit3"):
        unit, rel = "day", "same"
    elif m.group("unit2"):
        unit, rel = m.group("unit2").lower(), "previous"
    else:
        unit, rel = m.group("unit").lower(), (m.group("rel") or "same").lower()
    precision = {"day": 3, "week": 3, "month": 2, "year": 1}[unit]
    if len(last.split("-")) < precision:
        return tx  # "the next day" after "in 2009": no day to count from
    value: str | None
    if rel in ("same", "that"):
        value = last if unit == "day" else last[:7] if unit == "month" else last[:4]
    else:
        value = shift(last, f"P1{unit[0].upper()}", "after" if rel in ("following", "next") else "before")
    if value and unit == "week":
        y, w, _ = date.fromisoformat(value).isocalendar()
        value = f"{y}-W{w:02d}"
    return Timex(value, "date", unit, tx.mod) if value else tx


def _signal(doc: Any, text: str, ts: TimexSpan) -> None:
    """A duration's direction and anchor from the word after it: "two years after the 2017
    crisis" (after; the object of "after"), "18 years after Washington invaded" (after; the
    clause "after" introduces), "three days later" (after; no words name the anchor)."""
    m = _SIGNAL.match(text[ts.end : ts.end + 20])
    if not m:
        return
    word = m.group(1).lower()
    ts.direction = "before" if word in ("before", "prior to", "earlier") else "after"
    if word in ("later", "earlier", "afterward", "afterwards"):
        return
    sig = doc.char_span(ts.end + m.start(1), ts.end + m.end(1), alignment_mode="expand")
    if sig is None or not len(sig):
        return
    tok = sig[-1]
    obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is not None:
        first, last = obj.left_edge, obj.right_edge
    elif tok.dep_ == "mark" and tok.head.i > tok.i:
        first, last = tok.doc[tok.i + 1], tok.head.right_edge
    else:
        return
    if first.i <= tok.i:
        return
    # the anchor ends at the clause's first comma or dash: past it a misparse runs on into the
    # main clause ("after Washington invaded, the Taliban ...")
    stop = next((t for t in tok.doc[first.i : last.i + 1] if t.text in (",", ";", ":", "--", "—", "–")), None)
    if stop is not None:
        last = tok.doc[stop.i - 1]
    while last.i > first.i and last.is_punct:
        last = tok.doc[last.i - 1]
    ts.anchor = (first.idx, last.idx + len(last.text))


def _resolve_safe(text: str, anchor: date | None, tense: str | None) -> Timex | None:
    try:
        return resolve(text, anchor, tense)
    except Exception:  # noqa: BLE001 - one odd expression must not cost the article its analysis
        return None  # it stays unresolved (fuzzed over every TempEval-3 TIMEX without a crash)


_EACH_OF = re.compile(r"\b(?:each|every)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_ONE_UNIT = re.compile(r"^P(T?)(?:\d+|X)([YMWDH])$")
_DAY_OF_EVENT = re.compile(r"^the\s+day$", re.IGNORECASE)
_EVENT_SIGNAL = re.compile(
    rf"\s+(after|before)\s+(?:(?:the|his|her|their|its|a|an|last|this)\b|(?:{_WD_CAP})(?:'s|’s)\s)", re.IGNORECASE
)
_DAY_SIGNAL = re.compile(
    r"^(?:the|that)\s+(?P<day>day|morning|afternoon|evening|night)\s+(after|before)$", re.IGNORECASE
)
_PART_OF_EVENT = re.compile(r"^the\s+(morning|afternoon|evening|night)$", re.IGNORECASE)
_BARE_DAY = re.compile(r"^(?:(?:the|that|this)\s+)?(?:day|night|time|moment)$", re.IGNORECASE)


_PAST_REACH = 90  # days: a past clause further than this before the story's own day tells of last year's


# a US word right before the day or "in the United States" after it: "U.S. Election Day" (review 26 T5)
_US_BEFORE = re.compile(r"(?:U\.S\.|US|American|America['’]s|United States['’])\s+$")
_US_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:United\s+States|U\.S\.|US|America)\b")
# an act told "on" or "during" the day ("since he lost on Election Day"), or "since" it ("have
# complained about mail ballots since Election Day", an August story: review 26 T4)
_ON_THE_DAY = re.compile(r"\b(?:on|during|since)\s+$", re.IGNORECASE)


def _marked_us(text: str, s: int, t: int) -> bool:
    """The US's day by the words beside it, whatever the story's places ("watching U.S. Election
    Day closely" in a Toronto story, "Election Day in the United States")."""
    return _US_BEFORE.search(text, max(0, s - 16), s) is not None or _US_AFTER.match(text, t) is not None


def _of_the_storys_year(name: str, published: str, tense: str | None, on: bool = False) -> Timex | None:
    """A country's named day ("Election Day") is the one of the story's year, whatever the
    clause's tense ("less than two weeks before Election Day", "Trump may have confused Election
    Day", an October story); an act told in the past "on" it is behind the story ("since he lost
    on Election Day", a June story: last year's; review 26 T4), as is any past clause more than
    half a year before it ("Trump won Election Day", a January story); a future clause after it
    looks to next year's."""
    a = parse_anchor(published)
    this = resolve(f"{name} {a.year}", a) if a is not None else None
    if a is None or this is None or not this.value or not _DAY_VALUE.match(this.value):
        return None
    ahead = (date.fromisoformat(this.value) - a).days
    if tense == "past" and (ahead > _PAST_REACH or (on and ahead > 0)):
        return resolve(f"{name} {a.year - 1}", a)
    if tense == "future" and ahead < 0:
        return resolve(f"{name} {a.year + 1}", a)
    return this


def _of_country(article: Article, country: str) -> bool:
    """The story is of ``country`` (ISO3): the country its places name most (a tie counts), or a
    story that names no place's country. A place read as another country's whose name is also one
    of ``country``'s first-level divisions counts for neither: "waited for hours in Georgia", which
    the linker may read as the country, makes no story of Georgia's (review 26 T7), and Tbilisi
    still does."""
    counts = Counter(
        p.country for p in article.places if p.country and (p.country == country or not _division_of(p.text, country))
    )
    return not counts or counts[country] == max(counts.values())


def _division_of(name: str, country: str) -> bool:
    """``name`` is, in one of its readings, a first-level division of ``country`` (ISO3)."""
    return any(p.feature == "admin1" and p.country == country for p, _ in get_gazetteer().lookup(name))


def find_times(article: Article, doc: Any) -> None:
    """Fill ``article.times`` from the parsed ``doc`` of ``article.text``."""
    times: list[Time] = []
    found = find_timexes(doc, article.published.date if article.published else None, article.text)
    for ts in found:
        tx = ts.timex
        if tx is None or (tx.value is None and _BARE_DAY.match(ts.text) and ts.anchor is None):
            continue  # "the day", "the night" the story does not date: nothing to record
        name = _HOLIDAY_DIR.sub("", ts.text.strip()).lower()
        country = _HOLIDAY_COUNTRY.get(name)
        marked = country is not None and _marked_us(article.text, ts.start, ts.end)
        if country and tx.value and not marked and not _of_country(article, country):
            tx = Timex(None, tx.type, tx.granularity, tx.mod)  # "Election Day" in a Nigerian story
        elif country and tx.value and article.published and article.published.date and ts.text.strip().lower() == name:
            on = _ON_THE_DAY.search(article.text, max(0, ts.start - 8), ts.start) is not None
            tx = _of_the_storys_year(name, article.published.date, ts.tense, on) or tx
        # The contract's `value` is plain ISO (YYYY, YYYY-MM or YYYY-MM-DD); the full TimeML
        # value ("2019-04-24TMO", "2019-W17", "P3D") is kept beside it in `timex`.
        rec = Time(
            text=ts.text,
            start=ts.start,
            end=ts.end,
            value=calendar_date(tx.value),
            granularity=tx.granularity,
            type=tx.type,
            timex=tx.value,
            mod=tx.mod,
            direction=ts.direction,
        )
        if ts.anchor is not None:
            s, e = ts.anchor
            inside = [
                x.timex.value for x in found if s <= x.start and x.end <= e and x.timex is not None and x.timex.value
            ]
            value = next((d for v in inside if (d := calendar_date(v))), None)
            rec.anchor = TimeAnchor(text=article.text[s:e], start=s, end=e, value=value)
            if tx.type == "date" and tx.value is None and value and _DAY_VALUE.match(value) and ts.direction:
                # "the day after the March 3 vote": the anchor's own day, one off
                rec.value = rec.timex = shift(value, "P1D", ts.direction)
            part = _PART_VALUE.match(tx.value or "")
            if part and value and _DAY_VALUE.match(value) and ts.direction:
                # "the morning after Monday's debate": that day's next morning
                rec.value = shift(value, "P1D", ts.direction)
                rec.timex = f"{rec.value}T{part.group(2)}" if rec.value else rec.timex
        times.append(rec)
    article.times = times
