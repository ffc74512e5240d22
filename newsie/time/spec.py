"""From atom matches to ``Spec`` objects: the unresolved fields of one expression."""

from __future__ import annotations

import re

from .grammar import WEEKDAY_APPOSITION, atom_table
from .holidays import excluded
from .numerals import to_int, to_number
from .rules import load, table

_LEX = load("lexicon")
WEEKDAYS: dict[str, int] = dict(_LEX["weekdays"])
WEEK_PREFIX: dict[str, int] = dict(_LEX["week_prefix"])
DAY_WORDS: dict[str, dict] = _LEX["day_words"]
YEAR_WORDS: dict[str, dict] = _LEX["year_words"]
MONTH_WORDS: dict[str, dict] = _LEX["month_words"]
UNITS: dict[str, dict] = _LEX["units"]
SETS: dict[str, str] = _LEX["sets"]
SPECIAL_MONTHS = {"正": 1, "腊": 12, "冬": 11}
#: reign eras and other year counts (corpora/time/eras.tsv): name -> (first, last, lunar)
ERAS: dict[str, tuple[int, int | None, bool]] = {
    row["name"]: (int(row["first"]), int(row["last"]) if row["last"] else None, row["calendar"] == "lunar")
    for row in table("eras")
}
#: five-year plans (corpora/time/five_year_plans.tsv): number -> first year
PLANS: dict[int, int] = {int(row["number"]): int(row["first"]) for row in table("five_year_plans")}
#: holidays that are also everyday words (小雪, 雨水): in running text only with context
CONTEXT_HOLIDAYS = frozenset(
    n for h in load("holidays").values() if h.get("context") for n in h["names"]
)
_TERM_NEXT = ("节气", "时节", "当天", "这天", "之际", "前后", "之日", "当日")
# 初期 / 末叶 / 后期 ... -> the edge they name (lexicon.toml [edges.decade] ...)
PERIOD_EDGES = {
    "初": "初", "初期": "初", "初叶": "初", "前期": "初",
    "中": "中", "中期": "中", "中叶": "中",
    "末": "末", "末期": "末", "末叶": "末", "后期": "末", "底": "末",
    "上半叶": "上半叶", "前半叶": "上半叶", "下半叶": "下半叶", "后半叶": "下半叶",
}
# units a period can be cut into (前三个月, 第二周, 最后一天) -> grain
SEL_UNITS = {
    "月": "month", "季度": "quarter", "周": "week", "星期": "week", "礼拜": "week",
    "天": "day", "日": "day",
}
_MODIFIERS = frozenset({"edge", "since", "approx", "gong", "pedge", "open", "same", "season", "de", "early"})
# characters after "N号" that show it is a number plate, not a date (3号线, 1号文件)
_NOT_DAY_AFTER = set("线楼院机床车文位种队人馆厅台门口码店路街房室窗桌柜箱件令章条款项球馆站厂舱星")
_SEP = re.compile(rf"(?:[ \t]|[,，][ \t]?|(?<=[日号]){WEEKDAY_APPOSITION})?")


class Spec:
    """Unresolved fields of one time expression (a bag of optional slots).

    Unset slots read as the class default None; only set ones live in ``__dict__``.
    """

    FIELDS = (
        "start",
        "end",
        "special",
        "year",
        "yoff",
        "yprev",
        "month",
        "moff",
        "mprev",
        "day",
        "doff",
        "dprev",
        "pdate",
        "week",
        "weekday",
        "weekend",
        "nth",
        "hol",
        "quarter",
        "qfirst",
        "half",
        "edge",
        "edge_of",
        "xun",
        "pod",
        "clock",
        "hour",
        "minute",
        "second",
        "ampm",
        "cn_hour",
        "zone",
        "zoff",
        "lunar",
        "approx",
        "since",
        "firstn",
        "setp",
        "bare",
        "bare_cn",
        "explicit_year",
        "day_cn",
        "fill",
        "qoff",
        "open",
        "open_start",
        "yy",
        "fiscal",
        "era_lunar",
        "sel",
        "half_of",
        "hoff",
        "hour2",
        "same",
        "pedge",
        "inh_year",
        "inh_day",
        "ganzhi",
        "earlier",
    )

    locals().update(dict.fromkeys(FIELDS))

    def __init__(self, start: int) -> None:
        self.start = self.end = start
        self.fill = set()

    def empty(self) -> bool:
        return not self.fill and self.special is None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        fields = {k: v for k, v in self.__dict__.items() if v not in (None, set())}
        return f"Spec({fields})"


