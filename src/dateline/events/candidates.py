"""Event candidates: triggers matched against the PLOVER lexicon, sense checks, and the mode
refinements once participants are known.

Public interface: ``find_candidates(sent, ctx)`` -> ``list[Candidate]``; ``match_verb(tok,
ctx)`` -> ``(Entry, keyed object) | None``; ``refine_mode(c, actors, recipients)``.
"""

from __future__ import annotations

from typing import Any

from . import lexicon as lx
from .lexicon import Entry
from .parse import (
    PERSON_NOUNS,
    PLACE_LABELS,
    Candidate,
    Context,
    conjuncts,
    content_objects,
    dep_children,
    is_passive,
    is_person_like,
    lemma_of,
    noun_class,
    noun_keys,
    particle_of,
    verb_lemma,
)
from .roles import objects_of, subject_of

MEET_NOT = {
    "demand",
    "requirement",
    "target",
    "need",
    "goal",
    "deadline",
    "criterion",
    "condition",
    "expectation",
    "standard",
    "obligation",
    "cost",
}


def match_verb(tok, ctx: Context) -> tuple[Entry, Any] | None:
    """The lexicon entry for a verb token and the object it was keyed on."""
    lemma = verb_lemma(tok)
    prt = particle_of(tok)
    heads = [f"{lemma}_{prt}"] if prt else []
    for c in tok.children:  # "call for", "call on": the preposition as particle
        if (
            c.dep_ == "prep"
            and c.lower_ in ("for", "on", "upon", "off", "down", "out", "up", "with")
            or c.dep_ == "advmod"
            and c.lower_ in ("back", "out", "down", "off", "up", "together")
        ):
            heads.append(f"{lemma}_{c.lower_}")
    heads.append(lemma)
    objs = objects_of(tok)
    # "drove thousands of villagers from their homes": a mass expulsion is an assault (CAMEO 201)
    if lemma in ("expel", "force", "drive", "evict", "deport", "uproot", "displace", "force_out", "drive_out"):
        if (
            lemma not in ("force", "drive")
            or particle_of(tok) == "out"
            or any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in tok.children)
        ):
            for o in objs:
                if _mass_of_people(o):
                    return Entry("ASSAULT", "cleansing", "201", f"{lemma}+MASS"), o
    # "the state media attacked the US for interfering": a verbal attack is a criticism
    if lemma == "attack" and (
        any(lemma_of(t) in MEDIA_NOUNS for t in subject_of(tok))
        or any(
            c.dep_ == "prep" and c.lower_ == "for" and any(q.pos_ == "VERB" or q.tag_ == "VBG" for q in c.children)
            for c in tok.children
        )
    ):
        return Entry("ACCUSE", "disapprove", "111", "attack+verbal"), None
    # "described the attack as a cowardly act", "called the report a pack of lies": naming in
    # evaluative words is a criticism (or a praise)
    if lemma in ("describe", "call", "term", "label", "brand", "characterize", "characterise", "dub") and not any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "for", "upon", "off") for c in tok.children
    ):
        words = set()
        for c in tok.children:
            if c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"):
                words |= {lemma_of(t) for t in c.subtree}
            if c.dep_ in ("dobj",):  # "called the report a pack of lies": the parser may hang it on the object
                for d in c.children:
                    if d.dep_ in ("appos", "attr", "oprd", "npadvmod", "dobj"):
                        words |= {lemma_of(t) for t in d.subtree}
        if words & lx.PEJORATIVE:
            return Entry("ACCUSE", "disapprove", "111", f"{lemma}+as+PEJORATIVE"), None
        if words & lx.LAUDATORY:
            return Entry("SUPPORT", None, "051", f"{lemma}+as+LAUDATORY"), None
    # "was suspended from the Commonwealth"
    if (
        lemma in ("suspend", "expel", "exclude", "bar")
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
        and is_passive(tok)
    ):
        return Entry("SANCTION", "withdraw", "160", f"{lemma}_from"), None
    # "advised against travel to Tunisia", "warned its citizens against travelling to Iraq": a
    # travel warning reduces relations (CAMEO 160)
    if lemma in ("advise", "warn", "caution", "urge") and any(
        c.dep_ == "prep"
        and c.lower_ == "against"
        and any(lemma_of(q) in ("travel", "trip", "visit") for q in c.children)
        for c in tok.children
    ):
        return Entry("SANCTION", None, "160", f"{lemma}_against+travel"), None
    # "has been holding thousands of refugees as human shields" (CAMEO 184)
    if lemma in ("hold", "use", "keep") and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(lemma_of(q) == "shield" for q in c.subtree) for c in tok.children
    ):
        return Entry("ASSAULT", "abduct", "184", f"{lemma}+as+shield"), None
    # "thousands of people took to the streets": a protest whoever the people are
    if lemma == "take" and any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(lemma_of(q) == "street" for q in c.children)
        for c in tok.children
    ):
        return Entry("PROTEST", "demo", "141", "take_to+street"), None
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
    # "withdrew from the nuclear deal", "pulled out of the talks"
    if lemma in ("withdraw", "pull", "walk", "quit", "exit", "leave"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "out"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cls = noun_class(p)
                        if cls == "AGREEMENT":
                            return Entry("REJECT", None, "127", f"{lemma}_from+AGREEMENT"), p
                        if cls == "MEET":
                            return Entry("SANCTION", "withdraw", "164", f"{lemma}_from+MEET"), p
    # "placed its units on full alert"
    if lemma in ("put", "place") and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(lemma_of(q) == "alert" for q in c.children) for c in tok.children
    ):
        return Entry("MOBILIZE", "troops", "152", f"{lemma}_on+alert"), None
    # "the court found him guilty"
    if lemma == "find" and any(
        lemma_of(t) == "guilty"
        for c in tok.children
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "dobj")
        for t in c.subtree
    ):
        return Entry("ACCUSE", "disapprove", "116", "find+guilty"), None
    # a government "protested the visit" verbally; crowds protest in the streets
    if lemma == "protest" and dep_children(tok, {"dobj", "obj"}):
        for subj in subject_of(tok):
            kind = ctx.actor_kind.get(ctx.tok_actor.get(subj.i, ""), None)
            if kind in ("country", "organization") or lemma_of(subj) in (
                "ministry",
                "government",
                "embassy",
                "foreign",
            ):
                return Entry("ACCUSE", "allege", "114", "protest+OBJ"), None
    # "engaged in a firefight", "took part in the talks": the event is the noun
    if lemma in ("engage", "participate", "take", "join", "go", "come", "place", "put", "keep", "hold"):
        prep = {"go": "on", "come": "on", "place": "under", "put": "under", "keep": "under", "hold": "under"}.get(
            lemma, "in"
        )
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                for p in c.children:
                    if p.dep_ == "pobj":
                        for key in noun_keys(p):
                            e = lx.NOUN_EVENTS.get(key)
                            if e:
                                return e, p
                        if noun_class(p) == "PROTEST":  # "went on strike"
                            return Entry(
                                "PROTEST",
                                "boycott" if lemma_of(p) == "strike" else "demo",
                                "143" if lemma_of(p) == "strike" else "141",
                                f"{lemma}_on+PROTEST",
                            ), p
    if lemma in ("order", "force", "compel"):
        for comp in dep_children(tok, {"xcomp"}):
            what = verb_lemma(comp)
            target = dep_children(tok, {"dobj", "obj"})
            if any(noun_class(t) == "TROOPS" or lemma_of(t) in ("police",) for t in target):
                break  # "ordered troops to halt": a command to one's own forces
            if what in ("suspend", "close", "shut", "halt", "cease", "stop", "disband", "dissolve") and target:
                return Entry("COERCE", "restrict", "172", f"{lemma}+{what}"), None
            if what in ("leave", "quit") and any(
                is_person_like(t, ctx) or t.ent_type_ in ("NORP", "PERSON") for t in target
            ):
                return Entry("COERCE", "deport", "174", f"{lemma}+{what}"), None
    for h in heads:
        e = lx.VERBS.get(h)
        if e is None:
            continue
        if h == lemma and not _verb_ok(tok, lemma, e, objs, ctx):
            return None
        return e, None
    # "wants Putin to attack": wanting someone to act is a request
    if lemma in ("want", "wish", "expect", "need"):
        comps = dep_children(tok, {"xcomp", "ccomp"})
        if (dep_children(tok, {"dobj", "obj"}) and comps) or any(
            dep_children(cc, {"nsubj"}) and any(a.lower_ == "to" for a in cc.children if a.dep_ == "aux")
            for cc in comps
        ):
            return Entry("REQUEST", None, "020", f"{lemma}+OBJ+to"), None
    return None


