"""The time of an event mention: a time of its own clause, else of its sentence (a vague
word such as 近日 gives the event its words but no time value), else a year or month ending the sentence before, else
the latest earlier day of its paragraph (never one of a background clause)."""

from __future__ import annotations

import regex

from newsie.document import Document
from newsie.events.clauses import _PHRASE_BREAK, _clause_of
from newsie.events.fillers import _DocIndex, in_book_title, quoted_name
from newsie.events.merge import _in_title_line
from newsie.events.models import Trigger
from newsie.time.resolve import _shift
from newsie.time.value import TimeValue
from newsie.values.numbers import parse_number

# a clause about the past of someone or something, not about the news of the article
_BACKGROUND = regex.compile(r"曾经|曾[在是任于经]|此前|早前|先前|当年|正值|昔日|\G\s*在[^，,]{1,30}(?:之前|以前)\s*$")

# a year of an account or an award names what follows it, not when the event happened
# (2023年度报告, 112年度志愿服务金质徽章)
_ATTRIBUTIVE = regex.compile(r"年度\p{Han}")
#: A counted span of time (20天, 3个多月, 72小时).
_SPAN = r"(?:\p{N}+|[一二两三四五六七八九十百几数]+)(?:多|余)?(?:天|日|周|个月|年|小时)"
# a span after a verb counts from that happening, not from the publication (失联20天后,
# 入院3天后): the text does not say when that was
_SPAN_AFTER = regex.compile(_SPAN + "后$")
_NOT_A_VERB = frozenset("将于约在再计的还仅只近才至到今明昨前后，。、；：,;: \n")


# a time right after 因 / 由于 dates the cause that clause tells (张三因3年前殴打他人，被拘留):
# not an event of a later clause
_CAUSE = regex.compile(r"(?:因|因为|由于)$")
# a time right after 被控 / 涉嫌 / 承认 dates the act alleged or admitted (被控于前年11月6日袭击
#他人; 涉嫌前年在立法会起冲突，…被控…; 承认于去年6月4日参与集结，被判囚8个月), not the charge
# or the sentence told in another clause
_ALLEGED = regex.compile(r"(?:被控|涉嫌|被指控|被指|被起诉|承认|否认)(?:於|于|在)?$")
# an event named as the matter something is about (针对张三被拘留一事, 就该公司被罚一事回应): a
# reference to it, which the time of its sentence (the response) does not date; so is a
# case named by it when it is tried (姐弟坠亡案二审临近: the deaths were years before the appeal)
_MATTER = regex.compile(
    r"[^，。；,;]{0,6}?(?:一事|一案)|案[^，。；,;]{0,4}?(?:一审|二审|再审|审理|审讯|开庭|宣判|审结|判决|上诉)"
    # ... and so is a meeting named by what it agreed (落实两国领导人巴厘岛会晤重要共识)
    r"|的?(?:重要)?(?:共识|精神)"
)


def _after_a_happening(text: str, mention, trigger: Trigger) -> bool:
    """Whether the time is a span counted from a happening its verb names (失联20天后):
    never the time of that happening itself (停火执行72小时后 is after the ceasefire began),
    and no time of another either when the time stage could only count it from the
    publication (one it chained to the story's clock, 爆炸发生约15分钟后, dates the fire)."""
    if not _SPAN_AFTER.search(text, mention.start, mention.end):
        return False
    if trigger.end <= mention.start and not _PHRASE_BREAK.search(text, trigger.end, mention.start):
        return mention.start - trigger.end <= 8  # the trigger is the happening it counts from
    return (
        mention.value is not None
        and mention.value.anchor == "published"
        and text[mention.start - 1 : mention.start] not in _NOT_A_VERB
    )


