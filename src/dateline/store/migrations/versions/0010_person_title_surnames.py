"""A title is a word before a person's name only: "Martin Luther King Jr." is
``person:martin king``, not ``person:martin luther``; "Erik Prince" is ``person:erik prince``.

The person key is a name's first and last words without titles, initials, particles, middle
names and generational suffixes (``dateline.corpus.person_words``); before this revision a title
word was dropped wherever it stood, so a surname that is also a title (King, Prince, Pope, Lord)
was dropped too: "Larry King" was ``person:larry`` with every Larry, "Martin Luther King Jr."
``person:martin luther``. This revision rekeys the stored persons whose key the old rule made
without such a surname: ``actors.actor_key``, ``event_participants.actor_key`` and the key lists
of their corpus events (``events.actors``, ``events.recipients``). Corpus events are not relinked:
mentions already linked stay linked; new articles link through the new keys.

The rules below are copies of the person key as of this revision, frozen (a migration must not
change when today's code does). A key the store resolved otherwise (a bare surname that took a
full name) is left as it is. The downgrade leaves the keys as they are: the old ones were a bug.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady sen rep gov gen col lt capt sgt rev st president
prime minister king queen prince princess sheikh emir ayatollah pope""".split()
)
_PARTICLES = frozenset("al el bin ibn ben da de del van von der le la".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _name_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    return re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)))


def _key(words: list[str]) -> str:
    words = [w for w in words if w not in _SUFFIXES] or words
    words = [w for w in words if len(w) > 1 and w not in _PARTICLES] or words
    return "person:" + " ".join([words[0], words[-1]] if len(words) > 2 else words)


def _lead(words: list[str]) -> int:
    """How many title words the name begins with."""
    n = 0
    while n < len(words) and words[n] in _TITLES:
        n += 1
    return n


def old_key(name: str) -> str:
    """The person key before this revision (a title word dropped wherever it stood)."""
    return _key([w for w in _name_words(name) if w not in _TITLES])


def new_key(name: str) -> str:
    """The person key from this revision on: title words dropped before the name only."""
    words = _name_words(name)
    return _key(words[_lead(words) :])


def upgrade() -> None:
    conn = op.get_bind()
    actors = sa.table(
        "actors",
        sa.column("article_id"),
        sa.column("actor_id"),
        sa.column("name"),
        sa.column("kind"),
        sa.column("actor_key"),
    )
    parts = sa.table(
        "event_participants",
        *(sa.column(c) for c in ("article_id", "local_id", "actor_id", "role", "event_id", "actor_key")),
    )
    events = sa.table("events", sa.column("id"), sa.column("actors", sa.JSON), sa.column("recipients", sa.JSON))
    moved: list[dict] = []
    rows = conn.execute(
        sa.select(actors.c.article_id, actors.c.actor_id, actors.c.name, actors.c.actor_key).where(
            actors.c.kind == "person"
        )
    )
    for r in rows:
        words = _name_words(r.name)
        if not _TITLES.intersection(words[_lead(words) :]) or r.actor_key != old_key(r.name):
            continue
        key = new_key(r.name)
        if key != r.actor_key:
            moved.append({"a": r.article_id, "i": r.actor_id, "k": key})
    if not moved:
        return
    for j in range(0, len(moved), 5000):
        chunk = moved[j : j + 5000]
        conn.execute(
            actors.update()
            .where(actors.c.article_id == sa.bindparam("a"), actors.c.actor_id == sa.bindparam("i"))
            .values(actor_key=sa.bindparam("k")),
            chunk,
        )
        conn.execute(
            parts.update()
            .where(parts.c.article_id == sa.bindparam("a"), parts.c.actor_id == sa.bindparam("i"))
            .values(actor_key=sa.bindparam("k")),
            chunk,
        )
    # the corpus events those mentions belong to: their actors and recipients, the union of their
    # mentions' keys (a mention's recipient that is also its actor left out), as a write makes them
    pairs = {(m["a"], m["i"]) for m in moved}
    event_ids = sorted(
        {
            r.event_id
            for r in conn.execute(sa.select(parts.c.article_id, parts.c.actor_id, parts.c.event_id))
            if (r.article_id, r.actor_id) in pairs
        }
    )
    for j in range(0, len(event_ids), 2000):
        chunk_ids = event_ids[j : j + 2000]
        per: dict[tuple, dict[str, set[str]]] = {}
        for p in conn.execute(
            sa.select(parts.c.event_id, parts.c.article_id, parts.c.local_id, parts.c.role, parts.c.actor_key).where(
                parts.c.event_id.in_(chunk_ids), parts.c.actor_key.is_not(None)
            )
        ):
            roles = per.setdefault((p.event_id, p.article_id, p.local_id), {"actor": set(), "recipient": set()})
            roles.setdefault(p.role, set()).add(p.actor_key)
        acts: dict[str, set[str]] = {eid: set() for eid in chunk_ids}
        recs: dict[str, set[str]] = {eid: set() for eid in chunk_ids}
        for (eid, _, _), roles in per.items():
            acts[eid] |= roles["actor"]
            recs[eid] |= roles["recipient"] - roles["actor"]
        for eid in chunk_ids:
            conn.execute(
                events.update().where(events.c.id == eid).values(actors=sorted(acts[eid]), recipients=sorted(recs[eid]))
            )


def downgrade() -> None:
    pass
