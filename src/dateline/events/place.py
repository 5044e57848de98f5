"""The place of an event.

Public interface: ``event_place(c, ctx, cands)`` (where the event happened, chosen by the
learned linker among the sentence's place mentions; else the place of the event it happened
during) and ``place_for(c, ctx, cands)`` (the structural rule: the place nearest the trigger
inside its own clause; the event filters use it to ask whether a noun event has a place of its
own). Both return the contract's place dict (``name``, ``lat``, ``lon``, ``country``,
``geonameid``) or ``None``; the linker's also carries the mention (``text``, ``start``,
``end``) and, where an unresolved small place gave way to the larger one it lies in,
``precision: "larger"`` and ``within`` (the small place's text).
"""

from __future__ import annotations

import math
import re
from itertools import chain, repeat
from typing import Any

from ..analyse.lexicon import addressed, agent_noun
from ..nlp import heads_of, parse_tree, token_strings
from .lexicon import NOUN_EVENT_HEADS, NOUN_EVENTS, REPORTING, VERBS
from .parse import PLACE_LABELS, Candidate, Context, dep_children, depth_of, sent_bounds

LOC_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "into",
    "on",
    "to",
    "off",
    "from",
    "along",
    "through",
}

#: prepositions that place a participant ("troops near Rafah", "protesters in southern Iraq"):
#: where the participant is, the event is
AT_PREPS = {"in", "at", "near", "outside", "inside", "off"}


def place_for(c: Candidate, ctx: Context, cands: list) -> dict | None:
    trig = c.trigger
    sent_start, sent_end = sent_bounds(trig)
    others = [x.trigger for x in cands if x is not c]
    best = None
    skip = _not_event_places(ctx)
    for k, (toks, place) in enumerate(ctx.places):
        root = ctx.place_roots[k]
        if root.i < sent_start or root.i >= sent_end:
            continue
        if not trig.is_ancestor(root) or root.i in skip or _owner_modifier(root, place):
            continue
        if any(o.i != trig.i and trig.is_ancestor(o) and (o.i == root.i or o.is_ancestor(root)) for o in others):
            continue
        # how the place hangs from the trigger: through a locative preposition, as a visit's
        # destination / object, or as a modifier of an event noun ("the Hanoi summit")
        path = []
        t = root
        while t.i != trig.i:
            path.append(t)
            t = t.head
        top = path[-1]
        ok = False
        if (
            top.dep_ == "prep"
            and (top.lower_ in LOC_PREPS or (c.entry.mode == "visit" and top.lower_ == "for"))
            or top.dep_ in ("dobj", "obj")
            and c.entry.mode == "visit"
        ):
            ok = True
        elif (
            ((c.obj is not None and top.i == c.obj.i) or top.dep_ in ("dobj", "obj", "nsubjpass"))
            and len(path) >= 3
            and path[-2].dep_ == "prep"
            and path[-2].lower_ in ("in", "at", "near", "outside", "inside", "off")
        ):
            ok = True  # "seized a tanker in the Strait of Hormuz", "killed 12 people in Kabul"
        elif (
            c.noun
            and top.dep_ in ("compound", "amod", "nmod")
            and top.i not in ctx.tok_actor
            or (
                c.noun
                and top.dep_ in ("compound", "amod", "nmod")
                and ctx.actor_kind.get(ctx.tok_actor.get(top.i) or "") != "country"
            )
        ):
            ok = True
        if top.dep_ == "prep" and top.lower_ in ("to", "from", "into") and c.entry.mode != "visit":
            ok = False
        if top.dep_ == "prep" and top.lower_ == "on" and not any(t.ent_type_ in PLACE_LABELS for t in path):
            ok = False
        if not ok:
            continue
        score = (len(path), -depth_of(root), -root.i)  # nearest to the trigger, then most specific
        if best is None or score < best[0] or (score[0] == best[0][0] and -depth_of(root) < best[0][1]):
            best = (score, k)
    if best is None:
        return None
    return _smallest(ctx, best[1], sent_start, sent_end)


def _resolved(ctx: Context, k: int) -> bool:
    return ctx.places[k][1].get("geonameid") is not None


def _smaller_of(ctx: Context, a: int, b: int) -> int:
    """Of two place mentions that each nest in the other ("the X area of Y"), the smaller: the
    unresolved one beside a large resolved place ("the Los Angeles suburb of Quorrenby"), else the
    name before the place noun ("the Shalman area of Khyber", "the Jobar neighbourhood of Damascus")."""
    if _resolved(ctx, a) != _resolved(ctx, b):
        known, unknown = (a, b) if _resolved(ctx, a) else (b, a)
        if _large(ctx.places[known][1]):
            return unknown
    for k in (a, b):
        if ctx.place_roots[k].dep_ in ("compound", "amod", "nmod"):
            return k
    return a


def _large(place: dict) -> bool:
    """A division, a country, a region, or a town of 100,000 or more."""
    if place.get("feature") not in ("city", "PPLC", None) and place.get("feature") != "approximate":
        return True
    if place.get("geonameid") is None:
        return False
    from ..gazetteer import get_gazetteer

    found = [p for p, _ in get_gazetteer().lookup(place["name"]) if p.geonameid == place["geonameid"]]
    return bool(found) and found[0].population >= 100_000


def _owner_modifier(root: Any, place: dict) -> bool:
    """A country or larger region modifying a noun that is no place: "the 1967 Middle East
    war", "the Cameroon embassy" (whose, not where); a city so placed still says where ("the
    Kabul attack", "the Notting Hill Carnival")."""
    if root.dep_ not in ("compound", "amod", "nmod", "poss") or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.head.lemma_.lower() in _PLACE_NOUNS or root.head.lemma_.lower() in _WHERE_NOUNS:
        return False
    return place.get("feature") in ("country", "region", "continent", "union")


def event_place(c: Candidate, ctx: Context, cands: list[Candidate]) -> dict | None:
    """Where the event happened: the place mention the learned linker links to the trigger (its
    sentence's own place phrase, fronted or not, the object of a territorial verb, the smaller
    of nested places), else the place of the event it happened during ("arrested during the
        protests in Moscow"), else, for an event of the story's first sentence that names no place,
    the dateline's (``precision: "dateline"``). Without the model, the structural rule of
    ``place_for``."""
    trig = c.trigger
    place = _decide(c, ctx, cands)
    if place is None:
        # "arrested during the protests in Moscow": where the event it happened during happened
        for p in trig.children:
            if p.dep_ == "prep" and p.lower_ in ("during", "amid", "at"):
                for other in cands:
                    if other is not c and other.trigger.head.i == p.i:
                        place = _decide(other, ctx, cands)
                        break
    if place is None:
        place = _governing_place(c, ctx, cands)
    if place is None:
        place = dateline_place(trig, ctx)
    return place


