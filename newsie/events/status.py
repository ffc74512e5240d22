"""The status of an event mention from the cue words around its trigger (planned,
denied, reported, else happened), and the calls and demands that are no event at all.
The cue words are data: ``corpora/lexicons/status.toml``."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from functools import cache, lru_cache

import regex

from newsie.events.models import Trigger
from newsie.ner.lexicon import BODY_NAME_ENDS, surnames
from newsie.resources import corpora_path

#: What ends a clause: a trigger's status cues are read in its own clause.  Not the comma
#: or colon inside a number or a clock time (25,000元, 12:30).
_CLAUSE_BREAK = regex.compile(r"[，；：—\u3000]|(?<!\d)[,:;]|[,:;](?!\d)|——")


@lru_cache(maxsize=1)
def status_cues() -> dict[str, tuple[str, ...]]:
    """Cue words for each status, from ``corpora/lexicons/status.toml``."""
    with open(corpora_path("lexicons", "status.toml"), "rb") as handle:
        data = tomllib.load(handle)
    return {status: tuple(words) for status, words in data["cues"].items()}


#: 将 followed by its object (将其, 将该…, 将X的Y下架, 将北京作为…): the disposal 将, no future.
#: (将与X合并, 将于, 将在, 将对X进行: a preposition after 将 makes it the future.)
_DISPOSAL = regex.compile(
    r"(?![与于在对向同从把被由和跟])(?:[其该这此之]|所有|全部|(?:犯罪)?嫌疑人|涉事|伤者|患者|遇难者|[\d一二两三四五六七八九十]+名|[^，。；,;]{0,12}?(?:的|作为|视为|列为|改为|定为|定性为|称为|纳入))"
)
#: Cue words that a character before or after makes part of another word, so no cue:
#: word -> (characters before, characters after).  传来消息, 传统, 宣传: no hearsay; 未来,
#: 未成年, 未婚: no negation; 无人机, 无人驾驶: a drone, no one absent; 老将, 名将, 主将:
#: a player or a general, no future.
_NOBODY_WORDS = frozenset("机驾区船艇车售值商超")
_OTHER_WORD = {
    "传": (frozenset("宣遗外上下"), frozenset("来统播输递承达媒奇说感染球真授")),
    "未": (frozenset(), frozenset("来成婚")),
    "无人": (frozenset(), _NOBODY_WORDS),
    "没有人": (frozenset(), _NOBODY_WORDS),
    "将": (frozenset("老名主女大猛干小悍宿武爱战败良"), frozenset("军士领帅")),
    # a plan as a document voted or filed (都市计划案审议通过, 计划书): no plan to act
    "计划": (frozenset(), frozenset("案书")),
    # 虚拟, 模拟, 比拟 hold no 拟 (intends); 接待, 对待, 待遇 no 待 (pending; 期待 and 等待
    # look ahead as it does)
    "拟": (frozenset("虚模比"), frozenset()),
    "待": (frozenset("接对招款虐看善亏厚优"), frozenset("遇命")),
    # 拒道歉, 拒认罪: refuses to; but 抗拒, and 拒捕 (resisting arrest) or 拒载 are acts
    "拒": (frozenset("抗"), frozenset("捕载")),
}


@cache
def _status_names() -> tuple[str, ...]:
    """The statuses read from cue words before the trigger (the ``not_event`` lists are read
    by _not_an_event; ``planned_after`` cues only follow the trigger: 开业计划, while
    行动方案发布 tells a plan issued)."""
    return tuple(
        status
        for status in status_cues()
        if not status.startswith("not_event") and status != "planned_after"
    )


@cache
def _any_cue(status: str | None = None) -> regex.Pattern:
    """Any cue word of ``status`` (None: of any status read from cue words): one search
    tells that a scope holds none (most do)."""
    cues = status_cues()
    words = cues[status] if status else [word for name in _status_names() for word in cues[name]]
    return regex.compile("|".join(map(regex.escape, words)))


def _clause_start(text: str, s_start: int, trigger: Trigger) -> int:
    """Where the trigger's clause starts: after the last clause break of the 32 characters
    before it (the clause matters only that far), else at the sentence's start."""
    start = s_start
    for match in _CLAUSE_BREAK.finditer(text, max(s_start, trigger.start - 32), trigger.start):
        start = match.end()
    return start


