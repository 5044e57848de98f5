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