def tokenize(text: str, start: int, end: int) -> list[re.Match]:
    """The atoms covering ``text[start:end]`` (which the mention regex matched)."""
    table = atom_table()
    out = []
    pos = start
    while pos < end:
        atoms = table.get(text[pos])
        m = atoms.match(text, pos) if atoms is not None else None
        if m is not None and m.end() > end:
            m = atoms.match(text, pos, end)
        if m is None:
            sep = _SEP.match(text, pos, end)
            if sep is None or sep.end() == pos:
                pos += 1  # should not happen: the mention regex guarantees atoms
            else:
                pos = sep.end()
            continue
        out.append(m)
        pos = m.end()
    return out


def build(text: str, matches: list[re.Match], strict: bool, right: bool = False) -> list[Spec]:
    """Group atoms into specs; a new spec starts when a slot would be filled twice.
    ``right``: the atoms are the right end of a range (十四号 of 八号到十四号 is a day)."""
    if len(matches) == 1:  # fast path: one atom
        m = matches[0]
        kind = m.lastgroup
        if kind in _MODIFIERS:
            return []
        one = Spec(m.start())
        one.end = m.end()
        return (
            [one]
            if _apply(one, m, kind, text) and not one.empty() and _keep(one, text, strict, right)
            else []
        )
    specs: list[Spec] = []
    cur = Spec(matches[0].start() if matches else 0)
    prev_kind = None
    for m in matches:
        kind = m.lastgroup
        if kind in _MODIFIERS and not cur.empty():
            if not _modify(cur, m, kind, prev_kind):
                continue
            cur.end = m.end()
            prev_kind = kind
            continue
        if kind in _MODIFIERS or (kind == "era" and not cur.empty()):
            continue
        if kind == "relday" and cur.hol is not None and m.start() == cur.end:
            word = DAY_WORDS[m.group(kind)]
            if word.get("anchor") == "previous" and word["offset"] == 0:
                # 教师节当天, 圣诞节当晚: the holiday's own day, not the day told before
                if "part" in word:
                    cur.pod = word["part"]
                    cur.fill.add("pod")
                cur.end = m.end()
                prev_kind = kind
                continue
        new = Spec(m.start())
        if not _apply(new, m, kind, text):
            continue
        gap = text[cur.end : m.start()] if m.start() > cur.end else ""
        if (
            gap
            and ("," in gap or "，" in gap)
            and not (cur.fill <= {"weekday"} and cur.special is None)
            and not new.fill <= {"zone"}
        ):
            if not cur.empty():
                specs.append(cur)
            cur = new
            cur.end = m.end()
            prev_kind = kind
            continue
        if _fits(cur, new, kind):
            _merge(cur, new)
            cur.end = m.end()
        else:
            if not cur.empty():
                specs.append(cur)
            cur = new
            cur.end = m.end()
        prev_kind = kind
    if not cur.empty():
        specs.append(cur)
    return [s for s in specs if _keep(s, text, strict, right)]


_CUTS = frozenset({"sel", "nth"})
_PERIODS = frozenset({"year", "month", "quarter", "half", "week"})
_NOT_CUT = frozenset({"day", "sel", "nth", "clock", "pod", "hol", "weekday", "xun", "edge"})


