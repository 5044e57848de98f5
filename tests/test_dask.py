"""`dateline ingest --dask`: the same store as local worker processes, a worker killed mid-run
costs retries and no data, reruns skip finished shards, PostgreSQL written straight.

Real spaCy model, real store, real Dask LocalClusters (worker processes, one thread each).
Kept small: each Dask worker loads the model once, which dominates the run time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

pytest.importorskip("distributed")

from test_ingest import assert_consistent, cli, env, synthetic_article, write_corpus  # noqa: E402
from test_store import db_url  # noqa: E402,F401  (the two-backend fixture)

from dateline.store import Store  # noqa: E402
from dateline.store import schema as S  # noqa: E402
from dateline.store.db import normalise_url  # noqa: E402

N_ARTICLES = 10


def syndicated_copy(i: int) -> str:
    """Article ``i`` republished under another outlet's furniture, with a small edit."""
    body = synthetic_article(i).replace("told reporters", "told journalists")
    return (
        "The Harbour Gazette\n\nHome > World\n\nSubscribe | Log in\n\n"
        + body
        + "\n\nShare on Facebook\n\n© The Harbour Gazette. All rights reserved.\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "in"
    write_corpus(folder, N_ARTICLES)
    (folder / "0100-copy.txt").write_text(syndicated_copy(1), encoding="utf-8")
    (folder / "0101-same-text.txt").write_text(synthetic_article(4), encoding="utf-8")  # a duplicate
    with (folder / "batch.jsonl").open("w", encoding="utf-8") as fh:  # read by line ranges
        for i in range(N_ARTICLES, N_ARTICLES + 3):
            fh.write(json.dumps({"text": synthetic_article(i), "url": f"https://example.org/{i}"}) + "\n")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> str:
    """The store made by local worker processes (`--workers 2`)."""
    db = tmp_path_factory.mktemp("ref") / "workers.db"
    r = subprocess.run(
        cli("ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "2"),
        capture_output=True,
        text=True,
        env=env(),
        timeout=900,
    )
    assert r.returncode == 0, r.stderr
    return f"sqlite:///{db}"


def snapshot(url: str) -> dict:
    """What must agree between two stores of one corpus (timestamps aside)."""
    engine = sa.create_engine(normalise_url(url))
    with engine.connect() as conn:
        out = {
            "articles": sorted(
                conn.execute(
                    sa.select(
                        S.articles.c.id,
                        S.articles.c.story_id,
                        S.articles.c.n_events,
                        S.articles.c.cluster_id,
                        S.articles.c.path,
                        S.articles.c.url,
                    )
                ).all()
            ),
            "stories": sorted(
                conn.execute(sa.select(S.stories.c.id, S.stories.c.n_articles, S.stories.c.n_sources)).all()
            ),
            "sources": sorted(
                conn.execute(sa.select(S.sources.c.article_id, S.sources.c.story_id, S.sources.c.locator)).all()
            ),
            "events": sorted(
                conn.execute(
                    sa.select(
                        S.events.c.id,
                        S.events.c.n_mentions,
                        S.events.c.n_articles,
                        S.events.c.n_stories,
                        S.events.c.n_sources,
                    )
                ).all()
            ),
            "mentions": sorted(
                conn.execute(
                    sa.select(S.event_mentions.c.article_id, S.event_mentions.c.local_id, S.event_mentions.c.event_id)
                ).all()
            ),
            "rejected": sorted(conn.execute(sa.select(S.rejected.c.origin, S.rejected.c.reason)).all()),
        }
    engine.dispose()
    return out


@pytest.mark.slow
def test_dask_local_2_stores_the_same_as_two_worker_processes(corpus, reference, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = subprocess.run(
        cli("ingest", str(corpus), "--db", "dask.db", "--dask", "local:2", "--batch-size", "2"),
        capture_output=True,
        text=True,
        env=env(),
        timeout=900,
    )
    assert r.returncode == 0, r.stderr
    assert "dask: 2 worker(s)" in r.stderr.splitlines()[-1]
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    ref, got = snapshot(reference), snapshot(url)
    n_inputs = N_ARTICLES + 2 + 3
    assert len(ref["sources"]) == n_inputs  # every input is a source of some article
    assert len(ref["articles"]) == n_inputs - 1  # the duplicate text is one article
    assert any(a.id != a.story_id for a in ref["articles"]), "the syndicated copy joined a story"
    assert ref["events"], "the corpus has events"
    for key in ref:
        assert got[key] == ref[key], key
    with Store.open(reference) as a, Store.open(url) as b:
        assert a.counts() == b.counts()
        for row in a.articles(limit=100):
            assert a.get_article(row["id"]).to_dict() == b.get_article(row["id"]).to_dict()
    assert_consistent(url)
    shards = sorted((tmp_path / "dask.db.dask").glob("*.parquet"))
    assert shards and len(shards) == len(list((tmp_path / "dask.db.dask").glob("*.loaded")))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_retries_not_data(corpus, reference, client, tmp_path):
    from dateline.ingest_dask import ingest_dask, model_loads

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "empty.txt").write_text("  \n", encoding="utf-8")
    (extra / "bad.jsonl").write_text('{"text": 5}\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    before = client.run(os.getpid)
    killed: dict = {}
    outcomes = []

    def kill_once(outcome) -> None:
        outcomes.append(outcome)
        if not killed:
            addr, pid = sorted(client.run(os.getpid).items())[0]
            os.kill(pid, signal.SIGKILL)
            killed.update(addr=addr, pid=pid, at=len(outcomes))

    summary = ingest_dask([corpus, extra], db=url, client=client, batch_size=2, on_result=kill_once)
    assert killed and killed["at"] < len(outcomes), "the worker was killed while tasks were outstanding"
    assert killed["pid"] not in client.run(os.getpid).values()
    assert set(before.values()) != set(client.run(os.getpid).values())

    # Every input ends stored exactly once or rejected with its reason.
    ref = snapshot(reference)
    got = snapshot(url)
    for key in ("articles", "stories", "sources", "events", "mentions"):
        assert got[key] == ref[key], key
    assert got["rejected"] == sorted([(str(extra / "empty.txt"), "empty"), (f"{extra / 'bad.jsonl'}:1", "bad-record")])
    assert summary.inputs == len(outcomes) == len(ref["sources"]) + 2
    assert summary.stored == len(ref["articles"]) and summary.n_rejected == 2
    assert_consistent(url)
    # One model load per worker process: the restarted worker loads it again, nobody twice.
    assert max(client.run(model_loads).values()) <= 1

    # A rerun does nothing: every shard is marked loaded.
    again = ingest_dask([corpus, extra], db=url, client=client, batch_size=2)
    assert again.tasks_done_before == again.tasks == summary.tasks and again.inputs == 0
    # Shards written but not loaded are loaded without recomputing; the writer is idempotent by id.
    run_dir = Path(summary.run_dir)
    for marker in run_dir.glob("*.loaded"):
        marker.unlink()
    reload = ingest_dask([corpus, extra], db=url, client=client, batch_size=2)
    assert reload.shards_reused == summary.tasks and reload.stored == 0
    assert reload.duplicates == summary.stored + summary.duplicates
    assert snapshot(url) == got


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)  # the SQLite path is covered above
def test_postgresql_is_written_straight_without_shards(corpus, client, db_url, tmp_path):
    from dateline.ingest_dask import ingest_dask

    files = sorted(corpus.glob("000[0-3].txt"))
    summary = ingest_dask(files, db=db_url, client=client, batch_size=2)
    assert summary.run_dir is None and summary.stored == 4
    again = ingest_dask(files, db=db_url, client=client, batch_size=2)
    assert again.stored == 0 and again.duplicates == 4
    assert assert_consistent(db_url) == 4


@pytest.mark.slow
def test_a_scheduler_address_runs_like_a_remote_cluster(corpus, client, tmp_path):
    """`--dask tcp://...`: absolute paths in the tasks, workers never open the SQLite file
    (SQLite's WAL is unsafe on network filesystems); the writer alone skips stored ids."""
    from dateline.ingest_dask import ingest_dask

    client.wait_for_workers(2, timeout=120)  # after the kill test, the nanny may still be restarting one
    address = client.scheduler.address
    assert address.startswith("tcp://")
    files = sorted(corpus.glob("000[0-3].txt"))
    db = tmp_path / "remote.db"
    first = ingest_dask(files, db=str(db), dask=address, analyse=False, batch_size=2)
    assert (first.stored, first.tasks, first.workers) == (4, 2, 2)
    # A fresh run folder: nothing is known to be done, the workers redo the cleaning, and the
    # writer finds every id stored.
    second = ingest_dask(files, db=str(db), dask=address, analyse=False, batch_size=2, run_dir=tmp_path / "other-run")
    assert (second.stored, second.duplicates, second.shards_reused, second.tasks_done_before) == (0, 4, 0, 0)
    from dateline.ingest_dask import read_shard

    kinds = [r[0] for shard in sorted((tmp_path / "other-run").glob("*.parquet")) for r in read_shard(shard)]
    assert kinds == ["article"] * 4  # not "known": the workers did not look into the SQLite file
    with Store.open(f"sqlite:///{db}") as store:
        assert store.counts()["articles"] == 4
        assert {r["path"] for r in store.articles()} == {str(f) for f in files}
