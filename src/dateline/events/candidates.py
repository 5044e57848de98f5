"""Event candidates: triggers matched against the PLOVER lexicon, sense checks, and the mode
refinements once participants are known.

Public interface: ``find_candidates(sent, ctx)`` -> ``list[Candidate]``; ``match_verb(tok,
ctx)`` -> ``(Entry, keyed object) | None``; ``refine_mode(c, actors, recipients)``.
"""

from __future__ import annotations

from typing import Any

from ..nlp import heads_of, parse_tree, pos_tags, token_strings
from . import lexicon as lx
from .lexicon import Entry
from .parse import (
    PLACE_LABELS,
    Candidate,
    Context,
    conjuncts,
    content_objects,
    dep_children,
    is_person_like,
    lemma_of,
    noun_class,
    noun_keys,
    particle_of,
    verb_lemma,
)
from .patterns import match_patterns, sense_ok
from .roles import objects_of, subject_of


def match_verb(tok: Any, ctx: Context) -> tuple[Entry, Any] | None:
    """The lexicon entry for a verb token and the object it was keyed on."""
    lemma = verb_lemma(tok)
    if lemma not in lx.VERB_HEADS:
        return None  # no entry, verb + object key or pattern is for this verb (most verbs)
    prt = particle_of(tok)
    heads = [f"{lemma}_{prt}"] if prt else []
    doc = tok.doc
    labels, children, start = parse_tree(doc)  # (the children's labels and words without their Tokens)
    low = token_strings(doc, "LOWER")
    for c in children[start[tok.i] : start[tok.i + 1]]:  # "call for", "call on": the preposition as particle
        dep, word = labels[c], low[c]
        if (
            dep == "prep"
            and word in ("for", "on", "upon", "off", "down", "out", "up", "with")
            or dep == "advmod"
            and word in ("back", "out", "down", "off", "up", "together")
        ):
            heads.append(f"{lemma}_{word}")
    heads.append(lemma)
    objs = objects_of(tok)
    found = match_patterns(tok, lemma, objs, ctx, "first")
    if found:
        return found
    # coordinated objects too: "provided photographs and other military intelligence"
    for obj in content_objects([c for o in objs for c in conjuncts(o)]):
        if obj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            continue
        cls = noun_class(obj)
        for h in heads:
            for key in noun_keys(obj):
                e = lx.VERB_OBJECT.get(f"{h}+{key}")
                if e:
                    return e, obj
            if cls:
                e = lx.VERB_OBJECT.get(f"{h}+{cls}")
                if e:
                    return e, obj
            if is_person_like(obj, ctx) and obj.dep_ != "nsubjpass":
                e = lx.VERB_OBJECT.get(f"{h}+PERSON")
                if e:
                    return e, obj
            elif obj.pos_ == "NOUN" and not is_person_like(obj, ctx):
                e = lx.VERB_OBJECT.get(f"{h}+THING")
                if e:
                    return e, obj
    found = match_patterns(tok, lemma, objs, ctx, "then")
    if found:
        return found
    for h in heads:
        e = lx.VERBS.get(h)
        if e is None:
            continue
        if h == lemma and not sense_ok(tok, lemma, e, objs, ctx):
            return None
        return e, None
    return match_patterns(tok, lemma, objs, ctx, "last")


def _strike_entry(tok: Any, e: Entry, objs: list[Any]) -> Entry:
    """'strike' is a labour strike when intransitive, an attack when it has a target."""
    if objs:
        return lx.entry("strike_target", "strike+TARGET")
    if any(
        lemma_of(t) in lx.EXPLOSIVE_NOUNS or noun_class(t) == "WEAPON" or lemma_of(t) in lx.AIRCRAFT_NOUNS
        for t in subject_of(tok)
    ):
        return lx.entry("strike_weapon", "strike+WEAPON")  # "three rockets struck near the embassy"
    return e


# -- the coder ---------------------------------------------------------------------------------


