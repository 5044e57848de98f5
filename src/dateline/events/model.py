"""The learned event-type model beside the rules: features of a trigger, and the decisions.

The rules (``candidates``) propose events with high precision and explain them; this model,
trained on CPU by ``make train`` (``scripts/train_events.py``) from the project's own labelled
corpus and the PLOVER gold records' development half, scores the verbs and event nouns of a
sentence over the 16 PLOVER types and NONE, and:

* **vetoes** a rule's candidate it is confident is no event (a figure of speech, sports,
  markets: "is battling extradition", "Liverpool beat Chelsea");
* **retypes** a rule's candidate where it is confident of another type and gives the rule's
  type little weight ("imposed sanctions" is COERCE in PLOVER 2021, not SANCTION);
* **adds** an event for a verb no rule knows when it is confident it is one.

Features (``features``): static 256-d wordllama embeddings (shipped in its wheel, read offline)
of the trigger's lemma, its object, its first prepositional phrase, its subject, the clause it
governs, the verb governing it and the sentence's content words; and the rule's proposed type,
part of speech, dependency, voice, negation, modals and tense. Inference is plain numpy: two
softmax layers (type, mode) whose weights ship in ``data/events/model.npz``; ``model.json``
holds the label lists, the thresholds and the training summary. Decisions carry ``model`` in
the record's ``rule``. Without the model files (or with DATELINE_EVENT_MODEL=0) the rules run
alone. See docs/event-model.md (the model card).
"""

from __future__ import annotations

import os
import time
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..embed import DIM, Embedder
from ..nlp import pos_tags
from . import lexicon as lx
from .lexicon import Entry
from .nonevents import armed
from .parse import (
    PERSON_NOUNS,
    Candidate,
    Context,
    content_objects,
    dep_children,
    is_passive,
    lemma_of,
    particle_of,
    verb_lemma,
)
from .patterns import sense_ok
from .roles import objects_of, subject_of
from .shipped import Shipped

SLOTS = ("trigger", "object", "prep", "subject", "complement", "governor", "sentence")
TYPES = ["NONE", *lx.PLOVER_TYPES]
POS = ("VERB", "NOUN", "OTHER")
DEPS = ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "pobj", "nsubj", "dobj", "OTHER")
TAGS = ("VBD", "VBN", "VBG", "VBZ", "VB", "NN")
FLAGS = ("passive", "negated", "future", "hypothetical", "to", "reported", "has_object", "noun_rule")
N_CAT = len(TYPES) + len(POS) + len(DEPS) + len(TAGS) + len(FLAGS)
#: hashed identities: the trigger's lemma, and the lemma with its object's head (a lexicon the
#: model learns; the embeddings carry what it has not seen)
N_HASH = 256
N_FEATURES = DIM * len(SLOTS) + N_CAT + 2 * N_HASH
CONTENT_POS = ("NOUN", "VERB", "ADJ")


# -- features --------------------------------------------------------------------------------------


def _phrase(tok: Any) -> str:
    """A noun phrase's head with its compound and adjectival modifiers, as lemmas."""
    mods = [lemma_of(c) for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    return " ".join([*mods, lemma_of(tok)])


def slot_phrases(tok: Any, sent_content: str) -> list[str]:
    """The seven phrases embedded for a trigger token (empty where the slot is absent)."""
    verb = tok.pos_ in ("VERB", "AUX")
    lemma = verb_lemma(tok) if verb else lemma_of(tok)
    prt = particle_of(tok) if verb else None
    trigger = f"{lemma} {prt}" if prt else lemma
    obj = ""
    if verb:
        objs = content_objects(objects_of(tok))
        objs = [o for o in objs if o.pos_ in ("NOUN", "PROPN", "PRON", "NUM")] or objs
        if objs:
            o = objs[-1] if len(objs) > 1 and objs[0].pos_ == "NUM" else objs[0]
            obj = _phrase(o)
    else:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [q for q in c.children if q.dep_ == "pobj"]
                if pobj:
                    obj = _phrase(pobj[0])
                    break
        if not obj:
            mods = [lemma_of(c) for c in tok.children if c.dep_ in ("compound", "amod")]
            obj = " ".join(mods)
    prep = ""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and not (not verb and c.lower_ == "of"):
            pobj = [q for q in c.children if q.dep_ in ("pobj", "pcomp")]
            if pobj:
                prep = f"{c.lower_} {_phrase(pobj[0])}"
                break
    subject = ""
    subj = subject_of(tok) if verb else [c for c in tok.children if c.dep_ == "poss"]
    if subj:
        subject = _phrase(subj[0])
    complement = ""
    comps = dep_children(tok, {"xcomp", "ccomp"}) if verb else []
    if comps:
        c = comps[0]
        cobj = [o for o in objects_of(c)] if c.pos_ in ("VERB", "AUX") else []
        complement = verb_lemma(c) + (f" {_phrase(cobj[0])}" if cobj else "")
    governor = ""
    if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "dobj", "pobj", "nsubj"):
        h = tok.head if tok.dep_ != "pobj" else tok.head.head
        governor = verb_lemma(h) if h.pos_ in ("VERB", "AUX") else lemma_of(h)
    return [trigger, obj, prep, subject, complement, governor, sent_content]