#: A time after the trigger, in its clause, that counts a span from it (上任公务员事务局后5日).
_COUNTED_FROM_BEFORE = regex.compile(
    r"[^，。；,;！？!?]{0,12}?(?:后" + _SPAN
    # ... or names a day by it (就任马尔代夫总统的第二天, 新规出台的次日)
    + r"|的(?:第[一二两三四五六七八九十\d]+天|次日|翌日|隔天|隔日|次年|翌年|前一天|前夕))"
)
#: A span from a time to now, between that time and the trigger (110年12月开工迄今…启用).
_SINCE_THEN = regex.compile(r"迄今|至今|以来")
#: A step told as coming later than the time before it (其后, 后来, 及后, 多年后), by an
#: unsaid span: that time is not the step's (随后, 当天 and the like are the same day; 后来79日的
#: and 及后续 are no such word).
_LATER_ON = regex.compile(r"其后|后来(?![\d一二两三四五六七八九十几数的])|及后(?!续)|多年后|多年以后|日后|事后")

#: A trigger that describes a noun (被捕的陈某, 提早退休的前总监, 南市推出的APP): a past
#: happening told as background, which the times of the sentences around do not date;
#: not when it dates something itself (离世的日子, 出台的第二天, 去世的时候).
_DESCRIBES_A_NOUN = regex.compile(r"的(?!时|日子|当|次日|翌日|第二天|[前后](?:夕|天|日|[一二两三几数\d])|话)")
#: A happening told in a clause that describes whom a host meets (会见来华出席峰会的X): its
#: time is not the meeting's, told before the host's verb.
_GUEST_CLAUSE = regex.compile(r"(?:会见|会晤|接见|宴请|欢迎|迎接|看望|慰问)$")
_CLAUSE_OF_GUEST = regex.compile(r"[^，。；,;！？!?]{0,40}?的")
#: Stands charged (黄之锋等20人被控藐视法庭): a state, whose charging the times told
#: around it do not date (as 加控, a charge added that day, is dated).
_STANDS_CHARGED = regex.compile(r"被(?:指)?$")

#: A saying between a time and the trigger: the time dates the saying, and what is said
#: (2月18日，穆伊兹表示，两国签署了协议; 今天发布的数据，台风已导致188人死亡) is not dated by
#: it.  Not a notice (公告称, 宣称)
#: that is the act itself, nor a word in a title (《…记录、通报和责任追究规定》), nor a
#: bulletin's 称 right after its day (国防部24日称，俄军…实施打击: the day's news).
_SAID = regex.compile(r"表示|(?<![宣声指告])称|说|指出|透露|通报|告诉|强调|认为|回应|发布的数据|数据显示|统计显示")


#: CAMEO codes (prefixes) of events that are sayings themselves (statements, appeals,
#: praise, apologies, demands, criticism, rejections, threats): the saying's time is theirs.
_SAYING_CODES = ("01", "02", "051", "055", "10", "111", "112", "114", "12", "13")


def is_a_saying(template) -> bool:
    """Whether the events of ``template`` are sayings (its CAMEO code, or thanks); a report
    to the authorities (1121, whistleblowing) is an act of its own."""
    code = template.cameo or ""
    return template.type == "thanks" or (code.startswith(_SAYING_CODES) and not code.startswith("1121"))


def _said_between(text: str, start: int, end: int) -> bool:
    """Whether a saying's verb stands between a time (ending at ``start``) and the
    trigger (at ``end``), outside a title."""
    return any(
        not (m.start() == start and m.group() == "称") and not _in_a_title(text, m.start())
        for m in _SAID.finditer(text, start, end)
    )

# a year in the name of a gathering names that gathering, not when another event
# happened (来华出席2025年上海合作组织峰会: the visit is not dated 2025 by it)
_IN_A_NAME = regex.compile(
    r"年(?:第\p{N}+届)?[\p{Han}A-Za-z·“”「」]{2,14}?"
    r"(?:峰会|运动会|世运会|奥运会|亚运会|博览会|进博会|论坛|年会|世界杯|锦标赛|马拉松|"
    r"艺术节|电影节|音乐节|展览会|交易会|广交会)"
)