_SAME_SCENE_MARKS = {"as", "when", "after", "before", "by", "upon"}


def _governing_place(c: Candidate, ctx: Context, cands: list[Candidate]) -> dict | None:
    """The place of the clause the trigger's clause depends on, when it names none of its own:
    "In the town of Suwayrah a suicide bomber rammed his car into a checkpoint, killing 12
    people" (the killing), "shot and killed" (the second verb), "began the assault by
    capturing the checkpoints" (through the preposition). Never through reported speech nor a
    contrast ("while others rallied in Chicago")."""
    trig = c.trigger
    if c.noun:
        return None
    for _ in range(3):  # "stormed Giza ... and shot dead many persons as they burnt the palace"
        host = _host(trig, cands, c)
        if host is None:
            return None
        place = place_for(host, ctx, cands) or where_participants_are(host, ctx, cands)
        if place is not None:
            return place
        trig = host.trigger
    return None


def _host(trig: Any, cands: list[Candidate], c: Candidate) -> Candidate | None:
    """The clause ``trig``'s clause depends on, as a candidate (see ``_governing_place``)."""
    if trig.dep_ in ("advcl", "conj", "xcomp"):
        head = trig.head
        marks = [m.lower_ for m in trig.children if m.dep_ == "mark"]
        if trig.dep_ == "advcl" and any(m not in _SAME_SCENE_MARKS for m in marks):
            return None
    elif trig.dep_ == "pcomp" and trig.head.dep_ == "prep" and trig.head.lower_ in _SAME_SCENE_MARKS | {"in", "while"}:
        head = trig.head.head
    else:
        return None
    if head.i == trig.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in REPORTING:
        return None
    return next((x for x in cands if x.trigger.i == head.i), None) or Candidate(head, c.entry)


def _decide(c: Candidate, ctx: Context, cands: list[Candidate]) -> dict | None:
    """The structural rule's place (a locative phrase of the trigger's own clause, a visit's
    destination, a modifier of an event noun), else the learned linker's: the rule is precise,
    the linker finds the places the rule's paths miss (fronted phrases, objects of territorial
    verbs, places nested in a larger one)."""
    rule = where_participants_are(
        c, ctx, cands, attacked_only=True
    )  # "In the province of X, terrorists shelled the settlement of Y": Y
    if rule is None:
        rule = place_for(c, ctx, cands)
    if rule is None:
        rule = where_participants_are(c, ctx, cands)
    if rule is not None or not _model():
        return rule
    return linked_place(c.trigger, ctx) or _participant_clause_place(c, ctx, cands)


#: verbs of a relative clause that say what a participant is or has, not what it did there ("the
#: company, which has plants in Mexico"; "a man who lives in Kabul")
_STATIVE_CLAUSE = {"be", "have", "own", "live", "operate", "base", "run", "hold", "control", "work", "reside", "study"}


def _sentence_places(trig: Any, ctx: Context) -> tuple[int, int, dict[int, int]]:
    """The trigger's sentence bounds and its place mentions that may be an event's place, by the
    index of the mention's root token (no origin, none ``_not_event_places`` rules out)."""
    sent_start, sent_end = sent_bounds(trig)
    skip = _not_event_places(ctx)
    by_root = {
        root.i: k
        for k, root in enumerate(ctx.place_roots)
        if sent_start <= root.i < sent_end and root.i not in skip and not _origin(root)
    }
    return sent_start, sent_end, by_root


def _participant_clause_place(c: Candidate, ctx: Context, cands: list[Candidate]) -> dict | None:
    """Where the event happened when the linker links no place of the trigger's own clause, read
    from a relative clause of one of its participants that says what the participant did there
    and then: "killed by gunmen who waited for him inside his Mexico City apartment" (the agent's
    clause; a participle clause of any participant: "the mine, laid at the village of X, was
    detonated"); a relative clause that says what the participant is or has ("a doctor who lives in
    Lagos", ``_STATIVE_CLAUSE``) or a thing's relative clause does not.
    A clause that is another coded event ("arrested the men who attacked a bank in Lagos": the
    attack is an event of its own) does not lend its place."""
    trig = c.trigger
    if c.noun:
        return None
    sent_start, sent_end, by_root = _sentence_places(trig, ctx)
    if not by_root:
        return None
    others = {x.trigger.i for x in cands if x is not c}
    parts = [*dep_children(trig, {"nsubj", "nsubjpass", "dobj", "obj"})]
    parts += [q for p in trig.children if p.dep_ == "agent" for q in p.children if q.dep_ == "pobj"]
    for part in parts:
        for t in _conjoined(part):
            for cl in t.children:
                if cl.dep_ not in ("relcl", "acl") or cl.pos_ not in ("VERB", "AUX") or cl.i in others:
                    continue
                if cl.lemma_.lower() in _STATIVE_CLAUSE:
                    continue
                if cl.dep_ == "relcl" and t.i not in ctx.tok_actor:
                    continue  # "killing the inheritance that distinguished ... in the East": a thing's
                    # relative clause says what it is; a person's, what they did
                for p in cl.children:
                    if p.dep_ == "prep" and p.lower_ in AT_PREPS:
                        for q in p.children:
                            if q.dep_ == "pobj":
                                k = _place_under(q, by_root)
                                if k is not None:
                                    return _smallest(ctx, k, sent_start, sent_end)
    return None


#: subordinators of a clause that happens at the same time and place ("was shot as he walked
#: off a west Dublin soccer field", "was struck while it was in the Al-Shoula area")
_WHILE = {"as", "while", "when"}
_ATTACKS = {"ASSAULT", "COERCE"}


