"""Role choice: which of a sentence's fillers fills a role of a triggered template.

A role's candidates are the fillers of the trigger's part of the sentence whose label the
role takes, on its side of the trigger (:func:`_side_ok`, :func:`_passive_ok`,
:func:`_before_passive_word`, :func:`_setting`, :func:`_speaker`).  :func:`_choose` ranks them by the named features of
:data:`FEATURES` and extends the best through a list for a role that takes several.
A role the sentence leaves empty may be filled from the sentences before it
(:func:`_from_context`) or the one after it (:func:`_from_next`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

import regex

from newsie.document import Document
from newsie.events.clauses import _IN_PHRASE, _PHRASE_BREAK, _clause_of, new_clause_between
from newsie.events.fillers import _DocIndex
from newsie.events.mention import _NUMERIC, PLACE_LABELS, Filler, names_a_place
from newsie.events.models import Trigger
from newsie.events.nominals import PERSON_HEADS
from newsie.values.numbers import parse_number

_COORDINATION = regex.compile(r"^\s*(?:、|，|,|与|和|及|以及|跟|同|并|携手|联合)\s*$")


#: (被控, 被指, 被判 tell a charge or a claim of the act that follows, which stays active:
#: 她被控在任時以高價收購大米 — she bought it)
_PASSIVE = regex.compile(r"(?:被(?![控指判告疑揭爆])|遭|遭到|惨遭|遭遇|受到|接受)[^，,。；;被遭]{0,12}$")

def _passive(text: str, sentence_start: int, trigger: Trigger) -> tuple[int, int] | None:
    """(start, end) of the passive marker when the trigger is passive: 被X击败, 遭逆转,
    接受X捐赠 (for the templates that declare how their roles turn, ``Template.passive``)."""
    offset = max(sentence_start, trigger.start - 14)
    match = _PASSIVE.search(text[offset : trigger.start])
    if match is None:
        return None
    marker = regex.match(r"被|遭到|惨遭|遭遇|遭|受到|接受", match.group())
    return offset + match.start(), offset + match.start() + len(marker.group())


def _passive_ok(marker, role_name, role, template, filler, trigger, text: str = "") -> bool:
    if marker is None or role_name not in template.passive:
        return True
    if role.side == "before":  # the agent: between the marker and the trigger
        return marker[1] <= filler.start and filler.end <= trigger.start
    # the patient: before the marker, or the head a relative clause describes
    # (被警員槍擊左胸受傷的中五男生曾志健)
    return filler.end <= marker[0] or (
        filler.start >= trigger.end and _PATIENT_GAP.match(text, trigger.end, filler.start) is not None
    )


#: What stands between a passive trigger and the head of the relative clause it ends.
_PATIENT_GAP = regex.compile(r"[^，,。；;：:！？!?\s]{0,8}的[^，,。；;：:！？!?\s“”「」《》]{0,10}$")


#: Trigger words that are passive themselves: the one named before them underwent it.
_PASSIVE_WORD = regex.compile(r"被|遭|获释|落网|归案|遇害|中枪|中弹|遇袭|受袭")


def _before_passive_word(text: str, role, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` stands before a passive trigger word (学生被捕, 该男子落网) that
    ``role``, the doer, cannot take: the one before such a word underwent the event."""
    return (
        role.agent
        and filler.end <= trigger.start
        and _PASSIVE_WORD.match(text, trigger.start, trigger.end) is not None
    )


#: Words that join a second party to the first (A与B会晤); 和 as often lists places.
_PARTY_JOINERS = frozenset("与同跟")


def _joined_to_party(text: str, role, filler: Filler) -> bool:
    """Whether ``filler`` is joined to a party by 与/同/跟 (俄罗斯与乌克兰的会晤) where the
    role says where: it is a party too, never the place."""
    return _where(role) and text[filler.start - 1 : filler.start] in _PARTY_JOINERS


def _where(role) -> bool:
    """Whether a role names where something happens or goes (a place first, not the
    actor before the trigger): 地点, 目的地."""
    return names_a_place(role) and role.side != "before"


def _place_of_another_clause(text: str, clauses, trigger_clause: int, filler: Filler) -> bool:
    """A place in a clause before the trigger's that neither opens its clause nor follows
    a locative word describes something else there (对于美国方面称…，…举行会议; 旅居美國的…,
    这家以色列公司), not where the event is; 中大二號橋昨午再爆衝突，…掟汽油彈 and
    在日本大阪舉行，…會晤 keep theirs."""
    if not clauses:
        return False
    k = _clause_of(clauses, filler.start)
    if k >= trigger_clause:
        return False
    before = text[max(0, filler.start - 2) : filler.start]
    if before in ("对于", "對於", "关于", "關於"):
        return True  # what the clause is about
    if _opens_its_clause(text, clauses, filler.start):
        return False  # the clause's subject: 中大二號橋昨午再爆衝突
    return not before.endswith(_LOCATIVE_WORDS)


def _opens_its_clause(text: str, clauses, offset: int) -> bool:
    """Whether what starts at ``offset`` opens its clause, after at most two characters
    (司机…，并对他表示了感谢; 中大二號橋昨午…): the clause's subject, not a name inside it."""
    start = clauses[_clause_of(clauses, offset)][0]
    return len(text[start:offset].strip()) <= 2


#: Words before a place that make it a setting or a direction, whatever the clause.
_LOCATIVE_WORDS = ("在", "于", "於", "对", "對", "向", "到", "赴", "抵", "从", "從")


def _inside_a_quote(text: str, filler: Filler, trigger: Trigger) -> bool:
    """``filler`` stands inside a quoted name, slogan or saying that does not hold the
    trigger (「臺南圈起來」抽獎活動, 「低碳環保愛地球」的理念): part of what is quoted, no
    participant; a name quoted by itself (「華為」) is not inside one."""
    opening = _OPEN_QUOTE_BEFORE.search(text, max(0, filler.start - 40), filler.start)
    if opening is None:
        return False
    opened = opening.start()
    closed = _CLOSING_QUOTE.search(text, filler.end, filler.end + 40)
    if closed is None or (opened + 1 == filler.start and closed.start() == filler.end):
        return False
    return not (opened < trigger.start and trigger.end <= closed.start())


#: A quote opened before a point and not closed by it (searched up to the point).
_OPEN_QUOTE_BEFORE = regex.compile("[「“『][^」”』]*$")
_CLOSING_QUOTE = regex.compile("[」”』]")


#: What follows the source of a report: 警方18日证实，…; 外交部发言人表示，…
_REPORTING = regex.compile(
    r"[^，。；,;]{0,8}?(?:证实|表示|称|透露|介绍|指出|指|通报|说|披露|获悉|认为|强调|回应|承认|坦言|直言|形容|解释|提到|提及|补充|说明|表明)[，,:：]"
)


