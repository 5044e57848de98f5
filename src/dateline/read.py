"""Read stage: turn paths, directories, stdin and JSONL lines into raw inputs.

A raw input is text or HTML plus what the caller knows about it (url, published date, where it
came from). Bytes are decoded here, once: UTF-8 first, otherwise the encoding is detected with
charset-normalizer. Inputs that can never become an article (empty, binary, too large,
undecodable) are rejected here with a reason, before any expensive stage sees them.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .errors import InputRejected, Reason, UsageError

DEFAULT_MAX_BYTES = 5_000_000
"""Largest input accepted, in bytes (override with ``DATELINE_MAX_BYTES`` or ``max_bytes=``)."""

DEFAULT_MAX_CHARS = 100_000
"""Longest article text analysed, in characters after cleaning (override with
``DATELINE_MAX_CHARS``). About 15,000 words: longer than any news article we have seen, and the
bound that keeps one article's analysis within the documented memory ceiling (README, Limits)."""

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Magic numbers of formats that are certainly not a news page.
_BINARY_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x01\x00": "an icon",
    b"SQLite format 3\x00": "an SQLite database",
}

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|meta|p)\b", re.I | re.S
)


@dataclass
class RawInput:
    """One document to process: exactly one of ``text`` or ``html`` is set."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None  # "path", "path:line", "<stdin>", ...
    meta: dict = field(default_factory=dict)
    encoding: str | None = None  # what the bytes were decoded from (None: given as text)
    invalid_bytes: int = 0  # bytes that were not valid in that encoding, replaced by U+FFFD


Item = RawInput | InputRejected


def _positive_env(name: str, default: int, unit: str) -> int:
    """The whole positive number in ``$name``, else ``default``; a UsageError for anything else."""
    env = os.environ.get(name)
    if not env:
        return default
    try:
        value = int(env)
    except ValueError:
        raise UsageError(f"{name} must be a whole number of {unit}, not {env!r}") from None
    if value <= 0:
        raise UsageError(f"{name} must be positive")
    return value


def max_bytes_default() -> int:
    return _positive_env("DATELINE_MAX_BYTES", DEFAULT_MAX_BYTES, "bytes")


def max_chars_default() -> int:
    return _positive_env("DATELINE_MAX_CHARS", DEFAULT_MAX_CHARS, "characters")


def check_length(n: int, limit: int, origin: str | None, *, what: str = "the article text") -> None:
    """Refuse a text longer than ``limit`` characters (``too-long``)."""
    if n > limit:
        raise InputRejected(
            Reason.TOO_LONG,
            f"{what} is {n:,} characters, over the limit of {limit:,} (the analysis of one "
            f"article must stay within its memory and time bounds); split it into its articles, or raise "
            f"DATELINE_MAX_CHARS if this really is one",
            source=origin,
        )


def check_size(n: int, limit: int, origin: str | None) -> None:
    if n > limit:
        raise InputRejected(
            Reason.TOO_LARGE,
            f"input is {n:,} bytes, over the limit of {limit:,} bytes; raise it with "
            f"--max-bytes or DATELINE_MAX_BYTES if this really is one article",
            source=origin,
        )


@dataclass
class Decoded:
    """Text decoded from bytes, with the encoding used and how many bytes were invalid in it."""

    text: str
    encoding: str
    invalid_bytes: int = 0


def decode_bytes(data: bytes, *, origin: str | None = None, max_bytes: int | None = None) -> str:
    """Decode one input's bytes to text, rejecting empty, binary, oversized and undecodable input."""
    return decode(data, origin=origin, max_bytes=max_bytes).text


