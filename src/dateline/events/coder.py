"""The dependency-parse coder: triggers, participants, place, time and modality per clause.

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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import lexicon as lx
from .lexicon import Entry
from .when import parse_published, period_end, period_start, resolve

SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJ = {"dobj", "obj", "attr", "oprd"}
RECIPIENT_PREPS = {
    "with",
    "to",
    "against",
    "on",
    "upon",
    "at",
    "toward",
    "towards",
    "between",
    "among",
    "from",
    "for",
    "into",
}
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
}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp", "csubj"}
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
HYPO_MODALS = {"could", "might", "may", "would", "should"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
DEONTIC = {"must", "should", "ought"}
ANTERIOR_ADV = {"previously", "formerly", "earlier", "once", "ago", "before"}
ANTERIOR_AMOD = {"previous", "former", "last", "earlier", "failed", "past", "prior", "second", "first", "third"}
FUTURE_AMOD = {"next", "upcoming", "planned", "forthcoming", "proposed", "future", "coming"}
PERSON_NOUNS = set(
    """counterpart counterparts delegation delegations mayor minister president governor envoy ambassador diplomat diplomats
ministers ambassadors general commander chief director activist opposition prisoner prisoners hostage hostages detainee detainees captive captives
people person man men woman women child children member members officer officers soldier soldiers
national nationals civilian civilians worker workers activist activists journalist journalists
leader leaders official officials citizen citizens suspect suspects dissident dissidents
rebel rebels fighter fighters militant militants insurgent insurgents guerrilla guerrillas separatist separatists
protester protesters demonstrator demonstrators student students refugee refugees migrant migrants
opponent opponents supporter supporters sailor sailors pilot pilots fisherman fishermen tourist tourists
crew inmate inmates convict convicts pow pows missionary missionaries priest priests nun nuns
engineer engineers doctor doctors nurse nurses teacher teachers businessman businessmen victim victims
passenger passengers abductee abductees editor editors writer writers poet poets reporter reporters
lawyer lawyers judge judges author authors critic critics politician politicians lawmaker lawmakers
legislator legislators deputy deputies senator senators candidate candidates colonel captain major
lieutenant sergeant agent agents spy spies smuggler smugglers militant gunman gunmen kidnapper
kidnappers hijacker hijackers assailant assailants attacker attackers boy boys girl girls youth youths
teenager teenagers villager villagers resident residents foreigner foreigners expatriate expatriates
missionary aide aides adviser advisers advisor advisors opponent dissident monk monks cleric clerics
bishop archbishop pilgrim pilgrims settler settlers soldier troops""".split()
)
RELATIONAL = set(
    """father mother son daughter wife husband brother sister uncle nephew widow
predecessor successor aide envoy adviser advisor spokesman spokeswoman deputy lieutenant ally""".split()
)
STATIVE_PASSIVE = {
    "commit",
    "prepare",
    "determine",
    "dispose",
    "resolve",
    "oblige",
    "bind",
    "involve",
    # raising passives: "Merkel is expected to visit"
    "expect",
    "schedule",
    "set",
    "suppose",
    "say",
    "believe",
    "report",
    "think",
    "plan",
}
RELATIVE = {"that", "which", "who", "whom", "whose"}
TIME_LABELS = {"DATE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
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


@dataclass
class Candidate:
    trigger: Any  # spaCy token
    entry: Entry
    obj: Any = None  # the object token the entry was keyed on
    absorbed: set = field(default_factory=set)
    actors_tok: list = field(default_factory=list)
    recipients_tok: list = field(default_factory=list)
    modality_from: Any = None  # token whose auxiliaries decide the modality
    extra_modality: str | None = None
    noun: bool = False
    depth: int = 0
    request_from: Any = None
    inner: list = field(default_factory=list)  # the clauses this event absorbed


class Context:
    """Indexes of the analysis' output, by token."""

    def __init__(self, article, doc):
        self.article = article
        self.doc = doc
        self.text = doc.text
        self.published = parse_published(getattr(article.published, "date", None))
        self.tok_actor: dict[int, str] = {}
        self.actor_kind: dict[str, str] = {}
        self.actor_sector: dict[str, str | None] = {}
        self.actor_country: dict[str, str | None] = {}
        self.actor_first: dict[str, int] = {}
        for actor in article.actors:
            self.actor_kind[actor.id] = actor.kind
            self.actor_sector[actor.id] = actor.sector
            self.actor_country[actor.id] = actor.country
            for m in actor.mentions:
                for t in self._tokens(m.start, m.end):
                    self.tok_actor.setdefault(t, actor.id)
                    self.actor_first.setdefault(actor.id, t)
        for ent in article.entities:
            if ent.actor:
                for t in self._tokens(ent.start, ent.end):
                    self.tok_actor.setdefault(t, ent.actor)
        # places: (token indices, place dict)
        self.places: list[tuple[list[int], dict]] = []
        for p in article.places:
            toks = self._tokens(p.start, p.end)
            if toks:
                self.places.append(
                    (
                        toks,
                        {
                            "name": p.name or p.text,
                            "lat": p.lat,
                            "lon": p.lon,
                            "country": p.country,
                            "geonameid": p.geonameid,
                            "_feature": p.feature,
                        },
                    )
                )
        if not article.places:
            for ent in doc.ents:
                if ent.label_ in PLACE_LABELS:
                    self.places.append(
                        (
                            [t.i for t in ent],
                            {
                                "name": ent.text,
                                "lat": None,
                                "lon": None,
                                "country": None,
                                "geonameid": None,
                                "_feature": None,
                            },
                        )
                    )
        self.place_roots = [min((doc[i] for i in toks), key=_depth) for toks, _ in self.places]
        self.place_tok: dict[int, int] = {}
        for k, (toks, _) in enumerate(self.places):
            for t in toks:
                self.place_tok.setdefault(t, k)
        # times: (token indices, value or None, text)
        self.times: list[tuple[list[int], str | None, str]] = []
        covered: set[int] = set()
        for t in article.times:
            toks = self._tokens(t.start, t.end)
            if toks:
                self.times.append((toks, t.value, t.text))
                covered.update(toks)
        for ent in doc.ents:
            if ent.label_ in TIME_LABELS and not covered.intersection(t.i for t in ent):
                self.times.append(([t.i for t in ent], None, ent.text))
        self.time_roots = [min((doc[i] for i in toks), key=_depth) for toks, _, _ in self.times]
        self.time_tok: dict[int, int] = {}
        for k, (toks, _, _) in enumerate(self.times):
            for t in toks:
                self.time_tok.setdefault(t, k)

    def _tokens(self, start: int, end: int) -> list[int]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [t.i for t in span] if span is not None else []


# -- helpers on the parse ----------------------------------------------------------------------


def _children(tok, deps: Iterable[str]):
    deps = set(deps)
    return [c for c in tok.children if c.dep_ in deps]


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _particle(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    return None


def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conjuncts(c))
    return out


def _depth(tok) -> int:
    cache = tok.doc.user_data.get("_dateline_depth")
    if cache is not None and tok.i in cache:
        return cache[tok.i]
    d = 0
    t = tok
    while t.head.i != t.i:
        t = t.head
        d += 1
    if cache is not None:
        cache[tok.i] = d
    return d


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


ECM = {
    "allow",
    "permit",
    "let",
    "ask",
    "urge",
    "order",
    "force",
    "help",
    "invite",
    "tell",
    "want",
    "expect",
    "encourage",
    "persuade",
    "press",
    "call",
}


def _objects(tok) -> list:
    objs = _children(tok, OBJ)
    if _is_passive(tok):
        objs = _children(tok, {"nsubjpass"}) + objs
    if not objs and _lemma(tok) in ECM:  # "allowed UN inspectors to visit": the inspectors
        for comp in _children(tok, {"ccomp", "xcomp"}):
            objs += _children(comp, {"nsubj"})
    out = []
    for o in objs:
        if o.lower_ in RELATIVE and tok.dep_ == "relcl":
            o = tok.head
        out.append(o)
    return out


def _noun_keys(obj) -> list[str]:
    keys = [_lemma(obj), obj.lower_]
    comp = [c for c in obj.children if c.dep_ in ("compound", "amod")]
    for c in comp:
        keys.insert(0, f"{_lemma(c)}~{_lemma(obj)}")
    return keys


