"""The date of an event: the time expression of its own clause, else of the clause it hangs from,
else the publication date unless the event is future, historical or hypothetical.

Public interface: ``date_and_modality(c, cands, ctx)``, ``own_times(trigger, others, ctx)``
(time indexes of a trigger's own clause) and ``contract_value(value)``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from ..nlp import heads_of, pos_tags, sent_at, sent_of
from ..timex import duration_parts, period_end, period_start, resolve, shift
from . import lexicon as lx
from .modality import clause_modality, modality, tense_of
from .parse import Candidate, Context, child_strings, dep_children, lemma_of, tree_distance


def own_times(trigger: Any, other_triggers: list, ctx: Context) -> list[int]:
    """Time indexes inside the trigger's clause, not inside a nested trigger's clause."""
    found = []
    doc = trigger.doc
    heads, pos = heads_of(doc), pos_tags(doc)
    lo, hi = trigger.left_edge.i, trigger.right_edge.i  # the trigger's subtree lies within
    for k, r in enumerate(ctx.time_root_ids):
        if not lo <= r <= hi:
            continue
        root = ctx.time_roots[k]
        if not (root.i == trigger.i or trigger.is_ancestor(root)):
            continue
        if any(
            o.i != trigger.i and trigger.is_ancestor(o) and (o.i == root.i or o.is_ancestor(root))
            for o in other_triggers
        ) and not _at_dated_event(root, trigger):
            continue
        # a time bound to a reporting verb dates the report, not the event; one inside a
        # complement clause below the trigger dates that clause's verb
        # (the walk reads the cached heads and tags; a Token only for a verb on the way)
        h = heads[root.i]
        hops = 0
        bound_to_report = False
        while h != trigger.i and hops < 8:
            if pos[h] in ("VERB", "AUX") and (lemma_of(doc[h]) in lx.REPORTING or _own_clause(doc[h], trigger, root)):
                bound_to_report = True
                break
            if heads[h] == h:
                break
            h = heads[h]
            hops += 1
        if bound_to_report or _names_another_noun(root, trigger) or _dates_the_source(root, trigger):
            continue
        found.append((tree_distance(trigger, root), k))
    return [k for _, k in sorted(found)]


_AT_EVENT = {"at", "during", "in", "amid"}


def _at_dated_event(root: Any, trigger: Any) -> bool:
    """A time naming the day of an event noun the trigger happened at is the trigger's too ("police
    fired tear gas at Monday's rally", "arrested 20 people during Sunday's protest"), though the
    noun is an event of its own: the possessive or modifier of the object of "at", "during", "in"
    or "amid" that hangs from the trigger."""
    noun = root.head
    if root.dep_ not in ("poss", "compound") or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in _AT_EVENT and prep.head.i == trigger.i


_NOUN_MODIFIER = ("compound", "nummod", "amod", "poss")
_TIME_PREPOSITIONS = {"in", "during", "after", "before", "since", "until", "till", "at", "amid", "following"}


def _names_another_noun(root: Any, trigger: Any) -> bool:
    """A time that modifies a noun deeper in the clause is that noun's ("pledged to follow the
    precedent of a 2012 Supreme Court ruling", "urged residents to cancel Thanksgiving plans"): it
    dates the trigger only when the noun is the trigger or one of its own arguments ("won the 2016
    election", "voted in last year's election"), or the object of a time preposition wherever the
    parser hangs it ("in the 1967 war")."""
    noun = root.head
    if root.dep_ not in _NOUN_MODIFIER or noun.pos_ not in ("NOUN", "PROPN") or noun.i == trigger.i:
        return False
    above = noun.head
    if noun.dep_ == "pobj" and above.lower_ in _TIME_PREPOSITIONS:
        return False  # "seized the territories, ..., in the 1967 Six-Day War": a time phrase wherever it hangs
    return not (above.i == trigger.i or (above.dep_ == "prep" and above.head.i == trigger.i))


def _dates_the_source(root: Any, trigger: Any) -> bool:
    """A time inside or right after the trigger's "according to ..." phrase dates the source, not
    the event ("Soltan was released in May, according to court filings Friday": the parser hangs
    "Friday" on "released")."""
    for ch in dep_children(trigger, _PREP):  # (a Token only for each prepositional child)
        if ch.lower_ == "according" and ch.i < root.i <= ch.right_edge.i + 1:
            return True
    return False


_PREP = frozenset({"prep"})


def _own_clause(verb: Any, trigger: Any, time_root: Any) -> bool:
    """A verb heading a complement clause between a time and the trigger ("alleged that Epstein
    exploited girls ... from 2002 to 2005": the exploiting's years, not the allegation's). Not a
    time before the clause's subject or "that", which the parser hangs in the clause but which
    dates the verb above ("police said on Tuesday they had arrested 14 foreigners"), nor a clause
    without a subject ("was found Thanksgiving Day clinging to an inner tube")."""
    opening = [ch.i for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass", "mark")]
    return verb.dep_ == "ccomp" and bool(opening) and time_root.i > min(opening)


def time_value(k: int, ctx: Context, tense: str) -> tuple[str | None, str]:
    toks, value, text = ctx.times[k]
    value = contract_value(value) if value else None
    if value:
        return value, text
    # no calendar value (a week, "a few days ago"): the TimeML value the times component settled
    # on, else the expression resolved afresh in the trigger's tense
    timex = _record_timex(toks, ctx)
    if timex is None:
        tx = resolve(text, ctx.published, tense)
        timex = tx.value if tx is not None else None
    if not timex:
        return None, text
    until = ctx.published if tense == "past" else None
    if timex == "PAST_REF" and ctx.published is not None and _FEW_DAYS_AGO.search(text):
        # "a few days ago": some day of the week before publication
        return _month_of(ctx.published - dt.timedelta(days=7), ctx.published - dt.timedelta(days=1)), text
    return contract_value(timex, until), text


def _record_timex(toks: list[int], ctx: Context) -> str | None:
    """The TimeML value of the ``Article.times`` record over these tokens, if one is."""
    times = getattr(ctx.article, "times", None) or []
    if not toks or not times:
        return None
    doc = ctx.doc
    s, e = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
    for t in times:
        if t.start < e and s < t.end and t.timex:
            return str(t.timex)
    return None


_FEW_DAYS_AGO = re.compile(r"\b(?:(?:a\s+)?few|several|some|a\s+couple\s+of)\s+days\s+ago$", re.IGNORECASE)
_ISO_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _month_of(start: dt.date, end: dt.date) -> str:
    """The month that holds most of the days ``start``..``end`` (that of the middle day)."""
    mid = start + (end - start) // 2
    return f"{mid.year:04d}-{mid.month:02d}"


def contract_value(value: str, until: dt.date | None = None) -> str | None:
    """A time value as the contract writes dates (YYYY, YYYY-MM, YYYY-MM-DD). A time of day is
    its day; a week, a weekend or any other period of a month or less is the month that holds
    most of it ("2020-W18", 27 April to 3 May: 2020-04), counting only its days up to ``until``
    (the publication day, for a past event in a period not over: "earlier this week"); anything
    longer (seasons, quarters) its year."""
    value = value.strip()
    if _ISO_VALUE.fullmatch(value):
        return value
    m = re.match(r"(\d{4})-\d{2}-\d{2}T", value)
    if m:
        return value[:10]
    start, end = period_start(value), period_end(value)
    if start is not None and end is not None and (end - start).days <= 31:
        if until is not None and start <= until < end:
            end = until
        return _month_of(start, end)
    m = re.match(r"(\d{4})\b", value)
    return m.group(1) if m else None


def _past_for_present(trig: Any, tense: str, value: str, time_root: Any, ctx: Context) -> bool:
    """A year long gone cannot date a verb in the present ("the US wants the UK to extradite him
    over his role in the release of the files in 2010", "is seeking"): the parser hung the time
    of a nested event on the verb. "Since 2012" is a present state's start and dates nothing
    wrong. A present perfect names no past time either ("have dropped an investigation into an
    allegation made in 2010": the allegation's year)."""
    present_perfect = trig.tag_ == "VBN" and any(
        a.dep_ == "aux" and a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in trig.children
    )
    if (tense != "present" and not present_perfect) or trig.pos_ not in ("VERB", "AUX") or ctx.published is None:
        return False
    if time_root.head.lower_ == "since":
        return False
    return int(value[:4]) <= ctx.published.year - 2


_LIMIT_WORDS = {"until", "till", "by", "through", "thru"}
_UNTIL = {"until", "till", "untill"}


def _over(k: int, value: str, ctx: Context) -> bool:
    """Whether time ``k`` (its calendar ``value``) ended before the publication day: no day of an
    act still to come."""
    if ctx.published is None:
        return False
    end = period_end(_record_timex(ctx.times[k][0], ctx) or value)
    return end is not None and end < ctx.published


def _limit_ahead(tense: str, value: str, time_root: Any, ctx: Context) -> bool:
    """A limit still ahead is no date of a past act: "extended the ban until 2047", "pledged to cut
    emissions by 2030" (the extending and the pledge are the story's, the year the end of what
    they set)."""
    word = time_root.head.lower_
    if ctx.published is None or word not in _LIMIT_WORDS:
        return False
    if tense != "past" and not (tense == "present" and word in _UNTIL):
        # "defending Hong Kong's way of life, safeguarded until 2047": a present act, the limit of a state
        return False
    end = period_end(value)  # "called for a ceasefire by the end of the year": the year runs on
    return end is not None and end > ctx.published


def _inherited_time(
    trig: Any, cands: list[Candidate], c: Candidate, ctx: Context, pre_mod: str
) -> tuple[str | None, str | None]:
    """No time in the clause: the one the clause hangs from ("in 2011, when he was hosted")."""
    t = trig
    hops = 0
    trig_ids = {x.trigger.i for x in cands}
    tense = tense_of(trig, pre_mod)
    while t.head.i != t.i and hops < 4:
        if t.dep_ not in ("relcl", "advcl", "xcomp", "conj", "acl", "pcomp", "pobj", "prep"):
            break
        conjunct = t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
        t = t.head
        hops += 1
        if conjunct and t.i not in trig_ids and t.pos_ in ("VERB", "AUX") and tense_of(t, "") == tense:
            # "exploited and abused girls ... from 2002 to 2005": the parser hangs what verbs of
            # one tense share on the first one ("was independent since 1901 but still recognizes"
            # shares nothing)
            for j in own_times(t, [x.trigger for x in cands], ctx):
                v, txt = time_value(j, ctx, tense)
                if v:
                    return v, txt
        k = ctx.time_tok.get(t.i)
        if k is not None:
            v, txt = time_value(k, ctx, tense)
            if v:
                return v, txt
        if t.i in trig_ids:
            # "arrested during the protests on Saturday": the governing event's own time
            others = [x.trigger for x in cands if x.trigger.i != t.i]
            for k in own_times(t, others, ctx):
                v, txt = time_value(k, ctx, tense_of(t, pre_mod))
                if v:
                    return v, txt
            break
        if lemma_of(t) in lx.REPORTING:
            break
        if t.pos_ == "VERB" and (tense == "past" or trig.tag_ == "VBG") and tense_of(t, "") == "past":
            # "Swift got support last week, after accusing them", "last week, Swift posted on
            # Twitter accusing the label": the time of the past clause the act hangs from, though
            # its verb is no event
            # its time, not a noun's ("inserted himself into the 2020 primary ... by warning"),
            # and one not after the publication day
            published = ctx.published.isoformat() if ctx.published else "9999"
            for k in own_times(t, [x.trigger for x in cands], ctx):
                if ctx.time_roots[k].dep_ in _NOUN_MODIFIER:
                    continue
                v, txt = time_value(k, ctx, "past")
                if v and v <= published[: len(v)] and not _limit_ahead("past", v, ctx.time_roots[k], ctx):
                    return v, txt
    return None, None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _subject_event_time(trig: Any, cands: list[Candidate], ctx: Context, tense: str) -> tuple[str | None, str | None]:
    """A verb whose subject is an event with a time of its own happened then: "The attack, which
    happened on Monday, killed 20 soldiers", "The explosion on Friday destroyed the branch" (the
    killing is the attack's; the time lies in the subject's clause, which is the subject's own)."""
    trig_ids = {x.trigger.i for x in cands}
    subjects = dep_children(trig, _SUBJECTS)  # (a Token only for each subject)
    if not subjects:
        # "Saturday's clashes left 20 injured" (the participle the verb's complement, or its
        # object's modifier): the subject of "left"
        if trig.dep_ in ("oprd", "xcomp"):
            subjects += dep_children(trig.head, _SUBJECTS)
        elif trig.dep_ == "acl" and trig.tag_ == "VBN" and trig.head.dep_ == "dobj":
            subjects += dep_children(trig.head.head, _SUBJECTS)
    for subj in subjects:
        if subj.i not in trig_ids or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        others = [x.trigger for x in cands if x.trigger.i not in (subj.i, trig.i)]
        for k in own_times(subj, others, ctx):
            v, txt = time_value(k, ctx, tense)
            if v:
                return v, txt
    return None, None


def _report_time(trig: Any, cands: list[Candidate], ctx: Context, tense: str) -> tuple[str | None, str | None]:
    """A past act with no time of its own, told in the complement of a report that has one
    ("Gunmen kidnapped two aid workers, police said Monday", "The army said on Friday that rebels
    attacked a convoy"): it happened by the report's day, which dates it better than the
    publication day after it. Only a report's time on or before the publication day."""
    rep = trig.head
    if tense != "past" or trig.dep_ != "ccomp" or rep.i == trig.i or lemma_of(rep) not in lx.REPORTING:
        return None, None
    others = [x.trigger for x in cands if x.trigger.i not in (rep.i, trig.i)]
    published = ctx.published.isoformat() if ctx.published else None
    for k in own_times(rep, others, ctx):
        root = ctx.time_roots[k]
        if root.i == trig.i or trig.is_ancestor(root):
            continue  # inside the act's own clause: not the report's
        v, txt = time_value(k, ctx, "past")
        if v and (published is None or v <= published[: len(v)]):
            return v, txt
    return None, None


_DAYS = {"Y": 365.0, "M": 30.0, "W": 7.0, "D": 1.0, "Q": 91.0, "WE": 2.0, "DE": 3650.0, "CE": 36500.0, "L": 365000.0}


def _long(duration: str) -> bool:
    """Whether a TimeML duration is longer than a month ("P21M", "PXY": years; not "PT12H", "P3W")."""
    parts = duration_parts(duration)
    if parts is None:
        return re.fullmatch(r"PX(?:Y|M|DE|CE|C|E|L)", duration.strip().upper()) is not None
    return sum(_DAYS.get(unit, 0.0) * amount for unit, amount in parts.items()) > 31


def _lasted_long(trig: Any, own: list[int], ctx: Context, tense: str) -> bool:
    """A simple-past act that lasted more than a month, by its own "for ..." duration ("was
    imprisoned for 21 months", "ruled the country for decades"): it began long before the story.
    Not a present perfect ("has been held for two years": it goes on)."""
    if tense != "past" or "have" in child_strings(trig, ("aux",), "LEMMA"):
        return False
    for k in own:
        root = ctx.time_roots[k]
        if root.head.lower_ != "for" or root.head.head.i != trig.i:
            continue
        timex = _record_timex(ctx.times[k][0], ctx)
        if timex and _long(timex):
            return True
    return False


_NARRATIVE_REACH = 3  # sentences back a story's narrative day carries over


def _narrative_day(trig: Any, ctx: Context, tense: str) -> tuple[str | None, str | None]:
    """A past act with no time of its own, told in a sentence after one that names its day ("On
    Friday evening, protesters gathered outside the theater. They tried to force their way in"),
    or right after one that names its month ("In May, the authorities sealed off the city. The
    quarantine angered residents"):
    the story's narrative goes on on that day, not the publication's. Web copy sets each sentence
    in a paragraph of its own ("... shortly after noon on Friday when she was hit by the car.",
    then "Police attended the scene and arrested a man"), so the day carries over paragraphs, up
    to ``_NARRATIVE_REACH`` sentences back, through sentences that name no time and are told in
    the past. Not a present perfect ("talks have turned out to be futile so far": up to now), and
    only a day on or before the publication day."""
    if tense != "past" or ctx.published is None or _present_perfect(trig) or _present_passive(trig):
        return None, None
    doc = trig.doc
    sent = sent_of(trig)
    times = getattr(ctx.article, "times", None) or []
    published = ctx.published.isoformat()
    for _ in range(_NARRATIVE_REACH):
        if sent.start == 0:
            return None, None
        prev = sent_at(doc, sent.start - 1)
        held = [t for t in times if prev.start_char <= t.start < prev.end_char]
        days = [
            t
            for t in held
            if t.value
            and (_DAY.fullmatch(t.value) or (_MONTH.fullmatch(t.value) and sent.start == sent_of(trig).start))
            and t.value <= published[: len(t.value)]
            and _told_as_past(doc, t)
        ]
        if days:
            t = days[-1]
            return t.value, t.text
        if held or tense_of(prev.root, "") != "past":
            return None, None  # another time, or the story's present: the narrative is broken
        sent = prev
    return None, None


def _present_passive(trig: Any) -> bool:
    """ "Corbyn is accused by critics of ...": a passive in the present tells a state of the story's
    present, no act of the narrative before it."""
    return trig.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.lower_ in ("is", "are", "am", "'s", "'re") for a in trig.children
    )


_NOT_TOLD = {"would", "'d", "will", "'ll", "could", "can", "may", "might", "should", "must", "shall", "to"}


def _told_as_past(doc: Any, t: Any) -> bool:
    """Whether a time is the day of something the story tells as done: not the deadline of a vow
    or a plan, a complement with a modal or "to" ("his vow that Britain would leave the EU on
    Oct. 31", "vowed to leave on Oct. 31"), whose day is no day of the narrative. A relative
    clause is left alone ("found a box that would hold a shotgun ... Monday evening": the parser
    hangs the finding's day there)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            if tok.dep_ not in ("acl", "ccomp", "xcomp"):
                return True
            return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _NOT_TOLD for c in tok.children)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return True


def _present_perfect(trig: Any) -> bool:
    """Whether the trigger, or the verb a noun trigger is the subject of ("talks have failed"), is
    in the present perfect."""
    verbs = [trig] + ([trig.head] if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("nsubj", "nsubjpass") else [])
    return any(a.dep_ == "aux" and a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for v in verbs for a in v.children)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def anchored_date(c: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    """A past event named inside a present sentence by a duration that counts from it:
    "18 years after Washington invaded the country" (story of 2019) dates the invasion 2001,
    shifting the publication date back by the duration (``timex.shift``); "two years after the
    2017 crisis" takes the date its own words give. ``(date or None, the duration's text)`` when
    the trigger lies inside such an anchor, else None. Only "after" anchors are past for sure
    (the duration's clause is the story's present); "before" ones are left to the other rules,
    unless the sentence names the day the duration counts to (``_counted_day``)."""
    at = c.trigger.idx
    for t in getattr(ctx.article, "times", None) or []:
        anchor = getattr(t, "anchor", None)
        if anchor is None or t.direction is None or not (anchor.start <= at < anchor.end):
            continue
        if anchor.value:
            return contract_value(anchor.value), t.text
        day = _counted_day(t, ctx)
        if day is None:
            day = _subject_event_day(t, ctx)
        if day is not None:
            # "arrested him on Thursday, two days after a gunman attacked the mosque": Tuesday
            value = shift(day, t.timex, "before" if t.direction == "after" else "after")
            return (contract_value(value) if value else None), t.text
        if t.direction != "after":
            continue
        ref = ctx.published.isoformat() if ctx.published else None
        value = shift(ref, t.timex, "before") if ref else None
        return (contract_value(value) if value else None), t.text
    return None


def _counted_day(dur: Any, ctx: Context) -> str | None:
    """The date a directed duration counts from, when its sentence names one outside the anchor:
    "on Thursday, two days after the attack", "Two days after the attack, on Thursday, ...",
    "in 2019, 18 years after the invasion". The nearest such date to the duration; None when the
    sentence names none."""
    doc = ctx.doc
    span = doc.char_span(dur.start, dur.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = sent_at(span.doc, span.start)
    lo, hi = sent.start_char, sent.end_char
    verb = _clause_verb(span.root)
    while dur.anchor.start <= verb.idx < dur.anchor.end and verb.head.i != verb.i:
        verb = _clause_verb(verb)  # "two days after a gunman attacked": the clause "after" hangs from
    best: tuple[int, str] | None = None
    for t in getattr(ctx.article, "times", None) or []:
        if t is dur or not (lo <= t.start and t.end <= hi) or not t.value or not _ISO_VALUE.fullmatch(t.value):
            continue
        if dur.anchor.start <= t.start < dur.anchor.end:
            continue  # a day inside the anchor is the anchor's own (``anchored_date``)
        other = doc.char_span(t.start, t.end, alignment_mode="expand")
        if other is None or not len(other) or _clause_verb(other.root).i != verb.i:
            continue  # "said on Thursday the suspect had fled three days before the attack": the report's day
        gap = t.start - dur.end if t.start >= dur.end else dur.start - t.end
        if best is None or gap < best[0]:
            best = (gap, t.value)
    return best[1] if best else None


def _subject_event_day(dur: Any, ctx: Context) -> str | None:
    """The day of the event a duration's clause is about, when its subject names one the story
    dated before: "Gunmen attacked a checkpoint on Wednesday. The attack came two days after a
    suicide bomber killed 12 people" (the attack's Wednesday, so the killing's Monday). The latest
    event of the noun's kind dated by the text; None when the subject is no such noun."""
    doc = ctx.doc
    span = doc.char_span(dur.start, dur.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _clause_verb(span.root)
    while dur.anchor.start <= verb.idx < dur.anchor.end and verb.head.i != verb.i:
        verb = _clause_verb(verb)
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "NOUN":
            continue
        if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in subj.children):
            continue  # "the attack", "this latest assault": one the story told
        kinds: set[str] = set()
        named = lx.NOUN_EVENTS.get(subj.lemma_.lower())
        if named is not None:
            kinds.add(named.type)
        for i, kind, lemma, value, source in reversed(ctx.memo.get(_DATED, [])):
            if i >= subj.i or source != "text" or not value or not _DAY.fullmatch(value):
                continue
            if _same_kind(kind, lemma, subj, kinds):
                return str(value)
    return None


_LATER_WORD = re.compile(r"\s+(?:later|earlier|afterwards?)\b", re.IGNORECASE)


def _days_later(own: list[int], ctx: Context) -> tuple[str | None, str | None]:
    """ "Police arrested him on Monday. Two days later, he was charged": an act whose own time is
    an amount of time "later" ("earlier") is dated from the latest date the story named before
    it, moved by that amount (Wednesday; "Three years later" after "in March 2015": 2018)."""
    doc = ctx.doc
    times = getattr(ctx.article, "times", None) or []
    for k in own:
        toks = ctx.times[k][0]
        if not toks:
            continue
        s, e = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
        rec = next((t for t in times if t.start < e and s < t.end), None)
        if rec is None or rec.type != "duration" or not rec.direction or not _LATER_WORD.match(ctx.text, rec.end):
            continue
        before = [t for t in times if t.end <= rec.start and t.value and t.type in ("date", "time")]
        if not before:
            continue
        value = shift(max(before, key=lambda t: t.start).value, rec.timex, rec.direction)
        if value:
            return contract_value(value), rec.text
    return None, None


def _in_time_ahead(own: list[int], ctx: Context) -> tuple[str | None, str | None]:
    """ "The leaders will meet in two weeks' time", "will vote in three days": a future act "in"
    an amount of time happens that long after the publication day (TimeML keeps the amount a
    duration, P2W; the arithmetic is the coder's). Not "within" (a limit), nor a vague amount."""
    if ctx.published is None:
        return None, None
    doc = ctx.doc
    times = getattr(ctx.article, "times", None) or []
    for k in own:
        toks = ctx.times[k][0]
        head = ctx.time_roots[k].head
        if head.lower_ == "time" and head.head.i != head.i:
            head = head.head  # "in two weeks' time"
        if not toks or head.lower_ != "in":
            continue
        s, e = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
        rec = next((t for t in times if t.start < e and s < t.end), None)
        if rec is None or rec.type != "duration" or rec.direction or not rec.timex:
            continue
        if rec.text.lower().startswith("the"):
            continue  # "in the next three months": within them
        value = shift(ctx.published.isoformat(), rec.timex, "after")
        if value:
            return contract_value(value), rec.text
    return None, None


def _clause_verb(tok: Any) -> Any:
    """The nearest verb above ``tok`` (``tok``'s clause), or the sentence root."""
    h = tok.head
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    return h


def _event_day(own: list[int], c: Candidate, cands: list[Candidate], ctx: Context) -> tuple[str | None, str | None]:
    """ "Police arrested him the day after the shooting": a day one off an event the words name
    (a ``Time`` with a direction and an anchor and no value of its own) is dated from an earlier
    event of that kind whose day the text gives ("A gunman opened fire on Tuesday")."""
    doc = ctx.doc
    for k in own:
        toks = ctx.times[k][0]
        if not toks:
            continue
        s, e = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
        rec = next((t for t in getattr(ctx.article, "times", None) or [] if t.start < e and s < t.end), None)
        if rec is None or rec.value or rec.anchor is None or rec.direction is None or rec.granularity != "day":
            continue
        span = doc.char_span(rec.anchor.start, rec.anchor.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        kinds = {x.entry.type for x in cands if x.trigger.i == head.i}
        named = lx.NOUN_EVENTS.get(head.lemma_.lower())
        if named is not None:  # "the attack" no event of its own: the kind its noun names (ASSAULT)
            kinds.add(named.type)
        for i, kind, lemma, value, source in reversed(ctx.memo.get(_DATED, [])):
            if i >= span.start or source != "text" or not value or not _DAY.fullmatch(value):
                continue
            if _same_kind(kind, lemma, head, kinds):
                return shift(value, "P1D", rec.direction), rec.text
        day = _told_later(head, ctx)
        if day is not None:
            return shift(day, "P1D", rec.direction), rec.text
    return None, None


def _told_later(head: Any, ctx: Context) -> str | None:
    """The day the story gives a noun's event further on: "arrested him the day after the attack.
    The attack took place on Sunday" (the noun again, the subject of a clause with its own day;
    "the attack, which happened on Sunday")."""
    doc = ctx.doc
    times = getattr(ctx.article, "times", None) or []
    lemma = head.lemma_.lower()
    for tok in doc[head.i + 1 :]:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        verbs = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in tok.children if c.dep_ == "relcl"]
        sent = sent_of(tok)
        for t in times:
            if not t.value or not _DAY.fullmatch(t.value) or not (sent.start_char <= t.start < sent.end_char):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span) and any(_clause_verb(span.root).i == v.i for v in verbs):
                return str(t.value)
    return None


def _same_kind(kind: str, lemma: str, head: Any, kinds: set[str]) -> bool:
    """Whether an event (its type and its trigger's lemma) is of the kind the noun ``head`` names:
    the same event type, or the noun made from its verb ("shot" / "the shooting", "attacked" /
    "the attack")."""
    if kind in kinds:
        return True
    verb, noun = lemma.lower(), head.lemma_.lower()
    if len(verb) < 4:
        return False
    shared = len(os.path.commonprefix([verb, noun]))
    return noun.startswith(verb) or shared >= max(4, len(verb) - 2)  # "explode" / "explosion"


_DATED = "dating.dated"  # ctx.memo key: the events dated so far, (trigger index, type, lemma, date, source)


def date_and_modality(c: Candidate, cands: list[Candidate], ctx: Context) -> tuple[str | None, str | None, str, str]:
    """``(date, the time expression's text, date_source, modality)`` of a candidate (see
    ``_date_and_modality``), remembered for the events told after it (``_event_day``)."""
    out = _date_and_modality(c, cands, ctx)
    ctx.memo.setdefault(_DATED, []).append((c.trigger.i, c.entry.type, c.trigger.lemma_, out[0], out[2]))
    return out


def _date_and_modality(c: Candidate, cands: list[Candidate], ctx: Context) -> tuple[str | None, str | None, str, str]:
    """``(date, the time expression's text, date_source, modality)`` of a candidate.

    The date is the time expression of the trigger's own clause (else of the clause it hangs
    from); without one, the publication date unless the event is future, historical or
    hypothetical (``date_source`` "none")."""
    trig = c.trigger
    others = [x.trigger for x in cands if x is not c]
    own = own_times(trig, others, ctx)
    if c.obj is not None and not own:
        own = own_times(c.obj, others, ctx)
    clause = clause_modality(c, ctx)  # (read once: the modality of each date asked below)
    pre_mod = modality(c, None, False, ctx, clause)
    date_value, date_text = None, None
    tense = tense_of(trig, pre_mod)
    inside = anchored_date(c, ctx) if pre_mod not in ("future", "hypothetical", "negated") else None
    if inside is not None and inside[0] is not None:
        # the act a duration counts from ("two days after a gunman attacked the mosque"): dated
        # by the arithmetic, not by the time of the clause the duration hangs from
        value, text = inside
        return value, text, "text", modality(c, value, True, ctx, clause)
    for k in own:
        v, txt = time_value(k, ctx, tense)
        if v and _limit_ahead(tense, v, ctx.time_roots[k], ctx):
            continue
        if v and pre_mod == "future" and _over(k, v, ctx):
            continue  # "will deplore that decision and were repelled when ... last week": the past clause's
        if v and not _past_for_present(trig, tense, v, ctx.time_roots[k], ctx):
            date_value, date_text = v, txt
            break
    if date_value is None and own and pre_mod == "future":
        date_value, date_text = _in_time_ahead(own, ctx)
    if date_value is None and own:
        date_value, date_text = _days_later(own, ctx)
    if date_value is None and own:
        date_value, date_text = _event_day(own, c, cands, ctx)
    if date_value is None:
        date_value, date_text = _inherited_time(trig, cands, c, ctx, pre_mod)
    if date_value is None:
        date_value, date_text = _subject_event_time(trig, cands, ctx, tense)
    if date_value is None and pre_mod == "asserted":
        date_value, date_text = _report_time(trig, cands, ctx, tense)
    if date_value is None and pre_mod == "asserted" and _lasted_long(trig, own, ctx, tense):
        # "Soltan, who was imprisoned for 21 months": begun long before the story, date unknown
        return None, None, "none", "historical"
    if date_value is None and pre_mod == "asserted":
        date_value, date_text = _narrative_day(trig, ctx, tense)
    if date_value is None and pre_mod not in ("future", "hypothetical", "negated"):
        anchored = anchored_date(c, ctx)
        if anchored is not None:
            # a past event a duration counts from: dated by the arithmetic or left undated,
            # never on the publication day
            value, text = anchored
            if value is None:
                return None, None, "none", "historical"
            mod = modality(c, value, True, ctx, clause)
            return value, text, "text", mod
    from_text = date_value is not None
    mod = modality(c, date_value, from_text, ctx, clause)
    if from_text:
        date_source = "text"
    elif mod in ("future", "historical", "hypothetical"):
        date_source = "none"
    elif ctx.published:
        date_value, date_source = ctx.published.isoformat(), "published"
    else:
        date_source = "none"
    return date_value, date_text, date_source, mod
