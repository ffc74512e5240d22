"""Locating shipped data."""

from __future__ import annotations

from newsie.ner import resources


def test_dirs_exist():
    assert resources.corpora_dir().is_dir()
    assert (resources.lexicon_dir() / "entities" / "README.md").is_file()
    assert (resources.models_dir() / "MODEL_CARD.md").is_file()


def test_prefers_shipped_corpora(tmp_path, monkeypatch):
    import newsie.resources as shared

    monkeypatch.setattr(shared, "corpora_root", lambda: tmp_path)
    resources.corpora_dir.cache_clear()
    try:
        assert resources.corpora_dir() == tmp_path
    finally:
        resources.corpora_dir.cache_clear()
