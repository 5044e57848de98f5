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


def test_every_function_is_annotated():
    """Every parameter (but self/cls) and every return of every function is annotated, as mypy's
    ``disallow_untyped_defs`` asks; spaCy's Token/Span/Doc are written ``Any``."""
    found = []
    for rel, tree in _modules():
        methods = {id(f) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for f in c.body}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            a = node.args
            params = a.posonlyargs + a.args + a.kwonlyargs
            if id(node) in methods and params and params[0].arg in ("self", "cls"):
                params = params[1:]
            params += [p for p in (a.vararg, a.kwarg) if p is not None]
            missing = [p.arg for p in params if p.annotation is None] + (["return"] if node.returns is None else [])
            if missing:
                found.append(f"{rel}:{node.lineno} {node.name}: {', '.join(missing)}")
    assert not found, "functions not fully annotated:\n" + "\n".join(found)


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


#: the layers, lowest first (the README's "Layout"): a module imports from its own layer or below
LAYERS = [
    # words, places, times and the contract: every stage may use them
    {"__version__", "errors", "article", "vocabulary", "timex", "residue", "gazetteer", "nlp", "language", "dedupe"}
    | {"embed"},
    # inputs and the pipeline's stages
    {"read", "read_archives", "cleaner", "html", "published", "analyse", "events", "corpus", "pipeline", "export"}
    | {"notarticle"},
    # the store and what runs on it
    {"store", "query", "store_export", "formats", "ingest", "ingest_dask", "watch", "retention", "alerts"},
    # the front ends
    {"cli", "serve", "web", "__main__", "__init__"},
]


def _imports() -> dict[str, set[str]]:
    """Top-level module or package of ``dateline`` -> the others it imports (migrations aside)."""
    out: dict[str, set[str]] = {}
    for rel, tree in _modules():
        if "migrations" in rel.parts:
            continue
        top = rel.parts[0].removesuffix(".py")
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.level):
                continue
            base = list(rel.parts[:-1])[: len(rel.parts) - node.level]
            mod = base + (node.module.split(".") if node.module else [])
            targets = [mod] if mod else [[a.name] for a in node.names]
            out.setdefault(top, set()).update(t[0].removesuffix(".py") for t in targets if t[0] != top)
    return out


def test_each_layer_imports_only_its_own_and_lower_layers():
    layer = {m: k for k, mods in enumerate(LAYERS) for m in mods}
    imports = _imports()
    assert set(imports) <= set(layer), f"modules missing from LAYERS: {set(imports) - set(layer)}"
    upward = [f"{m} -> {t}" for m, ts in sorted(imports.items()) for t in sorted(ts) if layer[t] > layer[m]]
    assert not upward, "imports that run up the layers:\n" + "\n".join(upward)
    # the two front ends: the CLI starts the server; the server never imports the CLI
    assert "cli" not in imports["serve"] | imports["web"]


def test_the_readme_layout_places_every_module_in_its_layer():
    """README's Layout shows the layers as they are: its item k names each top-level module and package of
    LAYERS[k] (as `name`, `name.py` or `name/`; the package's own __init__ and __version__ aside)."""
    text = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    layout = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    items = re.split(r"\n(?=\d\. \*\*)", layout)[1:]
    assert len(items) == len(LAYERS)
    missing = [
        f"{k + 1}. {m}"
        for k, mods in enumerate(LAYERS)
        for m in sorted(mods - {"__init__", "__version__"})
        if not re.search(rf"`{re.escape(m)}(?:\.py|/)?`", items[k])
    ]
    assert not missing, f"modules the README's Layout does not place in their layer: {missing}"


def test_the_vocabulary_files_have_one_loader():
    """Countries and demonyms, months and weekdays, page residue, state and province
    abbreviations, regions: each data file is read by ``dateline.vocabulary`` and nowhere else (no module
    keeps a list of its own beside it)."""
    files = ("countries.tsv", "calendar.json", "residue.toml", "admin1_abbreviations.tsv", "regions.tsv")
    readers = set()
    for rel, tree in _modules():
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body and isinstance(n.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if any(f in node.value for f in files):
                    readers.add(str(rel))
    assert readers == {"vocabulary.py"}, readers


def test_the_time_resolver_keeps_its_expression_patterns_in_one_table():
    """``timex._resolve`` matches a whole expression ("every two years", "noon Saturday") against
    the patterns of one table, ``timex.RE``, not against loose constants beside it. Kept apart: the
    patterns ``analyse.times`` reads too (public names) and ``_HOLIDAY``, built from the holiday
    tables it stands beside."""
    tree = ast.parse((SRC / "timex.py").read_text(encoding="utf-8"))
    compiled = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func) == "re.compile"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    resolve = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_resolve")
    used = {
        node.func.value.id
        for node in ast.walk(resolve)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("match", "fullmatch")
        and isinstance(node.func.value, ast.Name)
    }
    loose = sorted(n for n in used & compiled if _private(n) and n != "_HOLIDAY")
    assert not loose, f"patterns _resolve reads outside timex.RE: {loose}"


def test_each_event_filter_becomes_sql_in_one_place():
    """What ``type``, ``modality``, ``quad``, ``country`` and ``min_sources`` mean on the corpus
    events is written once (``store/filters.py``); ``Store.events`` and the query layer both use
    it. (The writer's merge rule compares events' types too, but that is no filter.)"""
    columns = {"type", "modality", "quad", "country", "n_sources"}
    found = []
    for rel, tree in _modules():
        if str(rel) in ("store/filters.py", "store/write.py") or "migrations" in rel.parts:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in ("where", "append"):
                continue
            for arg in node.args:
                left = arg.left if isinstance(arg, ast.Compare) else None
                if (
                    isinstance(left, ast.Attribute)
                    and left.attr in columns
                    and ast.unparse(left.value) in ("e.c", "S.events.c", "events.c")
                ):
                    found.append(f"{rel}:{node.lineno} {ast.unparse(arg)}")
    assert not found, "event filters written outside store/filters.py:\n" + "\n".join(found)


def test_names_have_one_lookup_key():
    """One ``normalise()`` (``dateline.vocabulary``): the gazetteer's index and every name table
    of the analysis lexicon are keyed with it, so no two tables disagree on what a name is."""
    defined = [
        str(rel)
        for rel, tree in _modules()
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef) and n.name == "normalise"
    ]
    assert defined == ["vocabulary.py"], defined
    from dateline import gazetteer, vocabulary
    from dateline.analyse import lexicon

    assert lexicon.normalise is vocabulary.normalise is gazetteer.normalise


def test_no_line_is_longer_than_120_characters():
    """ruff's E501 holds lines to 120 characters but lets through a line with no space after its indent (one long
    string); this counts those too, in every Python file of src, tests, benchmarks and scripts."""
    root = Path(__file__).resolve().parent.parent
    long = [
        f"{path.relative_to(root)}:{i} ({len(line)})"
        for folder in ("src", "tests", "benchmarks", "scripts")
        for path in sorted((root / folder).rglob("*.py"))
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 120
    ]
    assert long == []
