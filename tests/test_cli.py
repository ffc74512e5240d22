"""The ``newsie`` command line: inputs, outputs, errors, progress and subcommands.

Most tests swap ``newsie.load`` for a small fake pipeline (tests/ux/builders.py) so they
test the CLI's plumbing, not the models; ``test_real_pipeline_*`` use the real one.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "ux"))

from builders import ITEM_1, ITEM_2, FakePipeline, real_pipeline_or_skip

import newsie
from newsie.cli import Progress, expand_paths, main

SUBCOMMANDS = ("extract", "schema", "show", "report")


@pytest.fixture()
def fake(monkeypatch):
    pipeline = FakePipeline()
    monkeypatch.setattr(newsie, "load", lambda config=None: pipeline)
    return pipeline


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text(ITEM_1, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ITEM_2.encode("gb18030"))
    lines = [
        json.dumps(
            {"text": ITEM_1, "id": "j1", "published": "2025-11-21T08:00"}, ensure_ascii=False
        ),
        json.dumps({"body": "no text here"}),
        "",
        "{not json",
        json.dumps({"text": ITEM_2}, ensure_ascii=False),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _events(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _err_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# -- help and errors --------------------------------------------------------------------


def test_help(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in SUBCOMMANDS:
        assert command in result.output
    for command in SUBCOMMANDS:
        sub = runner.invoke(main, [command, "--help"])
        assert sub.exit_code == 0, command
        assert sub.output.startswith(f"Usage: newsie {command}")


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("newsie ")


def test_usage_errors_are_one_line(runner, fake):
    for args in (["extract"], ["extract", "x.txt", "--format", "xml"], ["nope"],
                 ["extract", "x.txt", "--workers", "0"]):  # fmt: skip
        result = runner.invoke(main, args)
        assert result.exit_code == 2, args
        lines = _err_lines(result)
        assert len(lines) == 1 and lines[0].startswith("newsie: error: "), (args, lines)
        assert "Traceback" not in result.output


def test_bad_published_and_output_suffix(runner, fake, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "--published", "yesterday"])
    assert result.exit_code == 2
    assert len(_err_lines(result)) == 1
    assert _err_lines(result)[0].startswith(
        "newsie: error: --published: published time 'yesterday' is not a date; accepted: ISO 8601"
    )
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "-o", "out.xlsx"])
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "--format", "parquet"])
    assert result.exit_code == 2 and "needs a file" in result.stderr


def test_unexpected_exception_is_one_line(runner, monkeypatch, inputs):
    class Broken(FakePipeline):
        def pipe(self, *args, **kwargs):
            raise RuntimeError("kaboom")

    monkeypatch.setattr(newsie, "load", lambda config=None: Broken())
    result = runner.invoke(main, ["extract", str(inputs / "a.txt")])
    assert result.exit_code == 2
    assert _err_lines(result) == [
        "newsie: error: RuntimeError: kaboom (set NEWSIE_DEBUG=1 for a traceback)"
    ]


def test_missing_config(runner, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "--config", "nope.toml"])
    assert result.exit_code == 2
    assert _err_lines(result) == [
        "newsie: error: pipeline config not found: nope.toml (presets: default, fast)"
    ]


def test_fast_preset(runner, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "--config", "fast", "-q"])
    assert result.exit_code == 0, result.output


# -- inputs -----------------------------------------------------------------------------


def test_txt_inputs(runner, fake, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), str(inputs / "b.txt"),
                                  "--published", "2025-11-20T12:00"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    events = _events(result.stdout)
    assert [e["type"] for e in events] == ["donation", "product_launch"]
    assert [e["document"]["id"] for e in events] == ["a", "b"]  # GB18030 file decoded
    assert events[0]["document"]["published"] == "2025-11-20T12:00:00+08:00"
    assert result.stderr == ""


def test_jsonl_errors_name_file_and_line(runner, fake, inputs):
    path = inputs / "c.jsonl"
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    events = _events(result.stdout)
    assert [e["document"]["id"] for e in events] == ["j1", "c:5"]  # others still processed
    assert events[0]["document"]["published"] == "2025-11-21T08:00:00+08:00"
    assert _err_lines(result) == [
        f"newsie: error: {path}:2: record has no 'text' string field",
        f"newsie: error: {path}:4: invalid JSON: Expecting property name enclosed in double quotes",
        "newsie: error: 2 input(s) failed; 2 event(s) written",
    ]


def test_jsonl_custom_fields(runner, fake, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"content": ITEM_1, "key": 7, "date": "2025-11-19"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["extract", str(path), "--text-column", "content",
                                  "--id-column", "key", "--date-column", "date"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (event,) = _events(result.stdout)
    assert event["document"]["id"] == "7"
    assert event["document"]["published"] == "2025-11-19T00:00:00+08:00"


def test_csv_input(runner, fake, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "标题,正文,日期,编号\n"
        f'一,"{ITEM_1}",2025-11-20 09:40,n1\n'
        "二,,2025-11-20,n2\n"
        f'三,"{ITEM_2}",20/11/2025,n3\n'
        f'四,"多行\n{ITEM_2}",2025-11-21,n4\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["extract", str(path), "--text-column", "正文",
                                  "--date-column", "日期", "--id-column", "编号"])  # fmt: skip
    assert result.exit_code == 1
    events = _events(result.stdout)
    assert [e["document"]["id"] for e in events] == ["n1", "n4"]
    assert events[0]["document"]["published"] == "2025-11-20T09:40:00+08:00"
    errors = _err_lines(result)
    assert errors[0] == f"newsie: error: {path}:3: empty '正文' column"
    assert errors[1].startswith(
        f"newsie: error: {path}:4: InputError: published time '20/11/2025' is ambiguous"
    )
    assert errors[2] == "newsie: error: 2 input(s) failed; 2 event(s) written"


def test_csv_without_text_column(runner, fake, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert _err_lines(result)[0] == (
        f"newsie: error: {path}:1: no 'text' column (columns: a, b); name the text column "
        "with --text-column"
    )


def test_folder_and_glob(runner, fake, inputs):
    sub = inputs / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(ITEM_2, encoding="utf-8")
    (inputs / "ignored.docx").write_text(ITEM_1, encoding="utf-8")
    (inputs / ".hidden.txt").write_text(ITEM_1, encoding="utf-8")
    names = [s.id for s in expand_paths([str(inputs)])]
    assert names == ["a", "b", "c", "sub/a"]
    result = runner.invoke(main, ["extract", str(inputs)])
    assert result.exit_code == 1  # c.jsonl has two bad lines
    ids = [e["document"]["id"] for e in _events(result.stdout)]
    assert ids == ["a", "b", "j1", "c:5", "sub/a"]
    result = runner.invoke(main, ["extract", str(inputs / "*.txt")])
    assert result.exit_code == 0
    assert [e["document"]["id"] for e in _events(result.stdout)] == ["a", "b"]
    result = runner.invoke(main, ["extract", str(inputs / "**" / "*.txt")])
    assert [e["document"]["id"] for e in _events(result.stdout)] == ["a", "b", "a"]
    result = runner.invoke(main, ["extract", str(inputs / "*.nothing")])
    assert result.exit_code == 1
    assert "no files match this pattern" in result.stderr


def test_stdin(runner, fake):
    result = runner.invoke(main, ["extract", "-"], input=ITEM_1.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (event,) = _events(result.stdout)
    assert event["document"]["id"] == "stdin"
    lines = json.dumps({"text": ITEM_2, "id": "s1"}, ensure_ascii=False) + "\n{}\n"
    result = runner.invoke(main, ["extract", "-", "--input-format", "jsonl"], input=lines)
    assert result.exit_code == 1
    assert [e["document"]["id"] for e in _events(result.stdout)] == ["s1"]
    assert "<stdin>:2: record has no 'text' string field" in result.stderr


def test_missing_and_undecodable_files(runner, fake, inputs):
    bad = inputs / "bad.txt"
    bad.write_bytes(b"\x80\x80\x80\xff\xff")
    missing = inputs / "missing.txt"
    result = runner.invoke(main, ["extract", str(missing), str(bad), str(inputs / "a.txt")])
    assert result.exit_code == 1
    assert len(_events(result.stdout)) == 1  # a.txt still processed
    errors = _err_lines(result)
    assert errors[0] == f"newsie: error: {missing}: cannot read: No such file or directory"
    assert errors[1].startswith(f"newsie: error: {bad}: cannot decode 5 bytes")
    assert errors[2] == "newsie: error: 2 input(s) failed; 1 event(s) written"


# -- outputs ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet", "duckdb"])
def test_output_formats_from_suffix(runner, fake, inputs, suffix):
    pytest.importorskip("pandas")
    from newsie.export import read_table

    out = inputs / f"out.{suffix}"
    result = runner.invoke(
        main, ["extract", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    frame = read_table(out)
    assert sorted(frame["type"]) == ["donation", "product_launch"]
    if suffix == "duckdb":  # running again replaces, not duplicates
        runner.invoke(
            main, ["extract", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(out)]
        )
        assert len(read_table(out)) == 2
        assert len(read_table(out, "documents")) == 2


def test_format_option_tables_and_folder(runner, fake, inputs):
    pytest.importorskip("pyarrow")
    from newsie.export import read_table

    result = runner.invoke(
        main, ["extract", str(inputs / "a.txt"), "--format", "csv", "--table", "arguments"]
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("event_id,document_id,type,role,text")
    assert len(result.stdout.splitlines()) == 4
    out = inputs / "tables"
    result = runner.invoke(
        main, ["extract", str(inputs / "a.txt"), "-f", "parquet", "--table", "all", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert len(read_table(out, "entities")) == 2


def test_workers_passed_to_pipe(runner, fake, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "--workers", "3"])
    assert result.exit_code == 0
    assert fake.n_process_seen == [3]


def test_no_progress_when_not_a_tty(runner, fake, inputs):
    result = runner.invoke(main, ["extract", str(inputs / "a.txt"), "-o", str(inputs / "o.jsonl")])
    assert result.exit_code == 0 and result.stderr == ""


def test_progress_line(capsys):
    progress = Progress(enabled=True, total=4)
    progress.update(docs=2, events=3)
    progress.close()
    err = capsys.readouterr().err
    assert "[############------------] 2/4 docs" in err and "docs/s" in err and "3 events" in err
    quiet = Progress(enabled=False, total=4)
    quiet.update(docs=1)
    quiet.close()
    assert capsys.readouterr().err == ""


# -- schema, show, report ---------------------------------------------------------------


def test_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(newsie.json_schema()))
    assert "donation" in result.stdout


def test_show(runner, fake, inputs, tmp_path):
    page = tmp_path / "show.html"
    result = runner.invoke(
        main,
        ["show", str(inputs / "a.txt"), "--published", "2025-11-20T12:00", "--html", str(page)],
    )
    assert result.exit_code == 0, result.stderr
    assert "ORG: 远望科技, 宁波市慈善总会" in result.stdout
    assert "donation [happened, 0.80] «捐赠»" in result.stdout
    assert 'class="newsie-trigger"' in page.read_text(encoding="utf-8")
    result = runner.invoke(main, ["show", str(inputs / "c.jsonl"), "-n", "1"])
    assert result.exit_code == 0 and result.stdout.count("document ") == 1


def test_report(runner, fake, inputs, tmp_path):
    pytest.importorskip("pyarrow")
    events = tmp_path / "events.parquet"
    runner.invoke(
        main, ["extract", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(events)]
    )
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", str(events), "-o", str(out), "--title", "周报 <1>"])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "周报 &lt;1&gt;" in text and "远望科技" in text
    result = runner.invoke(main, ["report", str(tmp_path / "none.parquet")])
    assert result.exit_code == 2
    assert _err_lines(result) == [f"newsie: error: no such file: {tmp_path / 'none.parquet'}"]


# -- the real pipeline ------------------------------------------------------------------


def test_real_pipeline_extract(runner, tmp_path):
    real_pipeline_or_skip()
    sample = Path(__file__).resolve().parent.parent / "corpora" / "samples" / "page.txt"
    if not sample.is_file():
        pytest.skip("corpora/samples/page.txt not written yet")
    result = runner.invoke(main, ["extract", str(sample), "--published", "2025-11-20T12:00"])
    assert result.exit_code == 0, result.stderr
    events = _events(result.stdout)
    assert events and all(e["document"]["parent_id"] for e in events)
    result = runner.invoke(main, ["extract", str(sample), "--no-split-page"])
    assert result.exit_code == 0, result.stderr
    assert all(e["document"]["parent_id"] is None for e in _events(result.stdout))


def test_min_confidence_keeps_the_likelier_events(runner):
    real_pipeline_or_skip()
    sample = Path(__file__).resolve().parent.parent / "corpora" / "samples" / "page.txt"
    args = ["extract", str(sample), "--published", "2025-11-20T12:00", "-q"]
    every = _events(runner.invoke(main, args).stdout)
    level = sorted(e["confidence"] for e in every)[len(every) // 2]
    result = runner.invoke(main, [*args, "--min-confidence", str(level)])
    assert result.exit_code == 0, result.stderr
    kept = _events(result.stdout)
    assert kept == [e for e in every if e["confidence"] >= level] and len(kept) < len(every)
    result = runner.invoke(main, [*args, "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "1.5" in result.stderr


# -- long texts and signals -------------------------------------------------------------


def test_max_chars_option_names_itself(runner, fake, inputs):
    path = str(inputs / "a.txt")  # 46 characters
    result = runner.invoke(main, ["extract", path, "--max-chars", "40"])
    assert result.exit_code == 1
    assert _err_lines(result) == [
        (
            f"newsie: error: {path}: text has 46 characters, more than --max-chars 40; split "
            "it into documents, or pass --max-chars none to process it whole"
        ),
        "newsie: error: 1 input(s) failed; 0 event(s) written",
    ]
    for value in ("none", "0", "46", "2,000,000"):
        result = runner.invoke(main, ["extract", path, "--max-chars", value])
        assert result.exit_code == 0, (value, result.stderr)
        assert len(_events(result.stdout)) == 1
    result = runner.invoke(main, ["extract", path, "--max-chars", "-1"])
    assert result.exit_code == 2
    assert _err_lines(result)[0].startswith("newsie: error: Invalid value for '--max-chars'")
    result = runner.invoke(main, ["show", path, "--max-chars", "40"])
    assert result.exit_code == 1 and "more than --max-chars 40" in result.stderr


def test_default_max_chars_is_named_as_the_option(runner, fake, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("新" * 2_000_001, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert _err_lines(result)[0] == (
        f"newsie: error: {path}: text has 2,000,001 characters, more than --max-chars 2000000; "
        "split it into documents, or pass --max-chars none to process it whole"
    )


_STALLING_EXTRACT = """
import pathlib, sys, time
sys.path.insert(0, {ux!r})
from builders import FakePipeline
import newsie
from newsie.cli import main

class Stalls(FakePipeline):
    def pipe(self, inputs, **kwargs):
        for doc in super().pipe(inputs, **kwargs):
            yield doc
            pathlib.Path({marker!r}).write_text("written")
            time.sleep(600)

newsie.load = lambda config=None: Stalls()
main(["extract", {source!r}, {source!r}, "-o", {output!r}])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX")
def test_sigterm_removes_the_temporary_output(tmp_path, inputs):
    out = tmp_path / "out"
    out.mkdir()
    marker = tmp_path / "marker"
    script = tmp_path / "stall.py"
    script.write_text(_STALLING_EXTRACT.format(
        ux=str(Path(__file__).parent / "ux"), marker=str(marker),
        source=str(inputs / "a.txt"), output=str(out / "events.jsonl"),
    ))  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(1200):  # wait (two minutes at most) until one document is written
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), proc.communicate(timeout=60)
        (temporary,) = out.iterdir()
        assert temporary.name.startswith(".events.jsonl.")
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, stderr
    assert list(out.iterdir()) == []
    assert stderr.splitlines()[-1] == "newsie: error: terminated"