def _noun_class(obj) -> str | None:
    for key in _noun_keys(obj):
        cls = lx.NOUN_CLASSES.get(key)
        if cls:
            return cls
    if _lemma(obj) in lx.CARRIER_NOUNS:  # "a mediation effort", "aid deliveries"
        for c in obj.children:
            if c.dep_ == "compound":
                cls = lx.NOUN_CLASSES.get(_lemma(c))
                if cls:
                    return cls
    return None


def _content_objects(objs: list) -> list:
    """Objects and, for a quantity or part, what it is of: "25,000 tons of food aid"."""
    out = []
    for o in objs:
        out.append(o)
        if _lemma(o) in lx.PARTITIVE or (o.pos_ == "NUM"):
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(q for q in p.children if q.dep_ == "pobj")
    return out


def _is_person_like(tok, ctx: Context) -> bool:
    aid = ctx.tok_actor.get(tok.i)
    if aid and ctx.actor_kind.get(aid) in ("person", "group"):
        return True
    return tok.ent_type_ == "PERSON" or _lemma(tok) in PERSON_NOUNS or tok.lower_ in ("him", "her", "them")


_HEADS: set[str] | None = None


def _known_heads() -> set[str]:
    global _HEADS
    if _HEADS is None:
        _HEADS = {k.split("+")[0].split("_")[0] for k in list(lx.VERBS) + list(lx.VERB_OBJECT)}
        _HEADS |= lx.TRAVEL | lx.REPORTING
    return _HEADS


def _verb_lemma(tok) -> str:
    """The lemma, corrected from the word form when the lemmatizer missed ("staged" -> "stag")."""
    lemma = _lemma(tok)
    heads = _known_heads()
    if lemma in heads or tok.pos_ != "VERB":
        return lemma
    w = tok.lower_
    cands = []
    if w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ed"):
        cands += [w[:-1], w[:-2], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
    if w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e", w[:-4] if len(w) > 5 and w[-4] == w[-5] else w[:-3]]
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    for c in cands:
        if c in heads:
            return c
    return lemma


def match_verb(tok, ctx: Context) -> tuple[Entry, Any] | None:
    """The lexicon entry for a verb token and the object it was keyed on."""
    lemma = _verb_lemma(tok)
    prt = _particle(tok)
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
    objs = _objects(tok)
    # "drove thousands of villagers from their homes": a mass expulsion is an assault (CAMEO 201)
    if lemma in ("expel", "force", "drive", "evict", "deport", "uproot", "displace", "force_out", "drive_out"):
        if (
            lemma not in ("force", "drive")
            or _particle(tok) == "out"
            or any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in tok.children)
        ):
            for o in objs:
                if _mass_of_people(o):
                    return Entry("ASSAULT", "cleansing", "201", f"{lemma}+MASS"), o
    # "the state media attacked the US for interfering": a verbal attack is a criticism
    if lemma == "attack" and (
        any(_lemma(t) in MEDIA_NOUNS for t in _subject(tok))
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
                words |= {_lemma(t) for t in c.subtree}
            if c.dep_ in ("dobj",):  # "called the report a pack of lies": the parser may hang it on the object
                for d in c.children:
                    if d.dep_ in ("appos", "attr", "oprd", "npadvmod", "dobj"):
                        words |= {_lemma(t) for t in d.subtree}
        if words & lx.PEJORATIVE:
            return Entry("ACCUSE", "disapprove", "111", f"{lemma}+as+PEJORATIVE"), None
        if words & lx.LAUDATORY:
            return Entry("SUPPORT", None, "051", f"{lemma}+as+LAUDATORY"), None
    # "was suspended from the Commonwealth"
    if (
        lemma in ("suspend", "expel", "exclude", "bar")
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
        and _is_passive(tok)
    ):
        return Entry("SANCTION", "withdraw", "160", f"{lemma}_from"), None
    # "advised against travel to Tunisia", "warned its citizens against travelling to Iraq": a
    # travel warning reduces relations (CAMEO 160)
    if lemma in ("advise", "warn", "caution", "urge") and any(
        c.dep_ == "prep" and c.lower_ == "against" and any(_lemma(q) in ("travel", "trip", "visit") for q in c.children)
        for c in tok.children
    ):
        return Entry("SANCTION", None, "160", f"{lemma}_against+travel"), None
    # "has been holding thousands of refugees as human shields" (CAMEO 184)
    if lemma in ("hold", "use", "keep") and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(_lemma(q) == "shield" for q in c.subtree) for c in tok.children
    ):
        return Entry("ASSAULT", "abduct", "184", f"{lemma}+as+shield"), None
    # "thousands of people took to the streets": a protest whoever the people are
    if lemma == "take" and any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(_lemma(q) == "street" for q in c.children)
        for c in tok.children
    ):
        return Entry("PROTEST", "demo", "141", "take_to+street"), None
    # coordinated objects too: "provided photographs and other military intelligence"
    for obj in _content_objects([c for o in objs for c in _conjuncts(o)]):
        if obj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            continue
        cls = _noun_class(obj)
        for h in heads:
            for key in _noun_keys(obj):
                e = lx.VERB_OBJECT.get(f"{h}+{key}")
                if e:
                    return e, obj
            if cls:
                e = lx.VERB_OBJECT.get(f"{h}+{cls}")
                if e:
                    return e, obj
            if _is_person_like(obj, ctx) and obj.dep_ != "nsubjpass":
                e = lx.VERB_OBJECT.get(f"{h}+PERSON")
                if e:
                    return e, obj
            elif obj.pos_ == "NOUN" and not _is_person_like(obj, ctx):
                e = lx.VERB_OBJECT.get(f"{h}+THING")
                if e:
                    return e, obj
    # "withdrew from the nuclear deal", "pulled out of the talks"
    if lemma in ("withdraw", "pull", "walk", "quit", "exit", "leave"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "out"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cls = _noun_class(p)
                        if cls == "AGREEMENT":
                            return Entry("REJECT", None, "127", f"{lemma}_from+AGREEMENT"), p
                        if cls == "MEET":
                            return Entry("SANCTION", "withdraw", "164", f"{lemma}_from+MEET"), p
    # "placed its units on full alert"
    if lemma in ("put", "place") and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(_lemma(q) == "alert" for q in c.children) for c in tok.children
    ):
        return Entry("MOBILIZE", "troops", "152", f"{lemma}_on+alert"), None
    # "the court found him guilty"
    if lemma == "find" and any(
        _lemma(t) == "guilty"
        for c in tok.children
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "dobj")
        for t in c.subtree
    ):
        return Entry("ACCUSE", "disapprove", "116", "find+guilty"), None
    # a government "protested the visit" verbally; crowds protest in the streets
    if lemma == "protest" and _children(tok, {"dobj", "obj"}):
        for subj in _subject(tok):
            kind = ctx.actor_kind.get(ctx.tok_actor.get(subj.i, ""), None)
            if kind in ("country", "organization") or _lemma(subj) in ("ministry", "government", "embassy", "foreign"):
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
                        for key in _noun_keys(p):
                            e = lx.NOUN_EVENTS.get(key)
                            if e:
                                return e, p
                        if _noun_class(p) == "PROTEST":  # "went on strike"
                            return Entry(
                                "PROTEST",
                                "boycott" if _lemma(p) == "strike" else "demo",
                                "143" if _lemma(p) == "strike" else "141",
                                f"{lemma}_on+PROTEST",
                            ), p
    if lemma in ("order", "force", "compel"):
        for comp in _children(tok, {"xcomp"}):
            what = _verb_lemma(comp)
            target = _children(tok, {"dobj", "obj"})
            if any(_noun_class(t) == "TROOPS" or _lemma(t) in ("police",) for t in target):
                break  # "ordered troops to halt": a command to one's own forces
            if what in ("suspend", "close", "shut", "halt", "cease", "stop", "disband", "dissolve") and target:
                return Entry("COERCE", "restrict", "172", f"{lemma}+{what}"), None
            if what in ("leave", "quit") and any(
                _is_person_like(t, ctx) or t.ent_type_ in ("NORP", "PERSON") for t in target
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
        comps = _children(tok, {"xcomp", "ccomp"})
        if (_children(tok, {"dobj", "obj"}) and comps) or any(
            _children(cc, {"nsubj"}) and any(a.lower_ == "to" for a in cc.children if a.dep_ == "aux") for cc in comps
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
    heads = _content_objects([o])
    if not any(_lemma(h) in POPULATION or _lemma(h) in PERSON_NOUNS or h.ent_type_ == "NORP" for h in heads):
        return False
    for h in [o] + heads:
        for t in h.subtree:
            if t.lower_ in ("hundreds", "thousands", "tens", "millions") or _lemma(t) in (
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
        _lemma(h) in ("villager", "resident", "inhabitant", "population") and not any(c.like_num for c in h.children)
        for h in heads
    )


def _verb_ok(tok, lemma: str, e: Entry, objs: list, ctx: Context) -> bool:
    """Sense checks for the verbs that are events only in one of their senses."""
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and lemma in ("help",)):
        return False
    if lemma == "defend" and any(
        _noun_class(o) == "TERRITORY" or _lemma(o) in ("country", "homeland", "land", "capital") for o in objs
    ):
        return False  # defending a city is military, not verbal support
    if lemma == "commit":
        return bool(_children(tok, {"xcomp"})) or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    if lemma == "swear":  # "swore to fight on", not "was sworn in"
        return _particle(tok) is None and (
            bool(_children(tok, {"xcomp", "ccomp"}))
            or any(a.lower_ == "to" for c in _children(tok, {"advcl"}) for a in c.children if a.dep_ == "aux")
        )
    if lemma == "settle":  # "settled the dispute", not "settled 20 families in the village"
        return not any(_is_person_like(o, ctx) or _lemma(o) in ("family", "refugee", "settler", "people") for o in objs)
    if lemma in ("release", "free", "pardon"):
        return any(_is_person_like(o, ctx) or o.pos_ == "PRON" for o in objs)
    if lemma == "meet":
        return not any(_lemma(o) in MEET_NOT for o in objs)
    if lemma in ("host", "welcome", "receive"):
        return (
            not objs
            or any(_is_person_like(o, ctx) or o.ent_type_ in ("GPE", "ORG", "NORP") or o.pos_ == "PRON" for o in objs)
            or e.type != "CONSULT"
        )
    if lemma in ("fire",):
        return any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children) or any(
            _noun_class(o) in ("ATTACK",)
            or _lemma(o) in ("shot", "shell", "rocket", "missile", "round", "bullet", "mortar")
            for o in objs
        )
    if lemma == "strike":
        return True
    if lemma in ("decline", "refuse") and any(_verb_lemma(x) in NO_COMMENT for x in _children(tok, {"xcomp"})):
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
            or bool(_children(tok, {"xcomp", "ccomp", "prep"}))
            or lemma in ("fight", "battle", "march", "raid", "storm")
        )
    return True


