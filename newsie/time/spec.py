"""From atom matches to ``Spec`` objects: the unresolved fields of one expression."""

from __future__ import annotations

import re

from .grammar import atom_regex
from .holidays import excluded
from .numerals import to_int, to_number
from .rules import load

_LEX = load("lexicon")
WEEKDAYS: dict[str, int] = dict(_LEX["weekdays"])
WEEK_PREFIX: dict[str, int] = dict(_LEX["week_prefix"])
DAY_WORDS: dict[str, dict] = _LEX["day_words"]
YEAR_WORDS: dict[str, dict] = _LEX["year_words"]
MONTH_WORDS: dict[str, dict] = _LEX["month_words"]
UNITS: dict[str, dict] = _LEX["units"]
SETS: dict[str, str] = _LEX["sets"]
SPECIAL_MONTHS = {"正": 1, "腊": 12, "冬": 11}
# characters after "N号" that show it is a number plate, not a date (3号线, 1号文件)
_NOT_DAY_AFTER = set("线楼院机床车文位种队人馆厅台门口码店路街房室窗桌柜箱件令章条款项球馆站厂舱星")
_SEP = re.compile(r"(?:[ \t]|[,，][ \t]?)?")


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
    atoms = atom_regex()
    out = []
    pos = start
    while pos < end:
        m = atoms.match(text, pos)
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


def build(text: str, matches: list[re.Match], strict: bool) -> list[Spec]:
    """Group atoms into specs; a new spec starts when a slot would be filled twice."""
    if len(matches) == 1:  # fast path: one atom
        m = matches[0]
        kind = m.lastgroup
        if kind in ("edge", "since", "approx", "gong"):
            return []
        one = Spec(m.start())
        one.end = m.end()
        return (
            [one]
            if _apply(one, m, kind, text) and not one.empty() and _keep(one, text, strict)
            else []
        )
    specs: list[Spec] = []
    cur = Spec(matches[0].start() if matches else 0)
    prev_kind = None
    for m in matches:
        kind = m.lastgroup
        if kind in ("edge", "since", "approx", "gong") and not cur.empty():
            if kind == "edge":
                if (
                    prev_kind not in ("year", "relyear", "month", "relmonth", "iso", "ym", "yy")
                    or m.start() != cur.end
                ):
                    continue
                _edge(cur, m)
            elif kind == "since":
                cur.since = True
            elif kind == "approx":
                cur.approx = True
            cur.end = m.end()
            prev_kind = kind
            continue
        if kind in ("edge", "since", "approx", "gong") or (kind == "era" and not cur.empty()):
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
    return [s for s in specs if _keep(s, text, strict)]


def _fits(cur: Spec, new: Spec, kind: str) -> bool:
    if cur.empty():
        return True
    if cur.special is not None or new.special is not None:
        # "今年" + "前10个月" -> the first ten months of this year
        if (
            new.special
            and new.special[0] == "rel"
            and new.special[1] == "前"
            and new.special[3] == "月"
            and cur.special is None
            and "year" in cur.fill
            and cur.fill <= {"year", "zone"}
        ):
            n = new.special[2]
            if n != int(n) or not 1 <= n <= 12:
                return False
            new.special = None
            new.firstn = int(n)
            new.fill = {"firstn"}
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


def _edge(spec: Spec, m: re.Match) -> None:
    spec.edge = m.group("e") or m.group("em")
    spec.edge_of = "month" if ("month" in spec.fill) else "year"
    spec.fill.add("edge")


def _keep(spec: Spec, text: str, strict: bool) -> bool:
    """Drop specs that are not times on their own (strict mode is for running text)."""
    f = spec.fill
    if spec.special is not None:
        return True
    if not f - {"zone", "lunar"}:
        return False
    if spec.day_cn and "month" not in f and "bare" not in f:
        return False
    if strict and f <= {"clock", "zone", "approx"} and spec.cn_hour:
        return False
    return True


