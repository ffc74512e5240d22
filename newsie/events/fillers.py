"""The fillers of a document: every entity, value and nominal that may fill a role,
and an index to find those (and the times) of a sentence without scanning the document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

import regex

from newsie.document import Document
from newsie.events.mention import PLACE_LABELS, Filler
from newsie.events.nominals import PERSON_HEADS, TEAM_SUFFIXES, find_nominals
from newsie.events.rolls import Roll, rolls
from newsie.token_layer import token_bounds

_LINE_BREAK = regex.compile(r"\n")
_START, _END = attrgetter("start"), attrgetter("end")
#: The story's own writer, named without a name or a count.
_REPORTER = frozenset({"记者", "本报记者", "小编"})
#: What joins the two ends of a range of sums (1亿元-2亿元, 1亿至2亿元).
_RANGE_JOINERS = frozenset({"-", "－", "—", "~", "～", "至", "到"})
#: A bound written before a sum of money (约, 逾, 不超过; 最近 and 附近 are no 近).
_MONEY_BOUND = regex.compile(r"(?:约合|约|逾|超过|不超过|不超|不少于|不低于|将近|(?<![最附接])近|至少)$")


#: A short quoted name (「6.26包围警总」, “7·15”事故): what marks open it, and how long it may be.
_NAME_QUOTES = {"「": "」", "“": "”"}
_NAME_REACH = 16


def quoted_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The marks (opening, closing) of the short quoted name ``text[start:end]`` lies
    in (「6.26包围警总」), or None: at most 16 characters between them, no clause break (a
    quoted saying is no name)."""
    for k in range(start - 1, max(-1, start - _NAME_REACH - 1), -1):
        ch = text[k]
        if ch in _NAME_QUOTES:
            close = text.find(_NAME_QUOTES[ch], end, k + _NAME_REACH + 2)
            if close < 0 or _CLAUSE_MARK.search(text, k, close):
                return None
            return k, close
        if ch in _CLAUSE_CHARS or ch in _NAME_QUOTES.values():
            return None
    return None


#: What ends a clause: no quoted name spans it.
_CLAUSE_CHARS = "，。；！？,;!?\n"
_CLAUSE_MARK = regex.compile(f"[{_CLAUSE_CHARS}]")


