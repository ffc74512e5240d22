"""Isolation: no network, no files written, works from a read-only install, thread-safe."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import build_robust_pipeline, check_spans, fingerprint

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = "2025-11-28T10:00:00+08:00"
TEXTS = [
    "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体。",
    "远望科技11月20日宣布向宁波市慈善总会捐赠500万元，专项用于受灾群众的安置与救助。",
    "江南市人民医院发布招标公告，计划采购120台医用呼吸机，预算金额约3600万元。",
    "星辰电子今日推出两款新手机，售价分别为3999元和4999元。",
    "2025年11月19日晚，浙江省宁波市海曙区一处仓库突发火灾，火灾造成2人受伤。",
    "晨光机器人公司首席技术官李明远于周二在公司内部信中宣布离职。",
]

SCRIPT = textwrap.dedent(
    """
    import newsie
    nlp = newsie.load()
    texts = {texts!r}
    docs = list(nlp.pipe(texts))
    assert all(not d.errors for d in docs), [d.errors for d in docs]
    doc = nlp(texts[0], published="2025-11-28T10:00:00+08:00")
    print("events", len(doc.events), "entities", len(doc.entities))
    """
)


def _listing(folder: Path) -> dict[str, float]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime
        for p in folder.rglob("*")
        if "__pycache__" not in p.parts and ".pytest_cache" not in p.parts
    }


def test_no_network(monkeypatch, sample_text):
    def refuse(*args, **kwargs):
        raise AssertionError(f"newsie tried to open a network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    nlp = build_robust_pipeline()
    for text in [*TEXTS, sample_text]:
        doc = nlp(text, published=PUBLISHED)
        check_spans(doc)
        assert all(not d.errors for d in doc.documents())


def test_writes_nothing_to_package_or_cwd(tmp_path):
    package = ROOT / "newsie"
    corpora = ROOT / "corpora"
    before = (_listing(package), _listing(corpora), _listing(tmp_path))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(texts=TEXTS)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = (_listing(package), _listing(corpora), _listing(tmp_path))
    assert after[0] == before[0], "files written or changed in the package folder"
    assert after[1] == before[1], "files written or changed in corpora/"
    assert after[2] == before[2], f"files written in the working directory: {after[2]}"


def _make_writable(path: Path) -> None:
    for p in [path, *path.rglob("*")]:
        try:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
        except OSError:
            pass


def test_read_only_install(tmp_path):
    """The package copied to a folder nobody may write to, run with PYTHONPATH from a
    read-only working directory (as user ``nobody`` when the tests run as root)."""
    import tempfile

    user = None
    base = tmp_path
    if os.geteuid() == 0:
        user = 65534  # nobody: root would ignore the missing write bits
        base = Path(tempfile.mkdtemp(prefix="newsie-ro-", dir="/tmp"))
        base.chmod(0o755)
    try:
        _read_only_run(base, user)
    finally:
        if user is not None:
            shutil.rmtree(base, ignore_errors=True)


def test_read_only_install_as_root_via_unwritable_home(tmp_path):
    """As root chmod does not stop writes, so instead check what a read-only install would
    catch: nothing is written into the installed copy (no caches, no models)."""
    install = tmp_path / "site"
    install.mkdir()
    shutil.copytree(ROOT / "newsie", install / "newsie",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "corpora", install / "newsie" / "_corpora")
    before = _listing(install)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(install), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(texts=TEXTS)],
        cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert _listing(install) == before
    assert list(work.iterdir()) == []


def _read_only_run(base: Path, user: int | None) -> None:
    install = base / "site"
    install.mkdir()
    shutil.copytree(ROOT / "newsie", install / "newsie",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "corpora", install / "newsie" / "_corpora")
    work = base / "work"
    work.mkdir()
    for p in [install, *install.rglob("*"), work]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | 0o444
                | (0o111 if p.is_dir() else 0))
    try:
        env = {**os.environ, "PYTHONPATH": str(install), "HOME": str(work)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # let Python try (and fail) to write .pyc
        try:
            result = subprocess.run(
                [sys.executable, "-c", SCRIPT.format(texts=TEXTS)],
                cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False, user=user,
            )
        except PermissionError as exc:  # the interpreter is not readable by nobody
            pytest.skip(f"cannot run as an unprivileged user here: {exc}")
        if user is not None and result.returncode != 0 and (
            "Permission denied" in result.stderr and "newsie" not in result.stderr
        ):
            pytest.skip(f"the interpreter is not usable by nobody: {result.stderr[-300:]}")
        assert result.returncode == 0, result.stderr[-3000:]
        assert "events" in result.stdout
        assert list(work.iterdir()) == []
    finally:
        _make_writable(base)


def test_one_pipeline_from_four_threads(sample_text):
    nlp = build_robust_pipeline()
    inputs = [*TEXTS, sample_text] * 4
    sequential = [fingerprint(nlp(t, published=PUBLISHED)) for t in inputs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: fingerprint(nlp(t, published=PUBLISHED)), inputs))
    assert threaded == sequential
