"""Retention (issue 19): purge drops article text and keeps every event, snippet, link and hash;
a purged article is still recognised as a duplicate, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from dateline.article import Article, Source
from dateline.retention import purge
from dateline.store import Store
from dateline.store import schema as S

KEPT = (
    S.stories,
    S.sources,
    S.actors,
    S.places,
    S.times,
    S.quotes,
    S.events,
    S.event_mentions,
    S.event_participants,
    S.minhashes,
    S.lsh_bands,
    S.cluster_bands,
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    from conftest import fresh_store_url

    with fresh_store_url(request.param, tmp_path, "dateline_purge") as u:
        yield u


def _snapshot(st: Store) -> dict:
    with st.engine.connect() as conn:
        out = {t.name: sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr) for t in KEPT}
        out["story_links"] = sorted(
            conn.execute(sa.select(S.articles.c.id, S.articles.c.story_id, S.articles.c.url)).all()
        )
    return out


def test_purge_keeps_facts_drops_text_and_dedup_still_works(url, seed_article):
    with Store.open(url) as st:
        st.write(seed_article)
        before = _snapshot(st)
        assert st.search("Vladivostok")
        s = purge(st, "30d")
        assert s.articles == 0  # ingested just now: within 30 days
        dry = purge(st, "0d", dry_run=True)
        assert dry.articles == 1 and st.get_article(seed_article.id).text == seed_article.text
        s = purge(st, "0d")
        assert (s.articles, s.chars) == (1, len(seed_article.text))
        assert _snapshot(st) == before  # every event, evidence snippet, quote, place, link and hash
        stored = st.get_article(seed_article.id)
        assert stored.text == "" and all(r.text == "" for r in stored.removed)
        mark = stored.to_dict()["text_purged"]
        assert mark["chars"] == len(seed_article.text) and len(mark["sha256"]) == 64
        assert [e.evidence.text for e in stored.events] == [e.evidence.text for e in seed_article.events]
        with st.engine.connect() as conn:
            assert conn.execute(sa.select(S.articles.c.text)).scalar_one() == ""
        assert st.search("Vladivostok") == []  # the full-text index lost the text too
        assert purge(st, "0d").articles == 0  # once

        # the same page again: a duplicate (the id is the text's hash); another outlet's copy
        # joins the story (the MinHash signatures are kept)
        again = seed_article.model_copy(deep=True)
        again.source = Source(url="https://mirror.example/kim", publisher="Mirror")
        r = st.write(again)
        assert r.status in ("duplicate", "updated") and r.source_added  # updated: the URL it lacked
        # a copy with a publication date of stronger provenance re-dates the article (store.merge):
        # the text stays purged
        from dateline.article import Published

        redated = seed_article.model_copy(deep=True)
        redated.published = Published(date="2019-04-23", source="metadata")
        st.write(redated)
        stored = st.get_article(seed_article.id)
        assert stored.text == "" and stored.to_dict()["text_purged"] == mark
        with st.engine.connect() as conn:
            assert conn.execute(sa.select(S.articles.c.text)).scalar_one() == ""
        assert st.search("Vladivostok") == []
        copy = seed_article.model_copy(deep=True)
        copy.text = seed_article.text.replace("Thursday", "Thursday,", 1)
        copy.id = Article.make_id(copy.text)
        r = st.write(copy)
        assert r.status == "stored" and r.linked and r.story_id == before["story_links"][0][1]


def test_purged_article_says_so_in_the_api(tmp_path, seed_article):
    from dateline.serve import create_app

    url = f"sqlite:///{tmp_path / 'p.db'}"
    with Store.open(url) as st:
        st.write(seed_article)
        purge(st, "0d")
    with TestClient(create_app(url, public_text=True)) as c:  # a server that shows texts: this one is gone
        art = c.get(f"/api/v1/articles/{seed_article.id}").json()
        assert art["text"] == "" and art["text_purged"]["reason"] == "retention"
        assert len(art["events"]) == len(seed_article.events)
        page = c.get(f"/web/api/article/{seed_article.id}").json()
        assert page["article"]["text_purged"]["chars"] == len(seed_article.text)