def where_participants_are(
    c: Candidate, ctx: Context, cands: list[Candidate], attacked_only: bool = False
) -> dict | None:
    """Where the event happened when its own clause has no locative phrase of its own:

    * the place the act is done to ("The Niger village of Abadam was bombed", "Buckingham
      Palace was bombed", "shelled the settlement of Jaba"): an attack's or seizure's object;
    * where a participant is ("troops near the settlement of Rafiah Yam shot", "clashed with
      protesters in southeastern Iraq", "shot a policeman and a boy in the town of Tulkarm");
    * where a clause of the same moment happened ("was shot as he walked off a west Dublin
      soccer field", "was struck while it was in the Al-Shoula area").
    """
    trig = c.trigger
    if c.noun:
        return None
    sent_start, sent_end, by_root = _sentence_places(trig, ctx)
    if not by_root:
        return None
    others = {x.trigger.i for x in cands if x is not c}
    same_kind = {x.trigger.i for x in cands if x is not c and x.entry.type == c.entry.type}

    def place_in(tok: Any, deps: tuple[str, ...]) -> int | None:
        """A place mention under ``tok`` through a locative preposition (``deps`` first)."""
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in AT_PREPS:
                # "outside of Kawkab": the object of the preposition's "of"
                objs = [q for q in p.children if q.dep_ == "pobj"] + [
                    q
                    for o in p.children
                    if o.dep_ == "prep" and o.lower_ == "of"
                    for q in o.children
                    if q.dep_ == "pobj"
                ]
                for q in objs:
                    k = _place_under(q, by_root)
                    if k is not None:
                        return k
        return None

    # the place the act is done to
    if c.entry.type in _ATTACKS:
        done_to = dep_children(trig, {"dobj", "obj", "nsubjpass"})
        if c.obj is not None:  # "launched an offensive on the Palmyra Silos region": what it is on
            done_to += [
                q
                for p in c.obj.children
                if p.dep_ == "prep" and p.lower_ in ("on", "upon", "against")
                for q in p.children
                if q.dep_ == "pobj"
            ]
        for o in done_to:
            taken = trig.lemma_.lower() in _TAKE_GROUND and o.i in by_root
            if taken:  # a resolved place that is no country, read as its government ("East Jerusalem")
                found = ctx.places[by_root[o.i]][1]
                taken = found.get("geonameid") is not None and found.get("feature") != "country"
            as_country = o.i in ctx.tok_actor and ctx.actor_kind.get(ctx.tok_actor[o.i]) == "country"
            if as_country and not taken:
                continue  # "Israel attacked Iran": a participant (but "East Jerusalem was captured":
                # a city taken is ground, whatever government its name may stand for)
            if (
                o.dep_ == "nsubjpass"
                and o.i in by_root
                and o.ent_type_ not in ("FAC", "LOC")
                and not (taken and as_country)
            ):
                continue  # "Francois was captured", "a Black Hawk was shot down": a name, no site
                # (but "East Jerusalem was captured": a town taken is where)
            k = _named_place(o, by_root)
            if k is None:
                k = place_in(o, ())  # "capturing the checkpoints outside of Kawkab"
            if k is not None:
                return _smallest(ctx, k, sent_start, sent_end)
    if attacked_only:
        return None
    # where a participant is
    parts = [*dep_children(trig, {"nsubj", "nsubjpass", "dobj", "obj"})]
    parts += [
        q
        for p in trig.children
        if p.dep_ == "prep" and p.lower_ in ("with", "against")
        for q in p.children
        if q.dep_ == "pobj"
    ]
    for part in parts:
        for t in _conjoined(part):
            if t.i in others or t.i not in ctx.tok_actor:
                continue  # a participant is an actor ("against violence in Turkey" places nobody)
            k = place_in(t, ())
            if k is not None:
                return _smallest(ctx, k, sent_start, sent_end)
    # the means ("began the assault by launching a car bomb at the perimeter of the Tartuh District")
    for p in trig.children:
        if p.dep_ == "prep" and p.lower_ == "by":
            for cl in dep_children(p, {"pcomp"}):
                for t in [cl, *dep_children(cl, {"dobj", "obj"})]:
                    k = place_in(t, ())
                    if k is not None:
                        return _smallest(ctx, k, sent_start, sent_end)
    # a clause of the same moment
    for cl in dep_children(trig, {"advcl"}):
        if cl.i in same_kind or not any(m.dep_ == "mark" and m.lower_ in _WHILE for m in cl.children):
            # "600,000 marched in Los Angeles, while 400,000 rallied in Chicago": a parallel event
            continue
        for t in [cl, *dep_children(cl, {"dobj", "obj", "attr", "acomp"})]:
            k = place_in(t, ())
            if k is None and t.i != cl.i:
                k = _named_place(t, by_root)  # "as he left his Tokyo apartment building"
            if k is not None:
                return _smallest(ctx, k, sent_start, sent_end)
    return None


#: verbs of taking ground: a town that is their passive subject is where ("Kidal was captured")
_TAKE_GROUND = {"capture", "seize", "retake", "recapture", "overrun", "occupy", "annex", "storm", "liberate"}

_UNDER_DEPS = {"compound", "nmod", "poss", "amod", "appos", "pobj"}


def _place_under(tok: Any, by_root: dict[int, int]) -> int | None:
    """The nearest place mention inside a locative object's phrase, through its modifiers and
    of/in phrases, never through a clause: "a west Dublin soccer field" (Dublin), "a restaurant
    in the affluent north of Bogota" (Bogota)."""
    frontier = [tok]
    for _ in range(6):
        nxt = []
        hits = [t for t in frontier if t.i in by_root]
        if hits:  # a name before a bare direction word ("a west Dublin soccer field")
            return by_root[min(hits, key=lambda t: (not t.text[:1].isupper(), t.i)).i]
        for t in frontier:
            for c in t.children:
                if c.dep_ in _UNDER_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "in", "near")):
                    nxt.append(c)
        frontier = nxt
    return None


def _conjoined(tok: Any) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjoined(c)
    return out


def _named_place(tok: Any, by_root: dict[int, int]) -> int | None:
    """The place mention ``tok`` heads or names: the mention itself ("Tulkarm"), a place noun
    and its name ("the town of Tulkarm", "the Palmyra countryside", "the West Bank town of X")."""
    if tok.i in by_root:
        return by_root[tok.i]
    lemma = tok.lemma_.lower()
    if lemma not in _PLACE_NOUNS and lemma not in _WHERE_NOUNS and lemma not in _SITE_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for q in c.children:
                if q.dep_ == "pobj" and q.i in by_root:
                    return by_root[q.i]
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i in by_root:
            return by_root[c.i]
    return None


#: sites an attack is done to that a name before them places ("the Bagmati bridge", "Ain Chams
#: university"); the name is where
_SITE_NOUNS = {"bridge", "market", "mosque", "church", "hospital", "school", "university", "airport", "base", "camp"}


# -- the learned linker ------------------------------------------------------------------------
#
# Which of the sentence's place mentions is where the event happened: a logistic regression over
# features of the parse between the trigger and each mention (the path, its prepositions, nesting,
# distance, the place's kind), trained on Halterman's event-location sentences (MIT licence; the
# adjudicated RELABEL records and every sentence they share are never trained on) by
# scripts/train_event_place.py. Weights: data/models/event_place.json, card: its "card" field.

_MODEL: dict | None = None
_PLACE_NOUNS = {
    "city", "town", "village", "district", "province", "region", "area", "neighbourhood",
    "neighborhood", "suburb", "county", "state", "camp", "settlement", "port", "capital",
    "governorate", "countryside", "outskirts", "quarter", "island", "municipality", "border",
    # natural features ("The strategic Golan plateau was captured", "in the Kodori gorge")
    "plateau", "valley", "peninsula", "gorge", "mountain", "mountains", "hill", "hills", "desert",
    "highlands", "delta", "basin", "canyon", "oasis", "plain", "plains",
}  # fmt: skip