def _in_a_title(text: str, start: int) -> bool:
    """Whether ``start`` lies inside book-title marks (《…》) on its line."""
    return in_book_title(text, start, start, reach=80, line=True)


#: A day written with a dot (8.31, 7·21) and what names an incident by it (8.31太子站…案件).
_DOTTED_DAY = regex.compile(r"\d{1,2}[.·•・]\d{1,2}")
_INCIDENT = regex.compile(r"案|事件|一役")


def _names_another(text: str, mention, trigger: Trigger) -> bool:
    """Whether the time is a day in a quoted name (「6.26包围警总」, “7·15”) that names
    another happening than the trigger's: the trigger is neither inside the name nor the
    noun right after it (「6.26包围警总」暴动案: the riot is the one named)."""
    name = quoted_name(text, mention.start, mention.end)
    if name is None:
        # 8.31太子站首宗案件宣判: a day written with a dot names the incident of the case or
        # event named after it, not what befalls that case
        if mention.end > trigger.start or _DOTTED_DAY.fullmatch(text, mention.start, mention.end) is None:
            return False
        phrase_end = _PHRASE_BREAK.search(text, mention.end, trigger.start)
        incident = _INCIDENT.search(text, mention.end, phrase_end.start() if phrase_end else trigger.start)
        return incident is not None
    opening, closing = name
    return not (opening < trigger.start < closing or closing < trigger.start <= closing + 3)


def dates_a_name(text: str, mention, trigger: Trigger) -> bool:
    """Whether a time of its sentence dates a movement's name: one written right before it
    (2014年傘運), or any when its clause tells the movement started. A movement named in a
    sentence about something else (傘運前夕…於2012年7月28日成立, 5月4日審理一宗涉及反送中
    運動的案件) is not dated by its times."""
    if 0 <= trigger.start - mention.end <= 1:
        return True
    # ... or the start of it told in its clause (三年前，他們重奪公民廣場，才開啟…的佔領運動)
    return _STARTED.search(text, max(0, trigger.start - 16), trigger.start) is not None


#: A verb of starting a movement, before its name in its clause.
_STARTED = regex.compile(r"(?:开启|发起|掀起|爆发|引发|展开|开始)[^，。；！？]{0,12}$")


#: A counted span that ends in 内 (一小时内, 24小时内, 三天内): a duration or a deadline, not a
#: time of the event; not 年内 / 月内, this year or month.
_WITHIN = regex.compile(r"(?:\d+|[一二两三四五六七八九十百几数半]+)(?:多|个)*(?:秒钟?|分钟|小时|钟头|天|日|周|星期|月|年)内")


