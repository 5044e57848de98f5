"""Alerts (issue 19): saved queries over the store's corpus events, delivered once per change to
a webhook receiver (signature checked), a JSONL file and an aiosmtpd server, all on loopback."""

from __future__ import annotations

import json
import socket

import pytest
from fastapi.testclient import TestClient
from loopback import Hook

from dateline import alerts
from dateline.article import Article, Source
from dateline.errors import UsageError
from dateline.serve import create_app
from dateline.store import Store

TOKEN = "alerts-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KIM = {"actor": "Kim Jong Un", "type": "CONSULT"}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    from conftest import fresh_store_url

    with fresh_store_url(request.param, tmp_path, "dateline_alerts") as url:
        st = Store.open(url)
        yield st
        st.close()


def syndicated(seed: Article, n: int) -> Article:
    """A copy of the seed republished by another outlet (same story, same events)."""
    a = seed.model_copy(deep=True)
    a.text = seed.text + f"\n\nRepublished by outlet {n}."
    a.id = Article.make_id(a.text)
    a.source = Source(url=f"https://outlet{n}.example/story", publisher=f"Outlet {n}")
    return a


def other_report(seed: Article) -> Article:
    """Another outlet's own story of the same events (a new, independent source)."""
    a = seed.model_copy(deep=True)
    a.text = "Other Wire reports. " * 20 + seed.text[::-1]
    a.id = Article.make_id(a.text)
    a.source = Source(url="https://otherwire.example/kim", publisher="Other Wire", agency="Other Wire")
    return a


def _lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_new_matches_once_then_one_update_per_change_never_a_flood(store, seed_article, tmp_path):
    out = tmp_path / "alerts.jsonl"
    alerts.add(store, "kim", jsonl=str(out), **KIM)
    alerts.add(store, "two-sources", jsonl=str(tmp_path / "two.jsonl"), min_sources=2, **KIM)
    alerts.add(store, "assault", jsonl=str(tmp_path / "none.jsonl"), type="ASSAULT", actor="Kim Jong Un")
    store.write(seed_article)
    s = alerts.check(store)
    first = _lines(out)
    assert s.messages == 1 and s.sent == 1 and first
    assert {x["change"] for x in first} == {"new"} and len({x["delivery"] for x in first}) == 1
    assert all(x["event"]["type"] == "CONSULT" for x in first)
    assert all(any("Kim Jong Un" in n for n in x["event"]["actors"] + x["event"]["recipients"]) for x in first)
    assert _lines(tmp_path / "two.jsonl") == [] and _lines(tmp_path / "none.jsonl") == []

    assert alerts.check(store).messages == 0  # nothing new: nothing sent
    assert len(_lines(out)) == len(first)

    # three syndicated copies and an independent report arrive together: one message, one
    # update per changed event, saying what changed
    for n in range(3):
        store.write(syndicated(seed_article, n))
    store.write(other_report(seed_article))
    s = alerts.check(store)
    assert s.messages == 2  # "kim" (updates) and "two-sources" (now matching)
    updates = _lines(out)[len(first) :]
    assert updates and {x["change"] for x in updates} == {"update"}
    assert len({x["event"]["id"] for x in updates}) == len(updates) <= len(first)
    assert len({x["delivery"] for x in updates}) == 1
    for x in updates:
        assert x["changed"]["n_articles"] == [1, 5] and x["changed"]["n_sources"] == [1, 2]
        assert len(x["sources"]) == 5
    two = _lines(tmp_path / "two.jsonl")
    assert two and all(x["change"] == "new" and x["event"]["n_sources"] >= 2 for x in two)
    assert alerts.check(store).messages == 0

    recent = alerts.recent_matches(store, "kim")
    assert {m["event_id"] for m in recent} == {x["event"]["id"] for x in first}
    listed = {a["name"]: a for a in alerts.list_alerts(store)}
    assert listed["kim"]["n_matches"] == len(first) and listed["assault"]["n_matches"] == 0
    assert "secret" not in listed["kim"]


