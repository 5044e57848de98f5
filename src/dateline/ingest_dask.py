"""Ingest on a Dask cluster: the same per-article function as the local workers, spread over a
``dask.distributed`` cluster (a LocalCluster, Slurm, Kubernetes, a few cloud machines).

``ingest_dask(paths, db=..., dask="tcp://host:8786" | "local:N")``:

* The client *plans* tasks from the inputs without reading their text: a task is a batch of
  page files, a range of lines of a JSONL file (byte offsets and the first line number), or one
  WARC archive or feed. The workers read their inputs themselves.
* Each Dask worker process loads the NLP model once (a module-level cache in the worker
  process, never in the task graph) and runs ``ingest.Worker.process``, the function the local
  worker processes run: clean, skip ids already stored, analyse, sign.
* A task returns one Parquet shard (one row per input, keyed by article id; the full Article
  record as JSON). The client writes it atomically into the run folder (``<db>.dask/`` next to an
  SQLite store) and one writer, the client, loads the shards in task order into the store,
  through the same ``Store.write`` as local ingestion, so the store is the same as with
  ``--workers N``. With PostgreSQL the results are written straight into the database (no
  shards).
* Rerun: a shard already loaded is skipped without any work (``<key>.loaded`` marker; the key is
  a hash of the task: paths, sizes, modification times, byte ranges, options); a shard written
  but not loaded is loaded without recomputing; everything else is recomputed, and workers
  that can reach the store skip the NLP for ids already stored. Loading is idempotent by article
  id (``Store.write``), so an article can never be stored twice.
* Faults: a worker that dies mid-task costs a retry (Dask reschedules its tasks; the nanny
  restarts the worker, which loads the model again). A task that still fails (it killed
  ``distributed.scheduler.allowed-failures`` workers, or raised) is split into one task per
  input; an input that fails alone is recorded as rejected (reason ``failed``) with the error.
  Every input ends stored exactly once or listed as rejected with its reason.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputRejected, Reason, UsageError
from .ingest import Outcome, Summary, Worker, expand_paths, iter_file, write_result
from .read import JSONL_SUFFIXES, Item, iter_jsonl

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

#: a result shard's columns and their pyarrow types, in order
SHARD_FIELDS = (
    ("seq", "int32"),
    ("kind", "string"),
    ("article_id", "string"),
    ("origin", "string"),
    ("reason", "string"),
    ("message", "string"),
    ("article", "large_string"),
    ("signature", "binary"),
)
SHARD_COLUMNS = tuple(name for name, _ in SHARD_FIELDS)


@dataclass
class DaskSummary(Summary):
    """A Summary with what the cluster did: tasks computed, reused and split after a failure."""

    tasks: int = 0
    tasks_done_before: int = 0  # shards already loaded by an earlier run: skipped
    shards_reused: int = 0  # shards written by an earlier run but not loaded: loaded now
    tasks_split: int = 0  # tasks that failed and were retried one input at a time
    workers: int = 0
    run_dir: str | None = None
    writer_seconds: float = 0.0  # time the one writer spent loading results into the store

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update(
            {
                "tasks": self.tasks,
                "tasks_done_before": self.tasks_done_before,
                "shards_reused": self.shards_reused,
                "tasks_split": self.tasks_split,
                "workers": self.workers,
                "run_dir": self.run_dir,
                "writer_seconds": round(self.writer_seconds, 3),
            }
        )
        return d

    def line(self) -> str:
        extra = f"; dask: {self.workers} worker(s), {self.tasks} task(s)"
        if self.tasks_done_before:
            extra += f", {self.tasks_done_before} done by an earlier run"
        if self.shards_reused:
            extra += f", {self.shards_reused} shard(s) reused"
        if self.tasks_split:
            extra += f", {self.tasks_split} split after a failure"
        return super().line() + extra


# -- planning (in the client; reads no article text) ------------------------------------------------
def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def _is_archive(path: Path) -> bool:
    from .read_archives import is_feed, is_warc

    return is_warc(path) or is_feed(path)


def _jsonl_ranges(
    path: Path, per_task: int, start: int = 0, end: int | None = None, first_line: int = 1
) -> list[tuple]:
    """Split the lines of a JSONL file (or of its byte range) into units of ``per_task``
    non-blank lines: ``("lines", path, start_byte, end_byte, first_line_number)``."""
    units = []
    with path.open("rb") as fh:
        fh.seek(start)
        pos, lineno, count = start, first_line, 0
        unit_start, unit_line = start, first_line
        for raw in fh:
            if end is not None and pos >= end:
                break
            if raw.strip():
                count += 1
            pos += len(raw)
            lineno += 1
            if count >= per_task:
                units.append(("lines", str(path), unit_start, pos, unit_line))
                unit_start, unit_line, count = pos, lineno, 0
        if count:
            units.append(("lines", str(path), unit_start, pos, unit_line))
    return units


def plan(paths: Iterable[str | os.PathLike], batch_size: int = 8, *, absolute: bool = False) -> list[list[tuple]]:
    """Tasks for ``paths``, in input order: each a list of units ``("file", path)`` (a page, an
    archive or a feed) or ``("lines", path, start, end, first_line)`` (part of a JSONL file)."""
    tasks: list[list[tuple]] = []
    pages: list[tuple] = []
    for p in expand_paths(paths):
        if isinstance(p, InputRejected):  # not to be read (a FIFO, a link leaving the corpus): reported
            pages.append(("rejected", p.source, p.reason, str(p)))
            if len(pages) >= batch_size:
                tasks.append(pages)
                pages = []
            continue
        if absolute:
            p = p.resolve()
        if _is_jsonl(p) or _is_archive(p):
            if pages:
                tasks.append(pages)
                pages = []
            if _is_jsonl(p):
                try:
                    tasks.extend([u] for u in _jsonl_ranges(p, batch_size))
                    continue
                except OSError:
                    pass  # unreadable: the worker reports it with its reason
            tasks.append([("file", str(p))])
            continue
        pages.append(("file", str(p)))
        if len(pages) >= batch_size:
            tasks.append(pages)
            pages = []
    if pages:
        tasks.append(pages)
    return tasks


def task_key(units: list[tuple], options: dict) -> str:
    """A stable name for a task's shard: what it reads (with sizes and mtimes) and how."""
    stamp = []
    for u in units:
        try:
            st = os.stat(u[1])
            stamp.append([*u, st.st_size, st.st_mtime_ns])
        except OSError:
            stamp.append([*u, None, None])
    blob = json.dumps([stamp, options], sort_keys=True, default=str).encode()
    return hashlib.sha1(blob).hexdigest()[:24]


