"""The token grammar: one regex of named atoms, and the mention regex built from it.

Atoms are single tokens (``2025年``, ``11月``, ``周三``, ``下午``, ``3点半``, ``次日`` ...).
A *mention* is a run of atoms (optionally joined by a space or a comma) and,
optionally, a range connector and a second run.  Every repetition is bounded and
every run is an atomic group, so matching is linear in the input length.
"""

from __future__ import annotations

import re
from functools import cache

from .rules import load

CN_DIGIT = "零〇○一二两三四五六七八九"
# A small Chinese number (0..99) or Arabic 1-2 digits.
CN_SMALL = r"(?:[二三四五]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[零〇○一二两三四五六七八九])"
NUM = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|[{CN_DIGIT}十百千廿]{{1,6}})"
UNIT = r"(?:秒钟?|分钟|小时|钟头|钟|天|日|周(?![年岁])|星期|礼拜|月|年)"
CONNECTOR = r"(?:至|到|-|~|—|–|－|～)"


def alt(words) -> str:
    """A regex for a set of literal words, as a trie (longest match first), so that a
    failing attempt costs one branch per character rather than one per word."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    return _trie(words)


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    branches = []
    for c in sorted(groups, key=lambda c: -max(len(x) for x in groups[c])):
        rest = groups[c]
        sub = _trie(rest) if any(rest) else ""
        if sub and "" in rest:
            branches.append(f"{re.escape(c)}(?:{sub})?")
        elif sub:
            branches.append(f"{re.escape(c)}(?:{sub})" if "|" in sub else f"{re.escape(c)}{sub}")
        else:
            branches.append(re.escape(c))
    body = "|".join(branches)
    if ends:
        return body  # the caller makes the group optional
    return body


@cache
def _guard(pattern: str) -> str:
    """Prefix a pattern with a one-character lookahead of its possible first characters."""
    chars = _first_chars(pattern)
    cls = "".join(sorted(re.escape(c) for c in chars))
    return f"(?=[{cls}])(?:{pattern})"


@cache
def _atoms() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(head atoms, tail atoms) as (name, pattern): built once, shared by every regex."""
    head, tail = _atom_lists()
    return tuple(head), tuple(tail)


