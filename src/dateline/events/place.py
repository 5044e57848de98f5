"""The place of an event: the place nearest the trigger inside its own clause.

Public interface: ``event_place(c, ctx, cands)`` (the clause's place, else the place of the
event it happened during) and ``place_for(c, ctx, cands)`` (the clause's place only).
Both return the contract's place dict (``name``, ``lat``, ``lon``, ``country``, ``geonameid``)
or ``None``.
"""

from __future__ import annotations

from .parse import PLACE_LABELS, Candidate, Context, depth_of, sent_bounds

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


def place_for(c: Candidate, ctx: Context, cands: list) -> dict | None:
    trig = c.trigger
    sent_start, sent_end = sent_bounds(trig)
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
        score = (len(path), -depth_of(root), -root.i)  # nearest to the trigger, then most specific
        if best is None or score < best[0] or (score[0] == best[0][0] and -depth_of(root) < best[0][1]):
            best = (score, place)
    if best is None:
        return None
    return {k: v for k, v in best[1].items() if not k.startswith("_")}


def event_place(c: Candidate, ctx: Context, cands: list[Candidate]) -> dict | None:
    """The place of a candidate's own clause, else the place of the event it happened during
    ("arrested during the protests in Moscow")."""
    trig = c.trigger
    place = place_for(c, ctx, cands)
    if place is None:
        # "arrested during the protests in Moscow": where the event it happened during happened
        for p in trig.children:
            if p.dep_ == "prep" and p.lower_ in ("during", "amid", "at"):
                for other in cands:
                    if other is not c and other.trigger.head.i == p.i:
                        place = place_for(other, ctx, cands)
                        break
    return place