#: A title in book-title marks.
_BOOK_TITLE = regex.compile(r"《[^《》\n]{0,80}》")
#: An aside closed before the trigger (黃先生（真的姓黃，但未公開全名）早在…): its words frame
#: nothing outside it.
_ASIDE = regex.compile(r"（[^（）\n]{0,60}）|\([^()\n]{0,60}\)")


def _status(text: str, s_start: int, s_end: int, trigger: Trigger) -> str:
    cues = status_cues()
    best_status, best_distance = "happened", None
    sentence_head = text[s_start : trigger.start]
    if "《" in sentence_head:  # a title's words are no cue (印发《重点项目投资计划》)
        sentence_head = _BOOK_TITLE.sub(_blank, sentence_head)
    if "）" in sentence_head or ")" in sentence_head:  # nor are an aside's
        sentence_head = _ASIDE.sub(_blank, sentence_head)
    # every scope below ends at the trigger inside the sentence's head, and most heads hold
    # no cue word at all: one search rules them all out
    if _any_cue().search(sentence_head):
        window_start = _clause_start(text, s_start, trigger)
        before = sentence_head[max(window_start, trigger.start - 14) - s_start :]
        # a plan frames its whole clause (计划对落网人员以涉恐案件立案): its cue may stand further off
        clause_head = sentence_head[max(window_start, trigger.start - 30) - s_start :]
        scopes = {"reported": sentence_head, "planned": clause_head, "denied_clause": clause_head}
        for status in _status_names():
            scope = scopes.get(status, before)
            if not _any_cue(status).search(scope):
                continue
            # a status wins by its nearest cue word, so the order of its words does not matter
            for word in cues[status]:
                position = scope.rfind(word)
                if position < 0:
                    continue
                around = _OTHER_WORD.get(word)
                end = position + len(word)
                if around and (
                    scope[position - 1 : position] in around[0] or scope[end : end + 1] in around[1]
                ):
                    continue  # part of another word (未来, 无人机, 老将, 宣传)
                if word == "将" and _DISPOSAL.match(scope, position + 1):
                    continue  # 将专辑下架, 将北京作为出访首站: 将 marks the object, not the future
                if status == "denied" and _BEFORE_THEN.search(scope, end):
                    continue  # 未毕业就加入: the act came before what is denied, and happened
                distance = len(scope) - position - len(word)
                if status == "reported":
                    distance += 20  # a report frames the clause; closer cues win
                if best_distance is None or distance < best_distance:
                    best_status, best_distance = status, distance
    if best_status in ("happened", "reported") and _DENIED_AFTER.match(text, trigger.end, s_end):
        return "denied"  # 网易回应大规模裁员：消息不实
    if best_status == "happened":
        after = text[trigger.end : min(s_end, trigger.end + 3)]
        if after.startswith(cues.get("planned_after", ())):
            return "planned"
    return {"planned_after": "planned", "denied_clause": "denied"}.get(best_status, best_status)


#: 就 / 便 between a denial and the trigger: 未毕业就加入 (joined before graduating).
_BEFORE_THEN = regex.compile(r"[就便](?![此是在])")


#: A denial told after the trigger in its sentence (回应裁员：消息不实, 裁员传闻纯属谣言).
_DENIED_AFTER = regex.compile(
    r"[^。！？!?\n]{0,12}?(?:消息|传闻|传言|说法|报道)?(?:不实|不属实|纯属谣言|系谣言|是谣言|为谣言|属谣言)"
)


@cache
def _not_event_except() -> regex.Pattern:
    """The words that hold a ``not_event`` cue without being it (农历年 holds 历年)."""
    words = status_cues().get("not_event_except", ()) or ("\uffff",)
    return regex.compile("|".join(map(regex.escape, words)))


def _blank(match: regex.Match) -> str:
    """A match blanked out, keeping the text's length."""
    return " " * len(match[0])


