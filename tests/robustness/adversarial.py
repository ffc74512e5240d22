"""Adversarial documents for the linear-time tests and the benchmark."""

from __future__ import annotations

import random

NEWS = (
    "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体，投资3亿元。",
    "远望科技宣布向宁波市慈善总会捐赠500万元，专项用于受灾群众的安置与救助。",
    "前三季度国内生产总值同比增长5.2%，达到94.97万亿元。",
)


def adversarial_text(n_chars: int, seed: int = 7, *, clock_lines: bool = True) -> str:
    """About ``n_chars`` of runs of digits, punctuation, repeated 年月日 and 万亿, clock and
    date lines, mixed with news sentences; the same seed gives the same text.

    With ``clock_lines=False`` there are no clock lines, so the page splitter keeps it one
    document (the whole text goes through every stage at once)."""
    rng = random.Random(seed)
    pieces: list[str] = []
    size = 0
    while size < n_chars:
        kind = rng.randrange(8)
        if kind == 0:
            piece = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 40)))
        elif kind == 1:
            piece = "".join(rng.choice("。，、！？；：…—.-/:%") for _ in range(rng.randint(1, 40)))
        elif kind == 2:
            piece = "年月日" * rng.randint(1, 20)
        elif kind == 3:
            piece = "万亿" * rng.randint(1, 20)
        elif kind == 4 and not clock_lines:
            piece = "\n"
        elif kind == 4:
            piece = f"\n{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}\n"
        elif kind == 5:
            piece = f"\n{rng.randint(1990, 2030)}年{rng.randint(1, 13)}月{rng.randint(1, 32)}日\n"
        else:
            piece = rng.choice(NEWS)
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces)[:n_chars]