def _atom_lists() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    lex = load("lexicon")
    zones = load("zones")["zones"]
    holidays = load("holidays")
    hol_names = [n for h in holidays.values() for n in h["names"]]
    pods = lex["parts_of_day"]
    long_pods = [p for p, v in pods.items() if not v.get("clock_only")]
    weekday = "[一二三四五六日天末]"
    day_words = list(lex["day_words"])
    guarded = {"后天", "后日", "前天", "前日"}
    plain_days = [w for w in day_words if w not in guarded]
    year_words = list(lex["year_words"])
    plain_years = [w for w in year_words if w not in ("后年", "前年")]
    vague = [w for w in lex["vague"] if w not in ("日前", "最近", "年内", "月内")]

    head = [
        ("hol", alt(hol_names)),
        ("zone", rf"(?:{alt(zones)})(?P<zoff>[+-]\d{{1,2}}(?::?\d{{2}})?)?(?![A-Za-z])"),
        ("lunar", r"农历|阴历|旧历"),
        ("era", r"公元(?=\s?(?:\d|[零〇○一二三四五六七八九]{4}))"),
        (
            "decade",
            r"(?P<decc>上个?世纪|本世纪|(?P<decn>19|20|二十|十九)世纪)?"
            r"(?<![\d.])(?P<decd>(?:1[5-9]|20)?[0-9]0|[一二三四五六七八九]十)年代",
        ),
        ("century", r"(?P<cenw>上个?|本|下个?)世纪|(?<![\d.])(?P<cenn>1[5-9]|2[01]|十[五六七八九]|二十一?)世纪"),
        ("iso", r"(?<![\d.])(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?![\d])"),
        ("ym", r"(?<![\d.])(?P<ymy>(?:19|20)\d\d)[-/.](?P<ymm>1[0-2]|0?[1-9])(?![\d.%])"),
        (
            "us",
            r"(?<![\d./:])(?P<um>1[0-2]|0?[1-9])/(?P<ud>3[01]|[12]\d|0?[1-9])"
            r"(?:/(?P<uy>\d{4}|\d\d))?(?![\d/%])",
        ),
        (
            "year",
            r"(?<![\d.])(?:(?P<y4>\d{4})|(?P<ycn>[零〇○一二三四五六七八九]{4}))\s?年(?:度(?!\d))?"
            r"(?!代|级|龄|纪|薪|金|息|化|均|利)",
        ),
        (
            "yy",
            r"(?<![\d.])(?P<y2>\d\d)年(?=\s?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)",
        ),
        (
            "relyear",
            rf"{alt(plain_years)}|(?<![今此以之其最然随落背先而往])(?:后年)|(?<![之以此提])前年",
        ),
        ("relmonth", alt(lex["month_words"])),
        (
            "relweek",
            rf"(?P<wp>{alt(lex['week_prefix'])})(?:周|星期|礼拜)"
            rf"(?:(?P<wpd>{weekday})(?![次遍回趟])|(?!期|年|刊|岁|报|边|围|转|全|密|长|到))",
        ),
        (
            "nth",
            r"的?第(?P<nthn>[一二三四五1-5])个?(?:星期|周|礼拜)(?P<nthd>[一二三四五六日天])",
        ),
        ("weekday", rf"(?:星期|礼拜|周)(?P<wd>{weekday})(?![次遍回趟年])"),
        (
            "relday",
            rf"{alt(plain_days)}|(?<![今此以之其最然随落背先而往])(?:后天|后日)"
            r"|(?<![之以此提])(?:前天|前日)",
        ),
        ("now", rf"(?<![展出体实表呈发再])(?:{alt(lex['now_words']['words'])})"),
        (
            "vague",
            rf"{alt(vague)}|(?<![节生期止末周今昨每假工作念])日前"
            r"|最近(?!的|距离|处|点|\d|[一二两三四五六七八九十几半数])"
            r"|(?<![\d几数多一二两三四五六七八九十百半个])[年月]内",
        ),
        ("half", r"[上下]半年|(?<![A-Za-z])(?P<hy>(?:19|20)\d\d)?[Hh](?P<hn>[12])(?![A-Za-z0-9])"),
        ("relq", r"(?P<rqp>本|这个|上个|下个|上|下)季度"),
        (
            "quarter",
            r"前?第?(?P<q>[一二三四1-4])季度"
            r"|(?<![A-Za-z])(?:(?P<qy>(?:19|20)\d\d)\s?)?[Qq](?P<q2>[1-4])(?![A-Za-z0-9])",
        ),
        (
            "edgeword",
            r"(?P<ew>年|月)(?:(?P<ewe>初|底|末)(?![步次期级衷心中赛选审稿见具创始代版线层部气牌座盘薪价])"
            r"|(?P<ewm>中)(?=[，。、；,.;!?！？\s]|$))",
        ),
        ("xun", r"[上中下]旬"),
        (
            "month",
            r"(?<![\d.个两几数])(?P<mo>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|正|腊|冬)月"
            r"(?P<mofen>份)?",
        ),
        (
            "few",
            r"(?<![\d.第])(?P<fn>好几|十几|几十|几|数|多)(?P<fg>个)?(?P<fu>天|日|周(?![年岁])|星期|礼拜|月|年|小时)"
            r"(?:(?:之|以)?(?P<fd>前|后)(?![天日年期者台端面方排辈后所线沿列景])|(?P<fl>以来|来(?![自看说到源])))?",
        ),
        ("anaph", rf"(?:此后|之后|其后|随后)(?P<an>{NUM})\s?(?P<ang>个)?(?P<anu>{UNIT})"),
        (
            "relsuf",
            rf"(?<![\d.第数几多余月])(?P<sn>{NUM}|半)\s?(?P<sg>个)?(?P<sx>半|多)?(?P<su>{UNIT})(?<!\d日)(?P<sh>半)?"
            r"(?:之|以)?(?P<sd>前|后)(?![天日年期者台端面方排辈后所线沿列景])",
        ),
        (
            "day",
            r"(?<![\d.])(?P<dd>3[01]|[12]\d|0?[1-9])\s?(?P<ddu>日|号)(?!元|币)"
            r"|(?P<dcn>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
            r"|卅一?|[一二三四五六七八九])(?P<dcu>日|号)"
            r"|(?P<ld>初[一二三四五六七八九十])(?![步次期级衷心中赛选审稿见具创始代版恋露])"
            r"|(?<=月)(?P<ldn>二十[一二三四五六七八九]?|十[一二三四五六七八九]|廿[一二三四五六七八九]|三十)"
            r"(?![\d万亿元个%])",
        ),
        (
            "clock",
            r"(?<![\d.:])(?P<ch>[01]?\d|2[0-4])[:：](?P<cm>[0-5]\d)(?:[:：](?P<cs>[0-5]\d))?(?![\d:])"
            r"(?:\s?(?P<cap>[AaPp]\.?[Mm]\.?(?![A-Za-z])|[AaPp](?![A-Za-z])))?",
        ),
        ("ampm", r"(?<![\d.:])(?P<ah>1[0-2]|0?[1-9])\s?(?P<aap>[AaPp]\.?[Mm]\.?)(?![A-Za-z])"),
        (
            "hour",
            rf"(?<![\d.第])(?P<kh>2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九])"
            r"(?P<kp>点钟?|时)"
            r"(?P<kmin>半|[一三]刻|整|[踏搭]半"
            rf"|(?:[踏搭过])?(?:[0-5]?\d|零[一二三四五六七八九]|{CN_SMALL})(?:分钟?|个字)?)?"
            rf"(?:(?P<ksec>[0-5]?\d|{CN_SMALL})秒)?"
            r"(?!间|期|代|候|常|尚|髦|光|空|节|段|效|机|事|局|装|速|针|差|区|态|令|隔|儿|滴|子|击|赞|评|名|位|数|钟头|[\d.%万亿个]"
            r"|建议|意见|要求|希望|共识|主张|倡议|看法|措施|举措|做法|内容|原则|理由|启示|经验|体会|成果"
            r"|收获|变化|理念|原因|思考|考虑|目标|任务|方面|部署|安排|工作|遵循|认识|体现|优势|特点)",
        ),
        (
            "pod",
            rf"{alt(long_pods)}|(?<=[日号天])[早晚](?![上间饭餐会宴报点稻市些了安年])|(?P<podc>[早晚])(?=\s?(?:\d{{1,2}}|二十[一二三四]?|十[一二]?|[一二三四五六七八九])[点时:：])",
        ),
        (
            "relpre",
            r"(?P<rnd>过去|未来|最近|接下来|今后|(?<![接靠附将临])近|(?<![之以此提目当空史元])前"
            r"|(?<![最之此然以其落背先而往今])后|(?<![线以之向])上|(?<![线以之])下)"
            rf"(?P<rnn>{NUM})\s?(?P<rng>个)?(?P<rnu>{UNIT})"
            r"(?P<rnl>来)?(?![前后以内])",
        ),
        (
            "set",
            r"每(?:个|一)?(?P<setu>年|月|周|星期|礼拜|天|日|晚|早|小时|季度)(?:(?P<setwd>[一二三四五六日天])(?![次遍回趟]))?",
        ),
        (
            "dur",
            rf"(?<![\d.第数几多余])(?P<dn>{NUM}|半)\s?(?P<dg>个)?(?P<dx>多|半)?(?P<du>{UNIT}|季度)(?P<dh>半)?"
            r"(?P<dl>以来|来(?![自看说到源]))?",
        ),
        (
            "bare",
            r"(?<![\d.])(?P<bn>\d{1,4})(?=\s?" + CONNECTOR + r"\s?\d{1,4}\s?(?:年|月|日|号|点|时))"
            r"|(?P<bcn>" + CN_SMALL + r")(?=(?:至|到|-)" + CN_SMALL + r"(?:月|日|号|点|时|季度))",
        ),
    ]
    approx = lex["fuzzy"]["approx"]
    since = lex["fuzzy"]["since"]
    tail = [
        (
            "edge",
            r"(?P<e>初|底|末)(?![步次期级衷心中赛选审稿见具创始代版线层部气牌座盘薪价恋露端尾班日世梢位流])|(?P<em>中)(?=[，。、；,.;!?！？\s)）」”]|$)",
        ),
        ("since", alt(since)),
        ("approx", alt(approx)),
        ("gong", r"公历|阳历|期间|全年|全天|全月|假期|小长假|长假|黄金周"),
    ]
    return head, tail


