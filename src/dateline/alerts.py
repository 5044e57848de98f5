"""Alerts: saved queries over the store's corpus events, delivered once to a webhook, a JSONL file
(or stdout) or by e-mail.

>>> from dateline import alerts
>>> alerts.add(store, "kim-talks", webhook="https://hooks.example.org/x", actor="Kim Jong Un", type="CONSULT")
>>> alerts.check(store)          # what `dateline watch` runs after each poll

An alert is a name, the filters of ``dateline events`` (actor, type, quad, modality, country,
near + radius_km, text, min_sources) and one channel. :func:`check` looks at the corpus events
that articles ingested since its last check report, selects those matching the filters with
:func:`dateline.query.events` (the same rules as the CLI, the API and the page), and records each
match with the event's counts. A new match is delivered as ``"change": "new"``; a match whose
counts change later (a new source, a new article, a new mention) is delivered again as
``"change": "update"`` with what changed, once per change, and all the matches of one check go
in one message: an alert never floods.

Messages are written to the store (``alert_deliveries``) before they are sent and marked sent
after, so a crash between the two sends a message twice at worst (receivers can tell by its
``delivery`` id), never loses it. Webhooks get ``POST`` JSON signed with HMAC-SHA256 of the
body under the alert's secret, in ``X-Dateline-Signature: sha256=HEX``; a failed post is
retried with backoff, then at the next check, up to :data:`MAX_ATTEMPTS` times.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import smtplib
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

import sqlalchemy as sa

from . import __version__
from .errors import DatelineError, UsageError
from .store import Store
from .store import schema as S
from .store.write import insert_ignore

CHANNELS = ("webhook", "jsonl", "email")
FILTERS = ("actor", "type", "quad", "modality", "country", "near", "radius_km", "text", "min_sources")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
OVERLAP = timedelta(minutes=10)  # re-read a little of the past: writes committed late are not missed
MAX_MATCHES_PER_MESSAGE = 100
MAX_ATTEMPTS = 8
SMTP_ENV = "DATELINE_SMTP_URL"
FROM_ENV = "DATELINE_SMTP_FROM"
LINK_ENV = "DATELINE_PUBLIC_URL"
DEFAULT_LINK_BASE = "http://127.0.0.1:8000"


class AlertError(DatelineError):
    """An alert could not be delivered (the message says where and why)."""


def now() -> datetime:
    return datetime.now(UTC)


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v


# -- saved queries ---------------------------------------------------------------------------------
def check_filters(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters without empty values, checked by running them once through query.events
    (the same validation as ``dateline events``); ``near`` is resolved and kept as a point."""
    from . import query

    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise UsageError(f"unknown alert filter(s) {', '.join(sorted(unknown))}; use {', '.join(FILTERS)}")
    out = {k: v for k, v in filters.items() if v not in (None, "")}
    if "near" in out and isinstance(out["near"], str):
        out["near"] = query.resolve_place(out["near"])
    if "radius_km" in out and "near" not in out:
        raise UsageError("radius needs near: give a place (or LAT,LON) with the radius")
    if "quad" in out:
        out["quad"] = query.check_quad(out["quad"])
    if "min_sources" in out:
        out["min_sources"] = query.check_min_sources(out["min_sources"])
    if "type" in out:
        out["type"] = query.check_type(out["type"])
    query.events(store, **out, limit=1)  # raises UsageError on anything else that is wrong
    return out