class _DocIndex:
    """Sorted offsets of a document's fillers and times, to find those of a sentence
    without scanning the document."""

    def __init__(
        self, doc: Document, fillers: list[Filler], word_bounds: set[int] | None = None
    ) -> None:
        self.fillers = sorted(fillers, key=_START)  # stable: keeps their order
        self.starts = [f.start for f in self.fillers]
        times = doc.times
        self.time_order = sorted(range(len(times)), key=lambda i: times[i].start)
        self.time_starts = [times[i].start for i in self.time_order]
        self.times = times
        self._tokens = doc.tokens
        self._word_bounds = word_bounds
        self._text = doc.text
        self._rolls: list[Roll] | None = None
        # the article's earlier times usable as context: by end, with the latest index
        # (not a day in a quoted name, 「6.26包围警总」暴动案: it dates what the name names)
        eligible = sorted(
            (t.end, i)
            for i, t in enumerate(times)
            if t.value is not None
            and t.value.kind in ("point", "range")
            and t.value.grain in ("day", "hour", "minute", "second")
            and quoted_name(doc.text, t.start, t.end) is None
        )
        self.context_ends = [end for end, _ in eligible]
        self.breaks = [m.start() for m in _LINE_BREAK.finditer(doc.text)]  # paragraphs
        self.context_latest: list[int] = []
        for _, i in eligible:
            self.context_latest.append(max(i, self.context_latest[-1]) if self.context_latest else i)
        # a dateline's day (新华社北京2月27日电): the time of every event of the article
        # whose clause has none
        self.dateline = None
        #: how far past it the dateline dates events: a news agency's dateline the lead, a
        #: press release's day (今(20)日) the whole release
        self.dateline_span = _DATELINE_SPAN
        for end, i in eligible:  # by end: only the first few are near enough the start
            if end > _DATELINE_REACH:
                break
            if _DATELINE.match(doc.text, end) or (
                _OWN_NEWS.match(doc.text, end) and not _quoted_report(doc.text, times[i].start)
            ):
                self.dateline = i
                break
            if _TODAY_DATED.match(doc.text, times[i].start, end):
                self.dateline, self.dateline_span = i, _RELEASE_SPAN
                break

    def rolls(self) -> list[Roll]:
        """The document's rolls of person names (see :mod:`newsie.events.rolls`), made
        once for all template layers."""
        if self._rolls is None:
            self._rolls = rolls(self._text, self.fillers)
        return self._rolls

    def word_bounds(self) -> set[int] | None:
        """Every offset where a word of the document starts or ends (None without words),
        made once for all template layers, which share this index."""
        if self._word_bounds is None and self._tokens:
            self._word_bounds = token_bounds(self._tokens)
        return self._word_bounds

    def fillers_within(self, start: int, end: int) -> list[Filler]:
        """The fillers with start <= f.start and f.end <= end, in document order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end)
        return [f for f in self.fillers[lo:hi] if f.end <= end]

    def times_within(self, start: int, end: int) -> list[int]:
        """Indices (ascending) of the times with start <= t.start and t.end <= end."""
        lo = bisect_left(self.time_starts, start)
        hi = bisect_right(self.time_starts, end)
        return sorted(i for i in self.time_order[lo:hi] if self.times[i].end <= end)

    def latest_context_time(self, before: int) -> int | None:
        """The highest index of a usable context time ending by ``before`` in the same
        paragraph: a time told paragraphs earlier belongs to what was told there (on the
        news gold set's dev half, borrowing across paragraphs made 31 of 106 event times
        wrong, and borrowing only within one 12)."""
        k = bisect_right(self.context_ends, before)
        if not k:
            return None
        latest = self.context_latest[k - 1]
        b = bisect_left(self.breaks, before)
        if b and self.times[latest].start <= self.breaks[b - 1]:
            return None
        return latest


#: What follows a dateline's day: 电 (新华社北京2月27日电), 讯 (财联社4月10日讯); a source's
#: 消息 (据某网站7月15日消息) dates what it reports, not the story told after it.
_DATELINE = regex.compile(r"\s*(?:电|讯)")
#: ... and 消息 after an outlet's own day (金融界6月5日消息), unless the story quotes another
#: outlet's report (据澎湃新闻3月28日消息: the day of that report).
_OWN_NEWS = regex.compile(r"\s*消息")
_REPORTED_BY = regex.compile(r"据[^，。；\n]*$")


def _quoted_report(text: str, day_start: int) -> bool:
    """Whether the day starting at ``day_start`` is another outlet's, quoted (据…)."""
    return _REPORTED_BY.search(text, max(0, day_start - 20), day_start) is not None


#: A press release's day in its lead, as Taiwan's write it: 今(20)日 (today, the 20th).
_TODAY_DATED = regex.compile(r"今\s*[（(]\s*\d{1,2}\s*[）)]\s*日")
#: How far past a dateline its day dates events: the lead, not the background told later.
_DATELINE_SPAN = 400
#: ... and past a press release's day: the release, which tells that day's news.
_RELEASE_SPAN = 3000
#: How far into an article a dateline may end.
_DATELINE_REACH = 200
_SOURCE = regex.compile(r"网?(?:消息|讯|电|记者|报道称|援引)|[（(]?(?:记者|通讯员)")


#: One-character short names of countries, as in 中美关系, 中柬友好, 中白合作 (印尼 and
#: 巴西 are names of their own: only pairs with 中 are read as relations).
_COUNTRY_INITIALS = frozenset("中美俄英法德日韩朝印巴澳加意西葡荷比瑞挪芬丹波捷匈罗保希土伊叙埃南越老柬泰缅马新菲蒙哈吉塔乌白阿古墨秘智委尼孟斯多欧")