def test_webhook_is_signed_and_retried_until_taken(store, seed_article):
    with Hook(status=500) as hook:
        saved = alerts.add(store, "kim", webhook=hook.url, **KIM)
        secret = saved["secret"]
        assert len(secret) >= 32
        store.write(seed_article)
        s = alerts.check(store, outbox=alerts.Outbox(retries=1, backoff=0.0))
        assert (s.sent, s.failed) == (0, 1) and "500" in s.errors[0]
        assert len(hook.posts) == 2  # the first try and one retry
        assert alerts.list_alerts(store)[0]["pending"] == 1
        hook.status = 204
        s = alerts.check(store, outbox=alerts.Outbox(retries=1, backoff=0.0))
        assert (s.sent, s.failed, s.messages) == (1, 0, 0)  # the queued message, no new one
        assert alerts.check(store).sent == 0
    assert len(hook.posts) == 3
    deliveries = {h["X-Dateline-Delivery"] for _, h in hook.posts}
    assert len(deliveries) == 1  # the same message each time: receivers can drop repeats
    for body, headers in hook.posts:
        assert alerts.verify(secret, body, headers["X-Dateline-Signature"])
        assert headers["Content-Type"] == "application/json"
    tampered = hook.posts[0][0].replace(b"CONSULT", b"ASSAULT")
    assert not alerts.verify(secret, tampered, hook.posts[0][1]["X-Dateline-Signature"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_email_through_a_real_smtp_server(tmp_path, seed_article):
    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 OK"

    port = _free_port()
    ctl = Controller(Handler(), hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        with Store.open(f"sqlite:///{tmp_path / 'm.db'}") as st:
            alerts.add(st, "kim-mail", email="desk@example.org", **KIM)
            st.write(seed_article)
            s = alerts.check(
                st, outbox=alerts.Outbox(smtp_url=f"smtp://127.0.0.1:{port}", sender="dateline@example.org")
            )
            assert s.sent == 1 and not s.errors
            out = alerts.replay(st, "kim-mail", outbox=alerts.Outbox(smtp_url=f"smtp://127.0.0.1:{port}"))
            assert out["matches"] >= 1
            # an unreachable server leaves the message queued, with a message saying what to check
            st.write(syndicated(seed_article, 9))
            s = alerts.check(st, outbox=alerts.Outbox(smtp_url=f"smtp://127.0.0.1:{_free_port()}"))
            assert s.failed == 1 and "DATELINE_SMTP_URL" in s.errors[0]
    finally:
        ctl.stop()
    assert len(received) == 2
    import email

    msg = email.message_from_bytes(received[0].content)
    assert received[0].rcpt_tos == ["desk@example.org"] and msg["Subject"].startswith("[dateline] kim-mail")
    text = msg.get_payload()[0].get_payload(decode=True).decode()
    assert "CONSULT" in text and "Kim Jong Un" in text and "/article/" in text
    attached = json.loads(msg.get_payload()[1].get_payload(decode=True))
    assert attached["alert"] == "kim-mail" and attached["matches"]
    assert "(test)" in email.message_from_bytes(received[1].content)["Subject"]


def test_near_and_replay_and_validation(tmp_path, seed_article, capsys):
    import io

    with Store.open(f"sqlite:///{tmp_path / 'v.db'}") as st:
        st.write(seed_article)
        # an alert made after the article was stored replays the stored matches on test
        buf = io.StringIO()
        alerts.add(st, "vlad", jsonl="-", type="CONSULT", near="Vladivostok", radius_km=300)
        out = alerts.replay(st, "vlad", outbox=alerts.Outbox(stdout=buf))
        lines = [json.loads(x) for x in buf.getvalue().splitlines()]
        assert out["matches"] == len(lines) >= 1
        assert all(x["change"] == "replay" and x["event"]["place"]["name"] == "Vladivostok" for x in lines)
        assert alerts.check(st).messages == 0  # stored before the alert: not new
        for bad, match in [
            (dict(jsonl="-", type="PARTY"), "PLOVER"),
            (dict(jsonl="-", quad=7), "quad"),
            (dict(jsonl="-", radius_km=50, type="CONSULT"), "radius needs near"),
            (dict(jsonl="-"), "at least one filter"),
            (dict(webhook="ftp://x", type="CONSULT"), "http"),
            (dict(email="nobody", type="CONSULT"), "e-mail"),
            (dict(type="CONSULT"), "exactly one channel"),
            (dict(jsonl="-", webhook="http://x.example", type="CONSULT"), "exactly one channel"),
            (dict(jsonl="-", min_sources=0, type="CONSULT"), "min_sources"),
        ]:
            with pytest.raises(UsageError, match=match):
                alerts.add(st, "bad", **bad)
        with pytest.raises(UsageError, match="exists"):
            alerts.add(st, "vlad", jsonl="-", type="AID")
        with pytest.raises(UsageError, match="name"):
            alerts.add(st, "no spaces", jsonl="-", type="AID")
        assert alerts.remove(st, "vlad") and not alerts.remove(st, "vlad")


def test_alerts_api_needs_the_token(tmp_path, seed_article):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Store.open(url) as st:
        st.write(seed_article)
    app = create_app(url, token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c, Hook() as hook:
        body = {"name": "kim", "webhook": hook.url, **KIM}
        assert c.get("/api/v1/alerts").status_code == 401
        assert c.post("/api/v1/alerts", json=body).status_code == 401
        assert c.get("/api/v1/alerts", headers={"Authorization": "Bearer wrong-token"}).status_code == 401
        r = c.post("/api/v1/alerts", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
        secret = r.json()["secret"]
        assert r.headers["Location"] == "/api/v1/alerts/kim"
        assert c.post("/api/v1/alerts", json=body, headers=AUTH).status_code == 422  # exists
        r = c.post("/api/v1/alerts", json={"name": "f", "jsonl": "/etc/x", "type": "AID"}, headers=AUTH)
        assert r.status_code == 422  # no files written on the server's disk from the API
        assert (
            c.post("/api/v1/alerts", json={"name": "t", "webhook": hook.url, "type": "NOPE"}, headers=AUTH).status_code
            == 422
        )
        listed = c.get("/api/v1/alerts", headers=AUTH).json()
        assert [a["name"] for a in listed["items"]] == ["kim"] and "secret" not in listed["items"][0]
        r = c.post("/api/v1/alerts/kim/test", headers=AUTH)
        assert r.status_code == 200 and r.json()["matches"] >= 1
        assert len(hook.posts) == 1 and alerts.verify(
            secret, *[hook.posts[0][0], hook.posts[0][1]["X-Dateline-Signature"]]
        )
        assert json.loads(hook.posts[0][0])["test"] is True
        assert c.get("/api/v1/alerts/kim/matches", headers=AUTH).json() == {"items": []}
        assert c.delete("/api/v1/alerts/kim", headers=AUTH).status_code == 204
        assert c.delete("/api/v1/alerts/kim", headers=AUTH).status_code == 404
        assert c.get("/api/v1/alerts/kim", headers=AUTH).json()["error"]["code"] == "not_found"
    ro = create_app(url)
    with TestClient(ro, raise_server_exceptions=False) as c:
        assert c.get("/api/v1/alerts").status_code == 403


def test_a_check_summary_reports_its_fields_in_order():
    from dateline.alerts import CheckSummary

    s = CheckSummary(alerts=2, matches=3, messages=1, sent=1, failed=0, errors=["boom"])
    out = s.to_dict()
    assert out == {"alerts": 2, "matches": 3, "messages": 1, "sent": 1, "failed": 0, "errors": ["boom"]}
    assert list(out) == ["alerts", "matches", "messages", "sent", "failed", "errors"]
    out["errors"].append("later")
    assert s.errors == ["boom"]  # a copy: the report does not share the summary's list