def add(
    store: Store,
    name: str,
    *,
    webhook: str | None = None,
    email: str | None = None,
    jsonl: str | None = None,
    secret: str | None = None,
    **filters: Any,
) -> dict[str, Any]:
    """Save an alert; returns it with its webhook ``secret`` (shown once: keep it)."""
    if not NAME_RE.match(name or ""):
        raise UsageError(
            f"alert name {name!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    given = [(c, t) for c, t in (("webhook", webhook), ("email", email), ("jsonl", jsonl)) if t]
    if len(given) != 1:
        raise UsageError("give exactly one channel: --webhook URL, --email ADDRESS or --jsonl FILE ('-' for stdout)")
    channel, target = given[0]
    if channel == "webhook":
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(f"webhook {target!r} is not an http(s) URL")
        if secret is not None and len(secret) < 16:
            raise UsageError("the webhook secret is too short; use at least 16 characters (or let dateline make one)")
        secret = secret or secrets.token_urlsafe(32)
    else:
        secret = None
    if channel == "email" and not EMAIL_RE.match(target):
        raise UsageError(f"{target!r} is not an e-mail address")
    if channel == "jsonl" and target != "-":
        parent = Path(target).expanduser().resolve().parent
        if not parent.is_dir():
            raise UsageError(f"cannot write alerts to {target}: folder {parent} does not exist")
    checked = check_filters(store, filters)
    if not checked:
        raise UsageError("an alert needs at least one filter (e.g. --actor, --type, --near, --text)")
    ts = now()
    with store.engine.begin() as conn:
        exists = conn.execute(sa.select(S.alerts.c.name).where(S.alerts.c.name == name)).first()
        if exists is not None:
            raise UsageError(f"an alert named {name!r} exists; remove it first (dateline alerts remove {name})")
        conn.execute(
            S.alerts.insert().values(
                name=name,
                filters=checked,
                channel=channel,
                target=target,
                secret=secret,
                created_at=ts,
                checked_until=ts,
            )
        )
    out = get(store, name)
    assert out is not None
    out["secret"] = secret
    return out


def _public(row: sa.Row, extra: dict | None = None) -> dict[str, Any]:
    d = {
        "name": row.name,
        "filters": _json(row.filters),
        "channel": row.channel,
        "target": row.target,
        "signed": bool(row.secret),
        "created_at": _aware(row.created_at).isoformat(),
        "checked_until": _aware(row.checked_until).isoformat(),
    }
    d.update(extra or {})
    return d


def get(store: Store, name: str) -> dict[str, Any] | None:
    rows = list_alerts(store, name=name)
    return rows[0] if rows else None


def list_alerts(store: Store, *, name: str | None = None) -> list[dict[str, Any]]:
    """Saved alerts (without secrets), with their match count and pending messages."""
    a, m, d = S.alerts, S.alert_matches, S.alert_deliveries
    q = sa.select(a).order_by(a.c.name)
    if name is not None:
        q = q.where(a.c.name == name)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        counts: dict[str, int] = dict(conn.execute(sa.select(m.c.alert, sa.func.count()).group_by(m.c.alert)).all())
        last = dict(conn.execute(sa.select(m.c.alert, sa.func.max(m.c.last_changed)).group_by(m.c.alert)).all())
        pending: dict[str, int] = dict(
            conn.execute(sa.select(d.c.alert, sa.func.count()).where(d.c.status == "pending").group_by(d.c.alert)).all()
        )
    return [
        _public(
            r,
            {
                "n_matches": counts.get(r.name, 0),
                "last_match": _aware(last[r.name]).isoformat() if last.get(r.name) else None,
                "pending": pending.get(r.name, 0),
            },
        )
        for r in rows
    ]


def remove(store: Store, name: str) -> bool:
    """Delete an alert, its matches and its messages; False when there is none of that name."""
    with store.engine.begin() as conn:
        n = conn.execute(S.alerts.delete().where(S.alerts.c.name == name)).rowcount
        conn.execute(S.alert_matches.delete().where(S.alert_matches.c.alert == name))
        conn.execute(S.alert_deliveries.delete().where(S.alert_deliveries.c.alert == name))
    return bool(n)


def recent_matches(store: Store, name: str | None = None, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest matches (newest change first), each with the event as ``dateline events`` shows it."""
    from . import query

    m = S.alert_matches
    q = sa.select(m).order_by(m.c.last_changed.desc(), m.c.event_id).limit(limit)
    if name is not None:
        q = q.where(m.c.alert == name)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    events = {e["id"]: e for e in query.events(store, ids=[r.event_id for r in rows], limit=max(1, len(rows)))}
    return [
        {
            "alert": r.alert,
            "event_id": r.event_id,
            "first_matched": _aware(r.first_matched).isoformat(),
            "last_changed": _aware(r.last_changed).isoformat(),
            "n_changes": r.n_changes,
            "state": _json(r.state),
            "event": events.get(r.event_id),
        }
        for r in rows
    ]


# -- matching --------------------------------------------------------------------------------------
def _state(rec: dict[str, Any]) -> dict[str, int]:
    return {k: rec[k] for k in ("n_sources", "n_stories", "n_articles", "n_mentions")}


def touched_events(conn: sa.Connection, since: datetime, until: datetime) -> list[str]:
    """Corpus events reported by articles ingested in ``(since, until]``."""
    m, a = S.event_mentions, S.articles
    q = (
        sa.select(m.c.event_id)
        .distinct()
        .select_from(m.join(a, a.c.id == m.c.article_id))
        .where(a.c.ingested_at > since, a.c.ingested_at <= until)
    )
    return sorted(conn.execute(q).scalars())


def event_sources(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The articles reporting each event: publisher, agency, URL, headline, date."""
    m, a = S.event_mentions, S.articles
    out: dict[str, list[dict[str, Any]]] = {}
    if not event_ids:
        return out
    seen = set()
    for r in conn.execute(
        sa.select(m.c.event_id, a.c.id, a.c.publisher, a.c.agency, a.c.url, a.c.headline, a.c.published_date)
        .select_from(m.join(a, a.c.id == m.c.article_id))
        .where(m.c.event_id.in_(event_ids))
        .order_by(m.c.event_id, a.c.ingested_at, a.c.id)
    ):
        if (r.event_id, r.id) in seen:
            continue
        seen.add((r.event_id, r.id))
        out.setdefault(r.event_id, []).append(
            {
                "article_id": r.id,
                "publisher": r.publisher,
                "agency": r.agency,
                "url": r.url,
                "headline": r.headline,
                "published": r.published_date,
            }
        )
    return out


def link_base(value: str | None = None) -> str:
    return (value or os.environ.get(LINK_ENV) or DEFAULT_LINK_BASE).rstrip("/")


def _match_item(
    rec: dict[str, Any],
    change: str,
    changed: dict[str, list[Any]] | None,
    sources: list[dict[str, Any]],
    base: str,
) -> dict[str, Any]:
    link = f"{base}/article/{rec['article_id']}"
    if rec.get("local_id"):
        link += f"#ev-{rec['local_id']}"
    item = {"change": change, "event": rec, "sources": sources, "link": link}
    if changed:
        item["changed"] = changed
    return item


@dataclass
class CheckSummary:
    alerts: int = 0
    matches: int = 0  # new or changed matches recorded
    messages: int = 0  # messages queued
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # the fields, in their order (errors copied)


@dataclass(frozen=True)
class Outbox:
    """How messages leave: the SMTP server and sender for e-mail (default ``$DATELINE_SMTP_URL``),
    the stream that ``jsonl:-`` writes to (default stdout), and a webhook's retries and backoff."""

    smtp_url: str | None = None
    sender: str | None = None
    stdout: IO[str] | None = None
    retries: int = 2
    backoff: float = 1.0

    def send(self, channel: str, target: str, payload: dict[str, Any], *, secret: str | None = None) -> None:
        """Deliver one message; raises :class:`AlertError` when the channel did not take it."""
        if channel == "webhook":
            _send_webhook(target, payload, secret, retries=self.retries, backoff=self.backoff)
        elif channel == "jsonl":
            _send_jsonl(target, payload, self.stdout)
        elif channel == "email":
            _send_email(target, payload, self.smtp_url, self.sender)
        else:
            raise AlertError(f"unknown alert channel {channel!r}")


def check(
    store: Store,
    *,
    at: datetime | None = None,
    deliver: bool = True,
    base_url: str | None = None,
    outbox: Outbox | None = None,
) -> CheckSummary:
    """Match every alert against the events of newly ingested articles, queue one message per
    alert with its new and changed matches, then send what is pending."""
    from . import query

    at = at or now()
    base = link_base(base_url)
    summary = CheckSummary()
    a, m, d = S.alerts, S.alert_matches, S.alert_deliveries
    with store.engine.connect() as conn:
        alerts = conn.execute(sa.select(a).order_by(a.c.name)).all()
    for al in alerts:
        summary.alerts += 1
        since = max(_aware(al.created_at), _aware(al.checked_until) - OVERLAP)
        with store.engine.connect() as conn:
            ids = touched_events(conn, since, at)
        filters = _json(al.filters)
        records: list[dict[str, Any]] = []
        for i in range(0, len(ids), 2000):
            chunk = ids[i : i + 2000]
            records.extend(query.events(store, **filters, ids=chunk, limit=query.MAX_LIMIT))
        with store.engine.begin() as conn:
            prev = {}
            if records:
                prev = {
                    r.event_id: r
                    for r in conn.execute(
                        sa.select(m).where(m.c.alert == al.name, m.c.event_id.in_([r["id"] for r in records]))
                    )
                }
            # (record, "new" or "update", {field: [before, after]} of an update, state)
            changes: list[tuple[dict[str, Any], str, dict[str, list[Any]] | None, dict[str, int]]] = []
            for rec in records:
                state = _state(rec)
                old = prev.get(rec["id"])
                if old is None:
                    changes.append((rec, "new", None, state))
                else:
                    before = _json(old.state)
                    if before != state:
                        diff = {k: [before.get(k), v] for k, v in state.items() if before.get(k) != v}
                        changes.append((rec, "update", diff, state))
            if changes:
                srcs = event_sources(conn, [c[0]["id"] for c in changes])
                items = [_match_item(rec, ch, diff, srcs.get(rec["id"], []), base) for rec, ch, diff, _ in changes]
                payload = {
                    "alert": al.name,
                    "filters": filters,
                    "created_at": at.isoformat(),
                    "matches": items[:MAX_MATCHES_PER_MESSAGE],
                    "more": max(0, len(items) - MAX_MATCHES_PER_MESSAGE),
                }
                pk = conn.execute(
                    d.insert().values(alert=al.name, created_at=at, payload=payload, status="pending", attempts=0)
                ).inserted_primary_key
                assert pk is not None, "a single-row INSERT reports its primary key"
                delivery_id = pk[0]
                for rec, _, _, state in changes:
                    insert_ignore(
                        conn,
                        m,
                        {
                            "alert": al.name,
                            "event_id": rec["id"],
                            "state": state,
                            "first_matched": at,
                            "last_changed": at,
                            "n_changes": 0,
                        },
                    )
                    conn.execute(
                        m.update()
                        .where(m.c.alert == al.name, m.c.event_id == rec["id"])
                        .values(state=state, last_changed=at, n_changes=m.c.n_changes + 1, delivery_id=delivery_id)
                    )
                summary.matches += len(changes)
                summary.messages += 1
            conn.execute(a.update().where(a.c.name == al.name).values(checked_until=at))
    if deliver:
        deliver_pending(store, summary, outbox)
    return summary


# -- delivery --------------------------------------------------------------------------------------
def deliver_pending(store: Store, summary: CheckSummary | None = None, outbox: Outbox | None = None) -> CheckSummary:
    """Send every pending message, oldest first; a failure stays pending for the next check
    until :data:`MAX_ATTEMPTS`, then is marked failed."""
    summary = summary or CheckSummary()
    outbox = outbox or Outbox()
    a, d = S.alerts, S.alert_deliveries
    with store.engine.connect() as conn:
        pending = conn.execute(
            sa.select(d, a.c.channel, a.c.target, a.c.secret)
            .join(a, a.c.name == d.c.alert)
            .where(d.c.status == "pending")
            .order_by(d.c.id)
        ).all()
    for row in pending:
        payload = dict(_json(row.payload))
        payload["delivery"] = row.id
        try:
            outbox.send(row.channel, row.target, payload, secret=row.secret)
        except AlertError as exc:
            attempts = row.attempts + 1
            status = "failed" if attempts >= MAX_ATTEMPTS else "pending"
            with store.engine.begin() as conn:
                conn.execute(
                    d.update().where(d.c.id == row.id).values(attempts=attempts, status=status, last_error=str(exc))
                )
            summary.failed += 1
            summary.errors.append(str(exc))
            continue
        with store.engine.begin() as conn:
            conn.execute(
                d.update()
                .where(d.c.id == row.id)
                .values(attempts=row.attempts + 1, status="sent", sent_at=now(), last_error=None)
            )
        summary.sent += 1
    return summary


def signature(secret: str, body: bytes) -> str:
    """The ``X-Dateline-Signature`` value of a webhook body: ``sha256=`` and the HMAC-SHA256 hex."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver does: recompute the signature and compare in constant time."""
    return bool(header) and hmac.compare_digest(signature(secret, body), header or "")


def _send_webhook(url: str, payload: dict[str, Any], secret: str | None, *, retries: int, backoff: float) -> None:
    import httpx

    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"dateline/{__version__} (alerts)",
        "X-Dateline-Alert": payload.get("alert", ""),
        "X-Dateline-Delivery": str(payload.get("delivery", "")),
    }
    if secret:
        headers["X-Dateline-Signature"] = signature(secret, body)
    error = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * (2 ** (attempt - 1)))
        try:
            r = httpx.post(url, content=body, headers=headers, timeout=10.0, follow_redirects=False)
        except httpx.HTTPError as exc:
            error = f"{exc.__class__.__name__}: {exc}"
            continue
        if 200 <= r.status_code < 300:
            return
        error = f"the receiver answered {r.status_code}"
        if 400 <= r.status_code < 500 and r.status_code not in (408, 429):
            break  # the receiver refuses this message: retrying now will not help
    raise AlertError(f"webhook {url}: {error}; the message stays queued and is retried at the next check")