def _apply(s: Spec, m: re.Match, kind: str, text: str) -> bool:
    """Fill ``s`` from one atom; False when the atom turns out not to be a time."""
    g = m.group
    if kind == "hol":
        s.hol = g(kind)
        if excluded(s.hol, text, m.start()):
            return False
        s.fill.add("hol")
    elif kind == "zone":
        s.zone = g(kind)[: m.start("zoff") - m.start()] if g("zoff") else g(kind)
        if g("zoff"):
            s.zoff = g("zoff")
        s.fill.add("zone")
    elif kind == "lunar":
        s.lunar = True
        s.fill.add("lunar")
    elif kind == "era":
        pass  # 公元: a no-op prefix
    elif kind in ("decade", "century"):
        return _apply_period(s, m, kind)
    elif kind == "iso":
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return False
        s.year, s.month, s.day, s.explicit_year = y, mo, d, True
        s.fill |= {"year", "month", "day"}
    elif kind == "ym":
        s.year, s.month, s.explicit_year = int(g("ymy")), int(g("ymm")), True
        s.fill |= {"year", "month"}
    elif kind == "us":
        s.month, s.day = int(g("um")), int(g("ud"))
        if not g("uy") and _fraction(text, m):
            return False
        s.fill |= {"month", "day"}
        if g("uy"):
            y = int(g("uy"))
            s.year = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
            s.explicit_year = True
            s.fill.add("year")
    elif kind == "year":
        y = int(g("y4")) if g("y4") else to_int(g("ycn"))
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
    elif kind == "yy":
        y = int(g("y2"))
        s.year = 2000 + y if y < 50 else 1900 + y
        s.explicit_year = True
        s.fill.add("year")
    elif kind == "relyear":
        w = YEAR_WORDS[g(kind)]
        s.yoff = w["offset"]
        s.yprev = w.get("anchor") == "previous"
        s.fill.add("year")
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
        n = to_int(g("nthn"))
        s.nth = (n, WEEKDAYS[g("nthd")])
        s.fill.add("nth")
    elif kind == "weekday":
        wd = g("wd")
        if wd == "末":
            s.weekend = True
        else:
            s.weekday = WEEKDAYS[wd]
        s.fill.add("weekday")
    elif kind == "relday":
        w = DAY_WORDS[g(kind)]
        s.doff = w["offset"]
        s.dprev = w.get("anchor") == "previous"
        s.fill.add("day")
        if "part" in w:
            s.pod = w["part"]
            s.fill.add("pod")
    elif kind == "now":
        s.special = ("now",)
    elif kind == "vague":
        s.special = ("vague", g(kind))
    elif kind == "half":
        s.half = int(g("hn")) if g("hn") else (1 if g(kind)[0] == "上" else 2)
        s.fill.add("half")
        if g("hy"):
            s.year, s.explicit_year = int(g("hy")), True
            s.fill.add("year")
    elif kind == "relq":
        s.qoff = {"本": 0, "这个": 0, "上个": -1, "上": -1, "下个": 1, "下": 1}[g("rqp")]
        s.fill |= {"quarter", "year"}
    elif kind == "quarter":
        q = g("q") or g("q2")
        s.quarter = to_int(q) if not q.isdigit() else int(q)
        s.qfirst = g(kind).startswith("前")
        s.fill.add("quarter")
        if g("qy"):
            s.year, s.explicit_year = int(g("qy")), True
            s.fill.add("year")
    elif kind == "edgeword":
        s.edge = g("ewe") or g("ewm")
        s.edge_of = "year" if g("ew") == "年" else "month"
        s.fill.add("edge")
    elif kind == "xun":
        s.xun = g(kind)
        s.fill.add("xun")
    elif kind == "month":
        mo = g("mo")
        s.month = SPECIAL_MONTHS.get(mo) or to_int(mo)
        if mo in SPECIAL_MONTHS:
            s.lunar = True
        if not s.month or s.month > 12:
            return False
        s.fill.add("month")
    elif kind == "few":
        unit = g("fu")
        if unit == "月" and not g("fg") and g("fn") != "数":
            return False
        direction = g("fd") or ("来" if g("fl") else None)
        if g("fn") == "多" and (direction is None or text[m.start() - 1 : m.start()] in "不很许差好最更太大"):
            return False  # 差不多天天, 许多年: not a count of units
        s.special = ("few", g("fn"), unit, direction)
        s.approx = True
    elif kind in ("anaph", "relsuf", "relpre", "dur"):
        return _apply_unit(s, m, kind)
    elif kind == "day":
        if g("dd"):
            d = int(g("dd"))
            if g("ddu") == "号":
                nxt = text[m.end() : m.end() + 1]
                if nxt in _NOT_DAY_AFTER:
                    return False
        elif g("dcn"):
            d = to_int(g("dcn"))
            s.day_cn = True
        else:
            d = to_int((g("ld") or g("ldn")).lstrip("初"))
            if g("ld"):
                s.lunar = True
        if not d or d > 31:
            return False
        s.day = d
        s.fill.add("day")
    elif kind == "clock":
        h, mi = int(g("ch")), int(g("cm"))
        sec = int(g("cs")) if g("cs") else None
        if h > 24 or (h == 24 and mi):
            return False
        s.hour, s.minute, s.second = h, mi, sec
        if g("cap"):
            s.ampm = g("cap")[0].lower()
        s.fill.add("clock")
    elif kind == "ampm":
        s.hour, s.ampm = int(g("ah")), g("aap")[0].lower()
        s.fill.add("clock")
    elif kind == "hour":
        return _apply_hour(s, m)
    elif kind == "pod":
        s.pod = g(kind)
        s.fill.add("pod")
    elif kind == "set":
        s.special = ("set", SETS[g("setu")])
        wd = g("setwd")
        if wd:
            s.weekday = WEEKDAYS[wd]
            s.fill.add("weekday")
        if g("setu") in ("晚", "早"):
            s.pod = "晚上" if g("setu") == "晚" else "早上"
            s.fill.add("pod")
    elif kind == "bare":
        if g("bn"):
            s.bare = int(g("bn"))
        else:
            s.bare = to_int(g("bcn"))
            s.bare_cn = True
        s.fill.add("bare")
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