#: "declined to comment / name / confirm": no rejection of anything ("refused to provide" is one)
NO_COMMENT = {"comment", "elaborate", "speculate", "confirm", "disclose", "identify", "name", "reveal", "specify"}
MEDIA_NOUNS = {
    "newspaper",
    "paper",
    "media",
    "daily",
    "radio",
    "television",
    "tv",
    "agency",
    "editorial",
    "commentary",
    "spokesman",
    "spokeswoman",
    "statement",
    "press",
    "weekly",
    "broadcast",
}
POPULATION = {
    "villager",
    "resident",
    "inhabitant",
    "population",
    "family",
    "civilian",
    "refugee",
    "people",
    "tribesman",
    "peasant",
    "farmer",
    "minority",
    "muslim",
    "christian",
    "serb",
    "croat",
    "kurd",
}


def _mass_of_people(o) -> bool:
    """Hundreds or thousands of people, or a population ("the villagers")."""
    heads = content_objects([o])
    if not any(lemma_of(h) in POPULATION or lemma_of(h) in PERSON_NOUNS or h.ent_type_ == "NORP" for h in heads):
        return False
    for h in [o] + heads:
        for t in h.subtree:
            if t.lower_ in ("hundreds", "thousands", "tens", "millions") or lemma_of(t) in (
                "hundred",
                "thousand",
                "million",
            ):
                return True
            if t.like_num and t.dep_ in ("nummod", "quantmod", "pobj", "dobj"):
                try:
                    if float(t.text.replace(",", "")) >= 100:
                        return True
                except ValueError:
                    pass
    # "the villagers", "the population": a whole community
    return any(
        lemma_of(h) in ("villager", "resident", "inhabitant", "population") and not any(c.like_num for c in h.children)
        for h in heads
    )