_NAMED = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=\w+\)")


def _unname(pattern: str) -> str:
    assert not _BACKREF.search(pattern)
    return _NAMED.sub("(?:", pattern)


@cache
def atom_regex() -> re.Pattern:
    """One alternation of all atoms, each a named group (``m.lastgroup`` is its kind)."""
    head, tail = _atoms()
    # head atoms first so that e.g. 年初 (edgeword) beats 初 (edge tail)
    return re.compile("|".join(f"(?P<{n}>{_guard(p)})" for n, p in head + tail))


class Mention:
    """Spans of a matched mention: the left run and, for a range, the right run."""

    __slots__ = ("left", "right", "end")

    def __init__(self, left: tuple[int, int], right: tuple[int, int] | None) -> None:
        self.left, self.right = left, right
        self.end = right[1] if right else left[1]


@cache
def continuation() -> re.Pattern:
    """After the first atom: more atoms, then optionally a connector and a second run.

    Both runs are atomic groups and the repetition is bounded, so this is linear.
    """
    head, tail = _atoms()
    head_alt = "|".join(_guard(_unname(p)) for _, p in head)
    any_alt = "|".join(_guard(_unname(p)) for _, p in head + tail)
    sep = r"(?:[ \t]|[,，][ \t]?)?"
    seq = rf"(?>(?:{head_alt})(?:{sep}(?:{any_alt})){{0,10}})"
    return re.compile(
        rf"(?>(?:{sep}(?:{any_alt})){{0,10}})(?P<le>)(?:[ \t]?{CONNECTOR}[ \t]?(?P<right>{seq}))?"
    )


