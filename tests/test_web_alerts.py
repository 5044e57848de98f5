"""The alerts page and the purged-article notice (issue 19), in headless Chromium; they skip
without Chromium like the other browser tests (and fail under CI=true)."""

from __future__ import annotations

import pytest
from loopback import Hook
from test_web import TOKEN, Page, Server, browser, make_app  # noqa: F401  (browser: the fixture)

from dateline import alerts
from dateline.retention import purge
from dateline.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture()
def own_server(tmp_path, seed_article):
    store = Store.open(f"sqlite:///{tmp_path / 'alerts-web.db'}")
    with Server(make_app(store)) as srv:
        yield store, srv
    store.close()


def test_alerts_page_creates_lists_shows_matches_and_deletes(browser, own_server, seed_article):  # noqa: F811
    store, srv = own_server
    p = Page(browser, srv.url)
    try:
        with Hook() as hook:
            pg = p.goto("/alerts")
            pg.fill("#token-form input[name=token]", "wrong-token")
            pg.click("#token-form button[type=submit]")
            pg.wait_for_selector("#error .error")
            pg.fill("#token-form input[name=token]", TOKEN)
            pg.click("#token-form button[type=submit]")
            pg.wait_for_selector("body[data-ready='1']")
            pg.fill("#alert-form input[name=name]", "kim")
            pg.fill("#alert-form input[name=target]", hook.url)
            pg.fill("#alert-form input[name=actor]", "Kim Jong Un")
            pg.select_option("#alert-form select[name=type]", "CONSULT")
            pg.click("#create")
            pg.wait_for_selector("#alerts-body tr[data-name=kim]")
            assert "secret" in pg.locator("#secret").text_content()
            store.write(seed_article)
            assert alerts.check(store).sent == 1 and len(hook.posts) == 1
            pg = p.goto("/alerts")  # the token is kept for the tab's session
            pg.wait_for_selector("#matches .match-item")
            assert "CONSULT" in pg.locator("#matches").text_content()
            assert "Kim Jong Un" in pg.locator("#matches").text_content()
            pg.click("#alerts-body tr[data-name=kim] button.delete")
            pg.wait_for_selector("#alerts-body tr[data-name=kim]", state="detached")
            assert alerts.list_alerts(store) == []
        # the one console error is the browser's note on the wrong token's 401
        assert [e for e in p.errors if "401" not in e] == [] and not p.dialogs and not p.foreign
    finally:
        p.context.close()


def test_purged_article_page_says_so_and_keeps_events(browser, own_server, seed_article):  # noqa: F811
    store, srv = own_server
    store.write(seed_article)
    purge(store, "0d")
    p = Page(browser, srv.url)
    try:
        pg = p.goto(f"/article/{seed_article.id}")
        assert "retention" in pg.locator("#purged").text_content()
        assert pg.locator("#event-list li").count() == len(seed_article.events)
        assert not p.errors and not p.foreign
    finally:
        p.context.close()