def _strike_entry(tok, e: Entry, objs) -> Entry:
    """'strike' is a labour strike when intransitive, an attack when it has a target."""
    if objs:
        return Entry("ASSAULT", None, "190", "strike+TARGET")
    if any(
        _lemma(t) in lx.EXPLOSIVE_NOUNS or _noun_class(t) == "WEAPON" or _lemma(t) in lx.AIRCRAFT_NOUNS
        for t in _subject(tok)
    ):
        return Entry("ASSAULT", None, "190", "strike+WEAPON")  # "three rockets struck near the embassy"
    return e


# -- participants ------------------------------------------------------------------------------


def _subject(tok, seen=None) -> list:
    """The subject token(s) of a verb, inherited through control and coordination."""
    seen = seen or set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    if _is_passive(tok):
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents
        if _lemma(tok) in STATIVE_PASSIVE:  # "Vietnam is committed to ..."
            return _children(tok, {"nsubjpass"})[:1]
        return []
    subj = _children(tok, {"nsubj", "csubj"})
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and tok.dep_ == "relcl":
            return [tok.head]
        return [s]
    if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.i != tok.i:
        head = tok.head
        if head.pos_ == "ADJ" and head.head.i != head.i:  # "is willing to send"
            head = head.head
        if tok.dep_ == "xcomp":
            # object control: "urged the EC to support" -> the object is the subject
            objs = _children(head, {"dobj", "obj"})
            if objs and _lemma(head) not in ("promise",):
                return objs[:1]
        return _subject(head, seen)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return []
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]
    return []


def _recipients(tok, cand: Candidate, ctx: Context) -> list:
    out = []
    objs = _objects(tok)
    for o in objs:
        if cand.obj is not None and o.i == cand.obj.i:
            continue
        if o.dep_ == "nsubjpass" or o.dep_ in ("dobj", "obj"):
            out.append(o)
    out += _children(tok, {"dative", "iobj"})
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in RECIPIENT_PREPS]
    if cand.obj is not None:
        preps += [c for c in cand.obj.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS]
    else:  # "boycott all contact with the United States"
        for o in objs:
            if o.dep_ in ("dobj", "obj") and o.i not in ctx.tok_actor:
                preps += [
                    c for c in o.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "toward", "towards")
                ]
    if cand.entry.type in ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE"):
        # "demanded that the US cancel ...": the addressee is the complement's subject
        for comp in _children(tok, {"ccomp"}):
            if any(m.lower_ == "that" for m in comp.children if m.dep_ == "mark") or cand.entry.type == "REQUEST":
                out += _children(comp, {"nsubj", "nsubjpass"})
        # "demanded the removal of President X", "welcomed Reagan's statement"
        for o in _content_objects(objs):
            if o.i in ctx.tok_actor:
                continue
            for c in o.children:
                if c.dep_ == "poss":
                    out.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    out += [p for p in c.children if p.dep_ == "pobj"]
    for p in preps:
        if p.lower_ == "to" and cand.entry.type == "AGREE":
            continue
        for po in p.children:
            if po.dep_ == "pobj":
                out.append(po)
    return out


def _noun_participants(noun, ctx: Context) -> tuple[list, list]:
    actors, recips = [], []
    own = ctx.tok_actor.get(noun.i)  # "the Asia-Pacific Cooperation Summit" is not its own participant
    for c in noun.children:
        if own is not None and ctx.tok_actor.get(c.i) == own:
            continue
        if (
            c.dep_ == "poss"
            or c.dep_ in ("compound", "amod", "nmod")
            and (c.i in ctx.tok_actor or c.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"))
        ):
            actors.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "of") and c.lower_ == "by":
            actors += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in ("with", "between", "against", "on", "to", "among"):
            target = recips if c.lower_ != "between" else actors
            target += [p for p in c.children if p.dep_ == "pobj"]
    return actors, recips


def _np_actor_ids(tok, ctx: Context) -> list[str]:
    """Actor ids for a noun phrase headed by ``tok`` (conjuncts included)."""
    ids: list[str] = []
    for head in _conjuncts(tok):
        found = _np_one(head, ctx)
        for a in found:
            if a not in ids:
                ids.append(a)
    return ids


def _np_one(tok, ctx: Context) -> list[str]:
    if tok.pos_ == "PRON" or tok.lower_ in RELATIVE:
        a = _antecedent(tok, ctx)
        return [a] if a else []
    core = [tok]
    frontier = [tok]
    while frontier:
        t = frontier.pop()
        for c in t.children:
            if c.dep_ in ("compound", "flat", "appos", "nmod") or (c.dep_ == "amod" and c.pos_ == "PROPN"):
                core.append(c)
                frontier.append(c)
    # the head (and its name parts) first: "North Korean leader Kim Jong Un" is Kim Jong Un
    for t in sorted(
        core, key=lambda t: (t.dep_ == "compound" and t.i < tok.i and t.ent_type_ in ("GPE", "NORP"), abs(t.i - tok.i))
    ):
        a = ctx.tok_actor.get(t.i)
        if a:
            return [a]
    # "the president of Armenia", "leaders of Romania's new government", "rebels in the Ivory
    # Coast", "a missionary from Calgary"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in") and _lemma(tok) not in RELATIONAL:
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _np_one(p, ctx) if p.i != tok.i else []
                    if c.lower_ == "in":
                        found = [a for a in found if ctx.actor_kind.get(a) == "country"]
                    if found:
                        return found
    # a relational noun ("Kim Jong Un's father ..., Kim Jong Il") is the person named beside it,
    # never its possessor
    if _lemma(tok) in RELATIONAL:
        for t in tok.doc[tok.i + 1 : min(tok.i + 14, tok.sent.end)]:
            if t.dep_ == "appos":
                a = ctx.tok_actor.get(t.i)
                if a:
                    return [a]
            if t.pos_ == "VERB":
                break
        return []
    # else a possessor or modifier: "South Korea's foreign ministry"
    for c in tok.children:
        if c.dep_ in ("poss", "amod", "compound"):
            for t in c.subtree:
                a = ctx.tok_actor.get(t.i)
                if a:
                    return [a]
    return []


REFLEXIVES = {"himself", "herself", "itself", "themselves"}  # first person: see below


