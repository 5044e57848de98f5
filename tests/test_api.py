"""The REST API against a real store (SQLite; the read endpoints also on PostgreSQL when
DATELINE_TEST_POSTGRES_URL is set): queries, the one error shape, the token, the size limit,
content types, malformed and hostile input (a 4xx and nothing stored), OpenAPI, and the
`dateline serve` exposure check. Posted articles go through the real pipeline.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from test_query import SUMMIT, corpus, fresh_db_url, store  # noqa: F401  (store: the two-backend fixture)

from dateline.cli import main
from dateline.errors import UsageError
from dateline.serve import create_app, is_loopback
from dateline.store import Store

TOKEN = "test-token-4f9a2c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE_TEXT = (
    "GENEVA (Reuters) - Iran's foreign minister met European envoys in Geneva on Tuesday to discuss the "
    "nuclear agreement, officials said. The ministers agreed to hold another round of talks next month, "
    "a spokesman for the European Union said after the meeting ended late in the evening."
)


def _url(st: Store) -> str:
    return st.engine.url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def client(store):  # noqa: F811 - the fixture imported from test_query
    app = create_app(_url(store), token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def writer(tmp_path):
    """A client of a fresh SQLite store holding the hand-built corpus, with a token, 64 KB limit."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    st = Store.open(url)
    for a in corpus():
        st.write(a)
    app = create_app(url, token=TOKEN, max_body=64_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        c.store = st
        yield c
    st.close()


def assert_error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    assert body["error"]["code"] == code, body
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 10
    return body["error"]


# -- reading (both backends) -----------------------------------------------------------------------------------
def test_health(client):
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["writable"] is True
    assert body["store"]["articles"] == 4 and body["store"]["events"] == 7


def test_events_endpoint_serves_the_meeting(client):
    r = client.get("/api/v1/events", params={"actor": "Kim Jong Un", "type": "CONSULT"})
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["total"] == 1 and page["next_offset"] is None
    ev = page["items"][0]
    assert ev["place"]["name"] == "Vladivostok" and ev["actors"] == ["Kim Jong Un"]
    assert ev["recipients"] == ["Vladimir Putin"] and ev["date"] == "2019-04-25"


def test_events_endpoint_filters_and_pages_like_the_library(client, store):  # noqa: F811
    from dateline import query

    r = client.get("/api/v1/events", params={"near": "Vladivostok", "radius_km": 500})
    assert [e["type"] for e in r.json()["items"]] == ["CONSULT"] and r.json()["near"]["country"] == "RUS"
    r = client.get("/api/v1/events", params={"actor": "RUS", "since": "2022-10", "until": "2022-10"})
    assert sorted(e["type"] for e in r.json()["items"]) == ["ACCUSE", "ASSAULT"]
    first = client.get("/api/v1/events", params={"limit": 3}).json()
    assert first["total"] == 7 and first["next_offset"] == 3 and len(first["items"]) == 3
    rest = client.get("/api/v1/events", params={"limit": 3, "offset": first["next_offset"]}).json()
    lib = query.events(store, limit=6)
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in lib]
    csv_ = client.get("/api/v1/events", params={"type": "ASSAULT", "format": "csv"})
    assert csv_.headers["content-type"].startswith("text/csv") and "Kyiv" in csv_.text


def test_one_event_with_its_mentions(client):
    ev = client.get("/api/v1/events", params={"type": "ASSAULT"}).json()["items"][0]
    one = client.get(f"/api/v1/events/{ev['id']}").json()
    assert one["id"] == ev["id"] and one["type"] == "ASSAULT"
    assert [m["article_id"] for m in one["mentions"]] == [ev["article_id"]]
    assert one["mentions"][0]["evidence_text"] == ev["evidence"]["text"]
    assert_error(client.get("/api/v1/events/ffffffffffffffffffff"), 404, "not_found")


def test_actors_search_and_articles(client):
    actors = client.get("/api/v1/actors", params={"country": "PRK"}).json()
    assert [a["name"] for a in actors["items"]] == ["Kim Jong Un"]
    hits = client.get("/api/v1/search", params={"q": "nuclear"}).json()["items"]
    assert [h["headline"] for h in hits] == ["Kim meets Putin in Vladivostok"]
    s, e = hits[0]["highlights"][0]
    assert hits[0]["snippet"][s:e].lower() == "nuclear"
    art = client.get(f"/api/v1/articles/{hits[0]['id']}")
    assert art.status_code == 200 and art.json()["schema"] == "dateline.article/1"
    # the text is withheld unless the server was started with --public-text (issue #17)
    assert art.json()["text"] is None and art.json()["text_withheld"] is True
    assert art.json()["events"] and art.json()["events"][0]["evidence"]["text"] in SUMMIT


