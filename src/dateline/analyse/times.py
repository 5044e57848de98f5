"""Times: temporal expressions found in the spaCy doc and resolved against the publication date.

Candidates are spaCy DATE/TIME entities (adjacent ones merged: "Wednesday" + "morning"), plus
patterns the model misses ("now", "recently", "Friday afternoon", "annually"). Each is resolved
by :func:`dateline.timex.resolve` with the article's ``published.date`` as anchor and the tense
of the governing verb, read off the parse: "will meet on Thursday" (MD "will"), "to meet on
Thursday" (infinitive) are future; "said on Wednesday" (VBD) is past.

``find_times`` fills ``Article.times`` with the expressions that denote a point or period of
the calendar (TIMEX3 type date or time): ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
another TIMEX3 calendar value (``YYYY-Www``, ``YYYY-Qn``, ``YYYY-SU``, decade ``YYY``, times
``YYYY-MM-DDTHH:MM``), ``None`` when it cannot be resolved (a relative expression with no
publication date); each record also carries ``type`` ("date" | "time") and ``mod`` when a
modifier was read ("early December" → ``START``). Durations ("three days"), sets ("every
week") and vague references ("now", "recently") are left out of the Article but returned by
:func:`find_timexes`, which the TempEval-3 evaluation scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..article import Article, Time
from ..timex import WEEKDAYS, Timex, calendar_date, parse_anchor, resolve

__all__ = ["find_times", "find_timexes", "tense_of", "TimexSpan"]


@dataclass
class TimexSpan:
    start: int
    end: int
    text: str
    timex: Timex | None
    tense: str | None


_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_EXTRA = re.compile(
    r"\b(?:(?:right|just|until|by)\s+now|now|currently|recently|at the time|nowadays|"
    r"the near future|the future|in the past|annually|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b\d+[\s-]+(?:year|month|week|day)s?[\s-]+old\b|\bages?d?\b|\byears? of age\b", re.IGNORECASE)
_LEAD_TRIM = re.compile(
    r"^(?!at (?:least|most)\b)(?:just over|just under|just|only|nearly|as long as|about|around|approximately|roughly|some|circa|between|from|since|until|by|on|in|at|during|through|for|of|as early as|as of)\s+",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^(?P<a>(?:1[0-9]|20)\d{2})\s*[-–/]\s*(?P<b>(?:1[0-9]|20)\d{2}|\d{2})$")
_TRAIL_JOIN = re.compile(r",?\s+(?:and|or|to)$")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_THE_CENTURY = re.compile(r"^the \d{1,2}(?:st|nd|rd|th) century$", re.IGNORECASE)
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
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


def tense_of(span: Any) -> str | None:
    """The tense ("past" | "present" | "future" | None) of the verb governing ``span``."""
    tense = None
    tok = span.root
    via_noun = False  # "a summit in February": the noun's time, not the verb's
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            tense = _verb_tense(tok)
            if tense == "infinitive" and via_noun:
                # "Kim's effort to build support after the summit in February": an infinitive
                # reached through a noun says nothing of the noun's time; read the finite verb
                tense = None
                via_noun = False
            elif tense == "infinitive":
                tense = "future"
                break
            elif tense is not None or tok.tag_ not in ("VB", "VBG", "VBN"):
                break
        elif tok is not span.root and tok.pos_ in ("NOUN", "PROPN") and tok.i not in range(span.start, span.end):
            via_noun = True
        if tok.head is tok:
            break
        tok = tok.head
    # "postponed until Saturday" looks ahead, "since Monday" back, unless the verb says otherwise
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if prev in ("until", "till", "untill") and tense in (None, "present", "perfect"):
        return "future"
    if prev == "since" and tense in (None, "present", "perfect"):
        return "past"
    return "past" if tense == "perfect" else tense


def _verb_tense(v: Any) -> str | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = [a.lower_ for a in auxes]
    if any(w in _FUTURE_AUX for w in lowers):
        return "future"
    if "going" in lowers and "to" in lowers:
        return "future"
    if any(a.tag_ == "TO" for a in auxes):
        # an infinitive: future unless governed by a past verb that is not about plans
        head = v.head
        if head is not v and head.tag_ == "VBD" and head.lemma_ not in _FUTURE_VERBS:
            return "past"
        return "infinitive"
    if any(a.lower_ in ("has", "have", "'ve") for a in auxes) and not any(
        a.lower_ in ("had", "did", "was", "were") for a in auxes
    ):
        return "perfect"  # present perfect: past, but "has been postponed until Saturday"
    for a in auxes:
        if a.tag_ in ("VBD",) or a.lower_ in ("had", "did", "was", "were"):
            return "past"
    if v.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'ve") for a in auxes):
        return "perfect"
    if v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'s", "'re", "am") for a in auxes):
        return None  # "is visiting on Thursday": either way
    if v.tag_ in ("VBZ", "VBP"):
        return "present"
    if v.tag_ == "VBN" and not auxes:
        return "past"
    return None


def _candidates(doc: Any, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text to resolve)`` of the temporal expressions in ``doc`` (text ``text``)."""
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans: list[list[int]] = []
    for e in ents:
        s, t = e.start_char, e.end_char
        if spans and text[spans[-1][1] : s].strip(" ,") in ("", "on", "of") and _mergeable(text, spans[-1], s, t):
            spans[-1][1] = t  # "Wednesday" + "morning", "15:00 GMT" + "Saturday"
            continue
        spans.append([s, t])
    taken = [(s, t) for s, t in spans]
    for m in _EXTRA.finditer(text):
        if not any(m.start() < t and s < m.end() for s, t in taken):
            taken.append((m.start(), m.end()))
    out: list[tuple[int, int, str]] = []
    for s, t in sorted(taken):
        seg = text[s:t]
        if seg.lower() == "the time" and text[max(0, s - 3) : s].lower() == "at ":
            out.append((s - 3, t, "at the time"))
            continue
        # trim prepositions and approximators the TIMEX3 span leaves out
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
        if not seg or _AGE.search(seg) or _BARE_NUMBER.match(seg):
            continue  # ages ("died at 89") are not times
        if _THE_CENTURY.match(seg):
            s += 4
            seg = text[s:t]
        rng = _RANGE.match(seg)
        if rng:  # "2009-2010", "1957-58" -> two years
            a, b = rng.group("a"), rng.group("b")
            out.append((s, s + rng.end("a"), a))
            out.append((s + rng.start("b"), t, b if len(b) == 4 else a[:2] + b))
            continue
        out.extend(_split_range(text, s, t))
    return out