#: place nouns that name a part of their "of" place ("the East Ghouta region of rural Damascus",
#: "the Shalman area of Khyber"), where a town noun's "of" is its name ("the town of Tulkarm")
_PART_NOUNS = {
    "area", "region", "countryside", "outskirts", "suburb", "suburbs", "part", "side", "quarter",
    "neighbourhood", "neighborhood", "sector", "corner", "edge", "environs", "periphery", "section",
}  # fmt: skip


#: nouns a country names the place of ("on an Afghanistan battlefield", "on Iraqi soil")
_WHERE_NOUNS = {
    "battlefield", "soil", "territory", "waters", "airspace", "street", "streets", "coast", "side",
    "front", "frontier", "mainland", "shore", "shores", "countryside", "hinterland",
}  # fmt: skip


def _model() -> dict:
    global _MODEL
    if _MODEL is None:
        import json
        from importlib.resources import files

        path = files("dateline").joinpath("data/models/event_place.json")
        _MODEL = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return _MODEL


def _path(a: Any, b: Any) -> tuple[list, list]:
    """(tokens from ``a`` up to the lowest common ancestor, tokens from ``b`` up to it)."""
    doc = a.doc
    heads = heads_of(doc)  # (the walks read the cached heads; a Token only for each token returned)
    up_a = [a.i]
    while heads[up_a[-1]] != up_a[-1]:
        up_a.append(heads[up_a[-1]])
    seen = {t: k for k, t in enumerate(up_a)}
    up_b = [b.i]
    while up_b[-1] not in seen and heads[up_b[-1]] != up_b[-1]:
        up_b.append(heads[up_b[-1]])
    if up_b[-1] in seen:
        up_a = up_a[: seen[up_b[-1]] + 1]
    return [a] + [doc[i] for i in up_a[1:]], [b] + [doc[i] for i in up_b[1:]]


def _dep(t: Any) -> str:
    if t.dep_ in ("prep", "agent"):
        return f"{t.dep_}:{t.lower_}"
    return t.dep_


#: how a place mention sits in its noun phrase (``_phrase``)
_NAME_DEPS = ("compound", "amod", "nmod", "flat", "appos", "poss")


def _phrase(root: Any) -> tuple[Any, str]:
    """(The head of the noun phrase a place mention names, how the mention sits in it): "self"
    ("in Kabul"), "name" of a place noun ("in Silopi town", "the town of Bakwa", "in Kandahar's
    Loi Karez neighborhood"), "larger" (the possessor or modifier of a place noun that is itself
    named: "in Kandahar's Loi Karez neighborhood" for Kandahar), "site" (a modifier of a site:
    "his Tokyo apartment building", "the Bagmati bridge") or "modifier" of any other noun ("the
    Kabul attack", "Syria's northeast"). The linker reads the preposition and the path above the
    phrase's head, not the mention's own word: "in Kandahar's Loi Karez neighborhood" is an "in"
    phrase for both names."""
    t, inner = root, "self"
    for _ in range(4):
        head = t.head
        if head.i == t.i or head.pos_ not in ("NOUN", "PROPN"):
            break
        lemma = head.lemma_.lower()
        place_noun = lemma in _PLACE_NOUNS or lemma in _PART_NOUNS
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _PLACE_NOUNS:
            t, inner = t.head.head, "name" if inner == "self" else inner  # "the town of Bakwa"
            continue
        if t.dep_ not in _NAME_DEPS:
            break
        if place_noun:
            named = any(c.dep_ in ("compound", "flat") and c.i != t.i and c.pos_ == "PROPN" for c in head.children)
            if inner == "self":
                inner = "larger" if t.dep_ == "poss" and named else "name"
        elif inner == "self":
            inner = "site" if lemma in _SITE_NOUNS or lemma in _BUILDING_NOUNS else "modifier"
        t = head
    return t, inner


#: buildings and sites a name before them places ("his Tokyo apartment building")
_BUILDING_NOUNS = {
    "building", "apartment", "home", "house", "office", "offices", "headquarters", "station", "hotel", "restaurant",
    "checkpoint", "prison", "jail", "embassy", "consulate", "palace", "square", "road", "highway",
    "street", "compound", "field", "stadium", "port", "harbour", "harbor", "crossing", "plant",
}  # fmt: skip