def _verb_ok(tok, lemma: str, e: Entry, objs: list, ctx: Context) -> bool:
    """Sense checks for the verbs that are events only in one of their senses."""
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and lemma in ("help",)):
        return False
    if lemma == "defend" and any(
        noun_class(o) == "TERRITORY" or lemma_of(o) in ("country", "homeland", "land", "capital") for o in objs
    ):
        return False  # defending a city is military, not verbal support
    if lemma == "commit":
        return bool(dep_children(tok, {"xcomp"})) or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    if lemma == "swear":  # "swore to fight on", not "was sworn in"
        return particle_of(tok) is None and (
            bool(dep_children(tok, {"xcomp", "ccomp"}))
            or any(a.lower_ == "to" for c in dep_children(tok, {"advcl"}) for a in c.children if a.dep_ == "aux")
        )
    if lemma == "settle":  # "settled the dispute", not "settled 20 families in the village"
        return not any(
            is_person_like(o, ctx) or lemma_of(o) in ("family", "refugee", "settler", "people") for o in objs
        )
    if lemma in ("release", "free", "pardon"):
        return any(is_person_like(o, ctx) or o.pos_ == "PRON" for o in objs)
    if lemma == "meet":
        return not any(lemma_of(o) in MEET_NOT for o in objs)
    if lemma in ("host", "welcome", "receive"):
        return (
            not objs
            or any(is_person_like(o, ctx) or o.ent_type_ in ("GPE", "ORG", "NORP") or o.pos_ == "PRON" for o in objs)
            or e.type != "CONSULT"
        )
    if lemma in ("fire",):
        return any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children) or any(
            noun_class(o) in ("ATTACK",)
            or lemma_of(o) in ("shot", "shell", "rocket", "missile", "round", "bullet", "mortar")
            for o in objs
        )
    if lemma == "strike":
        return True
    if lemma in ("decline", "refuse") and any(verb_lemma(x) in NO_COMMENT for x in dep_children(tok, {"xcomp"})):
        return False  # "declined to comment": not a rejection of anything
    if lemma in (
        "back",
        "support",
        "defend",
        "help",
        "allow",
        "permit",
        "charge",
        "order",
        "press",
        "mobilize",
        "mobilise",
        "reinforce",
        "deploy",
        "capture",
        "storm",
        "fight",
        "battle",
        "march",
        "shoot",
        "beat",
        "raid",
        "aid",
        "assist",
        "recognize",
        "recognise",
    ):
        return (
            bool(objs)
            or bool(dep_children(tok, {"xcomp", "ccomp", "prep"}))
            or lemma in ("fight", "battle", "march", "raid", "storm")
        )
    return True


