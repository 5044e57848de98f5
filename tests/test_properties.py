"""Property-based tests (hypothesis, issue #17): any text or bytes give an Article or a clear
rejection, never an exception and never a hang, through the readers, the cleaner, the HTML path,
the time resolver, the query parameters and the API's bodies and parameters.

The example counts are bounded so that `make test` stays quick: ``DATELINE_HYPOTHESIS_EXAMPLES``
(default 40) per property, each example within a deadline. Raise the count to search harder:
``DATELINE_HYPOTHESIS_EXAMPLES=2000 python -m pytest tests/test_properties.py``.
"""

from __future__ import annotations

import io
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError, InputRejected, UsageError

EXAMPLES = int(os.environ.get("DATELINE_HYPOTHESIS_EXAMPLES") or 40)
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # ms per example: a hang or a blow-up fails, a slow shared machine does not
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples every run: a failure reproduces
    database=None,
)

# -- building blocks ---------------------------------------------------------------------------------
NEWS_WORDS = [
    "MOSCOW",
    "(Reuters)",
    "-",
    "Kim",
    "Jong",
    "Un",
    "met",
    "Putin",
    "on",
    "Thursday",
    "April",
    "25,",
    "2019",
    "said",
    '"',
    "\u201c",
    "\u201d",
    "\u2013",
    "By",
    "Reporting",
    "by",
    "Editing",
    "Copyright",
    "\n",
    "\n\n",
    "the",
    "talks",
    "nuclear",
    ".",
    "last",
    "week",
    "next",
    "month",
    "ago",
    "years",
    "Advertisement",
    "Share",
    "Photo:",
    "REUTERS/",
]
news_like = st.lists(st.sampled_from(NEWS_WORDS), max_size=200).map(" ".join)
any_text = st.one_of(st.text(max_size=3000), news_like, st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
any_bytes = st.one_of(
    st.binary(max_size=4000),
    any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(news_like, st.binary(max_size=8)).map(lambda p: p[0].encode() + p[1] + p[0].encode()),
    any_text.map(lambda t: t.encode("cp1252", "replace")),
)

TAGS = ["div", "p", "span", "article", "h1", "title", "head", "body", "html", "script", "style", "a", "br", "li", "ul"]


@st.composite
def html_like(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(news_like))
        elif kind == 3:
            parts.append(f'<{tag} class="{draw(st.text(max_size=10))}" onclick="x()">')
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


# -- readers -------------------------------------------------------------------------------------------
@BOUNDED
@given(any_bytes)
def test_any_bytes_read_as_a_page_or_a_reason(data):
    from dateline.read import RawInput, raw_from_bytes

    try:
        raw = raw_from_bytes(data, origin="prop")
    except InputRejected as exc:
        assert exc.reason in {"empty", "binary", "undecodable", "too-large"} and str(exc)
        return
    assert isinstance(raw, RawInput)
    content = raw.text if raw.text is not None else raw.html
    assert isinstance(content, str) and "\x00" not in content and "\r" not in content
    assert raw.invalid_bytes >= 0 and raw.encoding


@BOUNDED
@given(st.lists(st.one_of(st.binary(max_size=300), any_text.map(lambda t: t.encode("utf-8", "replace"))), max_size=8))
def test_any_jsonl_stream_gives_one_item_per_non_blank_line(lines):
    from dateline.read import RawInput, iter_jsonl

    # JSON objects among the garbage, with every field of the wrong type now and then
    lines = lines + [json.dumps({"text": "x" * 5, "url": 3}).encode(), json.dumps({"html": "<p>hi</p>"}).encode()]
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    items = list(iter_jsonl(io.BytesIO(data), "prop.jsonl"))
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    for item in items:
        assert isinstance(item, (RawInput, InputRejected))


@BOUNDED
@given(any_bytes)
def test_stdin_of_any_bytes_gives_items(data):
    from dateline.read import read_stdin

    _, items = read_stdin(stream=io.BytesIO(data))
    for item in items:
        assert item is not None


# -- cleaning and the HTML path ------------------------------------------------------------------------
def _article_or_reason(fn, *args, **kwargs):
    from dateline.article import Article

    try:
        article = fn(*args, **kwargs)
    except InputRejected as exc:
        assert exc.reason and str(exc)
        return None
    except UsageError as exc:  # e.g. an empty argument: said, not raised as anything else
        assert str(exc)
        return None
    assert isinstance(article, Article)
    assert article.text.strip() and article.id == Article.make_id(article.text)
    return article


@BOUNDED
@given(any_text)
def test_any_text_page_cleans_to_an_article_or_a_reason(text):
    from dateline.pipeline import clean

    article = _article_or_reason(clean, text)
    if article is not None:
        Article = type(article)
        assert Article.from_json(article.to_json()) == article


@BOUNDED
@given(st.one_of(html_like(), st.text(max_size=2000)))
def test_any_html_cleans_to_an_article_or_a_reason(html):
    from dateline.pipeline import clean

    _article_or_reason(clean, html=html)


@BOUNDED
@given(any_bytes)
def test_any_bytes_through_read_and_clean(data):
    from dateline.pipeline import clean_raw
    from dateline.read import raw_from_bytes

    try:
        raw = raw_from_bytes(data, origin="prop")
    except InputRejected:
        return
    _article_or_reason(clean_raw, raw)


@settings(BOUNDED, max_examples=max(5, EXAMPLES // 4), deadline=60_000)
@given(st.one_of(news_like, st.text(max_size=400)))
def test_any_text_through_the_whole_pipeline(seed_article, text):
    """The analysis too (the real model): an Article with spans inside its text, or a reason."""
    import dateline

    article = _article_or_reason(dateline.extract, text)
    if article is None:
        return
    n = len(article.text)
    for span in [*article.entities, *article.places, *article.times, *article.quotes]:
        assert 0 <= span.start <= span.end <= n
    for ev in article.events:
        assert 0 <= ev.evidence.start <= ev.evidence.end <= n
        assert article.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


# -- the time resolver ------------------------------------------------------------------------------------
TIME_WORDS = [
    "last",
    "next",
    "this",
    "week",
    "month",
    "year",
    "Monday",
    "April",
    "25",
    "2019",
    "ago",
    "days",
    "early",
    "late",
    "the",
    "of",
    "in",
    "on",
    "spring",
    "1999",
    "0",
    "99999999999",
    "-3",
    "31",
    "Feb",
    "29",
    "decade",
    "century",
    "quarter",
    "tomorrow",
    "yesterday",
    "since",
    "until",
]


@BOUNDED
@given(
    st.one_of(st.lists(st.sampled_from(TIME_WORDS), max_size=8).map(" ".join), st.text(max_size=60)),
    st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
    st.sampled_from([None, "past", "present", "future"]),
)
def test_the_time_resolver_gives_a_timex_or_none(expression, anchor, tense):
    from dateline import timex

    try:
        t = timex.resolve(expression, anchor, tense)
    except (ValueError, OverflowError) as exc:  # a bad anchor may be refused, as the docstring allows
        assert anchor is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor), exc
        return
    if t is not None and t.value is not None:
        iso = timex.calendar_date(t.value)
        if iso and len(iso) == 10:
            import datetime as dt

            dt.date.fromisoformat(iso)  # a calendar date that exists


@BOUNDED
@given(st.text(max_size=40))
def test_a_published_date_parses_or_is_a_usage_error(value):
    from dateline.published import parse_date

    try:
        out = parse_date(value)
    except UsageError:
        return
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", out)


# -- query parameters -------------------------------------------------------------------------------------
date_like = st.one_of(
    st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z"),
    st.text(max_size=12),
    st.dates().map(str),
)


@BOUNDED
@given(date_like)
def test_a_date_parameter_is_a_real_date_or_refused(value):
    import datetime as dt

    from dateline import query

    try:
        out = query.check_date(value, "since")
    except UsageError as exc:
        assert "not a date" in str(exc)
        return
    if out is None:
        assert not (value or "").strip() or value == ""
        return
    parts = [int(x) for x in out.split("-")]
    dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    import random

    from test_robust import bench_api

    from dateline.store import Store

    b = bench_api()
    url = f"sqlite:///{tmp_path_factory.mktemp('prop') / 'p.db'}"
    rnd = random.Random(9)
    with Store.open(url) as st_:
        for i in range(5):
            st_.write(b.synthetic_article(i, rnd, 6))
    return url


filter_value = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "PRK",
            "CONSULT",
            "future",
            "Kim*",
            "*",
            "%",
            "_",
            "'; DROP TABLE events; --",
            "2019-04",
            "Moscow",
            "0,0",
            "91,181",
        ]
    ),
)