def place_features(
    trig: Any,
    root: Any,
    toks: list[int],
    place: dict,
    n_places: int,
    first: bool,
    ctx: Context | None = None,
    pairs: bool = True,
) -> list[str]:
    """The linker's features of one (trigger, place mention) pair: the parse between them, with
    ``ctx`` what the structural rules know of the mention (``_flags``), and the pairs of the
    families in ``CROSSED`` (``a&b``: a path read with the place's kind, a preposition with a
    clause on the way), which a linear model cannot weigh together otherwise. ``pairs=False``
    leaves the pairs out (``_score`` weighs them without writing them)."""
    doc = trig.doc
    up, down = _path(trig, root)
    lca = up[-1]
    rel = "desc" if lca.i == trig.i else ("anc" if lca.i == root.i else "other")
    down_deps = [_dep(t) for t in reversed(down[:-1])]  # from the common ancestor down to the place
    up_deps = [t.dep_ for t in up[:-1]]  # from the trigger up to the common ancestor
    path = ">".join(down_deps[:4])
    prep = root.head.lower_ if root.dep_ == "pobj" else "-"
    outer = "-"
    if root.dep_ == "pobj" and prep == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        outer = "of_placenoun"  # "the town of Bakwa"
    elif root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        if noun.lemma_.lower() in _PLACE_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("of", "in") for c in noun.children
        ):
            outer = "outer_of"  # "the West Bank town of Tulkarm": the larger place
        else:
            outer = "modifier"  # "the Kabul attack", "Syria's northeast"
    verbs = sum(1 for t in (*up[1:-1], *down[1:-1]) if t.pos_ in ("VERB", "AUX"))
    dist = abs(root.i - trig.i)
    dist_b = "1-3" if dist <= 3 else "4-7" if dist <= 7 else "8-15" if dist <= 15 else "16+"
    side = "before" if root.i < trig.i else "after"
    feat = place.get("feature") or ("unresolved" if place.get("geonameid") is None else "other")
    if feat in ("PPLC", "city") or (isinstance(feat, str) and feat.startswith("PPL")):
        feat = "city"
    fronted = side == "before" and any(t.dep_ == "prep" and t.i < trig.i for t in up[-1:]) and toks[0] < 3
    lemma = trig.lemma_.lower()
    out = [
        "bias",
        f"rel={rel}",
        f"path={rel}:{path}",
        f"up={'>'.join(up_deps[:2])}",
        f"prep={prep}",
        f"prep+rel={prep}:{rel}",
        f"outer={outer}",
        f"verbs={min(verbs, 2)}",
        f"dist={dist_b}",
        f"side={side}",
        f"feat={feat}",
        f"feat+prep={feat}:{prep}",
        f"n={min(n_places, 3)}",
        f"first={first}",
        f"lemma={lemma}",
        f"lemma+rel={lemma}:{rel}",
        f"root_dep={root.dep_}",
    ]
    if fronted or (side == "before" and toks[0] == 1 and doc[0].lower_ in ("in", "at", "near")):
        out.append("fronted")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.i == trig.i:
        out.append("subject")
    if root.dep_ in ("dobj", "obj") and root.head.i == trig.i:
        out.append("object")
    # the same read from the head of the place's noun phrase ("killed himself in Silopi town")
    head, inner = _phrase(root)
    hup, hdown = _path(trig, head)
    hrel = "desc" if hup[-1].i == trig.i else ("anc" if hup[-1].i == head.i else "other")
    hpath = ">".join(_dep(t) for t in reversed(hdown[:-1]))
    hprep = head.head.lower_ if head.dep_ == "pobj" else "-"
    out += [
        f"inner={inner}",
        f"inner+feat={inner}:{feat}",
        f"np_path={hrel}:{'>'.join(hpath.split('>')[:3])}",
        f"np_last={hrel}:{'>'.join(hpath.split('>')[-2:])}",
        f"np_prep={hprep}",
        f"np_prep+rel={hprep}:{hrel}",
        f"np_prep+inner={hprep}:{inner}",
        f"np_dep={head.dep_}",
        f"np_up={'>'.join(t.dep_ for t in hup[:-1][:2])}",
    ]
    # the nouns the path goes down through to the place's phrase: a person's ("the governor of
    # X province", "the commander of X operations", "a resident of X": whose, not where) or a
    # thing's ("violence against their community in X"), with the preposition below it: "of"
    # (whose) or "in" (where: "a man in Kabul")
    down_path = list(reversed(hdown))  # from the common ancestor down to the phrase's head
    vias = set()
    for t, below in zip(down_path[1:-1], down_path[2:]):
        if t.pos_ in ("NOUN", "PROPN"):
            prep = below.lower_ if below.dep_ == "prep" else below.dep_
            vias.add(f"{_via(t)}:{prep if prep in ('of', 'for', 'in', 'at', 'near', 'appos', 'poss') else 'other'}")
    out += [f"via={v}" for v in sorted(vias)] or ["via=none"]
    # another event on the way: a noun event the place's phrase hangs from ("since the attacks in
    # the United States", "against violence on their community in Turkey"), with how it hangs from
    # the path above it (its preposition) and the preposition below it: the clashes a killing
    # happened in ("killed in clashes in Aleppo") say where, an attack an arrest came after
    # does not; and a clause the place is inside or the trigger is inside ("were killed ..., while
    # others were transferred to hospitals in X": an advcl, then a conj)
    for t, below in zip(down_path[1:-1], down_path[2:]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in _OTHER_EVENT_NOUNS:
            above = t.head.lower_ if t.dep_ == "pobj" else t.dep_
            out.append(f"event_noun={above}>{below.lower_ if below.dep_ == 'prep' else below.dep_}")
    out += [f"clause_down={_clause(t)}" for t in down_path[1:-1] if t.pos_ in ("VERB", "AUX")]
    out += [f"clause_up={_clause(t)}" for t in up[:-1] if t.pos_ in ("VERB", "AUX")]
    if ctx is not None:
        out += _flags(trig, root, ctx)
    if not pairs:
        return out
    crossed = _crossed(out)
    out += [f"{a}&{b}" for i, a in enumerate(crossed) for b in crossed[i + 1 :]]
    return out


def _crossed(features: list[str]) -> list[str]:
    """The features of the ``CROSSED`` families, in order: each pair of them is a feature too."""
    return [f for f in features if f.split("=", 1)[0] in CROSSED]


#: the feature families whose pairs are features too (``place_features``)
CROSSED = frozenset(
    {
        "path", "np_path", "np_last", "prep", "np_prep", "inner", "feat", "via", "verbs", "side", "dist",
        "rel", "root_dep", "np_dep", "outer", "clause_down", "clause_up", "event_noun", "n", "subject", "object",
        "fronted", "flag",
    }
)  # fmt: skip


#: nouns of another event a place's phrase may hang from (with the event lexicon's noun heads)
_OTHER_EVENT_NOUNS = NOUN_EVENT_HEADS | {
    "war", "conflict", "battle", "operation", "campaign", "siege", "assault", "strike", "incident", "explosion",
    "blast", "attack", "violence", "unrest", "uprising", "crisis", "invasion", "occupation",
}  # fmt: skip


def _clause(tok: Any) -> str:
    """How a verb on the linker's path hangs from its head: its dependency, with an adverbial
    clause's subordinator ("advcl:while")."""
    if tok.dep_ == "advcl":
        mark = next((m.lower_ for m in tok.children if m.dep_ == "mark"), "-")
        return f"advcl:{mark}"
    return tok.dep_


def _via(tok: Any) -> str:
    """A noun the linker's path goes through: "person" (a person's name or an agent noun such as
    governor, commander, resident, ``lexicon.agent_noun``) or "thing"."""
    if tok.ent_type_ == "PERSON" or agent_noun(tok.lemma_.lower()) is not None:
        return "person"
    return "thing"


def _score(features: list[str]) -> float:
    """The linker's probability for one pair's features (``place_features(..., pairs=False)``):
    the weights of the features, then of their ``CROSSED`` pairs, summed in the order
    ``place_features`` writes them (the same sum as over its full list), the pairs read from
    ``_pair_weights`` instead of built as strings (some 200 per pair, most of them unweighted)."""
    w = _model().get("weights") or {}
    table = _pair_weights(w)
    crossed = _crossed(features)
    rows = [table.get(a) for a in crossed]
    # a pair without a weight adds 0.0, which leaves any sum as it is: it is skipped
    weighted = [x for i, row in enumerate(rows) if row for x in map(row.get, crossed[i + 1 :]) if x is not None]
    z = sum(chain(map(w.get, features, repeat(0.0)), weighted))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_PAIRS: tuple[dict, dict[str, dict[str, float]]] | None = None  # the weights and their pair table


def _pair_weights(w: dict) -> dict[str, dict[str, float]]:
    """The weights of the pair features ``a&b`` as ``table[a][b]``. A key is entered at every "&"
    it could be cut at, so ``table[a][b]`` is ``w[f"{a}&{b}"]`` where that key has a weight and
    is absent where it has none. Built once per weights."""
    global _PAIRS
    if _PAIRS is None or _PAIRS[0] is not w:
        table: dict[str, dict[str, float]] = {}
        for key, x in w.items():
            at = key.find("&")
            while at >= 0:
                table.setdefault(key[:at], {})[key[at + 1 :]] = x
                at = key.find("&", at + 1)
        _PAIRS = (w, table)
    return _PAIRS[1]


#: what an event's place takes from a place mention (``Context.places``: these and its ``feature``)
EVENT_PLACE_FIELDS = ("name", "lat", "lon", "country", "geonameid")


def _span_place(ctx: Context, k: int) -> dict:
    toks, place = ctx.places[k]
    doc = ctx.doc
    start, end = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
    return {
        **{x: place[x] for x in EVENT_PLACE_FIELDS},
        "text": ctx.text[start:end],  # Doc.text is rebuilt on every access
        "start": start,
        "end": end,
    }


def linker_candidates(trig: Any, ctx: Context) -> list[int]:
    """The place mentions (indexes into ``ctx.places``) the linker weighs for ``trig``: those of its
    sentence, less the trigger's own words, nationalities, places inside names and parties
    (``_not_event_places``), the subject's country, where the teller of the news is ("a military
    source in Homs said the army killed ...": ``_source_place``), places inside the other event a
    protest or an accusation answers ("protested against the bombing of X": ``_reacted_event_place``),
    a person's home town beside their age (``_home_town``) and other scenes (see ``_linked``). The
    linker is trained on these same candidates; whether a mention is an origin or a participant, it
    weighs as features (``_flags``)."""
    sent_start, sent_end = sent_bounds(trig)
    skip = _not_event_places(ctx)
    return [
        k
        for k, root in enumerate(ctx.place_roots)
        if sent_start <= root.i < sent_end
        and trig.i not in ctx.places[k][0]
        and root.i not in skip
        and not _subject_country(root, trig, ctx)
        and not _source_place(root, trig)
        and not _reacted_event_place(root, trig)
        and not _home_town(root)
        and _scenes(root) == _scenes(trig)
    ]


def _home_town(root: Any) -> bool:
    """A town set beside a person's name and age, the way local news writes where someone lives
    ("Cameron L. Horve, 27, Macon, was arrested for retail theft"): whose, not where."""
    if root.dep_ != "appos" or root.head.pos_ != "PROPN":
        return False
    return any(c.dep_ == "appos" and c.like_num and c.i < root.i for c in root.head.children)


def _flags(trig: Any, root: Any, ctx: Context) -> list[str]:
    """What the structural rules know of a candidate that says it may not be where the event
    happened, as features (``flag=``) the linker weighs against the rest rather than filters: an
    origin ("a cab driver from Abidjan", "a young man from Kobane city"), a participant (a country
    named as an actor)."""
    out = []
    if _origin(root) or _origin(_phrase(root)[0]):
        out.append("flag=origin")
    if _participant(root, ctx):
        out.append("flag=participant")
    return out or ["flag=none"]


def linked_place(trig: Any, ctx: Context) -> dict | None:
    """The place mention the learned linker links to the trigger, if any (see ``_linked``)."""
    return _linked(trig, ctx)[0]


def _linked(trig: Any, ctx: Context) -> tuple[dict | None, float]:
    """(The place mention the learned linker links to the trigger, if its score clears the
    model's threshold; a smaller place nested in a larger one ("the town of X in province Y")
    that the gazetteer cannot resolve gives way to the resolved larger one, marked
    ``precision: "larger"``; the best mention's probability)."""
    model = _model()
    if not model:
        return None, 0.0
    sent_start, sent_end = sent_bounds(trig)
    ks = linker_candidates(trig, ctx)
    if not ks:
        return None, 0.0
    best, best_p = None, 0.0
    for n, k in enumerate(ks):
        toks, place = ctx.places[k]
        p = _score(place_features(trig, ctx.place_roots[k], toks, place, len(ks), n == 0, ctx, pairs=False))
        if p > best_p:
            best, best_p = k, p
    if best is None or best_p < model.get("threshold", 0.5):
        return None, best_p
    return _smallest(ctx, best, sent_start, sent_end), best_p


def _smallest(ctx: Context, best: int, sent_start: int, sent_end: int) -> dict:
    """The chosen mention, or the smaller place nested in it ("the West Bank town of Tulkarm":
    Tulkarm); an unresolved small place gives way to the resolved larger one it lies in
    ("al-Tijara neighbourhood in central Damascus": the words "al-Tijara", Damascus's name and
    coordinates, ``precision: "larger"``)."""
    skip = _not_event_places(ctx)
    ks = [k for k, root in enumerate(ctx.place_roots) if sent_start <= root.i < sent_end and root.i not in skip]
    for k in ks:
        known = _resolved(ctx, best) and not _resolved(ctx, k)
        known_back = _resolved(ctx, k) and not _resolved(ctx, best)
        if k != best and _nests(ctx.place_roots[k], ctx.place_roots[best], known):
            if _nests(ctx.place_roots[best], ctx.place_roots[k], known_back):
                # each lies in the other by its own reading ("the Shalman area of Khyber"): decided
                # by the pair, not by which of the two the linker ranked first
                k = _smaller_of(ctx, best, k)
            best = k
            break
    out = _span_place(ctx, best)
    if out.get("geonameid") is None:  # unresolved, or placed only approximately by the places stage
        root = ctx.place_roots[best]
        for k in ks:
            if k != best and ctx.places[k][1].get("lat") is not None and _nests(root, ctx.place_roots[k]):
                # the words stay the small place's ("Abadam"), the coordinates are the larger's
                larger = _span_place(ctx, k)
                keep = {x: out[x] for x in ("text", "start", "end")}
                return {**larger, **keep, "precision": "larger", "within": out["text"]}
    return out


#: subordinators of a clause that sets another scene against its main clause's: a concession or
#: a condition ("Although the bill was withdrawn in September, the protests spread in Beijing":
#: the withdrawal did not happen in Beijing)
_OTHER_SCENE_MARKS = {"although", "though", "whereas", "unless", "if"}
_OTHER_SCENE_PREPS = {"despite"}


def _scenes(tok: Any) -> frozenset[int]:
    """The concessive or conditional clauses, relative clauses ("The company, which has plants
    in Mexico, agreed") and "despite" phrases ``tok`` lies in, by their head token: the linker
    links no place across their edge, in either direction."""
    doc = tok.doc
    labels, children, start = parse_tree(doc)  # (the walk reads the cached parse arrays, no Tokens)
    heads, low = heads_of(doc), token_strings(doc, "LOWER")
    out = []
    t = tok.i
    while True:
        dep = labels[t]
        concession = dep == "advcl" and any(
            low[c] in _OTHER_SCENE_MARKS for c in children[start[t] : start[t + 1]] if labels[c] == "mark"
        )
        if concession or dep == "relcl" or (dep == "prep" and low[t] in _OTHER_SCENE_PREPS):
            out.append(t)
        if heads[t] == t:
            return frozenset(out)
        t = heads[t]


def _source_place(root: Any, trig: Any) -> bool:
    """A place that says where the teller of the news is, not where the act happened: inside an
    "according to" phrase ("According to a military source in Homs, the army killed ...") or
    inside the subject of a reporting verb ("a military source in Homs said the army killed ...",
    "..., a spokesman in Kabul told reporters"), the trigger lying outside that phrase."""
    t = root
    while t.head.i != t.i:
        teller = (t.dep_ == "prep" and t.lower_ == "according") or (
            t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in REPORTING
        )
        if teller:
            return not (t.i == trig.i or t.is_ancestor(trig))
        t = t.head
    return False


#: how an act of protest or of accusation takes the other event it answers: "protested against
#: the bombing of X", "rallied over the killing of X's mayor", "condemned the attack in X",
#: "blamed the rebels for the massacre in X" (``_reacted_event_place``)
_REACTED_EVENT = {"PROTEST": ("against", "over"), "ACCUSE": ("dobj", "for", "over", "against")}


def _reacted_event_place(root: Any, trig: Any) -> bool:
    """A place inside the other event an act of protest or accusation answers, not where the
    protest or the accusation happened: "protested against NATO's bombing of Yugoslavia",
    "condemned the attack in Idlib" (``_REACTED_EVENT``: the event noun as the protest's "against"
    or "over", the accusation's object, "for", "over" or "against"). An event noun of the trigger's
    own type is its setting ("protested against racism at rallies in Lisbon"), not another event."""
    own = _lexicon_type(trig)
    hows = _REACTED_EVENT.get(own or "")
    if not hows:
        return False
    t = root
    while t.head.i != t.i and t.head.i != trig.i:
        t = t.head
    if t.head.i != trig.i or t.i == root.i:
        return False
    if t.dep_ == "prep" and t.lower_ in hows:
        noun = next((c for c in t.children if c.dep_ == "pobj"), None)
    elif t.dep_ in ("dobj", "obj") and "dobj" in hows:
        noun = t
    else:
        return False
    if noun is None or noun.i == root.i or noun.lemma_.lower() not in _OTHER_EVENT_NOUNS:
        return False
    if not noun.is_ancestor(root) or _lexicon_type(noun) == own:
        return False
    t = root.head
    while t.i != noun.i:
        if t.pos_ == "NOUN" and _lexicon_type(t) == own:
            return False  # "protested against racist violence at rallies in Lisbon": the protest's own
        t = t.head
    return True


def _lexicon_type(tok: Any) -> str | None:
    """The PLOVER type the event lexicon gives a word, as a verb or as a noun."""
    lemma = tok.lemma_.lower()
    entry = VERBS.get(lemma) if tok.pos_ in ("VERB", "AUX") else NOUN_EVENTS.get(lemma)
    entry = entry or NOUN_EVENTS.get(lemma) or VERBS.get(lemma)
    return entry.type if entry is not None else None


def _subject_country(root: Any, trig: Any, ctx: Context) -> bool:
    """A country in the phrase of the trigger's subject ("Aid groups in Kenya agreed"): whose
    the participants are, not where the act happened (the structural rules place a participant's
    smaller place: "protesters in southern Iraq clashed")."""
    if ctx.places[ctx.place_roots.index(root)][1].get("feature") != "country":
        return False
    t = root
    while t.head.i != t.i and t.head.i != trig.i:
        t = t.head
    return t.head.i == trig.i and t.i != root.i and t.dep_ in ("nsubj", "nsubjpass", "csubj")


def _participant(root: Any, ctx: Context) -> bool:
    """A country named as an actor ("Iran, Russia and Syria have been pressuring the U.S."):
    a participant, not where the event happened."""
    if root.i not in ctx.tok_actor:
        return False
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "dative", "poss", "appos")