# -- the worker side ---------------------------------------------------------------------------------
def read_unit(unit: tuple, max_bytes: int | None = None) -> Iterator[Item]:
    """The inputs of one unit, read by the worker itself (same origins as local ingestion)."""
    if unit[0] == "file":
        yield from iter_file(Path(unit[1]), max_bytes=max_bytes)
        return
    if unit[0] == "rejected":
        yield InputRejected(unit[2], unit[3], source=unit[1])
        return
    _, path, start, end, first_line = unit
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            data = fh.read(end - start)
    except OSError as exc:
        yield InputRejected(Reason.UNREADABLE, f"cannot read file: {exc.strerror}", source=path)
        return
    # iter_jsonl numbers lines from 1: shift every origin to the unit's first line.
    for item in iter_jsonl(io.BytesIO(data), path, max_bytes=max_bytes):
        origin = item.origin if not isinstance(item, InputRejected) else item.source
        if origin and origin.startswith(path + ":"):
            fixed = f"{path}:{int(origin[len(path) + 1 :]) + first_line - 1}"
            if isinstance(item, InputRejected):
                item.source = fixed
            else:
                item.origin = fixed
        yield item


class _DaskWorker(Worker):
    """The local worker, with a store check that may be switched off (a worker that cannot
    safely reach an SQLite file analyses everything; the writer is idempotent by id)."""

    def __init__(self, model: str | None, analyse: bool, db_url: str, check_store: bool) -> None:
        super().__init__(model, analyse, db_url)
        self.check_store = check_store

    def stored_dates(self, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        if not self.check_store:
            return {}
        if self.db_url.startswith("sqlite"):
            path = self.db_url.split(":///", 1)[-1]
            if not os.path.exists(path):
                return {}
        try:
            return super().stored_dates(ids)
        except Exception:
            return {}  # an unreachable store costs analysis time, never data


_CACHE: dict[tuple, _DaskWorker] = {}
_CACHE_LOCK = threading.Lock()
MODEL_LOADS = 0  # in this process: how many times a pipeline (and its model) was loaded


def _worker_for(model: str | None, analyse: bool, db_url: str, check_store: bool) -> _DaskWorker:
    global MODEL_LOADS
    key = (model, analyse, db_url, check_store)
    with _CACHE_LOCK:
        w = _CACHE.get(key)
        if w is None:
            w = _CACHE[key] = _DaskWorker(model, analyse, db_url, check_store)
            MODEL_LOADS += 1
        return w


def model_loads() -> int:
    """How many pipelines this (worker) process loaded; run with ``client.run``."""
    return MODEL_LOADS


def run_task(
    units: list[tuple],
    model: str | None,
    analyse: bool,
    db_url: str,
    check_store: bool,
    batch_size: int,
    max_bytes: int | None,
) -> bytes:
    """One Dask task: read the units, run the per-article function, return a Parquet shard."""
    worker = _worker_for(model, analyse, db_url, check_store)
    results: list[tuple] = []
    batch: list[Item] = []
    for unit in units:
        for item in read_unit(unit, max_bytes):
            batch.append(item)
            if len(batch) >= batch_size:
                results.extend(worker.process(batch))
                batch = []
    if batch:
        results.extend(worker.process(batch))
    return shard_bytes(results)


def shard_bytes(results: list[tuple]) -> bytes:
    """``Worker.process`` results as a Parquet file (bytes), one row per input."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list] = {c: [] for c in SHARD_COLUMNS}
    for seq, (kind, payload, sig) in enumerate(results):
        cols["seq"].append(seq)
        cols["kind"].append(kind)
        if kind == "rejected":
            reason, message, origin = payload
            row = (None, origin, reason, message, None, None)
        else:
            row = (payload.id, payload.source.url or payload.source.path, None, None, payload.to_json(), sig)
        for c, v in zip(SHARD_COLUMNS[2:], row):
            cols[c].append(v)
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in SHARD_FIELDS])
    table = pa.table(cols, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def read_shard(data: bytes | str | Path) -> list[tuple]:
    """A shard back as ``Worker.process`` results, in input order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .article import Article

    source = pa.BufferReader(data) if isinstance(data, bytes) else str(data)
    rows = sorted(pq.read_table(source).to_pylist(), key=lambda r: r["seq"])
    out: list[tuple] = []
    for r in rows:
        if r["kind"] == "rejected":
            out.append(("rejected", (r["reason"], r["message"], r["origin"]), None))
        else:
            out.append((r["kind"], Article.from_json(r["article"]), r["signature"]))
    return out


def _failed_rows(unit: tuple, exc: BaseException) -> bytes:
    origin = unit[1] if unit[0] in ("file", "rejected") else f"{unit[1]}:{unit[4]}"
    message = f"processing failed on the cluster ({exc.__class__.__name__}: {exc}); ingest this input alone to see why"
    return shard_bytes([("rejected", (Reason.FAILED.value, message, origin), None)])


# -- the client: connect, submit, write shards, load in order ----------------------------------------
def connect(spec: str, default_workers: int | None = None) -> tuple[Client, LocalCluster | None, bool]:
    """``(client, cluster_or_None, is_local)`` for ``local[:N]``, ``tcp://host:port`` (or any
    scheduler address) or a scheduler JSON file."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--dask needs Dask: pip install 'dateline[dask]'") from exc
    if spec == "local" or spec.startswith("local:"):
        n = default_workers or os.cpu_count() or 1
        if ":" in spec:
            try:
                n = int(spec.split(":", 1)[1])
            except ValueError:
                raise UsageError(f"--dask {spec!r}: give local or local:N with N a number of workers") from None
        if n < 1:
            raise UsageError("--dask local:N needs N >= 1")
        # Processes, one thread each: spaCy holds the GIL, threads would not run in parallel.
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
        return Client(cluster), cluster, True
    if spec.endswith(".json") and os.path.isfile(spec):
        kwargs: dict[str, Any] = {"scheduler_file": spec}
    elif "://" in spec or ":" in spec:
        kwargs = {"address": spec}
    else:
        raise UsageError(f"--dask {spec!r}: give tcp://HOST:PORT, a scheduler file, local or local:N")
    try:
        return Client(timeout="30s", **kwargs), None, False
    except (OSError, TimeoutError) as exc:
        raise UsageError(
            f"cannot reach the Dask scheduler at {spec}: {exc}; start one with "
            "`dask scheduler` (and `dask worker ADDRESS --nthreads 1`), or use --dask local:N"
        ) from exc


def default_run_dir(url: str) -> Path | None:
    """``<db file>.dask`` next to an SQLite store; None for PostgreSQL (written straight in)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[-1]
    if not path or path == ":memory:":
        raise UsageError("--dask needs a store file or PostgreSQL, not an in-memory database")
    return Path(path + ".dask")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def ingest_dask(
    paths: Iterable[str | os.PathLike],
    *,
    db: str | None = None,
    dask: str | None = "local",
    client: Client | None = None,
    workers: int | None = None,
    model: str | None = None,
    analyse: bool = True,
    batch_size: int = 8,
    max_bytes: int | None = None,
    run_dir: str | os.PathLike | None = None,
    inflight: int | None = None,
    check_store: bool | None = None,
    resources: dict[str, float] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> DaskSummary:
    """Ingest ``paths`` into the store at ``db`` on a Dask cluster; returns a DaskSummary.

    ``dask``: ``"local"``/``"local:N"`` (a LocalCluster of N single-threaded worker processes,
    closed at the end), a scheduler address (``"tcp://host:8786"``) or a scheduler JSON file;
    or pass a connected ``client``. ``run_dir``: where shards go (default ``<db>.dask``).
    ``check_store``: let workers look up stored ids (default: on for a LocalCluster and for
    PostgreSQL, off for SQLite on a remote cluster, whose workers may not see the file safely).
    ``resources``: Dask worker resources each task needs (e.g. ``{"NLP": 1}``), to run on the
    workers started with ``--resources NLP=1`` only.
    On KeyboardInterrupt the tasks are cancelled and the summary so far comes back with
    ``interrupted=True``; finished shards stay in the run folder for the next run.
    """
    from .store import Store
    from .store.db import normalise_url

    if batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    url = normalise_url(db)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        rel = url.split(":///", 1)[1]
        if rel and rel != ":memory:":
            url = "sqlite:///" + str(Path(rel).resolve())  # the workers may not share our cwd
    paths = list(paths)
    expand_paths(paths)  # a missing path is a usage error before any cluster starts
    folder = Path(run_dir) if run_dir is not None else default_run_dir(url)
    summary = DaskSummary(run_dir=str(folder) if folder else None)
    start = time.monotonic()
    store = Store.open(url)  # creates and migrates before the workers look ids up in it
    own_client = client is None
    cluster = None
    futures: dict = {}
    try:
        if own_client:
            client, cluster, is_local = connect(dask or "local", workers)
        else:
            from distributed import LocalCluster

            is_local = isinstance(getattr(client, "cluster", None), LocalCluster)
        assert client is not None  # given, or connect()'s
        if check_store is None:
            check_store = is_local or not url.startswith("sqlite")
        tasks = plan(paths, batch_size, absolute=not is_local)
        summary.tasks = len(tasks)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        summary.workers = n_workers
        options = {"model": model, "analyse": analyse, "max_bytes": max_bytes, "batch_size": batch_size}
        keys = [task_key(t, options) for t in tasks]
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        args = (model, analyse, url, check_store, batch_size, max_bytes)
        window = inflight or n_workers * 3

        ready: dict[int, bytes | Path] = {}  # task index -> shard (bytes in memory, or file)
        todo: list[int] = []
        done_before: set[int] = set()
        for i, k in enumerate(keys):
            if folder is not None and (folder / f"{k}.loaded").exists():
                done_before.add(i)
            elif folder is not None and (folder / f"{k}.parquet").exists():
                ready[i] = folder / f"{k}.parquet"
                summary.shards_reused += 1
            else:
                todo.append(i)
        summary.tasks_done_before = len(done_before)

        parts: dict[int, list] = {}  # a split task: its units' shards (None until done)
        submit_queue = iter(todo)

        def submit(i: int, units: list[tuple], part: int | None = None) -> None:
            name = f"dateline-{keys[i]}" + (f"-{part}" if part is not None else "")
            fut = client.submit(run_task, units, *args, key=name, pure=False, retries=1, resources=resources)
            futures[fut] = (i, units, part)

        def top_up() -> None:
            while sum(1 for v in futures.values() if v[2] is None) < window:
                i = next(submit_queue, None)
                if i is None:
                    return
                submit(i, tasks[i])

        def finished(i: int, data: bytes) -> None:
            if folder is not None:
                path = folder / f"{keys[i]}.parquet"
                _write_atomic(path, data)
                ready[i] = path
            else:
                ready[i] = data

        from distributed import wait

        top_up()
        next_i = 0
        while next_i < len(tasks):
            # Load, in task order, every shard that is ready: one writer, input order.
            while next_i < len(tasks) and (next_i in done_before or next_i in ready):
                if next_i in ready:
                    shard = ready.pop(next_i)
                    t0 = time.monotonic()
                    for res in read_shard(shard):
                        write_result(store, res, summary, on_result)
                    summary.writer_seconds += time.monotonic() - t0
                    if folder is not None:
                        (folder / f"{keys[next_i]}.loaded").touch()
                next_i += 1
            if next_i >= len(tasks):
                break
            if not futures:
                top_up()
                if not futures:
                    raise RuntimeError(f"task {next_i} was never submitted")  # a bug, not a fault
            done, _ = wait(list(futures), return_when="FIRST_COMPLETED")
            for fut in done:
                i, units, part = futures.pop(fut)
                try:
                    data = fut.result()
                except Exception as exc:  # KilledWorker after allowed-failures deaths, or an error
                    if part is None and len(units) > 1:
                        summary.tasks_split += 1
                        parts[i] = [None] * len(units)
                        for j, u in enumerate(units):
                            submit(i, [u], j)
                        continue
                    if part is None and units[0][0] == "lines" and _count_lines(units[0]) > 1:
                        summary.tasks_split += 1
                        singles = _jsonl_ranges(Path(units[0][1]), 1, units[0][2], units[0][3], units[0][4])
                        parts[i] = [None] * len(singles)
                        for j, u in enumerate(singles):
                            submit(i, [u], j)
                        continue
                    data = _failed_rows(units[0], exc)
                finally:
                    fut.release()
                if part is None:
                    finished(i, data)
                else:
                    parts[i][part] = data
                    if all(p is not None for p in parts[i]):
                        merged = [r for p in parts.pop(i) for r in read_shard(p)]
                        finished(i, shard_bytes(merged))
            top_up()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if futures and client is not None:
            try:
                client.cancel(list(futures))
            except Exception:
                pass
        if own_client and client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        store.close()
        summary.seconds = time.monotonic() - start
    return summary


def _count_lines(unit: tuple) -> int:
    _, path, start, end, _ = unit
    with open(path, "rb") as fh:
        fh.seek(start)
        return sum(1 for line in io.BytesIO(fh.read(end - start)) if line.strip())