@cache
def _not_event_before() -> regex.Pattern:
    """What before the trigger in its clause makes no event, as one pattern: the
    ``not_event`` cue words anywhere, a condition, a count of stocks or a label."""
    words = "|".join(map(regex.escape, status_cues()["not_event"]))
    family = "".join(sorted(name for name in surnames() if len(name) == 1))
    return regex.compile(
        f"{words}|(?<![{family}])(?:{_CONDITION.pattern})"
        f"|(?:{_COUNTED_STOCKS.pattern})|(?:{_LABELLED.pattern})"
    )


def _not_an_event(text: str, s_start: int, trigger: Trigger) -> bool:
    """A call, a demand or advice (相关官员应辞职, 呼吁双方停火), a precaution, a condition,
    a question, a hypothetical or a possibility (防范火灾, 若被解雇, 模拟地震, 杀害X的可能性), a kind in a list (风灾、地震等), or a
    risk, drill or topic the trigger word only modifies (火灾隐患, 地震应急演练): the
    trigger names no event."""
    cues = status_cues()
    window_start = _clause_start(text, s_start, trigger)
    before = _not_event_except().sub(_blank, text[max(window_start, trigger.start - 12) : trigger.start])
    if (
        _not_event_before().search(before)
        # a demand frames its whole clause (要求以色列就…一事进行公开道歉)
        or _not_event_clause().search(text, max(window_start, trigger.start - 30), trigger.start)
        or _PENALTY.search(text, window_start, trigger.start)
        or _many_firms_act(text, window_start, trigger)
        or _IF.search(text, window_start, trigger.start)
        or before.endswith(cues.get("not_event_adjacent", ()))
        or _NOT_EVENT_AFTER.match(text, trigger.end, trigger.end + 8)
        or _POSSIBILITY.match(text, trigger.end, trigger.end + 20)
        or _in_category_list(text, trigger)
        or _ALTERNATIVE_AFTER.match(text, trigger.end)
        or text[trigger.start - 1 : trigger.start] == "或"  # 离职或撤职: either, neither told
        or _in_slogan(text, trigger)
        or _asked(text, window_start, trigger)
        or _in_spoken_cantonese(text, trigger)
    ):
        return True
    if text.startswith(("有关", "相关"), trigger.end) and _LINKED_TO.search(
        text, max(s_start, trigger.start - 4), trigger.start
    ):
        return True  # 首宗與遊行有關的案件: what a case relates to, no happening told
    after = _HEAD_MODIFIERS.sub("", text[trigger.end : trigger.end + 10])
    nouns = cues.get("not_event_after", ())
    if not after.startswith(nouns):  # most triggers: no such noun after them at all
        return False
    heads = [h for h in nouns if after.startswith(h)]
    # the head noun, not a body named by it (感谢教育局支持, 宣传部门)
    return any(after[len(h) : len(h) + 1] not in BODY_NAME_ENDS for h in heads)


@cache
def _not_event_clause() -> regex.Pattern:
    """The ``not_event_clause`` cue words (a demand), read over the whole clause before
    the trigger."""
    return regex.compile("|".join(map(regex.escape, status_cues()["not_event_clause"])))