@BOUNDED
@given(
    actor=filter_value,
    type_=filter_value,
    modality=filter_value,
    since=st.one_of(st.none(), date_like),
    until=st.one_of(st.none(), date_like),
    country=filter_value,
    near=filter_value,
    radius=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 30000)),
    text=filter_value,
    limit=st.integers(-3, 20_000),
    offset=st.integers(-3, 10**7),
)
def test_any_event_filters_give_records_or_a_usage_error(
    small_store, actor, type_, modality, since, until, country, near, radius, text, limit, offset
):
    from dateline import query

    try:
        rows = query.events(
            small_store,
            actor=actor,
            type=type_,
            modality=modality,
            since=since,
            until=until,
            country=country,
            near=near,
            radius_km=radius,
            text=text,
            limit=limit,
            offset=offset,
        )
    except UsageError as exc:
        assert str(exc)
        return
    assert isinstance(rows, list) and len(rows) <= limit


@pytest.fixture(scope="module")
def api(small_store):
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    with TestClient(create_app(small_store, token="prop-token-123"), raise_server_exceptions=False) as client:
        yield client


query_value = st.one_of(st.text(max_size=40), st.integers(-10, 10**9).map(str), date_like)


@BOUNDED
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "actor",
                "type",
                "modality",
                "since",
                "until",
                "country",
                "near",
                "radius_km",
                "text",
                "limit",
                "offset",
                "format",
                "bogus",
            ]
        ),
        query_value,
        max_size=6,
    )
)
def test_any_query_string_is_answered_200_or_a_json_4xx(api, params):
    for path in ("/api/v1/events", "/web/api/explore", "/api/v1/actors", "/api/v1/search"):
        r = api.get(path, params=params)
        assert r.status_code == 200 or 400 <= r.status_code < 500, (path, params, r.status_code, r.text[:300])
        if r.status_code != 200:
            body = r.json()
            assert body["error"]["code"] and body["error"]["message"]


