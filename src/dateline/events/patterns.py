"""The matcher of the verb patterns and sense checks in ``data/events/patterns.toml``.

Public interface: ``match_patterns(tok, lemma, objs, ctx, phase)`` -> ``(Entry, keyed token) |
None`` for the patterns of one phase, and ``sense_ok(tok, lemma, entry, objs, ctx)`` for the
sense checks of a verb of the lexicon. Each condition a pattern may name is one function of
``CONDITIONS``; the data file lists them with their meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import lexicon as lx
from . import parse
from .lexicon import Entry
from .nonevents import quoted_order
from .parse import Context
from .roles import subject_of


class _State:
    """What a pattern looks at: the verb, its lemma, its objects, and the tokens it captured."""

    def __init__(self, tok: Any, lemma: str, objs: list, ctx: Context, entry: Entry | None = None) -> None:
        self.tok, self.lemma, self.objs, self.ctx, self.entry = tok, lemma, objs, ctx, entry
        self.captured: dict[str, Any] = {}


def _words(spec: dict, key: str = "lemmas") -> set[str] | None:
    if "set" in spec:
        return set(lx.WORDS[spec["set"]])
    if key in spec:
        return set(spec[key])
    return None


def _token_test(spec: dict) -> Callable[[Any], bool] | None:
    """A test on one token from ``lemmas`` / ``set`` / ``class`` / ``pos`` / ``tag``; None if none."""
    lemmas, classes, pos, tags = _words(spec), spec.get("class"), spec.get("pos"), spec.get("tag")
    if lemmas is None and classes is None and pos is None and tags is None:
        return None

    def test(t: Any) -> bool:
        return (
            (lemmas is not None and parse.lemma_of(t) in lemmas)
            or (classes is not None and parse.noun_class(t) in classes)
            or (pos is not None and t.pos_ in pos)
            or (tags is not None and t.tag_ in tags)
        )

    return test


def _prep_children(s: _State, spec: dict) -> list:
    deps = set(spec.get("deps", ["prep"]))
    words = spec.get("words")
    return [c for c in s.tok.children if c.dep_ in deps and (words is None or c.lower_ in words)]


def _prep(s: _State, spec: dict) -> bool:
    test = _token_test(spec)
    for c in _prep_children(s, spec):
        if test is None:
            return True
        child = spec.get("child", "pobj")
        toks = (
            list(c.subtree)
            if child == "subtree"
            else list(c.children)
            if child == "any"
            else _pobj_of(c)
            if child == "pobj_of"
            else [q for q in c.children if q.dep_ == "pobj"]
        )
        for q in toks:
            if test(q):
                s.captured["prep"] = q
                return True
    return False


def _pobj_of(prep: Any) -> list:
    """A preposition's object and what that object is of: "on the final text of the pact"."""
    out = [q for q in prep.children if q.dep_ == "pobj"]
    for q in list(out):
        out += [r for p in q.children if p.dep_ == "prep" and p.lower_ == "of" for r in p.children if r.dep_ == "pobj"]
    return out


def _object_test(s: _State, spec: dict) -> Callable[[Any], bool]:
    base = _token_test(spec)
    ents = set(spec.get("ent", []))

    def test(o: Any) -> bool:
        if spec.get("to_clause") and not _to_clause(o):
            return False
        return (
            bool(spec.get("any"))
            or (bool(spec.get("mass")) and _mass_of_people(o))
            or (bool(spec.get("person")) and _person(o, s.ctx))
            or (bool(spec.get("pron")) and o.pos_ == "PRON")
            or (o.ent_type_ in ents)
            or (base is not None and base(o))
        )

    return test


def _to_clause(o: Any) -> bool:
    """Whether a noun has an infinitival clause of its own: "an agreement to reopen the border"
    (what is agreed is an act to come, not the text concluded)."""
    return any(c.dep_ in ("acl", "relcl") and parse.infinitive(c) for c in o.children)