def _send_jsonl(target: str, payload: dict[str, Any], stdout: IO[str] | None) -> None:
    head = {k: payload.get(k) for k in ("alert", "delivery", "created_at")}
    lines = [json.dumps({**head, **item}, ensure_ascii=False) + "\n" for item in payload.get("matches", [])]
    if payload.get("test") and not lines:
        lines = [json.dumps({**head, "test": True, "matches": []}) + "\n"]
    if target == "-":
        out = stdout or sys.stdout
        out.writelines(lines)
        out.flush()
        return
    try:
        with open(Path(target).expanduser(), "a", encoding="utf-8") as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise AlertError(f"cannot append alerts to {target}: {exc.strerror}") from exc


def smtp_settings(url: str | None) -> dict[str, Any]:
    """``smtp://[user:pass@]host[:port]`` (``smtps://`` for TLS from the start, ``?starttls=1``)."""
    url = url or os.environ.get(SMTP_ENV) or "smtp://localhost:25"
    p = urlsplit(url)
    if p.scheme not in ("smtp", "smtps") or not p.hostname:
        raise UsageError(f"SMTP URL {url!r}: write smtp://[USER:PASS@]HOST[:PORT] or smtps://...")
    return {
        "ssl": p.scheme == "smtps",
        "host": p.hostname,
        "port": p.port or (465 if p.scheme == "smtps" else 25),
        "user": unquote(p.username) if p.username else None,
        "password": unquote(p.password) if p.password else None,
        "starttls": "starttls=1" in (p.query or ""),
    }