def _antecedent(tok, ctx: Context) -> str | None:
    low = tok.lower_
    if low in REFLEXIVES and tok.head.pos_ in ("VERB", "AUX"):
        # "suicide bombers blew themselves up": the clause's own subject, or nobody
        subj = [t for t in _subject(tok.head) if t.i != tok.i and t.lower_ not in REFLEXIVES]
        found = [a for t in subj for a in _np_one(t, ctx)] if subj else []
        return found[0] if found else None
    if low in ("i", "we", "me", "us", "my", "our", "myself", "ourselves"):
        # first person inside a quotation is its speaker
        for q in ctx.article.quotes:
            if q.start <= tok.idx < q.end:
                return q.speaker
        return None
    want = None
    if low in ("he", "him", "his", "she", "her", "hers", "himself", "herself"):
        want = {"person"}
    elif low in ("it", "its", "itself"):
        want = {"country", "organization", "group"}
    best = None
    start = tok.sent.start
    prev_sents_start = start
    s = tok.sent
    # look back through this sentence and the two before it
    for _ in range(2):
        if s.start > 0:
            s = ctx.doc[s.start - 1].sent
            prev_sents_start = s.start
    for i in range(tok.i - 1, prev_sents_start - 1, -1):
        a = ctx.tok_actor.get(i)
        if a and (want is None or ctx.actor_kind.get(a) in want):
            best = a
            # prefer a sentence subject
            break
    return best


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
                if _lemma(tok) == "strike" and obj is None:
                    entry = _strike_entry(tok, entry, _objects(tok))
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
            if _protester_subject(tok) and _verb_lemma(tok) in lx.PROTEST_MOTION:
                cands[tok.i] = Candidate(tok, Entry("PROTEST", "demo", "141", "protesters+" + _verb_lemma(tok)))
                continue
            if _verb_lemma(tok) in lx.TRAVEL:
                dest = _destination(tok, ctx)
                if dest is not None:
                    subj = _subject(tok)
                    troops = [
                        t for t in subj if _noun_class(t) == "TROOPS" or _lemma(t) in ("troop", "soldier", "soldiers")
                    ]
                    if (
                        troops
                        and not any(_peacekeepers(t) for t in subj)
                        and _verb_lemma(tok) in ("leave", "depart", "return")
                    ):
                        # "the last Soviet soldiers left Afghanistan": a withdrawal, not a visit
                        cands[tok.i] = Candidate(tok, Entry("RETREAT", "withdraw", "087", f"troops+{_lemma(tok)}"))
                    elif troops and not any(_peacekeepers(t) for t in subj):
                        # "US troops arrived in Saudi Arabia": a deployment
                        cands[tok.i] = Candidate(tok, Entry("MOBILIZE", "troops", "154", f"troops+{_lemma(tok)}"))
                    elif any(_peacekeepers(t) for t in subj):
                        # "peacekeeping troops arrived in Bosnia": protection (CAMEO 074)
                        cands[tok.i] = Candidate(tok, Entry("AID", None, "074", f"peacekeepers+{_lemma(tok)}"))
                    else:
                        cands[tok.i] = Candidate(tok, Entry("CONSULT", "visit", "042", f"{_lemma(tok)}+PLACE"))
    for tok in sent:
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.i not in cands
            and tok.head.i not in cands
            and tok.head.pos_ == "VERB"
            and tok.head.i != tok.i
        ):
            head = _verb_lemma(tok.head)
            prt = _particle(tok.head)
            occur = (
                {head}
                | ({f"{head}_{prt}"} if prt else set())
                | {f"{head}_{_lemma(o)}" for o in _children(tok.head, {"dobj", "obj"})}
            )  # "took place", "broke out"
            anchored = (tok.dep_ in ("nsubj",) and bool(occur & lx.OCCUR)) or (
                tok.dep_ in ("dobj", "obj") and head in lx.ANNOUNCE_NOUN
            )
            if anchored and _lemma(tok) in ("exchange", "swap") and not _swap_of_people(tok):
                anchored = False
            if anchored:
                e = next((lx.NOUN_EVENTS[k] for k in _noun_keys(tok) if k in lx.NOUN_EVENTS), None)
                if e is None and _noun_class(tok) == "PROTEST":
                    e = lx.NOUN_EVENTS["boycott" if _lemma(tok) in ("strike", "walkout") else "protest"]
                if e is not None and e.type == "ASSAULT" and _clash_with_protesters(tok, tok.head):
                    e = Entry("PROTEST", "riot", "145", "clash+protesters")
                if e is not None:
                    c = Candidate(tok.head, Entry(e.type, e.mode, e.cameo, f"{head}+{e.key}"), obj=tok)
                    c.absorbed.add(tok.i)
                    cands[tok.head.i] = c
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in cands:
            e = None
            for key in _noun_keys(tok):
                e = lx.NOUN_EVENTS.get(key)
                if e:
                    break
            if e is None:
                continue
            if tok.pos_ == "PROPN" and not tok.lower_.startswith(tok.lemma_.lower()[:4]):
                continue
            if _lemma(tok) in ("strike",):
                continue
            if _lemma(tok) == "release" and not any(
                _is_person_like(q, ctx)
                for q in [x for x in tok.children if x.dep_ == "compound"]
                + [q for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children]
            ):
                continue  # "the release of the hostages", not "a press release"
            if _lemma(tok) in ("exchange", "swap") and not _swap_of_people(tok):
                continue  # "an exchange of prisoners", not "an exchange of views"
            if e.type == "ASSAULT" and _lemma(tok) in ("clash", "skirmish", "scuffle") and _clash_with_protesters(tok):
                e = Entry("PROTEST", "riot", "145", "clash+protesters")  # "clashes between police and protesters"
            c = Candidate(tok, e, noun=True)
            cands[tok.i] = c
    return list(cands.values())


def _swap_of_people(tok) -> bool:
    swapped = [x for x in tok.children if x.dep_ == "compound"] + [
        q for x in tok.children if x.dep_ == "prep" and x.lower_ == "of" for q in x.children
    ]
    return any(_lemma(q) in ("prisoner", "detainee", "hostage", "captive", "pow", "body") for q in swapped)


def _peacekeepers(t) -> bool:
    """ "peacekeeping troops", "the first deployment of NATO peacekeepers"."""
    for x in _content_objects([t]) + [
        q for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"
    ]:
        words = {_lemma(x), x.lower_} | {_lemma(c) for c in x.children if c.dep_ in ("compound", "amod")}
        if any(w.startswith("peacekeep") for w in words):
            return True
    return False


def _protester_nps(tok) -> bool:
    toks = _content_objects(_conjuncts(tok))  # "hundreds of protesters"
    return any(_lemma(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS for t in toks)


def _clash_with_protesters(tok, host=None) -> bool:
    """A clash (verb or noun) in which one side is protesters: a riot, PROTEST (CAMEO 145)."""
    if _verb_lemma(tok) not in ("clash", "skirmish", "scuffle", "brawl", "fight", "confront"):
        return False
    sides = list(_subject(tok)) if tok.pos_ in ("VERB", "AUX") else []
    sides += _children(tok, {"dobj", "obj"})
    for c in list(tok.children) + (list(host.children) if host is not None else []):
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "against"):
            sides += _children(c, {"pobj"})
    return any(_protester_nps(t) for t in sides)


RIOT_MISSILES = {"stone", "rock", "brick", "bottle", "molotov", "cocktail", "firebomb", "firecracker", "egg"}


def _stone_throwing(tok) -> bool:
    """Stones, bricks or petrol bombs thrown by people who are not soldiers or police."""
    if _verb_lemma(tok) not in ("throw", "hurl", "pelt", "stone", "lob", "fling"):
        return False
    if any(
        _noun_class(t) == "TROOPS" or _lemma(t) in ("police", "policeman", "policemen", "officer")
        for t in _subject(tok)
    ):
        return False
    things = [t for c in tok.children if c.dep_ in ("dobj", "obj") for t in _content_objects([c])]
    things += [q for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for q in c.children]
    return _verb_lemma(tok) == "stone" or any(_lemma(t) in RIOT_MISSILES for t in things)


def _armed(tok) -> bool:
    """Heavy weapons or guns in the clause: "launched missiles", "opened fire"."""
    for t in tok.subtree:
        m = lx.ASSAULT_MODE_CUES.get(_lemma(t))
        if m in ("heavy-weapons", "firearms", "aerial", "drone"):
            return True
    return False