def _person(o: Any, ctx: Context) -> bool:
    """A person or people, also counted or named by nationality: "dozens of political
    activists", "three Russians and one Ukrainian" (the released are people)."""
    return any(
        parse.is_person_like(h, ctx) or h.ent_type_ == "NORP" or _titled(h) or _held_captive(h)
        for h in parse.content_objects(parse.conjuncts(o))
    )


def _titled(h: Any) -> bool:
    """A name after a title the tagger missed: "Sergeant Pablo Moncayo"."""
    return h.pos_ == "PROPN" and any(
        t.dep_ == "compound" and parse.lemma_of(t) in parse.PERSON_NOUNS for t in h.subtree if t.i < h.i
    )


def _held_captive(h: Any) -> bool:
    """ "two guards held captive", "the sailors held hostage": whoever is held is a person."""
    return any(
        c.dep_ == "acl"
        and parse.lemma_of(c) == "hold"
        and any(parse.lemma_of(d) in lx.WORDS["captive_words"] for d in c.children)
        for c in h.children
    )


def _objects(s: _State, spec: dict) -> bool:
    test = _object_test(s, spec)
    for o in s.objs:
        if test(o):
            s.captured["object"] = o
            return True
    return False


def _dobj(s: _State, spec: dict) -> bool:
    test = _object_test(s, spec)
    return any(test(o) for o in parse.dep_children(s.tok, {"dobj", "obj"}))


def _dobj_not(s: _State, spec: dict) -> bool:
    return not _dobj(s, spec)


NO_HOST = {None, *lx.WORDS["no_host_sectors"]}


def _plain_thing(o: Any, ctx: Context) -> bool:
    """A common noun that names no political actor, no named place and no person: "a primary
    school", "the estate's entertainment area", "a chocolate factory" (not "Dhaka", "the
    Kremlin", "the ministry", "the troops", "the Kaesong industrial estate"). An organisation of a
    `no_host_sectors` sector (a school, a hospital, a firm) or of none is a thing here."""
    if o.pos_ != "NOUN" or o.ent_type_ or _person(o, ctx):
        return False
    aid = ctx.tok_actor.get(o.i)
    if aid is not None and (ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) not in NO_HOST):
        return False  # "visited the ministry", "the troops", "the refugee camp": a host
    return not any(
        t.pos_ == "PROPN" or t.ent_type_ or ctx.tok_actor.get(t.i, aid) != aid
        for t in o.subtree
        if t.dep_ in ("compound", "poss", "amod", "nmod") or t.head.i == o.i and t.dep_ == "prep"
    )


def _dobj_plain(s: _State, want: bool) -> bool:
    """Every direct object is a plain thing (``_plain_thing``): a visit there has no host."""
    objs = parse.dep_children(s.tok, {"dobj", "obj"})
    return (bool(objs) and all(_plain_thing(o, s.ctx) for o in objs)) == want


def _subject(s: _State, spec: dict) -> bool:
    lemmas, kinds, sectors = _words(spec), set(spec.get("kinds", [])), set(spec.get("sectors", []))
    # through a quantity or a part: "dozens of peacekeepers began deploying"
    for t in parse.content_objects(subject_of(s.tok)):
        if lemmas is not None and parse.lemma_of(t) in lemmas:
            return True
        # a compound as a list writes it: "air~strike" for "air strikes"
        if lemmas is not None and any("~" in k and k in lemmas for k in parse.noun_keys(t)):
            return True
        aid = s.ctx.tok_actor.get(t.i, "")
        if kinds and s.ctx.actor_kind.get(aid, None) in kinds:
            return True
        if sectors and s.ctx.actor_sector.get(aid, None) in sectors:
            return True
    return False


def _naming(s: _State, name: str) -> bool:
    """ "described the attack as a cowardly act", "called the report a pack of lies"."""
    words: set[str] = set()
    for c in s.tok.children:
        if c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            words |= {parse.lemma_of(t) for t in c.subtree}
        if c.dep_ in ("dobj",):  # the parser may hang the naming words on the object
            for d in c.children:
                if d.dep_ in ("appos", "attr", "oprd", "npadvmod", "dobj"):
                    words |= {parse.lemma_of(t) for t in d.subtree}
    return bool(words & lx.WORDS[name])