#: ... and, looser, a reporting verb anywhere in the sentence between a name and the
#: trigger (傅華伶則向學院發訊，表示今早被捕的…): who tells of an act done to others.
_TELLING = regex.compile(
    r"[^。；;！？!?]{0,16}?(?<!被|据|人)(?:证实|表示|透露|指出|回应|坦言|直言|发讯|(?:称|指|说)[，,:：])"
)


def _teller(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` tells, in the trigger's sentence, of the act: for the roles of
    whom an act befalls (arrested, target), never filled by its teller."""
    return filler.end <= trigger.start and _TELLING.match(text, filler.end, trigger.start) is not None


def _speaker(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` is the source that reports the trigger's clause (X证实，…trigger)
    rather than a participant in it."""
    return filler.end <= trigger.start and _REPORTING.match(text, filler.end, trigger.start) is not None


#: A name heading a quote of a title line (…表揚大會 黃偉哲市長：感謝…): name, title, colon.
_QUOTE_HEAD = regex.compile(r"[^，。；,;：:\s]{0,4}[：:]")


def _heads_a_quote(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler``, after the trigger, is who speaks the quote that follows it
    (表揚12位優良人員 黃偉哲：公務員…): the speaker of what comes next, no participant."""
    return filler.start >= trigger.end and _QUOTE_HEAD.match(text, filler.end) is not None


def _paragraph_speaker(text: str, index, trigger: Trigger) -> list[Filler]:
    """The person whose words the trigger's paragraph reports up to the trigger (黄伟哲市长
    表示，…。…由衷感谢…): the last one before it that a reporting verb follows."""
    start = text.rfind("\n", 0, trigger.start) + 1
    for f in reversed(index.fillers_within(start, trigger.start)):
        if f.label == "PERSON" and _REPORTING.match(text, f.end, trigger.start):
            return [f]
    return _quote_speaker(text, index, start, trigger)


def _quote_speaker(text: str, index, start: int, trigger: Trigger) -> list[Filler]:
    """The subject of the sentence that opens the quote the trigger stands in (市長黃偉哲
    也特別…表達感謝，…，表示：「…。感謝特種搜救隊…」: the mayor)."""
    opened = max(text.rfind("「", start, trigger.start), text.rfind("“", start, trigger.start))
    if opened < 0 or text.find("」", opened, trigger.start) >= 0 or text.find("”", opened, trigger.start) >= 0:
        return []
    if _SAID_BEFORE_QUOTE.search(text, max(start, opened - 8), opened) is None:
        return []
    sentence_start = max(text.rfind(end, start, opened) for end in "。！？!?") + 1
    people = [f for f in index.fillers_within(max(start, sentence_start), opened) if f.label == "PERSON"]
    return people[:1]


#: A reporting verb right before a quote opens (表示：「, 說：“).
_SAID_BEFORE_QUOTE = regex.compile(r"(?:表示|指出|强调|说|称|认为|坦言|直言|提到|感慨|透露)[：:，,]?$")


def _side_ok(side: str, filler: Filler, trigger: Trigger) -> bool:
    if side == "before":
        return filler.end <= trigger.start
    if side == "after":
        return filler.start >= trigger.end
    return True


#: Who stands trial, is sentenced, arrested or released: never the court's own officers.
_ACCUSED_ROLES = frozenset({"defendant", "prisoner", "arrested", "summoned"})
#: Titles of the court's officers and counsel (裁判官鄭紀航審訊後…判處監禁: not the prisoner).
_COURT_OFFICERS = ("法官", "裁判官", "审判长", "检察官", "主控官", "控方", "辩方")
#: A lawyer acting as counsel, right before a name (辩方大律师X, 代表被告的律师X).
_COUNSEL = regex.compile(r"(?:辩方|控方|辩护|代表[^，。；\s]{0,6}|代理)(?:资深)?大?律师$")


def _court_officer(text: str, role_name: str, filler: Filler) -> bool:
    """Whether ``filler`` is named with a court officer's title and the role is the accused's
    (a lawyer only as counsel: 辩方大律师X; 资深大律师李柱铭被捕 is arrested)."""
    if role_name not in _ACCUSED_ROLES:
        return False
    return text[max(0, filler.start - 4) : filler.start].endswith(_COURT_OFFICERS) or (
        _COUNSEL.search(text, max(0, filler.start - 12), filler.start) is not None
    )


#: What may stand between 的 after a trigger and the person it describes: an organisation
#: and a title (即将离任的港大校长马斐森).
_RELATIVE_GAP = regex.compile(r"的[^，,。；;：:！？!?\s“”「」《》]{0,10}[ \u3000]?$")


def _relative_head(text: str, role, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` is the person a relative clause ending in the trigger describes
    (即将离任的港大校长马斐森: 马斐森 is who leaves), so it fills the person-only role
    before the trigger though it follows it; not after a passive trigger (被捕的张某 was
    arrested), nor for a role that an organisation may fill (出席峰会的马哈马 attends the
    summit, it is not its organizer)."""
    return (
        role.side == "before"
        and tuple(role.labels) == ("PERSON",)
        and filler.label == "PERSON"
        and filler.start > trigger.end
        and not _PASSIVE_WORD.match(text, max(0, trigger.start - 1))
        and not _PASSIVE_WORD.match(text, trigger.start)
        and bool(_RELATIVE_GAP.match(text, trigger.end, filler.start))
    )


def _distance(filler: Filler, trigger: Trigger) -> int:
    if filler.end <= trigger.start:
        return trigger.start - filler.end
    return max(0, filler.start - trigger.end)


_LOCATIVE = ("在", "于", "位于", "来自", "赴", "到")
_COUNT_TAIL = regex.compile(r"(?:多|余|几)?(?:人|名|位|个|家|次|架|辆|台|块|颗|件|套|座|起|例)?$")
_MEASURE_WORD = regex.compile(r"(?:多|余)?(?:人|名|位|个|家|架|辆|艘|座|起|例)")


def _after_trigger(capture: Filler, trigger: Trigger) -> Filler:
    """A capture that begins with its own trigger word is what follows it (有期徒刑|十年:
    the term of the 有期徒刑 mention is 十年, as DuEE writes it)."""
    if capture.start == trigger.start and trigger.end < capture.end:
        cut = trigger.end - capture.start
        return Filler(trigger.end, capture.end, capture.text[cut:], capture.label)
    return capture


#: Words that say how something is done (对新加坡的正式|访问): no head noun of their own.
_MANNER = ("正式", "国事", "友好", "工作", "官方", "私人", "短暂", "首次")


#: What a name owns that a capture may name after it (乌军目标, 俄军人员、武器和装备集中区): the
#: capture is that thing, not the name.
_OWNED_THINGS = ("目标", "阵地", "设施", "据点", "基地", "集中区", "营地", "仓库", "车队", "船只")


def _typed(capture: Filler, in_sentence: list[Filler], role) -> Filler:
    """Give a pattern capture the type of the entity or value it is (or ends with)."""
    same = [f for f in in_sentence if f.start == capture.start and f.end == capture.end]
    for f in same:
        if not role.labels or f.label in role.labels:
            return f
    # a common noun inside (法院 of 高等法院) is less than the capture: no name to keep
    # (an anaphor, 总统先生, stands for one)
    inside = [
        f
        for f in in_sentence
        if capture.start <= f.start and f.end <= capture.end and f.label in role.labels
        and (not f.nominal or f.refers_to is not None)
    ]
    if (
        inside
        and set(role.labels) <= PLACE_LABELS
        and not any(f.end == capture.end for f in inside)
    ):  # 在莞深高速东莞段翻车: a place more precise than any name in it stays whole
        return Filler(capture.start, capture.end, capture.text, "LOC")
    if inside and not (_NUMERIC & set(role.labels)):
        head = max(inside, key=lambda f: (f.end, f.end - f.start))  # the head comes last
        tail = capture.text[head.end - capture.start :]
        if "的" in tail and not tail.endswith(_MANNER):
            return capture  # 俄列宁格勒州的基里希石油化工厂: the name only owns the head
        if tail.endswith(_OWNED_THINGS):
            return capture  # 乌军目标, 俄军人员…集中区: the name's things, not the name
        return head
    if _NUMERIC & set(role.labels):
        if inside:
            value = inside[0]
            if value.label == "PERCENT" and capture.start < value.start:
                # 同比增长30.3%: a change with the direction the pattern took with it
                return Filler(
                    capture.start, capture.end, capture.text, value.label, value.value,
                    value.unit, value.currency, approximate=value.approximate,
                )
            return value
        for f in in_sentence:  # 6|人死亡: the count with its measure word, 6人
            if (
                f.start == capture.start
                and f.end > capture.end
                and f.label in role.labels
                and _MEASURE_WORD.fullmatch(f.text, capture.end - f.start)
            ):
                return f
        number = _COUNT_TAIL.sub("", capture.text) or capture.text
        value = parse_number(number)
        if value is not None:
            unit = capture.text[len(number):] or None
            return Filler(capture.start, capture.end, capture.text, "COUNT", value, unit)
    return capture


def _setting(text: str, filler: Filler, role, trigger: Trigger | None = None) -> bool:
    """Where something happens, not a participant (unless the role is a place): 在X中/上,
    a place right after 在/于 (习近平在北京人民大会堂会见), a venue where something is held
    (于民治市政中心举行), a name inside a setting the trigger is not in, and a country that
    describes a person (阿富汗公民, 美籍华人)."""
    if filler.label in PLACE_LABELS and text.startswith(_DEMONYM_NOUNS, filler.end):
        return True  # neither a participant nor where it happened
    if not role.labels or names_a_place(role):
        return False
    if filler.label in PLACE_LABELS and text.startswith(_PLACE_HEADS, filler.end):
        return True  # 芝加哥市中心发生枪击: where, not who
    before = text[max(0, filler.start - 1) : filler.start]
    if before == "在" and text.startswith(_SETTING_TAILS, filler.end):
        return True  # 在会上, 在法院外集会: where, not who
    if trigger is not None and _inside_a_setting(text, filler, trigger):
        return True
    if (
        before == "在"
        and filler.label == "ORG"
        and "PERSON" in role.labels
        and not (trigger is not None and _closed_around(text, filler.start - 1, trigger))
    ):
        # 何引丽在微博道歉: where it was said, not who (a person's role); but 在韩国队击败
        # 吉尔吉斯斯坦…的赛后采访中: the setting holds the trigger, whose subject it is
        return True
    if before in ("在", "于") and _HELD_THERE.match(text, filler.end):
        # 于民治市政中心举行颁奖典礼: the venue, whatever its label (but 在中国驻英国使馆
        # 举行的国庆招待会: a host named by where its gathering was)
        return True
    if filler.label in PLACE_LABELS and text.endswith(_MOTION_VERBS, 0, filler.start):
        return True  # 前往北京…购买: where someone went, not who bought
    return filler.label in PLACE_LABELS and before in ("在", "于")


#: Verbs of going before a place (前往北京多家门店购买): the place is where one went.
_MOTION_VERBS = ("前往", "赶赴", "赶往", "奔赴", "来到", "到达", "抵达", "飞往", "赴", "抵")


#: What after 中 / 上 makes it part of a longer word, no postposition (中部, 上环, 中东).
_NOT_A_POSTPOSITION = "(?![部心央国段旬层游午文下环海东西南北])"
#: A setting 在 opens and 上 / 中 closes (在立法会《逃犯条例》法案委员会上).
_SETTING_PHRASE = regex.compile(f"在{_IN_PHRASE}{{1,16}}?[上中]{_NOT_A_POSTPOSITION}")


#: A setting 在 opens and a postposition closes, wide enough to hold a clause.
_CLOSED_CLAUSE = regex.compile(f"在{_IN_PHRASE}{{1,30}}?(?:中|上|时|后|期间|之际)")


def _closed_around(text: str, opened: int, trigger: Trigger) -> bool:
    """Whether the setting 在 opens at ``opened`` closes after the trigger (在韩国队击败
    吉尔吉斯斯坦晋级8强的赛后采访中)."""
    closed = _CLOSED_CLAUSE.match(text, opened)
    return closed is not None and closed.end() >= trigger.end


def _inside_a_setting(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` stands inside a closed setting that holds no trigger (在立法会
    《逃犯条例》法案委员会上起冲突，…被控: the committee is where, not who is charged; but
    在与李四会谈中: 李四 is met)."""
    opened = text.rfind("在", max(0, filler.start - 16), filler.start)
    if opened < 0:
        return False
    closed = _SETTING_PHRASE.match(text, opened)
    return (
        closed is not None
        and closed.end() > filler.end
        and not (opened < trigger.end and trigger.start < closed.end())
    )


#: What is held at a venue named after 在/于 (于民治市政中心举行…, 在人民大会堂召开), not
#: as a relative clause (在中国驻英国使馆举行的…).
_HELD_THERE = regex.compile(r"(?:举行|举办|召开|办理|进行)(?!的)")
#: Words after 在X that make X a setting: 在会上, 在法院外, 在大使馆门口.
_SETTING_TAILS = ("中", "上", "里", "内", "外", "前", "旁", "门口", "门外", "附近", "一带")
#: Words after a place name that make it part of a longer place: 芝加哥|市中心, 加沙|北部.
_PLACE_HEADS = (
    "市中心", "城区", "市区", "郊区", "境内", "境外", "北部", "南部", "东部", "西部", "中部",
    "东北部", "西北部", "东南部", "西南部", "沿海", "地区", "一带", "附近", "当地", "首都",
    "边境", "海域", "上空", "街头", "赌城", "全境", "多地", "各地",
)
#: Words after a country that make it describe a person: 阿富汗公民, 美籍, 华裔.
_DEMONYM_NOUNS = (
    "公民", "籍", "裔", "国籍", "侨民", "移民", "留学生", "游客", "男子", "女子", "选手", "球员", "棋手",
    "车手",
)


_POSSESSIVE = regex.compile(r"[^，。；,;！？!?\s]{0,4}?的")


def _possessor(text: str, filler: Filler, candidates: list[Filler]) -> bool:
    """``filler`` owns the candidate right after it: X的Y, where Y is a person or a
    common noun (北京队的商竣程, 《星际争霸》游戏中的世界顶尖玩家)."""
    match = _POSSESSIVE.match(text, filler.end)
    if match is None:
        return False
    end = match.end()
    following = [c for c in candidates if c.start >= end]
    if not following:
        return False
    owned = min(following, key=lambda c: c.start)
    return owned.start - end <= 4 and (owned.nominal or owned.label == "PERSON")


def _modifier(text: str, filler: Filler, role) -> bool:
    """An organisation used as a brand in front of a product (英伟达GPU, 谷歌Pixel)."""
    if filler.label != "ORG" or "PRODUCT" in role.labels:
        return False
    following = text[filler.end : filler.end + 1]
    return bool(following) and following.isascii() and following.isalnum()


def _coordinated(text: str, a: Filler, b: Filler, fillers: list[Filler]) -> bool:
    """a and b (a before b) are members of one list: A、B, A与B, A部长X携手B."""
    if b.start < a.end:
        return False
    gap = _after_honorific(text, a, b)
    # a representative named between them speaks for the first member
    for f in sorted(fillers, key=lambda f: -f.start):
        if a.end <= f.start and f.end <= b.start and f.label in ("PERSON", "TITLE"):
            offset = f.start - a.end
            gap = gap[:offset] + gap[offset + (f.end - f.start) :]
    return bool(_COORDINATION.match(gap))


#: What follows a name as its honorific (周梅香女士、李瑞生先生), or its age in brackets
#: (黃之鋒（23歲）、林朗彥（25歲）及周庭).
_HONORIFIC = regex.compile(r"女士|先生|小姐|太太|夫人|教练|老师|同学|博士|教授|[（(]\d{1,3}\s*[岁歲][）)]")


def _after_honorific(text: str, a: Filler, b: Filler) -> str:
    """The text between a and b, without the honorific that may follow a name a."""
    if a.label == "PERSON":
        honorific = _HONORIFIC.match(text, a.end, b.start)
        if honorific is not None:
            return text[honorific.end() : b.start]
    return text[a.end : b.start]


#: What joins the members of a list no template declared (A、B及C): no comma, which as
#: often ends a clause, and no word that pairs two sides (A同B会谈).
_PLAIN_JOINER = regex.compile(r"\s*(?:、|和|与|及|以及)\s*")


def _plain_list(gap: str) -> bool:
    """Whether ``gap`` joins two members of a list of equals, for a role that takes a list
    without declaring it."""
    return bool(_PLAIN_JOINER.fullmatch(gap))


def _affiliation(text: str, org: Filler, taken: list[Filler], fillers) -> bool:
    """org heads a chain ORG [TITLE] PERSON whose person already fills a role
    (xAI联合创始人Igor Babuschkin): it is that person's organisation."""
    for person in taken:
        if person.label != "PERSON" or person.start < org.end:
            continue
        gap = text[org.end : person.start]
        titles = [f for f in fillers if f.label == "TITLE" and org.end <= f.start and f.end <= person.start]
        stripped = gap
        for title in titles:
            stripped = stripped.replace(title.text, "", 1)
        if not stripped.strip(" 、的"):
            return True
    return False


_NAMED = frozenset({"PERSON", "ORG"})
#: Roles of people or organisations take a whole list (A、B以及C一起拘留了…), as the
#: gold set's guidelines list equal members; places, values and texts take one.
_LISTABLE = frozenset({"PERSON", "ORG"})


def _after_locative(text: str, filler: Filler, places: dict[int, int]) -> bool:
    """Whether ``filler`` follows 在 / 于 ..., directly or at the end of a run of places
    (在广西南宁: 南宁 too); ``places`` maps the end of each place filler to its start."""
    start = filler.start
    if filler.label in PLACE_LABELS:
        while start in places and places[start] < start:
            start = places[start]
    return text[max(0, start - 3) : start].endswith(_LOCATIVE) or bool(
        _LOCATIVE_FLOOR.search(text, max(0, start - 8), start)
    )


#: A locative and a floor before a place (位于一层亮马河畔花园)
_LOCATIVE_FLOOR = regex.compile(r"(?:在|于|位于)[一二三四五六七八九十\d]{1,3}(?:层|楼)$")


@dataclass(frozen=True, slots=True)
class Candidacy:
    """What the features of a role's choice look at: the text, the trigger, the role and
    the fillers around (``candidates``: the role's; ``fillers``: all of the part's;
    ``taken``: those other roles of the mention took already)."""

    text: str
    trigger: Trigger
    role: Any
    clauses: list[tuple[int, int]]
    trigger_clause: int
    candidates: list[Filler]
    fillers: list[Filler] = ()
    taken: list[Filler] = ()
    other_cues: tuple[str, ...] = ()
    #: the end of each place filler -> its start (a run of places: 在广西南宁)
    places: dict[int, int] = field(default_factory=dict)

    def cued(self, filler: Filler) -> bool:
        """Whether a cue word of the role ends right before ``filler`` (向X捐赠)."""
        return cued_by(self.text, filler, self.role.cues)


def _before(text: str, filler: Filler) -> str:
    """The three characters before ``filler``, where a cue word ends (向, 从, 为)."""
    return text[max(0, filler.start - 3) : filler.start]


def cued_by(text: str, filler: Filler, cues: tuple[str, ...]) -> bool:
    """Whether one of ``cues`` ends right before ``filler`` (向X捐赠)."""
    return bool(cues) and _before(text, filler).endswith(tuple(cues))


@dataclass(frozen=True, slots=True)
class Feature:
    """One named reason to prefer (``weight`` > 0) or avoid (< 0) a candidate filler.

    A candidate's score is the sum of ``weight * value`` over :data:`FEATURES`.  ``value``
    is 1 or 0 for a yes/no feature, else a quantity (characters, clauses).  A feature of
    positive weight gives ``ceiling``, a cheap upper bound of its value, so that
    :func:`_best` scores only candidates that can still win; and says with ``reachable``
    whether a filler far from the trigger can have it (see ``_Near`` of the extractor)."""

    name: str
    weight: float
    value: Callable[[Candidacy, Filler], float]
    ceiling: Callable[[Candidacy, Filler], float] | None = None
    reachable: Callable[[Any, list[Filler]], bool] | None = None


def _speaks_for(c: Candidacy, f: Filler) -> bool:
    """Whether ``f`` is the person who says the sentence, for a speaker role, when the
    trigger's own clause names no candidate before the trigger and no other person stands
    between them (杨峰介绍，司机…并对他表示了感谢: the driver thanks)."""
    if not c.role.speaker or f.label != "PERSON" or not _speaker(c.text, f, c.trigger):
        return False
    clause_start = c.clauses[c.trigger_clause][0] if c.clauses else 0
    return not any(
        (clause_start <= g.start and g.end <= c.trigger.start)
        or (g.label == "PERSON" and f.end <= g.start and g.end <= c.trigger.start and _opens_clause(c, g))
        for g in c.candidates
    )


def _opens_clause(c: Candidacy, g: Filler) -> bool:
    """Whether ``g`` is the subject its clause opens with (司机…，并对他表示了感谢), not a
    name inside it (成为孩子喜爱的选择)."""
    return not c.clauses or _opens_its_clause(c.text, c.clauses, g.start)


def _clause_gap(c: Candidacy, f: Filler) -> float:
    return abs(_clause_of(c.clauses, f.start) - c.trigger_clause)


def _other_cue(c: Candidacy, f: Filler) -> bool:
    return cued_by(c.text, f, c.other_cues) and not c.cued(f)


def _in_other_phrase(c: Candidacy, f: Filler) -> bool:
    """``f`` lies inside the phrase another role's cue word (or a topic marker, 就) opens
    before the trigger (习近平向塞舌尔当选总统赫米尼耶致贺电: 赫米尼耶 is in the 向 phrase, the
    recipient's, so not the sender)."""
    if not c.other_cues or f.end > c.trigger.start or c.cued(f):
        return False
    if _PHRASE_BREAK.search(c.text, f.end, c.trigger.start):
        return False
    head = c.text[max(0, f.start - 20) : f.start]
    opened = _opened_by(c.other_cues).search(head)
    if opened is not None and not _CLOSED_SETTING.match(opened.group()):
        return True
    # a topic phrase ends where the act's own phrase begins: 就X逝世|向Y致唁电
    return bool(
        _TOPIC_OPEN.search(head) and _any_of(c.other_cues).search(c.text, f.end, c.trigger.start)
    )


def _in_topic_clause(c: Candidacy, f: Filler) -> bool:
    """``f`` lies in a topic or purpose phrase (就X的言论, 对于X, 为让X…) that a clause
    before the trigger's holds: what the act is about or for, not who acts
    (总领馆已就火箭队的错误言论，向对方提出交涉)."""
    if f.end > c.trigger.start or not c.clauses:
        return False
    k = _clause_of(c.clauses, f.start)
    if k >= c.trigger_clause:
        return False
    return _TOPIC_IN_CLAUSE.search(c.text, c.clauses[k][0], f.start) is not None


@lru_cache(maxsize=512)
def _opened_by(cues: tuple[str, ...]) -> regex.Pattern:
    """A phrase one of ``cues`` opens and no break closes, to the end of what is searched."""
    return regex.compile(f"(?:{'|'.join(map(regex.escape, cues))}){_IN_PHRASE}+$")


@lru_cache(maxsize=512)
def _any_of(cues: tuple[str, ...]) -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, cues)))


