"""Ingest a corpus into the store: read ──> clean ──> (skip if stored) ──> analyse ──> store.

``ingest(paths, db=..., workers=N)`` reads files, directories, globs, JSONL batches, WARC
archives and RSS/Atom feeds; ``N`` worker processes each load the NLP model once and clean,
check and analyse batches of inputs; the calling process is the one writer. Results are
written in input order, each article in its own transaction, so an interrupted run loses
nothing it stored and leaves no half-written article. An article whose id (a hash of its
cleaned text) is already stored is not analysed again: rerunning an ingestion is cheap and
changes nothing.
"""

from __future__ import annotations

import glob
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .article import Article
from .errors import DatelineError, InputRejected, Reason, StoreError, StoreFull, StoreUnavailable, UsageError
from .read import (
    JSONL_SUFFIXES,
    READABLE_SUFFIXES,
    Item,
    RawInput,
    decoding_warning,
    file_problem,
    iter_directory,
    read_path,
)
from .read_archives import FEED_SUFFIXES, WARC_SUFFIXES, is_feed, is_warc, iter_feed, iter_warc

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from sqlalchemy.engine import Engine

    from .store import Store

INGEST_SUFFIXES = tuple(READABLE_SUFFIXES) + WARC_SUFFIXES + FEED_SUFFIXES
_GLOB_CHARS = set("*?[")
MAX_STORE_FAILURES_IN_A_ROW = 5


@dataclass
class Summary:
    """What an ingestion did. ``rejected`` counts rejected inputs by reason."""

    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    updated: int = 0  # stored articles that a later input completed (store.merge: a date, a URL, ...)
    linked: int = 0  # stored articles that joined an existing story (syndicated copies)
    sources_added: int = 0
    rejected: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    store_failures: int = field(default=0, repr=False)  # consecutive write failures

    @property
    def n_rejected(self) -> int:
        return sum(self.rejected.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "linked": self.linked,
            "sources_added": self.sources_added,
            "rejected": dict(sorted(self.rejected.items())),
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
        }

    def line(self) -> str:
        rej = ", ".join(f"{n} {r}" for r, n in sorted(self.rejected.items()))
        rate = self.inputs / self.seconds if self.seconds else 0.0
        return (
            f"{self.inputs} input(s) in {self.seconds:.1f}s ({rate:.1f}/s): {self.stored} stored "
            f"({self.linked} linked to an existing story), {self.updated} updated, {self.duplicates} duplicate(s), "
            f"{self.n_rejected} rejected"
            + (f" ({rej})" if rej else "")
            + (" — interrupted; rerun to continue" if self.interrupted else "")
        )


@dataclass
class Outcome:
    """One input's result, passed to the ``on_result`` callback."""

    kind: str  # "stored" | "updated" | "duplicate" | "rejected"
    origin: str | None
    article_id: str | None = None
    story_id: str | None = None
    linked: bool = False
    reason: str | None = None
    message: str | None = None
    warning: str | None = None  # e.g. bytes that were not valid UTF-8, replaced


# -- reading --------------------------------------------------------------------------------------
def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path | InputRejected]:
    """Files to read, in order: files as given, directories walked (sorted), globs expanded.

    What a walk or a glob finds that must not be read (a FIFO, a device, a link leaving the
    folder) is an ``InputRejected`` in its place, so that it is reported, not read."""
    out: list[Path | InputRejected] = []
    for raw in paths:
        s = os.fspath(raw)
        p = Path(s)
        if p.exists() or p.is_symlink():
            matches, root = [p], None
        elif _GLOB_CHARS & set(s):
            matches = [Path(m) for m in sorted(glob.glob(s, recursive=True))]
            if not matches:
                raise UsageError(f"no file matches {s!r}")
            root = _glob_root(s)
        else:
            raise UsageError(f"no such file or directory: {s}")
        for m in matches:
            if m.is_dir() and not (root is not None and m.is_symlink()):
                out.extend(iter_directory(m, INGEST_SUFFIXES_FOR_WALK))
                continue
            problem = file_problem(m, root)
            out.append(InputRejected(Reason.UNSUPPORTED, problem, source=str(m)) if problem else m)
    return out


