"""The learned sense gate: is a candidate's reading a political or social act, or an everyday one?

An event verb has everyday senses that word lists cannot enumerate: "the oxygen bar charges Rs
299" (a price, no charge), "a rover is investigating the crater" (science, no inquiry),
"individuals that meet proteins" (no meeting), "ambient lighting offers a calm mood", "the app
supports dark mode". What tells the readings apart is who does the act and to what: a
government charging a man is an event, a shop charging a fee is commerce. This gate is a small
logistic regression over

* the trigger's lemma, its doer's phrase and its object's phrase, as static 256-d wordllama
  embeddings (the event model's embedder, read offline from its wheel);
* the kind of the doer and of the object: an actor of the analysis (country, organisation,
  person, group; a sector other than civilians), a named entity's label, a pronoun, one of
  WordNet's persons and social groups (``agentive_nouns.txt``), an act (``act_nouns.txt``), an
  animal, a name, a plain common noun; and whether there is one at all;
* the rule's PLOVER type, the trigger's part of speech and clause relation and its voice.

It is trained by ``make train`` (``scripts/train_senses.py``) on the project's own sentences:
``training/events/sentences.jsonl`` (events and decoys) and ``training/events/senses/*.txt``
(everyday, commercial, technical, scientific and sporting readings beside political ones of the
same verbs), plus the PLOVER gold records' development half (CC BY-SA). Its weights ship in
``data/events/sense.npz`` with ``sense.json`` (labels, threshold, training summary); the model
card is docs/event-model.md. Without the files (or with DATELINE_SENSE_GATE=0) every candidate
passes.

Public interface: ``everyday(c, ctx) -> bool``: the gate's verdict on a rule's candidate (True:
an everyday reading, no event); ``load()``; ``features(c, ctx, embedder)``.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..embed import DIM, Embedder
from ..nlp import sent_of
from . import lexicon as lx
from .parse import Candidate, Context, content_objects, is_passive, is_person_like, lemma_of, particle_of, verb_lemma
from .roles import objects_of, subject_of
from .shipped import Shipped

TYPES = list(lx.PLOVER_TYPES)
#: the kinds a participant may be (one-hot, several may hold)
KINDS = (
    "none",
    "pronoun",
    "country",
    "organization",
    "person",
    "group",
    "sector",  # an actor with a sector other than civilians
    "ent_person",
    "ent_org",
    "ent_place",
    "ent_norp",
    "ent_thing",  # PRODUCT, WORK_OF_ART, FAC, EVENT, LAW, LANGUAGE
    "ent_number",  # MONEY, CARDINAL, PERCENT, QUANTITY, DATE, TIME
    "agentive",  # WordNet persons and social groups
    "act",  # WordNet acts ("the deployment")
    "animal",
    "name",  # a capitalised word the tagger did not take for an entity
    "common",  # a common noun that is none of the above
)
DEPS = ("ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "amod", "OTHER")
FLAGS = ("noun", "passive", "gerund", "participle", "has_object", "has_doer")
SLOTS = ("trigger", "doer", "object")
N_CAT = len(TYPES) + 2 * len(KINDS) + len(DEPS) + len(FLAGS)
N_FEATURES = DIM * len(SLOTS) + N_CAT
ENT_KINDS = {
    "PERSON": "ent_person",
    "ORG": "ent_org",
    "GPE": "ent_place",
    "LOC": "ent_place",
    "NORP": "ent_norp",
    "PRODUCT": "ent_thing",
    "WORK_OF_ART": "ent_thing",
    "FAC": "ent_thing",
    "EVENT": "ent_thing",
    "LAW": "ent_thing",
    "LANGUAGE": "ent_thing",
    "MONEY": "ent_number",
    "CARDINAL": "ent_number",
    "PERCENT": "ent_number",
    "QUANTITY": "ent_number",
    "DATE": "ent_number",
    "TIME": "ent_number",
    "ORDINAL": "ent_number",
}


def _phrase(tok: Any) -> str:
    mods = [lemma_of(c) for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    return " ".join([*mods, lemma_of(tok)])


def participants(c: Candidate) -> tuple[Any | None, Any | None]:
    """The doer and the object (or patient) tokens of a candidate, either may be None."""
    tok = c.trigger
    if c.noun:
        doer = next((x for x in tok.children if x.dep_ in ("poss", "compound") and x.i < tok.i), None)
        obj = None
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "on", "against", "with", "for"):
                obj = next((q for q in p.children if q.dep_ == "pobj"), None)
                if obj is not None:
                    break
        return doer, obj
    doers = list(c.actors_tok or subject_of(tok))
    doer = doers[0] if doers else None
    objs = content_objects(list(c.recipients_tok or objects_of(tok)))
    objs = [o for o in objs if o.pos_ in ("NOUN", "PROPN", "PRON", "NUM")] or objs
    obj = objs[0] if objs else None
    if obj is None:
        for p in tok.children:
            if p.dep_ in ("prep", "dative") and p.lower_ in ("with", "to", "on", "against", "into", "at", "for"):
                obj = next((q for q in p.children if q.dep_ == "pobj"), None)
                if obj is not None:
                    break
    return doer, obj


def kinds(tok: Any | None, ctx: Context) -> set[str]:
    """The kinds of a participant token (``KINDS``)."""
    if tok is None:
        return {"none"}
    out: set[str] = set()
    if tok.pos_ == "PRON":
        out.add("pronoun")
    group = [tok, *(x for x in tok.children if x.dep_ in ("compound", "appos"))]
    for t in group:
        aid = ctx.tok_actor.get(t.i)
        if aid is not None:
            kind = ctx.actor_kind.get(aid)
            if kind in ("country", "organization", "person", "group"):
                out.add(kind)
            if ctx.actor_sector.get(aid) not in (None, "CVL"):
                out.add("sector")
        if t.ent_type_ in ENT_KINDS:
            out.add(ENT_KINDS[t.ent_type_])
    lemma = lemma_of(tok)
    if tok.pos_ == "NOUN" and (lemma in lx.AGENTIVE_NOUNS or is_person_like(tok, ctx)):
        out.add("agentive")
    if tok.pos_ == "NOUN" and lemma in lx.ACT_NOUNS:
        out.add("act")
    if tok.pos_ == "NOUN" and lemma in lx.ANIMAL_NOUNS:
        out.add("animal")
    if tok.pos_ == "PROPN" or (tok.i > sent_of(tok).start and tok.text[:1].isupper()):
        out.add("name")
    if not out:
        out.add("common")
    return out


def slot_phrases(c: Candidate, doer: Any | None, obj: Any | None) -> list[str]:
    tok = c.trigger
    if c.noun or tok.pos_ not in ("VERB", "AUX"):
        trigger = lemma_of(tok)
    else:
        prt = particle_of(tok)
        trigger = f"{verb_lemma(tok)} {prt}" if prt else verb_lemma(tok)
    return [trigger, _phrase(doer) if doer is not None else "", _phrase(obj) if obj is not None else ""]


def categorical(c: Candidate, doer: Any | None, obj: Any | None, ctx: Context) -> np.ndarray:
    v = np.zeros(N_CAT, dtype=np.float32)
    k = 0
    if c.entry.type in TYPES:
        v[TYPES.index(c.entry.type)] = 1
    k += len(TYPES)
    for part in (doer, obj):
        for kind in kinds(part, ctx):
            v[k + KINDS.index(kind)] = 1
        k += len(KINDS)
    tok = c.trigger
    dep = tok.dep_ if tok.dep_ in DEPS else {"acl:relcl": "relcl"}.get(tok.dep_, "OTHER")
    v[k + DEPS.index(dep)] = 1
    k += len(DEPS)
    flags = {
        "noun": c.noun,
        "passive": not c.noun and is_passive(tok),
        "gerund": tok.tag_ == "VBG",
        "participle": tok.tag_ == "VBN",
        "has_object": obj is not None,
        "has_doer": doer is not None,
    }
    for name in FLAGS:
        v[k] = 1.0 if flags[name] else 0.0
        k += 1
    return v


def features(cands: list[Candidate], ctx: Context, embedder: Embedder) -> np.ndarray:
    """The feature matrix of some candidates."""
    if not cands:
        return np.zeros((0, N_FEATURES), dtype=np.float32)
    parts = [participants(c) for c in cands]
    phrases = [p for c, (d, o) in zip(cands, parts) for p in slot_phrases(c, d, o)]
    emb = embedder.vectors(phrases).reshape(len(cands), len(SLOTS) * DIM)
    cats = np.stack([categorical(c, d, o, ctx) for c, (d, o) in zip(cands, parts)])
    return np.concatenate([emb, cats], axis=1)


class SenseGate:
    """A logistic regression: P(a political or social event reading)."""

    def __init__(self, weights: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.meta = meta
        self.mean, self.scale = weights["mean"], weights["scale"]
        self.w, self.b = weights["w"], float(weights["b"][0])
        self.threshold = float(meta.get("threshold", 0.5))
        self.threshold_added = float(meta.get("threshold_added", self.threshold))
        self.register_share = float(meta.get("register_share", 0.3))

    def probability(self, X: np.ndarray) -> np.ndarray:
        z = ((X - self.mean) / self.scale) @ self.w + self.b
        return 1.0 / (1.0 + np.exp(-z))


_SHIPPED = Shipped("sense", "DATELINE_SENSE_GATE", SenseGate)


def load(path: str | os.PathLike | None = None) -> SenseGate | None:
    """The shipped gate (cached), or None when its files are absent or DATELINE_SENSE_GATE=0;
    a folder named by DATELINE_SENSE_GATE is read instead (to compare trained settings)."""
    return _SHIPPED.load(path)


#: rules whose candidate is built from the sentence's structure, not a verb's sense (a report
#: that is a demand or an accusation, an order told): the gate does not judge them
_STRUCTURAL = ("reported", "tell>", "ruled_out+", "verbal+", "campaign+")


#: sectors of political actors (data/actors): a country's or such an actor's act is the reading
#: PLOVER codes, whatever its words ("the army command warned", "UN officials work with local
#: partners"); the gate judges the acts of everyone else (firms, products, people, things)
POLITICAL_SECTORS = frozenset("GOV MIL LEG JUD COP IGO NGO REB PTY OPP SPY UAF INS PAR CRM ELI".split())


#: personal pronouns whose antecedent the gate cannot see ("it supports the UN's effort" said of
#: Washington): their acts are left to the rules ("you" is the reader of a review or a guide)
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def political_doer(c: Candidate, ctx: Context) -> bool:
    """Whether the candidate's doer is a country, an actor of a political sector, or a personal
    pronoun (whose antecedent may be either)."""
    doer, _ = participants(c)
    if doer is None:
        return False
    if doer.lower_ in PERSONAL_PRONOUNS:
        return True
    for t in [doer, *(x for x in doer.children if x.dep_ in ("compound", "appos", "conj"))]:
        aid = ctx.tok_actor.get(t.i)
        if aid is not None and (ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in POLITICAL_SECTORS):
            return True
    return False


#: a story shorter than this tells nothing of its register (a sentence, a snippet): the gate
#: leaves it to the rules
REGISTER_MIN_SENTENCES = 8


def political_share(ctx: Context) -> float | None:
    """The share of the story's sentences that name a country or an actor of a political sector
    (None for a story too short to tell: under ``REGISTER_MIN_SENTENCES`` sentences)."""
    key = "sense:political_share"
    if key in ctx.memo:
        return ctx.memo[key]
    from ..analyse.actors import sentence_starts

    starts = sentence_starts(ctx.doc)  # (each token's sentence, read once per doc)
    n_sents = len(set(starts))
    share = None
    if n_sents >= REGISTER_MIN_SENTENCES:
        political = set()
        for i, aid in ctx.tok_actor.items():
            if ctx.actor_kind.get(aid) == "country" or ctx.actor_sector.get(aid) in POLITICAL_SECTORS:
                political.add(starts[i])
        share = len(political) / n_sents
    ctx.memo[key] = share
    return share


def everyday(cands: list[Candidate], ctx: Context) -> set[int]:
    """The trigger indices of the candidates the gate reads as everyday acts (no event).

    The gate reads a page's register first: on a story where at least ``register_share`` of the
    sentences name a country or a political actor (political news), or one too short to tell,
    every candidate stands; on the others (product reviews, features, science, press releases,
    sport, celebrity news) an everyday reading below ``threshold`` is dropped."""
    gate = load()
    if gate is None:
        return set()
    share = political_share(ctx)
    if share is None or share >= gate.register_share:
        return set()
    # verbs only (an event noun is judged by the rules: it needs participants, a time or a place
    # of its own); no ASSAULT (a killing or an attack is violence whoever reads it; its figures of
    # speech are the rules' and the event model's to veto) and no RETREAT (a withdrawal or a
    # release is told of armed and political sides as often as not; nonevents never gates it)
    judged = [
        c
        for c in cands
        if not c.noun
        and c.entry.type not in ("ASSAULT", "RETREAT")
        and not c.entry.key.startswith(_STRUCTURAL)
        and not political_doer(c, ctx)
    ]
    if not judged:
        return set()
    P = gate.probability(features(judged, ctx, Embedder.shared()))
    out = set()
    for c, p in zip(judged, P):
        limit = gate.threshold_added if c.entry.key.startswith("model:") else gate.threshold
        if p < limit:
            out.add(c.trigger.i)
    return out