#: Countries whose one-character name takes 方 for "the X side" (中方, 美方, 缅方).
_SIDES = frozenset("中美俄日韩英法德朝印越巴以伊菲泰意荷加埃叙沙柬乌土蒙哈老缅")
#: A side's word as the segmenter may cut it (缅方), found before the words are read.
_SIDE_WORD = regex.compile(f"[{''.join(sorted(_SIDES))}]方")
#: Characters that make 方 the start of another word (方面, 方案, 方式, 方法, 方向).
_NOT_SIDE = frozenset("面案式法向针便位言舟形块程寸圆略志剂阵")


def _is_side(text: str, end: int, party_starts: frozenset[int] = frozenset()) -> bool:
    """Whether 方 at ``end`` makes the country name before it a side (中方, not 中方面;
    中方向缅方提供援助: 方向 before a party, at one of ``party_starts``, is 方 and 向)."""
    if text[end : end + 1] != "方":
        return False
    after = text[end + 1 : end + 2]
    return after not in _NOT_SIDE or (
        after == "向" and (end + 2 in party_starts or text[end + 2 : end + 3] in _SIDES)
    )


def _sort_fillers(fillers: list[Filler]) -> None:
    """Sort by start, the longest first at one start, ties kept in their order (as by the
    key ``(start, -(end - start))``): two stable sorts by C getters, which cost half of
    one sort by a Python key."""
    fillers.sort(key=_END, reverse=True)
    fillers.sort(key=_START)


def _last_title(entities, k: int) -> int:
    """The index of the last of the titles right after entity ``k``, one after another
    (韩国|总统|特使); ``k`` when no title follows it."""
    last = k
    while (
        last + 1 < len(entities)
        and entities[last + 1].label == "TITLE"
        and entities[last + 1].start == entities[last].end
    ):
        last += 1
    return last


def _named_after_more_titles(text: str, entities, last: int) -> bool:
    """Whether the titles ending at entity ``last`` go on, after a 、, to another title
    right before a name (民主黨創黨主席、資深大律師李柱銘): one person, named at the end."""
    k = last + 1
    if k + 1 >= len(entities) or entities[k].label != "TITLE":
        return False
    gap = text[entities[last].end : entities[k].start]
    return (
        gap.startswith("、")
        and len(gap) <= 6
        and entities[k + 1].label == "PERSON"
        and entities[k + 1].start == entities[k].end
    )


#: A country's representative named by the country (中国代表, 卡塔尔代表20日递交), not the
#: verb (代表了), a delegation (代表团) or a group (代表处, 代表性).
_DELEGATE = regex.compile(r"代表(?![了着团处性作大会])")


#: The part of a place named after it (越南|中部, 加沙|地带北部, 黎巴嫩|南部多地, 也门|附近海域).
_PART_OF_PLACE = regex.compile(
    r"(?:地带)?(?:(?:东南|东北|西南|西北|[东西南北中])部)?(?:多地|地区|一带|沿海|附近海域|海域|附近|周边)?"
)


def _joins_places(text: str, end: int, start: int) -> bool:
    """Whether two places one after the other make one (香港|大埔区, 叙利亚|南部|苏韦达省)."""
    if start == end:
        return True
    part = _PART_OF_PLACE.fullmatch(text, end, start)
    return part is not None and start - end <= 4


#: A people named by its country (45名巴勒斯坦人, 美国人): 人 ends the word, not 人民, 人口,
#: 人工, 人寿 or 人员.
_DEMONYM = regex.compile(r"人(?![员士民口大物才次数均权道性工气寿保格文家事力类群心质选们])")
#: The count in front of a people (45名, 数百名, 3000多名).
_PEOPLE_COUNT = regex.compile(r"(?:\d++|[一二两三四五六七八九十百千万数几]+)(?:多|余)?[名位]$")