def _protester_subject(tok) -> bool:
    for s in _subject(tok):
        for t in _content_objects(_conjuncts(s)):  # "crowds of protesters", "thousands of demonstrators"
            if _lemma(t) in lx.PROTESTER_NOUNS or t.lower_ in lx.PROTESTER_NOUNS:
                return True
    return False


def _destination(tok, ctx: Context):
    lemma = _verb_lemma(tok)
    preps = ("in", "at") if lemma == "arrive" else ("for",) if lemma in ("leave", "depart") else ("to", "for", "into")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and (p.i in ctx.place_tok or p.ent_type_ in PLACE_LABELS):
                    return p
        if c.dep_ in ("dobj",) and _lemma(tok) in ("leave",) and (c.i in ctx.place_tok):
            return c
    return None


def code_sentence(sent, ctx: Context) -> list[dict]:
    cands = find_candidates(sent, ctx)
    # nouns absorbed as the keyed objects of verbs
    absorbed = set()
    for c in cands:
        absorbed |= c.absorbed
    cands = [c for c in cands if not (c.noun and c.trigger.i in absorbed)]

    # "warned citizens against travelling to Iraq": the travel warned against is no visit
    for c in [c for c in cands if c.entry.key.endswith("_against+travel")]:
        warned = {t.i for p in c.trigger.children if p.dep_ == "prep" and p.lower_ == "against" for t in p.subtree}
        cands = [x for x in cands if x.trigger.i not in warned]
    by_i = {c.trigger.i: c for c in cands}

    # governors: walk each candidate's ancestors to find control verbs, modals, reporting verbs
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda c: _depth(c.trigger)):
        if c.trigger.i in dropped:
            continue
        _govern(c, by_i, dropped, ctx)
    cands = [c for c in cands if c.trigger.i not in dropped]

    # reported speech, one pass over the reporting verbs:
    # - deontic: "X said Y must ..." is a REQUEST by X;
    # - "Israel said a mortar bomb was fired at it", "the US claimed ISIL attacked Iraq": a report
    #   that opens the sentence may be an accusation (CAMEO 112, decided by _accusation once the
    #   participants are known); the attack stays an event of its own
    reported = []
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        lemma = _lemma(tok)
        if lemma in lx.REPORTING:
            for comp in _children(tok, {"ccomp"}):
                if any(a.lower_ in DEONTIC for a in comp.children if a.dep_ == "aux"):
                    inner = by_i.get(comp.i)
                    mode, cameo = _request_mode(inner.entry if inner else None)
                    rq = Candidate(comp, Entry("REQUEST", mode, cameo, "reported+must"))
                    rq.actors_tok = _subject(tok)
                    rq.recipients_tok = _children(comp, {"nsubj", "nsubjpass"})
                    rq.request_from = tok
                    if inner is not None:
                        cands = [x for x in cands if x is not inner]
                    cands.append(rq)
        if lemma in ACCUSING_REPORTS:
            for comp in _children(tok, {"ccomp"}):
                inner = by_i.get(comp.i)
                if (
                    inner is not None
                    and inner in cands
                    and inner.entry.type in ("ASSAULT", "COERCE")
                    and comp.i > tok.i
                    and any(t.i < tok.i for t in _subject(tok))
                ):
                    acc = Candidate(tok, Entry("ACCUSE", "allege", "112", "reported+" + inner.entry.key))
                    reported.append((acc, inner))
    cands += [acc for acc, _ in reported]

    # "removing the sanctions is out of the question": a refusal of the act
    for c in cands:
        if not c.noun and _ruled_out(c.trigger) and c.entry.type in lx.COOPERATIVE:
            mode = {
                "AID": "assist",
                "COOPERATE": "assist",
                "CONSULT": "meet",
                "RETREAT": "yield",
                "CONCEDE": "yield",
            }.get(c.entry.type)
            c.entry = Entry("REJECT", mode, _reject_cameo(c.entry.type), "ruled_out+" + c.entry.key)

    # deaths and damage caused by an earthquake, a crash or a fire are not assaults
    cands = [c for c in cands if not _accidental(c)]

    # noun events need participants, a time or a place of their own, and not to be another
    # trigger's object ("condemned the attack" is the condemnation)
    keep = []
    trig_ids = {c.trigger.i for c in cands if not c.noun}
    for c in cands:
        if c.noun:
            n = c.trigger
            gov = None
            if n.dep_ in ("dobj", "obj", "nsubjpass") and n.head.i in trig_ids:
                gov = n.head.i
            elif n.dep_ == "pobj" and n.head.head.i in trig_ids and n.head.lower_ in ("of", "for", "against", "on"):
                gov = n.head.head.i
            if gov is not None:
                # "flew to Kabul for talks with Afghan officials": the talks' partners are the visit's
                host = next(x for x in cands if x.trigger.i == gov)
                if host.entry.type == c.entry.type:
                    host.inner.append(c)
                continue
            a, r = _noun_participants(n, ctx)
            own_time = _own_times(n, [x.trigger for x in cands if x is not c], ctx)
            own_place = _place_for(c, ctx, cands)
            if not (a or r or own_time or own_place):
                continue
            if any(ch.lower_ == "no" and ch.dep_ == "det" for ch in n.children):
                c.extra_modality = "negated"
            elif n.dep_ in ("dobj", "obj") and n.head.pos_ == "VERB":
                # "is considering sanctions", "plans a visit": not (yet) an event that happened
                gl = _verb_lemma(n.head)
                if gl in ("consider", "propose", "suggest", "mull", "weigh", "debate", "discuss", "study"):
                    c.extra_modality = "hypothetical"
                elif gl in ("plan", "prepare", "schedule", "announce", "intend", "organize", "organise"):
                    c.extra_modality = "future"
                    c.modality_from = c.modality_from or n.head
            c.actors_tok, c.recipients_tok = a, r
        keep.append(c)
    cands = keep

    events = []
    built: dict[int, dict] = {}
    for c in cands:
        events.append(_build(c, cands, ctx, sent))
        built[id(c)] = events[-1]
    for acc, inner in reported:
        ev, inner_ev = built[id(acc)], built.get(id(inner))
        if inner_ev is None or not _accusation(ev, inner_ev, ctx):
            events.remove(ev)
    events = _merge(events)
    # the main event is the highest trigger; an event of a conditional clause ("... if the rebels
    # lay down their arms") comes after the events of the clause it conditions
    events.sort(key=lambda e: (e["modality"] == "hypothetical" and _conditional(e["_tok"]), e["_depth"], e["_i"]))
    return events


#: reporting verbs that contest what they report ("X claimed Y attacked"): an accusation when X
#: is a party; a plain "say" is how news sources an attack, unless X says it was the target
ACCUSING_REPORTS = {"say", "claim", "allege", "assert", "insist", "maintain", "state", "tell"}
CONTESTING_REPORTS = {"claim", "allege", "assert", "insist", "maintain"}
#: sectors of the parties to a conflict (news sources such as police, media and NGOs only report)
PARTY_SECTORS = {"GOV", "MIL", "REB", "PTY", "OPP", "INS", "LEG"}


def _accusation(ev: dict, inner: dict, ctx: Context) -> bool:
    """A reported attack is an accusation when the speaker is a party (a country, a government,
    an army, a rebel group) that did not do it and either was its target ("Israel said a mortar
    bomb was fired at it") or contests it ("the US claimed ISIL attacked Iraq"); the accused are
    the attack's actors."""
    speakers = ev["actors"]
    if not speakers or set(speakers) & set(inner["actors"]):
        return False
    on_speaker = bool(set(speakers) & set(inner["recipients"]))
    if not on_speaker and (not inner["actors"] or _lemma(ev["_tok"]) not in CONTESTING_REPORTS):
        # "Iraqi officials say militants attacked a police base": sourcing, not an accusation
        return False
    if not all(ctx.actor_kind.get(a) == "country" or ctx.actor_sector.get(a) in PARTY_SECTORS for a in speakers):
        return False
    own = {ctx.actor_country.get(a) for a in speakers} - {None}
    if own & {ctx.actor_country.get(a) for a in inner["actors"]}:
        return False  # "Serbia said its forces attacked": a claim, not an accusation
    ev["recipients"] = list(inner["actors"])
    return True


def _ruled_out(tok) -> bool:
    """The act is the subject of "is out of the question" / "is off the table"."""
    head = tok.head
    if tok.dep_ not in ("csubj", "nsubj") or _lemma(head) != "be":
        return False
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "out":
            if any(q.lower_ == "of" and any(_lemma(r) == "question" for r in q.children) for q in p.children):
                return True
        if p.dep_ == "prep" and p.lower_ == "off" and any(_lemma(r) == "table" for r in p.children):
            return True
    return False