_TOPIC_OPEN = regex.compile(f"(?:就|关于|对于){_IN_PHRASE}*$")
#: A topic phrase opened before a name in its clause (就…, 对于…; not 就是, 就要, 就在), or
#: a purpose phrase (为了…, 为让…: 台南市为让市民有更好的托育环境，已设立…).
_TOPIC_IN_CLAUSE = regex.compile(
    f"(?:就(?![是要会在此])|关于|对于|针对|为了|为(?=让|使|鼓励|推动|协助|配合|因应|庆祝|迎接|落实|"
    f"加强|提升|确保|保障|促进|满足|体贴|照顾|帮助|支持)){_IN_PHRASE}*$"
)
#: A setting its postposition closes before what follows (在发言中|严厉谴责以色列: 以色列
#: is past the 在 phrase); 在加沙地带中部 or 在中上环 is not closed.
_CLOSED_SETTING = regex.compile(
    f"[在于]{_IN_PHRASE}{{1,12}}?(?:中|上|期间|时|之际){_NOT_A_POSTPOSITION}"
)


def _possessor_of_candidate(c: Candidacy, f: Filler) -> bool:
    return not f.nominal and _possessor(c.text, f, c.candidates)


def _affiliated(c: Candidacy, f: Filler) -> bool:
    return f.label == "ORG" and bool(c.taken) and _affiliation(c.text, f, list(c.taken), c.fillers)