def _time_for(
    doc: Document,
    s_index: int,
    trigger: Trigger,
    clauses,
    sentence=None,
    doc_index=None,
    saying: bool = False,
) -> tuple[int | None, bool, int]:
    """The time of an event: the nearest usable time of its sentence (one in a later
    clause belongs to what that clause says, one of a saying that tells it dates only the
    saying unless the event is a saying itself; a vague word such as 近日 counts, to be
    kept without a value), else a time told just before it; a saying told with none takes
    its story's day (the lead's)."""
    if sentence is None:
        sentence = doc.sentences[s_index]
    if doc_index is None:
        doc_index = _DocIndex(doc, [])
    trigger_clause = _clause_of(clauses, trigger.start)
    if _MATTER.match(doc.text, trigger.end):
        return None, False, 99
    best, best_score, best_gap = None, None, 99
    said = False  # a time of the sentence dates only a saying that tells the trigger
    # 13日在京会见来华出席…的X: the guest's coming is dated by nothing before the host's verb
    counted = False  # a time of the clause is counted from the trigger (就任…的第二天)
    guest = _GUEST_CLAUSE.search(doc.text, max(0, trigger.start - 2), trigger.start) is not None and (
        _CLAUSE_OF_GUEST.match(doc.text, trigger.end) is not None
    )
    for index in doc_index.times_within(sentence.start, sentence.end):
        mention = doc.times[index]
        if mention.value is None:
            if mention.unresolved is None:
                continue
            # 周三 in a text with no publication time: the event keeps the expression
            # (time_text) with no value, as the time layer keeps it with its reason
        elif (
            mention.value.kind in ("duration", "set")
            or _WITHIN.fullmatch(doc.text, mention.start, mention.end)  # the matching view
            # 创会110年以来: a span to now (an age right after the trigger, 成立24年以来, is
            # the template's to read: stated_by_age)
            or (doc.text.endswith("以来", mention.start, mention.end) and mention.start != trigger.end)
        ):
            continue  # 一小时内: how long it took or may take, not when
        if _ATTRIBUTIVE.match(doc.text, mention.end - 2) or _after_a_happening(doc.text, mention, trigger):
            continue
        if _names_a_gathering(doc.text, mention, trigger) or mention.text.endswith("规划"):
            continue  # “十五五”规划: the period of a plan, not when it was adopted
        if _in_a_title(doc.text, mention.start):
            continue  # 印发《2021年重点项目投资计划》: the document's name
        if _names_another(doc.text, mention, trigger):
            continue  # 「6.26包围警总」暴动案中被判囚4年: the day of the riot, not the sentence
        if (mention.start == trigger.end + 1 and doc.text[trigger.end] == "的") or (
            mention.start == trigger.end and doc.text.startswith(("前", "后"), mention.start)
        ):
            counted = True
            continue  # 就任总统的第二天, 新规出台的次日, 开庭前一天: a day counted from it, not its own
        if mention.start >= trigger.end and _COUNTED_FROM_BEFORE.fullmatch(doc.text, trigger.end, mention.end):
            counted = True  # its day is told only by one counted from it: none to borrow
            continue  # 上任公务员事务局后5日: a day counted from it, not its own
        if _covered_by_report(doc.text, mention, trigger):
            continue  # 发布2023年三季度财报: the period the report covers, not its day
        if guest and mention.end <= trigger.start:
            continue
        if sentence.start <= mention.start and mention.end <= sentence.end:
            clause_gap = abs(_clause_of(clauses, mention.start) - trigger_clause)
            if mention.start >= trigger.end and clause_gap:
                continue
            if clause_gap and _CAUSE.search(doc.text, max(0, mention.start - 2), mention.start):
                continue
            if (mention.start >= trigger.end or clause_gap) and _ALLEGED.search(
                doc.text, max(0, mention.start - 4), mention.start
            ):
                continue
            distance = (
                trigger.start - mention.end
                if mention.end <= trigger.start
                else 2 * (mention.start - trigger.end) + 10
            ) + 10 * clause_gap
            if best_score is not None and distance >= best_score:
                continue
            if mention.end <= trigger.start:
                # 110年12月开工迄今终于完工启用: a span's start, not when the trigger was
                if _SINCE_THEN.search(doc.text, mention.end, trigger.start):
                    continue
                # 2015年在新加坡被控…，其后判监六星期: the trigger came later, when is not said
                if _LATER_ON.search(doc.text, mention.end, trigger.start):
                    continue
                if not saying and _said_between(doc.text, mention.end, trigger.start):
                    said = True
                    continue
            best, best_score, best_gap = index, distance, clause_gap
    if best is not None:
        # a vague word (近日 / 目前 / 不久前) is kept: the event names it (time_text) but
        # has no time value (see EventExtractor._event), and borrows none
        return best, False, best_gap
    if said or guest or counted:
        return None, False, 99
    if clauses and _BACKGROUND.search(doc.text, *clauses[trigger_clause]):
        return None, False, 99  # background (在创立X之前, 曾任, 正值): not the article's time
    if _told_as_background(doc.text, trigger):
        return None, False, 99
    if _subtitle_line(doc.text, trigger):
        lead = _lead_time(doc, sentence.end, doc_index)
        if lead is not None:  # a headline inside a page tells the news its lead dates
            return lead, True, DATELINE_GAP
    coarse = _previous_sentence_time(doc, s_index, doc_index)
    if coarse is not None and not _covered_by_report(doc.text, doc.times[coarse], trigger):
        return coarse, True, 99
    latest = doc_index.latest_context_time(sentence.start)  # the article's latest earlier time
    if latest is not None and not _covered_by_report(doc.text, doc.times[latest], trigger):
        return latest, True, 99
    dateline = doc_index.dateline
    if dateline is not None and 0 <= trigger.start - doc.times[dateline].end <= doc_index.dateline_span:
        return dateline, True, DATELINE_GAP  # 新华社北京2月27日电: it dates the story's lead
    if _in_title_line(doc.text, trigger):
        lead = _lead_time(doc, sentence.end, doc_index)
        if lead is not None:  # a title tells the news its lead dates
            return lead, True, DATELINE_GAP
    if saying:  # 2日，习近平会见敏昂莱。… 敏昂莱表示，感谢中方…: said at the story's occasion
        lead = _lead_time(doc, doc.text.find("\n") + 1, doc_index)
        if lead is not None and doc.times[lead].end <= trigger.start:
            return lead, True, DATELINE_GAP
    return None, False, 99


