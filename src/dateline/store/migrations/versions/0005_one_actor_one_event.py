"""One actor across the store, one corpus event per real-world event: actors.actor_key and
event_participants.actor_key, and the corpus events recomputed from the stored mentions.

Before this revision every actorless mention of one type, date and place fell into one corpus
event, whatever article it came from (62 such buckets absorbed 191 of 561 mentions of a
40-article store, and ``n_sources >= 2`` returned only them). Now mentions share a corpus event
only when they share a participant (by actor key) and their type, modality, date and place are
compatible; an actorless mention stays its own event unless its article is a copy, in the same
story, of an article reporting it.

The rules below are copies of ``dateline.corpus`` and ``dateline.store.write`` as of this
revision, frozen (a migration must not change when today's code does), except the lexicon's
world-leader surnames: a bare surname takes the full name the store holds for it instead.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import hashlib
import json
import math
import re
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime
from datetime import date as _date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("actor_key", sa.Text))
        batch.create_index("ix_actors_actor_key", ["actor_key"])
    with op.batch_alter_table("event_participants") as batch:
        batch.add_column(sa.Column("actor_key", sa.Text))
    conn = op.get_bind()
    keys = _backfill_actor_keys(conn)
    _relink_events(conn, keys)
    op.create_index("ix_event_participants_actor_key", "event_participants", ["actor_key", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_participants_actor_key", "event_participants")
    with op.batch_alter_table("event_participants") as batch:
        batch.drop_column("actor_key")
    with op.batch_alter_table("actors") as batch:
        batch.drop_index("ix_actors_actor_key")
        batch.drop_column("actor_key")


# -- actor keys ---------------------------------------------------------------------------------


def _backfill_actor_keys(conn: sa.Connection) -> dict[tuple[str, str], str]:
    meta = sa.MetaData()
    articles = sa.Table("articles", meta, autoload_with=conn)
    actors = sa.Table("actors", meta, autoload_with=conn)
    keys: dict[tuple[str, str], str] = {}
    kinds: dict[tuple[str, str], str] = {}
    ids = list(conn.execute(sa.select(articles.c.id).order_by(articles.c.id)).scalars())
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        for row in conn.execute(sa.select(articles.c.id, articles.c.data).where(articles.c.id.in_(chunk))):
            data = json.loads(row.data) if isinstance(row.data, str) else (row.data or {})
            for a in data.get("actors") or []:
                keys[(row.id, a["id"])] = actor_key(a, row.id)
                kinds[(row.id, a["id"])] = a.get("kind")
    # bare surnames: the store's one dominant full name of that family name
    families: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (aid, _), key in keys.items():
        if key.startswith("person:") and " " in key:
            families[key.rsplit(" ", 1)[1]][key].add(aid)
    for k, key in list(keys.items()):
        if key.startswith("person:") and " " not in key:
            fam = families.get(key.split(":", 1)[1])
            if fam:
                counts = sorted(((len(v), f) for f, v in fam.items()), reverse=True)
                if counts[0][0] * 3 >= sum(n for n, _ in counts) * 2:
                    keys[k] = counts[0][1]
    rows = [{"a": a, "i": i, "k": k} for (a, i), k in keys.items()]
    for j in range(0, len(rows), 5000):
        conn.execute(
            actors.update()
            .where(actors.c.article_id == sa.bindparam("a"), actors.c.actor_id == sa.bindparam("i"))
            .values(actor_key=sa.bindparam("k")),
            rows[j : j + 5000],
        )
    return keys


_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady sen rep gov gen col lt capt sgt rev st president
prime minister king queen prince princess sheikh emir ayatollah pope""".split()
)
_PARTICLES = frozenset("al el bin ibn ben da de del van von der le la".split())


