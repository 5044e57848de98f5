"""The dependency-parse coder: triggers, participants, place, time and modality per clause.

This module assembles the records; each job has its own module:

* ``parse``: ``Candidate``, ``Context`` (the analysis' output indexed by token) and helpers on
  the dependency parse, shared by all;
* ``candidates``: triggers from the lexicon (``find_candidates``, ``match_verb``) and the mode
  refinements once participants are known (``refine_mode``);
* ``roles``: sources and recipients (``participants``, ``subject_of``, ``np_actor_ids``);
* ``place``: the event's place (``event_place``);
* ``dating`` and ``modality``: the event's date and its modality (``date_and_modality``);
* ``select``: governors, absorption, reported speech, filters, merging and the main event
  (``select``, ``adjust_type``, ``finish``).

For each sentence of the spaCy doc:

1. **Triggers.** A verb whose lemma (with its particle, "call for") or whose lemma and direct
   object ("hold talks", "impose a curfew") is in the PLOVER lexicon; a travel verb with a
   place as destination ("arrived in Amman"); an event noun ("the Hanoi summit") that has a
   participant, a time or a place of its own and is not the object of another trigger.
2. **Governors.** Reporting verbs ("said", "told") are not events; their complement is coded,
   and a deontic complement ("X said Y must ...") is a REQUEST by the speaker. Control verbs
   that are events themselves ("agreed to", "threatened to", "refused to", "urged X to")
   absorb their complement; commitment verbs ("promised", "vowed") become THREATEN when what is
   promised is conflict. Modal governors ("plans to", "is ready to") pass their modality down.
3. **Participants.** Actors are the subject (the ``by`` agent of a passive), inherited through
   control and coordination; recipients are the object, the dative and the objects of
   with/to/against/on/between. Noun phrases map to actor ids through the analysis' mentions;
   pronouns to the nearest earlier actor.
4. **Place** is the place nearest the trigger inside its own clause (a locative preposition, a
   visit's destination, a modifier such as "the Hanoi summit"), never one from another clause.
5. **Date** is the time expression inside the trigger's clause (else the one its clause hangs
   from: "in 2011, when he was hosted by ..."); without one, the publication date
   (``date_source: "published"``) unless the event is future or historical, which the
   publication date would misdate (then ``date: null``, ``date_source: "none"``).
6. **Modality**: negated > hypothetical > future > historical > asserted (see ``modality``).
7. Events of the same type in clauses that depend on one another are one event ("will meet
   ... to discuss", "visited ..., when he was hosted by ...").

Where the rules proposed candidates and ``select`` dropped every one, the sentence counts as
silent: the learned model (``model.revise``) may add an event for another verb.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from ..nlp import heads_of, parse_tree, subtree_of, token_strings
from . import lexicon as lx
from .candidates import find_candidates, refine_mode
from .chooser import choose
from .dating import date_and_modality
from .model import revise
from .parse import (
    Candidate,
    Coded,
    Context,
    conjuncts,
    dep_children,
    depth_cache,
    depth_of,
    infinitive,
    sent_of,
)
from .place import event_place
from .roles import acted_on_place, agentive_target, condition_subjects, np_actor_ids, participants, target_of
from .select import adjust_type, conditioned_act, finish, select

if TYPE_CHECKING:
    from ..article import Article

__all__ = ["build", "code_doc", "code_sentence", "event_id"]


def code_sentence(sent: Any, ctx: Context) -> list[Coded]:
    """The events of one sentence, the main event first."""
    proposed = find_candidates(sent, ctx)
    cands, reported = select(revise(proposed, sent, ctx), sent, ctx)
    if not cands and proposed:
        # the rules proposed events and then judged every one of them no event of its own (a
        # figure of speech, a governed act, a kind of act named): the sentence is as silent as one
        # where they proposed nothing, so the model may add an event for another verb (never for a
        # word the rules judged)
        judged = {i for c in proposed for i in (c.trigger.i, *c.absorbed)}
        added = [c for c in revise([], sent, ctx) if c.trigger.i not in judged]
        if added:
            cands, reported = select(added, sent, ctx)
    events = []
    built: dict[int, Coded] = {}
    for c in cands:
        events.append(build(c, cands, ctx, sent))
        built[id(c)] = events[-1]
    out = finish(events, built, reported, ctx)
    # whom an event the rules (merging included) leave without a recipient is done to: the learned
    # chooser's pick among the sentence's other actors, if any (``chooser``)
    of = {id(built[id(c)]): c for c in cands}
    for coded in out:
        cand = of.get(id(coded))
        if cand is not None:
            coded.record["recipients"] = choose(
                cand, ctx, coded.record["actors"], coded.record["recipients"], coded.record.get("place")
            )
    return out


# -- building the record -----------------------------------------------------------------------


def build(c: Candidate, cands: list[Candidate], ctx: Context, sent: Any) -> Coded:
    """The event of a candidate: its record (the contract's fields) and its trigger."""
    trig = c.trigger
    actors, recipients = participants(c, ctx)
    entry, mode, cameo = refine_mode(c, actors, recipients)
    date_value, _, date_source, mod = date_and_modality(c, cands, ctx)
    place = event_place(c, ctx, cands)
    entry, mode, cameo, mod = adjust_type(c, entry, mode, cameo, mod, actors, recipients)
    if entry.key.startswith("if+"):
        # a conditional threat is made when it is told: a time of the act threatened ("by
        # Friday", "next week") is no date of the threat; the one who must meet the condition is
        # the one threatened
        if ctx.published and (date_source != "text" or (date_value or "") > ctx.published.isoformat()):
            date_value, date_source = ctx.published.isoformat(), "published"
        if not recipients:
            recipients = _condition_party(c, actors, ctx)
    place_recipient = group_recipient = None
    people = _unnamed_people(recipients[0], c, ctx) if recipients and entry.type in _BY_PLACE else None
    if people is not None:
        # "killed 48 people in two attacks in Afghanistan", "to help people in Somalia": PLOVER
        # codes unnamed victims and beneficiaries by the place they are in; its country goes first
        # the country the people's own phrase names first ("aid to people in Gaza through Egypt"), then
        # the act's place, never a route or an origin ("through Egypt", "from Turkey")
        where = _country_in(people, actors, ctx)
        if not where and not _route_place(place, ctx):
            where = _country_where(place, actors, c, ctx)
            if not where:
                place_recipient = _place_recipient(place, actors, c, ctx)
                where = [place_recipient["actor"]] if place_recipient else []
        iso = (ctx.actor_country.get(where[0]) or where[0]) if where else None
        if iso and _own_state(iso, actors, ctx):
            where = []  # "police killed three people in Lahore": the country would name the police's side
        if where and iso:
            _give_country(recipients[0], iso, ctx)
        recipients = where + [r for r in recipients if r not in where]
    if not recipients:
        recipients = _country_where(place, actors, c, ctx) or _country_aimed_at(c, actors, ctx)
        own = _place_recipient(place, actors, c, ctx) if recipients else None
        if own is not None and own["actor"] == recipients[0]:
            # "arrive at the Juba airport to participate in the Mission in South Sudan": the country is
            # the act's own place's, whose words name it
            place_recipient = own
    target = target_of(c, ctx, recipients, place)
    if not recipients:
        # the place the act is done in or on, by its country; its words stay the target
        place_recipient = _place_recipient(_target_place(c, ctx, place), actors, c, ctx)
        if place_recipient is None and target is not None and target.get("start") != (place or {}).get("start"):
            # target words that name people ("issued an ultimatum to her colleagues"): a group actor
            group_recipient = agentive_target(target, ctx)
        chosen = place_recipient or group_recipient
        if chosen is not None:
            recipients = [chosen["actor"]]
        elif entry.type == "THREATEN" and not c.noun and target is None:
            # "Iran threatened to launch an offensive unless Baghdad accepted its conditions": a threat
            # with no one, nothing and nowhere named as its object is made to whoever must meet its
            # condition ("threatened to shell the town if the army advanced" stays the town's)
            found = [a for t in condition_subjects(c.trigger) for a in np_actor_ids(t, ctx) if a not in actors]
            recipients = list(dict.fromkeys(found))
    from_text = date_source == "text"

    start, end, stripped = _evidence(sent, ctx, trig.idx)
    conf = (
        0.45
        + (0.2 if not c.noun else 0.1)
        + (0.15 if actors else 0)
        + (0.05 if recipients else 0)
        + (0.05 if from_text else 0)
        - (0.1 if mod == "hypothetical" else 0)
    )
    record = {
        "type": entry.type,
        "mode": mode,
        "actors": actors,
        "recipients": recipients,
        "target": target,
        "place": place,
        "date": date_value,
        "date_source": date_source,
        "modality": mod,
        "quad": lx.PLOVER_TYPES[entry.type],
        "cameo": cameo,
        "evidence": {"text": stripped, "start": start, "end": end},
        "confidence": round(min(0.95, max(0.05, conf)), 2),
        "trigger": {
            "text": trig.text if c.obj is None else ctx.doc[min(trig.i, c.obj.i) : max(trig.i, c.obj.i) + 1].text,
            "start": trig.idx,
            "end": trig.idx + len(trig.text),
        },
        "rule": entry.key,
    }
    return Coded(record, trig, depth_of(trig), place_recipient, group_recipient)


#: the types whose unnamed civilian recipients are coded by their place: those harmed or helped
_BY_PLACE = {"ASSAULT", "AID"}


def _unnamed_people(aid: str, c: Candidate, ctx: Context) -> Any | None:
    """The head word of a recipient that is unnamed civilians ("48 people", "civilians"): a group of
    sector CVL whose own words name no country or other actor ("Iraqi civilians", "Syria's refugees"
    are named by theirs); None for any other."""
    if ctx.actor_kind.get(aid) != "group" or ctx.actor_sector.get(aid) != "CVL":
        return None
    heads = [t for t in c.recipients_tok if ctx.tok_actor.get(t.i) == aid] or [
        t for t in sent_of(c.trigger) if ctx.tok_actor.get(t.i) == aid and ctx.tok_actor.get(t.head.i) != aid
    ]
    for t in heads:
        for m in t.children:
            if m.dep_ in ("amod", "compound", "poss", "nmod") and (
                m.ent_type_ in ("NORP", "GPE") or ctx.tok_actor.get(m.i, aid) != aid
            ):
                return None
        return t
    return None


#: sectors of a state's own bodies: acting in their own country, that country is their side
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _own_state(iso: str, actors: list[str], ctx: Context) -> bool:
    """Whether an actor is the state of a country or one of its bodies ("police", "Syrian government
    forces" in Syria)."""
    return any(
        ctx.actor_country.get(a) == iso
        and (ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in _STATE_SECTORS)
        for a in actors
    )


_ROUTE_PREPS = {"through", "via", "from", "across", "over", "out"}


def _route_place(place: dict | None, ctx: Context) -> bool:
    """Whether a place is named as a route or an origin ("through Egypt", "from Amman")."""
    if place is None or "start" not in place:
        return False
    toks = ctx.tokens(place["start"], place["end"])
    if not toks:
        return False
    head = min((ctx.doc[i] for i in toks), key=depth_of)
    return head.dep_ == "pobj" and head.head.lower_ in _ROUTE_PREPS


def _give_country(aid: str, iso: str, ctx: Context) -> None:
    """Unnamed people coded after the country of their place are of that country when they had
    none ("48 people" in Afghanistan read "people (AFG)" too)."""
    if ctx.actor_country.get(aid) is not None or not re.fullmatch(r"[A-Z]{3}", iso):
        return
    for actor in ctx.article.actors:
        if actor.id == aid:
            actor.country = iso
            actor.country_source = "sentence"  # type: ignore[attr-defined]
            ctx.actor_country[aid] = iso


def _country_in(head: Any, actors: list[str], ctx: Context) -> list[str]:
    """The first country actor named in a noun's own phrase ("people in Somalia, Ethiopia and
    Kenya", "people facing food insecurity in Zimbabwe"), never in a relative clause ("people who
    fled Syria") nor the event's own actor."""
    skip = {i for r in head.subtree if r.dep_ == "relcl" for i in range(r.left_edge.i, r.right_edge.i + 1)}
    # only its own prepositional and participle phrases: a conjoined group is no place ("killed
    # Armenians, Assyrians, Greeks")
    inside = [t for k in head.children if k.dep_ in ("prep", "acl") for t in k.subtree]
    for t in inside:
        if t.i in skip:
            continue
        aid = ctx.tok_actor.get(t.i)
        if aid is not None and aid not in actors and ctx.actor_kind.get(aid) == "country":
            return [aid]
    return []


def _condition_party(c: Candidate, actors: list[str], ctx: Context) -> list[str]:
    """The actors the condition of a conditional threat falls on: the subject of its "if" /
    "unless" clause ("if Moscow invaded Ukraine": Russia), never the threat's own actor."""
    cl = conditioned_act(c.trigger)
    if cl is None:
        return []
    out: list[str] = []
    for s in dep_children(cl, {"nsubj", "nsubjpass"}):
        for x in conjuncts(s):
            aid = ctx.tok_actor.get(x.i)
            if aid and aid not in actors and aid not in out:
                out.append(aid)
    return out


#: acts done on things in a place, whose target's own place is where they are done ("fired at targets
#: in Jericho", "evacuate the settlements in Gaza"); never words said of it ("called the attack in
#: California terrorism"), a contest or a venue ("conceded the race in Nevada", "attend the service in")
_DONE_ON_PLACES = {"ASSAULT", "COERCE", "THREATEN", "AID", "RETREAT", "MOBILIZE"}


def _target_place(c: Candidate, ctx: Context, place: dict | None) -> dict | None:
    """The place that is the target an act with no recipient actor names: the place it is done in,
    when no word of a recipient phrase is its target ("held talks with aid groups in Nairobi": the
    aid groups), else a place its target words name ("ordered attacks on the Gaza Strip")."""
    t = target_of(c, ctx, [], place)
    if t is None:
        return None
    if place is not None and t["start"] == place.get("start"):
        return place
    span = ctx.doc.char_span(t["start"], t["end"], alignment_mode="expand")
    named = set(range(span.start, span.end)) if span is not None else set()
    if span is not None:  # "the town of Bakwa", "the city of Aleppo": the place the target noun is;
        # "fired at targets in Jericho": the place it is in
        preps = ("of", "in") if c.entry.type in _DONE_ON_PLACES else ("of",)
        named |= {q.i for p in span.root.children if p.dep_ == "prep" and p.lower_ in preps for q in p.children}
    for toks, found in ctx.places:
        if named.intersection(toks):
            first, last = ctx.doc[toks[0]], ctx.doc[toks[-1]]
            start, end = first.idx, last.idx + len(last)
            return {**found, "text": ctx.text[start:end], "start": start, "end": end}
    return None


def _place_recipient(place: dict | None, actors: list[str], c: Candidate, ctx: Context) -> dict | None:
    """The place an act with no recipient of its own is done in or on, as its recipient: the
    place's country, its mention the place's words ("imposed a curfew in Lahore", "declared a
    ceasefire in Tripoli": PLOVER codes such a place as the target, by its country). Never the
    dateline's place, a place in the subject's phrase or another clause ("Police in Karachi
    arrested ..."), a place of the event's own actor, nor one with no known country. The record
    is coded with ``place_recipient`` (``actor``, ``start``, ``end``); ``code_events`` adds the mention
    to the country's actor, or the actor."""
    if place is None or place.get("precision") == "dateline" or "start" not in place:
        return None
    toks = ctx.tokens(place["start"], place["end"])
    if not acted_on_place(toks, c, ctx):
        return None
    for t in toks:
        aid = ctx.tok_actor.get(t)
        if aid is not None:  # a place that is an actor ("Putnam County"): it, unless it acts itself
            if aid in actors or ctx.actor_kind.get(aid) == "person":
                return None
            return {"actor": aid, "start": place["start"], "end": place["end"]}
    iso = place.get("country")
    if not iso or not re.fullmatch(r"[A-Z]{3}", iso) or iso in actors:
        return None
    if any(ctx.actor_country.get(a) == iso and ctx.actor_kind.get(a) == "country" for a in actors):
        return None
    return {"actor": iso, "start": place["start"], "end": place["end"]}


def _country_where(place: dict | None, actors: list[str], c: Candidate, ctx: Context) -> list[str]:
    """The country an act with no recipient of its own is done in, when the sentence names it
    and it is an actor: "imposed sanctions in relation to Iraq", "agreed to a ceasefire in
    eastern Ukraine" (Iraq, Ukraine: PLOVER codes such a country as the target). Never the
    dateline's place, a place that is no country, a place in the subject's own phrase
    ("Prosecutors in Sweden dropped ..."), nor the event's own actor."""
    if place is None or place.get("precision") == "dateline" or "start" not in place:
        return []
    toks = ctx.tokens(place["start"], place["end"])
    if toks and not acted_on_place(toks, c, ctx, strict=False):
        return []
    if place.get("precision") == "larger":  # a small place the gazetteer lacks: only its owner
        return _owner_country(toks, actors, ctx)
    for t in toks:
        aid = ctx.tok_actor.get(t)
        if aid is not None and ctx.actor_kind.get(aid) == "country" and aid not in actors:
            return [aid]
    return _owner_country(toks, actors, ctx)


def _owner_country(toks: list[int], actors: list[str], ctx: Context) -> list[str]:
    """The country a smaller place is said to be in, when the sentence names it as an actor: its
    possessor or apposition ("a ceasefire in Yemen's Hudaydah", "sought refuge in Niger's Maradi
    region", "returned the manuscript to Venafro, Italy"), as PLOVER codes that country as the
    target; the place stays where it happened. Never the event's own actor."""
    if not toks:
        return []
    span = set(toks)
    head = ctx.doc[toks[0]]
    while head.head.i != head.i and (head.head.i in span or head.dep_ in ("compound", "flat")):
        head = head.head
    for c in head.children:
        if c.dep_ in ("poss", "appos", "npadvmod") or (
            c.dep_ == "conj" and c.i == head.i + 2 and c.nbor(-1).text == ","
        ):
            aid = ctx.tok_actor.get(c.i)
            if aid is not None and ctx.actor_kind.get(aid) == "country" and aid not in actors:
                return [aid]
    return []


#: links a country's "in" phrase may not cross to say what an act is for: another clause (a
#: relative, reported or parallel one), a subject's own phrase ("Aid groups in Kenya agreed")
_NOT_FOR = {"relcl", "ccomp", "parataxis", "nsubj", "nsubjpass", "csubj", "appos", "npadvmod", "conj", "advcl"}


def _country_aimed_at(c: Candidate, actors: list[str], ctx: Context) -> list[str]:
    """The country what an act with no recipient is for lies in, named by an "in" phrase inside
    the act's own phrase: its object ("agreed to an expansion of its force in Afghanistan",
    "extending the mission in Afghanistan") or its purpose ("gave 352 million euros to promote
    development in Ethiopia", "provided 28 million to pay for aid for those affected in Yemen"),
    as PLOVER codes such a country as the target. The nearest such country (fewest links to the
    trigger); a country name (not a capital read as its government), never the event's own
    actor, never through another clause (a to-infinitive of purpose excepted) or a subject."""
    trig = c.trigger
    doc = trig.doc
    labels, heads, low = parse_tree(doc)[0], heads_of(doc), token_strings(doc, "LOWER")
    best: tuple[int, str] | None = None
    for ti in subtree_of(doc, trig.i):  # (a Token only for each "in" phrase's noun)
        if labels[ti] != "pobj" or low[heads[ti]] != "in":
            continue
        t = doc[ti]
        aid = ctx.tok_actor.get(t.i)
        if aid is None or ctx.actor_kind.get(aid) != "country" or aid in actors:
            continue
        k = ctx.place_tok.get(t.i)
        if k is None or ctx.places[k][1].get("feature") != "country":
            continue
        u, n = t, 0
        while u.i != trig.i:
            purpose = u.dep_ == "advcl" and infinitive(u)
            if u.dep_ in _NOT_FOR and not purpose:
                break
            u, n = u.head, n + 1
        else:
            if best is None or n < best[0]:
                best = (n, aid)
    return [best[1]] if best else []


_LEADING_BLANKS = re.compile(r'^(?:["\u201d\u2019\']?\s+)+')
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _evidence(sent: Any, ctx: Context, at: int) -> tuple[int, int, str]:
    """The sentence, without the whitespace and stray closing quote spaCy may glue to it, and
    without a heading or paragraph it ran into (the paragraph holding the trigger at ``at``)."""
    start, end = sent.start_char, sent.end_char
    text = ctx.text[start:end]
    seg_start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if start + m.start() >= at:
            text = text[: m.start()]
            break
        seg_start = m.end()
    return _evidence_trim(start + seg_start, text[seg_start:], at)


def _evidence_trim(start: int, text: str, at: int) -> tuple[int, int, str]:
    m = _LEADING_BLANKS.match(text)
    if m and m.end() < len(text):
        start += m.end()
        text = text[m.end() :]
    stripped = text.rstrip()
    return start, start + len(stripped), stripped


def event_id(article_id: str, ev: dict, n: int) -> str:
    h = hashlib.sha1(f"{article_id}|{ev['trigger']['start']}|{ev['type']}|{n}".encode()).hexdigest()[:12]
    return f"ev-{h}"


def code_doc(article: Article, doc: Any) -> list[Coded]:
    with depth_cache(doc):
        ctx = Context(article, doc)
        out = []
        for sent in doc.sents:
            out.extend(code_sentence(sent, ctx))
    return out