def _could_be_affiliated(c: Candidacy, f: Filler) -> bool:
    return f.label == "ORG" and any(t.label == "PERSON" for t in c.taken)


#: What an authority's name ends with: it acts and speaks, it is no place where a thing
#: happened (丹麦哥本哈根警方报告称…爆炸).
_AUTHORITY_ENDS = (
    "警方", "警察局", "公安局", "公安机关", "公安厅", "政府", "当局", "法院", "检察院", "官方",
    "外交部", "国防部", "卫生部", "发言人",
)


#: The roles that say where: an organisation may fill them (化工厂发生爆炸), an authority not.
_PLACE_ROLES = frozenset({"place", "epicenter", "destination"})


#: The parties of a case, which the court that hears it never is (向聯邦法院提出訴訟).
_PARTY_ROLES = frozenset({"plaintiff", "defendant", "prisoner", "arrested", "summoned"})
_COURT_ENDS = ("法院", "法庭", "仲裁庭")


def _unfit_for_role(text: str, role_name: str, f: Filler) -> bool:
    """Whether ``f`` is of a kind that never fills the role: an authority where the role
    says where it happened (丹麦哥本哈根警方…爆炸), a court where the role is a party of the
    case (向联邦法院提出诉讼: no plaintiff).  ``text``: the matching view.  (A role that
    takes no authority at all: :func:`_barred_authority`.)"""
    if f.label != "ORG":
        return False
    name = text[f.start : f.end]
    if role_name in _PLACE_ROLES:
        return name.endswith(_AUTHORITY_ENDS)
    return role_name in _PARTY_ROLES and name.endswith(_COURT_ENDS)