def _fits(cur: Spec, new: Spec, kind: str) -> bool:
    if cur.empty():
        return True
    if new.fill & _CUTS:  # 5月第二周, 2022年的最后3个月, 五月的最后一个星期五
        return (
            cur.special is None
            and not cur.fill & _NOT_CUT
            and bool(cur.fill & _PERIODS)
            and ("nth" not in new.fill or "month" in cur.fill)
        )
    if cur.special is not None or new.special is not None:
        # "今年" + "前10个月" -> the first ten months of this year; "2022年" + "后四个月"
        if (
            new.special
            and new.special[0] == "rel"
            and new.special[1] in ("前", "后")
            and new.special[3] in SEL_UNITS
            and cur.special is None
            and cur.fill & _PERIODS
            and not cur.fill & _NOT_CUT
        ):
            _, word, n, unit, _ge = new.special
            if n != int(n) or not 1 <= n <= 99:
                return False
            new.special = None
            new.sel = ("first" if word == "前" else "last", int(n), SEL_UNITS[unit])
            new.fill = {"sel"}
            return True
        if cur.special and new.special is None and cur.special[0] == "set":
            return not (cur.fill & new.fill)
        if new.special is None and new.fill <= {"zone"}:
            return True
        if cur.special is None and cur.fill <= {"zone"} and new.special[0] != "set":
            return True
        return False
    return not (cur.fill & new.fill)


def _merge(cur: Spec, new: Spec) -> None:
    fill = cur.fill
    for name, value in new.__dict__.items():
        if value is not None and name not in ("start", "end", "fill"):
            setattr(cur, name, value)
    cur.fill = fill | new.fill


_DATE_KINDS = frozenset(
    {"year", "relyear", "month", "relmonth", "iso", "ym", "yy", "reign", "fy", "ymd8", "ymd2", "roc"}
)
_PERIOD_KINDS = frozenset({"decade", "century", "fyp"})
_YEAR_KINDS = frozenset({"year", "relyear", "yy", "reign", "fy", "ganzhi", "roc"})
_OPEN = {"ob": "before", "oa": "after", "os": "after", "ok": "start", "ow": "within", "ou": "before"}


def _modify(cur: Spec, m: re.Match, kind: str, prev_kind: str | None) -> bool:
    """Apply a modifier atom (edge, 以来, 左右, 以后, 同期 ...) to the spec it follows;
    False when it does not apply (the atom is then left out of the spec)."""
    adjacent = m.start() == cur.end
    if kind == "edge":
        if not adjacent:
            return False
        if prev_kind in _DATE_KINDS:
            _edge(cur, m)
            return True
        if prev_kind in ("quarter", "relq") and cur.edge is None:  # 三季度末: its last month
            cur.edge, cur.edge_of = m.group("e") or m.group("em"), "quarter"
            cur.fill.add("edge")
            return True
        if prev_kind in _PERIOD_KINDS and cur.pedge is None:
            cur.pedge = PERIOD_EDGES[m.group("e") or m.group("em")]
            return True
        return False
    if kind in ("season", "de"):  # 2022年春天; 当年的3月
        if not adjacent or prev_kind not in _YEAR_KINDS or cur.fill & {"month", "day", "edge"}:
            return False
        if kind == "season":
            cur.edge, cur.edge_of = m.group("ssn"), "year"
            cur.fill.add("edge")
        return True
    if kind == "early":  # 本周早些时候
        if not adjacent or cur.earlier is not None:
            return False
        cur.earlier = "early" if "早" in m.group("ely") else "late"
        return True
    if kind == "pedge":
        if not adjacent or cur.pedge is not None:
            return False
        if prev_kind in _PERIOD_KINDS:
            cur.pedge = PERIOD_EDGES[m.group("pe")]
            return True
        return False
    if kind == "since":
        cur.since = True
    elif kind == "approx":
        cur.approx = True
    elif kind == "same":  # 去年同期: the same period a year before
        if not adjacent or cur.special is not None or cur.fill - {"year", "zone"}:
            return False
        cur.same = True
    elif kind == "open":
        if not adjacent or cur.open is not None:
            return False
        which = _OPEN[m.lastgroup] if m.lastgroup in _OPEN else _open_group(m)
        sp = cur.special
        if sp is not None:
            tag = sp[0]
            if which == "within":
                if tag not in ("dur", "rel", "vague", "period", "century", "decade"):
                    return False
                if tag == "dur" and sp[2] not in UNITS:
                    return False
            elif tag not in ("vague", "period", "century", "decade", "now"):
                return False
        elif cur.fill <= {"zone", "approx"}:
            return False
        if which == "start":
            cur.open_start = True
        else:
            cur.open = which
    return True


def _open_group(m: re.Match) -> str:
    for group, which in _OPEN.items():
        if m.group(group) is not None:
            return which
    raise ValueError(m.group())


