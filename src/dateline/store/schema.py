"""The store's tables, as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL.

The migrations under ``store/migrations`` create exactly these tables (a test compares them);
full-text search objects are backend-specific and live only in the migrations:
SQLite gets FTS5 tables ``articles_fts``, ``quotes_fts`` and ``mentions_fts`` (the words of the
events' evidence sentences); PostgreSQL gets ``tsv`` columns with GIN indexes on ``articles``,
``quotes`` and ``event_mentions`` (all filled by ``store.fts``).

Spans use ``span_start``/``span_end`` (``end`` is an SQL keyword); they are the Article
offsets ``start``/``end`` into ``articles.text``. See docs/store.md for every column.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()

# JSON stored as JSONB on PostgreSQL (queryable, indexable), as text on SQLite.
JSON = sa.JSON().with_variant(JSONB(), "postgresql")
ID = sa.String(64)
TS = sa.DateTime(timezone=True)
# Byte order on PostgreSQL too (SQLite's default), so that a prefix is one range of the index.
WORD = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", ID, primary_key=True),  # the id of the story's first article
    sa.Column("headline", sa.Text),
    sa.Column("first_published", sa.Text),
    sa.Column("originator", sa.Text),  # agency, else publisher, of the first article
    sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", TS, nullable=False),
)

#: Where an article came from (``Article.source``): kept on the article (as first stored) and on
#: each source that carried it.
SOURCE_FIELDS = ("publisher", "agency", "url", "path")


def _source() -> list[sa.Column]:
    """The columns of ``SOURCE_FIELDS``."""
    return [sa.Column(name, sa.Text) for name in SOURCE_FIELDS]


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("story_id", ID, sa.ForeignKey("stories.id"), nullable=False, index=True),
    sa.Column("headline", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("published_date", sa.Text, index=True),
    sa.Column("published_source", sa.Text),
    *_source(),
    sa.Column("authors", JSON),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    sa.Column("similarity", sa.Float),  # estimated Jaccard to the story's matched article
    sa.Column("cluster_id", ID, index=True),  # same-event coverage cluster (revision 0002)
    sa.Column("ingested_at", TS, nullable=False),
    sa.Column("data", JSON, nullable=False),  # the full Article record: nothing is lost
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("story_id", ID, sa.ForeignKey("stories.id"), nullable=False, index=True),
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("locator", sa.Text, nullable=False),  # url, else path, else ""
    *_source(),
    sa.Column("first_seen", TS, nullable=False),
    sa.UniqueConstraint("article_id", "locator", name="uq_sources_article_locator"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("actor_id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text),
    sa.Column("country", sa.Text, index=True),
    sa.Column("sector", sa.Text),
    sa.Column("roles", JSON),
    sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
    sa.Column("name_key", sa.Text, index=True),  # corpus.name_key(name) (revision 0003)
    sa.Column("actor_key", sa.Text, index=True),  # corpus.actor_key: one actor across articles (0005)
)


def _spans() -> list[sa.Column]:
    """The key and span of an article's places, times and quotes: (article, index), its text and offsets."""
    return [
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
    ]


places = sa.Table(
    "places",
    metadata,
    *_spans(),
    sa.Column("name", sa.Text),
    sa.Column("geonameid", sa.BigInteger, index=True),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text),
    sa.Column("feature", sa.Text),
    sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
)

times = sa.Table(
    "times",
    metadata,
    *_spans(),
    sa.Column("value", sa.Text),
    sa.Column("granularity", sa.Text),
)

quotes = sa.Table(
    "quotes",
    metadata,
    *_spans(),
    sa.Column("speaker", sa.Text),  # actor_id in the same article
    sa.Column("speaker_text", sa.Text),
    sa.Column("cue", sa.Text),
    sa.Column("kind", sa.Text),
)

