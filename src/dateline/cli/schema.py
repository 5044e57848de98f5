"""`dateline schema`: print the Article JSON Schema (the contract, dateline.article/1)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from . import add_command

if TYPE_CHECKING:
    from . import Subparsers


def register(sub: Subparsers) -> None:
    p = add_command(
        sub,
        "schema",
        help="print the JSON Schema of the Article record",
        epilog="example:\n  dateline schema > docs/article.schema.json",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..article import json_schema

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
