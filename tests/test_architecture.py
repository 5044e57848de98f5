"""The layers' edges, read from the source: no module reaches into another's private names, the
event coder hands its selection steps the contract's fields and nothing else, and the server
counts rows through the store."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import dateline

SRC = Path(dateline.__file__).parent

#: attributes with a leading underscore that are their library's public interface
PUBLIC_UNDERSCORED = {
    "_mapping",  # SQLAlchemy Row._mapping: the documented mapping view of a row
    "_exit",  # os._exit
}


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC), ast.parse(path.read_text(encoding="utf-8"))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_reaches_into_another_modules_private_names():
    found = []
    for rel, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                found += [f"{rel}:{node.lineno} {ast.unparse(node)}" for a in node.names if _private(a.name)]
            elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in PUBLIC_UNDERSCORED:
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.Call) and ast.unparse(node.func) == "vars":
                found.append(f"{rel}:{node.lineno} {ast.unparse(node)}")  # another object's attributes
            elif isinstance(node, ast.Attribute) and node.attr == "__dict__":
                found.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
    assert not found, "private names used across modules:\n" + "\n".join(found)


def test_events_modules_pass_no_private_keys():
    """The coder's records carry the contract's fields only; what the selection steps need of the
    trigger travels beside them (``Coded``), not as ``_``-prefixed keys."""
    found = []
    for rel, tree in _modules():
        if rel.parts[0] != "events":
            continue
        for node in ast.walk(tree):
            keys = []
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                keys = [node.slice.value] if isinstance(node.slice.value, str) else []
            found += [f"{rel}:{node.lineno} {k!r}" for k in keys if _private(k)]
    assert not found, "private keys in the coder's dicts:\n" + "\n".join(found)


def test_coded_record_is_the_event_contract(nlp):
    from dateline.article import Article, Event, Published
    from dateline.events.coder import code_doc

    text = "Russian President Vladimir Putin will meet Kim Jong Un in Vladivostok on Thursday."
    article = Article(id="a1", text=text, language="en", published=Published(date="2019-04-20", source="metadata"))
    from dateline.analyse import analyse_docs

    doc = nlp(text)
    analyse_docs(article, doc)
    coded = code_doc(article, doc)
    assert coded and coded[0].trigger.lemma_ == "meet"
    fields = set(Event.model_fields)
    for c in coded:
        assert set(c.record) <= fields, set(c.record) - fields


def test_server_counts_rows_through_the_store():
    """A whole table's row count is ``Store.counts()``; the server and the page do not write it in SQL."""
    whole_table_count = re.compile(r"func\.count\(\)\)\.select_from\(S\.\w+\)\)")
    found = [
        f"{path.relative_to(SRC)}"
        for folder in ("serve", "web")
        for path in sorted((SRC / folder).rglob("*.py"))
        if whole_table_count.search(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
