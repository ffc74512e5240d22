"""Issue 18 P5: in a long part full of triggers and names, a trigger scores few of them.

A role's candidates are scored from the highest bound of a score down (``roles._choose``), and
in a part with many fillers a trigger reads those near it first (``_Near``), the whole
part only when a filler further away could change the choice.  The work is counted (calls
of ``score`` and ``bound``), and the events are the same as when every filler of the part
is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsie
from newsie.events import extractor, roles
from tests.robustness.adversarial import NEWS, donor_lines, trigger_run

NEWS_DAYS = Path(__file__).resolve().parents[3] / "shared/data/news/xinwenlianbo-2025h2"


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


def _calls(fn, names=("score", "bound")) -> dict[str, int]:
    """Calls of the functions of events/roles.py named ``names`` while ``fn()`` runs."""
    counts = dict.fromkeys(names, 0)

    def profile(frame, event, arg):
        code = frame.f_code
        if event == "call" and code.co_name in counts and code.co_filename == roles.__file__:
            counts[code.co_name] += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return counts


@pytest.mark.parametrize("n", [250, 2000])
def test_a_trigger_scores_few_candidates(nlp, n):
    """商汤科技宣布捐赠 x n, no punctuation: every candidate was scored for every trigger
    (~375 per trigger in a 2,000-character window).  Now a few, whatever n is."""
    text = trigger_run(n)
    counts = _calls(lambda: nlp(text, max_chars=None))
    assert counts["score"] <= 3 * n, counts  # one trigger (捐赠) per repeat
    assert counts["bound"] <= 40 * n, counts


def _events(nlp, texts) -> list[str]:
    return [
        nlp(t, published="2025-11-28T19:00:00+08:00", max_chars=None).model_dump_json(
            include={"events", "items"}
        )
        for t in texts
    ]


@pytest.fixture(scope="module")
def texts():
    """Long parts with many fillers, and five days of news when ../shared has them."""
    made = [
        "，".join(NEWS) * 20,
        donor_lines(60).replace("\n", "，"),
        trigger_run(300),
        "，".join(s.rstrip("。") for s in NEWS) + "。" + "华为与腾讯、北京和上海，" * 30 + NEWS[1],
    ]
    return made + [p.read_text(encoding="utf-8") for p in sorted(NEWS_DAYS.glob("*.md"))[:5]]


def _max(candidates, score, bound):
    """What ``_best`` stands for: score every candidate."""
    first = max(range(len(candidates)), key=lambda i: score(candidates[i]))
    return first, score(candidates[first])


def test_scoring_few_candidates_changes_no_event(nlp, texts, monkeypatch):
    """_best gives max(candidates, key=score): bound() is never below score()."""
    fast = _events(nlp, texts)
    monkeypatch.setattr(roles, "_best", _max)
    assert _events(nlp, texts) == fast


def test_reading_near_first_changes_no_event(nlp, texts, monkeypatch):
    """With every part read near the trigger first (and tiny radii), the events are those
    of reading whole parts: the check that a choice is settled is exact."""
    monkeypatch.setattr(extractor, "NEAR_FILLERS", 10**9)
    whole = _events(nlp, texts)
    monkeypatch.setattr(extractor, "NEAR_FILLERS", 0)
    for radius in (8, 24, 48):
        monkeypatch.setattr(extractor, "NEAR", radius)
        assert _events(nlp, texts) == whole, radius