def in_book_title(
    text: str, start: int, end: int, reach: int | None = None, line: bool = False
) -> bool:
    """Whether ``text[start:end]`` stands between book-title marks (《…》: no 》 between
    the opening mark and it). ``reach``: how far either mark may stand from it (None: any
    distance); ``line``: both marks on its line, the title holding no line break (a title
    may hold the punctuation a sentence ends at, 《藍色任務：第14號海洋村的行動》)."""
    lo = 0 if reach is None else max(0, start - reach)
    if line:
        lo = max(lo, text.rfind("\n", 0, start) + 1)
    opening = text.rfind("《", lo, start)
    if opening < 0 or text.find("》", opening, end) >= 0:
        return False
    close = text.find("》", end) if reach is None else text.find("》", end, end + reach)
    return close >= 0 and not (line and text.find("\n", end, close) >= 0)


def _demonym(doc: Document, entity, words: set[int] | None) -> Filler | None:
    """The people a country's name makes with 人 after it (造成45名巴勒斯坦人死亡: who died,
    not where), as a nominal person with its count; None when 人 starts another word."""
    end = entity.end + 1
    if (
        _DEMONYM.match(doc.text, entity.end) is None
        or (words is not None and end not in words)
        or doc.text.startswith(PERSON_HEADS, end)  # 华人妻子: the wife is who
    ):
        return None
    count = _PEOPLE_COUNT.search(doc.text, max(0, entity.start - 8), entity.start)
    start = count.start() if count is not None else entity.start
    return Filler(start, end, doc.text[start:end], "PERSON", nominal=True)


#: The end of a venue's name that makes it an institution too (文学纪念馆, 国立台湾文学馆):
#: it takes part and partners as a body, as well as being a place.
_INSTITUTION_ENDS = ("馆", "中心", "学校", "大学", "学院", "医院", "剧院")
#: What opens an institution's name before the place the entity stage found (国立…).
_INSTITUTION_PREFIX = ("国立", "市立", "省立", "县立", "区立", "私立")


def _institutions(doc: Document, entities: list) -> list[Filler]:
    """An organisation for a venue the entity stage called a place (LOC) whose name ends
    like an institution's and tells it is one: named after a person right before it
    (叶石涛|文学纪念馆: 叶石涛文学纪念馆) or opened by a 国立-like prefix (国立|台湾文学馆).
    Other venues stay places, where things happen (在景德镇美术馆开幕)."""
    out = []
    for k, e in enumerate(entities):
        if e.label != "LOC" or not doc.text.endswith(_INSTITUTION_ENDS, e.start, e.end):
            continue
        start = e.start
        before = entities[k - 1] if k else None
        if before is not None and before.end == e.start and before.label == "PERSON":
            start = before.start
        if doc.text.startswith(_INSTITUTION_PREFIX, start - 2):
            start -= 2
        if start < e.start:
            out.append(Filler(start, e.end, doc.text[start : e.end], "ORG"))
    return out


#: A number with no unit (18亿, 1.5万, 300): the lower end of a range of sums (18亿-22亿元).
_BARE_SUM = regex.compile(r"\d+(?:\.\d+)?[十百千万亿]*")


#: A party committee or group inside an organisation, which the entity stage takes into the
#: organisation's name (光大集团党委, 吕梁市城市管理局党组).
_COMMITTEES = ("党委", "党组")


def _split_committees(text: str, fillers: list[Filler]) -> None:
    """光大集团党委|书记: the organisation is 光大集团 and the post 党委书记 (a committee's post
    is one title: 党委书记, 党组成员).  Changes ``fillers`` in place, where a title follows."""
    titles = {f.start: k for k, f in enumerate(fillers) if f.label == "TITLE"}
    for k, f in enumerate(fillers):
        title = titles.get(f.end)
        if title is None or f.label != "ORG" or len(f.text) < 4 or not text.endswith(_COMMITTEES, f.start, f.end):
            continue
        cut, post = f.end - 2, fillers[title]
        fillers[k] = Filler(f.start, cut, text[f.start : cut], "ORG", text[f.start : cut], possessor=f.possessor)
        fillers[title] = Filler(cut, post.end, text[cut : post.end], "TITLE", text[cut : post.end])