#: A name given to a happening told elsewhere (将事件定性为暴动, 称之为「骚乱」, 称是「暴动」):
#: the labelling is no event of its own.
_LABELLED = regex.compile(r"(?:定性|称之|称|形容|视|列|定)(?:事件|此事|事情|示威|冲突|其|这|该)?[为是][「“\"『]?$")
#: What a topic is linked to before 有关 / 相关 (与…有关).
_LINKED_TO = regex.compile(r"[与和跟同][^，。；,;]{0,2}$")
#: Whom a rule punishes or what it may impose, anywhere earlier in the clause (初犯判处入狱
#: 一年, 若再犯或恶意触犯判处…监禁12个月, 违者最高可罚款, 一经定罪，最高刑罚为监禁1年或罚款,
#: 可被罚款25,000元及监禁半年): no sentence passed.
_PENALTY = regex.compile(r"初犯|再犯|重犯|累犯|违者|违反者|干犯|一经定罪|最高刑|最高可|可被[判罚处监]|可[处判罚]")
#: A count of stocks before the trigger (两市71股涨停, 逾百只个股跌停): market statistics.
_COUNTED_STOCKS = regex.compile(r"(?:\d+|[两三四五六七八九十百千]+)(?:多|余)?(?:只|股)(?:个股|股票)?$")
#: Many companies counted before the trigger in its clause (217家科创板公司IPO募资, 年内33家
#: 上市公司定增破发, 近30家房企抛出…融资案): market statistics, no one's happening; not a
#: company's own subsidiaries (旗下13家子公司签署协议) nor a few (两家公司签署).
_COUNTED_FIRMS = regex.compile(
    r"(?:\d{2,}|[1-9]\d*(?=多|余)|[两三四五六七八九]十|[一二两三四五六七八九]?[百千])(?:多|余)?家"
    r"[^，。；！？]{0,8}?(?:(?<!子)公司|企业|房企|银行|券商|机构|个股|车企|险企|药企)"
)


def _many_firms_act(text: str, window_start: int, trigger: Trigger) -> bool:
    """Whether many companies counted in the trigger's clause each do it (73家公司上市):
    statistics; not when they are done to (120家房企被约谈, 对10家企业约谈), one act."""
    counted = _COUNTED_FIRMS.search(text, window_start, trigger.start)
    return counted is not None and _DONE_TO.search(text, window_start, trigger.start) is None


#: What makes the counted companies the patients of one act (被约谈, 对…约谈).
_DONE_TO = regex.compile(r"[被对遭]")
#: A condition opening the trigger's clause, however far before it (如果港铁要就测试结果进行
#: 民事索偿或警方要进行刑事检控的话): what would happen, no happening.
_IF = regex.compile(r"如果|假如|假若|倘若|要是(?!说)")
#: A condition before the trigger (若劳工被解雇, 只要消费满100元即可获得): 若 but 若干, and
#: not the 若 of a given name after a surname (肖若腾获得金牌, 张若昀完婚; see
#: :func:`_not_event_before`).
_CONDITION = regex.compile(r"若(?!干|非)|只要|即可")
#: What makes the trigger's clause a condition for something else (一通电话即可获得协助).
_ENOUGH = regex.compile(r"[^，。；,;]{0,3}?(?:即可|就可以|便可)")
#: How many times it happened, after the trigger (地震超过1000次): statistics.
_TIMES_COUNTED = regex.compile(r"(?:超过|共|达|累计|逾)?(?:\d+|[一二两三四五六七八九十百千]+)(?:多|余)?次")
#: The trigger word as the subject of what such things do (制裁会给欧盟自身带来负面影响,
#: 暴雨可能引发次生灾害): a kind, no event.
_WHAT_IT_DOES = regex.compile(
    r"(?:会|可能会?|往往|通常|将会|或将|势必|必然)(?:给|对|让|使|导致|造成|带来|引发|影响|加剧|损害)"
)
#: What right after the trigger makes no event: a condition for something else, how many
#: times it happened, or what such things do.
_NOT_EVENT_AFTER = regex.compile(
    f"(?:{_ENOUGH.pattern})|(?:{_TIMES_COUNTED.pattern})|(?:{_WHAT_IT_DOES.pattern})"
)
#: Another happening offered as an alternative right after the trigger (离职或撤职的高层,
#: 因退休或不续任): a kind of step, no one's; not 或许 / 或将 (perhaps), 或者 / 或是 (or, in a
#: longer clause).
_ALTERNATIVE_AFTER = regex.compile(r"或(?![许将者是可])\p{Han}")
#: A question's words: the trigger's clause asks (究竟…会被判入狱多久, 是否…赞扬…？).
_QUESTION_WORD = regex.compile(r"究竟|到底|是否|会否|会不会|有没有|难道|为何|为什么|怎么|何时|多久|多长时间|吗|呢")
_TO_QUESTION_MARK = regex.compile(r"[^，。；,;！!\s“”「」]{0,30}?[？?]")
_HOW_LONG = regex.compile(r"[^，。；,;]{0,4}?(?:多久|多长时间)")


