"""Watch stage: poll RSS/Atom feeds, sitemaps and pages politely, fetch the new article pages and
ingest them through the usual pipeline (read ──> clean ──> analyse ──> store).

>>> from dateline.watch import Watcher, Source
>>> w = Watcher("sqlite:///news.db", [Source("https://example.org/world.rss")])
>>> w.poll_once().line()        # one round: what `dateline watch URL --once` does

Politeness (:class:`Politeness`): an honest User-Agent, robots.txt (kept in the store a day),
at most one request per ``rate`` seconds to one host (or the host's Crawl-delay), conditional
GET of every feed and sitemap (ETag, Last-Modified), timeouts with a deadline on the whole
response (a server trickling bytes is cut), a size limit, a redirect limit, and retries with
exponential backoff on 429, 5xx, timeouts and connection failures (``Retry-After`` honoured).

State lives in the store: each source's validators and last poll (``watch_sources``), each
listed article URL and what became of it (``watch_urls``) and each host's robots.txt
(``watch_hosts``). Each article is written in one transaction and its URL marked after; a
source's validators are saved only once all its new entries are done. A restart, even after
SIGKILL, refetches at most the page in flight; an article already stored is recognised by its
id (a hash of its cleaned text), so nothing is lost or doubled.
"""

from __future__ import annotations

import re
import threading
import time
import tomllib
import urllib.robotparser
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args
from urllib.parse import urljoin, urlsplit

import sqlalchemy as sa

from . import __version__
from .errors import DatelineError, InputRejected, UsageError
from .read import DEFAULT_MAX_BYTES, RawInput

if TYPE_CHECKING:
    from .ingest import Outcome

USER_AGENT = f"dateline/{__version__} (news event monitor; honours robots.txt)"
ROBOTS_TOKEN = "dateline"
ROBOTS_TTL = timedelta(hours=24)
ROBOTS_MAX_BYTES = 500_000  # RFC 9309: crawlers may ignore robots.txt content past 500 KiB
MAX_ATTEMPTS = 3  # fetches of one article page before it is given up ("failed")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str | float | int | timedelta, name: str = "duration") -> timedelta:
    """``"90s"``, ``"15m"``, ``"6h"``, ``"30d"``, ``"2w"`` (or a number of seconds) as a timedelta."""
    if isinstance(text, timedelta):
        return text
    if isinstance(text, int | float) and not isinstance(text, bool):
        if text < 0:
            raise UsageError(f"{name} must not be negative, not {text}")
        return timedelta(seconds=float(text))
    m = _DURATION.match(str(text))
    if not m:
        raise UsageError(f"{name} {text!r} is not a duration; write a number and a unit: 90s, 15m, 6h, 30d or 2w")
    return timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2).lower()])


def now() -> datetime:
    return datetime.now(UTC)


# -- configuration ---------------------------------------------------------------------------------
@dataclass
class Politeness:
    """How the fetcher behaves towards the sites it polls."""

    user_agent: str = USER_AGENT
    rate: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay if longer)
    timeout: float = 20.0  # connect and read timeouts, seconds
    deadline: float = 60.0  # the whole response, seconds: a trickling server is cut here
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = 3  # further tries after a 429, 5xx, timeout or connection failure
    backoff: float = 2.0  # first wait before a retry, doubled each time
    max_backoff: float = 120.0  # the longest wait (Retry-After included)
    max_redirects: int = 5
    robots: bool = True


@dataclass
class Source:
    """One thing to watch: an RSS/Atom feed, a sitemap (news sitemaps and sitemap indexes
    included) or a page; ``kind="auto"`` decides from the response."""

    url: str
    kind: str = "auto"  # auto | feed | sitemap | page
    every: float = 900.0  # seconds between polls in the long-running mode
    max_items: int = 100  # newest entries taken from one poll

    def __post_init__(self) -> None:
        check_url(self.url)
        if self.kind not in ("auto", "feed", "sitemap", "page"):
            raise UsageError(f"source kind {self.kind!r} for {self.url}: use auto, feed, sitemap or page")
        if self.max_items < 1:
            raise UsageError(f"max_items for {self.url} must be at least 1")


