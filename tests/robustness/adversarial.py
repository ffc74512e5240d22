"""Adversarial documents for the linear-time tests and ``benchmarks/adversarial.py``.

:data:`INPUTS` maps a name to ``(make, unit)``: ``make(n)`` is a text of ``n`` units
(lines, sentences, items, characters, ...), the same text for the same ``n``.
:func:`stage_work` measures each stage of a pipeline on one text.
"""

from __future__ import annotations

import random
from collections.abc import Callable

PUBLISHED = "2025-11-28T10:00:00+08:00"

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


def _name(i: int) -> str:
    """A distinct three-letter word for every ``i`` < 26**3 (AAA, BAA, ...)."""
    return "".join(chr(65 + i // 26**k % 26) for k in range(3))


def donor_lines(n: int) -> str:
    """P1: a roundup of ``n`` donations, one line each (n mentions of one event type)."""
    return "\n".join(f"远望{_name(i)}科技有限公司宣布向宁波市慈善总会捐赠{i + 1}万元。" for i in range(n))


def caption_lines(n: int) -> str:
    """P2: ``n`` paragraphs, each followed by a caption line (图片): n furniture spans."""
    return "\n".join(f"马斯克宣布离职，特斯拉股价第{i + 1}次下跌。\n图片" for i in range(n))


def one_line(n: int) -> str:
    """P3: ``n`` sentences on one line, no line break anywhere."""
    return "马斯克宣布离职。" * n


def open_tags(n: int, run: int = 4000) -> str:
    """P4: HTML with ``n`` runs of ``<aaaa…`` (``run`` letters, no ``>``)."""
    return "<html><body><p>" + ("<" + "a" * run) * n + "</p></body></html>"


def trigger_run(n: int) -> str:
    """P5: one sentence without punctuation holding ``n`` times 商汤科技宣布捐赠."""
    return "商汤科技宣布捐赠" * n


def digit_run(n: int) -> str:
    """Two runs of ``n / 2`` digits in a sentence: an amount, and an age (…岁男子)."""
    run = "1234567890" * (n // 20)
    return f"远望科技宣布捐赠{run}万元，{run}岁男子被刑拘。"


def brackets(n: int) -> str:
    """``n`` unclosed opening brackets and quotes, then news, then ``n`` closing ones."""
    opening, closing = "（【《“「(", "）】》”」)"
    return opening * (n // 12) + NEWS[1] + closing * (n // 12)


def nested_html(n: int) -> str:
    """``n`` nested ``<div><span>`` elements, text in the innermost."""
    return "<html><body>" + "<div><span>" * n + NEWS[1] + "</span></div>" * n + "</body></html>"


def emoji(n: int) -> str:
    """``n`` news sentences strewn with emoji, ZWJ sequences and flags."""
    marks = ("😀", "👨\u200d👩\u200d👧\u200d👦", "🇨🇳", "❤️", "🏳️\u200d🌈")
    return "".join(
        NEWS[i % 3].replace("，", marks[i % 5] + "，", 1) + marks[(i + 2) % 5] for i in range(n)
    )


def controls(n: int) -> str:
    """``n`` news sentences with C0/C1 controls, NUL, lone CR, U+2028 and a lone surrogate."""
    bad = ("\x00", "\x07", "\x1b", "\r", "\x85", "\u2028", "\x0c", "\ud800", "\x9f")
    return "".join(NEWS[i % 3][:10] + bad[i % 9] + NEWS[i % 3][10:] for i in range(n))


def flash_items(n: int) -> str:
    """A page with a 快讯 list of ``n`` dated flash items."""
    rows = [NEWS[0], "最新快讯", "2025年11月28日"]
    for i in range(n):
        rows += [f"{i // 60 % 24:02d}:{i % 60:02d}", NEWS[i % 3]]
    return "\n".join(rows)


_ENTITIES = ("北京", "上海", "华为", "腾讯", "宁波市", "中国科学院", "习近平", "马斯克")


def many_entities(n: int) -> str:
    """``n`` entity names in lists of ten (北京、上海、华为、...)."""
    out = []
    for i in range(0, n, 10):
        out.append("、".join(_ENTITIES[(i + k) % 8] for k in range(min(10, n - i))) + "等单位参会。")
    return "".join(out)


_TIMES = ("2025年11月28日", "上午10时", "下周三", "今年前三季度", "13:39", "11月底", "昨天晚上")


def many_times(n: int) -> str:
    """``n`` time expressions, a few per sentence."""
    return "".join(
        f"{_TIMES[i % 7]}至{_TIMES[(i + 1) % 7]}，会议召开。" for i in range(0, n, 2)
    )


def mixed(n: int) -> str:
    """:func:`adversarial_text` of ``n`` characters, clock lines included (split page)."""
    return adversarial_text(n)


def mixed_whole(n: int) -> str:
    """:func:`adversarial_text` of ``n`` characters without clock lines (one document)."""
    return adversarial_text(n, clock_lines=False)


#: The markup the HTML cleaner was once slow on, as in tests/robustness/test_clean.py.
HTML_JUNK = {
    "lt": "<",
    "open-tags": "<a ",
    "comments": "<!--",
    "scripts": "<script>",
    "entities": "&amp;",
    "decls": "<!x",
    "close": "</",
}


def html_junk(kind: str) -> Callable[[int], str]:
    """``make(n)``: an HTML page of ``n`` times a piece of :data:`HTML_JUNK`."""

    def make(n: int) -> str:
        return "<html><body>" + HTML_JUNK[kind] * n

    make.__doc__ = f"An HTML page of ``n`` times {HTML_JUNK[kind]!r}."
    return make


def news(n: int) -> str:
    """``n`` ordinary news sentences (the reference)."""
    return "\n".join(NEWS[i % 3] for i in range(n))


#: name -> (make(n), unit of n)
INPUTS: dict[str, tuple[Callable[[int], str], str]] = {
    "news": (news, "sentences"),
    "P1-donor-lines": (donor_lines, "lines"),
    "P2-captions": (caption_lines, "captions"),
    "P3-one-line": (one_line, "sentences"),
    "P4-open-tags": (open_tags, "runs"),
    "P5-trigger-run": (trigger_run, "repeats"),
    "digit-run": (digit_run, "chars"),
    "brackets": (brackets, "chars"),
    "nested-html": (nested_html, "levels"),
    "emoji": (emoji, "sentences"),
    "controls": (controls, "sentences"),
    "flash-items": (flash_items, "items"),
    "entities": (many_entities, "entities"),
    "times": (many_times, "times"),
    "mixed": (mixed, "chars"),
    "mixed-whole": (mixed_whole, "chars"),
    **{f"html-{kind}": (html_junk(kind), "pieces") for kind in HTML_JUNK},
}


def stage_work(nlp, text: str, measure: Callable[[Callable[[], object]], float]) -> dict[str, float]:
    """``measure(call)`` of every stage of ``nlp`` on ``text``, by stage name (``input``:
    making the Document; after a page split, a stage's items summed); ``total``: the sum.
    The cyclic garbage collector is paused, as in ``Pipeline.__call__``."""
    from newsie._compact import gc_paused
    from newsie.io.inputs import make_document

    spent: dict[str, float] = {}
    made = []

    def run(doc, start: int) -> None:
        for i in range(start, len(nlp._slots)):
            slot, out = nlp._slots[i], []
            spent[slot.name] = spent.get(slot.name, 0) + measure(
                lambda slot=slot, out=out, doc=doc: out.append(slot.component(doc))
            )
            if slot.splits:
                if len(out[0]) == 1 and out[0][0] is doc:
                    continue
                for item in out[0]:
                    run(item, i + 1)
                return
            doc = out[0]

    with gc_paused():
        spent["input"] = measure(
            lambda: made.append(make_document(text, published=PUBLISHED, max_chars=None))
        )
        run(made[0], 0)
    spent["total"] = sum(spent.values())
    return spent
