"""Growth of every stage on adversarial inputs: is each one linear, and fast enough?

    python benchmarks/adversarial.py                      # every input, n .. 8n
    python benchmarks/adversarial.py -i P1 P5 html --scale 0.25 --repeats 1
    python benchmarks/adversarial.py --list

Each input of ``tests/robustness/adversarial.py`` (the P1..P5 inputs of issue 18 and the
classes the robustness tests check) is made at n, 2n, 4n and 8n units; the largest holds
about 1 MB of text or at least 8,000 mentions.  Every stage is timed on its own (``input``
is :func:`make_document`: HTML cleaning and character repair; after ``page`` a stage's
items are summed), the best of ``--repeats`` runs, in CPU seconds of this process by
default (``--clock wall`` for wall time): other processes on the machine then change the
figures little.  Printed per input and stage: seconds and chars/s (input characters) at
the largest size, and the growth exponent ``log2(t(8n) / t(4n))`` and its least-squares
fit over the sizes.  Targets: every exponent (the fit) <= 1.15 and every stage >= 50,000
chars/s.
Exponents of stages under 20 ms at the largest size are noise, shown in brackets and not
judged.  An input is not grown past a run longer than ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsie import Pipeline
from newsie.pipeline import PRESETS
from tests.robustness.adversarial import INPUTS, stage_work

#: n per input: 8n units make about 1 MB of text, or at least 8,000 mentions.
BASE = {
    "news": 3200,
    "P1-donor-lines": 1000,
    "P2-captions": 5000,
    "P3-one-line": 16000,
    "P4-open-tags": 32,
    "P5-trigger-run": 16000,
    "digit-run": 125_000,
    "brackets": 125_000,
    "nested-html": 5300,
    "emoji": 2800,
    "controls": 3200,
    "flash-items": 2800,
    "entities": 5000,
    "times": 4000,
    "mixed": 125_000,
    "mixed-whole": 125_000,
    "html-lt": 125_000,
    "html-open-tags": 42_000,
    "html-comments": 31_000,
    "html-scripts": 16_000,
    "html-entities": 25_000,
    "html-decls": 42_000,
    "html-close": 62_000,
}
MAX_EXPONENT = 1.15
MIN_RATE = 50_000
MIN_JUDGED = 0.02  # seconds at the largest size below which an exponent is noise
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def measure(nlp, make, base: int, repeats: int, budget: float, clock):
    """[(n, chars, {stage: best seconds})] for n, 2n, 4n, 8n (fewer past the budget).

    The sizes take turns (n, 2n, 4n, 8n, then again), so that a busy spell of the machine
    slows one round of all sizes rather than one size."""

    def timed(call) -> float:
        began = clock()
        call()
        return clock() - began

    texts = [make(base * factor) for factor in (1, 2, 4, 8)]
    best: list[dict[str, float]] = []
    for _ in range(repeats):
        for k, text in enumerate(texts):
            if k > len(best) or k == len(best) and best and best[-1]["total"] > budget:
                break  # the size before took too long: no larger one
            gc.collect()
            spent = stage_work(nlp, text, timed)
            if k == len(best):
                best.append(spent)
            elif best[k]["total"] <= budget:
                best[k] = {stage: min(t, spent[stage]) for stage, t in best[k].items()}
    return [(base * 2**k, len(texts[k]), times) for k, times in enumerate(best)]


def exponents(rows, stage: str) -> tuple[float, float]:
    """(last doubling, least-squares fit) of log t against log n."""
    xs = [math.log2(n) for n, _, _ in rows]
    ys = [math.log2(max(t[stage], 1e-6)) for _, _, t in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    fit = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return ys[-1] - ys[-2], fit


def report(name: str, unit: str, rows) -> list[str]:
    """Print the table of one input; return what misses the targets."""
    n, chars, times = rows[-1]
    print(f"\n{name}: {n:,} {unit}, {chars:,} chars at the largest of {len(rows)} sizes")
    print(f"  {'stage':<11}{'s':>8}{'chars/s':>15}{'exp':>8}{'fit':>8}")
    failures = []
    for stage, seconds in times.items():
        rate = chars / max(seconds, 1e-9)
        line = f"  {stage:<11}{seconds:>8.3f}{rate:>15,.0f}"
        if len(rows) >= 2:
            last, fit = exponents(rows, stage)
            judged = seconds >= MIN_JUDGED and stage != "total"
            cells = (f"{last:.2f}", f"{fit:.2f}") if judged else (f"({last:.2f})", f"({fit:.2f})")
            line += f"{cells[0]:>8}{cells[1]:>8}"
            if judged and fit > MAX_EXPONENT:
                failures.append(f"{name}/{stage}: exponent {fit:.2f} (fit), {last:.2f} (last)")
        if stage != "total" and rate < MIN_RATE:
            failures.append(f"{name}/{stage}: {rate:,.0f} chars/s")
        print(line)
    if len(rows) < 4:
        failures.append(f"{name}: stopped at {n:,} {unit} (over the budget)")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-i", "--inputs", nargs="+", help="names or prefixes (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    parser.add_argument("--preset", default="default", choices=sorted(PRESETS))
    parser.add_argument("--list", action="store_true", help="list the inputs and exit")
    args = parser.parse_args()
    if args.list:
        for name, (make, unit) in INPUTS.items():
            print(f"{name:<16}n={BASE[name]:<8,} {unit:<10}{make.__doc__.splitlines()[0]}")
        return
    names = [
        name for name in INPUTS
        if not args.inputs or any(name.startswith(prefix) for prefix in args.inputs)
    ]
    nlp = Pipeline(PRESETS[args.preset])
    stage_work(nlp, INPUTS["news"][0](50), lambda call: (call(), 0)[1])  # load models
    print(f"preset {args.preset}, {args.clock} clock, best of {args.repeats}")
    failures: list[str] = []
    for name in names:
        make, unit = INPUTS[name]
        base = max(1, round(BASE[name] * args.scale))
        rows = measure(nlp, make, base, args.repeats, args.budget, CLOCKS[args.clock])
        failures += report(name, unit, rows)
    print(f"\ntargets: exponent <= {MAX_EXPONENT}, >= {MIN_RATE:,} chars/s per stage")
    print("\n".join(f"  MISSED {f}" for f in failures) or "  all met")


if __name__ == "__main__":
    main()