def _mergeable(text: str, prev: list[int], s: int, t: int) -> bool:
    a, b = text[prev[0] : prev[1]].lower(), text[s:t].lower()
    clock = re.search(r"\d[:.]\d\d|\b[ap]\.?m\b|\bgmt\b|\bmorning|afternoon|evening|night\b", a + " " + b)
    return bool(clock) or bool(re.search(_WD, a) and re.search(r"morning|afternoon|evening|night", b))


_JOIN = re.compile(r"\s+(?:to|and|through|until|or)\s+")
_YEAR_LIST = re.compile(r"^(?:1[0-9]|20)\d{2}(?:(?:,\s*|,?\s+(?:and|or|to|through)\s+)(?:1[0-9]|20)\d{2})+$")
_YEAR_ITEM = re.compile(r"\b(?:1[0-9]|20)\d{2}\b")
_UNIT_TAIL = re.compile(r"\s+([a-z]+)$", re.IGNORECASE)


def _split_range(text: str, s: int, t: int) -> list[tuple[int, int, str]]:
    """ "March 3 to March 5" -> two spans when both sides resolve; "12 and 18 months" too."""
    seg = text[s:t]
    m = _JOIN.search(seg)
    if not m:
        return [(s, t, seg)]
    if _YEAR_LIST.match(seg):  # "1994, 1995 and 1997": each year
        return [(s + y.start(), s + y.end(), y.group(0)) for y in _YEAR_ITEM.finditer(seg)]
    left, right = seg[: m.start()], seg[m.end() :]
    if re.fullmatch(r"\d{1,3}|[a-z]+", left.strip()) and resolve(right) is not None:
        unit = _UNIT_TAIL.search(right)
        if unit and resolve(left + " " + unit.group(1)) is not None and resolve(left) is None:
            return [(s, s + m.start(), left + " " + unit.group(1)), (s + m.end(), t, right)]
        return [(s, t, seg)]
    if resolve(left) is not None and resolve(right) is not None:
        return [(s, s + m.start(), left), (s + m.end(), t, right)]
    return [(s, t, seg)]


def find_timexes(doc: Any, anchor=None) -> list[TimexSpan]:
    """Every temporal expression in ``doc`` resolved against ``anchor`` (a date or "YYYY-MM-DD")."""
    a = parse_anchor(anchor)
    out: list[TimexSpan] = []
    full = doc.text  # Doc.text is rebuilt on each access: read it once
    for s, t, expr in _candidates(doc, full):
        span = doc.char_span(s, t, alignment_mode="expand")
        tense = tense_of(span) if span is not None and len(span) else None
        text = full[s:t]
        tx = _resolve_safe(expr, a, tense)
        out.append(TimexSpan(s, t, text, tx, tense))
    return out


def _resolve_safe(text: str, anchor, tense) -> Timex | None:
    try:
        return resolve(text, anchor, tense)
    except Exception:  # noqa: BLE001 - one odd expression must not cost the article its analysis
        return None  # it stays unresolved (fuzzed over every TempEval-3 TIMEX without a crash)


def find_times(article: Article, doc: Any) -> None:
    """Fill ``article.times`` from the parsed ``doc`` of ``article.text``."""
    times: list[Time] = []
    for ts in find_timexes(doc, article.published.date if article.published else None):
        tx = ts.timex
        if tx is None:
            continue
        if tx.type not in ("date", "time") or tx.granularity == "ref":
            continue
        # The contract's `value` is plain ISO (YYYY, YYYY-MM or YYYY-MM-DD); the full TIMEX3
        # value ("2019-04-24TMO", "2019-W17") is kept beside it in `timex`.
        rec = Time(
            text=ts.text,
            start=ts.start,
            end=ts.end,
            value=calendar_date(tx.value),
            granularity=tx.granularity,
            type=tx.type,
            timex=tx.value,
        )
        if tx.mod:
            rec.mod = tx.mod  # type: ignore[attr-defined]
        times.append(rec)
    article.times = times
