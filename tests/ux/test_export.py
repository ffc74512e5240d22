"""Exports: pandas / Arrow tables, JSON lines, CSV, Parquet and DuckDB round trips."""

from __future__ import annotations

import json

import pytest
from builders import ITEM_1, ITEM_2, demo_documents, make_page

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from newsie.events.models import event_adapter
from newsie.export import (
    COLUMNS,
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
    assert json.loads(donation["roles"]) == {
        "donor": ["远望科技"], "recipient": ["宁波市慈善总会"], "amount": ["500万元"]
    }  # fmt: skip
    assert donation["sentence"] == ITEM_1
    assert donation["actors"] == "远望科技|宁波市慈善总会"
    assert donation["time_grain"] == "day" and donation["time_text"] == "11月20日"
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
    assert frame["sentence"].isna().all()  # no document text to cut it from
    # the events table is compact: its columns are fixed, whatever the roles
    assert list(frame.columns) == [name for name, _ in COLUMNS["events"]]
    # (27, and the 6 codes of the event's type: ace, cameo, cameo_root, goldstein, ...)
    assert len(frame.columns) < 36 and not any(c.startswith("arg_") for c in frame.columns)
    empty = to_pandas([])
    assert list(empty.columns) == list(frame.columns) and len(empty) == 0


def test_wide_columns_only_on_request(page):
    wide = to_pandas(page, wide=True)
    roles = [c for c in wide.columns if c.startswith("arg_")]
    assert roles == ["arg_donor", "arg_recipient", "arg_amount", "arg_company", "arg_product"]
    donation = wide[wide.type == "donation"].iloc[0]
    assert donation["arg_donor"] == "远望科技" and donation["arg_amount"] == "500万元"
    assert pd.isna(donation["arg_company"])


def test_local_time_and_dates(page):
    """Timestamps show the documents' local time and ``date`` is the local day, so an
    event on 11月20日 (2025-11-19 16:00 UTC) is grouped under 2025-11-20."""
    import datetime as dt

    events = to_pandas(page)
    assert str(events["time_start"].dt.tz) == "Asia/Shanghai"
    assert str(events["time_start"].iloc[0]) == "2025-11-20 00:00:00+08:00"
    assert list(events.groupby("date").size().items()) == [(dt.date(2025, 11, 20), 2)]
    assert set(events["published_date"]) == {dt.date(2025, 11, 20)}
    documents = to_pandas(page, "documents")
    assert str(documents["published"].iloc[0]) == "2025-11-20 12:00:00+08:00"
    # another zone on request; the dates stay the documents' own
    utc = to_pandas(page, tz="UTC")
    assert str(utc["time_start"].iloc[0]) == "2025-11-19 16:00:00+00:00"
    assert list(utc["date"]) == list(events["date"])


def test_event_date_needs_a_day(page):
    from newsie.time.value import TimeValue

    event = page.all_events[0]
    month = TimeValue(kind="point", start=event.time.start.replace(day=1),
                      end=event.time.end.replace(day=1, month=12), grain="month")  # fmt: skip
    frame = to_pandas([event, event.model_copy(update={"time": month, "id": "m"})])
    assert frame["date"].iloc[0] is not None and frame["date"].iloc[1] is None


def test_documents_keep_metadata_and_optionally_text(page):
    documents = to_pandas(page, "documents")
    assert documents["text"].isna().all()
    page_row = documents.iloc[0]
    assert (page_row["title"], page_row["url"], page_row["source"]) == (
        "快讯", "https://example.com/p", "example"
    )  # fmt: skip
    with_text = to_pandas(page, "documents", text=True)
    assert list(with_text["text"]) == [page.text, ITEM_1, ITEM_2]


def test_arrow_schema(page):
    table = to_arrow(page)
    assert table.schema.field("time_start").type == pa.timestamp("us", tz="Asia/Shanghai")
    assert table.schema.field("date").type == pa.date32()
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
    assert list(back["roles"].fillna("")) == list(expected["roles"].fillna(""))
    assert list(back["sentence"]) == list(expected["sentence"])
    assert list(back["confidence"]) == pytest.approx(list(expected["confidence"]))
    assert str(back["time_start"].dt.tz) == "Asia/Shanghai"
    assert back["time_start"].equals(expected["time_start"].astype(back["time_start"].dtype))
    assert list(back["date"]) == list(expected["date"])
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


def test_excel_csv_has_a_bom_and_local_times(tmp_path, page):
    path = write(page, tmp_path / "events.csv", excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert ",2025-11-20 09:40:00," in text and "+08:00" not in text and "远望科技" in text
    assert list(read_table(path)["event_id"]) == list(to_pandas(page)["event_id"])
    plain = write(page, tmp_path / "plain.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and b"2025-11-20 00:00:00+08:00" in plain
    with pytest.raises(ExportError, match="CSV"):
        write(page, tmp_path / "events.parquet", excel=True)


def test_jsonl_records_carry_the_sentence(tmp_path, page):
    path = write(page, tmp_path / "events.jsonl")
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert record["sentence"] == ITEM_1
    assert read_table(path)["sentence"].iloc[0] == ITEM_1


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