@cache
def _first(names: tuple[str, ...]) -> re.Pattern:
    """The first atom of a mention, restricted to the atoms ``names``."""
    head, _ = _atoms()
    return re.compile("|".join(_guard(_unname(p)) for n, p in head if n in names))


@cache
def dispatch() -> dict[str, _Dispatch]:
    """Map each possible first character to a matcher whose first-atom regex holds only
    the atoms that can start with it, so that a false candidate fails after a few branches."""
    head, _ = _atoms()
    by_char: dict[str, list[str]] = {}
    for name, pattern in head:
        for c in _first_chars(pattern):
            by_char.setdefault(c, []).append(name)
    return {c: _Dispatch(tuple(names)) for c, names in by_char.items()}


class _Dispatch:
    """First atom (regex compiled on first use) + the shared continuation regex."""

    __slots__ = ("names", "pattern")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names, self.pattern = names, None

    def match(self, text: str, pos: int) -> Mention | None:
        if self.pattern is None:
            self.pattern = _first(self.names)
        m = self.pattern.match(text, pos)
        if m is None:
            return None
        c = continuation().match(text, m.end())
        if c.group("right") is None:
            return Mention((pos, c.end()), None)
        return Mention((pos, c.start("le")), c.span("right"))

    def fullmatch(self, text: str) -> Mention | None:
        if self.pattern is None:
            self.pattern = _first(self.names)
        m = self.pattern.match(text)
        if m is not None and m.end() == len(text):  # one atom: no continuation needed
            return Mention((0, m.end()), None)
        found = self.match(text, 0)
        return found if found is not None and found.end == len(text) else None