#: prepositions whose object is a party to an act, not where it happened ("talks with Washington",
#: "a deal brokered by Moscow", "turned against Beijing", "a victory for Moscow")
_PARTY_PREPS = {"with", "against", "by", "for"}


def _party(root: Any, ctx: Context) -> bool:
    """A country, or a capital read as its government, named as a party to an act: the object
    of with / against / by / for (``_PARTY_PREPS``), or of "to" on a thing said or sent ("a
    signal to Moscow": ``lexicon.addressed``)."""
    aid = ctx.tok_actor.get(root.i)
    if aid is None or ctx.actor_kind.get(aid) != "country":
        return False
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.pos_ == "NOUN" and t.head.head.lemma_ in _ON_PARTY:
        return True  # "sanctions on Iran": whom they are on
    return t.dep_ == "pobj" and (t.head.lower_ in _PARTY_PREPS or addressed(t))


#: nouns whose "on" country is the party they bear on, not a place ("imposed sanctions on Iran")
_ON_PARTY = {
    "sanction", "sanctions", "embargo", "tariff", "tariffs", "pressure", "ban", "restriction", "curb", "levy", "duty",
}  # fmt: skip


def _origin(root: Any) -> bool:
    """A place that says where someone comes from: "a cab driver from Abidjan"."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "from"
        and root.head.head.pos_ in ("NOUN", "PROPN", "PRON")
        and root.head.dep_ == "prep"
    )


def _not_event_places(ctx: Context) -> set[int]:
    """Tokens of place mentions that never say where an event happened: a nationality ("the
    Russian attack" is no attack in Russia) and a place inside a name ("University of Alberta"),
    as the places component marks them (``form``), and a country or a capital the analysis
    reads as its government named as a party ("a deal brokered by Moscow", "turned against
    Beijing": actors Russia, China; ``_party``): neither where the act happened nor, through
    ``coder._country_where``, the country it was done to."""
    cached = ctx.memo.get("not_event_places")
    if cached is None:
        cached = set()
        for p in ctx.article.places:
            if getattr(p, "form", None) in ("demonym", "nested") and p.end > p.start:
                cached.update(ctx.tokens(p.start, p.end))
        for k, (toks, _) in enumerate(ctx.places):
            if _party(ctx.place_roots[k], ctx):
                cached.update(toks)
        ctx.memo["not_event_places"] = cached
    return cached


def dateline_place(trig: Any, ctx: Context) -> dict | None:
    """The dateline's place, for an event of the story's first sentence that names no place
    ("WASHINGTON (Reuters) - The United States imposed sanctions ..."), marked
    ``precision: "dateline"``; None elsewhere. A roundup's later dateline ("ISLAMABAD -- Police
    arrested ...", opening a paragraph of its own) places the events of its own sentence the same
    way (``_inner_dateline``)."""
    article = ctx.article
    sent_start, sent_end = sent_bounds(trig)
    inner = _inner_dateline(ctx, sent_start, sent_end)
    if inner is not None:
        return inner
    if article.dateline is None or not article.dateline.places:
        return None
    first = next((t for t in ctx.doc if not t.is_space), None)
    if first is None or not (sent_start <= first.i < sent_end):
        return None
    if any(sent_start <= root.i < sent_end and root.i not in ctx.tok_actor for root in ctx.place_roots):
        return None  # the sentence names a place (a country named as an actor does not count)
    want = article.dateline.places[0]
    for p in article.places:
        if (getattr(p, "dateline", False) or (p.text or "").lower() == want.lower()) and p.lat is not None:
            return {
                "name": p.name or p.text,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "geonameid": p.geonameid,
                "precision": "dateline",
            }
    try:  # the places component gave none: the largest city of the dateline's name
        from ..gazetteer import get_gazetteer

        found = [pl for pl, _ in get_gazetteer().lookup(want.title()) if pl.feature in ("city", "PPLC")]
    except Exception:  # noqa: BLE001 - no gazetteer, no dateline place
        return None
    if not found:
        return None
    pl = max(found, key=lambda x: x.population)
    return {
        "name": pl.name,
        "lat": pl.lat,
        "lon": pl.lon,
        "country": pl.country,
        "geonameid": pl.geonameid,
        "precision": "dateline",
    }


#: what follows a dateline's place name: a state or country ("ALLENDALE, N.J."), the agency
#: ("(Reuters)"), then a dash
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-)\s")


def _inner_dateline(ctx: Context, sent_start: int, sent_end: int) -> dict | None:
    """The place of a dateline that opens a paragraph inside the story ("KABUL -- ... / ISLAMABAD
    -- Police arrested four men"), for the sentence it opens, where that sentence names no other
    place (a country named as an actor does not count): its name in capitals at the start of a
    line, then a dash (after a state or an agency in brackets)."""
    doc, text = ctx.doc, ctx.text
    first = next((t for t in doc[sent_start:sent_end] if not t.is_space), None)
    if first is None or first.idx == 0 or text[: first.idx].rstrip(" \t")[-1:] != "\n":
        return None  # the story's own first line is the cleaner's dateline (``dateline_place``)
    found = None
    for k, root in enumerate(ctx.place_roots):
        if not (sent_start <= root.i < sent_end):
            continue
        toks = ctx.places[k][0]
        if toks[0] == first.i:
            end = doc[toks[-1]].idx + len(doc[toks[-1]])
            words = text[first.idx : end]
            if words.isupper() and len(words) >= 3 and _DATELINE_TAIL.match(text, end):
                found = k
                continue
        if root.i not in ctx.tok_actor:
            return None  # the sentence names a place of its own
    if found is None or ctx.places[found][1].get("lat") is None:
        return None
    return {**{x: v for x, v in _span_place(ctx, found).items() if x in EVENT_PLACE_FIELDS}, "precision": "dateline"}


def _nests(small: Any, large: Any, large_known: bool = False) -> bool:
    """``large`` is the larger place of ``small``'s phrase: "al-Tijara neighbourhood in central
    Damascus" (in the small place's phrase), "the West Bank town of Tulkarm" (beside the place
    noun it is "of"), "Damascus's al-Tijara" (its possessor). ``large_known``: the gazetteer
    resolves ``large`` and not ``small``, which decides "the X suburb of Y" ("the Los Angeles
    suburb of Quorrenby": Quorrenby lies in Los Angeles; "the Jobar neighbourhood of Damascus":
    Jobar lies in Damascus)."""
    if large.i in {t.i for t in small.subtree}:
        return True
    if small.dep_ == "poss":
        return False  # "Baghdad's Sadr City neighbourhood": the possessor is the larger place
    if (
        small.dep_ != "pobj"
        and small.head.lemma_.lower() not in _PART_NOUNS
        and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(q.dep_ == "pobj" for q in c.children)
            for c in small.head.children
        )
    ):
        return False  # "the West Bank town of Tulkarm": the modifier is the larger place (but
        # "the East Ghouta region of rural Damascus": a part of the "of" place is the smaller)
    noun = small.head.head if small.dep_ == "pobj" and small.head.lower_ == "of" else small.head
    if (
        noun.i != small.head.i
        and noun.lemma_.lower() in _PART_NOUNS
        and large.head.i == noun.i
        and large.dep_ in ("compound", "amod", "nmod")
        and not large_known
    ):
        return False  # "the East Ghouta region of rural Damascus": Damascus is the whole
    if (noun.lemma_.lower() in _PLACE_NOUNS or noun.i == small.i) and large.i in _own_phrase(noun):
        return True
    return _next_in(small, large)


def _own_phrase(tok: Any) -> set[int]:
    """The token indices of ``tok``'s phrase without the phrases conjoined to it: "the
    settlement of Tarbesh and a power plant in the settlement of Sarmin" (Sarmin is no larger
    place of Tarbesh)."""
    out, todo = set(), [tok]
    while todo:
        t = todo.pop()
        out.add(t.i)
        todo += [c for c in t.children if c.dep_ not in ("conj", "cc")]
    return out


def _prep_above(tok: Any) -> Any:
    """The preposition a place's noun phrase hangs from, if any."""
    while tok.dep_ in ("compound", "amod", "nmod", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None


def _next_in(small: Any, large: Any) -> bool:
    """ "the Jobar neighbourhood in eastern Damascus": a place noun a name is given to, right before
    "in" and the larger place, wherever the parser hangs the "in";
    "killed by a mortar in al-Tijara neighbourhood in central Damascus": two locative phrases
    of one word, the second right after the first and "in", the second is the larger place (the
    parser hangs both on the verb or noun); so too with ", also in" between them, wherever the
    parser hangs them ("in nearby Rueso district, also in Narathiwat")."""
    p1, p2 = _prep_above(small), _prep_above(large)
    noun = small.head if small.dep_ in ("compound", "flat") else small
    if p2 is not None and p2.lower_ == "in" and noun.lemma_.lower() in _PLACE_NOUNS and p2.i == noun.right_edge.i + 1:
        return True  # "attacked the Jobar neighbourhood in eastern Damascus" (the parser hangs "in" on the verb)
    if p1 is None or p2 is None or p1.lower_ not in AT_PREPS or p2.lower_ != "in":
        return False
    if p2.i == p1.right_edge.i + 1:
        return p1.head.i == p2.head.i
    gap = [t.lower_ for t in p2.doc[p1.right_edge.i + 1 : p2.i]]
    return gap in ([",", "also"], [",", "both"], ["also"])