def _asked(text: str, clause_start: int, trigger: Trigger) -> bool:
    """Whether the trigger's clause asks rather than tells: it asks how long (会被判入狱多久),
    or runs to a question mark and holds a question word (是否…赞扬…？); a headline that
    only ends in ？ (…裁员？官方回应) still tells."""
    if _HOW_LONG.match(text, trigger.end, trigger.end + 12):
        return True
    asked = _TO_QUESTION_MARK.match(text, trigger.end, trigger.end + 32)
    return asked is not None and bool(_QUESTION_WORD.search(text, clause_start, asked.end()))
#: The trigger's phrase names a possibility (讨论了杀害X的可能性): no event.
_POSSIBILITY = regex.compile(r"[^，。；,;]{0,16}?的可能性")
#: A list of kinds ending in 等 (面对风灾、地震、水灾等): categories, not happenings.
_LIST_ITEM = r"[^、，。；,;：:\s“”「」《》]{1,8}"
_CATEGORY_LIST = regex.compile(rf"(?:{_LIST_ITEM}、)+{_LIST_ITEM}(?:(?:以及|及|和|与){_LIST_ITEM})?等")
#: What a list of kinds names when it ends in 等 and one of these: topics, tasks, drills,
#: means (采取约谈、风险提示函等方式).
_TOPICS_AFTER = regex.compile(
    r"(?:多个|各项|一系列|多项)?(?:议题|内容|工作|事项|问题|方面|领域|课目|训练|措施|举措|任务|话题|方式|手段|形式|途径)"
)
#: What ends an item of such a list.
_ITEM_END = ("、", "等", "以及", "及", "和", "与")


#: Quotes that hold a slogan when a word for one stands by them.
_QUOTES = {"「": "」", "“": "”", "『": "』"}
_OPENING = regex.compile(f"[{''.join(_QUOTES)}]")
_SLOGAN_BEFORE = regex.compile(
    r"(?:口号|标语|横幅|高呼|叫喊|喊出|呼喊|大喊|喊|写着|印有|写上)[」”』]?[，,：:]?(?:包括|如|例如)?[^，。；]{0,6}$"
)
_SLOGAN_AFTER = regex.compile(r"[」”』]\s*(?:等)?(?:口号|标语|字样|字句|横幅)")


#: Words of spoken Cantonese (嘅, 唔, 咗, 佢哋 ...), which written Chinese does not use.
_CANTONESE = regex.compile(r"[嘅唔咗佢哋喺嘢啲冇嚟嗰畀咩]|而家")


def _enclosing_quote(
    text: str, trigger: Trigger, opening: str, closing: str, reach: int
) -> tuple[int, int] | None:
    """(start of the opening mark, start of the closing mark) of the quote the trigger
    stands in, each mark within ``reach`` characters of it; None when it stands in none."""
    start = text.rfind(opening, max(0, trigger.start - reach), trigger.start)
    if start < 0 or text.find(closing, start, trigger.start) >= 0:
        return None
    end = text.find(closing, trigger.end, trigger.end + reach)
    return None if end < 0 else (start, end)


def _in_spoken_cantonese(text: str, trigger: Trigger, reach: int = 300) -> bool:
    """Whether the trigger is a word of a quote in spoken Cantonese (「佢哋犧牲自己上街」,
    「星期日我哋會有罷工公投」): someone's talk of views, plans and habits, which tells no
    event of the story (its events are told in the reporter's written Chinese)."""
    quote = _enclosing_quote(text, trigger, "「", "」", reach)
    return quote is not None and len(set(_CANTONESE.findall(text, *quote))) >= 2


