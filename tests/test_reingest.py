"""Writers that meet: two ingests at once into one store, and metadata that arrives on a later
ingest of the same texts (issue #21 items 1 and 6, issue #17 item 7), on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess

import pytest
from test_ingest import assert_consistent, cli, env, write_corpus
from test_store import db_url  # noqa: F401  (the two-backend fixture)

from dateline.store import Store


# -- concurrent writers ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_two_ingests_of_one_corpus_at_once_both_succeed_and_store_each_article_once(db_url, tmp_path):
    """#17 item 7 (second bullet), #21 item 6: two ingests of the same corpus at the same time used
    to collide on the story and article keys (IntegrityError/UniqueViolation with SQL and parameters,
    counted as "rejected (store-failed)", exit 5 on PostgreSQL) although nothing was lost."""
    n = 48
    folder = tmp_path / "in"
    paths = write_corpus(folder, n)
    Store.open(db_url).close()  # the schema exists (two migrators racing on a new store is #17's)
    # One ingest walks the corpus forwards, the other backwards: they meet in the middle, where
    # both find an article not yet stored and both write it.
    forwards = cli("ingest", str(folder), "--db", db_url, "--no-analysis", "--batch-size", "2")
    backwards = cli("ingest", *map(str, reversed(paths)), "--db", db_url, "--no-analysis", "--batch-size", "2")
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env()) for c in (forwards, backwards)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs):
        text = err.decode()
        assert p.returncode == 0, text[-3000:]
        assert "rejected (" not in text and "Error" not in text, text[-3000:]
    assert assert_consistent(db_url) == n
