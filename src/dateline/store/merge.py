"""Metadata that arrives later: what a second copy of a stored text may add to the stored article.

An article's id is a hash of its cleaned text, so the same text ingested again (say from a JSONL
dump that carries ``published`` and ``url``, after the bare text files) is the same article. What
the new input says about it is merged by one rule, the same for every field:

* **Fill, never overwrite.** A field the stored article lacks (``url``, ``publisher``, ``agency``,
  ``authors``, ``path``) is taken from the new input; a field it has is kept, whatever the new
  input says (the new URL or publisher is still recorded, on the new ``sources`` row).
* **Publication date by provenance.** A stored date is replaced only by one of stronger provenance:
  ``metadata`` (given with the input: a JSONL ``published``, the page's own metadata) beats
  ``text`` (found in the text) beats ``inferred`` (worked out from the text's weekdays and dates)
  beats ``none``. On equal provenance the stored date stays.

When the publication date changes, everything that was resolved against it changes too: the
times of the article and the dates of its events ("on Thursday" is a different day). Ingestion
analyses the article again with the new date and the store replaces the article's analysis
(``store.write``); see docs/store.md, "Metadata that arrives later".
"""

from __future__ import annotations

from typing import Any

from ..article import Article

#: Strength of a publication date's provenance (``Published.source``); higher wins.
PROVENANCE = {"none": 0, "inferred": 1, "text": 2, "metadata": 3}

#: The fields filled from a later input when the stored article has none (``articles`` columns).
FILLED = ("url", "publisher", "agency", "path", "authors")


def date_wins(stored_date: str | None, stored_source: str | None, date: str | None, source: str | None) -> bool:
    """Whether a later input's publication date replaces the stored one (the rule above)."""
    if not date or date == stored_date:
        return False
    if not stored_date:
        return True
    return PROVENANCE.get(source or "none", 0) > PROVENANCE.get(stored_source or "none", 0)


def stored_metadata(row: Any) -> dict[str, Any]:
    """The mergeable fields of an ``articles`` row (a SQLAlchemy row or a mapping)."""
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    authors = get("authors")
    if isinstance(authors, str):
        import json

        authors = json.loads(authors)
    return {
        "published_date": get("published_date"),
        "published_source": get("published_source"),
        "url": get("url"),
        "publisher": get("publisher"),
        "agency": get("agency"),
        "path": get("path"),
        "authors": list(authors or []),
    }


def merge(stored: dict[str, Any], article: Article) -> dict[str, Any]:
    """The changes a later input ``article`` makes to the ``stored`` fields (:func:`stored_metadata`):
    ``{column: new value}``, empty when it adds nothing."""
    incoming = {
        "url": article.source.url,
        "publisher": article.source.publisher,
        "agency": article.source.agency,
        "path": article.source.path,
        "authors": list(article.authors or []),
    }
    changes: dict[str, Any] = {}
    for key in FILLED:
        if not stored.get(key) and incoming[key]:
            changes[key] = incoming[key]
    if date_wins(
        stored.get("published_date"), stored.get("published_source"), article.published.date, article.published.source
    ):
        changes["published_date"] = article.published.date
        changes["published_source"] = article.published.source
    elif (
        article.published.date
        and article.published.date == stored.get("published_date")
        and PROVENANCE.get(article.published.source, 0) > PROVENANCE.get(stored.get("published_source") or "none", 0)
    ):
        # The same day, now known on better grounds: only the provenance changes.
        changes["published_source"] = article.published.source
    return changes


def apply(record: Article, changes: dict[str, Any]) -> Article:
    """``record`` (the stored Article) with ``changes`` made to its metadata, as a copy."""
    source = record.source.model_copy(
        update={k: changes[k] for k in ("url", "publisher", "agency", "path") if k in changes}
    )
    update: dict[str, Any] = {"source": source}
    if "authors" in changes:
        update["authors"] = list(changes["authors"])
    if "published_date" in changes or "published_source" in changes:
        update["published"] = record.published.model_copy(
            update={
                "date": changes.get("published_date", record.published.date),
                "source": changes.get("published_source", record.published.source),
            }
        )
    return record.model_copy(update=update)
