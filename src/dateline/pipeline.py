"""The pipeline: read ──> clean ──> analyse ──> code, one `Article` flowing through every stage.

``clean()`` runs reading and cleaning only (no NLP); ``extract()`` and ``Pipeline`` run
everything. Non-English articles are cleaned and reported with their ``language`` but not
analysed: the NLP model is English-only and would invent actors and events from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any

from . import notarticle
from .article import Article, Published, Source
from .errors import DatelineError, InputRejected, Reason, UsageError
from .read import Item, RawInput, check_length, check_size, max_bytes_default, max_chars_default

TEXT_PAGE_FACTOR = 2
"""A text page longer than this many times the text limit is refused before cleaning: cleaning
removes page residue (banners, captions, credits), never most of a page, and cleaning 5 MB of
text alone takes half a minute."""

ANALYSED_LANGUAGES = {"en"}


def raw_input(text: str | None, html: str | None, url: str | None, published: str | None) -> RawInput:
    """One page given as a string, checked as :func:`clean` and :func:`extract` check it."""
    if (text is None) == (html is None):
        raise UsageError("give exactly one of text= or html=")
    content = text if text is not None else html
    if not isinstance(content, str):
        raise UsageError("text= and html= take a str; decode bytes first (dateline.read.decode_bytes)")
    check_size(len(content.encode("utf-8", "surrogatepass")), max_bytes_default(), "<argument>")
    if not content.strip():
        raise InputRejected(Reason.EMPTY, "input is empty (nothing but whitespace)", source="<argument>")
    return RawInput(text=text, html=html, url=url, published=published, origin=None)


def clean_raw(raw: RawInput) -> Article:
    """Clean stage: a RawInput becomes an Article with text, metadata and ``removed``."""
    from .cleaner import clean_body, clean_page
    from .published import infer_published, parse_date

    meta_date = None
    max_chars = max_chars_default()
    if raw.text is not None:
        check_length(len(raw.text), TEXT_PAGE_FACTOR * max_chars, raw.origin, what="the text page")
    if raw.html is not None:
        from .html import extract_html

        page = extract_html(raw.html, url=raw.url, origin=raw.origin)
        cleaned = clean_body(page.text, headline=page.headline)
        headline = page.headline or cleaned.headline
        authors = cleaned.authors or page.authors
        publisher = cleaned.publisher or page.publisher
        agency = cleaned.agency or page.agency
        meta_date = page.date
        removed = page.removed + cleaned.removed
    else:
        cleaned = clean_page(raw.text or "")
        headline, authors, publisher = cleaned.headline, cleaned.authors, cleaned.publisher
        agency = cleaned.agency
        removed = cleaned.removed
    if not cleaned.text.strip():
        raise InputRejected(Reason.NO_ARTICLE, "no article text was found in the input", source=raw.origin)
    # Texts that are no article whatever printed them (a deals list, filler); the HTML stage has
    # already tested its text for filler.
    notarticle.check_text(
        cleaned.text, raw.origin, what="HTML page's text" if raw.html is not None else "text", filler=raw.html is None
    )
    check_length(len(cleaned.text), max_chars, raw.origin)

    if raw.published:
        published = Published(date=parse_date(raw.published), source="metadata")
    elif meta_date:
        published = Published(date=meta_date, source="metadata")
    else:
        date, how = infer_published(cleaned.text, removed)
        published = Published(date=date, source=how)

    article = Article(
        id=Article.make_id(cleaned.text),
        source=Source(
            path=raw.origin if raw.origin and not raw.origin.startswith("<") else None,
            url=raw.url,
            publisher=publisher,
            agency=agency,
            encoding=raw.encoding,
            invalid_bytes=raw.invalid_bytes,
        ),
        headline=headline,
        authors=authors,
        contributors=cleaned.contributors,
        dateline=cleaned.dateline,
        published=published,
        text=cleaned.text,
        removed=removed,
    )
    from .language import detect_language

    article.language = detect_language(article.text)
    return article


class Pipeline:
    """Everything ``extract`` does, with the model loaded once and articles parsed in batches.

    >>> pipe = Pipeline()
    >>> for result in pipe.pipe(items):      # RawInput or InputRejected in, in order
    ...     print(result.to_json() if isinstance(result, Article) else result)
    """

    def __init__(self, model: str | None = None, *, analyse: bool = True, batch_size: int = 16) -> None:
        self.model_name = model
        self.analyse = analyse
        self.batch_size = batch_size

    @cached_property
    def nlp(self) -> Any:
        """The spaCy model, loaded at first use."""
        from .nlp import load_model

        return load_model(self.model_name)

    def process(self, raw: RawInput) -> Article:
        result = next(self.pipe([raw]))
        if isinstance(result, InputRejected):
            raise result
        return result

    def pipe(self, items: Iterable[Item]) -> Iterator[Article | InputRejected]:
        """Process inputs in order; a rejected input comes out as its InputRejected, never raised."""
        batch: list[Article | InputRejected] = []
        for item in items:
            if isinstance(item, InputRejected):
                batch.append(item)
            else:
                try:
                    batch.append(clean_raw(item))
                except InputRejected as exc:
                    batch.append(exc)
                except DatelineError as exc:
                    batch.append(InputRejected(Reason.INVALID, str(exc), source=item.origin))
            if len(batch) >= self.batch_size:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    def _analyse_batch(self, batch: list[Article | InputRejected]) -> Iterator[Article | InputRejected]:
        todo = [a for a in batch if isinstance(a, Article) and self.analyse and a.language in ANALYSED_LANGUAGES]
        if todo:
            from .analyse import analyse_docs

            docs = self.nlp.pipe([a.text for a in todo], batch_size=self.batch_size)
            for article, doc in zip(todo, docs):
                analyse_docs(article, doc)
        yield from batch


_default: Pipeline | None = None


def clean(
    text: str | None = None, *, html: str | None = None, url: str | None = None, published: str | None = None
) -> Article:
    """Read and clean one page (no NLP): text, headline, byline, dateline, credits, ``removed``."""
    return clean_raw(raw_input(text, html, url, published))


def extract(
    text: str | None = None, *, html: str | None = None, url: str | None = None, published: str | None = None
) -> Article:
    """The full pipeline on one page: cleaning, analysis and event coding."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.process(raw_input(text, html, url, published))