def _complement(s: _State, spec: dict) -> bool:
    deps, lemmas = set(spec["deps"]), _words(spec) or set()
    objects = lx.WORDS[spec["objects_set"]] if "objects_set" in spec else None
    return any(
        _word_in(t, lemmas, s.ctx) and (objects is None or _objects_in(t, objects))
        for c in s.tok.children
        if c.dep_ in deps
        for t in c.subtree
    )


def _objects_in(t: Any, words: frozenset[str] | set[str]) -> bool:
    """What the noun ``t`` is of, to or for, when it says, holds a word of ``words`` or names an
    organisation: "the largest donor of humanitarian assistance", "a contributor to the Palestinian
    budget", "the biggest donor to UNRWA" (not: "the biggest contributor to the conflict")."""
    objs = [q for p in t.children if p.dep_ == "prep" and p.lower_ in ("of", "to", "for") for q in p.children]
    return not objs or any(parse.lemma_of(x) in words or x.ent_type_ == "ORG" for o in objs for x in o.subtree)


def _word_in(t: Any, lemmas: set[str], ctx: Any = None) -> bool:
    """The token's lemma is in ``lemmas``, or "lemma~of" is and "of" follows it as its preposition
    with a party that may act as its object ("critical~of": "a report highly critical of the
    government", not "a critical update" nor "a report critical of the market")."""
    lemma = parse.lemma_of(t)
    if lemma in lemmas:
        return True
    if f"{lemma}~of" not in lemmas:
        return False
    objs = [q for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children if q.dep_ == "pobj"]
    return bool(objs) and (ctx is None or any(_party(q, ctx) for q in objs))


def _party(tok: Any, ctx: Any) -> bool:
    """``tok`` names someone who may act: an actor, a name, a person or an agent noun
    (``parse.may_act``), not an act or a thing standing for its doer ("the market", "prices")."""
    return any(
        w.i in ctx.tok_actor
        or w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or parse.is_person_like(w, ctx)
        or parse.lemma_of(w) in lx.AGENTIVE_NOUNS
        for w in parse.content_objects(parse.conjuncts(tok))
    )


def _xcomp(s: _State, spec: dict) -> bool:
    lemmas = _words(spec) or set()
    for comp in parse.dep_children(s.tok, {"xcomp"}):
        what = parse.verb_lemma(comp)
        if what in lemmas:
            s.captured["what"] = what
            return True
    return False


def _wants_to(s: _State, _arg: Any) -> bool:
    comps = parse.dep_children(s.tok, {"xcomp", "ccomp"})
    return bool(parse.dep_children(s.tok, {"dobj", "obj"}) and comps) or any(
        parse.dep_children(cc, {"nsubj"}) and parse.infinitive(cc) for cc in comps
    )


def _wanted_agent(s: _State, want: bool) -> bool:
    """ "wants Putin to attack", "expects Iran to comply": the one wanted to act may act (a name,
    a pronoun, an actor, a person, an agentive noun: ``parse.may_act``) and the wanted clause is
    an act, not what a thing will come to (words.toml ``outcome_verbs``: "analysts expect the
    number of cars to grow", "expect his shadow to generate arguments" ask no one anything)."""
    comps = parse.dep_children(s.tok, {"xcomp", "ccomp"})
    wanted = parse.dep_children(s.tok, {"dobj", "obj"}) + [
        x for cc in comps for x in parse.dep_children(cc, {"nsubj", "nsubjpass"})
    ]
    wanted = [w for x in wanted for w in parse.content_objects(parse.conjuncts(x))]
    agent = any(parse.may_act(w, s.ctx) for w in wanted)
    outcome = bool(comps) and all(parse.verb_lemma(cc) in lx.WORDS["outcome_verbs"] for cc in comps)
    return (agent and not outcome) == want