def decode(data: bytes, *, origin: str | None = None, max_bytes: int | None = None) -> Decoded:
    """:func:`decode_bytes` with what it found: the encoding, and the invalid bytes it replaced.

    UTF-8 first. Text that is UTF-8 but for a few invalid bytes (a truncated copy, one stray
    byte) stays UTF-8, each invalid byte sequence replaced by U+FFFD and counted: read in a
    legacy code page instead, every typographic quote and dash of the article would turn into
    mojibake. Otherwise the encoding is detected (charset-normalizer), Windows-1252 winning a
    near tie."""
    limit = max_bytes or max_bytes_default()
    check_size(len(data), limit, origin)
    if not data.strip():
        raise InputRejected(Reason.EMPTY, "input is empty (nothing but whitespace)", source=origin)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputRejected(Reason.BINARY, f"input is {what}, not text or HTML", source=origin)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(_normalise(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError:
            pass
    head = data[:8192]
    if b"\x00" in head:
        raise InputRejected(Reason.BINARY, "input contains NUL bytes: it is binary, not text or HTML", source=origin)
    try:
        return Decoded(_normalise(data.decode("utf-8-sig")), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return Decoded(_normalise(mostly[0]), "utf-8", mostly[1])
    from charset_normalizer import from_bytes

    # Detectors often rank a neighbouring code page (cp1250, cp1257...) first on short text;
    # on news pages Windows-1252 is by far the likeliest, so it wins a near tie.
    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding is None:
        raise InputRejected(
            Reason.UNDECODABLE,
            "input is not UTF-8 and no text encoding could be detected; convert it to UTF-8",
            source=origin,
        )
    for candidate in results:
        if candidate.encoding == "cp1252" and candidate.chaos <= best.chaos + 0.02:
            best = candidate
            break
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputRejected(Reason.BINARY, "input decodes to mostly control characters: it is binary", source=origin)
    return Decoded(_normalise(text), best.encoding)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``(text, invalid byte sequences)`` when ``data`` is UTF-8 with a few invalid bytes: its
    valid multi-byte characters outnumber the invalid sequences. Text in a legacy code page
    almost never forms a valid UTF-8 sequence (an accented letter is one byte followed by an
    ASCII one), so it has none and goes to detection."""
    text = data.decode("utf-8-sig", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    if invalid <= 0:
        return None
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return (text, invalid) if multibyte > invalid else None


def decoding_warning(encoding: str | None, invalid_bytes: int) -> str | None:
    """A line for the user when an input had bytes invalid in its encoding, or None."""
    if not invalid_bytes:
        return None
    what = "1 byte sequence" if invalid_bytes == 1 else f"{invalid_bytes:,} byte sequences"
    return f"{what} not valid {(encoding or 'utf-8').upper()} replaced by U+FFFD (\ufffd); the rest is intact"


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / min(len(text), 20000)


def _normalise(text: str) -> str:
    # One newline convention; drop a BOM and NUL characters; keep everything else verbatim.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")


def looks_like_html(data: str | bytes) -> bool:
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "ignore")
    return bool(_HTML_SNIFF.match(head))


def raw_from_bytes(
    data: bytes,
    *,
    origin: str | None = None,
    url: str | None = None,
    published: str | None = None,
    kind: str | None = None,
    max_bytes: int | None = None,
) -> RawInput:
    """Build one RawInput from a page's bytes; ``kind`` is "text", "html" or None (sniff)."""
    decoded = decode(data, origin=origin, max_bytes=max_bytes)
    content = decoded.text
    if kind is None:
        kind = "html" if looks_like_html(content) else "text"
    return RawInput(
        text=content if kind != "html" else None,
        html=content if kind == "html" else None,
        url=url,
        published=published,
        origin=origin,
        encoding=decoded.encoding,
        invalid_bytes=decoded.invalid_bytes,
    )


def parse_jsonl_line(line: str, *, origin: str, max_bytes: int | None = None) -> RawInput:
    """One JSONL line: ``{"text"|"html": ..., "url"?: ..., "published"?: ...}``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputRejected(
            Reason.BAD_JSON, f"line is not valid JSON ({exc.msg} at column {exc.colno})", source=origin
        ) from None
    if not isinstance(record, dict):
        raise InputRejected(
            Reason.BAD_RECORD, "line must be a JSON object with a 'text' or 'html' field", source=origin
        )
    text, html = record.get("text"), record.get("html")
    if (text is None) == (html is None):
        raise InputRejected(Reason.BAD_RECORD, "line must have exactly one of 'text' or 'html'", source=origin)
    content = text if text is not None else html
    if not isinstance(content, str):
        raise InputRejected(Reason.BAD_RECORD, "'text'/'html' must be a string", source=origin)
    for key in ("url", "published"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputRejected(Reason.BAD_RECORD, f"'{key}' must be a string", source=origin)
    check_size(len(content.encode("utf-8", "surrogatepass")), max_bytes or max_bytes_default(), origin)
    if not content.strip():
        raise InputRejected(Reason.EMPTY, "the line's text is empty", source=origin)
    content = _normalise(content)
    extra = {k: v for k, v in record.items() if k not in {"text", "html", "url", "published"}}
    return RawInput(
        text=content if text is not None else None,
        html=content if html is not None else None,
        url=record.get("url"),
        published=record.get("published"),
        origin=origin,
        meta=extra,
    )


def iter_jsonl(stream: Iterable[bytes], origin: str, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Yield one RawInput or InputRejected per non-blank line, in order; never stops early."""
    for lineno, raw in enumerate(stream, 1):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield InputRejected(Reason.UNDECODABLE, "line is not valid UTF-8 (JSONL must be UTF-8)", source=where)
            continue
        try:
            yield parse_jsonl_line(line, origin=where, max_bytes=max_bytes)
        except InputRejected as exc:
            yield exc


def is_jsonl_path(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def read_path(
    path: str | Path, *, max_bytes: int | None = None, url: str | None = None, published: str | None = None
) -> Iterator[Item]:
    """Yield the inputs found at a path: a file (page or JSONL) or a directory (recursively)."""
    p = Path(path)
    if not p.exists():
        raise UsageError(f"no such file or directory: {path}")
    if p.is_dir():
        for child in iter_directory(p):
            if isinstance(child, InputRejected):
                yield child
            else:
                yield from read_path(child, max_bytes=max_bytes)
        return
    problem = file_problem(p)
    if problem:
        yield InputRejected(Reason.UNSUPPORTED, problem, source=str(p))
        return
    if is_jsonl_path(p):
        try:
            with p.open("rb") as fh:
                yield from iter_jsonl(fh, str(p), max_bytes=max_bytes)
        except OSError as exc:
            yield InputRejected(Reason.UNREADABLE, f"cannot read file: {exc.strerror}", source=str(p))
        return
    yield read_file(p, max_bytes=max_bytes, url=url, published=published)


def read_file(p: Path, *, max_bytes: int | None = None, url: str | None = None, published: str | None = None) -> Item:
    limit = max_bytes or max_bytes_default()
    problem = file_problem(p)
    if problem:
        return InputRejected(Reason.UNSUPPORTED, problem, source=str(p))
    try:
        size = p.stat().st_size
        check_size(size, limit, str(p))  # refuse before reading an enormous file into memory
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # a file growing while it is read cannot exceed the limit either
        check_size(len(data), limit, str(p))
    except InputRejected as exc:
        return exc
    except OSError as exc:
        return InputRejected(Reason.UNREADABLE, f"cannot read file: {exc.strerror}", source=str(p))
    kind = "html" if p.suffix.lower() in HTML_SUFFIXES else ("text" if p.suffix.lower() in TEXT_SUFFIXES else None)
    try:
        return raw_from_bytes(data, origin=str(p), url=url, published=published, kind=kind, max_bytes=limit)
    except InputRejected as exc:
        return exc


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_problem(path: str | os.PathLike, root: str | os.PathLike | None = None) -> str | None:
    """Why ``path`` must not be read as an input, or None. Only regular files are read: a FIFO
    would block the reader forever and a device never ends. With ``root`` (the folder being
    walked), a symbolic link must point inside it: a corpus folder is not a licence to read
    whatever its links point at (``/etc/passwd``, another user's files)."""
    if root is not None and os.path.islink(path):
        target = os.path.realpath(path)
        base = os.path.realpath(root)
        if target != base and not target.startswith(base.rstrip(os.sep) + os.sep):
            return (
                f"a symbolic link to {target}, outside the folder being read ({root}); not followed: "
                "copy the file into the folder if it belongs to the corpus"
            )
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a dangling link or a vanished file: the reader reports it as unreadable
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
    return f"{what}, not a regular file: only regular files are read"


def iter_directory(root: Path, suffixes: Iterable[str] = READABLE_SUFFIXES) -> Iterator[Path | InputRejected]:
    """Files under ``root`` with a readable suffix, in a stable (sorted) order; hidden ones skipped.

    What must not be read (a FIFO, a device, a link leaving ``root``, a linked folder, which is
    not followed) comes as an ``InputRejected(Reason.UNSUPPORTED)`` in its place, with the reason."""
    wanted = {s.lower() for s in suffixes}
    for dirpath, dirnames, filenames in os.walk(root):
        links = sorted(d for d in dirnames if not d.startswith(".") and os.path.islink(os.path.join(dirpath, d)))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in links)
        for name in links:
            yield InputRejected(
                Reason.UNSUPPORTED,
                "a symbolic link to a folder; not followed: give the folder itself to read it",
                source=str(Path(dirpath) / name),
            )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in wanted:
                path = Path(dirpath) / name
                problem = file_problem(path, root)
                yield InputRejected(Reason.UNSUPPORTED, problem, source=str(path)) if problem else path


def read_stdin(
    *,
    jsonl: bool | None = None,
    max_bytes: int | None = None,
    url: str | None = None,
    published: str | None = None,
    stream: IO[bytes] | None = None,
) -> tuple[bool, Iterator[Item]]:
    """Read stdin. Returns ``(is_jsonl, items)``: JSONL when ``jsonl`` is true, or when it is
    unset and the input's first line is a JSON object; otherwise one page."""
    import io

    stream = stream or sys.stdin.buffer
    limit = max_bytes or max_bytes_default()
    head = stream.read(limit + 1)
    if jsonl is None:
        first = next((ln.strip() for ln in head.splitlines() if ln.strip()), b"")
        try:
            jsonl = isinstance(json.loads(first), dict) if first.startswith(b"{") else False
        except ValueError:
            jsonl = False
    if jsonl:
        # A JSONL batch may be far larger than one article's limit: keep streaming after the head.
        return True, iter_jsonl(_chain(io.BytesIO(head), stream), "<stdin>", max_bytes=limit)

    def one() -> Iterator[Item]:
        try:
            yield raw_from_bytes(head, origin="<stdin>", url=url, published=published, max_bytes=limit)
        except InputRejected as exc:
            yield exc

    return False, one()


def _chain(first: IO[bytes], rest: IO[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk_source in (first, rest):
        for line in chunk_source:
            if pending:
                line, pending = pending + line, b""
            if not line.endswith(b"\n"):
                pending = line
                continue
            yield line
    if pending:
        yield pending