def test_errors_have_one_shape(client):
    assert_error(client.get("/api/v1/nowhere"), 404, "not_found")
    assert_error(client.get("/api/v1/articles/0123456789abcdef0000"), 404, "not_found")
    assert_error(client.get("/api/v1/articles/bad id!"), 422, "validation_error")
    assert_error(client.delete("/api/v1/events"), 405, "method_not_allowed")
    err = assert_error(client.get("/api/v1/events", params={"limit": 0}), 422, "validation_error")
    assert "limit" in err["message"] and err["details"][0]["loc"] == ["query", "limit"]
    assert (
        "PLOVER"
        in assert_error(client.get("/api/v1/events", params={"type": "MEET"}), 422, "invalid_parameter")["message"]
    )
    assert_error(client.get("/api/v1/events", params={"near": "Qwxzyville"}), 422, "invalid_parameter")
    assert_error(client.get("/api/v1/search"), 422, "validation_error")


def test_malformed_search_queries_are_read_leniently_or_refused_with_a_422(client):
    # "summit NOT" was a 500 (AttributeError in the query parser), deep parentheses a RecursionError
    ok = client.get("/api/v1/search", params={"q": "nuclear"}).json()["items"]
    for q in ("nuclear NOT", "nuclear AND", "nuclear -", "nuclear OR NOT", "(nuclear NOT)"):
        r = client.get("/api/v1/search", params={"q": q})
        assert r.status_code == 200 and r.json()["items"] == ok, (q, r.text)
    for q, why in (
        ('"', "quote"),
        ("NOT", "at least one word"),
        ("AND", "at least one word"),
        ("()", "at least one word"),
        ("-", "at least one word"),
        ("*", "at least one word"),
        ("-nuclear", "NOT"),
        ("(nuclear", "parenthesis"),
        ("nuclear NOT)", "parenthesis"),
        ("(" * 240 + "nuclear" + ")" * 240, "nested"),
        ("NOT " * 120 + "nuclear", "nested"),
    ):
        err = assert_error(client.get("/api/v1/search", params={"q": q}), 422, "invalid_parameter")
        assert why in err["message"], (q, err)
    assert_error(client.get("/api/v1/search", params={"q": "x" * 501}), 422, "validation_error")


def test_the_search_command_reads_a_trailing_not_and_refuses_deep_nesting(store, capsys):  # noqa: F811
    url = _url(store)
    assert main(["search", "nuclear", "--db", url, "--format", "csv"]) == 0
    want = capsys.readouterr().out
    assert main(["search", "nuclear NOT", "--db", url, "--format", "csv"]) == 0
    assert capsys.readouterr().out == want and "«nuclear»" in want
    assert main(["search", "NOT", "--db", url]) == 2
    assert "at least one word" in capsys.readouterr().err
    assert main(["search", "(" * 500 + "nuclear" + ")" * 500, "--db", url]) == 2
    assert "nested more than" in capsys.readouterr().err


def test_an_unexpected_failure_is_a_500_in_the_same_shape(store):  # noqa: F811
    app = create_app(_url(store), token=TOKEN)

    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/v1/boom"), 500, "internal_error")
    assert "secret" not in err["message"]