def _quoted_names(text: str, fillers: list[Filler]) -> list[Filler]:
    """The whole quoted name around an organisation named inside it (成立「打詐臺南隊」: the
    squad, not 臺南隊), as an organisation of its own."""
    quoted = [m.span(1) for m in _QUOTED.finditer(text)]  # few: most texts have none
    if not quoted:
        return []
    orgs = sorted((f.start, f.end) for f in fillers if f.label == "ORG")
    org_starts = [start for start, _ in orgs]
    out = []
    for a, b in quoted:
        k = bisect_left(org_starts, a)
        inside = any(end <= b and (start, end) != (a, b) for start, end in orgs[k : bisect_left(org_starts, b, k)])
        if inside:
            out.append(Filler(a, b, text[a:b], "ORG"))
    return out


#: A short quoted name (the marks left out): no clause or sentence break inside.
_QUOTED = regex.compile(r"[「“『]([^「」“”『』，。；！？,;!?\n]{2,16})[」”』]")


def _document_fillers(doc: Document, words: set[int] | None = None) -> list[Filler]:
    """Every filler of ``doc`` (``words``: the segmenter's word bounds, when the caller
    has them; else read here only if needed)."""
    fillers: list[Filler] = []
    entities = sorted(doc.entities, key=_START)
    if words is None and doc.tokens and any(
        e.label == "GPE" and doc.text.startswith("人", e.end) for e in entities
    ):
        words = token_bounds(doc.tokens)
    i = 0
    while i < len(entities):
        entity = entities[i]
        j = i
        # a chain of adjacent places (香港大埔区宏福苑, 叙利亚南部苏韦达省) is one place
        while (
            entity.label in PLACE_LABELS
            and j + 1 < len(entities)
            and entities[j + 1].label in PLACE_LABELS
            and _joins_places(doc.text, entities[j].end, entities[j + 1].start)
        ):
            j += 1
        last = entities[j]
        if j > i:
            fillers.append(Filler(entity.start, last.end, doc.text[entity.start : last.end], last.label))
        if entity.label in PLACE_LABELS:  # 越南中部, 加沙地带北部, 黎巴嫩南部多地
            part = _PART_OF_PLACE.match(doc.text, last.end)
            if part is not None and part.end() > last.end:
                end = part.end()
                fillers.append(Filler(entity.start, end, doc.text[entity.start : end], last.label))
        for k in range(i, j + 1):
            e = entities[k]
            people = _demonym(doc, e, words) if e.label == "GPE" and k == j else None
            if people is not None:
                fillers.append(people)
                continue
            last_title = _last_title(entities, k)  # 韩国|总统|特使: its titles, one after another
            named = (
                last_title > k
                and last_title + 1 < len(entities)
                and entities[last_title + 1].label == "PERSON"
                and entities[last_title + 1].start == entities[last_title].end
            )
            # a name taken for a person's before titles and a name (汤加|国王|图普六世) is
            # a country's
            titled = last_title > k and (e.label in ("GPE", "ORG") or (named and e.label == "PERSON"))
            # a country or organisation in front of its representative (伊朗总统佩泽希齐扬;
            # a country also when the representative goes unnamed, 与德国总理茶叙): neither
            # the person nor the place
            # (驻美国大使: the country the ambassador is posted to is no possessor)
            possessor = named or (
                titled and e.label == "GPE" and doc.text[e.start - 1 : e.start] != "驻"
            )
            # 中国代表在发言中谴责: the country's representative speaks (not 代表了, a verb)
            delegate = (
                not titled
                and e.label == "GPE"
                and doc.text[e.start - 1 : e.start] != "驻"  # 驻华代表: posted there
                and _DELEGATE.match(doc.text, e.end) is not None
            )
            fillers.append(
                Filler(
                    e.start, e.end, e.text, e.label, e.canonical or e.text,
                    possessor=possessor or delegate,
                )
            )
            if titled and not named and not _named_after_more_titles(doc.text, entities, last_title):
                # 德国外长, 赞比亚总统 with no name after: a person named by office
                end = entities[last_title].end
                fillers.append(Filler(e.start, end, doc.text[e.start : end], "PERSON", office=True))
            elif delegate:
                end = e.end + 2
                fillers.append(Filler(e.start, end, doc.text[e.start : end], "PERSON", office=True))
        i = j + 1
    _split_committees(doc.text, fillers)
    # 中方, 美方: a country's side acts, it is no place; a side is read off the country
    # the entity stage found, or off a word of the segmenter (缅方, whose 缅 it missed)
    party_starts = frozenset(e.start for e in entities)
    sides = {  # start -> the country's canonical name, when the entity stage gave one
        f.start: f.value for f in fillers
        if f.label == "GPE" and f.end - f.start == 1 and doc.text[f.start] in _SIDES
        and _is_side(doc.text, f.end, party_starts)
    }
    for match in _SIDE_WORD.finditer(doc.text) if doc.tokens else ():
        start = match.start()
        if start in sides:
            continue
        words = token_bounds(doc.tokens) if words is None else words  # only if a side may be there
        if start in words and start + 2 in words and start + 1 not in words:
            sides[start] = None
    for start, value in sorted(sides.items()):
        fillers.append(Filler(start, start + 2, doc.text[start : start + 2], "ORG", value))
    fillers.extend(_institutions(doc, entities))
    for f in list(fillers):  # 法国队, 中国女排: the team of a country or a club
        if f.label in ("GPE", "ORG") and doc.text.startswith(TEAM_SUFFIXES, f.end):
            suffix = next(s for s in TEAM_SUFFIXES if doc.text.startswith(s, f.end))
            end = f.end + len(suffix)
            fillers.append(Filler(f.start, end, doc.text[f.start : end], "ORG"))
    fillers.extend(_quoted_names(doc.text, fillers))
    # does a nominal overlap an entity?  by start, the furthest end so far; a title does
    # not count (一名工程师 is a person, though 工程师 alone is an office)
    covered = sorted((f.start, f.end) for f in fillers if f.label != "TITLE")
    covered_starts = [a for a, _ in covered]
    furthest: list[int] = []
    for _, b in covered:
        furthest.append(max(b, furthest[-1]) if furthest else b)
    ends = {f.end: f for f in fillers if f.label in ("GPE", "ORG", "LOC")}
    person_ends = {f.end for f in fillers if f.label == "PERSON"}
    for start, end, label in find_nominals(doc.text):
        k = bisect_left(covered_starts, end)  # the fillers starting before the nominal ends
        if k and furthest[k - 1] > start:
            continue
        if in_book_title(doc.text, start, end, reach=30):
            continue  # 《逃犯条例》: a word of a title, nobody
        if label == "PERSON" and (start in person_ends or doc.text[start:end] in _REPORTER):
            # 周梅香女士, 潘存庠教练: the name's honorific or title, no one else; 记者
            # alone (记者从…获悉) is who writes the story
            continue
        owner = ends.get(start)
        if owner is not None and label == "ORG":  # 韩国政府, 北京警方: one authority
            fillers.append(Filler(owner.start, end, doc.text[owner.start : end], "ORG"))
        elif owner is not None and owner.label == "GPE":  # 中国女游客, 韩国选手: who, by country
            fillers.append(Filler(owner.start, end, doc.text[owner.start : end], label, nominal=True))
        else:
            fillers.append(Filler(start, end, doc.text[start:end], label, nominal=True))
    previous = None  # the latest sum, which a range's upper end extends (5000万元-1亿元)
    for value in doc.values:
        start, approximate = value.start, value.approximate
        if value.label == "MONEY":  # 约2000万美元, 逾180萬元: a sum is written with its bound
            bound = _MONEY_BOUND.search(doc.text, max(0, start - 4), start)
            if bound is not None:
                start, approximate = bound.start(), True
            if (
                previous is not None
                # the lower end may leave out the unit (18亿-22亿元): a bare number
                and (previous.label == "MONEY" or (previous.label == "COUNT" and _BARE_SUM.fullmatch(previous.text)))
                and doc.text[previous.end : value.start] in _RANGE_JOINERS
            ):
                fillers.pop()  # the lower end, appended last: the range is one sum
                start, approximate = previous.start, True
        fillers.append(
            Filler(
                start,
                value.end,
                doc.text[start : value.end],
                value.label,
                value.value,
                value.unit,
                value.currency,
                approximate=approximate,
            )
        )
        previous = fillers[-1]
    # 央视网消息, 新华社讯, 路透社报道: the source of the text, no participant
    fillers = [
        f
        for f in fillers
        if not (f.label == "ORG" and _SOURCE.match(doc.text, f.end))
        # a one-character name (中, 美 of 中美) is too ambiguous to fill a role, and 中
        # paired with another one (中柬, 美中, 中欧: China and the EU) names a relation, not
        # a place (read on the matching view: an entity's text keeps its script, 中韓)
        and not (f.label in ("PERSON", "ORG", "GPE", "LOC") and len(f.text) < 2)
        and not (
            f.label in PLACE_LABELS
            and f.end - f.start == 2
            and "中" in f.text
            and set(doc.text[f.start : f.end]) <= _COUNTRY_INITIALS
        )
    ]
    _sort_fillers(fillers)
    _resolve_anaphors(doc.text, fillers)
    return fillers