def _barred_authority(text: str, role, fillers: list[Filler], trigger) -> int | None:
    """The distance to the trigger of the nearest government body that stands where a role
    that takes none would look (水利部发布…规范): the act is the body's, so no organisation
    further away fills the role; None when there is none."""
    if role.authorities:
        return None
    found = [
        _distance(f, trigger)
        for f in fillers
        if f.label == "ORG" and _side_ok(role.side, f, trigger) and _GOVERNMENT.search(text[f.start : f.end])
    ]
    return min(found, default=None)


#: The name of a government or party body, by its ending (国务院, 水利部, 市场监管总局,
#: 国家发展改革委, 中央军委, 警方); not a company's department (事业部, 俱乐部, 总部).
_GOVERNMENT = regex.compile(
    r"(?:(?<!事业|俱乐|总|本|业务|销售|市场|研发|技术|财务)部|[^出结当布格]局|[^居]委|署|办公室|厅|"
    r"政府|中央|总台|检察院|法院|警方|警察局|公安局|国务院|内阁府?|部门|军委|国会|议会|当局)$"
)


def _titles_a_person(c: Candidacy, f: Filler) -> bool:
    """``f``, a country, an organisation or a titled noun, begins the titles of a named
    person who is a candidate too (缅甸代总统敏昂莱, 巴西副总统兼工业部长阿尔克明): the
    person is who."""
    # the person and the titles first: most candidates have none after them, and then
    # whether ``f`` itself ends in a title (a scan of all fillers) does not matter
    person = next(
        (p for p in c.candidates if p.label == "PERSON" and not p.nominal and p.start >= f.end), None
    )
    if person is None or not _TITLE_CHAIN.fullmatch(c.text, f.end, person.start):
        return False
    titles = [t for t in c.fillers if t.label == "TITLE" and f.end <= t.start and t.end <= person.start]
    if not titles or titles[-1].end != person.start:
        return False
    titled = f.nominal or any(t.label == "TITLE" and t.end == f.end for t in c.fillers)
    if f.label not in ("GPE", "ORG") and not titled:
        return False
    if titled:  # 巴西副总统|兼…部长|阿尔克明
        return c.text.startswith("兼", f.end)
    return titles[0].start - f.end <= 2  # 缅甸|代总统|敏昂莱