def sentence_content(sent: Any) -> str:
    return " ".join(lemma_of(t) for t in sent if t.pos_ in CONTENT_POS and t.is_alpha)[:600]


def categorical(tok: Any, rule_type: str | None, noun_rule: bool) -> np.ndarray:
    v = np.zeros(N_CAT, dtype=np.float32)
    k = 0
    v[k + TYPES.index(rule_type or "NONE")] = 1
    k += len(TYPES)
    pos = tok.pos_ if tok.pos_ in ("VERB", "NOUN") else ("VERB" if tok.pos_ == "AUX" else "OTHER")
    v[k + POS.index(pos)] = 1
    k += len(POS)
    dep = tok.dep_ if tok.dep_ in DEPS else {"nsubjpass": "nsubj", "obj": "dobj", "amod": "acl"}.get(tok.dep_, "OTHER")
    v[k + DEPS.index(dep)] = 1
    k += len(DEPS)
    tag = tok.tag_ if tok.tag_ in TAGS else {"VBP": "VBZ", "NNS": "NN", "NNP": "NN", "NNPS": "NN"}.get(tok.tag_)
    if tag:
        v[k + TAGS.index(tag)] = 1
    k += len(TAGS)
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}
    head = tok.head
    flags = {
        "passive": is_passive(tok),
        "negated": any(c.dep_ == "neg" for c in tok.children) or "never" in auxes,
        "future": bool(auxes & {"will", "shall", "'ll", "wo"}),
        "hypothetical": bool(auxes & {"could", "might", "may", "would", "should"}),
        "to": "to" in auxes,
        "reported": tok.dep_ in ("ccomp", "xcomp") and lemma_of(head) in lx.REPORTING,
        "has_object": bool(dep_children(tok, {"dobj", "obj"})),
        "noun_rule": noun_rule,
    }
    for name in FLAGS:
        v[k] = 1.0 if flags[name] else 0.0
        k += 1
    return v


def trigger_key(tok: Any) -> str:
    """A verb as the model's examples record it: its lemma and its particle ("walk out")."""
    prt = particle_of(tok)
    return f"{verb_lemma(tok)} {prt}" if prt else verb_lemma(tok)


def trigger_frame(tok: Any) -> str:
    """The verb's frame: ``obj`` with a direct object ("sought asylum"), ``to`` with a
    to-infinitive and no object ("sought to convey"), ``-`` with neither ("pulled within 4
    points", "walked out")."""
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return "obj"
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children):
        return "to"
    return "-"


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % N_HASH


def hashed(phrases: list[str]) -> np.ndarray:
    """One-hot buckets of the trigger and of the trigger with its object's head noun."""
    v = np.zeros(2 * N_HASH, dtype=np.float32)
    trigger, obj = phrases[0], phrases[1]
    v[_bucket(trigger)] = 1
    v[N_HASH + _bucket(f"{trigger}|{obj.split()[-1] if obj else ''}")] = 1
    return v


