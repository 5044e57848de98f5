"""The recipient chooser: a small learned model that picks whom an event is done to where the rules
name no one.

The rules (``roles.participants`` and the coder's place and group recipients) give most events their
recipient. Where they give none, every actor the event's sentence mentions that is not one of its
own actors is a candidate; the chooser scores each by the dependency path from the trigger to the
candidate's words (relations and prepositions), the candidate's kind, the event's type, the side and
distance of the words and the trigger's voice, and takes the best candidate when its probability
reaches the shipped threshold, else leaves the event without a recipient. The model is a logistic
regression trained by ``scripts/train_recipients.py`` on the project's own sentences
(``training/events/sentences.jsonl``) and the PLOVER gold records' development half; it ships as
``data/events/recipient.npz`` (weights) and ``recipient.json`` (feature names, threshold, summary;
see ``docs/event-model.md``). ``DATELINE_RECIPIENT_MODEL=off`` switches it off.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .lexicon import NOUN_CLASSES
from .parse import Candidate, Context, lemma_of, sent_of
from .roles import MEANS_CLASSES, MOVED, keyed_object_is_patient
from .shipped import Shipped

__all__ = ["candidate_heads", "choose", "features", "load_model", "set_recorder"]

#: the prepositions whose object is kept in a path (others read "prep:other")
_PREPS = {
    "against",
    "on",
    "at",
    "with",
    "to",
    "for",
    "into",
    "of",
    "in",
    "by",
    "from",
    "over",
    "between",
    "toward",
    "towards",
    "upon",
    "about",
    "across",
    "through",
    "after",
}
_MAX_PATH = 4


class Model:
    """The shipped chooser: a weight per feature name, a bias and a decision threshold."""

    def __init__(self, weights: dict[str, Any], meta: dict[str, Any]) -> None:
        w = np.asarray(weights["w"], dtype=float)
        self.index = {f: k for k, f in enumerate(meta["features"])}
        self.w = w
        self.weight = dict(zip(meta["features"], w.tolist()))
        self.bias = float(meta["bias"])
        self.threshold = float(meta["threshold"])

    def prob(self, feats: list[str]) -> float:
        weight = self.weight
        z = self.bias + sum(weight.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))


_SHIPPED: Shipped[Model] = Shipped("recipient", "DATELINE_RECIPIENT_MODEL", Model)

#: set by the training script: called with each event's candidates where the rules name no one
_RECORDER: Callable[[Candidate, list[str], list[tuple[str, list[int], list[str]]]], None] | None = None


def load_model(path: Any = None) -> Model | None:
    return _SHIPPED.load(path)


def set_recorder(fn: Callable[[Candidate, list[str], list[tuple[str, list[int], list[str]]]], None] | None) -> None:
    """Record (instead of deciding) the candidates of every event: ``fn(candidate, the rules'
    recipients, [(actor id, its token indices in the sentence, features)])`` (the training
    script's extraction); the rules' recipients are kept meanwhile."""
    global _RECORDER
    _RECORDER = fn


def candidate_heads(
    c: Candidate, ctx: Context, actors: list[str], place: dict | None = None
) -> list[tuple[str, list[int], Any]]:
    """The actors of the trigger's sentence that are not the event's own nor named by the words of
    its place (where it happened is the place linker's, and whether that place is done to, the
    rules': "was arrested at Kendall Elementary School"): (id, their token indices, the head of the
    mention nearest the trigger in the parse)."""
    sent = sent_of(c.trigger)
    where = (place or {}).get("start"), (place or {}).get("end")
    toks: dict[str, list[int]] = {}
    at_place: set[str] = set()  # actors a word of the event's place names: never candidates
    for i in range(sent.start, sent.end):
        aid = ctx.tok_actor.get(i)
        if aid is None or aid in actors:
            continue
        toks.setdefault(aid, []).append(i)
        if where[0] is not None and where[1] is not None:
            t = ctx.doc[i]
            if t.idx < where[1] and where[0] < t.idx + len(t):
                at_place.add(aid)
    toks = {aid: idx for aid, idx in toks.items() if aid not in at_place}
    out = []
    for aid, idx in toks.items():
        heads = [ctx.doc[i] for i in idx if ctx.tok_actor.get(ctx.doc[i].head.i) != aid or ctx.doc[i].head.i == i]
        heads = [h for h in heads or [ctx.doc[idx[0]]] if not _excluded(h, c) and not _adjective_group(h, aid, ctx)]
        if heads:
            head = min(heads, key=lambda h: _path_length(h, c.trigger))
            out.append((aid, idx, head))
    return out


def _adjective_group(head: Any, aid: str, ctx: Context) -> bool:
    """A group named only by a nationality, religious or political adjective modifying another noun
    ("her Democratic rival", "Buddhist temples", "Islamic State-linked attacks"): it names what
    the noun is, not a party to the act."""
    return (
        ctx.actor_kind.get(aid) == "group"
        and head.dep_ in ("amod", "compound")
        and head.ent_type_ == "NORP"
        and head.head.i not in ctx.tok_actor
    )


def _excluded(head: Any, c: Candidate) -> bool:
    """What the rules hold is never whom an act is done to: the actor's own means and forces it
    sends or commits ("offered to send soldiers to help ...", "deployed troops"; the object an
    entry was keyed on when it is no patient, ``roles.keyed_object_is_patient``)."""
    if c.obj is not None and head.i == c.obj.i and not keyed_object_is_patient(c):
        return True
    if NOUN_CLASSES.get(lemma_of(head)) in MEANS_CLASSES:
        return True
    if head.dep_ in ("dobj", "obj") and lemma_of(head.head) in MOVED:
        return True
    return _teller_or_third_party(head, c.trigger)


def _teller_or_third_party(head: Any, trig: Any) -> bool:
    """Who tells of the act ("..., according to British intelligence"), does it (the "by" agent of
    a passive trigger: "talks hosted by Qatar") or does another act a participle says of a noun
    ("after talks hosted by Qatar", "a ceremony attended by Kenya's president"): read on the way
    from the candidate up to the trigger's line of heads; never whom the act is done to (review
    26, A1 and A2)."""
    above = set()
    t = trig
    while True:
        above.add(t.i)
        if t.head.i == t.i:
            break
        t = t.head
    t = head
    while t.i not in above:
        if t.lower_ == "according":
            return True
        if t.dep_ == "agent" and (t.head.i == trig.i or t.head.dep_ in ("acl", "relcl")):
            return True  # the doer of the act ("talks hosted by Qatar": the host) or of another one
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _label(t: Any) -> str:
    if t.dep_ == "pobj":
        p = t.head.lower_
        return f"pobj:{p if p in _PREPS else 'other'}"
    return t.dep_


def _path(cand: Any, trig: Any) -> tuple[list[str], list[str]]:
    """The relations from the candidate up to the lowest common head, and from the trigger up to it."""
    up_c = [cand]
    while up_c[-1].head.i != up_c[-1].i:
        up_c.append(up_c[-1].head)
    seen = {t.i: k for k, t in enumerate(up_c)}
    down = []
    t = trig
    while t.i not in seen:
        down.append(t.dep_)
        if t.head.i == t.i:
            return [_label(x) for x in up_c], down  # no common head: separate sentences' roots
        t = t.head
    return [_label(x) for x in up_c[: seen[t.i]]], down


def _path_length(cand: Any, trig: Any) -> int:
    up, down = _path(cand, trig)
    return len(up) + len(down)


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def features(c: Candidate, ctx: Context, aid: str, head: Any, actors: list[str]) -> list[str]:
    """The features of one candidate (names of binary features)."""
    trig = c.trigger
    etype = c.entry.type
    up, down = _path(head, trig)
    up_s = ">".join(up[:_MAX_PATH]) + (">+" if len(up) > _MAX_PATH else "")
    down_s = ">".join(down[:_MAX_PATH]) + (">+" if len(down) > _MAX_PATH else "")
    kind = ctx.actor_kind.get(aid) or "none"
    generics = ctx.memo.get("chooser_generic")
    if generics is None:
        generics = ctx.memo["chooser_generic"] = {a.id for a in ctx.article.actors if getattr(a, "generic", None)}
    gen = "generic" if aid in generics else "named"
    side = "left" if head.i < trig.i else "right"
    dist = _bucket(abs(head.i - trig.i))
    passive = any(k.dep_ in ("nsubjpass", "auxpass") for k in trig.children)
    in_source = any(a.left_edge.i <= head.i <= a.right_edge.i for a in c.actors_tok)  # (a projective parse)
    modifier = head.dep_ in ("amod", "compound", "poss", "nmod")
    is_place = head.i in ctx.place_tok
    own_country = any(
        ctx.actor_country.get(a) and ctx.actor_country.get(a) == ctx.actor_country.get(aid) for a in actors
    )
    f = [
        f"up={up_s}",
        f"down={down_s}",
        f"path={up_s}^{down_s}",
        f"up1={up[0] if up else '-'}",
        f"up2={'>'.join(up[:2])}",
        f"len={_bucket(len(up))},{_bucket(len(down))}",
        f"kind={kind}",
        f"gen={gen}",
        f"kind+gen={kind},{gen}",
        f"side={side}",
        f"dist={dist}",
        f"side+dist={side},{dist}",
        f"type={etype}",
        f"type+up1={etype},{up[0] if up else '-'}",
        f"type+up2={etype},{'>'.join(up[:2])}",
        f"type+kind={etype},{kind}",
        f"type+side={etype},{side}",
        f"noun={c.noun}",
        f"noun+up2={c.noun},{'>'.join(up[:2])}",
        f"passive={passive}",
        f"passive+up1={passive},{up[0] if up else '-'}",
        f"in_source={in_source}",
        f"modifier={modifier}",
        f"modifier+kind={modifier},{kind}",
        f"place={is_place}",
        f"place+up1={is_place},{up[0] if up else '-'}",
        f"own_country={own_country}",
        f"has_actor={bool(actors)}",
        f"lca_trigger={not down}",
    ]
    return f


def choose(
    c: Candidate, ctx: Context, actors: list[str], recipients: list[str], place: dict | None = None
) -> list[str]:
    """The event's recipients: the rules' (``recipients``) where they name any, else the one the
    model picks (``[actor id]``) or none."""
    if recipients and _RECORDER is None:
        return recipients
    model = load_model() if _RECORDER is None else None
    if model is None and _RECORDER is None:
        return recipients
    cands = candidate_heads(c, ctx, actors, place)
    scored = [(aid, idx, features(c, ctx, aid, head, actors)) for aid, idx, head in cands]
    if _RECORDER is not None:
        _RECORDER(c, recipients, scored)
        return recipients
    if model is None or not scored:
        return []
    best = max(((model.prob(f), k) for k, (_, _, f) in enumerate(scored)), default=None)
    if best is None or best[0] < model.threshold:
        return []
    return [scored[best[1]][0]]