@cache
def prefilter_regex() -> re.Pattern:
    """Where a mention may start: a character that can start one, followed (when the
    grammar bounds what may follow it, see :func:`second_chars`) by a character that
    can follow some first character.  A cheap necessary condition, checked in C; the
    exact second-character check follows in Python."""
    second = second_chars()
    any_next = "".join(sorted(re.escape(c) for c, follow in second.items() if follow is None))
    bounded = "".join(sorted(re.escape(c) for c, follow in second.items() if follow is not None))
    nexts = set().union(*(follow for follow in second.values() if follow is not None))
    union = "".join(sorted(re.escape(c) for c in nexts))
    return re.compile(f"[{any_next}]|[{bounded}](?=[{union}])")


def _first_chars(pattern: str) -> set[str]:
    """Over-approximate the set of characters a pattern can start with.

    Uses sre's parser on the pattern; falls back to 'any CJK/ASCII char we know'.
    """
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def first(items) -> tuple[set[str], bool]:
        """Return (chars, can_be_empty)."""
        out: set[str] = set()
        for op, av in items:
            chars, empty = first_op(op, av)
            out |= chars
            if not empty:
                return out, False
        return out, True

    def first_op(op, av) -> tuple[set[str], bool]:
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out |= {chr(c) for c in range(iav[0], iav[1] + 1)}
                elif iop is C.CATEGORY:
                    out |= set("0123456789") if iav is C.CATEGORY_DIGIT else set(" \t\n")
                else:
                    raise ValueError(iop)
            return out, False
        if op is C.BRANCH:
            out, empty = set(), False
            for b in av[1]:
                ch, e = first(b)
                out |= ch
                empty |= e
            return out, empty
        if op is C.SUBPATTERN:
            return first(av[-1])
        if op is C.ATOMIC_GROUP:
            return first(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            ch, e = first(sub)
            return ch, e or lo == 0
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT, C.GROUPREF):
            return set(), True
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            return set("0123456789"), False
        raise ValueError(op)

    chars, empty = first(sre_parse.parse(pattern))
    if empty:
        raise ValueError(f"atom may match the empty string: {pattern[:40]}")
    return chars


@cache
def second_chars() -> dict[str, frozenset[str] | None]:
    """For each first character, the characters that may follow it in a mention
    (None: any).  A cheap check that rejects most false candidates before the regex."""
    head, _ = _atoms()
    out: dict[str, set[str] | None] = {}
    for _, pattern in head:
        try:
            prefixes = _prefixes(pattern, 2)
        except ValueError:
            prefixes = {c for c in _first_chars(pattern)}
        for p in prefixes:
            c = p[0]
            if len(p) == 1:
                out[c] = None
            elif out.get(c, set()) is not None:
                out.setdefault(c, set()).add(p[1])
    return {c: (None if v is None else frozenset(v)) for c, v in out.items()}


def _prefixes(pattern: str, k: int) -> set[str]:
    """All strings of length <= k that a match of ``pattern`` can start with (shorter
    ones: the match may end there).  Raises ValueError for constructs it cannot bound."""
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    def seq(items, k: int) -> set[str]:
        results = {""}
        for op, av in items:
            nxt: set[str] = set()
            for r in results:
                if len(r) >= k:
                    nxt.add(r)
                    continue
                for e in one(op, av, k - len(r)):
                    nxt.add(r + e)
            results = nxt
            if len(results) > 20000:
                raise ValueError("too many prefixes")
        return results

    def one(op, av, k: int) -> set[str]:
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out |= {chr(c) for c in range(iav[0], iav[1] + 1)}
                elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
                    out |= set("0123456789")
                else:
                    raise ValueError(iop)
            return out
        if op is C.BRANCH:
            return set().union(*(seq(b, k) for b in av[1]))
        if op is C.SUBPATTERN:
            return seq(av[-1], k)
        if op is C.ATOMIC_GROUP:
            return seq(av, k)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            results, acc = {""}, set()
            for i in range(min(hi, k) + 1):
                if i >= lo:
                    acc |= results
                if i == min(hi, k):
                    break
                results = {r + e for r in results for e in seq(sub, k) if len(r) < k} | {
                    r for r in results if len(r) >= k
                }
            return {r[:k] for r in acc}
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return {""}
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            return set("0123456789")
        raise ValueError(op)

    return {p[:k] for p in seq(sre_parse.parse(pattern), k) if p}
