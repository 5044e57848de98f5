"""Read archives and feeds: WARC files (warcio) and RSS/Atom feed files (feedparser).

Each yields :class:`~dateline.read.RawInput` items (or :class:`InputRejected` with a reason),
in file order, like :func:`dateline.read.read_path`. WARC records other than successful
(2xx) HTML or text responses, and ``resource`` records, are not news pages and are skipped.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import InputRejected, Reason
from .read import Item, RawInput, check_size, max_bytes_default, raw_from_bytes

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_feed(path: Path) -> bool:
    """A .rss/.atom file, or a .xml file whose root element is <rss>, <feed> or <rdf:RDF>."""
    name = path.name.lower()
    if name.endswith((".rss", ".atom")):
        return True
    if not name.endswith(".xml"):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lower()
    except OSError:
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def iter_warc(path: str | Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Pages in a WARC (or ARC) file, gzipped or not: HTML/text responses and resources."""
    from warcio.archiveiterator import ArchiveIterator

    p = Path(path)
    limit = max_bytes or max_bytes_default()
    try:
        fh = p.open("rb")
    except OSError as exc:
        yield InputRejected(Reason.UNREADABLE, f"cannot read file: {exc.strerror}", source=str(p))
        return
    with fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{p}#{record.rec_headers.get_header('WARC-Record-ID') or url}"
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    if not status.startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                ctype = ctype.split(";")[0].strip().lower()
                if ctype and ctype not in _PAGE_TYPES:
                    continue
                data = record.content_stream().read(limit + 1)
                try:
                    check_size(len(data), limit, origin)
                    kind = "text" if ctype == "text/plain" else ("html" if ctype else None)
                    yield raw_from_bytes(data, origin=origin, url=url, kind=kind, max_bytes=limit)
                except InputRejected as exc:
                    yield exc
        except Exception as exc:  # warcio raises plain exceptions on corrupt archives
            yield InputRejected(
                Reason.UNREADABLE,
                f"the WARC archive is corrupt or truncated ({exc}); the records before this point were read",
                source=str(p),
            )


def entry_date(entry: Mapping[str, Any]) -> str | None:
    """The date of a feed entry (published, else updated, else created) as YYYY-MM-DD, or None."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def iter_feed(path: str | Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Entries of an RSS or Atom feed file: full content when given, else the summary."""
    import feedparser

    p = Path(path)
    limit = max_bytes or max_bytes_default()
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield InputRejected(Reason.UNREADABLE, f"cannot read file: {exc.strerror}", source=str(p))
        return
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputRejected(
            Reason.BAD_FEED, f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})", source=str(p)
        )
        return
    for i, entry in enumerate(feed.entries, 1):
        origin = f"{p}#{i}"
        url = entry.get("link")
        content = None
        ctype = "text/html"
        if entry.get("content"):
            content = entry.content[0].get("value")
            ctype = entry.content[0].get("type") or ctype
        elif entry.get("summary"):
            content = entry.summary
            ctype = (entry.get("summary_detail") or {}).get("type") or ctype
        if not content or not content.strip():
            yield InputRejected(Reason.EMPTY, "the feed entry has no content or summary", source=origin)
            continue
        title = entry.get("title")
        try:
            check_size(len(content.encode("utf-8")), limit, origin)
        except InputRejected as exc:
            yield exc
            continue
        if "html" in ctype:
            html = (
                content
                if "<html" in content[:500].lower()
                else (
                    f"<html><head><title>{_escape(title)}</title></head><body><article>"
                    f"{'<h1>' + _escape(title) + '</h1>' if title else ''}{content}</article></body></html>"
                )
            )
            yield RawInput(html=html, url=url, published=entry_date(entry), origin=origin)
        else:
            text = f"{title}\n\n{content}" if title else content
            yield RawInput(text=text, url=url, published=entry_date(entry), origin=origin)


def _escape(text: str | None) -> str:
    import html

    return html.escape(text or "")
