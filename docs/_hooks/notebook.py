"""MkDocs hook: the example notebook as a page of the site, with its outputs.

``docs/example.ipynb`` is kept with the outputs of its last run (``python
docs/_hooks/refresh.py`` runs it again).  This hook turns it into a generated page,
``example-notebook.md``: markdown cells as they are, code cells as Python blocks and
their outputs below them -- HTML (the highlighted document, DataFrames) as HTML, images
inline, text as text blocks.  The ``.ipynb`` file itself is still copied, to download.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.structure.files import File

NOTEBOOK = "example.ipynb"
PAGE = "example-notebook.md"


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _raw_html(markup: str) -> str:
    """HTML that Markdown passes through as one block: no blank line inside it."""
    lines = [line for line in markup.splitlines() if line.strip()]
    return '<div class="nb-output">\n' + "\n".join(lines) + "\n</div>"


def _output(output: dict) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return f'<pre class="nb-stream">{html.escape(_text(output.get("text")))}</pre>'
    if kind == "error":
        trace = "\n".join(output.get("traceback", []))
        return f'<pre class="nb-error">{html.escape(trace)}</pre>'
    data = output.get("data", {})
    if "text/html" in data:
        return _raw_html(_text(data["text/html"]))
    if "image/png" in data:
        return f'<p><img alt="output" src="data:image/png;base64,{_text(data["image/png"]).strip()}"></p>'
    if "text/plain" in data:
        return f'<pre class="nb-result">{html.escape(_text(data["text/plain"]))}</pre>'
    return ""


def notebook_markdown(notebook: dict, name: str = NOTEBOOK) -> str:
    """The Markdown page for a notebook (as parsed JSON)."""
    parts = []
    for cell in notebook.get("cells", []):
        source = _text(cell.get("source")).rstrip()
        if cell.get("cell_type") == "markdown":
            parts.append(source)
        elif cell.get("cell_type") == "code":
            parts.append(f"```python\n{source}\n```")
            parts.extend(filter(None, (_output(o) for o in cell.get("outputs", []))))
    parts.append(f"[Download the notebook]({name}) and run it yourself.")
    return "\n\n".join(parts) + "\n"


def on_files(files, config):
    path = Path(config["docs_dir"]) / NOTEBOOK
    if path.is_file() and files.get_file_from_path(PAGE) is None:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        files.append(File.generated(config, PAGE, content=notebook_markdown(notebook)))
    return files