def test_openapi_and_docs_are_served_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {
        "/api/v1/events",
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/actors",
        "/api/v1/search",
        "/api/v1/health",
    } <= set(spec["paths"])
    assert "application/json" in spec["paths"]["/api/v1/articles"]["post"]["requestBody"]["content"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text
    js = client.get("/docs/static/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000


# -- writing (SQLite, fresh store each test) ------------------------------------------------------------------------
def test_unauthenticated_and_wrong_token_posts_get_401_and_store_nothing(writer):
    before = writer.store.counts()
    r = writer.post("/api/v1/articles", json={"text": ARTICLE_TEXT})
    assert_error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert_error(
        writer.post(
            "/api/v1/articles", json={"text": ARTICLE_TEXT}, headers={"Authorization": "Bearer wrong-token-xx"}
        ),
        401,
        "unauthorized",
    )
    assert_error(
        writer.post("/api/v1/articles", json={"text": ARTICLE_TEXT}, headers={"Authorization": f"Basic {TOKEN}"}),
        401,
        "unauthorized",
    )
    assert writer.store.counts() == before


def test_a_server_without_a_token_is_read_only(tmp_path, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    app = create_app(f"sqlite:///{tmp_path / 'ro.db'}")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/v1/health").json()["writable"] is False
        assert_error(c.post("/api/v1/articles", json={"text": ARTICLE_TEXT}, headers=AUTH), 403, "read_only")
    with pytest.raises(UsageError, match="too short"):
        create_app(f"sqlite:///{tmp_path / 'ro.db'}", token="short")


def test_oversized_bodies_get_413_before_being_read(writer):
    before = writer.store.counts()
    big = "word " * 20_000  # 100 KB, over the 64 KB limit
    err = assert_error(writer.post("/api/v1/articles", json={"text": big}, headers=AUTH), 413, "payload_too_large")
    assert "64,000" in err["message"]

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(50):
            yield b"x" * 4096

    assert_error(
        writer.post("/api/v1/articles", content=chunks(), headers={**AUTH, "content-type": "text/plain"}),
        413,
        "payload_too_large",
    )
    # Even unauthenticated: the size is checked first.
    assert_error(
        writer.post("/api/v1/articles", content=b"x" * 70_000, headers={"content-type": "text/plain"}),
        413,
        "payload_too_large",
    )
    assert writer.store.counts() == before


def test_malformed_json_and_wrong_content_types_get_4xx(writer):
    before = writer.store.counts()
    post = writer.post
    assert_error(
        post("/api/v1/articles", content=b'{"text": "abc', headers={**AUTH, "content-type": "application/json"}),
        400,
        "bad_json",
    )
    assert_error(
        post("/api/v1/articles", content=b"\xff\xfe{}", headers={**AUTH, "content-type": "application/json"}),
        400,
        "bad_json",
    )
    assert_error(
        post("/api/v1/articles", content=b'["text"]', headers={**AUTH, "content-type": "application/json"}),
        422,
        "validation_error",
    )
    assert_error(
        post("/api/v1/articles", json={"text": "a", "html": "<p>b</p>"}, headers=AUTH), 422, "validation_error"
    )
    assert_error(
        post("/api/v1/articles", json={"text": ARTICLE_TEXT, "extra": 1}, headers=AUTH), 422, "validation_error"
    )
    assert_error(post("/api/v1/articles", json={"text": 42}, headers=AUTH), 422, "validation_error")
    assert_error(
        post("/api/v1/articles", json={"text": ARTICLE_TEXT, "published": "last week"}, headers=AUTH),
        422,
        "invalid_parameter",
    )
    assert_error(post("/api/v1/articles", json={"text": "   \n  "}, headers=AUTH), 422, "input_rejected")
    assert_error(
        post("/api/v1/articles", content=b"<a/>", headers={**AUTH, "content-type": "application/xml"}),
        415,
        "unsupported_media_type",
    )
    assert_error(
        post("/api/v1/articles", content=b"plain", headers={**AUTH, "content-type": ""}), 415, "unsupported_media_type"
    )
    assert_error(
        post(
            "/api/v1/articles",
            content=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
            headers={**AUTH, "content-type": "text/plain"},
        ),
        422,
        "input_rejected",
    )
    assert writer.store.counts() == before


@pytest.mark.slow
def test_posting_an_article_runs_the_pipeline_and_stores_it_once(writer):
    r = writer.post(
        "/api/v1/articles",
        json={"text": ARTICLE_TEXT, "url": "https://example.org/geneva", "published": "2019-06-04"},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    art = r.json()
    assert art["schema"] == "dateline.article/1" and art["source"]["url"] == "https://example.org/geneva"
    assert art["published"] == {"date": "2019-06-04", "source": "metadata"}
    assert "Geneva" in art["text"] and art["actors"], art
    assert r.headers["location"] == f"/api/v1/articles/{art['id']}"
    # read back: the same record, its text withheld (no --public-text: issue #17)
    assert writer.get(r.headers["location"]).json() == {**art, "text": None, "removed": [], "text_withheld": True}
    again = writer.post("/api/v1/articles", json={"text": ARTICLE_TEXT}, headers=AUTH)
    assert again.status_code == 200 and again.json()["id"] == art["id"]
    assert writer.get("/api/v1/health").json()["store"]["articles"] == 5
    # The same page as text/plain with url and date as query parameters: the same article.
    plain = writer.post(
        "/api/v1/articles",
        content=ARTICLE_TEXT.encode(),
        params={"url": "https://x.example/g"},
        headers={**AUTH, "content-type": "text/plain; charset=utf-8"},
    )
    assert plain.status_code == 200 and plain.json()["id"] == art["id"]


@pytest.mark.slow
def test_hostile_html_gets_a_4xx_or_is_stored_without_its_markup(writer):
    before = writer.store.counts()
    only_script = "<html><body><script>fetch('/api/v1/articles',{method:'POST'})</script></body></html>"
    assert_error(
        writer.post("/api/v1/articles", content=only_script.encode(), headers={**AUTH, "content-type": "text/html"}),
        422,
        "input_rejected",
    )
    nested = "<html><body>" + "<div>" * 20_000 + "deep" + "</div>" * 20_000 + "</body></html>"
    r = writer.post("/api/v1/articles", json={"html": nested}, headers=AUTH)
    assert 400 <= r.status_code < 500, r.text
    assert writer.store.counts() == before
    page = (
        "<html><head><title>Talks in Geneva</title><script>alert('x')</script></head><body><article>"
        "<h1>Talks in Geneva</h1><img src=x onerror=\"alert('y')\"><p>" + ARTICLE_TEXT + "</p>"
        "<iframe src='javascript:alert(1)'></iframe></article></body></html>"
    )
    r = writer.post("/api/v1/articles", json={"html": page}, headers=AUTH)
    assert r.status_code == 201, r.text
    text = r.json()["text"]
    assert "Geneva" in text and "alert(" not in text and "<script" not in text and "onerror" not in text


# -- serving ---------------------------------------------------------------------------------------------------------
def test_serve_refuses_a_writable_public_address_without_a_token(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    db = tmp_path / "s.db"
    Store.open(f"sqlite:///{db}").close()
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0"]) == 2
    assert "DATELINE_API_TOKEN" in capsys.readouterr().err
    assert main(["serve", "--db", str(db), "--host", "::"]) == 2
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "dateline ingest" in capsys.readouterr().err
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


# -- done when: the seed through the real pipeline, then the API -------------------------------------------------------
@pytest.mark.slow
def test_api_serves_the_seed_meeting(seed_store):
    app = create_app(_url(seed_store), token=TOKEN)
    with TestClient(app) as c:
        page = c.get("/api/v1/events", params={"actor": "Kim Jong Un", "type": "CONSULT"}).json()
    assert page["items"], page
    assert any(
        (e["place"] or {}).get("name") == "Vladivostok" or "Vladivostok" in e["evidence"]["text"] for e in page["items"]
    ), json.dumps(page)[:2000]


@pytest.fixture(scope="module")
def seed_store(seed_article, tmp_path_factory):
    st = Store.open(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}")
    st.write(seed_article)
    yield st
    st.close()


@pytest.mark.postgres
def test_events_endpoint_on_postgresql(tmp_path):
    with fresh_db_url("postgresql", tmp_path) as url:
        st = Store.open(url)
        for a in corpus():
            st.write(a)
        with TestClient(create_app(url, token=TOKEN)) as c:
            page = c.get("/api/v1/events", params={"actor": "PRK", "type": "CONSULT"}).json()
            near = c.get("/api/v1/events", params={"near": "Suva", "radius_km": 1300}).json()
        st.close()
    assert [e["place"]["name"] for e in page["items"]] == ["Vladivostok"]
    assert sorted(e["type"] for e in near["items"]) == ["AID", "CONSULT"]


def test_dateline_serve_answers_over_real_http(tmp_path):
    """`dateline serve` in a subprocess (uvicorn on loopback): queries, 401 and 413 over a socket."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "served.db"
    st = Store.open(f"sqlite:///{db}")
    for a in corpus():
        st.write(a)
    st.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DATELINE_API_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port), "--max-body", "10000"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        page = httpx.get(base + "/api/v1/events", params={"actor": "Kim Jong Un", "type": "CONSULT"}).json()
        assert [e["place"]["name"] for e in page["items"]] == ["Vladivostok"]
        assert_error(httpx.post(base + "/api/v1/articles", json={"text": ARTICLE_TEXT}), 401, "unauthorized")
        assert_error(
            httpx.post(base + "/api/v1/articles", json={"text": "x" * 20_000}, headers=AUTH), 413, "payload_too_large"
        )

        def chunks():
            for _ in range(10):
                yield b"y" * 4000

        assert_error(
            httpx.post(base + "/api/v1/articles", content=chunks(), headers={**AUTH, "content-type": "text/plain"}),
            413,
            "payload_too_large",
        )
        assert httpx.get(base + "/openapi.json").json()["info"]["title"] == "dateline API"
        assert httpx.get(base + "/api/v1/health").json()["store"]["articles"] == 4
    finally:
        proc.terminate()
        proc.wait(timeout=20)