def _accidental(c: Candidate) -> bool:
    e = c.entry
    trig = c.trigger
    if c.noun:
        return False
    if any(_lemma(t) in lx.DISASTER_NOUNS for t in _subject(trig)):
        return True  # "a tsunami slammed the coast", "the storm hit the city"
    if not (e.type == "ASSAULT" or (e.type == "COERCE" and e.cameo == "1712")):
        return False
    lemma = _verb_lemma(trig)
    causes = list(_subject(trig))
    for p in trig.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "after", "from", "during", "when"):
            causes += [q for q in p.children if q.dep_ == "pobj"]
        if p.dep_ == "advcl":  # "killed when a chemical plant exploded", "... when their bus crashed"
            causes += _children(p, {"nsubj"})
            if _verb_lemma(p) in ("explode", "burn", "collapse", "crash", "sink", "derail", "capsize") and not any(
                _lemma(t) in lx.EXPLOSIVE_NOUNS or t.ent_type_ in ("PERSON", "NORP", "ORG") for t in _subject(p)
            ):
                return True
    words = set()
    for t in causes:
        words.add(_lemma(t))
        words.update(_lemma(x) for x in t.children if x.dep_ in ("compound", "amod"))
    if words & lx.DISASTER_NOUNS:
        return True
    if lemma in ("explode", "burn", "blow_up", "detonate") and not _objects(trig):
        # a tank, a boiler or a building exploding or burning is an accident
        subj = _subject(trig)
        return bool(subj) and not any(
            _lemma(t) in lx.EXPLOSIVE_NOUNS
            or t.i in c.absorbed
            or _lemma(t) in lx.PROTESTER_NOUNS
            or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
            for t in subj
        )
    return False


def _request_mode(entry: Entry | None) -> tuple[str | None, str]:
    if entry is None:
        return None, "100"
    t = entry.type
    if t in ("AID", "COOPERATE", "SUPPORT"):
        return "assist", "101"
    if t == "CONSULT":
        return "meet", "106"
    if t in ("RETREAT", "CONCEDE"):
        return "yield", "105"
    return "change", "104" if t in ("AGREE",) else "100"


ABSORBING = {"AGREE", "THREATEN", "REJECT", "REQUEST"}
COMMISSIVE = {"promise", "pledge", "vow", "offer", "commit", "undertake", "volunteer", "swear"}


def _govern(c: Candidate, by_i: dict, dropped: set, ctx: Context) -> None:
    """Apply the verbs above a candidate: absorption by control verbs, modality from modals."""
    tok = c.trigger
    child = tok
    hops = 0
    while child.head.i != child.i and hops < 6:
        head = child.head
        hops += 1
        rel = child.dep_
        if rel not in CLAUSE_DEPS and rel not in ("acomp", "pobj", "prep", "dobj", "xcomp"):
            break
        hc = by_i.get(head.i)
        if rel == "prep" and child.lower_ not in ("for", "to", "of", "on", "against", "with", "into"):
            break
        if (
            hc is not None
            and hc.trigger.i not in dropped
            and rel in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "advcl")
            and hc.entry.type in ABSORBING
            and hc.entry.key.split("+")[0] not in ("reach", "sign", "strike", "accept")
        ):
            # a control verb that is itself the event absorbs the clause it governs
            if rel == "advcl" and not any(m.lower_ == "to" for m in child.children if m.dep_ == "aux"):
                break
            _absorb(hc, c)
            dropped.add(c.trigger.i)
            return
        lemma = _lemma(head)
        if rel in ("xcomp", "acomp") or (rel == "advcl" and head.pos_ == "ADJ"):
            if lemma in lx.HYPOTHETICAL_GOVERNORS and lemma not in ("seek", "try", "attempt", "want", "hope"):
                c.extra_modality = c.extra_modality or "hypothetical"
            elif lemma == "prepare" and head.pos_ == "VERB" and rel == "xcomp" and c.entry.type == "ASSAULT":
                # "the army prepared to resume shelling": the preparation is a show of force now
                c.entry = Entry("MOBILIZE", "troops", "150", f"prepare>{c.entry.key}")
                c.modality_from = c.modality_from or head
            elif lemma in lx.FUTURE_GOVERNORS:
                c.extra_modality = c.extra_modality or "future"
                c.modality_from = c.modality_from or head
            elif lemma == "fail" and c.entry.type in ("AGREE", "CONSULT", "SUPPORT"):
                c.entry = Entry("REJECT", None, "120", "fail+" + c.entry.key)
            if head.pos_ == "ADJ":
                child = head
                continue
        if lemma in lx.REPORTING or hc is not None:
            break
        child = head


def _absorb(gov: Candidate, inner: Candidate) -> None:
    e, ie = gov.entry, inner.entry
    lemma = gov.entry.key.split("+")[0].split("_")[0]
    if lemma in COMMISSIVE and lx.PLOVER_TYPES[ie.type] >= 3:
        gov.entry = Entry(
            "THREATEN",
            ie.mode if ie.type == "ASSAULT" else None,
            "138" if ie.type in ("ASSAULT", "MOBILIZE") else "130",
            f"{e.key}>{ie.key}",
        )
    elif e.type == "THREATEN" and gov.entry.mode is None:
        mode = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}.get(ie.type)
        gov.entry = Entry(
            "THREATEN",
            mode,
            {"ASSAULT": "138", "SANCTION": "131", "COERCE": "132"}.get(ie.type, e.cameo),
            f"{e.key}>{ie.key}",
        )
    elif e.type == "REQUEST" and e.mode is None:
        mode, cameo = _request_mode(ie)
        gov.entry = Entry("REQUEST", mode, cameo if e.cameo == "100" else e.cameo, f"{e.key}>{ie.key}")
    elif e.type == "REJECT" and e.mode is None:
        mode = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}.get(
            ie.type
        )
        gov.entry = Entry("REJECT", mode, e.cameo, f"{e.key}>{ie.key}")
    gov.absorbed.add(inner.trigger.i)
    gov.inner.append(inner)


# -- time, place, modality ---------------------------------------------------------------------


def _own_times(trigger, other_triggers: list, ctx: Context) -> list[int]:
    """Time indexes inside the trigger's clause, not inside a nested trigger's clause."""
    found = []
    for k, (toks, _value, _text) in enumerate(ctx.times):
        root = ctx.time_roots[k]
        if not (root.i == trigger.i or trigger.is_ancestor(root)):
            continue
        if any(
            o.i != trigger.i and trigger.is_ancestor(o) and (o.i == root.i or o.is_ancestor(root))
            for o in other_triggers
        ):
            continue
        # a time bound to a reporting verb dates the report, not the event
        h = root.head
        hops = 0
        bound_to_report = False
        while h.i != trigger.i and hops < 8:
            if h.pos_ in ("VERB", "AUX") and _lemma(h) in lx.REPORTING:
                bound_to_report = True
                break
            if h.head is h:
                break
            h = h.head
            hops += 1
        if bound_to_report:
            continue
        found.append((_distance(trigger, root), k))
    return [k for _, k in sorted(found)]


def _distance(a, b) -> int:
    anc_a = [a] + list(a.ancestors)
    anc_b = [b] + list(b.ancestors)
    ia = {t.i: n for n, t in enumerate(anc_a)}
    for n, t in enumerate(anc_b):
        if t.i in ia:
            return n + ia[t.i]
    return 99


def _tense(trigger, modality: str) -> str:
    if modality == "future":
        return "future"
    for t in [trigger] + [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]:
        if t.tag_ in ("VBD", "VBN"):
            return "past"
        if t.lower_ in FUTURE_MODALS:
            return "future"
    if trigger.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return "past"


def _time_value(k: int, ctx: Context, tense: str) -> tuple[str | None, str]:
    toks, value, text = ctx.times[k]
    value = _contract_value(value) if value else None
    if value:
        return value, text
    v, _g = resolve(text, ctx.published, tense)
    return v, text


_ISO_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _contract_value(value: str) -> str | None:
    """A time value as the contract writes dates (YYYY, YYYY-MM, YYYY-MM-DD); an ISO week
    becomes the month of its Monday, anything else (seasons, quarters, times) its year."""
    value = value.strip()
    if _ISO_VALUE.fullmatch(value):
        return value
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return f"{monday.year:04d}-{monday.month:02d}"
        except ValueError:
            return m.group(1)
    m = re.match(r"(\d{4})-\d{2}-\d{2}T", value)
    if m:
        return value[:10]
    m = re.match(r"(\d{4})\b", value)
    return m.group(1) if m else None