#: the types a verb's entry has when protesters doing it make it a riot or a protest (find_candidates:
#: the subject is read only for these)
_PROTESTERS_RETYPE = frozenset({"ASSAULT", "COERCE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})


def find_candidates(sent: Any, ctx: Context) -> list[Candidate]:
    cands: dict[int, Candidate] = {}
    doc = sent.doc
    pos = pos_tags(doc)  # (the passes below visit every token; a Token is built only where needed)
    span = range(sent.start, sent.end)
    protesters = _story_names_protesters(ctx)  # else no subject is protesters: skip the test
    for i in span:
        if pos[i] in ("VERB", "AUX"):
            tok = doc[i]
            m = match_verb(tok, ctx)
            if m:
                entry, obj = m
                if lemma_of(tok) == "strike" and obj is None:
                    entry = _strike_entry(tok, entry, objects_of(tok))
                if entry.type == "ASSAULT" and _clash_with_protesters(tok):
                    entry = lx.entry("riot", "clash+protesters")
                elif entry.type == "ASSAULT" and _stone_throwing(tok):
                    # "youths threw stones at soldiers": CAMEO's example of a violent protest (145)
                    entry = lx.entry("riot", "stones+" + entry.key)
                elif protesters and entry.type in _PROTESTERS_RETYPE and _protester_subject(tok):
                    if entry.type == "ASSAULT" and _armed(tok):
                        pass  # "demonstrators launched missiles at ...": not a riot
                    elif entry.type in ("ASSAULT", "COERCE"):
                        entry = lx.entry("riot", "protesters+" + entry.key)
                    elif entry.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"):
                        entry = lx.entry("protest", "protesters+" + entry.key)
                c = Candidate(tok, entry, obj=obj)
                if obj is not None:
                    c.absorbed.add(obj.i)
                cands[tok.i] = c
                continue
            if protesters and verb_lemma(tok) in lx.PROTEST_MOTION and _protester_subject(tok):
                cands[tok.i] = Candidate(tok, lx.entry("protest", "protesters+" + verb_lemma(tok)))
                continue
            if verb_lemma(tok) in lx.TRAVEL and not _carries(tok, ctx):
                dest = _destination(tok, ctx)
                if dest is not None:
                    subj = subject_of(tok)
                    troops = [
                        t for t in subj if noun_class(t) == "TROOPS" or lemma_of(t) in ("troop", "soldier", "soldiers")
                    ]
                    if (
                        troops
                        and not any(_peacekeepers(t) for t in subj)
                        and verb_lemma(tok) in ("leave", "depart", "return")
                    ):
                        # "the last Soviet soldiers left Afghanistan": a withdrawal, not a visit
                        cands[tok.i] = Candidate(tok, lx.entry("troops_leave", f"troops+{lemma_of(tok)}"))
                    elif troops and not any(_peacekeepers(t) for t in subj):
                        # "US troops arrived in Saudi Arabia": a deployment
                        cands[tok.i] = Candidate(tok, lx.entry("troops_arrive", f"troops+{lemma_of(tok)}"))
                    elif any(_peacekeepers(t) for t in subj):
                        # "peacekeeping troops arrived in Bosnia": protection (CAMEO 074)
                        cands[tok.i] = Candidate(tok, lx.entry("peacekeepers_arrive", f"peacekeepers+{lemma_of(tok)}"))
                    else:
                        cands[tok.i] = Candidate(tok, lx.entry("visit", f"{lemma_of(tok)}+PLACE"))
    labels, heads = parse_tree(doc)[0], heads_of(doc)
    for i in span:
        # only a subject or an object of a verb is anchored below: other nouns are passed over
        # before a Token is built for them
        if pos[i] not in ("NOUN", "PROPN") or i in cands or labels[i] not in ("nsubj", "dobj", "obj"):
            continue
        h = heads[i]
        if h not in cands and pos[h] == "VERB" and h != i:
            tok = doc[i]
            head = verb_lemma(tok.head)
            prt = particle_of(tok.head)
            occur = (
                {head}
                | ({f"{head}_{prt}"} if prt else set())
                | {f"{head}_{lemma_of(o)}" for o in dep_children(tok.head, {"dobj", "obj"})}
            )  # "took place", "broke out"
            anchored = (tok.dep_ in ("nsubj",) and bool(occur & lx.OCCUR)) or (
                tok.dep_ in ("dobj", "obj") and head in lx.ANNOUNCE_NOUN
            )
            if anchored and lemma_of(tok) in ("exchange", "swap") and not _swap_of_people(tok):
                anchored = False
            if anchored:
                e = next((lx.NOUN_EVENTS[k] for k in noun_keys(tok) if k in lx.NOUN_EVENTS), None)
                if e is None and noun_class(tok) == "PROTEST":
                    e = lx.NOUN_EVENTS["boycott" if lemma_of(tok) in ("strike", "walkout") else "protest"]
                if e is not None and e.type == "ASSAULT" and _clash_with_protesters(tok, tok.head):
                    e = lx.entry("riot", "clash+protesters")
                if e is not None and e.type == "MOBILIZE" and (_on_peacekeeping(tok) or _on_peacekeeping(tok.head)):
                    # "announced the deployment of 230 troops to Liberia on a peacekeeping mission":
                    # protection (CAMEO 074), as the verb's own pattern codes "deployed troops on a
                    # peacekeeping mission"
                    e = lx.NOUN_EVENTS["peacekeeping~deployment"]
                if e is not None:
                    c = Candidate(tok.head, Entry(e.type, e.mode, e.cameo, f"{head}+{e.key}"), obj=tok)
                    c.absorbed.add(tok.i)
                    cands[tok.head.i] = c
    lemmas, lows = token_strings(doc, "LEMMA"), token_strings(doc, "LOWER")
    for i in span:
        if pos[i] in ("NOUN", "PROPN") and i not in cands:
            if lemmas[i].lower() not in lx.NOUN_EVENT_HEADS and lows[i] not in lx.NOUN_EVENTS:
                continue  # no key of noun_keys(tok) can be an event noun's (lemma_of, lower_; no Token built)
            tok = doc[i]
            e = None
            for key in noun_keys(tok):
                e = lx.NOUN_EVENTS.get(key)
                if e:
                    break
            if e is None:
                continue
            if tok.pos_ == "PROPN" and not tok.lower_.startswith(tok.lemma_.lower()[:4]):
                continue
            if lemma_of(tok) in ("strike",):
                continue
            if lemma_of(tok) == "release" and not any(
                is_person_like(q, ctx)
                for q in [x for x in tok.children if x.dep_ == "compound"]
                + [q for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children]
            ):
                continue  # "the release of the hostages", not "a press release"
            if lemma_of(tok) in ("exchange", "swap") and not _swap_of_people(tok):
                continue  # "an exchange of prisoners", not "an exchange of views"
            if (
                e.type == "ASSAULT"
                and lemma_of(tok) in ("clash", "skirmish", "scuffle")
                and _clash_with_protesters(tok)
            ):
                e = lx.entry("riot", "clash+protesters")  # "clashes between police and protesters"
            if e.type == "MOBILIZE" and _on_peacekeeping(tok):
                e = lx.NOUN_EVENTS["peacekeeping~deployment"]  # "the deployment of troops on a peacekeeping mission"
            c = Candidate(tok, e, noun=True)
            cands[tok.i] = c
    return list(cands.values())


def _swap_of_people(tok: Any) -> bool:
    swapped = [x for x in tok.children if x.dep_ == "compound"] + [
        q for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children
    ]
    return any(lemma_of(q) in lx.WORDS["swapped_people"] for q in swapped)


def _peacekeepers(t: Any) -> bool:
    """ "peacekeeping troops", "the first deployment of NATO peacekeepers"."""
    for x in content_objects([t]) + [
        q for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"
    ]:
        words = {lemma_of(x), x.lower_} | {lemma_of(c) for c in x.children if c.dep_ in ("compound", "amod")}
        if any(w.startswith("peacekeep") for w in words):
            return True
    return False


def _on_peacekeeping(tok: Any) -> bool:
    """ "(deployed) on a peacekeeping mission", "as peacekeepers", "as part of a UN peacekeeping
    force": the object of a preposition of the word, or the noun after its "part of", is
    peacekeeping (itself or its compound or adjective); a phrase that only mentions peacekeepers
    further down ("for operations against militants who have killed peacekeepers", "as a
    replacement for the departing UN peacekeepers") is no peacekeeping mission (review 25, E1)."""
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("on", "as", "for", "under"):
            continue
        for o in dep_children(p, {"pobj"}):
            nouns = [o]
            if lemma_of(o) == "part":
                nouns += [
                    q for x in o.children if x.dep_ == "prep" and x.lower_ == "of" for q in dep_children(x, {"pobj"})
                ]
            for n in nouns:
                words = [n, *(c for c in n.children if c.dep_ in ("compound", "amod"))]
                if any(w.lower_.startswith("peacekeep") for w in words):
                    return True
    return False


def _protester_nps(tok: Any) -> bool:
    toks = content_objects(conjuncts(tok))  # "hundreds of protesters"
    return any(lemma_of(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS for t in toks)


def _clash_with_protesters(tok: Any, host: Any = None) -> bool:
    """A clash (verb or noun) in which one side is protesters: a riot, PROTEST (CAMEO 145)."""
    if verb_lemma(tok) not in lx.WORDS["clash_verbs"]:
        return False
    sides = list(subject_of(tok)) if tok.pos_ in ("VERB", "AUX") else []
    sides += dep_children(tok, {"dobj", "obj"})
    for c in list(tok.children) + (list(host.children) if host is not None else []):
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "against"):
            sides += dep_children(c, {"pobj"})
    return any(_protester_nps(t) for t in sides) or _civilians_against_police(sides)


def _civilians_against_police(sides: list) -> bool:
    """ "Political opponents of the government clashed with police": police on one side and
    on the other people who are no armed side (no troops, armed group, country or nationality,
    no weapon) is a riot."""
    heads = [t for s in sides for t in content_objects(conjuncts(s))]
    police = [t for t in heads if lemma_of(t) in lx.WORDS["police_nouns"]]
    others = [t for t in heads if t not in police]
    if not police or not others:
        return False
    return not any(
        t.ent_type_ in ("GPE", "NORP", "ORG")
        or noun_class(t) in ("TROOPS", "WEAPON")
        or lemma_of(t) in lx.WORDS["armed_nouns"]
        or t.pos_ == "PRON"
        for t in others
    )


def _stone_throwing(tok: Any) -> bool:
    """Stones, bricks or petrol bombs thrown by people who are not soldiers or police."""
    if verb_lemma(tok) not in lx.WORDS["throw_verbs"]:
        return False
    if any(noun_class(t) == "TROOPS" or lemma_of(t) in lx.WORDS["police_nouns"] for t in subject_of(tok)):
        return False
    things = [t for c in tok.children if c.dep_ in ("dobj", "obj") for t in content_objects([c])]
    things += [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for q in c.children]
    return verb_lemma(tok) == "stone" or any(lemma_of(t) in lx.WORDS["riot_missiles"] for t in things)


def _armed(tok: Any) -> bool:
    """Heavy weapons or guns in the clause: "launched missiles", "opened fire"."""
    for t in tok.subtree:
        m = lx.ASSAULT_MODE_CUES.get(lemma_of(t))
        if m in ("heavy-weapons", "firearms", "aerial", "drone"):
            return True
    return False


def _story_names_protesters(ctx: Context) -> bool:
    """Whether a word of the story is a protester noun, by lemma or as written (the test
    ``_protester_subject`` makes of each verb's subjects)."""
    found = ctx.memo.get("names_protesters")
    if found is None:
        found = ctx.memo["names_protesters"] = any(w in lx.PROTESTER_NOUNS for w in ctx.lemma_counts()) or any(
            w in lx.PROTESTER_NOUNS for w in ctx.lower_forms()
        )
    return found


def _protester_subject(tok: Any) -> bool:
    for s in subject_of(tok):
        for t in content_objects(conjuncts(s)):  # "crowds of protesters", "thousands of demonstrators"
            if lemma_of(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS:
                return True
    return False


def _carries(tok: Any, ctx: Context) -> bool:
    """ "flew 13 tons of medicine into Afghanistan", "returned it to China": a travel verb with
    a direct object that is no place moves that object; the subject makes no visit."""
    return any(o.i not in ctx.place_tok and o.ent_type_ not in PLACE_LABELS for o in dep_children(tok, {"dobj"}))


def _destination(tok: Any, ctx: Context) -> Any:
    lemma = verb_lemma(tok)
    preps = ("in", "at") if lemma == "arrive" else ("for",) if lemma in ("leave", "depart") else ("to", "for", "into")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and (p.i in ctx.place_tok or p.ent_type_ in PLACE_LABELS):
                    return p
        if c.dep_ in ("dobj",) and lemma_of(tok) in ("leave",) and (c.i in ctx.place_tok):
            return c
    return None


def refine_mode(c: Candidate, actors: list[str], recipients: list[str]) -> tuple[Entry, str | None, str | None]:
    """The entry, mode and CAMEO code of a candidate once its participants are known: the
    weapon named as agent or instrument, a telephone call, a meeting of more than two."""
    trig = c.trigger
    entry = c.entry
    mode, cameo = entry.mode, entry.cameo
    if entry.cameo == "1712" and not c.noun:
        # "warplanes destroyed the depot", "a missile destroyed the warship", "the airliner was
        # blown up by a missile": destruction by a weapon named as its agent is an attack
        heads = list(subject_of(trig)) + [
            q
            for p in trig.children
            if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "with", "in")
            for q in p.children
            if q.dep_ == "pobj"
        ]
        inst = heads + [t for h in heads for t in h.subtree]  # the head noun first: "surface-to-air missile"
        m = next(
            (
                lx.ASSAULT_MODE_CUES[lemma_of(t)]
                for t in inst
                if lx.ASSAULT_MODE_CUES.get(lemma_of(t)) in ("aerial", "drone", "heavy-weapons", "explosives")
            ),
            None,
        )
        if m:
            entry = Entry("ASSAULT", m, lx.ASSAULT_MODE_CAMEO[m], f"{entry.key}+{m}")
            mode, cameo = entry.mode, entry.cameo
    if (
        entry.type == "ASSAULT"
        and not c.noun
        and mode not in ("suicide-attack",)
        and cameo in ("190", "180", "183", "193", "194", "195")
    ):
        # the weapon named as the agent or instrument decides over the verb's default mode:
        # "was blown up by a surface-to-air missile" is heavy weapons, not explosives
        for p in trig.children:
            if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "with"):
                for q in p.children:
                    m = lx.ASSAULT_MODE_CUES.get(lemma_of(q)) if q.dep_ == "pobj" else None
                    if m and m != "suicide-attack":
                        mode, cameo = m, lx.ASSAULT_MODE_CAMEO.get(m, cameo)
    if entry.type == "ASSAULT" and mode is None:
        span = list(trig.subtree) if not c.noun else list(trig.subtree) + [trig.head]
        if c.obj is not None and entry.key.rsplit("+", 1)[-1] in ("MATERIEL", "TROOPS"):
            # "destroyed three helicopters", "sank two warships": the materiel is what is hit,
            # no means of the attack
            hit = {t.i for o in conjuncts(c.obj) for t in o.subtree}
            span = [t for t in span if t.i not in hit]
        span += [t for a in c.actors_tok for t in a.subtree]
        for t in span:
            m = lx.ASSAULT_MODE_CUES.get(lemma_of(t))
            if m:
                mode = m
                if cameo in ("190", "180"):
                    cameo = lx.ASSAULT_MODE_CAMEO.get(m, cameo)
                if m == "suicide-attack":
                    break
    if entry.type == "CONSULT" and mode is None and any(lemma_of(t) in ("telephone", "phone") for t in trig.subtree):
        mode, cameo = "phone", "041"  # "spoke by telephone with Putin"
    if entry.type == "CONSULT" and mode is None:
        if len(actors) + len(recipients) > 2 or any(lemma_of(t) in lx.WORDS["multilateral_cues"] for t in trig.subtree):
            mode = "multilateral"
    return entry, mode, cameo