def _glob_root(pattern: str) -> str:
    """The folder a glob searches: its leading part without wildcards (``crawl/**/*.gz``: crawl)."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


# iter_directory matches on the last suffix only; ".warc.gz" is found by ".gz" and checked here.
INGEST_SUFFIXES_FOR_WALK = tuple(READABLE_SUFFIXES) + (".warc", ".arc", ".gz") + FEED_SUFFIXES


def iter_file(path: Path, *, max_bytes: int | None = None) -> Iterator[Item]:
    """The inputs in one file, by kind: WARC archive, feed, JSONL batch, or one page."""
    problem = file_problem(path)
    if problem:
        yield InputRejected(Reason.UNSUPPORTED, problem, source=str(path))
    elif is_warc(path):
        yield from iter_warc(path, max_bytes=max_bytes)
    elif is_feed(path):
        yield from iter_feed(path, max_bytes=max_bytes)
    elif path.name.lower().endswith(".xml"):
        yield InputRejected(Reason.UNSUPPORTED, "an XML file that is not an RSS/Atom feed", source=str(path))
    elif path.name.lower().endswith(".gz"):
        yield InputRejected(
            Reason.UNSUPPORTED, "a gzip file that is not a WARC archive; gunzip it first", source=str(path)
        )
    else:
        yield from read_path(path, max_bytes=max_bytes)


def iter_inputs(paths: Iterable[str | os.PathLike], *, max_bytes: int | None = None) -> Iterator[Item]:
    for path in expand_paths(paths):
        if isinstance(path, InputRejected):
            yield path
        else:
            yield from iter_file(path, max_bytes=max_bytes)


def count_inputs(paths: Iterable[str | os.PathLike], *, max_seconds: float = 2.0) -> int | None:
    """How many inputs ``paths`` hold (for a progress bar's ETA); None if counting takes too long."""
    start = time.monotonic()
    n = 0
    for p in expand_paths(paths):
        if time.monotonic() - start > max_seconds:
            return None
        if isinstance(p, InputRejected) or file_problem(p):
            n += 1
        elif p.suffix.lower() in JSONL_SUFFIXES:
            with p.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        elif is_warc(p) or is_feed(p):
            n += sum(1 for _ in iter_file(p))
        else:
            n += 1
    return n


# -- processing (in workers, or in the calling process for workers=1) ------------------------------
class Worker:
    """The per-process half of an ingestion: a pipeline (the model loaded once) and a connection
    to the store to check what is stored. ``process(items)`` turns a batch of inputs into
    picklable results that :func:`write_result` stores in the writer process; ``ingest`` runs one
    in each local worker process, ``ingest_dask`` one in each Dask worker."""

    def __init__(self, model: str | None, analyse: bool, db_url: str, engine: Engine | None = None) -> None:
        from .pipeline import Pipeline

        self.pipeline = Pipeline(model, analyse=analyse)
        if analyse:
            _ = self.pipeline.nlp  # load the model now, once per process
        self.db_url = db_url
        if engine is not None:
            self.engine = engine

    @cached_property
    def engine(self) -> Engine:
        """The store's engine, made at first use unless one was given."""
        from .store.db import create

        return create(self.db_url)

    def stored_ids(self, ids: list[str]) -> set[str]:
        return set(self.stored_dates(ids))

    def stored_dates(self, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """``{id: (published_date, published_source)}`` of the stored articles among ``ids``."""
        import sqlalchemy as sa

        from .store import retrying, store_error
        from .store.schema import articles as a

        if not ids:
            return {}

        def read() -> dict[str, tuple[str | None, str | None]]:
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(
                        sa.select(a.c.id, a.c.published_date, a.c.published_source).where(a.c.id.in_(ids))
                    ).all()
            except sa.exc.SQLAlchemyError as exc:
                raise store_error(exc, "could not check which articles are stored") from exc
            return {r.id: (r.published_date, r.published_source) for r in rows}

        return retrying(read)  # the store restarting: wait for it, as the writer does

    def process(self, items: list[Item]) -> list[tuple]:
        """Clean each input, skip what is stored, analyse the rest. Picklable results, in order:
        ``("article", Article, signature_bytes)``, ``("known", Article, None)`` or
        ``("rejected", (reason, message, source), None)``."""
        from . import dedupe
        from .pipeline import ANALYSED_LANGUAGES, clean_raw
        from .store.merge import date_wins

        out: list[tuple | None] = [None] * len(items)
        cleaned: dict[int, Article] = {}
        for i, item in enumerate(items):
            if isinstance(item, InputRejected):
                out[i] = _rejected(item)
                continue
            try:
                cleaned[i] = clean_raw(item)
            except InputRejected as exc:
                exc.source = exc.source or item.origin
                out[i] = _rejected(exc)
            except DatelineError as exc:
                out[i] = ("rejected", (Reason.INVALID.value, str(exc), item.origin), None)
            except Exception as exc:  # one bad page must not stop a corpus
                out[i] = (
                    "rejected",
                    (Reason.FAILED.value, f"cleaning failed: {exc.__class__.__name__}: {exc}", item.origin),
                    None,
                )
        known = self.stored_dates(sorted({a.id for a in cleaned.values()}))
        todo = []
        for i, art in cleaned.items():
            # A stored text is not analysed again, unless this input brings it a publication date
            # that wins over the stored one (store.merge): then what was resolved against the date
            # (times, event dates) is resolved again, and the store replaces the analysis.
            if art.id in known and not date_wins(*known[art.id], art.published.date, art.published.source):
                out[i] = ("known", art, None)
            else:
                todo.append(i)
        analyse = [i for i in todo if self.pipeline.analyse and cleaned[i].language in ANALYSED_LANGUAGES]
        if analyse:
            from .analyse import analyse_docs

            docs = self.pipeline.nlp.pipe([cleaned[i].text for i in analyse], batch_size=self.pipeline.batch_size)
            for i, doc in zip(analyse, docs):
                try:
                    analyse_docs(cleaned[i], doc)
                except Exception as exc:
                    out[i] = (
                        "rejected",
                        (
                            Reason.FAILED.value,
                            f"analysis failed: {exc.__class__.__name__}: {exc}",
                            cast(RawInput, items[i]).origin,
                        ),
                        None,
                    )
        for i in todo:
            if out[i] is None:
                out[i] = ("article", cleaned[i], dedupe.to_bytes(dedupe.signature(cleaned[i].text)))
        return out  # type: ignore[return-value]


def _rejected(exc: InputRejected) -> tuple:
    return ("rejected", (exc.reason, str(exc), exc.source), None)


_WORKER: Worker | None = None


def exit_with_parent() -> None:
    """In a worker process: end this process as soon as its parent dies.

    A parent killed with SIGKILL cannot stop its workers; they would live on, blocked writing
    results nobody reads, holding hundreds of megabytes each (and the resource tracker with them,
    which exits once they have). A daemon thread waits on the parent's sentinel (a pipe that
    closes when the parent ends, however it ends) and exits the process then."""
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(70)

    threading.Thread(target=watch, name="dateline-exit-with-parent", daemon=True).start()


def _init_worker(model: str | None, analyse: bool, db_url: str) -> None:
    global _WORKER
    exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the writer decides what an interrupt does
    _WORKER = Worker(model, analyse, db_url)


def _work(items: list[Item]) -> list[tuple]:
    assert _WORKER is not None
    return _WORKER.process(items)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- the writer ------------------------------------------------------------------------------------
def ingest(
    paths: Iterable[str | os.PathLike] | None = None,
    *,
    items: Iterable[Item] | None = None,
    db: str | None = None,
    workers: int = 1,
    model: str | None = None,
    analyse: bool = True,
    batch_size: int = 8,
    max_bytes: int | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Ingest ``paths`` (or ready-made ``items``) into the store at ``db``; returns a Summary.

    ``workers`` processes clean and analyse in parallel (1: in this process). Each article is
    written in its own transaction. ``on_result`` is called once per input, in input order.
    On KeyboardInterrupt the workers are stopped and the summary so far is returned with
    ``interrupted=True``; everything reported stored is stored.
    """
    from .store import Store
    from .store.db import normalise_url

    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if (paths is None) == (items is None):
        raise UsageError("give paths or items to ingest")
    if paths is not None:
        paths = list(paths)
        expand_paths(paths)  # a missing path is a usage error before any work starts
        source: Iterator[Item] = iter_inputs(paths, max_bytes=max_bytes)
    else:
        source = iter(items)  # type: ignore[arg-type]
    url = normalise_url(db)
    summary = Summary()
    start = time.monotonic()
    store = Store.open(url)
    executor = None
    try:
        if workers == 1:
            worker = Worker(model, analyse, url, engine=store.engine)
            results: Iterator[tuple] = (r for b in _batches(source, batch_size) for r in worker.process(b))
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(model, analyse, url),
            )
            results = _ordered(executor, _batches(source, batch_size), inflight=workers * 3)
        for res in results:
            write_result(store, res, summary, on_result)
    except BrokenProcessPool as exc:
        if executor is not None:
            _kill(executor)
            executor = None
        raise DatelineError(
            f"a worker process died ({exc}); it may have run out of memory: rerun with "
            "fewer --workers or a smaller --batch-size (what is stored is kept)"
        ) from exc
    except KeyboardInterrupt:
        summary.interrupted = True
        if executor is not None:
            _kill(executor)
            executor = None
    except StoreError as exc:
        if executor is not None:
            _kill(executor)
            executor = None
        raise type(exc)(
            f"{exc} [{summary.stored} article(s) stored in this run are kept; rerun the same command to continue]"
        ) from exc
    except BaseException:
        if executor is not None:
            _kill(executor)
            executor = None
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=True)
        store.close()
        summary.seconds = time.monotonic() - start
    return summary


def _ordered(executor: ProcessPoolExecutor, batches: Iterator[list[Item]], inflight: int) -> Iterator[tuple]:
    """Results of ``batches`` in order, with at most ``inflight`` batches submitted at a time."""
    pending: deque = deque()
    for batch in batches:
        pending.append(executor.submit(_work, batch))
        while len(pending) >= inflight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _kill(executor: ProcessPoolExecutor) -> None:
    processes = list(getattr(executor, "_processes", {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)


def write_result(store: Store, res: tuple, summary: Summary, on_result: Callable[[Outcome], None] | None) -> None:
    """Store one result of :meth:`Worker.process` (an article, or the rejection of an input) in
    the writer process, count it in ``summary`` and report its :class:`Outcome` to
    ``on_result``. Waits for a restarting store; an article the store refuses is counted as
    rejected (``store-failed``) unless the store refuses several in a row, or is gone or full."""
    kind, payload, sig = res
    summary.inputs += 1
    from .store import retrying

    if kind == "rejected":
        reason, message, origin = payload
        exc = InputRejected(reason, message, source=origin)
        retrying(lambda: store.write_rejected(exc))  # a PostgreSQL restart: wait for it
        summary.rejected[reason] += 1
        outcome = Outcome("rejected", origin, reason=reason, message=message)
    else:
        from . import dedupe

        article: Article = payload
        origin = article.source.url or article.source.path
        signature = dedupe.from_bytes(sig) if sig is not None else None
        retried = []
        try:
            # Each attempt is one transaction, so a retry never doubles anything; an attempt whose
            # commit reached the server before the connection dropped reads as a duplicate of
            # itself on the next one, and counts as stored.
            result = retrying(lambda: store.write(article, signature), on_wait=lambda exc, delay: retried.append(delay))
            if retried and result.status == "duplicate" and not result.source_added:
                result.status = "stored"
        except (StoreUnavailable, StoreFull):
            raise  # the store is gone or full: every later article would fail the same way
        except StoreError as exc:
            # One article the store refuses (e.g. a value out of range) must not stop a corpus;
            # a store that refuses everything must.
            summary.store_failures += 1
            if summary.store_failures >= MAX_STORE_FAILURES_IN_A_ROW:
                raise
            summary.rejected[Reason.STORE_FAILED.value] += 1
            if on_result is not None:
                on_result(Outcome("rejected", origin, reason=Reason.STORE_FAILED.value, message=str(exc)))
            return
        summary.store_failures = 0
        if result.status == "stored":
            summary.stored += 1
            summary.linked += int(result.linked)
        elif result.status == "updated":
            summary.updated += 1
            summary.sources_added += int(result.source_added)
        else:
            summary.duplicates += 1
            summary.sources_added += int(result.source_added)
        outcome = Outcome(
            result.status,
            origin,
            article_id=result.article_id,
            story_id=result.story_id,
            linked=result.linked,
            warning=decoding_warning(article.source.encoding, article.source.invalid_bytes),
        )
    if on_result is not None:
        on_result(outcome)