def _fold_accents(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _name_words(name: str) -> list[str]:
    return re.findall(r"\w+", _fold_accents(name))


def _closed_initials(words: list[str]) -> list[str]:
    out, run = [], ""
    for w in words:
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


def actor_key(a: dict, article_id: str) -> str:
    kind, country = a.get("kind"), a.get("country")
    if kind == "country" and country:
        return f"country:{country}"
    if a.get("generic"):
        sector = a.get("sector") or "-"
        return f"generic:{sector}:{country}" if country else f"generic:{sector}:?:{article_id}:{a.get('id', '')}"
    if kind == "person":
        words = [w for w in _name_words(a["name"]) if w not in _TITLES]
        words = [w for w in words if len(w) > 1 and w not in _PARTICLES] or words
        if len(words) > 2:
            words = [words[0], words[-1]]
        return "person:" + " ".join(words)
    words = _name_words(a["name"])
    if words and words[0] == "the":
        words = words[1:]
    return f"{kind or 'actor'}:" + " ".join(_closed_initials(words))


# -- corpus events ------------------------------------------------------------------------------


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else (v or None)


def _fold(name: str | None) -> str:
    name = unicodedata.normalize("NFKC", name or "").casefold()
    return " ".join(name.replace("’", "'").split())


def dates_compatible(a: str | None, b: str | None, loose: bool) -> bool:
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    if loose and len(a) == len(b) == 10:
        try:
            return abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days) <= 1
        except ValueError:
            return False
    return False


def _is_country(place: dict) -> bool:
    if not place.get("country") or not place.get("name"):
        return False
    try:
        import pycountry

        found = pycountry.countries.lookup(place["name"])
    except (LookupError, ImportError):
        return False
    return found.alpha_3 == place["country"]


def places_compatible(a: dict | None, b: dict | None, km: float = 50.0) -> bool:
    if not a or not b:
        return True
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    if _fold(a.get("name")) and _fold(a.get("name")) == _fold(b.get("name")):
        return True
    for x, y in ((a, b), (b, a)):
        if x.get("country") and x.get("country") == y.get("country") and _is_country(x):
            return True
    if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
        dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h))) <= km
    return False


