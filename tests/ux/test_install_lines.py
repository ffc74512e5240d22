"""Every ``pip install`` line in the README, the docs and the code's error messages installs
this project: the distribution named in ``pyproject.toml`` (``newsie`` on the package index
is someone else's)."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
#: Third-party packages the docs tell users to install for optional backends.
OTHERS = {"spacy", "torch", "hanlp", "atheris", "python-crfsuite", "cloudpickle", "scikit-learn"}


def _files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    files += sorted((ROOT / "newsie").rglob("*.py")) + sorted((ROOT / "benchmarks").rglob("*.py"))
    return files


def _texts(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(cell["source"]) for cell in cells)
    return text


def _requirements(command: str) -> list[str]:
    """The requirement names in one ``pip install ...`` command (options, paths and
    editable targets left out)."""
    try:
        words = shlex.split(command)
    except ValueError:
        words = command.split()
    names = []
    for raw in words[2:]:
        word = raw.strip("`'\"),;:")
        if raw.rstrip(":,;.").endswith((")", "'", '"')):  # a quoted name ends the command
            words = []
        if word in ("&&", "|", ";") or word.startswith(("#", "(")):
            break
        if not word or word.startswith(("-", ".", "/", "~")):
            continue
        name = re.split(r"[\[<>=!~ ]", word, maxsplit=1)[0]
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
            names.append(name.lower())
        if not words:
            break
    return names


def test_pyproject_names_a_free_distribution_not_newsie():
    assert DIST != "newsie"
    assert DIST.startswith("newsie-")


def test_every_install_line_names_this_distribution():
    seen = 0
    for path in [*_files(), ROOT / "docs" / "example.ipynb"]:
        for match in re.finditer(r"pip install [^\n`]*", _texts(path)):
            for name in _requirements(match.group()):
                if name in OTHERS or name.split("[")[0] in OTHERS:
                    continue
                seen += 1
                assert name == DIST, f"{path.relative_to(ROOT)}: {match.group()!r}"
    assert seen >= 3  # the quickstart and the optional-dependency messages name it


def test_quickstart_installs_by_name_and_states_the_python_version():
    text = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    assert f"pip install {DIST}" in text
    assert f'pip install "{DIST}[export]"' in text
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert requires == ">=3.11" and "Python 3.11 or later" in text


def test_extras_refer_to_this_distribution():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for name, requirements in extras.items():
        for requirement in requirements:
            base = re.split(r"[\[<>=!~ ]", requirement, maxsplit=1)[0].lower()
            assert base != "newsie", (name, requirement)


def test_requirement_parsing():
    assert _requirements('pip install "newsie-zh-events[export]"  # tables') == ["newsie-zh-events"]
    assert _requirements("pip install . && newsie extract x") == []
    assert _requirements('pip install ".[test]" && pytest -q') == []
    assert _requirements("pip install -q torch==2.13.0 && pip install hanlp") == ["torch"]
    message = "pip install 'newsie-zh-events[export]' ({exc})\") from None"
    assert _requirements(message) == ["newsie-zh-events"]