#: What may stand between a country and the name of its title-holder: titles, joined by
#: 兼 or 、 (副总统兼发展、工业与贸易部长), no 的 and no clause break.
_TITLE_CHAIN = regex.compile(r"[^\P{Han}的]{1,20}(?:[、兼][^\P{Han}的]{1,12})*")


#: The verbs of a win, which name whom it beat next.
_WIN = r"击败|战胜|打败|力克|淘汰|逆转|横扫|完胜|险胜|胜"
_WIN_VERB = regex.compile(_WIN)
#: A win right before a filler, up to a short description of whom it beat (击败韩国选手).
_BEATEN = regex.compile(rf"(?:{_WIN})[^，。；,;！？!?\s]{{0,6}}$")


def _beaten(text: str, f: Filler, trigger: Trigger) -> bool:
    """Whether ``f``, before the trigger, is whom a win before it beat (李培楠击败韩国选手Maru
    夺冠: Maru is no champion): the loser of that win, not the doer of what follows."""
    return (
        f.end <= trigger.start
        and _WIN_VERB.match(text, trigger.start, trigger.end) is None
        and _BEATEN.search(text, max(0, f.start - 8), f.start) is not None
    )


def _in_setting(c: Candidacy, f: Filler) -> bool:
    return (
        bool(c.role.labels)
        and not names_a_place(c.role)
        and _after_locative(c.text, f, c.places)
        and not c.cued(f)
    )


#: The features of role choice, in the order their terms are summed.
FEATURES: tuple[Feature, ...] = (
    # the nearest filler first: characters between it and the trigger
    Feature("distance", -1, lambda c, f: _distance(f, c.trigger), lambda c, f: _distance(f, c.trigger)),
    # a filler in another clause than the trigger's belongs to that clause's predicate
    Feature("clause_gap", -15, _clause_gap),
    # of two at one distance, the longer (香港大埔区宏福苑 over 宏福苑)
    Feature("length", 0.01, lambda c, f: f.end - f.start, lambda c, f: f.end - f.start,
            lambda role, taken: True),
    # a cue word of the role right before it: 向X捐赠, 从X离职
    Feature("role_cue", 30, lambda c, f: c.cued(f), lambda c, f: c.cued(f),
            lambda role, taken: bool(role.cues)),
    # a cue word of another role of the template: 为华为授牌 (为 marks the recipient)
    Feature("other_role_cue", -25, _other_cue),
    # inside the phrase another role's cue opens before the trigger (向X的代表Y致电: Y is
    # the recipient's side)
    Feature("in_other_phrase", -25, _in_other_phrase),
    # inside a topic phrase of a clause before the trigger's (就X的言论，向Y提出交涉)
    Feature("in_topic_clause", -25, _in_topic_clause),
    # the capture of a role pattern, written for this role (向(?P<recipient>…)捐赠);
    # captures lie near their trigger: never reachable from far
    Feature("pattern_capture", 100, lambda c, f: f.label == "TEXT", lambda c, f: f.label == "TEXT",
            lambda role, taken: False),
    # a common noun (一名男子) loses to a name at about the same distance
    Feature("nominal", -6, lambda c, f: f.nominal),
    # X的Y: X owns the filler after it (击败《星际争霸》游戏中的世界顶尖玩家: the players)
    Feature("possessor", -30, _possessor_of_candidate),
    # the organisation of a person who fills another role (xAI联合创始人Igor Babuschkin)
    Feature("affiliation", 40, _affiliated, _could_be_affiliated,
            lambda role, taken: "ORG" in role.labels and any(t.label == "PERSON" for t in taken)),
    # 在X平台宣布, 在广西南宁会见: where it was said or done, not who did it
    Feature("setting", -20, _in_setting),
    # a country or organisation whose title-holder is a candidate too (缅甸代总统敏昂莱):
    # the person is who
    Feature("title_holder", -20, _titles_a_person),
    # the person a relative clause describes (即将离任的港大校长马斐森): who did it
    Feature("relative_head", 40, lambda c, f: _relative_head(c.text, c.role, f, c.trigger)),
    # whom a win before the trigger beat (A击败韩国选手B夺冠): B lost, A goes on
    Feature("beaten", -30, lambda c, f: _beaten(c.text, f, c.trigger)),
    # who says the sentence, for a role its speaker fills, when the trigger's clause names
    # no one before it (黄伟哲表示，臺南市…屡获佳绩，…再次感谢…: the mayor thanks)
    Feature("speaker", 200, lambda c, f: _speaks_for(c, f), lambda c, f: _speaks_for(c, f),
            lambda role, taken: role.speaker),
)