def _edge(spec: Spec, m: re.Match) -> None:
    spec.edge = m.group("e") or m.group("em")
    spec.edge_of = "month" if ("month" in spec.fill) else "year"
    spec.fill.add("edge")


_CUTS_ONLY = frozenset({"sel", "nth", "zone", "lunar"})


def _keep(spec: Spec, text: str, strict: bool, right: bool = False) -> bool:
    """Drop specs that are not times on their own (strict mode is for running text)."""
    f = spec.fill
    if spec.special is not None:
        return True
    if not f - {"zone", "lunar"}:
        return False
    if f <= _CUTS_ONLY:  # 第三周, 最后一个星期五: of what?
        return False
    if strict and spec.hol is not None and spec.hol in CONTEXT_HOLIDAYS and "year" not in f:
        name_end = spec.start + len(spec.hol)
        if not text.startswith(_TERM_NEXT, name_end) and text[spec.start - 2 : spec.start] != "节气":
            return False  # 小雪 is light snow
    if spec.day_cn and "month" not in f and "bare" not in f and not right:
        return False
    if strict and f <= {"clock", "zone", "approx"} and spec.cn_hour and not right:
        return False
    return True


def standalone(spec: Spec) -> bool:
    """Whether a spec kept as an end of a range (十四号, 十二点) is a time on its own too."""
    if spec.day_cn and "month" not in spec.fill and "bare" not in spec.fill:
        return False
    return not (spec.fill <= {"clock", "zone", "approx"} and spec.cn_hour)