events = sa.Table(
    # Corpus events: the mentions of one real-world event (dateline.corpus: same type and modality,
    # a shared participant, compatible date and place; revision 0005).
    "events",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("quad", sa.SmallInteger),
    sa.Column("modality", sa.Text),
    sa.Column("date", sa.Text, index=True),
    sa.Column("actors", JSON),  # participants' actor keys (corpus.actor_key), all mentions
    sa.Column("recipients", JSON),
    sa.Column("place_name", sa.Text),
    sa.Column("place_geonameid", sa.BigInteger),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.Text, index=True),
    sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_stories", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_sources", sa.Integer, nullable=False, server_default="0"),
    sa.Column("first_article_id", ID),
    sa.Column("first_seen", TS, nullable=False),
)
# The order every event list uses (dated events by date, undated last, then id), as an index
# (revision 0006): a page of the whole store, or of a date range, reads index entries instead of
# sorting every match (at 100,000 events an unfiltered deep page sorted them all, ~0.4 s).
sa.Index("ix_events_order", events.c.date.is_(None), events.c.date, events.c.id)
# The same order within one type (revision 0008, replacing the index on type alone): a page of
# one type read in order, not every event of the type sorted (16 ms a page at 58,000 events).
sa.Index("ix_events_type_order", events.c.type, events.c.date.is_(None), events.c.date, events.c.id)
# Radius queries (revision 0008): the latitude band of the bounding box, the longitude and the
# haversine test read from the index, and the page's order too (date, id), without the rows.
sa.Index("ix_events_lat_lon", events.c.lat, events.c.lon, events.c.date, events.c.id)
# Linking a mention (revision 0008): the events of its participants are looked up by id and tested
# on type, modality, first_seen and date, read from this index instead of the (wide) rows.
sa.Index("ix_events_link", events.c.id, events.c.type, events.c.modality, events.c.first_seen, events.c.date)


def _mention_key() -> list[sa.Column]:
    """The key of an event mention: its article and ``Article.events[].id`` (event_mentions, and
    the rows of event_participants that belong to it)."""
    return [
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("local_id", sa.Text, primary_key=True),
    ]