def features(
    toks: list, rule_types: list[str | None], noun_rules: list[bool], sent: Any, embedder: Embedder
) -> np.ndarray:
    """The feature matrix of some tokens of one sentence."""
    if not toks:
        return np.zeros((0, N_FEATURES), dtype=np.float32)
    content = sentence_content(sent)
    phrases = [slot_phrases(t, content) for t in toks]
    flat = [p for ps in phrases for p in ps]
    emb = embedder.vectors(flat).reshape(len(toks), len(SLOTS) * DIM)
    cats = np.stack([categorical(t, r, n) for t, r, n in zip(toks, rule_types, noun_rules)])
    hashes = np.stack([hashed(ps) for ps in phrases])
    return np.concatenate([emb, cats, hashes], axis=1)


# -- the model -------------------------------------------------------------------------------------


@dataclass
class Thresholds:
    veto: float = 0.85  # P(NONE) above which a rule's candidate is dropped
    veto_everyday: float = 1.01  # ... for a verb of model_veto_everyday (above 1: never)
    retype: float = 0.75  # P(other type) above which a rule's candidate changes type ...
    keep: float = 0.15  # ... when P(rule's type) is below this
    add: float = 0.5  # P(type) above which a verb no rule knows becomes an event in a sentence the rules are silent on
    add_beside: float = 1.01  # ... and in a sentence where the rules found an event (above 1: never)
    ratio: float = 1.0  # a veto or retyping also needs P(new) >= ratio * P(rule's type)