def _apply(s: Spec, m: re.Match, kind: str, text: str) -> bool:
    """Fill ``s`` from one atom; False when the atom turns out not to be a time."""
    g = m.group
    if kind == "day":
        if g("dd"):
            d = int(g("dd"))
            if g("ddu") == "号":
                nxt = text[m.end() : m.end() + 1]
                if nxt in _NOT_DAY_AFTER:
                    return False
        elif g("dcn"):
            d = to_int(g("dcn"))
            s.day_cn = True
        elif g("dmd"):  # 3月11, 腊月16: a day after its month without 日
            d = int(g("dmd"))
        elif g("ldd"):  # 正月七, 腊月八, 二月二, 九月九 (a day without 日 only in lunar
            before = text[m.start() - 2 : m.start() - 1]  # months or doubled dates)
            if before not in "正腊冬" and before != g("ldd"):
                return False
            d = to_int(g("ldd"))
            s.lunar = True  # 二月二 (龙抬头), 九月九 (重阳): the festival dates are lunar
        else:
            d = to_int((g("ld") or g("ldn")).lstrip("初"))
            if g("ld"):
                s.lunar = True
        if not d or d > 31:
            return False
        s.day = d
        s.fill.add("day")
    elif kind == "month":
        mo = g("mo")
        s.month = SPECIAL_MONTHS.get(mo) or to_int(mo)
        if mo in SPECIAL_MONTHS:
            s.lunar = True
        if not s.month or s.month > 12:
            return False
        s.fill.add("month")
    elif kind == "relday":
        w = DAY_WORDS[g(kind)]
        s.doff = w["offset"]
        s.dprev = w.get("anchor") == "previous"
        s.fill.add("day")
        if "part" in w:
            s.pod = w["part"]
            s.fill.add("pod")
    elif kind == "pday":  # 今(17)日: the reference day, its date given in brackets
        s.doff = {"今": 0, "昨": -1, "明": 1}[g("pdw")]
        s.pdate = int(g("pdn"))
        s.fill.add("day")
        if g("pdu") in "晚早":
            s.pod = "晚上" if g("pdu") == "晚" else "早上"
            s.fill.add("pod")
    elif kind == "iso":
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return False
        s.year, s.month, s.day, s.explicit_year = y, mo, d, True
        s.fill |= {"year", "month", "day"}
    elif kind == "relyear":
        w = YEAR_WORDS[g(kind)]
        s.yoff = w["offset"]
        s.yprev = w.get("anchor") == "previous"
        s.fill.add("year")
    elif kind == "vague":
        s.special = ("vague", g(kind))
    elif kind == "year":
        y = int(g("y4")) if g("y4") else to_int(g("ycn") or g("ycn2"))
        if y is None:
            return False
        if not 1000 <= y <= 2200:
            s.special = ("dur", float(y), "年", False)
            return True
        after = text[m.end() : m.end() + 2]
        if after.startswith(("历史", "之久", "有余")):
            s.special = ("dur", float(y), "年", False)
            return True
        s.year, s.explicit_year = y, True
        s.fill.add("year")
    elif kind in ("anaph", "relsuf", "relpre", "dur"):
        return _apply_unit(s, m, kind, text)
    elif kind == "half":
        if g("hrel"):  # 上个半年: the half-year before this one
            s.hoff = {"上个": -1, "下个": 1, "这个": 0, "本": 0}[g("hrel")]
            s.fill |= {"half", "year"}
            return True
        if g("hn"):
            s.half = int(g("hn"))
        else:
            s.half = 1 if g("hp") in "上前" else 2
            unit = g("hu")
            if unit != "年":
                s.half_of = "month" if unit == "月" else "week"
        s.fill.add("half")
        if g("hy"):
            s.year, s.explicit_year = int(g("hy")), True
            s.fill.add("year")
    elif kind == "pod":
        s.pod = g(kind)
        s.fill.add("pod")
    elif kind == "fyp":  # “十四五”, 十四五期间: a five-year plan
        n = to_int(g("fyq") or g("fyn"))
        if n not in PLANS:
            return False
        s.special = ("period", PLANS[n], 5)
    elif kind == "now":
        s.special = ("now",)
    elif kind == "ymd8":  # 20250611
        s.year, s.month, s.day, s.explicit_year = int(g("c8y")), int(g("c8m")), int(g("c8d")), True
        s.fill |= {"year", "month", "day"}
    elif kind == "hour":
        return _apply_hour(s, m)
    elif kind == "bare":
        if g("bn"):
            s.bare = int(g("bn"))
        else:
            s.bare = to_int(g("bcn"))
            s.bare_cn = True
        s.fill.add("bare")
    elif kind == "hol":
        s.hol = g(kind)
        if excluded(s.hol, text, m.start()):
            return False
        s.fill.add("hol")
    elif kind == "clock":
        h, mi = int(g("ch")), int(g("cm"))
        sec = int(g("cs")) if g("cs") else None
        if h > 24 or (h == 24 and mi):
            return False
        s.hour, s.minute, s.second = h, mi, sec
        if g("cap"):
            s.ampm = g("cap")[0].lower()
        s.fill.add("clock")
    elif kind == "set":
        s.special = ("set", SETS[g("setu")])
        wd = g("setwd")
        if wd:
            s.weekday = WEEKDAYS[wd]
            s.fill.add("weekday")
        if g("setu") in ("晚", "早"):
            s.pod = "晚上" if g("setu") == "晚" else "早上"
            s.fill.add("pod")
    elif kind == "quarter":
        q = g("q") or g("q2")
        s.quarter = to_int(q) if not q.isdigit() else int(q)
        s.qfirst = g(kind).startswith("前")
        s.fill.add("quarter")
        if g("qy"):
            s.year, s.explicit_year = int(g("qy")), True
            s.fill.add("year")
    elif kind == "zone":
        s.zone = g(kind)[: m.start("zoff") - m.start()] if g("zoff") else g(kind)
        if g("zoff"):
            s.zoff = g("zoff")
        s.fill.add("zone")
    elif kind == "few":
        unit = g("fu")
        if unit == "月" and not g("fg") and g("fn") != "数":
            return False
        direction = g("fd") or ("来" if g("fl") else None)
        if g("fn") == "多" and (direction is None or text[m.start() - 1 : m.start()] in "不很许差好最更太大"):
            return False  # 差不多天天, 许多年: not a count of units
        s.special = ("few", g("fn"), unit, direction)
        s.approx = True
    elif kind == "lunar":
        s.lunar = True
        s.fill.add("lunar")
    elif kind == "era":
        if g("bce"):  # 公元前221年: before the years newsie can represent
            return False
    elif kind in ("decade", "century"):
        return _apply_period(s, m, kind)
    elif kind == "isot":
        y, mo, d = int(g("ty")), int(g("tm")), int(g("td"))
        h, mi = int(g("tch")), int(g("tcm"))
        if not 1 <= d <= 31 or h > 24 or (h == 24 and mi):
            return False
        s.year, s.month, s.day, s.explicit_year = y, mo, d, True
        s.hour, s.minute = h, mi
        s.second = int(g("tcs")) if g("tcs") else None
        s.fill |= {"year", "month", "day", "clock"}
        if g("toff"):  # 2025-06-11T08:15:00+08:00, ...Z
            s.zone = s.zoff = "+00:00" if g("toff") == "Z" else g("toff")
            s.fill.add("zone")
    elif kind == "ymd2":  # 11-10-09: year-month-day, as Chinese dates are written
        s.yy, s.month, s.day = int(g("sy")), int(g("sm")), int(g("sd2"))
        s.explicit_year = True
        s.fill |= {"year", "month", "day"}
    elif kind == "dot":  # 7·15
        s.month, s.day = int(g("dtm")), int(g("dtd"))
        s.fill |= {"month", "day"}
    elif kind == "pointdate":  # 10.1在荃湾
        s.month, s.day = int(g("pdtm")), int(g("pdtd"))
        s.fill |= {"month", "day"}
    elif kind == "ym":
        s.year, s.month, s.explicit_year = int(g("ymy")), int(g("ymm")), True
        s.fill |= {"year", "month"}
    elif kind == "us":  # month/day(/year); day/month/year when the first is no month
        s.month, s.day = int(g("um")), int(g("ud"))
        if s.month > 12:
            if not g("uy") or s.day > 12:
                return False
            s.month, s.day = s.day, s.month
        if not g("uy") and _fraction(text, m):
            return False
        s.fill |= {"month", "day"}
        if g("uy"):
            y = int(g("uy"))
            if y >= 100:
                s.year = y
            else:
                s.yy = y
            s.explicit_year = True
            s.fill.add("year")
    elif kind == "yy":  # 18年底, 04年, 零六年九月: the century is chosen at resolution
        raw = g("y0") or g("y2") or g("y2s") or g("y2cn")
        s.yy = int(raw) if raw.isdigit() else to_int(raw)
        s.explicit_year = True
        s.fill.add("year")
    elif kind == "fy":  # 2024财年, FY2024: the calendar year (approximate: fiscal years differ)
        y = int(g("fyy") or g("fyy2"))
        if y >= 100:
            s.year = y
        else:
            s.yy = y
        s.explicit_year = s.fiscal = s.approx = True
        s.fill.add("year")
    elif kind == "pair":  # 今明两天, 明后天, 今明两年: two days (years) in a row
        first = {"今明": 0, "明后": 1, "昨今": -1}[g("pra") or "明后"]
        unit = "year" if g("pru") == "年" else "day"
        s.special = ("pair", first, unit)
    elif kind == "ganzhi":  # 乙巳年: the year of the cycle nearest the reference
        stem, branch = "甲乙丙丁戊己庚辛壬癸".index(g("gzs")), "子丑寅卯辰巳午未申酉戌亥".index(g("gzb"))
        if stem % 2 != branch % 2:
            return False
        s.ganzhi = (6 * stem - 5 * branch) % 60  # the n with n % 10 == stem, n % 12 == branch
        s.explicit_year = True
        s.fill.add("year")
    elif kind == "reign":  # 乾隆十年, 民国五年
        first, last, lunar = ERAS[g("rgn")]
        n = 1 if g("rgy") == "元" else to_int(g("rgy"))
        if not n or (last is not None and first + n - 1 > last + 1):
            return False
        s.year, s.explicit_year, s.era_lunar = first + n - 1, True, lunar
        s.fill.add("year")
    elif kind == "danian":  # 大年初九: the ninth day of the first lunar month
        raw = g("dnn")
        s.month, s.day, s.lunar = 1, int(raw) if raw.isdigit() else to_int(raw), True
        s.fill |= {"month", "day"}
    elif kind == "relmonth":
        w = MONTH_WORDS[g(kind)]
        s.moff = w["offset"]
        s.mprev = w.get("anchor") == "previous"
        s.fill |= {"month", "year"}
    elif kind == "relweek":
        s.week = WEEK_PREFIX[g("wp")]
        s.fill.add("week")
        wd = g("wpd")
        if wd:
            if wd == "末":
                s.weekend = True
            else:
                s.weekday = WEEKDAYS[wd]
            s.fill.add("weekday")
    elif kind == "nth":
        n = -1 if g("nthl") else to_int(g("nthn"))
        s.nth = (n, WEEKDAYS[g("nthd")])
        s.fill.add("nth")
    elif kind == "sel":  # 第二周, 最后3个月, 首月, 头三天 (of the period before it)
        unit = SEL_UNITS[g("selu")]
        if g("seln"):
            n = to_int(g("seln"))
            mode = "nth"
        elif g("sell"):
            n = to_int(g("selln")) if g("selln") else 1
            mode = "last"
        else:
            n = to_int(g("selfn")) if g("selfn") else 1
            mode = "first"
        if not n or n > 60:
            return False
        s.sel = (mode, n, unit)
        s.fill.add("sel")
    elif kind == "weekday":
        wd = g("wd")
        if wd == "末":
            s.weekend = True
        else:
            s.weekday = WEEKDAYS[wd]
        s.fill.add("weekday")
    elif kind == "relq":
        s.qoff = {"本": 0, "这个": 0, "上个": -1, "上": -1, "下个": 1, "下": 1}[g("rqp")]
        s.fill |= {"quarter", "year"}
    elif kind == "roc":  # 113年 of the Republic of China: 2024
        s.year = 1911 + int("".join(str(ord(c) - 0xE000) for c in g("rocd")))
        s.explicit_year = True
        s.fill.add("year")
    elif kind == "seasonword":  # 今春, 去冬
        s.yoff = 0 if g("sws") else -1
        s.edge, s.edge_of = g("sws") or g("swd"), "year"
        s.fill |= {"year", "edge"}
    elif kind == "edgeword":
        s.edge = g("ewe") or g("ewm")
        s.edge_of = "year" if g("ew") == "年" else "month"
        s.fill.add("edge")
    elif kind == "xun":
        s.xun = g(kind)
        s.fill.add("xun")
    elif kind == "ampm":
        s.hour, s.ampm = int(g("ah")), g("aap")[0].lower()
        s.fill.add("clock")
    elif kind == "hpair":  # 八九点: 8 or 9 o'clock
        a, b = to_int(g("hpa")), to_int(g("hpb"))
        if b != a + 1:
            return False
        s.hour, s.hour2, s.cn_hour, s.approx = a, b, True, True
        s.fill.add("clock")
    else:
        return False
    return True