def check_url(url: str) -> str:
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            f"{url!r} is not an http(s) URL; give a feed, sitemap or page address like https://host/feed.xml"
        )
    return url


@dataclass
class WatchConfig:
    sources: list[Source]
    politeness: Politeness = field(default_factory=Politeness)
    purge_text_after: timedelta | None = None


def load_sources(path: str | Path) -> WatchConfig:
    """Sources and settings from a TOML file (docs/watch.md)::

    [settings]                  # all optional
    every = "15m"
    rate = 1.0
    user_agent = "dateline/0.1 (newsroom monitor; +mailto:desk@example.org)"
    purge_text_after = "30d"

    [[source]]
    url = "https://example.org/world.rss"
    every = "5m"                # kind, every and max_items per source
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the sources file {p}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{p} is not valid TOML ({exc}); see docs/watch.md for the format") from exc
    settings = dict(data.get("settings") or {})
    unknown = set(data) - {"settings", "source"}
    if unknown:
        raise UsageError(f"{p}: unknown section(s) {', '.join(sorted(unknown))}; use [settings] and [[source]]")
    every = parse_duration(settings.pop("every", "15m"), "every").total_seconds()
    purge = settings.pop("purge_text_after", None)
    pol_names = {f.name for f in fields(Politeness)}
    bad = set(settings) - pol_names
    if bad:
        raise UsageError(
            f"{p}: unknown setting(s) {', '.join(sorted(bad))}; known: every, purge_text_after, "
            + ", ".join(sorted(pol_names))
        )
    politeness = Politeness(**settings)
    sources = []
    for i, s in enumerate(data.get("source") or [], 1):
        if not isinstance(s, dict) or "url" not in s:
            raise UsageError(f"{p}: source #{i} needs a url")
        extra = set(s) - {"url", "kind", "every", "max_items"}
        if extra:
            raise UsageError(f"{p}: source #{i} has unknown key(s) {', '.join(sorted(extra))}")
        sources.append(
            Source(
                s["url"],
                kind=s.get("kind", "auto"),
                every=parse_duration(s["every"], "every").total_seconds() if "every" in s else every,
                max_items=int(s.get("max_items", 100)),
            )
        )
    if not sources:
        raise UsageError(f"{p} lists no source; add [[source]] tables with a url each")
    return WatchConfig(sources, politeness, parse_duration(purge, "purge_text_after") if purge else None)


# -- fetching --------------------------------------------------------------------------------------
class FetchError(DatelineError):
    """A fetch that did not give a usable response. ``transient``: worth trying again later."""

    def __init__(
        self, reason: str, message: str, *, url: str, status: int | None = None, transient: bool = False
    ) -> None:
        self.reason, self.url, self.status, self.transient = reason, url, status, transient
        super().__init__(f"{url}: {message}")


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def origin_of(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}".lower()


class Fetcher(AbstractContextManager["Fetcher"]):
    """An httpx client with the politeness rules; robots.txt is kept in the store's ``watch_hosts``."""

    def __init__(
        self, engine: sa.Engine, politeness: Politeness | None = None, *, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        import httpx

        self.engine = engine
        self.p = politeness or Politeness()
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.p.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=True,
            max_redirects=self.p.max_redirects,
            timeout=httpx.Timeout(self.p.timeout),
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.requests = 0  # requests sent (for reports and tests)

    def close(self) -> None:
        self.client.close()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the rules -------------------------------------------------------------------------------
    def _wait_turn(self, origin: str) -> None:
        delay = self.p.rate
        rp = self._robots.get(origin)
        if rp is not None:
            crawl = rp.crawl_delay(ROBOTS_TOKEN)
            if crawl:
                delay = max(delay, min(float(crawl), self.p.max_backoff))
        last = self._last.get(origin)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last[origin] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets dateline fetch ``url`` (RFC 9309: a missing robots.txt, or a
        4xx, allows everything; a 5xx or an unreachable one disallows everything for now)."""
        if not self.p.robots:
            return True
        origin = origin_of(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rp = self._robots[origin]
        return True if rp is None else rp.can_fetch(ROBOTS_TOKEN, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        from .store import schema as S
        from .store.write import insert_ignore

        h = S.watch_hosts
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(h).where(h.c.origin == origin)).first()
        fresh = (
            row is not None and row.robots_fetched_at is not None and _aware(row.robots_fetched_at) > now() - ROBOTS_TTL
        )
        if fresh and row is not None:  # (fresh says it is not None)
            return _robots_parser(row.robots_status, row.robots_txt)
        validators = {}
        if row is not None and row.robots_status == 200:
            validators = {"etag": row.robots_etag, "last_modified": row.robots_last_modified}
        try:
            resp = self.get(
                origin + "/robots.txt", validators=validators, max_bytes=ROBOTS_MAX_BYTES, check_robots=False
            )
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                status, text, etag, lm = exc.status, None, None, None
            else:  # unreachable or 5xx: disallow this round, ask again next time
                rp = urllib.robotparser.RobotFileParser()
                # set by RobotFileParser.__init__ and read by can_fetch; typeshed's stub omits it
                rp.disallow_all = True  # type: ignore[attr-defined]
                return rp
        else:
            if resp.not_modified and row is not None:
                status, text, etag, lm = 200, row.robots_txt, row.robots_etag, row.robots_last_modified
            else:
                status, text = 200, resp.content.decode("utf-8", "replace")
                etag, lm = resp.headers.get("etag"), resp.headers.get("last-modified")
        values = {
            "robots_status": status,
            "robots_txt": text,
            "robots_etag": etag,
            "robots_last_modified": lm,
            "robots_fetched_at": now(),
        }
        with self.engine.begin() as conn:
            insert_ignore(conn, h, {"origin": origin, **values})
            conn.execute(h.update().where(h.c.origin == origin).values(**values))
        return _robots_parser(status, text)

    # -- one GET -----------------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        validators: dict[str, str | None] | None = None,
        max_bytes: int | None = None,
        check_robots: bool = True,
    ) -> Response:
        """GET ``url`` politely; a 304 comes back as a Response with ``not_modified``. Raises
        :class:`FetchError` (``transient`` for what a later try may cure)."""
        import httpx

        if check_robots and not self.allowed(url):
            raise FetchError("robots", "robots.txt disallows fetching it", url=url)
        headers: dict[str, str] = {}
        if validators:
            if etag := validators.get("etag"):
                headers["If-None-Match"] = etag
            if last_modified := validators.get("last_modified"):
                headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.p.max_bytes
        origin = origin_of(url)
        attempt = 0
        while True:
            self._wait_turn(origin)
            retry_after = None
            try:
                self.requests += 1
                return self._get_once(url, headers, limit)
            except httpx.TooManyRedirects:
                raise FetchError(
                    "redirects", f"more than {self.p.max_redirects} redirects (a redirect loop?)", url=url
                ) from None
            except httpx.TimeoutException:
                error = FetchError("timeout", f"no answer within {self.p.timeout:g}s", url=url, transient=True)
            except httpx.TransportError as exc:
                error = FetchError(
                    "connect", f"connection failed ({exc.__class__.__name__}: {exc})", url=url, transient=True
                )
            except _Status as st:
                if st.status == 429 or st.status >= 500:
                    error = FetchError(
                        f"http-{st.status}",
                        f"the server answered {st.status}",
                        url=url,
                        status=st.status,
                        transient=True,
                    )
                    retry_after = _retry_after(st.headers.get("retry-after"))
                else:
                    raise FetchError(
                        f"http-{st.status}", f"the server answered {st.status}", url=url, status=st.status
                    ) from None
            except FetchError as exc:
                if not exc.transient:
                    raise
                error = exc
            if attempt >= self.p.retries:
                raise error
            wait = retry_after if retry_after is not None else self.p.backoff * (2**attempt)
            self.sleep(min(max(wait, 0.0), self.p.max_backoff))
            attempt += 1

    def _get_once(self, url: str, headers: dict[str, str], limit: int) -> Response:
        deadline = time.monotonic() + self.p.deadline
        with self.client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(str(r.url), 304, {k.lower(): v for k, v in r.headers.items()})
            if r.status_code >= 400:
                raise _Status(r.status_code, {k.lower(): v for k, v in r.headers.items()})
            if r.status_code >= 300:
                raise FetchError(f"http-{r.status_code}", f"a {r.status_code} redirect without a Location", url=url)
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError("too-large", f"{int(declared):,} bytes, over the limit of {limit:,}", url=url)
            body = bytearray()
            for chunk in r.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    raise FetchError("too-large", f"more than {limit:,} bytes, over the limit", url=url)
                if time.monotonic() > deadline:
                    raise FetchError(
                        "timeout", f"the response took longer than {self.p.deadline:g}s", url=url, transient=True
                    )
            return Response(str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()}, bytes(body))


class _Status(Exception):
    def __init__(self, status: int, headers: dict[str, str]) -> None:
        self.status, self.headers = status, headers


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - now()).total_seconds())
    except (TypeError, ValueError):
        return None


def _robots_parser(status: int | None, text: str | None) -> urllib.robotparser.RobotFileParser | None:
    if status != 200 or not text:
        return None  # no robots.txt (4xx): everything allowed
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(text.splitlines())
    return rp


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


# -- listing what a source holds -------------------------------------------------------------------
@dataclass
class Entry:
    url: str
    published: str | None = None


def detect_kind(resp: Response) -> str:
    """feed, sitemap or page, from the content type and the first element."""
    head = resp.content[:2048].lstrip().lower()
    ctype = resp.content_type
    if ctype in FEED_TYPES or re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if re.search(rb"<(urlset|sitemapindex)[\s>]", head):
        return "sitemap"
    if ctype in XML_TYPES and not re.search(rb"<html", head):
        return "sitemap"
    return "page"


def feed_entries(content: bytes, base: str) -> list[Entry]:
    import feedparser

    from .read_archives import entry_date

    feed = feedparser.parse(content)
    if feed.bozo and not feed.entries:
        raise FetchError("bad-feed", f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})", url=base)
    out = []
    for entry in feed.entries:
        link = entry.get("link")
        if link:
            out.append(Entry(urljoin(base, link.strip()), entry_date(entry)))
    return out


_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def sitemap_entries(content: bytes, base: str) -> tuple[list[Entry], list[str]]:
    """``(pages, child sitemaps)`` of a sitemap or sitemap index; news sitemaps give dates."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError("bad-sitemap", f"not a readable sitemap ({exc})", url=base) from None
    if root is None:
        raise FetchError("bad-sitemap", "not a readable sitemap (empty document)", url=base)
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        return [], [
            urljoin(base, (e.text or "").strip()) for e in root.iter(_SM + "loc", "loc") if (e.text or "").strip()
        ]
    if tag != "urlset":
        raise FetchError("bad-sitemap", f"a <{tag}> document is not a sitemap", url=base)
    pages = []
    for u in root.iter(_SM + "url", "url"):
        loc = u.find(_SM + "loc") if u.find(_SM + "loc") is not None else u.find("loc")
        if loc is None or not (loc.text or "").strip():
            continue
        date = (
            u.findtext(f"{_NEWS}news/{_NEWS}publication_date") or u.findtext(_SM + "lastmod") or u.findtext("lastmod")
        )
        pages.append(Entry(urljoin(base, loc.text.strip()), (date or "").strip()[:10] or None))
    # newest first when dated, so max_items keeps the latest
    pages.sort(key=lambda e: e.published or "", reverse=True)
    return pages, []


# -- the watcher -----------------------------------------------------------------------------------
DONE = ("stored", "duplicate", "rejected", "skipped", "failed")

# What a round counts, in the order of its JSON line: the sources polled (of them, not modified since the last poll and
# failed), the URLs new to the store and what became of them, then alert messages sent, article texts purged and
# HTTP requests made.
SourceCount = Literal["sources", "not_modified", "source_errors"]
UrlCount = Literal["new_urls", "stored", "updated", "duplicates", "rejected", "skipped", "retry"]
Count = Literal[SourceCount, UrlCount, "alerts_sent", "purged", "requests"]
COUNTS: tuple[Count, ...] = get_args(Count)
# the count a URL's watch_urls status adds to ("failed", no retry left, counts as skipped)
_STATUS_COUNT: dict[str, UrlCount] = {
    "stored": "stored",
    "updated": "updated",
    "duplicate": "duplicates",
    "rejected": "rejected",
    "skipped": "skipped",
    "failed": "skipped",
    "retry": "retry",
}


@dataclass
class RoundSummary:
    """What a round did: its counts (a name of COUNTS -> how many, 0 until counted), how long it took, whether
    it was cut short."""

    counts: Counter[Count] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    def count(self, status: str) -> None:
        """Count a URL done with this watch_urls status (_STATUS_COUNT)."""
        if status in _STATUS_COUNT:
            self.counts[_STATUS_COUNT[status]] += 1

    def to_dict(self) -> dict[str, Any]:
        """The round's JSON line: each count of COUNTS in order, then seconds and interrupted."""
        return {**{c: self.counts[c] for c in COUNTS}, "seconds": self.seconds, "interrupted": self.interrupted}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RoundSummary:
        """A summary read back from its JSON line (``to_dict``; other keys, such as "event", are passed over)."""
        return cls(Counter({c: d[c] for c in COUNTS}), d["seconds"], d["interrupted"])

    def line(self) -> str:
        c = self.counts
        return (
            f"{c['sources']} source(s) polled ({c['not_modified']} unchanged, {c['source_errors']} failed), "
            f"{c['new_urls']} new URL(s): {c['stored']} stored, {c['updated']} updated, "
            f"{c['duplicates']} duplicate(s), {c['rejected']} rejected, {c['skipped']} skipped, {c['retry']} to retry; "
            f"{c['alerts_sent']} alert message(s) sent; {c['requests']} request(s) in {self.seconds:.1f}s"
            + (f"; {c['purged']} article text(s) purged" if c["purged"] else "")
            + (" — interrupted; rerun to continue" if self.interrupted else "")
        )


class Watcher(AbstractContextManager["Watcher"]):
    """Polls sources into the store at ``db``. ``report`` receives one dict per thing that
    happens (``{"event": "source"|"article"|"round", ...}``): the CLI prints them."""

    def __init__(
        self,
        db: str | None,
        sources: list[Source],
        politeness: Politeness | None = None,
        *,
        model: str | None = None,
        analyse: bool = True,
        report: Callable[[dict[str, Any]], None] | None = None,
        alerts: bool = True,
        alert_options: dict[str, Any] | None = None,
        purge_text_after: timedelta | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from .store import Store
        from .store.db import normalise_url

        if not sources:
            raise UsageError("give at least one source: a feed, sitemap or page URL, or --sources FILE")
        self.url = normalise_url(db)
        self.store = Store.open(self.url)
        self.sources = sources
        self.politeness = politeness or Politeness()
        self.model, self.analyse = model, analyse
        self.report = report or (lambda event: None)
        self.alerts = alerts
        self.alert_options = alert_options or {}
        self.purge_text_after = purge_text_after
        self.fetcher = Fetcher(self.store.engine, self.politeness, sleep=sleep)

    def close(self) -> None:
        self.fetcher.close()
        self.store.close()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- state -----------------------------------------------------------------------------------
    def _source_row(self, url: str) -> sa.Row | None:
        from .store import schema as S

        with self.store.engine.connect() as conn:
            return conn.execute(sa.select(S.watch_sources).where(S.watch_sources.c.url == url)).first()

    def _save_source(self, url: str, **values: Any) -> None:
        from .store import schema as S
        from .store.write import insert_ignore

        ws = S.watch_sources
        with self.store.engine.begin() as conn:
            insert_ignore(conn, ws, {"url": url, "n_polls": 0})
            conn.execute(ws.update().where(ws.c.url == url).values(n_polls=ws.c.n_polls + 1, **values))

    def _known(self, urls: list[str]) -> dict[str, Any]:
        from .store import schema as S

        wu = S.watch_urls
        out = {}
        with self.store.engine.connect() as conn:
            for i in range(0, len(urls), 500):
                for r in conn.execute(sa.select(wu).where(wu.c.url.in_(urls[i : i + 500]))):
                    out[r.url] = r
        return out

    def _mark(
        self,
        url: str,
        source_url: str,
        status: str,
        *,
        reason: str | None = None,
        article_id: str | None = None,
        attempt: bool = True,
    ) -> None:
        from .store import schema as S
        from .store.write import insert_ignore

        wu = S.watch_urls
        ts = now()
        with self.store.engine.begin() as conn:
            insert_ignore(
                conn, wu, {"url": url, "source_url": source_url, "status": status, "attempts": 0, "first_seen": ts}
            )
            conn.execute(
                wu.update()
                .where(wu.c.url == url)
                .values(
                    status=status,
                    reason=reason,
                    article_id=article_id,
                    last_try=ts,
                    attempts=wu.c.attempts + (1 if attempt else 0),
                )
            )

    # -- one round ---------------------------------------------------------------------------------
    def due(self, at: datetime | None = None) -> list[Source]:
        """The sources whose next poll is due (never polled, or ``every`` seconds ago)."""
        at = at or now()
        out = []
        for s in self.sources:
            row = self._source_row(s.url)
            if row is None or row.last_poll is None or _aware(row.last_poll) + timedelta(seconds=s.every) <= at:
                out.append(s)
        return out

    def poll_once(self, sources: list[Source] | None = None) -> RoundSummary:
        """Poll each source once (all of them by default), ingest what is new, then deliver the
        alerts and purge old text when configured."""
        summary = RoundSummary()
        start = time.monotonic()
        requests0 = self.fetcher.requests
        try:
            for src in self.sources if sources is None else sources:
                summary.counts["sources"] += 1
                self._poll_source(src, summary)
                if summary.interrupted:
                    break
            if not summary.interrupted and self.alerts:
                from . import alerts

                res = alerts.check(self.store, **self.alert_options)
                summary.counts["alerts_sent"] = res.sent
                if res.sent or res.failed:
                    self.report({"event": "alerts", **res.to_dict()})
            if not summary.interrupted and self.purge_text_after is not None:
                from .retention import purge

                summary.counts["purged"] = purge(self.store, self.purge_text_after).articles
        except KeyboardInterrupt:
            summary.interrupted = True
        summary.counts["requests"] = self.fetcher.requests - requests0
        summary.seconds = time.monotonic() - start
        self.report({"event": "round", **summary.to_dict()})
        return summary

    def _poll_source(self, src: Source, summary: RoundSummary) -> None:
        row = self._source_row(src.url)
        validators = {"etag": row.etag, "last_modified": row.last_modified} if row is not None else None
        try:
            resp = self.fetcher.get(src.url, validators=validators)
        except FetchError as exc:
            summary.counts["source_errors"] += 1
            self._save_source(src.url, last_poll=now(), last_status=exc.status, last_error=str(exc))
            self.report({"event": "source", "url": src.url, "error": exc.reason, "message": str(exc)})
            return
        if resp.not_modified:
            summary.counts["not_modified"] += 1
            self._save_source(src.url, last_poll=now(), last_status=304, last_error=None)
            self.report({"event": "source", "url": src.url, "status": 304, "new": 0})
            return
        kind = src.kind if src.kind != "auto" else detect_kind(resp)
        pages: dict[str, Entry] = {}
        direct: RawInput | None = None
        try:
            if kind == "feed":
                listed = feed_entries(resp.content, resp.url)
            elif kind == "sitemap":
                listed, children = sitemap_entries(resp.content, resp.url)
                for child in children[:50]:
                    try:
                        c = self.fetcher.get(child)
                        listed.extend(sitemap_entries(c.content, c.url)[0])
                    except FetchError as exc:
                        self.report({"event": "source", "url": child, "error": exc.reason, "message": str(exc)})
                listed.sort(key=lambda e: e.published or "", reverse=True)
            else:
                listed = []
                direct = self._raw(resp, None)
        except (FetchError, InputRejected) as exc:  # an unreadable feed or sitemap, a page that is no article
            summary.counts["source_errors"] += 1
            self._save_source(src.url, kind=kind, last_poll=now(), last_status=resp.status, last_error=str(exc))
            self.report({"event": "source", "url": src.url, "error": exc.reason, "message": str(exc)})
            return
        for e in listed:  # a feed that repeats an item lists it once
            pages.setdefault(e.url, e)
        entries = list(pages.values())[: src.max_items]
        known = self._known([e.url for e in entries])
        todo = [
            e
            for e in entries
            if e.url not in known or (known[e.url].status == "retry" and known[e.url].attempts < MAX_ATTEMPTS)
        ]
        summary.counts["new_urls"] += len(todo)
        self.report({"event": "source", "url": src.url, "status": resp.status, "kind": kind, "new": len(todo)})
        if direct is not None:
            self._ingest(src, iter([(src.url, direct)]), summary)
        else:
            self._ingest(src, self._fetch_pages(src, todo, summary), summary)
        if summary.interrupted:
            return  # the validators are saved only once every new entry is done
        self._save_source(
            src.url,
            kind=kind,
            etag=resp.headers.get("etag"),
            last_modified=resp.headers.get("last-modified"),
            last_poll=now(),
            last_status=resp.status,
            last_error=None,
        )

    def _raw(self, resp: Response, entry: Entry | None) -> RawInput:
        from .read import raw_from_bytes

        kind = "text" if resp.content_type == "text/plain" else "html"
        return raw_from_bytes(
            resp.content,
            origin=f"<watch> {resp.url}",
            url=resp.url,
            published=entry.published if entry else None,
            kind=kind,
            max_bytes=self.politeness.max_bytes,
        )

    def _fetch_pages(self, src: Source, todo: list[Entry], summary: RoundSummary) -> Iterator[tuple[str, RawInput]]:
        for e in todo:
            try:
                resp = self.fetcher.get(e.url)
                if resp.content_type and resp.content_type not in PAGE_TYPES:
                    raise FetchError("not-html", f"{resp.content_type} is not a news page", url=e.url)
                raw = self._raw(resp, e)
            except FetchError as exc:
                if exc.transient:
                    row = self._known([e.url]).get(e.url)
                    attempts = (row.attempts if row is not None else 0) + 1
                    status = "retry" if attempts < MAX_ATTEMPTS else "failed"
                else:
                    status = "skipped"
                self._mark(e.url, src.url, status, reason=exc.reason)
                summary.count(status)
                self.report({"event": "article", "url": e.url, "outcome": status, "reason": exc.reason})
                continue
            except InputRejected as exc:
                self._mark(e.url, src.url, "rejected", reason=exc.reason)
                summary.count("rejected")
                self.report({"event": "article", "url": e.url, "outcome": "rejected", "reason": exc.reason})
                continue
            yield e.url, raw

    def _ingest(self, src: Source, pairs: Iterator[tuple[str, RawInput]], summary: RoundSummary) -> None:
        from .ingest import ingest

        pending: deque[str] = deque()

        def items() -> Iterator[RawInput]:
            for url, raw in pairs:
                pending.append(url)
                yield raw

        def on_result(outcome: Outcome) -> None:
            url = pending.popleft()
            status = outcome.kind  # stored | updated | duplicate | rejected
            if status == "rejected" and outcome.reason == "store-failed":
                self._mark(url, src.url, "retry", reason=outcome.reason)
                summary.count("retry")
            else:
                self._mark(url, src.url, status, reason=outcome.reason, article_id=outcome.article_id)
                summary.count(status)
            self.report(
                {
                    "event": "article",
                    "url": url,
                    "outcome": status,
                    "article_id": outcome.article_id,
                    "reason": outcome.reason,
                }
            )

        result = ingest(
            items=items(), db=self.url, model=self.model, analyse=self.analyse, batch_size=1, on_result=on_result
        )
        if result.interrupted:
            summary.interrupted = True

    # -- the long-running mode -----------------------------------------------------------------------
    def run(self, stop: threading.Event | None = None, *, min_sleep: float = 1.0) -> None:
        """Poll each source when due until ``stop`` is set (or Ctrl-C / SIGTERM, which the CLI
        turns into KeyboardInterrupt): the article in flight is finished or rolled back first."""
        stop = stop or threading.Event()
        while not stop.is_set():
            due = self.due()
            if due:
                if self.poll_once(due).interrupted:
                    return
            wait = self._next_wait()
            stop.wait(max(min_sleep, wait))

    def _next_wait(self) -> float:
        at = now()
        waits = []
        for s in self.sources:
            row = self._source_row(s.url)
            if row is None or row.last_poll is None:
                return 0.0
            waits.append((_aware(row.last_poll) + timedelta(seconds=s.every) - at).total_seconds())
        return max(0.0, min(waits)) if waits else 60.0
