"""One error hierarchy for dateline. Every message says what went wrong and what to do."""

from __future__ import annotations

import enum
from collections.abc import Callable


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    exit_code = 1


class UsageError(DatelineError):
    """The caller asked for something impossible (bad option, bad date, missing input)."""

    exit_code = 2


class Reason(enum.StrEnum):
    """Why an input was rejected: ``InputRejected.reason``, the ``reason`` of the store's
    ``rejected`` table, of ``dateline extract``'s error records and of the API's 422
    ``input_rejected``. docs/security.md lists every member (a test checks it)."""

    EMPTY = "empty"  # nothing but whitespace, an empty line or feed entry
    BINARY = "binary"  # NUL bytes, an image/archive/PDF signature, control characters
    TOO_LARGE = "too-large"  # over the byte limit (--max-bytes, DATELINE_MAX_BYTES)
    TOO_LONG = "too-long"  # a text longer than one article's analysis may take (DATELINE_MAX_CHARS)
    UNDECODABLE = "undecodable"  # no text encoding fits (a JSONL line that is not UTF-8)
    NO_ARTICLE = "no-article"  # an HTML page without an article's prose
    UNPROCESSABLE = "unprocessable"  # the parser cannot cope: absurd nesting, a crash, a time-out
    BAD_JSON = "bad-json"  # a JSONL line that is not JSON
    BAD_RECORD = "bad-record"  # a JSONL line without exactly one string 'text' or 'html'
    BAD_FEED = "bad-feed"  # an RSS/Atom file that cannot be read as a feed
    UNREADABLE = "unreadable"  # the file cannot be read (permissions, I/O error)
    UNSUPPORTED = "unsupported"  # not a regular file, a link leaving the corpus, another archive kind
    INVALID = "invalid"  # the input's fields are invalid (e.g. a publication date that is no date)
    FAILED = "failed"  # ingest: cleaning or analysis raised on this input; --dask: its task failed, even alone
    STORE_FAILED = "store-failed"  # the store refused the article (counted by ingest, not raised)


class InputRejected(DatelineError):
    """An input cannot become an Article. ``reason`` is a :class:`Reason` value (a short
    machine-readable code, kept as a plain string); any other reason is a bug (ValueError)."""

    exit_code = 3

    def __init__(self, reason: Reason | str, message: str, *, source: str | None = None) -> None:
        self.reason: str = Reason(reason).value
        self.source = source
        super().__init__(message)

    def __reduce__(self) -> tuple[Callable[[str, str, str | None], InputRejected], tuple[str, str, str | None]]:
        # Worker processes send rejections back to the writer: keep reason and source on the way.
        return (_rebuild_rejected, (self.reason, str(self), self.source))

    def to_dict(self) -> dict:
        return {"error": {"reason": self.reason, "message": str(self), "source": self.source}}


def _rebuild_rejected(reason: str, message: str, source: str | None) -> InputRejected:
    return InputRejected(reason, message, source=source)


class ModelUnavailable(DatelineError):
    """No spaCy model could be loaded."""

    exit_code = 4


class StoreError(DatelineError):
    """The store could not be opened, migrated or written."""

    exit_code = 5


class StoreUnavailable(StoreError):
    """The store's server cannot be reached right now (restarting, connection lost); writers
    wait and retry for a while (``DATELINE_STORE_PATIENCE`` seconds, default 120) before this
    reaches the user."""


class StoreFull(StoreError):
    """The store's disk is full, over a file-size limit or failing: nothing more can be written.
    What was written before is kept, whole; free space and rerun."""
