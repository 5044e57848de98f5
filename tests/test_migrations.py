"""Migrations are frozen: an old revision must upgrade an old store the same way whatever today's
code says, so no revision imports the live package (issue #18). The behaviour of each revision
is tested on real stores in test_store.py."""

from __future__ import annotations

import ast
from pathlib import Path

VERSIONS = Path(__file__).resolve().parent.parent / "src" / "dateline" / "store" / "migrations" / "versions"


def test_no_revision_imports_live_code():
    revisions = sorted(p for p in VERSIONS.glob("*.py") if p.name != "__init__.py")
    assert len(revisions) >= 3
    for path in revisions:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                assert node.level == 0, f"{path.name} imports relatively: {ast.unparse(node)}"
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n == "dateline" or n.startswith("dateline.") for n in names), (
                f"{path.name} imports live code: {ast.unparse(node)}"
            )


def _revision(stem: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"revision_{stem}", VERSIONS / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_revision_0005s_frozen_rules_make_todays_keys_and_links():
    """Revision 0005 keeps its own copy of the actor key and of the event-merge tests (a revision
    never imports live code). Where today's rules have not moved on since, the copy must answer as
    they do, or an upgraded store would key and link its old articles differently from a new one:
    the copy is the frozen twin of ``dateline.corpus``, not a second rule. (Today's person key also
    completes a bare leader's surname, "Putin" -> "vladimir putin"; the revision did that from the
    store's own full names instead, which test_corpus_events checks on a store.)"""
    from types import SimpleNamespace

    from dateline import corpus

    frozen = _revision("0005_one_actor_one_event")
    actors = [
        {"id": "a", "name": "Mr. Donald J. Trump", "kind": "person", "country": "USA"},
        {"id": "b", "name": "Kim Jong-un", "kind": "person", "country": "PRK"},
        {"id": "c", "name": "Bashar al-Assad", "kind": "person", "country": "SYR"},
        {"id": "d", "name": "Recep Tayyip Erdoğan", "kind": "person", "country": "TUR"},
        {"id": "e", "name": "the U.N. Security Council", "kind": "organisation", "country": None},
        {"id": "f", "name": "U S Army", "kind": "organisation", "country": "USA"},
        {"id": "g", "name": "Russia", "kind": "country", "country": "RUS"},
        {"id": "h", "name": "police", "kind": "group", "country": "IND", "generic": "body", "sector": "COP"},
        {"id": "i", "name": "protesters", "kind": "group", "country": None, "generic": "people", "sector": None},
    ]
    for a in actors:
        assert frozen.actor_key(a, "art1") == corpus.actor_key(SimpleNamespace(**a), "art1"), a["name"]
    dates = [("2019-04", "2019-04-25", False), ("2019-04-24", "2019-04-25", True), ("2019-04-24", "2019-04-25", False)]
    dates += [
        ("2019-04-24", "2019-04-27", True),
        (None, "2019", False),
        ("2018", "2019", True),
        ("2019-x", "2019-y", True),
    ]
    for a, b, loose in dates:
        assert frozen.dates_compatible(a, b, loose) == corpus.dates_compatible(a, b, loose), (a, b, loose)
    hanoi = {"name": "Hanoi", "geonameid": 1581130, "lat": 21.0245, "lon": 105.84117, "country": "VNM"}
    places = [
        (hanoi, {"name": "hanoi", "geonameid": None, "lat": None, "lon": None}),
        (hanoi, {"name": "Ha Dong", "geonameid": 1, "lat": 20.97, "lon": 105.78, "country": "VNM"}),
        (hanoi, {"name": "Haiphong", "geonameid": 2, "lat": 20.86, "lon": 106.68, "country": "VNM"}),
        (hanoi, None),
        ({"name": "Vietnam", "country": "VNM"}, hanoi),
    ]
    for a, b in places:
        assert frozen.places_compatible(a, b) == corpus.places_compatible(a, b), (a, b)


def test_revision_0009s_frozen_person_key_is_todays():
    """Revision 0009 rekeys persons with its own copy of the person key; where today's rule has
    not moved on since, the copy must answer as it does (a bare leader's surname aside, which
    today's key completes from the lexicon)."""
    from types import SimpleNamespace

    from dateline import corpus

    frozen = _revision("0009_person_suffixes")
    for name in ["John Smith Jr.", "Mr. Donald J. Trump", "Henry Ford II", "Bashar al-Assad", "Smith Sr", "Jr."]:
        live = corpus.actor_key(SimpleNamespace(name=name, kind="person", country=None), "art1")
        assert frozen.new_key(name) == live, name
    assert frozen.old_key("John Smith Jr.") == "person:john jr"


def test_revision_0010s_frozen_person_key_is_todays():
    """Revision 0010 rekeys persons with its own copy of the person key (titles before the name
    only); where today's rule has not moved on since, the copy must answer as it does."""
    from types import SimpleNamespace

    from dateline import corpus

    frozen = _revision("0010_person_title_surnames")
    names = ["Martin Luther King Jr.", "Erik Prince", "Mr. Donald J. Trump", "Queen Elizabeth II", "King Abdullah"]
    for name in [*names, "Prime Minister Boris Johnson", "Crown Prince Mohammed bin Salman", "King"]:
        live = corpus.actor_key(SimpleNamespace(name=name, kind="person", country=None), "art1")
        assert frozen.new_key(name) == live, name
    assert frozen.old_key("Martin Luther King Jr.") == "person:martin luther"
    assert frozen.old_key("Erik Prince") == "person:erik"
