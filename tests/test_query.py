"""Queries over a real store (SQLite, and PostgreSQL when DATELINE_TEST_POSTGRES_URL is set):
events by actor name or ISO3, type, modality, dates, place and radius (real gazetteer), words,
pagination; actors; ranked search with highlighted snippets; show; the CLI in every format.

The articles are written by hand (texts, actors, places and events with their spans) so that
each filter's expected answer is known; the done-when check on the seed uses the real pipeline.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json

import pytest
from conftest import fresh_store_url

from dateline import query
from dateline.article import Article
from dateline.cli import main
from dateline.errors import UsageError
from dateline.store import Store


# -- hand-built corpus ----------------------------------------------------------------------------------
def _span(text: str, needle: str) -> dict:
    i = text.index(needle)
    return {"start": i, "end": i + len(needle), "text": needle}


def make_article(
    text: str,
    *,
    headline: str,
    published: str,
    actors: list[dict],
    events: list[dict],
    places: list[dict] = (),
    publisher: str = "Example News",
    url: str | None = None,
) -> Article:
    """An Article with actors (``{id, name, kind, country, sector, mention}``), places
    (``{text, name, lat, lon, country, geonameid}``) and events (``{type, actors, recipients,
    evidence, date, place, modality, mode}``); spans are computed from the text."""
    acts = []
    for a in actors:
        s = _span(text, a.get("mention", a["name"]))
        acts.append(
            {
                "id": a["id"],
                "name": a["name"],
                "kind": a["kind"],
                "country": a.get("country"),
                "sector": a.get("sector"),
                "roles": a.get("roles", []),
                "mentions": [{"start": s["start"], "end": s["end"]}],
            }
        )
    pls = []
    for p in places:
        s = _span(text, p["text"])
        pls.append(
            {
                **s,
                "name": p["name"],
                "lat": p["lat"],
                "lon": p["lon"],
                "country": p["country"],
                "geonameid": p.get("geonameid"),
                "feature": "city",
                "resolved": True,
            }
        )
    evs = []
    for i, e in enumerate(events, 1):
        ev = _span(text, e["evidence"])
        evs.append(
            {
                "id": f"e{i}",
                "type": e["type"],
                "mode": e.get("mode"),
                "actors": e["actors"],
                "recipients": e.get("recipients", []),
                "place": e.get("place"),
                "date": e.get("date"),
                "date_source": "text" if e.get("date") else "none",
                "modality": e.get("modality", "asserted"),
                "quad": e["quad"],
                "cameo": e.get("cameo"),
                "evidence": ev,
                "confidence": 0.8,
            }
        )
    return Article.from_dict(
        {
            "id": Article.make_id(text),
            "source": {"publisher": publisher, "url": url},
            "language": "en",
            "headline": headline,
            "published": {"date": published, "source": "metadata"},
            "text": text,
            "actors": acts,
            "places": pls,
            "events": evs,
        }
    )


VLADIVOSTOK = {"name": "Vladivostok", "lat": 43.10562, "lon": 131.87353, "country": "RUS", "geonameid": 2013348}
KYIV = {"name": "Kyiv", "lat": 50.45466, "lon": 30.5238, "country": "UKR", "geonameid": 703448}
SUVA = {"name": "Suva", "lat": -18.14161, "lon": 178.44149, "country": "FJI", "geonameid": 2198148}
APIA = {"name": "Apia", "lat": -13.83333, "lon": -171.76666, "country": "WSM", "geonameid": 4035413}

SUMMIT = (
    "North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok on Thursday "
    "for talks on the nuclear standoff. Putin said the two sides would sign a trade agreement next year."
)
STRIKE = (
    "Russian missiles struck an apartment block in Kyiv on Monday, killing four people, Ukrainian "
    "officials said. President Volodymyr Zelenskiy accused Moscow of terror against civilians."
)
PACIFIC = (
    "Fiji's prime minister hosted the leaders of Samoa in Suva for a regional climate meeting. "
    "Samoa's prime minister later travelled home to Apia and promised aid for the cyclone victims."
)
UNDATED = "Protesters gathered outside the parliament to demand new elections, organisers said."


def corpus() -> list[Article]:
    kim = {"id": "a1", "name": "Kim Jong Un", "kind": "person", "country": "PRK", "sector": "GOV", "roles": ["leader"]}
    putin = {
        "id": "a2",
        "name": "Vladimir Putin",
        "kind": "person",
        "country": "RUS",
        "sector": "GOV",
        "mention": "Putin",
    }
    summit = make_article(
        SUMMIT,
        headline="Kim meets Putin in Vladivostok",
        published="2019-04-25",
        url="https://example.org/summit",
        actors=[kim, putin],
        places=[{"text": "Vladivostok", **VLADIVOSTOK}],
        events=[
            {
                "type": "CONSULT",
                "mode": "visit",
                "quad": 1,
                "actors": ["a1"],
                "recipients": ["a2"],
                "evidence": "Kim Jong Un met Russian President Vladimir Putin in Vladivostok",
                "date": "2019-04-25",
                "place": VLADIVOSTOK,
                "cameo": "042",
            },
            {
                "type": "AGREE",
                "quad": 1,
                "actors": ["a2"],
                "recipients": ["a1"],
                "modality": "future",
                "evidence": "the two sides would sign a trade agreement next year",
                "date": "2020",
            },
        ],
    )
    strike = make_article(
        STRIKE,
        headline="Missiles hit Kyiv",
        published="2022-10-10",
        actors=[
            {"id": "a1", "name": "Russia", "kind": "country", "country": "RUS", "mention": "Russian"},
            {"id": "a2", "name": "Volodymyr Zelenskiy", "kind": "person", "country": "UKR", "sector": "GOV"},
            {"id": "a3", "name": "Moscow", "kind": "country", "country": "RUS"},
        ],
        places=[{"text": "Kyiv", **KYIV}],
        events=[
            {
                "type": "ASSAULT",
                "mode": "aerial",
                "quad": 4,
                "actors": ["a1"],
                "evidence": "Russian missiles struck an apartment block in Kyiv",
                "date": "2022-10-10",
                "place": KYIV,
            },
            {
                "type": "ACCUSE",
                "quad": 3,
                "actors": ["a2"],
                "recipients": ["a3"],
                "evidence": "Zelenskiy accused Moscow of terror against civilians",
                "date": "2022-10-10",
            },
        ],
    )
    pacific = make_article(
        PACIFIC,
        headline="Pacific leaders meet in Suva",
        published="2023-05-02",
        actors=[
            {"id": "a1", "name": "Fiji", "kind": "country", "country": "FJI", "mention": "Fiji"},
            {"id": "a2", "name": "Samoa", "kind": "country", "country": "WSM", "mention": "Samoa"},
        ],
        places=[{"text": "Suva", **SUVA}, {"text": "Apia", **APIA}],
        events=[
            {
                "type": "CONSULT",
                "mode": "multilateral",
                "quad": 1,
                "actors": ["a1"],
                "recipients": ["a2"],
                "evidence": "hosted the leaders of Samoa in Suva",
                "date": "2023-05-01",
                "place": SUVA,
            },
            {
                "type": "AID",
                "quad": 2,
                "actors": ["a2"],
                "evidence": "promised aid for the cyclone victims",
                "date": "2023-05-02",
                "place": APIA,
                "modality": "future",
            },
        ],
    )
    undated = make_article(
        UNDATED,
        headline="Protest at parliament",
        published=None,
        actors=[{"id": "a1", "name": "Protesters", "kind": "group"}],
        events=[
            {"type": "PROTEST", "quad": 4, "actors": ["a1"], "evidence": "Protesters gathered outside the parliament"}
        ],
    )
    return [summit, strike, pacific, undated]


# -- stores on both backends -------------------------------------------------------------------------------
def fresh_db_url(backend: str, tmp_path):
    """A context yielding an empty store URL on ``backend`` (a new PostgreSQL database, dropped after)."""

    @contextlib.contextmanager
    def ctx():
        with fresh_store_url(backend, tmp_path, prefix="dateline_qtest") as url:
            try:
                yield url
            finally:
                query._stores.clear()

    return ctx()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    with fresh_db_url(request.param, tmp_path_factory.mktemp("q")) as url:
        st = Store.open(url)
        for a in corpus():
            st.write(a)
        yield st
        st.close()


def ids(rows) -> list[str]:
    return [r["headline"] + ":" + r["type"] for r in rows]


# -- events ----------------------------------------------------------------------------------------------------
def test_actor_by_name_finds_the_meeting_with_display_names_and_evidence(store):
    rows = query.events(store, actor="Kim Jong Un", type="CONSULT")
    assert len(rows) == 1 and rows.total == 1
    ev = rows[0]
    assert ev["actors"] == ["Kim Jong Un"] and ev["recipients"] == ["Vladimir Putin"]
    assert ev["place"]["name"] == "Vladivostok" and ev["date"] == "2019-04-25"
    assert SUMMIT[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
    # A word of a name, any case, as actor or recipient.
    assert sorted(ids(query.events(store, actor="putin"))) == [
        "Kim meets Putin in Vladivostok:AGREE",
        "Kim meets Putin in Vladivostok:CONSULT",
    ]
    assert query.events(store, actor="Nobody Atall").total == 0


def test_actor_names_match_by_words_and_prefixes(store):
    kim = ["Kim meets Putin in Vladivostok:AGREE", "Kim meets Putin in Vladivostok:CONSULT"]
    # Words in any order and case, across hyphens and accents.
    assert sorted(ids(query.events(store, actor="KIM jong-un"))) == kim
    assert sorted(ids(query.events(store, actor="Un, Kim Jong"))) == kim
    assert ids(query.events(store, actor="Zelénskiy")) == ["Missiles hit Kyiv:ACCUSE"]
    # Every word in one participant's name: Kim and Putin are two participants.
    assert query.events(store, actor="Kim Putin").total == 0
    # Part of a word matches only as a prefix written with *.
    assert query.events(store, actor="zelensk").total == 0
    assert ids(query.events(store, actor="zelensk*")) == ["Missiles hit Kyiv:ACCUSE"]
    assert sorted(ids(query.events(store, actor="k* jong"))) == kim
    assert query.events(store, actor="ong*").total == 0
    with pytest.raises(UsageError, match="give a name"):
        query.events(store, actor=" - * ")


def test_name_matches_is_the_rule_of_the_name_index():
    from dateline.store.filters import name_matches

    # the Python check (the web's actor page marks its own nodes with it) agrees with the SQL lookup
    assert name_matches("kim JONG-un", "Kim Jong Un") and name_matches("Un, Kim", "Kim Jong Un")
    assert name_matches("zelensk*", "Volodymyr Zelenskiy") and name_matches("Zelénskiy", "Zelenskiy")
    assert not name_matches("zelensk", "Volodymyr Zelenskiy")
    assert not name_matches("Kim", "Kimberly Guilfoyle") and not name_matches("ong*", "Kim Jong Un")


def test_the_actor_page_marks_the_participants_a_prefix_matched(store):
    from dateline.web import data

    page = data.actor(store, "zelensk*")
    assert page["total"] == 1
    assert [n["label"] for n in page["network"]["nodes"] if n["own"]] == ["Volodymyr Zelenskiy"]


def test_actor_by_iso3_matches_countries_and_their_people(store):
    # RUS: the country actor of the strike, "Moscow" as recipient, and Putin (a Russian person).
    assert sorted(ids(query.events(store, actor="RUS"))) == [
        "Kim meets Putin in Vladivostok:AGREE",
        "Kim meets Putin in Vladivostok:CONSULT",
        "Missiles hit Kyiv:ACCUSE",
        "Missiles hit Kyiv:ASSAULT",
    ]
    assert sorted(ids(query.events(store, actor="PRK"))) == [
        "Kim meets Putin in Vladivostok:AGREE",
        "Kim meets Putin in Vladivostok:CONSULT",
    ]
    assert ids(query.events(store, actor="UKR")) == ["Missiles hit Kyiv:ACCUSE"]


def test_type_modality_and_country_filters(store):
    assert sorted(ids(query.events(store, type="consult"))) == [
        "Kim meets Putin in Vladivostok:CONSULT",
        "Pacific leaders meet in Suva:CONSULT",
    ]
    assert sorted(ids(query.events(store, modality="future"))) == [
        "Kim meets Putin in Vladivostok:AGREE",
        "Pacific leaders meet in Suva:AID",
    ]
    assert ids(query.events(store, country="UKR")) == ["Missiles hit Kyiv:ASSAULT"]
    with pytest.raises(UsageError, match="PLOVER type"):
        query.events(store, type="MEETING")
    with pytest.raises(UsageError, match="modality"):
        query.events(store, modality="maybe")
    with pytest.raises(UsageError, match="ISO 3166"):
        query.events(store, country="Russia")


def test_dates_are_inclusive_and_partial_dates_cover_their_period(store):
    april = query.events(store, since="2019-04", until="2019-04")
    assert ids(april) == ["Kim meets Putin in Vladivostok:CONSULT"]
    assert ids(query.events(store, since="2019-04-25", until="2019-04-25")) == ids(april)
    assert query.events(store, until="2019-04-24").total == 0
    # The year-only date "2020" falls within until=2020 and since=2020.
    assert ids(query.events(store, since="2020", until="2020")) == ["Kim meets Putin in Vladivostok:AGREE"]
    assert query.events(store, since="2022").total == 4  # 2 in 2022, 2 in 2023; undated never match
    with pytest.raises(UsageError, match="YYYY"):
        query.events(store, since="25/04/2019")
    with pytest.raises(UsageError, match="after"):
        query.events(store, since="2020", until="2019")


def test_the_store_and_the_query_layer_read_dates_alike(store):
    """One meaning of since/until (#18): Store.events and Store.articles keep what query.events
    keeps, a partial date covering its period; an impossible date is refused by both."""
    for since, until in [
        ("2019-04", "2019-04"),
        ("2019", "2019"),
        (None, "2020"),
        ("2022", None),
        (None, "2019-04-24"),
    ]:
        through_query = sorted(r["id"] for r in query.events(store, since=since, until=until, limit=1000))
        through_store = sorted(r["id"] for r in store.events(since=since, until=until, limit=1000))
        assert through_store == through_query, (since, until)
    assert len(store.events(until="2019-04")) == 1  # a raw string comparison gave 0: "2019-04-25" > "2019-04"
    published = [r["published_date"] for r in store.articles(limit=1000) if r["published_date"]]
    month = published[0][:7]
    assert {r["published_date"][:7] for r in store.articles(since=month, until=month)} == {month}
    with pytest.raises(UsageError, match="YYYY"):
        store.events(until="2019-13")


def test_the_store_and_the_query_layer_take_the_same_filters(store):
    """One list of event filters (store.filters.EventFilters, #18): Store.events takes every
    filter query.events takes (a participant, words, a quad, ids too) and keeps the same events;
    a keyword that is no filter is a TypeError in both."""
    for filters in [
        {"actor": "putin"},
        {"actor": "PRK", "type": "consult"},
        {"text": "cyclone aid"},
        {"quad": 4},
        {"country": "ukr", "min_sources": 1},
    ]:
        through_query = sorted(r["id"] for r in query.events(store, limit=1000, **filters))
        through_store = sorted(r["id"] for r in store.events(limit=1000, **filters))
        assert through_query and through_store == through_query, filters
    some = through_query[:1]
    assert [r["id"] for r in store.events(ids=some)] == some
    for events in (store.events, lambda **kw: query.events(store, **kw)):
        with pytest.raises(TypeError, match="keyword argument 'actors'"):
            events(actors="putin")


def test_near_resolves_the_place_with_the_gazetteer_and_filters_by_distance(store):
    rows = query.events(store, near="Vladivostok", radius_km=500)
    assert ids(rows) == ["Kim meets Putin in Vladivostok:CONSULT"]
    assert rows.center["country"] == "RUS" and abs(rows.center["lat"] - 43.1) < 0.2
    assert rows[0]["distance_km"] < 5
    # Kyiv is ~7,140 km from Vladivostok: inside a 7,500 km radius, outside 6,500.
    assert "Missiles hit Kyiv:ASSAULT" in ids(query.events(store, near="Vladivostok", radius_km=7500))
    assert "Missiles hit Kyiv:ASSAULT" not in ids(query.events(store, near="Vladivostok", radius_km=6500))
    with pytest.raises(UsageError, match="gazetteer knows no place"):
        query.events(store, near="Qwxzyville")
    with pytest.raises(UsageError, match="needs near"):
        query.events(store, radius_km=10)


def test_near_works_across_the_antimeridian(store):
    # Suva (178.4 E) and Apia (171.8 W) are ~1,150 km apart across the 180th meridian.
    assert sorted(ids(query.events(store, near="-18.14,178.44", radius_km=1300))) == [
        "Pacific leaders meet in Suva:AID",
        "Pacific leaders meet in Suva:CONSULT",
    ]
    assert ids(query.events(store, near="-13.83,-171.77", radius_km=100)) == ["Pacific leaders meet in Suva:AID"]


def test_bounding_box_never_loses_a_point_inside_the_radius():
    import random

    rnd = random.Random(7)
    for _ in range(2000):
        lat, lon = rnd.uniform(-89, 89), rnd.uniform(-180, 180)
        radius = rnd.choice([1, 50, 500, 3000])
        lat_min, lat_max, ranges = query.bounding_box(lat, lon, radius)
        # A point at the radius in a random direction (spherical destination formula).
        d, brg = radius * 0.999 / query.EARTH_RADIUS_KM, rnd.uniform(0, 6.283)
        import math

        p1, l1 = math.radians(lat), math.radians(lon)
        p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(brg))
        l2 = l1 + math.atan2(math.sin(brg) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
        plat, plon = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
        assert query.haversine_km(lat, lon, plat, plon) <= radius
        assert lat_min <= plat <= lat_max
        assert any(lo <= plon <= hi for lo, hi in ranges), (lat, lon, radius, plat, plon, ranges)


def test_the_sql_radius_condition_is_the_haversine_distance(store):
    """query.within_radius, the haversine test the database evaluates, answers as gazetteer.haversine_km
    (the one distance function) on both backends, for points on both sides of the radius."""
    import random

    import sqlalchemy as sa

    rnd = random.Random(11)
    cases = []
    for _ in range(300):
        lat, lat2 = rnd.uniform(-85, 85), rnd.uniform(-85, 85)
        lon, lon2 = rnd.uniform(-180, 180), rnd.uniform(-180, 180)
        radius = query.haversine_km(lat, lon, lat2, lon2) * rnd.choice([0.9, 0.99, 1.01, 1.1])
        cases.append((lat, lon, lat2, lon2, radius))
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(*[query.within_radius(sa.literal(a2), sa.literal(o2), a, o, r) for a, o, a2, o2, r in cases])
        ).one()
    assert list(row) == [query.haversine_km(a, o, a2, o2) <= r for a, o, a2, o2, r in cases]


def test_text_filter_matches_words_of_the_event_sentence(store):
    assert ids(query.events(store, text="cyclone AID")) == ["Pacific leaders meet in Suva:AID"]
    assert query.events(store, text="cyclone nuclear").total == 0
    assert query.events(store, text="100%").total == 0  # LIKE wildcards are literal
    assert query.events(store, text="cyclon").total == 0  # words, not parts of words
    assert ids(query.events(store, text="CYCLONE, aid!")) == ["Pacific leaders meet in Suva:AID"]


def test_pagination_is_stable_and_reports_the_total(store):
    everything = query.events(store, limit=100)
    assert everything.total == 7 == len(everything)
    dates = [r["date"] for r in everything]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1])  # by date, undated last
    pages = [query.events(store, limit=3, offset=o) for o in (0, 3, 6)]
    assert [r["id"] for p in pages for r in p] == [r["id"] for r in everything]
    assert all(p.total == 7 for p in pages)
    near = [query.events(store, near="Vladivostok", radius_km=20000, limit=2, offset=o) for o in (0, 2)]
    assert near[0].total == 4 and len(near[0]) == 2  # the four events that have a place
    assert near[0][0]["id"] != near[1][0]["id"]
    with pytest.raises(UsageError):
        query.events(store, limit=0)


def test_records_become_a_dataframe(store):
    pd = pytest.importorskip("pandas")
    df = query.events(store, type="CONSULT").to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 2
    assert set(df["type"]) == {"CONSULT"} and "evidence" in df.columns


# -- actors, search, show -----------------------------------------------------------------------------------------
def test_actors_are_aggregated_across_articles(store):
    rows = query.actors(store, limit=50)
    by_name = {r["name"]: r for r in rows}
    assert by_name["Kim Jong Un"]["country"] == "PRK" and by_name["Kim Jong Un"]["n_events"] == 2
    assert by_name["Kim Jong Un"]["roles"] == ["leader"]
    # 7 actors: the strike article's "Russia" and "Moscow" (both country RUS) are one actor
    assert rows.total == len(rows) == 7
    assert by_name["Russia"]["key"] == "country:RUS" and by_name["Russia"]["n_articles"] == 1
    assert [r["name"] for r in query.actors(store, country="RUS")] and all(
        r["country"] == "RUS" for r in query.actors(store, country="RUS")
    )
    assert [r["name"] for r in query.actors(store, name="zelensk*")] == ["Volodymyr Zelenskiy"]


def test_search_ranks_and_highlights_the_words(store):
    rows = query.search("nuclear standoff", store)
    assert [r["headline"] for r in rows] == ["Kim meets Putin in Vladivostok"]
    r = rows[0]
    assert r["highlights"], r
    for s, e in r["highlights"]:
        assert r["snippet"][s:e].lower().startswith(("nuclear", "standoff"))
    # Several matches: the article with more occurrences ranks first.
    both = query.search("Samoa", store)
    assert [x["headline"] for x in both] == ["Pacific leaders meet in Suva"]
    assert query.search("zzzunknownzzz", store) == []
    with pytest.raises(UsageError):
        query.search("  ", store)


def test_show_returns_the_article_by_id_or_prefix(store):
    art = corpus()[0]
    assert query.show(art.id, store).headline == "Kim meets Putin in Vladivostok"
    assert query.show(art.id[:8], store).id == art.id
    assert query.show("0000000000", store) is None
    assert query.show("'; drop table articles; --", store) is None


def test_snippet_marks_every_match_inside_the_window():
    text = ("word " * 100) + "the Nuclear talks about nuclear weapons " + ("filler " * 100)
    snip, marks = query.snippet(text, ["nuclear"])
    assert len(marks) == 2 and all(snip[s:e].lower() == "nuclear" for s, e in marks)
    assert snip.startswith("…") and snip.endswith("…")


# -- the CLI --------------------------------------------------------------------------------------------------------
def test_cli_events_in_table_json_and_csv(store, capsys):
    url = store.engine.url.render_as_string(hide_password=False)
    args = ["events", "--db", url, "--actor", "Kim Jong Un", "--type", "CONSULT"]
    assert main(args + ["--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["DATE", "TYPE", "MODE"] and "Vladivostok" in out
    assert main(args) == 0  # a pipe: JSON lines by default
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["place"]["name"] for r in recs] == ["Vladivostok"]
    assert main(args + ["--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and rows[0]["place"] == "Vladivostok" and rows[0]["actors"] == "Kim Jong Un"


def test_cli_events_in_plover_and_gdelt(store, capsys):
    url = store.engine.url.render_as_string(hide_password=False)
    args = ["events", "--db", url, "--actor", "Kim Jong Un", "--type", "CONSULT"]
    assert main(args + ["--format", "plover"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert len(lines) == 1 and "Vladivostok" in json.dumps(lines[0]) and "CONSULT" in json.dumps(lines[0])
    assert main(args + ["--format", "gdelt"]) == 0
    out = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    data = [x for x in out if "Vladivostok" in x]
    assert len(data) == 1 and "\t" in data[0]


def test_cli_actors_search_show_and_errors(store, capsys):
    url = store.engine.url.render_as_string(hide_password=False)
    assert main(["actors", "--db", url, "--country", "PRK", "--format", "csv"]) == 0
    assert list(csv.DictReader(io.StringIO(capsys.readouterr().out)))[0]["name"] == "Kim Jong Un"
    assert main(["search", "nuclear", "--db", url, "--format", "csv"]) == 0
    assert "«nuclear»" in capsys.readouterr().out
    aid = corpus()[1].id
    assert main(["show", aid[:10], "--db", url, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Missiles hit Kyiv" in out and "ASSAULT/aerial" in out and "EVENTS (2)" in out
    assert main(["show", "ffffffffff", "--db", url]) == 2
    assert "no article" in capsys.readouterr().err
    assert main(["events", "--db", url, "--since", "April"]) == 2
    assert "YYYY" in capsys.readouterr().err


def test_cli_refuses_a_missing_sqlite_store(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "nope.db")]) == 2
    assert "dateline ingest" in capsys.readouterr().err
    assert not (tmp_path / "nope.db").exists()


def test_every_command_help_ends_with_an_example(capsys):
    for cmd in ("events", "actors", "search", "show", "serve"):
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        text = capsys.readouterr().out.rstrip()
        assert "example" in text.splitlines()[-3:][0] or "example" in text[-400:], cmd
        assert text.splitlines()[-1].strip().startswith("dateline " if cmd != "serve" else ("dateline", "DATELINE"))


# -- done when: the seed through the real pipeline ---------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_store(seed_article, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    st = Store.open(url)
    st.write(seed_article)
    yield st
    st.close()


@pytest.mark.slow
def test_seed_answers_kim_jong_un_consult_with_the_vladivostok_meeting(seed_store, capsys):
    rows = query.events(seed_store, actor="Kim Jong Un", type="CONSULT")
    assert rows, "no CONSULT event with Kim Jong Un in the seed"
    assert any(
        (r["place"] or {}).get("name") == "Vladivostok" or "Vladivostok" in r["evidence"]["text"] for r in rows
    ), rows
    url = seed_store.engine.url.render_as_string(hide_password=False)
    for fmt in ("table", "json", "csv", "plover", "gdelt"):
        code = main(["events", "--db", url, "--actor", "Kim Jong Un", "--type", "CONSULT", "--format", fmt])
        captured = capsys.readouterr()
        if fmt in ("plover", "gdelt") and code == 2 and "dateline.export" in captured.err:
            continue  # the exporters are not installed yet (checked in test_cli_events_in_plover_and_gdelt)
        assert code == 0, captured.err
        assert "Vladivostok" in captured.out, (fmt, captured.out)