def _obj_to(s: _State, _arg: Any) -> bool:
    """ "Washington pushed Kyiv to open an investigation", "pushed the European Commission to
    propose sanctions" (the parser may hang the clause as an adverbial one): a direct object that
    may act (``parse.may_act``) and an infinitival clause with no subject of its own, an act (no
    ``outcome_verbs``): the object is pressed to do it."""
    if not any(
        parse.may_act(w, s.ctx)
        for x in parse.dep_children(s.tok, {"dobj", "obj"})
        for w in parse.content_objects(parse.conjuncts(x))
    ):
        return False
    return any(
        parse.infinitive(cc)
        and not parse.dep_children(cc, {"nsubj", "nsubjpass"})
        and parse.verb_lemma(cc) not in lx.WORDS["outcome_verbs"]
        for cc in parse.dep_children(s.tok, {"xcomp", "ccomp", "advcl"})
    )


def _for_to(s: _State, _arg: Any) -> bool:
    """ "is pushing for the government to propose a ceasefire": a clause opened by "for" with its
    own subject, a party that may act (not "pressing for wages to rise"), and "to", someone
    else's act the verb wants done."""
    return any(
        any(m.lower_ == "for" for m in parse.dep_children(cc, {"mark"}))
        and any(_party(x, s.ctx) for x in parse.dep_children(cc, {"nsubj"}))
        and parse.infinitive(cc)
        for cc in parse.dep_children(s.tok, {"advcl", "ccomp"})
    )


def _advcl_to(s: _State, _arg: Any) -> bool:
    return any(parse.infinitive(c) for c in parse.dep_children(s.tok, {"advcl"}))


def _quoted_order(s: _State, want: bool) -> bool:
    """'"Leave now," the commander told residents': the verb's clause (or the clause it hangs
    on) is a quoted imperative."""
    t = s.tok
    found = any(quoted_order(x) for x in parse.dep_children(t, {"ccomp", "parataxis", "advcl"})) or (
        t.dep_ in ("ccomp", "parataxis") and t.head.i != t.i and quoted_order(t.head)
    )
    return found == want


def _press_addressee(s: _State, want: bool) -> bool:
    """'"...," Carson told ABC's George Stephanopoulos', 'told Fox News': an object that is the
    press (words.toml ``press_audience``, an actor of the media sectors, or a name of the press
    or a person it owns)."""
    found = False
    for o in parse.dep_children(s.tok, {"dobj", "obj", "dative"}):
        words = [x for x in o.subtree if x.dep_ in ("compound", "poss", "nmod") or x.i == o.i]
        if any(
            parse.lemma_of(x) in lx.WORDS["press_audience"] or x.lower_ in lx.WORDS["press_audience"] for x in words
        ):
            found = True
        if any(s.ctx.actor_sector.get(s.ctx.tok_actor.get(x.i, ""), None) in ("MED", "JRN") for x in words):
            found = True
    return found == want


def _any(s: _State, specs: list) -> bool:
    return any(_holds(s, spec) for spec in specs)


def _not(s: _State, spec: dict) -> bool:
    return not _holds(s, spec)


CONDITIONS: dict[str, Callable[[_State, Any], bool]] = {
    "particle": lambda s, words: parse.particle_of(s.tok) in words,
    "prep": _prep,
    "not_prep": lambda s, spec: not _prep_children(s, spec),
    "passive": lambda s, want: parse.is_passive(s.tok) == want,
    "objects": _objects,
    "no_objects": lambda s, want: (not s.objs) == want,
    "dobj": _dobj,
    "dobj_not": _dobj_not,
    "has_dobj": lambda s, want: bool(parse.dep_children(s.tok, {"dobj", "obj"})) == want,
    "dobj_plain": _dobj_plain,
    "subject": _subject,
    "naming": _naming,
    "complement": _complement,
    "xcomp": _xcomp,
    "children": lambda s, deps: bool(parse.dep_children(s.tok, set(deps))),
    "no_particle": lambda s, want: (parse.particle_of(s.tok) is None) == want,
    "advcl_to": _advcl_to,
    "for_to": _for_to,
    "obj_to": _obj_to,
    "quoted_order": _quoted_order,
    "press_addressee": _press_addressee,
    "wants_to": _wants_to,
    "wanted_agent": _wanted_agent,
    "lemma_in": lambda s, lemmas: s.lemma in lemmas,
    "entry_type_not": lambda s, types: s.entry is not None and s.entry.type not in types,
    "any": _any,
    "not": _not,
}
_NOT_CONDITIONS = {"phase", "example", "lemmas", "code", "key", "keyed", "noun_in_prep"}