#: A demonstrative and a head that point back to an organisation, a person or a place
#: named before (该公司, 这家银行, 该男子, 这名嫌疑人, 该校, 该州, 该国).
_ANAPHOR = regex.compile(
    r"(?:该|这家|此|该家)(?P<org>公司|集团|企业|银行|机构|平台|运营商|品牌|厂商|医院|学校|俱乐部)"
    r"|(?:该|这名|这位|此|该名)(?P<person>男子|女子|嫌疑人|犯罪嫌疑人|嫌犯|司机|患者|学生|"
    r"官员|负责人|艺人|演员|歌手|球员|选手|男孩|女孩)"
    r"|该(?P<unit>校|院|局|厂|店|队|行)(?![长员士])"
    r"|该(?P<place>国|州|省|市|县)(?![长民家际内外])"
)
#: What the name an anaphor's head points back to ends with, where that is not the head
#: itself: 该校 -> 北京大学, 本府 -> 臺南市政府.
_UNIT_ENDS = {"校": ("校", "学", "学院"), "府": ("政府", "市府", "县府")}
#: The body that issues the text, named by its kind (本局, 本府, 本公司): not 本市, 本届, 本人.
_OWN_BODY = regex.compile(r"本(?P<head>局|府|署|院|校|会|处|厅|公司|集团|行)(?![长员士址内外部])")
#: What may follow a place anaphor that is itself a participant (该州正在…, 该国已…, 该市于…).
_AFTER_PLACE = frozenset("正将已在于也还是有曾被对向与和及并均都，,。、；;")
#: Places that are no country (该国 points back to a country).
_SUBNATIONAL_ENDS = ("省", "市", "县", "州", "区", "镇", "乡", "村", "岛")
#: How far back (characters) an anaphor's antecedent may be.
_ANAPHOR_REACH = 300


