"""A pipeline with the user's own stage or templates runs from the command line: the saved
config lists the modules to import, and ``--import`` names them otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsie
from newsie.pipeline import Pipeline, PipelineError, _init_worker, import_user_code

ROOT = Path(__file__).resolve().parents[1]
TEXT = "2025年11月20日，远望科技宣布向宁波市慈善总会捐赠500万元。"

STAGE = '''
import newsie

@newsie.stage("{name}", requires=["sentences"], provides=["mood"])
class Mood:
    """Marks documents that praise something (a stand-in for a sentiment model)."""

    def __init__(self, word="宣布"):
        self.word = word

    def __call__(self, doc):
        doc.title = "mood:" + ("news" if self.word in doc.text else "none")
        return doc
'''


def _module(folder: Path, name: str) -> Path:
    """A module file ``<name>.py`` registering a stage called ``<name>``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(STAGE.format(name=name), encoding="utf-8")
    return path


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "newsie.cli", *args], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=300, check=False,
    )  # fmt: skip


def _titles(output: str) -> list[str]:
    return [json.loads(line)["title"] for line in output.splitlines() if line.strip()]


def test_saved_config_lists_the_users_module(tmp_path, monkeypatch):
    _module(tmp_path / "code", "mood_saved")
    monkeypatch.syspath_prepend(str(tmp_path / "code"))
    import_user_code("mood_saved")
    nlp = Pipeline(["sentences"])
    nlp.add("mood_saved", config={"word": "火灾"})
    config = nlp.to_config()
    assert config["pipeline"]["imports"] == ["mood_saved"]
    nlp.save(tmp_path / "code" / "pipeline.toml")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    # a fresh process, started elsewhere: the config's folder is searched for the module
    result = _cli("extract", str(tmp_path / "a.txt"), "--config",
                  str(tmp_path / "code" / "pipeline.toml"), "--table", "documents",
                  cwd=tmp_path.parent)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _titles(result.stdout) == ["mood:none"]  # the saved config's word: no 火灾


def test_import_option_for_a_config_without_imports(tmp_path):
    _module(tmp_path / "code", "mood_cli")
    (tmp_path / "pipeline.toml").write_text(
        '[pipeline]\nstages = ["sentences", "mood_cli"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    missing = _cli("extract", "a.txt", "--config", "pipeline.toml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "no stage named 'mood_cli'" in missing.stderr and "--import MODULE" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    # by path, and by name from the working folder, with two worker processes
    for spec, cwd in (("code/mood_cli.py", tmp_path), ("mood_cli", tmp_path / "code")):
        result = _cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "-w", "2",
                      "--batch-size", "1", "--config", str(tmp_path / "pipeline.toml"),
                      "--import", spec, "--table", "documents", cwd=cwd)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert _titles(result.stdout) == ["mood:news", "mood:news"]  # the default: 宣布
    bad = _cli("extract", "a.txt", "--import", "no_such_module_here", cwd=tmp_path)
    assert bad.returncode == 2
    assert "--import no_such_module_here: cannot import it: ModuleNotFoundError" in bad.stderr


def test_import_a_template_file(tmp_path):
    (tmp_path / "award.toml").write_text(
        'type = "gala"\nversion = "1"\nlabel = "晚会"\ntriggers = ["晚会"]\nconfidence = 0.6\n'
        '\n[roles.organizer]\nlabels = ["ORG"]\nside = "before"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("2025年11月20日，中央广播电视总台举办晚会。", encoding="utf-8")
    result = _cli("extract", "a.txt", "--import", "award.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "gala" in [json.loads(line)["type"] for line in result.stdout.splitlines()]


def test_spawned_workers_import_the_users_code(tmp_path, monkeypatch):
    _module(tmp_path, "mood_worker")
    nlp = Pipeline(["sentences"])
    nlp.imports.append(import_user_code(str(tmp_path / "mood_worker.py")))
    nlp.add("mood_worker")
    state = nlp._worker_state()
    # a new process has not imported the module: forget it, as a spawned worker would
    monkeypatch.delitem(sys.modules, "mood_worker")
    from newsie import registry

    monkeypatch.delitem(registry._REGISTRY, "mood_worker")
    _init_worker(state)
    from newsie import pipeline as module

    worker = module._WORKER_PIPELINE
    assert worker.stage_names == ["sentences", "mood_worker"] and worker.imports == ["mood_worker"]
    assert worker(TEXT).title == "mood:news"


def test_config_imports_must_be_a_list():
    with pytest.raises(PipelineError, match="imports must be a list"):
        newsie.load({"pipeline": {"stages": ["sentences"], "imports": "x"}})
    with pytest.raises(PipelineError, match=r"cannot import 'no_such_mod_x'"):
        newsie.load({"pipeline": {"stages": ["sentences"], "imports": ["no_such_mod_x"]}})