def _in_slogan(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is a word of a quoted slogan (叫喊「支持警察、吞枪自杀」等口号)."""
    if not _OPENING.search(text, max(0, trigger.start - 30), trigger.start):
        return False  # most triggers: no quote opens before them
    for opening, closing in _QUOTES.items():
        quote = _enclosing_quote(text, trigger, opening, closing, 30)
        if quote is None:
            continue
        start, end = quote
        if _SLOGAN_BEFORE.search(text, max(0, start - 12), start) or _SLOGAN_AFTER.match(text, end):
            return True
    return False


def _in_category_list(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is an item of a list of kinds that ends in 等 (风灾、地震、水灾等)."""
    if "、" not in text[max(0, trigger.start - 9) : trigger.end + 9]:
        return False
    # the trigger ends an item (地震|、, 风水灾|、, 土石流|及旱灾等, 暴雨洪涝|、), or opens
    # one of a list of measures (采购|绿证、绿色能源投资等多项举措)
    ends_item = text.startswith(_ITEM_END, trigger.end)
    opens_item = text[trigger.start - 1 : trigger.start] == "、"
    if not (ends_item or opens_item):
        return False
    whole = text[trigger.end : trigger.end + 1] in ("、", "等")
    lo = max(0, trigger.start - 60)
    for match in _CATEGORY_LIST.finditer(text, lo, trigger.end + 60):
        if not (match.start() <= trigger.start and trigger.end <= match.end() - 1):
            continue
        # its item: from the list's start (which may take a verb before the first kind,
        # 面对|风灾) or the last 、 before it
        item_start = max(match.start(), text.rfind("、", match.start(), trigger.start) + 1)
        if ends_item and whole and trigger.start - item_start <= 2:
            return True  # 面对风灾、地震、水灾等
        if _TOPICS_AFTER.match(text, match.end()):
            return True  # 讨论…俄乌总统会晤等议题, 做好人员搜救、伤员救治等工作
    return False


#: Words between a trigger word and the noun it modifies (地震|应急|演练, 火灾|安全|隐患,
#: 「骚乱」|一词); 防灾 is a head itself (土石流防灾社区), not stripped.
_HEAD_MODIFIERS = regex.compile(r"^[」”\"』]?(?:应急|安全|疏散|救援|避险|自救)*")


#: The rest of a charge's name after its trigger word: 袭警|罪, 袭击|致造成身体伤害罪.
_CHARGE_NAME = regex.compile(r"[^，。；、,;\s的了「」“”]{0,10}?罪(?!犯)")


#: What introduces a list of charges (涉及的罪行包括非法集会、袭警): each item names an offence.
_CHARGES_LISTED = regex.compile(r"(?:罪行|罪名|控罪)(?:包括|有|为|是)[^。；;！？]{0,40}$")


def _names_an_aim(text: str, trigger: Trigger) -> bool:
    """Whether the trigger's object is put as a comparative (实施更加积极的政策, 推出更多
    精品): an aim, not a happening (the ``not_event_aim`` cue words)."""
    return text.startswith(tuple(status_cues().get("not_event_aim", ())), trigger.end)


def _names_a_charge(text: str, trigger: Trigger) -> bool:
    """Whether the trigger word is part of the name of a charge (被控袭警罪, 非法集结罪, 罪行
    包括…非法集会、袭警): the name of an offence, not a happening of its own."""
    return (
        _CHARGE_NAME.match(text, trigger.end, trigger.end + 12) is not None
        or _CHARGES_LISTED.search(text, max(0, trigger.start - 50), trigger.start) is not None
    )


def _status_by_time(status: str, time, published, text: str = "") -> str:
    """The status an event's own time makes certain: dated after the day after its
    publication, a "happened" event is planned (二审开庭时间暂定在4月3日, its cue after the trigger).
    ``time``: the TimeValue of the event's own clause, ``text`` its words; ``published``: the
    document's.  The writer's today or yesterday (今(24)日 in a text the metadata dates
    the 21st) is never ahead: the metadata is."""
    if status != "happened" or time is None or published is None or time.start is None:
        return status
    if text[:1] in "今昨":
        return status
    if time.kind not in ("point", "range"):
        return status
    # a day's margin: a dateline's bare D日 may run a day ahead of the metadata's date
    day_after_next = published.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=2)
    return "planned" if time.start >= day_after_next else status
