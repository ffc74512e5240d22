"""benchmarks/ner.py runs end to end on a tiny corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "ner.py"


@pytest.mark.skipif(not SCRIPT.exists(), reason="benchmarks not in this checkout")
def test_benchmark_script(tmp_path):
    data = tmp_path / "tiny.tsv"
    rows = [
        (
            "王小明在北京工作。",
            [("B-PER", 0), ("I-PER", 1), ("I-PER", 2), ("B-LOC", 4), ("I-LOC", 5)],
        )
    ]
    with open(data, "w", encoding="utf-8") as handle:
        for text, tags in rows:
            tag_at = {i: t for t, i in tags}
            handle.writelines(f"{c}\t{tag_at.get(i, 'O')}\n" for i, c in enumerate(text))
            handle.write("\n")
    out = tmp_path / "pred.jsonl"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(data), "--json", "--predictions", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    assert report["scores"]["ALL"]["f1"] == 1.0 and report["chars_per_second"] > 0
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert row["text"] == "王小明在北京工作。"
    assert {(e["start"], e["end"], e["label"]) for e in row["entities"]} == {
        (0, 3, "PERSON"),
        (4, 6, "GPE"),
    }
