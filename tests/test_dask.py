"""newsie.dask on a real (local, multi-process) Dask cluster; skipped without dask."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("dask")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db
import dask.dataframe as dd

import newsie
from newsie.dask import EVENT_COLUMNS, extract_bag, extract_dataframe, to_parquet

RECORDS = [
    {"id": "a", "text": "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体。",
     "published": "2025-11-28T10:00:00+08:00"},
    {"id": "b", "text": "远望科技11月20日宣布向宁波市慈善总会捐赠500万元。",
     "published": "2025-11-20T10:00:00+08:00"},
    {"id": "c", "text": "2025年11月19日晚，浙江省宁波市海曙区一处仓库突发火灾，火灾造成2人受伤。",
     "published": "2025-11-20T08:00:00+08:00"},
    {"id": "bad", "text": None},
    {"id": "d", "text": "没有事件的一句话。"},
] * 3


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
        silence_logs=40,
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def _expected_events():
    nlp = newsie.load()
    out = []
    for doc in nlp.pipe(RECORDS):
        out.extend((d.id, e.type, e.trigger.start) for d in doc.documents() for e in d.events)
    return out


def test_extract_bag_matches_pipe(client):
    bag = db.from_sequence(RECORDS, npartitions=4)
    events = extract_bag(bag).compute()
    got = [(e["document_id"], e["type"], e["trigger"]["start"]) for e in events]
    assert got == _expected_events()
    assert events and all("arguments" in e and "evidence" in e for e in events)


def test_extract_bag_errors_and_config(client):
    config = newsie.load().to_config()
    bag = db.from_sequence(RECORDS[:5], npartitions=2)
    rows = extract_bag(bag, config, flat=True, include_errors=True).compute()
    errors = [r for r in rows if r["error"]]
    assert [r["document_id"] for r in errors] == ["bad"]
    assert all(set(r) == set(EVENT_COLUMNS) for r in rows)


def test_extract_dataframe_and_parquet(client, tmp_path):
    frame = pd.DataFrame(RECORDS)
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    ddf = dd.from_pandas(frame, npartitions=3)
    events = extract_dataframe(ddf)
    assert list(events.columns) == list(EVENT_COLUMNS)
    result = events.compute()
    expected = _expected_events()
    assert sorted(zip(result.document_id, result.type, result.trigger_start)) == sorted(expected)
    assert result["event_key"].notna().all()
    arguments = json.loads(result.iloc[0]["arguments"])
    assert isinstance(arguments, list)
    to_parquet(events, str(tmp_path / "events.parquet"))
    back = pd.read_parquet(tmp_path / "events.parquet")
    assert len(back) == len(result)


def test_bag_to_parquet(client, tmp_path):
    bag = db.from_sequence(RECORDS, npartitions=3)
    to_parquet(extract_bag(bag), str(tmp_path / "bag.parquet"))
    back = pd.read_parquet(tmp_path / "bag.parquet")
    assert len(back) == len(_expected_events())


def test_missing_text_column(client):
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="text"):
        extract_dataframe(ddf)