def email_text(payload: dict[str, Any]) -> str:
    lines = [f"dateline alert {payload.get('alert')}: {len(payload.get('matches', []))} event(s)", ""]
    for item in payload.get("matches", []):
        ev = item["event"]
        who = ", ".join(ev.get("actors") or []) or "?"
        whom = ", ".join(ev.get("recipients") or [])
        place = (ev.get("place") or {}).get("name")
        lines.append(
            f"[{item['change']}] {ev.get('type')} {who}"
            + (f" -> {whom}" if whom else "")
            + f" · {ev.get('date') or 'undated'}"
            + (f" · {place}" if place else "")
            + f" · {ev.get('n_sources')} source(s)"
        )
        if item.get("changed"):
            lines.append("  changed: " + ", ".join(f"{k} {v[0]} -> {v[1]}" for k, v in item["changed"].items()))
        if ev.get("evidence"):
            lines.append(f"  \u201c{ev['evidence']['text']}\u201d")
        for s in item.get("sources", []):
            lines.append(
                f"  - {s.get('publisher') or s.get('agency') or '?'}: {s.get('headline') or ''} "
                f"{s.get('url') or ''}".rstrip()
            )
        lines.append(f"  {item['link']}")
        lines.append("")
    if payload.get("more"):
        lines.append(f"... and {payload['more']} more (see the web page)")
    return "\n".join(lines)