_VALUES = tuple((feature.weight, feature.value) for feature in FEATURES)
_CEILINGS = tuple((f.weight, f.ceiling) for f in FEATURES if f.ceiling is not None)


def score(candidacy: Candidacy, filler: Filler) -> float:
    """The score of ``filler`` for the role: the weighted sum of its features."""
    total = 0.0
    for weight, value in _VALUES:
        total += weight * value(candidacy, filler)
    return total


def bound(candidacy: Candidacy, filler: Filler) -> float:
    """A cheap upper bound of :func:`score` (a feature of negative weight adds at most 0)."""
    total = 1e-6
    for weight, ceiling in _CEILINGS:
        total += weight * ceiling(candidacy, filler)
    return total


def far_bonus(role, taken: list[Filler], longest: int) -> float:
    """The most a filler of at most ``longest`` characters far from the trigger can gain
    over minus its distance (the features it can have that raise a score)."""
    total = 0.0
    for feature in FEATURES:
        if feature.weight > 0 and feature.reachable is not None and feature.reachable(role, taken):
            total += feature.weight * (longest if feature.name == "length" else 1)
    return total


def _opens_next_predicate(text: str, c: Filler, trigger: Trigger, next_trigger: int) -> bool:
    """Whether ``c``, after a break past the trigger, is the subject of the next predicate
    (志工表揚暨頒獎　黃偉哲感謝志工: the mayor thanks, he is not praised)."""
    return c.start >= trigger.end and next_trigger - c.end <= 2 and new_clause_between(text, trigger.end, c.start)


def _choose(
    text, candidates, trigger, clauses, trigger_clause, role, fillers=(), taken=(), other_cues=(),
    next_trigger=None, best_score=None,
) -> list[Filler]:
    """The filler(s) of a role among ``candidates``: the best scored by :data:`FEATURES`,
    extended through a coordinated list for a multiple role or one of people or
    organisations.  ``best_score``: a list the
    score of the best is appended to (without it, a lone candidate is not scored)."""
    if next_trigger is not None:  # a name past the next predicate's trigger is that
        # verb's argument (离开后他将创办X), unless the role's cue points to it (接替...的X);
        # counts and places are shared
        def cued(c: Filler) -> bool:  # a cue of the role between the trigger and ``c``
            return any(cue in text[trigger.end : c.start] for cue in role.cues)

        candidates = [c for c in candidates if c.start < next_trigger or c.label not in _NAMED or cued(c)]
        # the next predicate's subject (…，王五再打傷他人) yields to any other candidate
        others = [c for c in candidates if cued(c) or not _opens_next_predicate(text, c, trigger, next_trigger)]
        candidates = others or candidates
    if not candidates:
        return []
    # a composite place replaces the parts it covers
    composite = [c for c in candidates if c.label in PLACE_LABELS and c.value is None]
    if composite:
        candidates = [
            c
            for c in candidates
            if not any(p.start <= c.start and c.end <= p.end and p is not c for p in composite)
        ]
    if len(candidates) == 1 and best_score is None:
        first = 0  # the best of one, whatever its score (most roles have one candidate)
    else:
        candidacy = Candidacy(
            text, trigger, role, clauses, trigger_clause, candidates, fillers, taken,
            tuple(other_cues), {f.end: f.start for f in fillers if f.label in PLACE_LABELS},
        )
        first, top = _best(candidates, partial(score, candidacy), partial(bound, candidacy))
        if best_score is not None:
            best_score.append(top)
    best = candidates[first]
    listed = role.multiple or _LISTABLE.intersection(role.labels)
    if not listed:
        return [best]
    chosen = [best]
    ordered = sorted(candidates, key=lambda f: f.start)
    position = ordered.index(best)
    for step in (-1, 1):  # extend through a coordinated list: A、B、C及D
        k = position
        while 0 <= k + step < len(ordered):
            a, b = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            if not _coordinated(text, a, b, list(fillers)):
                break
            gap = _after_honorific(text, a, b)
            if gap.strip() in other_cues:
                break  # 腾讯与长荣大学合作: 与 marks the partner, no second party
            if not role.multiple and not _plain_list(gap):
                break
            chosen.append(ordered[k + step])
            k += step
    return _headed(text, sorted(chosen, key=lambda f: f.start), trigger)


#: The end of a list named by its head noun: 日本、韩国等7国14家买主, 腾讯、字节跳动等企业高管.
_LIST_HEAD = regex.compile(
    r"等[\p{N}\p{Han}]{1,8}?"
    r"(?=[，。；、,;：:）)\s]|$|参加|出席|参与|在|于|的|将|已|也|均|共同|一起|表示|称|宣布|被|向|对|"
    r"近日|日前|近期|今天|今日|昨天|昨日|联合|分别|相继|再次|正式)"
)


_HEAD_COUNT = regex.compile(r"等[\p{N}几多数两一二三四五六七八九十百千]+(?:人|名|位)")


def _headed(text: str, chosen: list[Filler], trigger: Trigger) -> list[Filler]:
    """A list of names that ends in 等 and a head noun is one filler (the gold set's
    guidelines: 坦克、火炮等目标 is one span), of the label of its first member; the head
    ends before the trigger when the list stands before it."""
    if not chosen or chosen[0].label not in ("PERSON", "ORG", "GPE"):
        return chosen
    end = trigger.start if chosen[-1].end <= trigger.start else len(text)
    head = _LIST_HEAD.match(text, chosen[-1].end, end)
    if head is None or _HEAD_COUNT.fullmatch(head.group()):
        return chosen  # 黄之锋等20人: a count of people, the names are the fillers
    first = chosen[0]
    return [Filler(first.start, head.end(), text[first.start : head.end()], first.label, headed=True)]


def _best(candidates: list, score, bound) -> tuple[int, float]:
    """(index, score) of ``max(candidates, key=score)`` (ties to the first, as max), with
    few candidates scored: from the highest ``bound`` (>= score) down, until no candidate
    left can reach the best.  A handful of candidates are all scored: their bounds would
    cost more than they save."""
    if len(candidates) <= 3:
        values = [score(c) for c in candidates]
        top = max(values)
        return values.index(top), top
    bounds = [bound(c) for c in candidates]
    first, top = 0, None
    for i in sorted(range(len(candidates)), key=bounds.__getitem__, reverse=True):
        if top is not None and bounds[i] < top:
            break
        value = score(candidates[i])
        if top is None or value > top or (value == top and i < first):
            first, top = i, value
    return first, top