def _strike_entry(tok, e: Entry, objs) -> Entry:
    """'strike' is a labour strike when intransitive, an attack when it has a target."""
    if objs:
        return Entry("ASSAULT", None, "190", "strike+TARGET")
    if any(
        lemma_of(t) in lx.EXPLOSIVE_NOUNS or noun_class(t) == "WEAPON" or lemma_of(t) in lx.AIRCRAFT_NOUNS
        for t in subject_of(tok)
    ):
        return Entry("ASSAULT", None, "190", "strike+WEAPON")  # "three rockets struck near the embassy"
    return e


# -- the coder ---------------------------------------------------------------------------------


def find_candidates(sent, ctx: Context) -> list[Candidate]:
    cands: dict[int, Candidate] = {}
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.tag_ == "VBN"):
            if tok.pos_ == "ADJ":
                continue
            m = match_verb(tok, ctx)
            if m:
                entry, obj = m
                if lemma_of(tok) == "strike" and obj is None:
                    entry = _strike_entry(tok, entry, objects_of(tok))
                if entry.type == "ASSAULT" and _clash_with_protesters(tok):
                    entry = Entry("PROTEST", "riot", "145", "clash+protesters")
                elif entry.type == "ASSAULT" and _stone_throwing(tok):
                    # "youths threw stones at soldiers": CAMEO's example of a violent protest (145)
                    entry = Entry("PROTEST", "riot", "145", "stones+" + entry.key)
                elif _protester_subject(tok):
                    if entry.type == "ASSAULT" and _armed(tok):
                        pass  # "demonstrators launched missiles at ...": not a riot
                    elif entry.type in ("ASSAULT", "COERCE"):
                        entry = Entry("PROTEST", "riot", "145", "protesters+" + entry.key)
                    elif entry.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"):
                        entry = Entry("PROTEST", "demo", "141", "protesters+" + entry.key)
                c = Candidate(tok, entry, obj=obj)
                if obj is not None:
                    c.absorbed.add(obj.i)
                cands[tok.i] = c
                continue
            if _protester_subject(tok) and verb_lemma(tok) in lx.PROTEST_MOTION:
                cands[tok.i] = Candidate(tok, Entry("PROTEST", "demo", "141", "protesters+" + verb_lemma(tok)))
                continue
            if verb_lemma(tok) in lx.TRAVEL:
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
                        cands[tok.i] = Candidate(tok, Entry("RETREAT", "withdraw", "087", f"troops+{lemma_of(tok)}"))
                    elif troops and not any(_peacekeepers(t) for t in subj):
                        # "US troops arrived in Saudi Arabia": a deployment
                        cands[tok.i] = Candidate(tok, Entry("MOBILIZE", "troops", "154", f"troops+{lemma_of(tok)}"))
                    elif any(_peacekeepers(t) for t in subj):
                        # "peacekeeping troops arrived in Bosnia": protection (CAMEO 074)
                        cands[tok.i] = Candidate(tok, Entry("AID", None, "074", f"peacekeepers+{lemma_of(tok)}"))
                    else:
                        cands[tok.i] = Candidate(tok, Entry("CONSULT", "visit", "042", f"{lemma_of(tok)}+PLACE"))
    for tok in sent:
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.i not in cands
            and tok.head.i not in cands
            and tok.head.pos_ == "VERB"
            and tok.head.i != tok.i
        ):
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
                    e = Entry("PROTEST", "riot", "145", "clash+protesters")
                if e is not None:
                    c = Candidate(tok.head, Entry(e.type, e.mode, e.cameo, f"{head}+{e.key}"), obj=tok)
                    c.absorbed.add(tok.i)
                    cands[tok.head.i] = c
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in cands:
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
                e = Entry("PROTEST", "riot", "145", "clash+protesters")  # "clashes between police and protesters"
            c = Candidate(tok, e, noun=True)
            cands[tok.i] = c
    return list(cands.values())