_CENTURY_WORDS = {"上": -1, "上个": -1, "本": 0, "下": 1, "下个": 1}


def _apply_period(s: Spec, m: re.Match, kind: str) -> bool:
    """Decades (90年代, 上世纪80年代) and centuries (21世纪, 本世纪) as year ranges.

    A century is relative when written 上世纪/本世纪 (resolved later); a decade without
    a century is the latest one that has started by the reference (resolved later)."""
    g = m.group
    if kind == "century":
        if g("cenw") is not None:
            s.special = ("century", _CENTURY_WORDS[g("cenw")])
        else:
            n = to_int(g("cenn"))
            s.special = ("period", (n - 1) * 100 + 1, 100)
        return True
    raw = g("decd")
    d = int(raw) if raw.isdigit() else to_int(raw)
    if d is None:
        return False
    if d >= 100:
        s.special = ("period", d, 10)
    elif g("decn"):
        s.special = ("period", (to_int(g("decn")) - 1) * 100 + d, 10)
    elif g("decc"):
        off = -1 if g("decc").startswith("上") else 0
        s.special = ("decade", d, off)
    else:
        s.special = ("decade", d, None)
    return True


def _fraction(text: str, m: re.Match) -> bool:
    """``1/3``, ``3/4的``, ``约1/4``: a fraction, not month/day."""
    um, ud = m.group("um"), m.group("ud")
    if len(um.lstrip("0")) == 1 and len(ud.lstrip("0")) == 1:
        return True
    before = text[m.start() - 1 : m.start()]
    after = text[m.end() : m.end() + 1]
    return before in ("约", "近", "占", "达", "超", "逾", "的", "为", "或") or after in (
        "的",
        "以",
        "左",
        "强",
    )