def _apply_unit(s: Spec, m: re.Match, kind: str) -> bool:
    g = m.group
    if kind == "anaph":
        n, unit, ge = to_number(g("an")), g("anu"), g("ang")
        if n is None or (unit == "月" and not ge) or (unit == "钟" and not ge):
            return False
        s.special = ("rel", "此后", n, unit, True)
        return True
    if kind == "relpre":
        n, unit, ge = to_number(g("rnn")), g("rnu"), g("rng")
        if n is None or n <= 0 or (unit == "钟" and not ge):
            return False
        s.special = ("rel", g("rnd"), n, unit, bool(ge))
        if g("rnl"):
            s.since = True
        return True
    if kind == "relsuf":
        n, unit = to_number(g("sn")), g("su")
        if n is None or n <= 0 or (unit in ("月", "钟") and not g("sg") and g("sn") != "半"):
            return False
        if g("sx") == "半" or g("sh"):
            n += 0.5
        s.special = ("rel", g("sd"), n, unit, True)
        return True
    n, unit = to_number(g("dn")), g("du")
    if n is None or n <= 0:
        return False
    if unit in ("月", "钟") and not g("dg") and g("dn") not in ("半", "两"):
        return False
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
        elif kmin == "一刻":
            s.minute = 15
        elif kmin == "三刻":
            s.minute = 45
        elif kmin == "整":
            s.minute = None
        else:
            body = kmin.lstrip("踏搭过")
            five = kmin[0] in "踏搭" or body.endswith("个字")
            body = body.removesuffix("个字").removesuffix("分钟").removesuffix("分")
            v = to_int(body)
            if v is None:
                return False
            if not five and not body.isdigit() and len(body) == 1 and body not in "零〇":
                five = True  # 三点三 = 3:15 (Cantonese), as Duckling
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