def _of_its_kind(head: str | None, name: str) -> bool:
    """Whether ``name`` is of the kind an anaphor's head says: 该国 a country (no 省, 市, 州
    ...), 该校 a name ending in 校 / 学 / 学院, 该州 one ending in 州; any for 该公司, 该男子."""
    if head == "国":
        return not name.endswith(_SUBNATIONAL_ENDS)
    return head is None or name.endswith(_UNIT_ENDS.get(head, (head,)))


#: What makes a title a way of addressing its holder (总统先生, 总理阁下, 主席女士).
_ADDRESS = ("先生", "女士", "阁下")
#: How far back the holder of an addressed title may have been named.
_ADDRESS_REACH = 800


def _titled_anaphors(text: str, fillers: list[Filler], named: list[Filler], anaphors: dict) -> None:
    """总统先生: the person last named with that title before it (伊朗总统佩泽希齐扬…习近平主席同
    总统先生举行会晤: 佩泽希齐扬)."""
    for title in fillers:
        if title.label != "TITLE" or not text.startswith(_ADDRESS, title.end):
            continue
        end = title.end + 2
        words = text[title.start : title.end]  # as the matching view reads it (總統: 总统)
        antecedent = None
        for f in named:
            if f.start >= title.start:
                break
            if (
                f.label == "PERSON"
                and title.start - f.end <= _ADDRESS_REACH
                and text[max(0, f.start - len(words)) : f.start] == words
            ):
                antecedent = f
        if antecedent is not None:
            anaphors[title.start, end] = Filler(
                title.start, end, text[title.start : end], "PERSON", nominal=True,
                refers_to=antecedent, addressed=True,
            )


