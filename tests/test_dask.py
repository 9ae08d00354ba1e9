"""Scale-out: the flow on a real distributed.LocalCluster (2 worker processes) writes the same
article table as the default runner on the same inputs."""
from __future__ import annotations

import os
import shutil

import pytest

from conftest import DATA

from newsclean.pipeline import tables


def _table(out):
    t = tables.read_articles(out).drop_columns(["run_id", "processed_at"])
    return t.sort_by("article_id").to_pylist()


@pytest.mark.slow
def test_dask_local_cluster_same_table_as_default_runner(prefect_harness, tmp_path):
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    from newsclean.flows.clean_articles import clean_articles

    src = tmp_path / "in"
    src.mkdir()
    for f in sorted((DATA / "gate" / "dev").glob("*.html"))[:8] + sorted((DATA / "seeds").glob("*.txt")):
        shutil.copy(f, src / f.name)
    default = clean_articles(inputs=[str(src)], out=str(tmp_path / "default"), batch_bytes=200_000)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        from distributed import Client

        with Client(cluster) as client:
            worker_pids = set(client.run(os.getpid).values())
        on_dask = clean_articles.with_options(task_runner=DaskTaskRunner(address=cluster.scheduler_address))
        report = on_dask(inputs=[str(src)], out=str(tmp_path / "dask"), batch_bytes=200_000)
    assert report["batches"] >= 3 and len(worker_pids) == 2
    assert set(report["worker_pids"]) == worker_pids  # every batch ran on the cluster, on both workers
    assert report["counts"] == default["counts"]
    assert _table(tmp_path / "dask") == _table(tmp_path / "default")