@BOUNDED
@given(
    body=st.one_of(
        st.binary(max_size=2000),
        st.dictionaries(
            st.sampled_from(["text", "html", "url", "published", "x"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=50), st.lists(st.integers(), max_size=3)),
        ).map(lambda d: json.dumps(d).encode()),
        any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    ),
    ctype=st.sampled_from(["application/json", "text/plain", "text/html"]),
    url=st.one_of(st.none(), st.text(max_size=30)),
    published=st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
)
def test_any_post_body_becomes_an_input_or_a_client_error(body, ctype, url, published):
    """The POST body's path before the pipeline (decoding, JSON, fields, the date): a RawInput,
    or an error the API answers with a 4xx in its JSON shape; never anything else."""
    from fastapi.exceptions import RequestValidationError

    from dateline.read import RawInput
    from dateline.serve.common import ApiError
    from dateline.serve.routes.articles import raw_input as _raw_input

    try:
        raw = _raw_input(body, ctype, url, published)
    except (ApiError, InputRejected, UsageError, RequestValidationError):
        return
    except DatelineError as exc:  # pragma: no cover - would be a 500
        pytest.fail(f"{exc.__class__.__name__}: {exc}")
    assert isinstance(raw, RawInput) and ((raw.text is None) != (raw.html is None))