def _resolve_anaphors(text: str, fillers: list[Filler]) -> None:
    """Point each anaphor (该公司, 该男子, 该州) at the nearest name of its kind before it, in an
    earlier sentence of its paragraph and within reach: a role it fills takes that name.
    ``fillers``: sorted by start.  Each anaphor looks back over its reach only."""
    named = [f for f in fillers if not f.nominal and f.label in ("ORG", "PERSON", "GPE")]
    starts = [f.start for f in named]
    longest = max((f.end - f.start for f in named), default=0)
    anaphors: dict[tuple[int, int], Filler] = {}
    for match in _ANAPHOR.finditer(text):
        if match["place"] and text[match.end() : match.end() + 1] not in _AFTER_PLACE:
            continue  # 该国首相, 该州政府: the place only says whose they are
        head = match["unit"] or match["place"]
        label = "PERSON" if match["person"] else "GPE" if match["place"] else "ORG"
        start = match.start()
        # the names that could end within reach; the breaks before them need not be sought
        # further back than the earliest of them starts
        lo = max(0, start - _ANAPHOR_REACH - longest)
        # in an earlier sentence of the paragraph (腾讯宣布收购该公司: not 腾讯)
        sentence = max(text.rfind(mark, lo, start) for mark in "。！？；\n")
        if sentence < 0:
            continue
        paragraph = text.rfind("\n", lo, start)
        antecedent = None
        for f in named[bisect_left(starts, lo) : bisect_left(starts, sentence)]:
            if f.end > sentence:
                break
            if (
                f.label == label
                and _of_its_kind(head, f.text)
                and f.start > paragraph
                and start - f.end <= _ANAPHOR_REACH
                and not (f.possessor or f.office)
            ):
                antecedent = f
        if antecedent is not None:
            anaphors[start, match.end()] = Filler(
                start, match.end(), match.group(), label, nominal=True, refers_to=antecedent
            )
    for match in _OWN_BODY.finditer(text):
        # 本局, 本府: the body that issues the text, named first (the title's 臺南市政府警察局)
        antecedent = next(
            (
                f
                for f in named
                if f.label == "ORG" and f.end <= match.start() and _of_its_kind(match["head"], f.text)
            ),
            None,
        )
        if antecedent is not None:
            anaphors[match.span()] = Filler(
                *match.span(), match.group(), "ORG", nominal=True, refers_to=antecedent
            )
    _titled_anaphors(text, fillers, named, anaphors)
    if anaphors:  # they replace the nominals of their span (该男子)
        fillers[:] = [f for f in fillers if (f.start, f.end) not in anaphors]
        fillers += anaphors.values()
        _sort_fillers(fillers)