def _relink_events(conn: sa.Connection, keys: dict[tuple[str, str], str]) -> None:
    """Replay every stored mention, in ingestion order, through the merge rule."""
    meta = sa.MetaData()
    articles = sa.Table("articles", meta, autoload_with=conn)
    events = sa.Table("events", meta, autoload_with=conn)
    mentions = sa.Table("event_mentions", meta, autoload_with=conn)
    parts = sa.Table("event_participants", meta, autoload_with=conn)
    stories = sa.Table("stories", meta, autoload_with=conn)
    old = {r.id: r for r in conn.execute(sa.select(events))}
    order = {
        r.id: k
        for k, r in enumerate(conn.execute(sa.select(articles.c.id).order_by(articles.c.ingested_at, articles.c.id)))
    }
    rows = sorted(
        conn.execute(sa.select(mentions)).all(),
        key=lambda r: (order.get(r.article_id, len(order)), r.evidence_start, r.local_id),
    )
    now = datetime.now(UTC)
    new: dict[str, dict] = {}
    by_part: dict[str, list[str]] = defaultdict(list)
    by_story: dict[str, list[str]] = defaultdict(list)
    assign: list[dict] = []
    for r in rows:
        acts = sorted({keys[(r.article_id, x)] for x in _json(r.actors) or [] if (r.article_id, x) in keys})
        recs = sorted({keys[(r.article_id, x)] for x in _json(r.recipients) or [] if (r.article_id, x) in keys})
        recs = [x for x in recs if x not in acts]
        ps = set(acts) | set(recs)
        place = _json(r.place)
        loose = r.date_source != "text"
        if ps:
            shared: dict[str, int] = defaultdict(int)
            for p in ps:
                for eid in by_part.get(p, ()):
                    shared[eid] += 1
            cands = [(eid, n) for eid, n in shared.items()]
        else:
            cands = [
                (eid, 0)
                for eid in by_story.get(r.story_id, ())
                if not new[eid]["_parts"] and r.article_id not in new[eid]["_articles"]
            ]
        best = None
        for eid, n in cands:
            ev = new[eid]
            if ev["type"] != r.type or ev["modality"] != r.modality:
                continue
            if not dates_compatible(ev["date"], r.date, loose or not ev["_text"]):
                continue
            if not places_compatible(ev["_place"], place):
                continue
            score = (n, -ev["_order"])
            if best is None or score > best[0]:
                best = (score, eid)
        if best is not None:
            ev = new[best[1]]
            for p in ps - ev["_parts"]:
                by_part[p].append(best[1])
            ev["_parts"] |= ps
            ev["actors"] = sorted(set(ev["actors"]) | set(acts))
            ev["recipients"] = sorted(set(ev["recipients"]) | set(recs))
            eid = best[1]
        else:
            eid = hashlib.sha256(f"{r.article_id}|{r.local_id}".encode()).hexdigest()[:20]
            was = old.get(r.event_id)
            new[eid] = {
                "id": eid,
                "type": r.type,
                "mode": r.mode,
                "quad": r.quad,
                "modality": r.modality,
                "date": r.date,
                "actors": acts,
                "recipients": recs,
                "place_name": (place or {}).get("name"),
                "place_geonameid": (place or {}).get("geonameid"),
                "lat": (place or {}).get("lat"),
                "lon": (place or {}).get("lon"),
                "country": (place or {}).get("country"),
                "first_article_id": r.article_id,
                "first_seen": was.first_seen if was is not None else now,
                "_parts": set(ps),
                "_place": place,
                "_text": not loose,
                "_order": len(new),
                "_articles": set(),
            }
            for p in ps:
                by_part[p].append(eid)
            by_story[r.story_id].append(eid)
        new[eid]["_articles"].add(r.article_id)
        assign.append({"a": r.article_id, "l": r.local_id, "e": eid})
    rows_out = [{k: v for k, v in ev.items() if not k.startswith("_")} for ev in new.values() if ev["id"] not in old]
    for j in range(0, len(rows_out), 2000):
        conn.execute(events.insert(), rows_out[j : j + 2000])
    for ev in new.values():
        if ev["id"] in old:  # an id both schemes give (never in practice): refresh the row
            conn.execute(
                events.update()
                .where(events.c.id == ev["id"])
                .values({k: v for k, v in ev.items() if not k.startswith("_") and k != "id"})
            )
    for j in range(0, len(assign), 5000):
        chunk = assign[j : j + 5000]
        conn.execute(
            mentions.update()
            .where(mentions.c.article_id == sa.bindparam("a"), mentions.c.local_id == sa.bindparam("l"))
            .values(event_id=sa.bindparam("e")),
            chunk,
        )
        conn.execute(
            parts.update()
            .where(parts.c.article_id == sa.bindparam("a"), parts.c.local_id == sa.bindparam("l"))
            .values(event_id=sa.bindparam("e")),
            chunk,
        )
    akeys = [{"a": a, "i": i, "k": k} for (a, i), k in keys.items()]
    for j in range(0, len(akeys), 5000):
        conn.execute(
            parts.update()
            .where(parts.c.article_id == sa.bindparam("a"), parts.c.actor_id == sa.bindparam("i"))
            .values(actor_key=sa.bindparam("k")),
            akeys[j : j + 5000],
        )
    stale = [eid for eid in old if eid not in new]
    for j in range(0, len(stale), 2000):
        conn.execute(events.delete().where(events.c.id.in_(stale[j : j + 2000])))
    m, s = mentions, stories
    conn.execute(
        events.update().values(
            n_mentions=sa.select(sa.func.count()).where(m.c.event_id == events.c.id).scalar_subquery(),
            n_articles=sa.select(sa.func.count(sa.distinct(m.c.article_id)))
            .where(m.c.event_id == events.c.id)
            .scalar_subquery(),
            n_stories=sa.select(sa.func.count(sa.distinct(m.c.story_id)))
            .where(m.c.event_id == events.c.id)
            .scalar_subquery(),
            n_sources=sa.select(sa.func.count(sa.distinct(sa.func.coalesce(s.c.originator, s.c.id))))
            .select_from(m.join(s, s.c.id == m.c.story_id))
            .where(m.c.event_id == events.c.id)
            .scalar_subquery(),
        )
    )