class EventModel:
    """Two softmax layers over the features: the type (NONE + 16) and the mode."""

    def __init__(self, weights: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.meta = meta
        self.mean = weights["mean"]
        self.scale = weights["scale"]
        self.W, self.b = weights["W"], weights["b"]
        self.W1, self.b1 = weights.get("W1"), weights.get("b1")  # a hidden layer, when trained with one
        self.Wm, self.bm = weights["Wm"], weights["bm"]
        self.types: list[str] = meta["types"]
        self.modes: list[str] = meta["modes"]
        self.thresholds = Thresholds(**meta.get("thresholds", {}))
        self.protected: set[str] = set(meta.get("protected_rules", []))
        # the verbs and types the training examples label as events ("lemma|TYPE"); None (an
        # older model) lets the model add any type for any verb
        found = meta.get("added_triggers")
        self.added_triggers: frozenset[str] | None = frozenset(found) if found is not None else None

    def knows(self, tok: Any, etype: str, framed: bool = False) -> bool:
        """Whether the training examples hold this verb (with its particle) as an event of
        ``etype``. The model types a verb it has never seen by its neighbours ("Ryan stunned
        Republicans" REJECT, "Obama also addressed the concerns" ACCUSE): a person's act is
        added only where this holds (``_a_person_acting``), in the same frame (``framed``:
        "Cruz sought to convey" is no request the examples' "sought asylum" tells, "Kasich has
        pulled within 4 points" no recall of an ambassador)."""
        if self.added_triggers is None:
            return True
        key = f"{trigger_key(tok)}:{trigger_frame(tok)}" if framed else trigger_key(tok)
        return f"{key}|{etype}" in self.added_triggers

    @staticmethod
    def _softmax(z: np.ndarray) -> np.ndarray:
        # (the ufuncs' reductions that ``ndarray.max`` and ``ndarray.sum`` call, without their
        # Python wrappers: the arrays are a few rows)
        z = z - np.maximum.reduce(z, axis=1, keepdims=True)
        e = np.exp(z)
        return e / np.add.reduce(e, axis=1, keepdims=True)

    def probabilities(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        Z = (X - self.mean) / self.scale
        H = Z if self.W1 is None else np.maximum(Z @ self.W1 + self.b1, 0)
        return self._softmax(H @ self.W + self.b), self._softmax(Z @ self.Wm + self.bm)

    def mode_for(self, etype: str, pm: np.ndarray) -> str | None:
        allowed = [k for k, m in enumerate(self.modes) if m.split(".")[0] == etype]
        if not allowed:
            return None
        best = max(allowed, key=lambda k: pm[k])
        mode = self.modes[best].split(".", 1)[1]
        return None if mode == "-" else mode


_SHIPPED = Shipped("model", "DATELINE_EVENT_MODEL", EventModel)


def load(path: str | os.PathLike | None = None) -> EventModel | None:
    """The shipped model (cached), or None when its files are absent or it is switched off.

    DATELINE_EVENT_MODEL=0 switches the model off (the rules run alone); a folder there is read
    instead of the shipped files (to compare trained settings)."""
    return _SHIPPED.load(path)


def _verbs_and(sent: Any, by_i: dict) -> list:
    """The sentence's verbs and the tokens of ``by_i``, in order."""
    doc, pos = sent.doc, pos_tags(sent.doc)
    return [doc[i] for i in range(sent.start, sent.end) if pos[i] == "VERB" or i in by_i]


def scored_tokens(sent: Any, cands: list[Candidate]) -> tuple[list, list[str | None], list[bool]]:
    """The tokens the model scores: every verb of the sentence and every rule candidate."""
    by_i = {c.trigger.i: c for c in cands}
    toks = _verbs_and(sent, by_i)
    return (
        toks,
        [by_i[t.i].entry.type if t.i in by_i else None for t in toks],
        [by_i[t.i].noun if t.i in by_i else False for t in toks],
    )


#: CPU seconds spent in ``revise`` since the process started (benchmarks.bench_analysis prints
#: the model's share of the events component from it)
SPENT = [0.0]


def revise(cands: list[Candidate], sent: Any, ctx: Context, model: EventModel | None = None) -> list[Candidate]:
    """The rule candidates after the model's vetoes and retypings, plus the events it adds."""
    model = model if model is not None else load()
    if model is None:
        return cands
    t0 = time.process_time()
    try:
        return _revise(cands, sent, model, ctx)
    finally:
        SPENT[0] += time.process_time() - t0


#: clause relations through which a verb is governed by another word
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "csubj")


def _governed(tok: Any, by_i: dict) -> bool:
    """Whether a rule candidate governs ``tok`` (its complement, clause or conjunct, or the
    object of one): the model's NONE there means "not the sentence's labelled event", not "no
    event" ("swore to fight", "pressure to help", "flew to Kabul for talks")."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i in by_i:
            return True
    return False


def may_add(tok: Any) -> bool:
    """A verb the model may make an event of its own: a content verb (not light, stative, modal
    or reporting) heading the sentence, a conjunct of its head, or the complement of a reporting
    verb; never a verb governed by a word that is no event ("wanted to stop", "the man who
    donated", "to include"), nor one done to oneself ("tied himself to the president")."""
    if tok.pos_ != "VERB" or tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("amod", "acl"):
        return False
    lemma = verb_lemma(tok)
    if lemma in lx.REPORTING or lemma in lx.WORDS["model_light_verbs"] or lemma in lx.WORDS["model_rulings"]:
        return False
    if lemma in lx.WORDS["avoiding_verbs"]:
        return False  # "have avoided direct criticism of teachers": what is avoided is not done
    if _introduces_quote(tok):
        return False  # '"My people had $20 billion done," Mr. Trump recounted': a way of saying
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if _reflexive(tok):
        return False
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "ROOT":
        return True
    return t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX") and lemma_of(t.head) in lx.REPORTING


def _introduces_quote(tok: Any) -> bool:
    """'"My people had $20 billion done," Mr. Trump recounted', '"We will win," she quipped': a
    verb with a clause of its own in quotation marks beside it is a way of saying the quote, as a
    reporting verb is (the quote's own acts are coded where it says them)."""
    quoted = any(c.dep_ == "punct" and c.tag_ in ("``", "''") for c in tok.children)
    return quoted and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)


def _reflexive(tok: Any) -> bool:
    """ "the senator tied himself to the president", "distanced himself from the remarks": a verb
    whose direct object is its own subject (a reflexive pronoun) and that has no particle ("gave
    himself up", "turned himself in" are the rules' to code) is done to oneself, no act between
    actors."""
    reflexive = lx.WORDS["reflexive_pronouns"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return bool(objs) and all(o.lower_ in reflexive for o in objs) and not any(c.dep_ == "prt" for c in tok.children)


def political_subject(tok: Any, ctx: Context) -> bool:
    """Whether the verb's doer (its subject, or the agent of a passive) is a political actor: a
    country, an organisation, or a person or group the analysis gave a sector other than
    civilians (a minister, rebels, the police). PLOVER events are acts of such actors; "audience
    members gasped", "four men drove a 4x4 through the window", "sub-prime lenders provide
    mortgages" and "the airliner will be delivered" are none."""
    doers = list(subject_of(tok))
    if is_passive(tok):
        doers = [q for c in tok.children if c.dep_ == "agent" for q in c.children if q.dep_ == "pobj"]
    for d in doers:
        for t in [d, *(c for c in d.children if c.dep_ in ("compound", "conj", "appos"))]:
            aid = ctx.tok_actor.get(t.i)
            if aid is None:
                continue
            if ctx.actor_kind.get(aid) in ("country", "organization"):
                return True
            if ctx.actor_sector.get(aid) not in (None, "CVL"):  # ordinary people are no political actor
                return True
    return False


DISASTERS = lx.WORDS["disaster_nouns"] | lx.WORDS["natural_disasters"]
#: PLOVER's conflict types (quads 3 and 4)
CONFLICT_TYPES = {"ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}


def _sense_rejected(tok: Any, etype: str, ctx: Context) -> bool:
    """Whether the rules weighed this verb's senses and found no event of the quad the model
    would add ("Apple released a new laptop" is no RETREAT/release, "shot a video" no ASSAULT,
    "Hong Kong is burning" no COERCE and so no ASSAULT either): the model may still add a type
    of another quad ("helped broker the deal": AID rejected, AGREE added)."""
    lemma = verb_lemma(tok)
    entry = lx.VERBS.get(lemma)
    if entry is None or lx.PLOVER_TYPES[entry.type] != lx.PLOVER_TYPES[etype] or lemma not in lx.SENSES:
        return False
    return not sense_ok(tok, lemma, entry, objects_of(tok), ctx)


def _a_person_acting(tok: Any, ctx: Context) -> bool:
    """Whether the verb's doers (its subjects, or a passive's agents) are all people: a person
    actor, a PERSON entity or a noun of `person_nouns` ("President Obama", "the senator",
    "officials", "students"), not a state, an organisation, an armed side or a group named as
    one. What people do with a verb the model's examples never gave that type is, on real pages,
    mostly talk about politics ("addressed the criticism" ACCUSE, "proved loyal" SUPPORT,
    "stunned Republicans" REJECT); what states, bodies and armed sides do with such verbs is what
    PLOVER codes ("Russia will close down the US consulate", "soldiers defected")."""
    doers = list(subject_of(tok))
    if is_passive(tok):
        doers = [q for c in tok.children if c.dep_ == "agent" for q in c.children if q.dep_ == "pobj"]
    if not doers:
        return False
    for d in doers:
        aid = ctx.tok_actor.get(d.i)
        kind = ctx.actor_kind.get(aid) if aid is not None else None
        if kind in ("country", "organization", "group") or armed(d, ctx):
            return False
        if not (kind == "person" or d.ent_type_ == "PERSON" or lemma_of(d) in PERSON_NOUNS):
            return False
    return True


def _story_names(ctx: Context, name: str, words: frozenset[str]) -> bool:
    """Whether a word of the story is one of ``words`` (the list ``name``), by lemma or as written."""
    key = f"names:{name}"
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = not words.isdisjoint(ctx.lemma_counts()) or not words.isdisjoint(ctx.lower_forms())
    return found


def _revise(cands: list[Candidate], sent: Any, model: EventModel, ctx: Context) -> list[Candidate]:
    th = model.thresholds
    by_i = {c.trigger.i: c for c in cands}
    absorbed = {i for c in cands for i in c.absorbed}
    veto_verbs = lx.WORDS["model_veto_verbs"]
    everyday_verbs = lx.WORDS["model_veto_everyday"]
    retyping = th.retype <= 1.0

    def protected(c: Candidate) -> bool:
        return c.entry.key in model.protected or c.entry.key.split("+")[0].split(">")[0] in model.protected

    def vetoable(c: Candidate) -> bool:
        return conflict_vetoable(c) or everyday_vetoable(c)

    def everyday_vetoable(c: Candidate) -> bool:
        # an everyday verb ("her popularity declined", "the coach helped the team win") whose
        # doer is no political actor: business, sport, soft news
        return (
            th.veto_everyday <= 1.0
            and not c.noun
            and verb_lemma(c.trigger) in everyday_verbs
            and not _governed(c.trigger, by_i)
            and c.trigger.dep_ not in ("relcl", "acl", "advcl", "csubj", "csubjpass")
            and not is_passive(c.trigger)
            # a political actor's help, visit or refusal is the event PLOVER codes; the everyday
            # senses are done by things, firms, teams and ordinary people
            and not political_subject(c.trigger, ctx)
            # a pronoun's antecedent is unknown here: "it would allow the WFP to deliver food"
            and not any(t.pos_ == "PRON" for t in subject_of(c.trigger))
        )

    def conflict_vetoable(c: Candidate) -> bool:
        # a conflict verb with figurative senses, not governed by another candidate nor in a
        # relative, adnominal or adverbial clause ("the site where X was shot")
        return (
            not c.noun
            and c.entry.type in ("ASSAULT", "COERCE")
            and verb_lemma(c.trigger) in veto_verbs
            and not _governed(c.trigger, by_i)
            and c.trigger.dep_ not in ("relcl", "acl", "advcl", "csubj", "csubjpass")
            # a subject clause ("Bombing the clinic was a mistake") is the rules' to judge: a kind
            # of act named (nonevents._activity_named) or one act
            and not is_passive(c.trigger)  # a victim's passive is literal: "the mayor was shot dead"
        )

    # the order the decisions are made in: the sentence's verbs and candidates (one per token)
    order = _verbs_and(sent, by_i)
    # the model scores only the tokens whose fate it can change: the structural gates are cheap,
    # the features are not (a sentence the rules code plainly costs nothing)
    scored_cands = [c for c in by_i.values() if not protected(c) and (retyping or vetoable(c))]
    adding = (th.add_beside if cands else th.add) <= 1.0
    # in a sentence naming a disaster, what a quake "hit" or a fire "destroyed" is no attack: the
    # model adds no conflict there (aid for its victims is still added)
    disaster = (
        adding
        and _story_names(ctx, "disasters", DISASTERS)  # (else no word of the sentence is one: skip the walk)
        and any(lemma_of(t) in DISASTERS or t.lower_ in DISASTERS for t in sent)
    )
    add_toks = (
        [t for t in order if t.i not in by_i and t.i not in absorbed and may_add(t) and political_subject(t, ctx)]
        if adding
        else []
    )
    toks = [c.trigger for c in scored_cands] + add_toks
    index = {t.i: k for k, t in enumerate(toks)}
    P = PM = None
    if toks:
        X = features(
            toks,
            [c.entry.type for c in scored_cands] + [None] * len(add_toks),
            [c.noun for c in scored_cands] + [False] * len(add_toks),
            sent,
            Embedder.shared(),
        )
        P, PM = model.probabilities(X)
    none = model.types.index("NONE")
    out: list[Candidate] = []
    for tok in order:
        c = by_i.get(tok.i)
        k = index.get(tok.i)
        if k is None or P is None or PM is None:
            if c is not None:
                out.append(c)
            continue
        p = P[k]
        best = int(np.argmax(np.where(np.arange(len(p)) == none, -1, p)))
        best_type = model.types[best]
        if c is not None:
            rule_p = p[model.types.index(c.entry.type)]
            if conflict_vetoable(c) and p[none] >= th.veto and rule_p < th.keep and p[none] >= th.ratio * rule_p:
                continue  # the model is sure it is no event: a figure of speech, sports, markets
            if everyday_vetoable(c) and p[none] >= th.veto_everyday:
                continue  # an everyday sense: business, sport, soft news, a generic statement
            if (
                retyping
                and best_type != c.entry.type
                and p[best] >= th.retype
                and rule_p < th.keep
                and p[best] >= th.ratio * rule_p
            ):
                mode = model.mode_for(best_type, PM[k])
                c.entry = Entry(best_type, mode, lx.default_cameo(best_type, mode), f"{c.entry.key}+model")
            out.append(c)
        elif p[best] >= (th.add_beside if cands else th.add) and p[best] >= th.ratio * p[none]:
            if _sense_rejected(tok, best_type, ctx) or (disaster and best_type in CONFLICT_TYPES):
                continue
            if not model.knows(tok, best_type, framed=True) and _a_person_acting(tok, ctx):
                continue  # "President Obama addressed the criticism": no ACCUSE for a verb never seen
            mode = model.mode_for(best_type, PM[k])
            out.append(
                Candidate(tok, Entry(best_type, mode, lx.default_cameo(best_type, mode), f"model:{verb_lemma(tok)}"))
            )
    return out