def _place_for(c: Candidate, ctx: Context, cands: list) -> dict | None:
    trig = c.trigger
    sent_start, sent_end = _sent_bounds(trig)
    others = [x.trigger for x in cands if x is not c]
    best = None
    for k, (toks, place) in enumerate(ctx.places):
        root = ctx.place_roots[k]
        if root.i < sent_start or root.i >= sent_end:
            continue
        if not trig.is_ancestor(root):
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
                and ctx.actor_kind.get(ctx.tok_actor.get(top.i)) != "country"
            )
        ):
            ok = True
        if top.dep_ == "prep" and top.lower_ in ("to", "from", "into") and c.entry.mode != "visit":
            ok = False
        if top.dep_ == "prep" and top.lower_ == "on" and not any(t.ent_type_ in PLACE_LABELS for t in path):
            ok = False
        if not ok:
            continue
        score = (len(path), -_depth(root), -root.i)  # nearest to the trigger, then most specific
        if best is None or score < best[0] or (score[0] == best[0][0] and -_depth(root) < best[0][1]):
            best = (score, place)
    if best is None:
        return None
    return {k: v for k, v in best[1].items() if not k.startswith("_")}


def _sent_bounds(tok) -> tuple[int, int]:
    """Token bounds of the sentence (the subtree of the root), without building Span.sent."""
    t = tok
    while t.head.i != t.i:
        t = t.head
    return t.left_edge.i, t.right_edge.i + 1


def _aux_words(tok) -> list:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")]


def modality(c: Candidate, date_value: str | None, date_from_text: bool, ctx: Context) -> str:
    """negated > hypothetical > future > historical > asserted."""
    trig = c.trigger
    scope = [trig]
    if c.noun and trig.head.i != trig.i:
        scope.append(trig.head)  # "the summit will reaffirm", "the failed summit"
    if c.modality_from is not None:
        scope.append(c.modality_from)
        if c.modality_from.pos_ == "ADJ" and c.modality_from.head.i != c.modality_from.i:
            scope.append(c.modality_from.head)
    words = []
    for s in scope:
        words += _aux_words(s)
    lows = {w.lower_ for w in words}
    if any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless", "whether") for ch in trig.children):
        return "hypothetical"  # the event of a conditional clause, negated or not
    if c.extra_modality == "negated" or any(w.dep_ == "neg" for w in words) or (lows & {"never"}):
        return "negated"
    reported_past = _under_past_report(trig)
    if c.extra_modality == "hypothetical":
        return "hypothetical"
    if (
        _conditional(trig)
        or (lows & {"could", "might", "may"})
        or ("would" in lows and not reported_past)
        or ("should" in lows and not reported_past)
    ):
        return "hypothetical"
    if lows & FUTURE_MODALS or c.extra_modality == "future" or ("would" in lows and reported_past) or _going_to(trig):
        return "future"
    if c.noun and any(ch.lower_ in FUTURE_AMOD for ch in trig.children if ch.dep_ in ("amod", "advmod")):
        return "future"
    pub = ctx.published
    if date_value and date_from_text and pub:
        start, end = period_start(date_value), period_end(date_value)
        if start and start > pub:
            return "future"
        if end and (pub - end).days > 31:
            return "historical"
    if not date_from_text:
        # a past perfect is anterior, unless it is only the backshift of past reported speech
        # ("the governor wrote that air defences had shot down ...")
        if lows & ANTERIOR_ADV or (not reported_past and any(ch.tag_ == "VBD" and ch.lower_ == "had" for ch in words)):
            return "historical"
        if c.noun and any(ch.lower_ in ANTERIOR_AMOD for ch in trig.children if ch.dep_ in ("amod",)):
            return "historical"
    return "asserted"


def _conditional(tok) -> bool:
    t = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _going_to(tok) -> bool:
    h = tok.head
    return tok.dep_ == "xcomp" and _lemma(h) == "go" and h.tag_ == "VBG"


def _own_reported_intent(tok) -> bool:
    """The trigger is the complement of a reporting verb and its subject is a pronoun for the
    speaker ("Israel announced it would free ...", "they said they will attack")."""
    head = tok.head
    if tok.dep_ != "ccomp" or _lemma(head) not in lx.REPORTING:
        return False
    subj = _children(tok, {"nsubj", "nsubjpass"})
    return bool(subj) and subj[0].lower_ in ("it", "they", "we", "i", "he", "she") and bool(_subject(head))


def _under_past_report(tok) -> bool:
    t = tok
    for _ in range(5):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and _lemma(t.head) in lx.REPORTING:
            return t.head.tag_ in ("VBD", "VBN")
        t = t.head
    return False


# -- building the record -----------------------------------------------------------------------


