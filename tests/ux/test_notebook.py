"""docs/example.ipynb runs top to bottom in a real Jupyter kernel and shows the events."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from builders import real_pipeline_or_skip

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "example.ipynb"
SAMPLE = ROOT / "corpora" / "samples" / "page.txt"
SEED = ROOT.parent / "shared" / "seeds" / "000_1c4daa1ff2b208cf.txt"


def _html(output) -> str:
    return (
        output.get("data", {}).get("text/html", "")
        if output.get("output_type")
        in (
            "execute_result",
            "display_data",
        )
        else ""
    )


@pytest.mark.slow
def test_example_notebook_runs(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    sample = SAMPLE if SAMPLE.is_file() else SEED
    if not sample.is_file():
        pytest.skip(f"no sample page at {SAMPLE} or {SEED}")
    real_pipeline_or_skip()

    monkeypatch.setenv("NEWSIE_SAMPLE", str(sample))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()

    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    errors = [o for cell in code for o in cell.outputs if o.get("output_type") == "error"]
    assert not errors, errors
    html = {
        cell.source.strip().splitlines()[0]: "".join(_html(o) for o in cell.outputs)
        for cell in code
    }
    document = html["doc"]
    assert 'class="newsie-document"' in document
    assert "event(s)" in document
    events_text = "".join(o.get("text", "") for o in code[1].outputs)
    assert "items," in events_text and "events" in events_text
    n_events = int(events_text.split("items,")[1].split("events")[0])
    if n_events:
        assert 'class="newsie-trigger"' in document  # the rendered events
        assert 'class="newsie-event"' in html["doc.all_events[0] if doc.all_events else None"]
        frame = html["from newsie.export import to_pandas"]
        assert "<table" in frame and "trigger" in frame and "type" in frame