event_mentions = sa.Table(
    # One row per event an article reports (Article.events), linked to its corpus event.
    "event_mentions",
    metadata,
    *_mention_key(),
    sa.Column("event_id", ID, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("story_id", ID, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("quad", sa.SmallInteger),
    sa.Column("modality", sa.Text),
    sa.Column("cameo", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("date_source", sa.Text),
    sa.Column("actors", JSON),  # actor ids in the article
    sa.Column("recipients", JSON),
    sa.Column("place", JSON),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float),
)

event_participants = sa.Table(
    # One row per participant of an event mention (revision 0003): what participant filters read,
    # through an index, instead of scanning actors and the mentions' JSON lists.
    "event_participants",
    metadata,
    *_mention_key(),
    sa.Column("actor_id", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),  # "actor" | "recipient"
    sa.Column("event_id", ID, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("actor_key", sa.Text),  # corpus.actor_key (revision 0005)
    sa.Index("ix_event_participants_name_key", "name_key", "event_id"),
    sa.Index("ix_event_participants_actor_key", "actor_key", "event_id"),
    sa.Index("ix_event_participants_country", "country", "event_id"),
)

name_words = sa.Table(
    # Each word of each actor name (corpus.name_words), for name search by words (revision 0003).
    "name_words",
    metadata,
    sa.Column("word", WORD, primary_key=True),
    sa.Column("name_key", sa.Text, primary_key=True),
)

minhashes = sa.Table(
    "minhashes",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("story_id", ID, nullable=False),
    sa.Column("signature", sa.LargeBinary, nullable=False),  # uint64 little-endian hash values
    sa.Column("names_signature", sa.LargeBinary),  # the same over the article's names (0002)
)


def _bands(name: str, *extra: sa.Column) -> sa.Table:
    """An LSH index: (band, hash of the band's MinHash values) -> article."""
    return sa.Table(
        name,
        metadata,
        sa.Column("band", sa.SmallInteger, primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        *extra,
    )


lsh_bands = _bands("lsh_bands")  # text signatures: near-duplicate copies
cluster_bands = _bands(
    # names signatures: the same story told anew; ``day`` is the article's publication day
    # (date.toordinal(), null when undated or not a whole day: revision 0008), so a lookup reads
    # only the band entries of the articles published within the coverage window.
    "cluster_bands",
    sa.Column("day", sa.Integer),
)
sa.Index("ix_cluster_bands_day", cluster_bands.c.band, cluster_bands.c.hash, cluster_bands.c.day)

rejected = sa.Table(
    "rejected",
    metadata,
    sa.Column("origin", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False, index=True),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("seen_at", TS, nullable=False),
)


# -- live monitoring, alerts and retention (revision 0004, docs/watch.md) ---------------------------
watch_sources = sa.Table(
    # One row per watched feed, sitemap or page: its HTTP validators and its last poll.
    "watch_sources",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text),  # feed | sitemap | page (as last detected)
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_poll", TS),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_error", sa.Text),
    sa.Column("n_polls", sa.Integer, nullable=False, server_default="0"),
)

watch_urls = sa.Table(
    # Every article URL a watched source listed, and what became of it.
    "watch_urls",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("source_url", sa.Text, index=True),
    sa.Column("status", sa.Text, nullable=False),  # stored | duplicate | rejected | skipped | retry | failed
    sa.Column("reason", sa.Text),
    sa.Column("article_id", ID),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("first_seen", TS, nullable=False),
    sa.Column("last_try", TS),
)

watch_hosts = sa.Table(
    # robots.txt per origin (scheme://host:port), kept a day.
    "watch_hosts",
    metadata,
    sa.Column("origin", sa.Text, primary_key=True),
    sa.Column("robots_status", sa.Integer),
    sa.Column("robots_txt", sa.Text),
    sa.Column("robots_etag", sa.Text),
    sa.Column("robots_last_modified", sa.Text),
    sa.Column("robots_fetched_at", TS),
)

alerts = sa.Table(
    # Saved queries: a name, the events filters, and where matches go.
    "alerts",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("filters", JSON, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),  # webhook | jsonl | email
    sa.Column("target", sa.Text, nullable=False),  # URL, file path ("-": stdout), e-mail address
    sa.Column("secret", sa.Text),  # the webhook's HMAC-SHA256 key
    sa.Column("created_at", TS, nullable=False),
    sa.Column("checked_until", TS, nullable=False),  # articles ingested before this were matched
)

alert_matches = sa.Table(
    # One row per (alert, corpus event) it matched: the event's counts when last delivered.
    "alert_matches",
    metadata,
    sa.Column("alert", sa.String(64), primary_key=True),
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("state", JSON, nullable=False),
    sa.Column("first_matched", TS, nullable=False),
    sa.Column("last_changed", TS, nullable=False),
    sa.Column("n_changes", sa.Integer, nullable=False, server_default="1"),
    sa.Column("delivery_id", sa.Integer),
    sa.Index("ix_alert_matches_alert_changed", "alert", "last_changed"),
)

alert_deliveries = sa.Table(
    # One message per alert and check: pending until its channel took it.
    "alert_deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert", sa.String(64), nullable=False, index=True),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("payload", JSON, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # pending | sent | failed
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text),
    sa.Column("sent_at", TS),
)

purged_texts = sa.Table(
    # Articles whose full text retention removed: when, and the hash and length of what was there.
    "purged_texts",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("purged_at", TS, nullable=False),
    sa.Column("text_chars", sa.Integer, nullable=False),
    sa.Column("text_sha256", sa.String(64), nullable=False),
)

ARTICLE_CHILD_TABLES = (
    actors,
    places,
    times,
    quotes,
    event_mentions,
    event_participants,
    minhashes,
    lsh_bands,
    cluster_bands,
    sources,
    purged_texts,
)