def _build(c: Candidate, cands: list, ctx: Context, sent) -> dict:
    trig = c.trigger
    if not c.noun and c.entry.key != "reported+must":
        c.actors_tok = [t for t in _subject(trig) if c.obj is None or t.i != c.obj.i]
        recips = _recipients(trig, c, ctx)
        c.recipients_tok = recips + c.recipients_tok
        for inner in c.inner:  # "offered to hand over to Great Britain", "threatened to break relations with Russia"
            if not inner.noun:
                c.recipients_tok += _recipients(inner.trigger, inner, ctx)
            else:
                c.recipients_tok += _noun_participants(inner.trigger, ctx)[1]
        if c.entry.key.endswith("_against+travel"):  # the country travel to is warned against
            c.recipients_tok += [
                q
                for p in trig.children
                if p.dep_ == "prep" and p.lower_ == "against"
                for t in p.subtree
                if t.dep_ == "prep" and t.lower_ == "to"
                for q in t.children
                if q.dep_ == "pobj"
            ]
        if c.entry.key.startswith("face+") and c.obj is not None:
            # "Obama faces pressure from Congress to help Iran": Congress asks Obama
            c.recipients_tok = c.actors_tok
            c.actors_tok = [
                q
                for p in (*c.obj.children, *trig.children)
                if p.dep_ == "prep" and p.lower_ == "from"
                for q in p.children
                if q.dep_ == "pobj"
            ]
        if c.obj is not None and c.entry.type in ("CONSULT", "PROTEST", "ASSAULT", "COOPERATE"):
            a, r = _noun_participants(c.obj, ctx)
            c.actors_tok += [x for x in a if x not in c.actors_tok]
            c.recipients_tok += r
    actors: list[str] = []
    for t in c.actors_tok:
        for a in _np_actor_ids(t, ctx):
            if a not in actors:
                actors.append(a)
    recipients: list[str] = []
    for t in c.recipients_tok:
        for a in _np_actor_ids(t, ctx):
            if a not in recipients and a not in actors:
                recipients.append(a)

    # mode refinements
    entry = c.entry
    mode, cameo = entry.mode, entry.cameo
    if entry.cameo == "1712" and not c.noun:
        # "warplanes destroyed the depot", "a missile destroyed the warship", "the airliner was
        # blown up by a missile": destruction by a weapon named as its agent is an attack
        heads = list(_subject(trig)) + [
            q
            for p in trig.children
            if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "with", "in")
            for q in p.children
            if q.dep_ == "pobj"
        ]
        inst = heads + [t for h in heads for t in h.subtree]  # the head noun first: "surface-to-air missile"
        m = next(
            (
                lx.ASSAULT_MODE_CUES[_lemma(t)]
                for t in inst
                if lx.ASSAULT_MODE_CUES.get(_lemma(t)) in ("aerial", "drone", "heavy-weapons", "explosives")
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
                    m = lx.ASSAULT_MODE_CUES.get(_lemma(q)) if q.dep_ == "pobj" else None
                    if m and m != "suicide-attack":
                        mode, cameo = m, lx.ASSAULT_MODE_CAMEO.get(m, cameo)
    if entry.type == "ASSAULT" and mode is None:
        span = list(trig.subtree) if not c.noun else list(trig.subtree) + [trig.head]
        span += [t for a in c.actors_tok for t in a.subtree]
        for t in span:
            m = lx.ASSAULT_MODE_CUES.get(_lemma(t))
            if m:
                mode = m
                if cameo in ("190", "180"):
                    cameo = lx.ASSAULT_MODE_CAMEO.get(m, cameo)
                if m == "suicide-attack":
                    break
    if entry.type == "CONSULT" and mode is None and any(_lemma(t) in ("telephone", "phone") for t in trig.subtree):
        mode, cameo = "phone", "041"  # "spoke by telephone with Putin"
    if entry.type == "CONSULT" and mode is None:
        if len(actors) + len(recipients) > 2 or any(
            _lemma(t) in ("multilateral", "six-party", "conference", "forum") for t in trig.subtree
        ):
            mode = "multilateral"

    # time
    others = [x.trigger for x in cands if x is not c]
    own = _own_times(trig, others, ctx)
    if c.obj is not None and not own:
        own = _own_times(c.obj, others, ctx)
    pre_mod = modality(c, None, False, ctx)
    date_value, date_text = None, None
    for k in own:
        v, txt = _time_value(k, ctx, _tense(trig, pre_mod))
        if v:
            date_value, date_text = v, txt
            break
    if date_value is None:
        date_value, date_text = _inherited_time(trig, cands, c, ctx, pre_mod)
    from_text = date_value is not None
    mod = modality(c, date_value, from_text, ctx)
    if from_text:
        date_source = "text"
    elif mod in ("future", "historical", "hypothetical"):
        date_source = "none"
    elif ctx.published:
        date_value, date_source = ctx.published.isoformat(), "published"
    else:
        date_source = "none"

    place = _place_for(c, ctx, cands)
    if place is None:
        # "arrested during the protests in Moscow": where the event it happened during happened
        for p in trig.children:
            if p.dep_ == "prep" and p.lower_ in ("during", "amid", "at"):
                for other in cands:
                    if other is not c and other.trigger.head.i == p.i:
                        place = _place_for(other, ctx, cands)
                        break

    if (
        mod == "negated"
        and not c.noun
        and (
            entry.type in lx.NEGATED_TO_REJECT
            or (entry.type in lx.COOPERATIVE and _aux_lows(trig, c) & {"will", "would", "wo", "shall"})
        )
    ):
        # "will not accept", "would not provide support": a refusal
        entry = Entry("REJECT", None, _reject_cameo(entry.type), "not+" + entry.key)
        mode, cameo, mod = None, entry.cameo, "asserted"
    if (
        entry.key.endswith("+EXERCISE")
        and len(actors) < 2
        and not recipients
        and not any(_lemma(t) in ("joint", "with", "together") for t in trig.subtree)
        and not _several_nations(c.actors_tok)
    ):
        # exercises by one side alone are a show of force
        entry = Entry("MOBILIZE", "troops", "150", entry.key)
        mode, cameo = entry.mode, entry.cameo
    if mod == "future" and cameo and c.modality_from is not None and _lemma(c.modality_from) in lx.INTENT_GOVERNORS:
        # CAMEO has no future tense: an expressed intention ("seeks to", "is ready to", "wants
        # to") is its 03 (intent to cooperate) or 13 (threat); a plain "will meet" stays 04
        cameo = lx.INTENT_CAMEO.get(entry.type, cameo)
    elif mod == "future" and cameo and not c.noun and _own_reported_intent(trig):
        # "Israel announced it would free 150 prisoners": a speaker announcing its own future act
        # expresses an intention (CAMEO 03x / 13x); "X will meet Y" stays a scheduled 04x
        cameo = lx.INTENT_CAMEO.get(entry.type, cameo)

    start, end, stripped = _evidence(sent, ctx, trig.idx)
    conf = (
        0.45
        + (0.2 if not c.noun else 0.1)
        + (0.15 if actors else 0)
        + (0.05 if recipients else 0)
        + (0.05 if from_text else 0)
        - (0.1 if mod == "hypothetical" else 0)
    )
    return {
        "type": entry.type,
        "mode": mode,
        "actors": actors,
        "recipients": recipients,
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
        "_depth": _depth(trig),
        "_i": trig.i,
        "_tok": trig,
        "_date_text": date_text,
    }


def _several_nations(subjects) -> bool:
    """ "French and Egyptian warships": a subject naming two or more nations (a joint act)."""
    names = {t.lower_ for s in subjects for t in s.subtree if t.ent_type_ in ("NORP", "GPE")}
    return len(names) >= 2


def _evidence(sent, ctx: Context, at: int) -> tuple[int, int, str]:
    """The sentence, without the whitespace and stray closing quote spaCy may glue to it, and
    without a heading or paragraph it ran into (the paragraph holding the trigger at ``at``)."""
    start, end = sent.start_char, sent.end_char
    text = ctx.text[start:end]
    seg_start = 0
    for m in re.finditer(r"\n\s*\n", text):
        if start + m.start() >= at:
            text = text[: m.start()]
            break
        seg_start = m.end()
    return _evidence_trim(start + seg_start, text[seg_start:], at)


def _evidence_trim(start: int, text: str, at: int) -> tuple[int, int, str]:
    m = re.match(r'^(?:["\u201d\u2019\']?\s+)+', text)
    if m and m.end() < len(text):
        start += m.end()
        text = text[m.end() :]
    stripped = text.rstrip()
    return start, start + len(stripped), stripped


def _aux_lows(trig, c: Candidate) -> set[str]:
    scope = [trig] + ([c.modality_from] if c.modality_from is not None else [])
    return {w.lower_ for t in scope for w in _aux_words(t)}


def _reject_cameo(etype: str) -> str:
    return {
        "AID": "122",
        "COOPERATE": "121",
        "CONSULT": "125",
        "RETREAT": "124",
        "CONCEDE": "124",
        "SUPPORT": "121",
    }.get(etype, "120")


def _inherited_time(trig, cands, c, ctx, pre_mod):
    """No time in the clause: the one the clause hangs from ("in 2011, when he was hosted")."""
    t = trig
    hops = 0
    trig_ids = {x.trigger.i for x in cands}
    while t.head.i != t.i and hops < 4:
        if t.dep_ not in ("relcl", "advcl", "xcomp", "conj", "acl", "pcomp", "pobj", "prep"):
            break
        t = t.head
        hops += 1
        k = ctx.time_tok.get(t.i)
        if k is not None:
            v, txt = _time_value(k, ctx, _tense(trig, pre_mod))
            if v:
                return v, txt
        if t.i in trig_ids:
            # "arrested during the protests on Saturday": the governing event's own time
            others = [x.trigger for x in cands if x.trigger.i != t.i]
            for k in _own_times(t, others, ctx):
                v, txt = _time_value(k, ctx, _tense(t, pre_mod))
                if v:
                    return v, txt
            break
        if _lemma(t) in lx.REPORTING:
            break
    return None, None


def _merge(events: list[dict]) -> list[dict]:
    """Events of one type whose triggers depend on each other are one event."""
    out: list[dict] = []
    for e in sorted(events, key=lambda e: e["_depth"]):
        host = None
        for o in out:
            if o["type"] != e["type"]:
                continue
            a, b = o["_tok"], e["_tok"]
            if (
                a.is_ancestor(b)
                and _distance(a, b) <= 3
                and all(
                    t.dep_ in ("xcomp", "advcl", "relcl", "conj", "prep", "pobj", "acl", "ccomp", "dobj", "npadvmod")
                    for t in _path(b, a)
                )
            ):
                host = o
                break
        if host is None:
            out.append(e)
            continue
        for a in e["actors"]:
            if a not in host["actors"] and a not in host["recipients"]:
                host["recipients"].append(a)
        for a in e["recipients"]:
            if a not in host["actors"] and a not in host["recipients"]:
                host["recipients"].append(a)
        if host["place"] is None and e["place"] is not None:
            host["place"] = e["place"]
        if host["date_source"] != "text" and e["date_source"] == "text":
            host["date"], host["date_source"], host["modality"] = e["date"], "text", e["modality"]
        if host["mode"] is None and e["mode"]:
            host["mode"] = e["mode"]
        host["confidence"] = round(min(0.95, host["confidence"] + 0.05), 2)
    return out


def _path(b, a) -> list:
    out = []
    t = b
    while t.i != a.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


def event_id(article_id: str, ev: dict, n: int) -> str:
    h = hashlib.sha1(f"{article_id}|{ev['trigger']['start']}|{ev['type']}|{n}".encode()).hexdigest()[:12]
    return f"ev-{h}"


def code_doc(article, doc) -> list[dict]:
    doc.user_data["_dateline_depth"] = {}
    try:
        ctx = Context(article, doc)
        out = []
        for sent in doc.sents:
            out.extend(code_sentence(sent, ctx))
    finally:
        doc.user_data.pop("_dateline_depth", None)
    return out
