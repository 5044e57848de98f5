"""One error hierarchy for dateline. Every message says what went wrong and what to do."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    exit_code = 1


class UsageError(DatelineError):
    """The caller asked for something impossible (bad option, bad date, missing input)."""

    exit_code = 2


class InputRejected(DatelineError):
    """An input cannot become an Article. `reason` is a short machine-readable code.

    Reasons: ``empty``, ``binary``, ``too-large``, ``undecodable``, ``no-article``,
    ``bad-json``, ``bad-record``, ``unreadable``, ``unsupported`` (not a regular file, a link
    leaving the corpus, an archive of another kind), ``unprocessable`` (the parser cannot cope:
    absurd nesting, a crash, a time-out).
    """

    exit_code = 3

    def __init__(self, reason: str, message: str, *, source: str | None = None):
        self.reason = reason
        self.source = source
        super().__init__(message)

    def __reduce__(self):
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