def _half_minute(n: float | None, unit: str) -> tuple[float | None, str]:
    """两分半钟 -> (2.5, 分钟)."""
    if unit.startswith("分半") and n is not None:
        return n + 0.5, "分钟"
    return n, unit


def _apply_unit(s: Spec, m: re.Match, kind: str, text: str = "") -> bool:
    g = m.group
    if kind == "anaph":
        n, unit = _half_minute(to_number(g("an")), g("anu"))
        ge = g("ang")
        if n is None or (unit == "月" and not ge) or (unit == "钟" and not ge):
            return False
        s.special = ("rel", "此后", n, unit, True)
        return True
    if kind == "relpre":
        n, unit = _half_minute(to_number(g("rnn")), g("rnu"))
        ge = g("rng")
        if n is None or n <= 0 or (unit == "钟" and not ge):
            return False
        s.special = ("rel", g("rnd"), n, unit, bool(ge))
        if g("rnl"):
            s.since = True
        return True
    if kind == "relsuf":
        n, unit = _half_minute(to_number(g("sn")), g("su"))
        if n is None or n <= 0 or (unit in ("月", "钟") and not g("sg") and g("sn") != "半"):
            return False
        if g("sx") == "半" or g("sh"):
            n += 0.5
        if g("sx") == "多":  # 10多天前: some ten days, approximate
            s.approx = True
        s.special = ("ago", g("sd"), n, unit)  # 3天后, 四年前: N units from the reference
        return True
    n, unit = _half_minute(to_number(g("dn")), g("du"))
    if n is None or n <= 0:
        return False
    if unit in ("月", "钟") and not g("dg") and g("dn") not in ("半", "两"):
        return False
    if unit == "日" and text[m.start() - 1 : m.start()] == "月" and not g("dg"):
        d = to_int(g("dn"))  # 1月20日内容: the 20th of January, not twenty days
        if d is None or not 1 <= d <= 31:
            return False
        s.day = d
        s.fill.add("day")
        return True
    if g("dx") == "半" or g("dh"):
        n += 0.5
    if g("dl") and unit != "季度":  # 五年来: the last five years up to the reference
        s.special = ("rel", "过去", n, unit, True)
        s.since = True
        if g("dx") == "多":
            s.approx = True
        return True
    s.special = ("dur", n, unit, g("dx") == "多")
    return True