def _swap_of_people(tok) -> bool:
    swapped = [x for x in tok.children if x.dep_ == "compound"] + [
        q for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children
    ]
    return any(lemma_of(q) in ("prisoner", "detainee", "hostage", "captive", "pow", "body") for q in swapped)


def _peacekeepers(t) -> bool:
    """ "peacekeeping troops", "the first deployment of NATO peacekeepers"."""
    for x in content_objects([t]) + [
        q for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"
    ]:
        words = {lemma_of(x), x.lower_} | {lemma_of(c) for c in x.children if c.dep_ in ("compound", "amod")}
        if any(w.startswith("peacekeep") for w in words):
            return True
    return False


def _protester_nps(tok) -> bool:
    toks = content_objects(conjuncts(tok))  # "hundreds of protesters"
    return any(lemma_of(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS for t in toks)


def _clash_with_protesters(tok, host=None) -> bool:
    """A clash (verb or noun) in which one side is protesters: a riot, PROTEST (CAMEO 145)."""
    if verb_lemma(tok) not in ("clash", "skirmish", "scuffle", "brawl", "fight", "confront"):
        return False
    sides = list(subject_of(tok)) if tok.pos_ in ("VERB", "AUX") else []
    sides += dep_children(tok, {"dobj", "obj"})
    for c in list(tok.children) + (list(host.children) if host is not None else []):
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "against"):
            sides += dep_children(c, {"pobj"})
    return any(_protester_nps(t) for t in sides)


RIOT_MISSILES = {"stone", "rock", "brick", "bottle", "molotov", "cocktail", "firebomb", "firecracker", "egg"}


def _stone_throwing(tok) -> bool:
    """Stones, bricks or petrol bombs thrown by people who are not soldiers or police."""
    if verb_lemma(tok) not in ("throw", "hurl", "pelt", "stone", "lob", "fling"):
        return False
    if any(
        noun_class(t) == "TROOPS" or lemma_of(t) in ("police", "policeman", "policemen", "officer")
        for t in subject_of(tok)
    ):
        return False
    things = [t for c in tok.children if c.dep_ in ("dobj", "obj") for t in content_objects([c])]
    things += [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for q in c.children]
    return verb_lemma(tok) == "stone" or any(lemma_of(t) in RIOT_MISSILES for t in things)


def _armed(tok) -> bool:
    """Heavy weapons or guns in the clause: "launched missiles", "opened fire"."""
    for t in tok.subtree:
        m = lx.ASSAULT_MODE_CUES.get(lemma_of(t))
        if m in ("heavy-weapons", "firearms", "aerial", "drone"):
            return True
    return False


def _protester_subject(tok) -> bool:
    for s in subject_of(tok):
        for t in content_objects(conjuncts(s)):  # "crowds of protesters", "thousands of demonstrators"
            if lemma_of(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS:
                return True
    return False


def _destination(tok, ctx: Context):
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
        if len(actors) + len(recipients) > 2 or any(
            lemma_of(t) in ("multilateral", "six-party", "conference", "forum") for t in trig.subtree
        ):
            mode = "multilateral"
    return entry, mode, cameo
