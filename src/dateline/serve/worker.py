"""Posted articles are processed in one separate worker process, not in the server.

Why: the pipeline (HTML parsing, spaCy) is CPU-bound Python that would hold the server's GIL
and stall every concurrent query while an article is analysed; a parser crash or a runaway
parse on hostile input would take the server with it. The worker loads the NLP model once and
processes one article at a time; the server waits for it with a time limit, and a worker that
dies or overruns is killed and replaced (the client gets a 422, nothing is stored).
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..article import Article
from ..errors import DatelineError, InputRejected, Reason
from ..read import RawInput

_pipeline = None


def _init(model: str | None) -> None:
    global _pipeline
    from ..ingest import exit_with_parent
    from ..pipeline import Pipeline

    exit_with_parent()  # a server killed with SIGKILL leaves no worker behind
    _pipeline = Pipeline(model)
    _ = _pipeline.nlp  # load the model now, before the first article


def _process(fields: dict[str, Any]) -> tuple:
    """In the worker: ``("ok", article_dict, signature_bytes)`` or ``("rejected", reason, message)`` or
    ``("error", class name, message)`` (exceptions are returned, not raised: plain tuples pickle)."""
    try:
        from .. import dedupe

        assert _pipeline is not None, "the worker process was not initialised"
        article = _pipeline.process(RawInput(**fields))
        # The story signature too, so that the server's write does no heavy hashing.
        return ("ok", article.to_dict(), dedupe.to_bytes(dedupe.signature(article.text)))
    except InputRejected as exc:
        return ("rejected", exc.reason, str(exc))
    except DatelineError as exc:
        return ("error", exc.__class__.__name__, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser failing on hostile input
        return ("crashed", exc.__class__.__name__, str(exc)[:300])


class PipelineWorker:
    """One worker process running the pipeline; ``process(raw)`` blocks until the Article (and its
    story signature, as bytes) is ready."""

    def __init__(self, model: str | None = None, timeout: float = 120.0) -> None:
        self.model = model
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=mp.get_context("spawn"), initializer=_init, initargs=(self.model,)
            )
        return self._pool

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def process(self, raw: RawInput) -> tuple[Article, bytes | None]:
        fields = {
            "text": raw.text,
            "html": raw.html,
            "url": raw.url,
            "published": raw.published,
            "origin": raw.origin,
            "encoding": raw.encoding,
            "invalid_bytes": raw.invalid_bytes,
        }
        with self._lock:  # one article at a time
            try:
                result = self._get_pool().submit(_process, fields).result(timeout=self.timeout)
            except FutureTimeout:
                self._kill()
                raise InputRejected(
                    Reason.UNPROCESSABLE,
                    f"processing the input took over {self.timeout:.0f}s; check that it is one article page",
                ) from None
            except BrokenProcessPool:
                self._kill()
                raise InputRejected(
                    Reason.UNPROCESSABLE, "the input crashed the article processor; check that it is one article page"
                ) from None
        kind = result[0]
        if kind == "ok":
            return Article.from_dict(result[1]), result[2]
        if kind == "rejected":
            raise InputRejected(result[1], result[2])
        if kind == "crashed":
            raise InputRejected(
                Reason.UNPROCESSABLE,
                f"the input could not be processed ({result[1]}); check that it is one article page",
            )
        raise DatelineError(f"{result[1]}: {result[2]}")

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