def _apply_hour(s: Spec, m: re.Match) -> bool:
    g = m.group
    raw_h = g("kh")
    h = to_int(raw_h)
    if h is None or h > 24:
        return False
    s.cn_hour = not raw_h.isdigit()
    s.hour = h
    kmin = g("kmin")
    if kmin:
        if kmin in ("半", "踏半", "搭半"):
            s.minute = 30
        elif kmin.endswith("刻") and kmin[0] != "差":  # 一刻 / 1刻 = 15 minutes
            s.minute = 15 * to_int(kmin[0])
        elif kmin == "整":
            s.minute = None
        elif kmin[0] == "差":  # 三点差一刻 = 2:45, 三点差五分 = 2:55
            body = kmin[1:].removesuffix("钟").removesuffix("分")
            short = 15 if body == "一刻" else to_int(body)
            if not short or short >= 60 or h == 0:
                return False
            s.hour, s.minute = h - 1, 60 - short
            s.cn_hour = False
        elif kmin[0] == "多":  # 4点多(钟): a little after four
            s.minute = None
            s.approx = True
        else:
            body = kmin.lstrip("踏搭过")
            five = kmin[0] in "踏搭" or body.endswith("个字")
            body = body.removesuffix("个字").removesuffix("分钟").removesuffix("分")
            v = to_int(body)
            if v is None:
                return False
            if not five and len(body) == 1 and body in "一二两三四五六七八九" and body == kmin:
                five = True  # 三点三 = 3:15 (Cantonese), as Duckling; 四点十分 is 4:10
            if five:
                v *= 5
            if v > 59:
                return False
            s.minute = v
            s.cn_hour = False
    if g("ksec"):
        s.second = to_int(g("ksec"))
    s.fill.add("clock")
    return True