_CONTINUATION = ("该", "此", "这", "其", "它", "他们", "他", "她")


def _from_next(doc: Document, fillers: list[Filler], s_index: int, role, index=None) -> list[Filler]:
    """A filler from the next sentence, when that sentence goes on about the event
    (该磁体中心磁场强度达到16.5特斯拉)."""
    if s_index + 1 >= len(doc.sentences):
        return []
    sentence = doc.sentences[s_index + 1]
    if not sentence.text.lstrip().startswith(_CONTINUATION):
        return []
    if index is None:
        index = _DocIndex(doc, fillers)
    candidates = [
        f for f in index.fillers_within(sentence.start, sentence.end) if f.label in role.labels
    ]
    return candidates[:1]


#: How a sentence that goes on about the one before it opens (此举旨在…, 他随后…, 为此…).
_LINKED = regex.compile(r"[\s“\"「]*(?:此举|此|这|该|其(?!他|它|实|次)|他|她|它|为此|对此|随后|其后|此后|之后)")
#: A person pronoun (在联合创立xAI之前，他曾是…): the sentence goes on about someone named before.
_PERSON_PRONOUN = regex.compile(r"(?<!其)[他她](?!人|国|乡|日|处)")


def _points_back(text: str, sentence) -> bool:
    """Whether ``sentence`` goes on about what the one before it told, so that a role
    whose context is 'linked' may be borrowed from before it."""
    return bool(
        _LINKED.match(text, sentence.start)
        or _PERSON_PRONOUN.search(text, sentence.start, sentence.end)
    )


def _from_context(doc: Document, fillers: list[Filler], s_index: int, role, index=None) -> list[Filler]:
    if index is None:
        index = _DocIndex(doc, fillers)
    for back in range(s_index - 1, max(-1, s_index - 4), -1):
        sentence = doc.sentences[back]
        if sentence.label == "FURNITURE":
            continue
        in_sentence = index.fillers_within(sentence.start, sentence.end)
        candidates = [
            f
            for f in in_sentence
            if f.label in role.labels
            and not f.nominal
            and not (
                f.label not in role.labels[:1]
                and doc.text[max(0, f.start - 2) : f.start].endswith(_LOCATIVE)
            )
            and not _modifier(doc.text, f, role)
        ]
        if candidates:
            # the role's preferred label first (ORG before GPE), then the earliest
            first = min(candidates, key=lambda f: (role.labels.index(f.label), f.start))
            if not role.multiple:
                return [first]
            chosen = [first]
            for nxt in candidates:
                if nxt.start >= chosen[-1].end and _coordinated(
                    doc.text, chosen[-1], nxt, in_sentence
                ):
                    chosen.append(nxt)
            return chosen
    return []


def _a_bare_nominal_person(text: str, template, arguments: dict) -> bool:
    """Whether a role for people is filled by bare common nouns only (教師, 護士: not 一名
    护士, 该教师, nor a name)."""
    def bare(f: Filler) -> bool:
        return (
            f.nominal
            and f.refers_to is None
            and text[f.start : f.end] in _BARE_HEADS
            and _SINGLED_OUT.search(text[max(0, f.start - 4) : f.start]) is None
        )

    return any(
        fillers and all(bare(f) for f in fillers)
        for name, fillers in arguments.items()
        if "PERSON" in template.roles[name].labels
    )


#: The common nouns a habit is told of (not 高管, 主帅: Uber高管离职 is one company's news).
_BARE_HEADS = frozenset(PERSON_HEADS) - {"高管", "官员", "老板", "股东", "店主", "主帅", "教练", "主教练"}
#: What singles one out before a common noun: 该名护士, 这位老师, 一名护士, 3名员工.
_SINGLED_OUT = regex.compile(r"(?:[该这那此其](?:名|位|个)?|[\d一两二三四五六七八九十百]+(?:名|位|个))$")


def _cued_for(text: str, filler: Filler, template, role_name: str) -> bool:
    """Whether an object cue word of another role that takes fillers of this kind (and none
    of this role's) ends right before ``filler`` (对伊朗: the target's)."""
    if text[filler.start - 1 : filler.start] not in ("对", "向"):
        return False  # the object cues (see _OBJECT_CUE) end in 对 or 向
    before = _before(text, filler)
    if cued_by(text, filler, template.roles[role_name].cues):
        return False
    if not _OBJECT_CUE.search(before):
        return False
    return any(
        name != role_name and filler.label in other.labels and before.endswith(tuple(other.cues))
        for name, other in template.roles.items()
    )


#: A cue word that opens an object phrase (对伊朗, 向灾区): never the subject's; not the end
#: of a word (反对美国, 面对, 方向). Joiners (与, 和: 同里尼克和卡罗尼会谈) and places (在,
#: 从) are left to the features.
_OBJECT_CUE_WORD = r"(?:(?<![反面应相绝核比派配])对|(?<![方走转导倾意动趋风偏一志取面])向)"
_OBJECT_CUE = regex.compile(_OBJECT_CUE_WORD + "$")


def in_object_phrase(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` stands before the trigger in a phrase an object cue opens, alone
    or as an item of a list (向网信办、公安部门报警, 对伊朗实施制裁): whom it is done to or
    told to, never the doer."""
    if filler.end > trigger.start:
        return False
    if _OBJECT_CUE.search(_before(text, filler)):
        return True
    # a later item of a list: the cue opens its first item
    return text[filler.start - 1 : filler.start] == "、" and bool(
        _LISTED_OBJECT.search(text, max(0, filler.start - 90), filler.start)
    )


#: An object cue and the items of a list up to a 、 (向网信办、 of 向网信办、公安部门).
_LISTED_OBJECT = regex.compile(_OBJECT_CUE_WORD + r"(?:[^，。；、,;！？\s]{1,20}、){1,6}$")


def _subject_taken(text: str, taken: list[Filler], trigger: Trigger) -> bool:
    """Whether a filler of another role stands right before the trigger as its subject
    at the start of its clause (上海合作组织成立; not 遭乌军袭击 or 与马杜罗通话)."""
    return any(
        trigger.start - 1 <= f.end <= trigger.start and (f.start == 0 or text[f.start - 1] in _CLAUSE_OPENERS)
        for f in taken
    )


#: What may stand before a clause's subject (not 与, 被, 遭: 与马杜罗通话, 遭乌军袭击).
_CLAUSE_OPENERS = frozenset("，,。；;：:\n 　")