def _send_email(to: str, payload: dict[str, Any], smtp_url: str | None, sender: str | None) -> None:
    cfg = smtp_settings(smtp_url)
    msg = EmailMessage()
    n = len(payload.get("matches", []))
    msg["Subject"] = f"[dateline] {payload.get('alert')}: {n} event(s)" + (" (test)" if payload.get("test") else "")
    msg["From"] = sender or os.environ.get(FROM_ENV) or "dateline@localhost"
    msg["To"] = to
    msg["X-Dateline-Delivery"] = str(payload.get("delivery", ""))
    msg.set_content(email_text(payload))
    msg.add_attachment(
        json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"),
        maintype="application",
        subtype="json",
        filename="alert.json",
    )
    try:
        cls = smtplib.SMTP_SSL if cfg["ssl"] else smtplib.SMTP
        with cls(cfg["host"], cfg["port"], timeout=15) as smtp:
            if cfg["starttls"]:
                smtp.starttls()
            if cfg["user"]:
                smtp.login(cfg["user"], cfg["password"] or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise AlertError(
            f"e-mail to {to} via {cfg['host']}:{cfg['port']}: {exc.__class__.__name__}: {exc}; "
            f"check {SMTP_ENV} (smtp://USER:PASS@HOST:PORT); the message stays queued"
        ) from exc


# -- test ------------------------------------------------------------------------------------------
def replay(
    store: Store,
    name: str,
    *,
    limit: int = 5,
    base_url: str | None = None,
    outbox: Outbox | None = None,
) -> dict[str, Any]:
    """Send the alert's last ``limit`` matches again, marked ``"test": true`` (when it has none
    yet, the latest stored events matching its filters); nothing is recorded."""
    from . import query

    a = S.alerts
    with store.engine.connect() as conn:
        al = conn.execute(sa.select(a).where(a.c.name == name)).first()
    if al is None:
        raise UsageError(f"no alert named {name!r}; list them with `dateline alerts list`")
    recs = [r["event"] for r in recent_matches(store, name, limit=limit) if r["event"]]
    if not recs:
        filters = _json(al.filters)
        total = query.events(store, **filters, limit=1).total or 0
        recs = list(query.events(store, **filters, limit=limit, offset=max(0, total - limit)))
    base = link_base(base_url)
    with store.engine.connect() as conn:
        srcs = event_sources(conn, [r["id"] for r in recs])
    payload = {
        "alert": name,
        "filters": _json(al.filters),
        "created_at": now().isoformat(),
        "test": True,
        "delivery": "test",
        "matches": [_match_item(r, "replay", None, srcs.get(r["id"], []), base) for r in recs],
        "more": 0,
    }
    (outbox or Outbox()).send(al.channel, al.target, payload, secret=al.secret)
    return {"alert": name, "channel": al.channel, "target": al.target, "matches": len(recs)}
