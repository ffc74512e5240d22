"""MkDocs hook: stand-in pages for documentation another contributor has not written yet.

``docs/templates.md``, ``docs/time.md`` and ``docs/ner.md`` are written alongside the
code they describe.  Until one exists, the build gets a short generated page in its place,
so ``mkdocs build --strict`` (nav entries and links) keeps passing; the real page wins as
soon as it is there.
"""

from __future__ import annotations

from mkdocs.structure.files import File

PENDING = {
    "templates.md": (
        "Event templates",
        (
            "Event types are declared by TOML templates (`corpora/templates/*.toml`): "
            "trigger words, roles and the entity / value labels that fill them. Register "
            "your own with `newsie.register_template(path)`."
        ),
    ),
    "time.md": (
        "Time values",
        (
            "Time expressions are normalised into `newsie.TimeValue`: an interval "
            "`[start, end)` with a grain, a kind and what it was resolved against. "
            "Try `newsie.parse_time('去年年底', reference)`."
        ),
    ),
    "ner.md": (
        "Named entities",
        (
            "The `entities` stage finds PERSON, ORG, GPE, LOC, PRODUCT and TITLE spans "
            "with lexicons and a CRF model, and resolves aliases to canonical names."
        ),
    ),
}


def on_files(files, config):
    for name, (title, summary) in PENDING.items():
        if files.get_file_from_path(name) is None:
            content = f"# {title}\n\n{summary}\n\n*This page is being written.*\n"
            files.append(File.generated(config, name, content=content))
    return files