def _told_as_background(text: str, trigger: Trigger) -> bool:
    """Whether the trigger tells a happening only as background, with no time of its own
    (it describes a noun, or someone stands charged): it takes none from its context."""
    if _DESCRIBES_A_NOUN.match(text, trigger.end):
        return True
    return trigger.text == "控" and _STANDS_CHARGED.search(text, max(0, trigger.start - 2), trigger.start) is not None


def _subtitle_line(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is in a headline inside a page (国际联播快讯 … 美国对多名欧洲人员实施
    签证限制 / 美国国务院23日发布公告…): a short line after the first, with no closing
    punctuation, followed by a longer paragraph that tells the story."""
    start = text.rfind("\n", 0, trigger.start) + 1
    end = text.find("\n", trigger.end)
    if start == 0 or end < 0 or end - start > 40:
        return False
    line = text[start:end].strip()
    if not line or line.endswith(_CLOSING):
        return False
    following = text.find("\n", end + 1)
    story = text[end + 1 : following if following >= 0 else len(text)]
    return len(story) > len(line) and "。" in story


_CLOSING = ("。", "！", "？", "；", ";", "!", "?", "：", ":", "）", ")")


def _lead_time(doc: Document, title_end: int, doc_index) -> int | None:
    """The first day (or finer) time of the lead sentence after a title: 欧盟对X罚款1.2亿欧元 /
    欧盟委员会5日宣布…: the title's news happened on the 5th."""
    lead = next((s for s in doc.sentences if s.start >= title_end and s.text.strip()), None)
    if lead is None:
        return None
    for i in doc_index.times_within(lead.start, lead.end):
        value = doc.times[i].value
        if value is not None and value.kind in ("point", "range") and value.grain not in _COARSE:
            return i
    return None


#: The gap _time_for gives a time taken from the dateline: it dates what happened only.
DATELINE_GAP = 98

_COARSE = frozenset({"year", "half_year", "quarter", "month"})


#: Trigger words that name a report of results, which a period before them describes.
_REPORT_WORDS = ("财报", "业绩", "年报", "季报", "半年报", "中报", "财务报告", "业绩报告")
_REPORT_NOUNS = frozenset(_REPORT_WORDS)


#: What a period of results is written before (前三季度净利润, 一季度业绩下降).
_RESULTS = regex.compile(
    "的?(?:" + "|".join(_REPORT_WORDS + ("净利润", "净利", "营收", "营业收入", "利润", "亏损", "盈利")) + ")"
)


def _covered_by_report(text: str, mention, trigger: Trigger) -> bool:
    """Whether the time is the period a report of results covers, written right before
    the report's word (港交所公布2023年全年业绩) or the results themselves (前三季度净利润
    213亿元, 一季度业绩下降): it dates no event, the report being told on its day."""
    if trigger.text in _REPORT_NOUNS and 0 <= trigger.start - mention.end <= 1:
        return text[mention.end : trigger.start] in ("", "的")
    value = mention.value
    results = _RESULTS.match(text, mention.end)
    # results that are the trigger's own (前三季度净利润 of an earnings event) keep their period
    return (
        value is not None
        and value.grain in _COARSE
        and results is not None
        and (results.end() <= trigger.start or trigger.end <= mention.start)
    )


def _names_a_gathering(text: str, mention, trigger: Trigger) -> bool:
    """Whether the time is the year in the name of a gathering the trigger is not part
    of (来华出席2025年上海合作组织峰会: the summit's year, not the visit's)."""
    if not mention.text.endswith("年"):
        return False
    name = _IN_A_NAME.match(text, mention.end - 1)
    return name is not None and not mention.start <= trigger.start < name.end()


def _previous_sentence_time(doc: Document, s_index: int, doc_index) -> int | None:
    """A year or month ending the previous sentence of the paragraph (2023年伦敦马拉松，X再次
    夺魁。他以…夺冠: 2023): a sentence without a time goes on in the one just told.  Day
    times are borrowed from further back too (``latest_context_time``); coarser ones only
    from here, as one told sentences before is often background."""
    if s_index == 0:
        return None
    before, sentence = doc.sentences[s_index - 1], doc.sentences[s_index]
    if "\n" in doc.text[before.end : sentence.start]:
        return None
    found = [
        i
        for i in doc_index.times_within(before.start, before.end)
        if doc.times[i].value is not None and doc.times[i].value.kind in ("point", "range")
    ]
    if not found:
        return None
    last = doc.times[found[-1]].value
    return found[-1] if last.kind == "point" and last.grain in _COARSE else None


_AGE_YEARS = regex.compile(r"(?:\d+|[一二三四五六七八九十百]+)年(?:以)?[来來]")


def _age_start(text: str, value: TimeValue | None) -> TimeValue | None:
    """The year an age right after the trigger counts from (成立24年来: 24 years before
    publication), as the event's time; none for a vague age (30多年来, 以来)."""
    if value is None or value.start is None or not _AGE_YEARS.fullmatch(text):
        return None
    return _year_from(value.start)


def _year_from(start) -> TimeValue:
    """The year that begins at ``start``, counted from the publication time."""
    end = start.replace(year=start.year + 1)
    return TimeValue(kind="point", start=start, end=end, grain="year", anchor="published")


#: A whole number of years written right after a trigger and before the noun it
#: describes (开业15年的御膳厨房, 成立三十年的公司, 结婚8年了): the thing's age.
_AGE_OF = regex.compile(r"(\d{1,3}|[一二两三四五六七八九十]{1,3})年(?=的|了|[，。；,;])")


def _age_before_publication(text: str, trigger_end: int, published) -> tuple[TimeValue, str] | None:
    """The year an exact age right after the trigger counts back to from the publication
    (开业15年的X published in 2021: 2006), and the age's words; none without a publication
    time, for a vague age (十多年, 数年) or an anniversary (开业3周年)."""
    match = _AGE_OF.match(text, trigger_end)
    if published is None or match is None:
        return None
    years = parse_number(match.group(1))
    if years is None or years != int(years) or not 0 < years < published.year:
        return None
    start = published.replace(
        year=published.year - int(years), month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return _year_from(start), match.group()


def _range_start(value: TimeValue) -> TimeValue:
    """The first unit of a range (2007年5月至2011年6月 -> May 2007), as the time of what
    began it; other values as they are."""
    if value.kind != "range" or value.start is None or value.grain not in ("year", "month", "day"):
        return value
    end = _shift(value.start, value.grain, 1)
    return value.model_copy(update={"kind": "point", "end": end})
