"""Exports: pandas / Arrow tables, JSON lines, CSV, Parquet and DuckDB round trips."""

from __future__ import annotations

import json

import pytest
from builders import demo_documents, make_page

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from newsie.events.models import event_adapter
from newsie.export import (
    SCHEMA_VERSION,
    TABLES,
    ExportError,
    infer_format,
    read_table,
    to_arrow,
    to_pandas,
    write,
)


def test_tables_join_on_ids(page):
    events = to_pandas(page)
    arguments = to_pandas(page, table="arguments")
    entities = to_pandas(page, table="entities")
    documents = to_pandas(page, table="documents")
    assert len(events) == 2 and set(events["type"]) == {"donation", "product_launch"}
    assert list(documents["document_id"]) == ["page1", "page1#0", "page1#1"]
    assert documents.loc[documents.document_id == "page1", "n_items"].item() == 2
    assert set(events["document_id"]) <= set(documents["document_id"])
    assert set(arguments["event_id"]) == set(events["event_id"])
    assert set(entities["document_id"]) <= set(documents["document_id"])
    assert set(events["parent_id"]) == {"page1"}
    donation = events[events.type == "donation"].iloc[0]
    assert donation["arg_donor"] == "远望科技"
    assert donation["arg_amount"] == "500万元"
    assert donation["actors"] == "远望科技|宁波市慈善总会"
    assert donation["time_grain"] == "day" and donation["time_text"] == "11月20日"
    assert str(donation["time_start"].tz) == "UTC"
    assert donation["time_start"] == pd.Timestamp("2025-11-20T00:00+08:00")
    amount = arguments[
        (arguments.event_id == donation.event_id) & (arguments.role == "amount")
    ].iloc[0]
    assert (
        amount["value"] == 5_000_000 and amount["currency"] == "CNY" and amount["label"] == "MONEY"
    )
    donor = arguments[arguments.role == "donor"].iloc[0]
    assert donor["value_text"] == "远望科技" and pd.isna(donor["value"])


def test_events_only_input_and_stable_columns(page):
    frame = to_pandas(page.all_events)
    assert len(frame) == 2
    assert set(frame["document_id"]) == {"page1#0", "page1#1"}
    # every registered role has a column, so exports of different batches line up
    assert {"arg_donor", "arg_company", "arg_person", "arg_institution"} <= set(frame.columns)
    empty = to_pandas([])
    assert list(empty.columns) == list(frame.columns) and len(empty) == 0


def test_arrow_schema(page):
    table = to_arrow(page)
    assert table.schema.field("time_start").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("sentence_index").type == pa.int64()
    assert to_arrow(page, "entities").num_rows == 5
    with pytest.raises(ValueError, match="unknown table"):
        to_arrow(page, "nope")


def test_bad_input_type():
    with pytest.raises(TypeError, match="expected Documents or Events"):
        to_pandas(42)


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet", "duckdb"])
def test_round_trip(tmp_path, suffix):
    docs = demo_documents(12) + [make_page()]
    expected = to_pandas(docs).sort_values("event_id").reset_index(drop=True)
    path = tmp_path / f"events.{suffix}"
    write(docs, path)
    assert infer_format(path) == suffix
    back = read_table(path).sort_values("event_id").reset_index(drop=True)
    assert list(back["event_id"]) == list(expected["event_id"])
    assert list(back["type"]) == list(expected["type"])
    assert list(back["arg_donor"].fillna("")) == list(expected["arg_donor"].fillna(""))
    assert list(back["confidence"]) == pytest.approx(list(expected["confidence"]))
    got = pd.to_datetime(back["time_start"], utc=True)
    assert got.equals(expected["time_start"].astype(got.dtype))
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"


def test_jsonl_records_validate_as_events(tmp_path, page):
    path = write(page, tmp_path / "events.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records[0]["document"]["id"] == "page1#0"
    adapter = event_adapter()
    for record, event in zip(records, page.all_events):
        record.pop("document")
        assert adapter.validate_python(record) == event


def test_all_tables_folder(tmp_path, page):
    folder = write(page, tmp_path / "out", format="parquet", table="all")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    assert len(read_table(folder, "arguments")) == 5
    meta = pa.parquet.read_schema(folder / "events.parquet").metadata
    assert meta[b"newsie_schema_version"] == str(SCHEMA_VERSION).encode()


def test_interrupted_write_leaves_old_file(tmp_path, page, monkeypatch):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    write(page, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(KeyboardInterrupt):
        write(demo_documents(3), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]


def _counts(path):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_duckdb_rewrite_does_not_duplicate(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "news.duckdb"
    docs = demo_documents(10) + [make_page()]
    write(docs, path)
    first = _counts(path)
    assert first == {t: len(to_pandas(docs, t)) for t in TABLES}
    assert first["documents"] == 13 and first["events"] == 12
    write(docs, path)
    write(docs[:4], path)
    assert _counts(path) == first
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT version FROM newsie_schema").fetchall() == [(SCHEMA_VERSION,)]
    assert con.execute("SELECT count(DISTINCT event_id) FROM events").fetchone()[0] == 12
    con.close()
    # new documents are added next to the old ones
    write(demo_documents(12)[10:], path)
    assert _counts(path)["documents"] == 15


def test_duckdb_page_with_fewer_items_drops_stale_rows(tmp_path):
    path = tmp_path / "news.duckdb"
    page = make_page()
    write(page, path)
    page.items = page.items[:1]
    write(page, path)
    assert _counts(path)["documents"] == 2
    assert _counts(path)["events"] == 1


def test_duckdb_schema_version_mismatch(tmp_path, page):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "news.duckdb"
    write(page, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE newsie_schema SET version = 999")
    con.close()
    with pytest.raises(ExportError, match="schema version 999"):
        write(page, path)


def test_unknown_suffix():
    with pytest.raises(ExportError, match="cannot tell the format"):
        infer_format("events.xlsx")


def test_real_pipeline_export(tmp_path, sample_text):
    from builders import real_pipeline_or_skip

    nlp = real_pipeline_or_skip()
    doc = nlp(sample_text, published="2025-11-20T12:00")
    frame = to_pandas(doc)
    assert len(frame) == len(doc.all_events)
    write(doc, tmp_path / "x.duckdb")
    assert _counts(tmp_path / "x.duckdb")["events"] == len(doc.all_events)