def _holds(s: _State, spec: dict) -> bool:
    for name, arg in spec.items():
        if name in _NOT_CONDITIONS:
            continue
        if not CONDITIONS[name](s, arg):
            return False
    return True


def _noun_in_prep(s: _State, prep: str) -> tuple[Entry, Any] | None:
    """ "engaged in a firefight", "took part in the talks", "went on strike": the noun's event."""
    for c in s.tok.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in ("which", "whom") and s.tok.dep_ == "relcl":
                    p = s.tok.head  # "the torture to which he was subjected": the antecedent
                if p.dep_ == "pobj" or p.i == s.tok.head.i:
                    keys = parse.noun_keys(p)
                    if parse.lemma_of(p) in lx.CARRIER_NOUNS:  # "went on a looting spree": the modifier's
                        keys += [k for m in p.children if m.dep_ in ("compound", "amod") for k in parse.noun_keys(m)]
                    for key in keys:
                        e = lx.NOUN_EVENTS.get(key)
                        if e:
                            return e, p
                    if parse.noun_class(p) == "PROTEST":
                        name = "protest_strike" if parse.lemma_of(p) == "strike" else "protest"
                        return lx.entry(name, f"{s.lemma}_on+PROTEST"), p
    return None


_BY_LEMMA: dict[tuple[str, str], list[dict[str, Any]]] = {}
for _p in lx.PATTERNS:  # (phase, lemma) -> its patterns, in the file's order
    for _lemma in _p["lemmas"]:
        _found = _BY_LEMMA.setdefault((_p["phase"], _lemma), [])
        if not _found or _found[-1] is not _p:
            _found.append(_p)


def match_patterns(tok: Any, lemma: str, objs: list, ctx: Context, phase: str) -> tuple[Entry, Any] | None:
    """The first pattern of ``phase`` that holds for the verb ``tok``: its entry and keyed token."""
    for p in _BY_LEMMA.get((phase, lemma), ()):
        s = _State(tok, lemma, objs, ctx)
        if not _holds(s, p):
            continue
        if "noun_in_prep" in p:
            found = _noun_in_prep(s, p["noun_in_prep"])
            if found:
                return found
            continue
        key = p["key"].format(lemma=lemma, what=s.captured.get("what", ""))
        return lx.parse_code(p["code"], key), s.captured.get(p.get("keyed", ""))
    return None


def sense_ok(tok: Any, lemma: str, entry: Entry, objs: list, ctx: Context) -> bool:
    """Whether a verb of the lexicon is used in its event sense (``[[sense]]`` tables)."""
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and lemma in ("help",)):
        return False
    for sense in lx.SENSES.get(lemma, []):
        s = _State(tok, lemma, objs, ctx, entry)
        if "reject_if" in sense and _holds(s, sense["reject_if"]):
            return False
        if "accept_if" in sense:
            return _holds(s, sense["accept_if"])
    return True


def _mass_of_people(o: Any) -> bool:
    """Hundreds or thousands of people, or a population ("the villagers")."""
    heads = parse.content_objects([o])
    population = lx.WORDS["population"]
    if not any(
        parse.lemma_of(h) in population or parse.lemma_of(h) in parse.PERSON_NOUNS or h.ent_type_ == "NORP"
        for h in heads
    ):
        return False
    for h in [o] + heads:
        for t in h.subtree:
            if t.lower_ in lx.WORDS["mass_quantities"] or parse.lemma_of(t) in lx.WORDS["mass_quantities"]:
                return True
            if t.like_num and t.dep_ in ("nummod", "quantmod", "pobj", "dobj"):
                try:
                    if float(t.text.replace(",", "")) >= 100:
                        return True
                except ValueError:
                    pass
    # "the villagers", "the population": a whole community
    return any(
        parse.lemma_of(h) in lx.WORDS["community_nouns"] and not any(c.like_num for c in h.children) for h in heads
    )
