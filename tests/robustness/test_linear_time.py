"""No stage does superlinear work on any adversarial input, counted rather than timed.

For every input class of ``adversarial.py`` (issue 18's P1..P5, digit runs, brackets,
nested HTML, emoji, controls, flash items, entities, times, mixed junk, HTML junk), the
Python lines each stage runs in newsie (``tests/work.py``) are counted at n and 4n units:
4n may cost at most 4.4 times n, and no stage may run more than ``MAX_LINES_PER_CHAR``
lines per character.  Counts do not change on a busy machine, so these tests cannot fail
for being slow; the timings (n .. 8n, exponents, chars/s) are in
``benchmarks/adversarial.py``.  Work done in C (a regex, ``str.find``) is not counted
here: tests/robustness/test_clean.py and tests/stages/test_sentences.py count the
characters it goes over where that was quadratic (P3, P4).
"""

from __future__ import annotations

import pytest

from tests.work import lines

from .adversarial import INPUTS, stage_work
from .conftest import build_robust_pipeline

#: n per input (the large text is 4n): a few thousand characters.
SMALL = {
    "news": 100,
    "P1-donor-lines": 300,  # past the 64 latest mentions merging compares with
    "P2-captions": 150,
    "P3-one-line": 500,
    "P4-open-tags": 1,
    "P5-trigger-run": 500,
    "digit-run": 4000,
    "brackets": 4000,
    "nested-html": 150,
    "emoji": 100,
    "controls": 100,
    "flash-items": 100,
    "entities": 400,
    "times": 600,  # past the 64 latest mentions merging compares with (会议召开 x n)
    "mixed": 4000,
    "mixed-whole": 4000,
    "html-lt": 4000,
    "html-open-tags": 1300,
    "html-comments": 1000,
    "html-scripts": 500,
    "html-entities": 800,
    "html-decls": 1300,
    "html-close": 2000,
}
MAX_RATIO = 4.4  # 4x the input; 10% for the parts that do not grow evenly
SLACK = 2000  # lines: a stage that does almost nothing is not judged by its ratio
#: The events stage runs ~370 lines per character on P5 (one trigger every 8 characters),
#: ~30 on news; it ran ~4,000 before the candidates near a trigger were read first.
MAX_LINES_PER_CHAR = 600


@pytest.fixture(scope="module")
def nlp():
    return build_robust_pipeline()


def test_every_input_has_a_size():
    assert set(SMALL) == set(INPUTS)


@pytest.mark.parametrize("name", INPUTS)
def test_work_is_linear(name, nlp):
    make = INPUTS[name][0]
    small_text, large_text = make(SMALL[name]), make(4 * SMALL[name])
    stage_work(nlp, large_text, lines)  # first uses fill caches (models, T2S, ...)
    stage_work(nlp, small_text, lines)
    small, large = stage_work(nlp, small_text, lines), stage_work(nlp, large_text, lines)
    grown = {
        stage: f"{small[stage]:,} -> {large[stage]:,} lines"
        for stage in small
        if large[stage] > MAX_RATIO * small[stage] + SLACK
    }
    assert not grown, f"{name}: 4x the input, more than {MAX_RATIO}x the work: {grown}"
    heavy = {
        stage: round(count / len(large_text))
        for stage, count in large.items()
        if stage != "total" and count > MAX_LINES_PER_CHAR * len(large_text)
    }
    assert not heavy, f"{name}: lines per character over {MAX_LINES_PER_CHAR}: {heavy}"
