"""One happening, one event: merging the mentions of an event told in several sentences
of a document (a title and its story, a lead and its restatements), in linear time."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from newsie.events.mention import (
    _DEMONSTRATIVE,
    _NUMERIC,
    PARTY_LABELS,
    PLACE_LABELS,
    Filler,
    _Mention,
    names_a_place,
)
from newsie.events.models import Trigger
from newsie.events.nominals import CROWD_HEADS
from newsie.values.numbers import parse_number


def _key_values(mention: _Mention) -> dict[str, set[str]]:
    """Values of the roles that identify an event (entities, not amounts), by role;
    demonstratives (这项创新API) and nominals (男子) identify nothing."""
    out: dict[str, set[str]] = {}
    for role, fillers in mention.arguments.items():
        labels = mention.template.roles[role].labels
        if (
            not _NUMERIC.isdisjoint(labels)
            or role in mention.from_context
            or role in mention.read_off_names
            or role in mention.from_roll
        ):
            continue  # a count, a filler from context or a roll, one read off a name: nothing
        party = not PARTY_LABELS.isdisjoint(labels)
        values = {value for f in fillers if (value := _identifying(f, party)) is not None}
        if values:
            out[role] = values
    return out


def _identifying(f: Filler, party: bool) -> str | None:
    """The value by which ``f`` tells its event from another, or None: an entity's
    canonical name, a term, a party's name; a work named by its title (《芯片与科学法案》)
    marks aside, so that 《条例》 as it is called later is the same one."""
    if f.nominal or f.office or _DEMONSTRATIVE.match(f.text):
        return None
    if _TITLED.fullmatch(f.text):
        return f.text[1:-1]
    if f.label == "TEXT" and not (_a_term(f.text) or (party and _a_name(f.text))):
        return None
    return str(f.value if isinstance(f.value, str) else f.text)


#: A title between book-title marks, whole: 《芯片与科学法案》.
_TITLED = regex.compile(r"《[^《》]+》")


def _a_name(text: str) -> bool:
    """Whether a capture for a party's role reads as a name (ST世茂 of ST世茂涨停): short,
    and not opened by a preposition, a numeral or a demonstrative (於政府用法庭,
    一加油站顶棚 describe)."""
    return len(text) <= 12 and not _DESCRIBED.match(text)


_DESCRIBED = regex.compile(r"[於于在从向对一两二三四五六七八九十该这此其那某各本]")


#: A length of time (a term of 3個月, 10个月, 兩個月一星期, 8至13個月), no year (2025年论坛).
_TERM = regex.compile(
    r"(?:(?:\d{1,2}|[一二三四五六七八九十两兩半]+)(?:[个個]?(?:月|年|天|星期|周))?(?:至|到|-|－))?"
    r"(?:\d{1,2}|[一二三四五六七八九十两兩半]+)[个個]?(?:月|年|天|星期|周)"
)


def _a_term(text: str) -> bool:
    """Whether a captured text is a length of time: two of them tell events apart (判监3个月
    and 判监10个月 are two sentences), where other captured texts may be retold."""
    return len(text) <= 10 and bool(_TERM.match(text))


def _same(a: str, b: str) -> bool:
    """Whether two identifying values name the same thing: equal, one inside the other
    (隆基 / 隆基股份), a name and its masked form (胡某 / 胡鑫宇, 李某某 / 李强), or a place
    under its country's short and full name (俄堪察加半岛东部海域 / 俄罗斯堪察加半岛东部海域)."""
    if a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a)):
        return True
    return _unmasks(a, b) or _unmasks(b, a) or _abbreviated(a, b) or _abbreviated(b, a)


def _abbreviated(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with its country named by one character (俄堪察加… for
    俄罗斯堪察加…): the first characters agree and the rest, at least three, ends both."""
    return len(short) >= 4 and len(full) > len(short) and short[0] == full[0] and full.endswith(short[1:])


def _unmasks(masked: str, name: str) -> bool:
    """Whether ``name`` is a full name that ``masked`` (胡某, 胡某宇) may stand for."""
    return bool(
        masked[1:2] == "某"  # what _MASKED needs first: a cheap test before the pattern's
        and _MASKED.fullmatch(masked)
        and 2 <= len(name) <= 4
        and "某" not in name
        and name[0] == masked[0]
        and (masked[-1] == "某" or name[-1] == masked[-1])
    )


#: A person's name masked by the press: a surname and 某 (张某, 李某某, 胡某宇).
_MASKED = regex.compile(r"\p{Han}某{1,2}\p{Han}?")


#: How many of the latest kept mentions of a type a new mention is compared with; older
#: ones only when they share an identifying value with it (see :func:`_merge`).
LOOKBACK = 64


def _merge(mentions: list[_Mention], window: int = 2, one_case: bool = False) -> list[_Mention]:
    """Merge mentions of the same event told in several sentences of one document.

    A later mention joins an earlier one of the same type when it points back to it
    (此次, 这次), or when they share an identifying argument and contradict on none, or
    when they are at most ``window`` sentences apart and contradict on none.  Mentions
    that contradict (different persons leaving) stay apart, as do mentions of one
    sentence (two triggers in one sentence are two events, unless they agree).
    ``one_case``: the document says its accused share one case (同案被告), so charges
    that differ only in the defendant are that case's.
    """
    kept: list[_Mention] = []
    by_type: dict[str, list[_Mention]] = {}  # the kept mentions of each type, in order
    keys: dict[int, dict[str, set[str]]] = {}  # _key_values by id(mention), until it changes
    # (type, role, value) -> the kept mentions that had it: older mentions than the last
    # LOOKBACK of a type are found by an argument they share, so a roundup of thousands
    # of events of one type is merged in linear time
    by_value: dict[tuple[str, str, str], list[_Mention]] = {}  # the latest last
    rank: dict[int, int] = {}  # id(kept mention) -> its place among the kept of its type

    def key_values(m: _Mention) -> dict[str, set[str]]:
        found = keys.get(id(m))
        if found is None:
            found = keys[id(m)] = _key_values(m)
        return found

    def candidates(mention: _Mention) -> Iterator[_Mention]:
        """Kept mentions of its type, latest first: the last LOOKBACK, then older ones
        that share an identifying value with it."""
        earlier = by_type.get(mention.template.type, ())
        yield from reversed(earlier[-LOOKBACK:])
        if len(earlier) > LOOKBACK:
            limit = rank[id(earlier[-LOOKBACK])]
            older = {
                id(m): m
                for role, values in key_values(mention).items()
                for value in values
                for m in by_value.get((mention.template.type, role, value), ())[-LOOKBACK:]
                if rank[id(m)] < limit
            }
            yield from sorted(older.values(), key=lambda m: -rank[id(m)])

    def index(m: _Mention) -> None:
        for role, values in key_values(m).items():
            for value in values:
                by_value.setdefault((m.template.type, role, value), []).append(m)

    for mention in mentions:
        target = None
        if mention.template.merge:
            for earlier in candidates(mention):
                if (
                    (mention.anaphoric and not _two_movements(earlier, mention))
                    or (one_case and _co_accused(earlier, mention, key_values(earlier), key_values(mention)))
                    or _compatible(earlier, mention, window, key_values(earlier), key_values(mention))
                ):
                    target = earlier
                    break
        if target is None:
            if mention.anaphoric and mention.template.unfilled(mention.arguments):
                continue  # 此次发布的… with no event before it to point back to
            kept.append(mention)
            same_type = by_type.setdefault(mention.template.type, [])
            rank[id(mention)] = len(same_type)
            same_type.append(mention)
            index(mention)
            continue
        keys.pop(id(target), None)  # its arguments change
        for role, fillers in mention.arguments.items():
            multiple = target.template.roles[role].multiple
            if (
                role not in target.arguments
                or (role in mention.from_roll and role not in target.from_roll)
                or (role in target.from_context and role not in mention.from_context and not multiple)
                or (role in target.read_off_names and role not in mention.read_off_names)
                or _more_specific_place(target, mention, role)
            ):
                target.arguments[role] = list(fillers)
                target.from_context.discard(role)
                if role not in mention.read_off_names:
                    target.read_off_names.discard(role)
                if role in mention.from_context:
                    target.from_context.add(role)
                if role in mention.from_roll:
                    target.from_roll.add(role)
            elif multiple and role not in mention.from_context:
                texts = [f.text for f in target.arguments[role]]
                target.arguments[role] = _names_over_descriptions(
                    target.arguments[role]
                    + [
                        f
                        for f in fillers
                        if not any(_same(f.text, t) for t in texts)
                        and not _DEMONSTRATIVE.match(f.text)
                    ]
                )
        # the better time wins (see _time_rank)
        if mention.time_index is not None and (
            target.time_index is None or _time_rank(mention) > _time_rank(target)
        ):
            target.time_index = mention.time_index
            target.time_from_context = mention.time_from_context
            target.time_gap = mention.time_gap
            target.time_vague = mention.time_vague
        # a title leaves out the cue its story gives (拟收购, 疑似爆炸): a plan or a
        # report told later frames the event of a title; a later plan or report in the
        # story is of something about it (将调查起火原因), and a later denial
        # (否认训练过量致其身亡) is of a claim about it, not of the event
        if target.title and not target.told and not mention.title:
            # the first telling of a title's story gives the cue the title left out; a
            # later one (多段网传视频显示，车祸现场…) is of something about it
            if target.status == "happened" and mention.status in ("planned", "reported"):
                target.status = mention.status
            target.told = True
        index(target)  # under its new values too
    return kept


def _co_accused(a: _Mention, b: _Mention, keys_a, keys_b) -> bool:
    """Whether two charges of one case differ in their defendants only (陳珩被控暴動罪 and
    邱宏達被控暴動罪, of a report on 同案被告): one lawsuit with both defendants."""
    if "defendant" not in keys_a or "defendant" not in keys_b:
        return False
    return all(_agree(keys_a[role], keys_b[role]) for role in set(keys_a) & set(keys_b) - {"defendant"})


def _agree(values_a: set[str], values_b: set[str]) -> bool:
    """Whether two mentions' identifying values of one role name the same thing: a value
    both name agrees at once; else a pair may still name one thing (:func:`_same`)."""
    return not values_a.isdisjoint(values_b) or any(_same(x, y) for x in values_a for y in values_b)


def _more_specific_place(target: _Mention, mention: _Mention, role: str) -> bool:
    """Whether a later telling names the place more precisely (山西 in a title, 山西临猗县
    in the story): the event keeps the most specific place."""
    if not names_a_place(target.template.roles[role]) or role in mention.from_context:
        return False
    old, new = target.arguments[role], mention.arguments[role]
    return all(
        any(g.label in PLACE_LABELS and f.text in g.text and len(f.text) < len(g.text) for g in new)
        for f in old
    )


def _named_apart(a: _Mention, b: _Mention, role: str) -> bool:
    """Whether both fill ``role`` with named people (not 一名男子, not an office) and no name
    is shared."""
    def named(m: _Mention) -> list[str]:
        return [f.text for f in m.arguments[role] if f.label == "PERSON" and not f.nominal and not f.office]

    x, y = named(a), named(b)
    return bool(x) and bool(y) and not any(_same(p, q) for p in x for q in y)


def _same_person(a: _Mention, b: _Mention, roles: set[str]) -> bool:
    """Whether of ``roles`` (where the two agree) one is filled by a named person in both."""
    return any(
        any(f.label == "PERSON" and not f.nominal for f in a.arguments[role])
        and any(f.label == "PERSON" and not f.nominal for f in b.arguments[role])
        for role in roles
    )


def _only_organisations(a: _Mention, b: _Mention, roles: set[str]) -> bool:
    """Whether every role of ``roles`` is filled by organisations only, in both."""
    return all(
        all(f.label == "ORG" for f in a.arguments[role] + b.arguments[role]) for role in roles
    )


def _posts_told(a: _Mention, b: _Mention) -> bool:
    """Whether both tell the post held (a role of a TITLE filled in both): then the
    organisation is part of what is held, and two organisations are two posts (获委任为
    财政司, 出任政务司司长); a mention without the post (当选, 自民党总裁…出任首相) may
    name either side of one."""
    return any(
        "TITLE" in role.labels and name in a.arguments and name in b.arguments
        for name, role in a.template.roles.items()
    )


def _same_toll(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions give the same non-zero count in some count role (deaths 44人)."""
    for role, fillers in a.arguments.items():
        if "COUNT" not in a.template.roles[role].labels or role not in b.arguments:
            continue
        values = {f.value for f in fillers if isinstance(f.value, (int, float)) and f.value > 1}
        if values & {f.value for f in b.arguments[role]}:
            return True
    return False


def _time_rank(mention: _Mention) -> tuple[bool, bool, int]:
    """How good a mention's time is for its event: a date beats a vague word (近日)
    whatever their distance, a time of its own sentence one borrowed from context, then
    the time told closest to its trigger wins (a lede's date vs 于2024年推出)."""
    return (not mention.time_vague, not mention.time_from_context, -mention.time_gap)


def _names_over_descriptions(fillers: list) -> list:
    """A person told by office or common noun only (伊朗总统 in a headline, 一名男子 in a
    lead) gives way to a named person once the story names one (伊朗总统佩泽希齐扬, 犯罪
    嫌疑人刘某): one participant, not two."""
    def unnamed(f) -> bool:
        return f.office or (f.nominal and f.label == "PERSON")

    if any(unnamed(f) for f in fillers) and any(
        f.label == "PERSON" and not unnamed(f) for f in fillers
    ):
        return [f for f in fillers if not unnamed(f)]
    return fillers


def _in_title_line(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is in a title: a short first line, with no full stop, that a
    story follows (a first line of a list of items ends in 。)."""
    end = text.find("\n", trigger.end, trigger.end + 80)
    return (
        end > 0
        and text.find("\n", 0, trigger.start) < 0
        and not text[:end].rstrip().endswith(("。", "；", ";"))
        and text[end:].strip() != ""
    )


def _told_apart(a: _Mention, b: _Mention) -> bool:
    """Whether a role both fill names nothing in common (the fillers of the context too)."""
    for role in set(a.arguments) & set(b.arguments):
        if not any(_same(x.text, y.text) for x in a.arguments[role] for y in b.arguments[role]):
            return True
    return False


#: An election and the taking up of the post are two steps, each an event of its own
#: (当选总统 in September, 就任 in November): their mentions are never one event.
_ELECTED = regex.compile(r"当选|获选|胜选")
_TAKES_OFFICE = regex.compile(r"就任|就职|上任|履新")


def _other_steps(a: _Mention, b: _Mention) -> bool:
    """Whether one mention tells an election and the other the taking up of the post, or
    the two name different movements (2014年傘運 and 這次反送中運動)."""
    return bool(
        (_ELECTED.search(a.trigger.text) and _TAKES_OFFICE.search(b.trigger.text))
        or (_TAKES_OFFICE.search(a.trigger.text) and _ELECTED.search(b.trigger.text))
        or _two_movements(a, b)
    )


#: Names of one movement (a protest template's name_triggers), each to the movement.
_MOVEMENTS = {
    name: group
    for group, names in {
        "umbrella": ("伞运", "雨伞运动", "雨伞革命", "占领运动", "占中运动", "占领行动"),
        "extradition": ("反送中", "反送中运动", "反修例运动", "反修例风波"),
        "sunflower": ("太阳花学运", "太阳花运动"),
    }.items()
    for name in names
}


def _two_movements(a: _Mention, b: _Mention) -> bool:
    names = a.template.name_triggers
    if a.trigger.text not in names or b.trigger.text not in names:
        return False
    first = _MOVEMENTS.get(a.trigger.text, a.trigger.text)
    return first != _MOVEMENTS.get(b.trigger.text, b.trigger.text)


def _groups_apart(a: _Mention, b: _Mention) -> bool:
    """Whether both fill a role of parties with common nouns only (一名学生, 途人), and these
    name other people: other crowds (途人, 示威者), or other counts (5名学生, 4名学生)."""
    for role in a.arguments.keys() & b.arguments.keys():
        if PARTY_LABELS.isdisjoint(a.template.roles[role].labels):
            continue
        xa, xb = a.arguments[role], b.arguments[role]
        if not all(f.nominal for f in xa) or not all(f.nominal for f in xb):
            continue
        crowds_a, crowds_b = {_crowd(f.text) for f in xa}, {_crowd(f.text) for f in xb}
        if None not in crowds_a and None not in crowds_b and crowds_a.isdisjoint(crowds_b):
            return True
        counts_a = {c for f in xa if (c := _head_count(f.text)) is not None}
        counts_b = {c for f in xb if (c := _head_count(f.text)) is not None}
        if counts_a and counts_b and counts_a.isdisjoint(counts_b):
            return True
    return False


def _crowd(text: str) -> str | None:
    """The crowd a common noun names (大批暴徒: 暴徒; 5名中大学生: 学生), or None."""
    return next((head[-2:] for head in _CROWD_HEADS if text.endswith(head)), None)


_CROWD_HEADS = tuple(sorted(CROWD_HEADS, key=len, reverse=True))


def _head_count(text: str) -> float | None:
    """The count a common noun opens with (5名学生: 5, 一名男子: 1), or None."""
    match = _COUNT.match(text)
    return None if match is None else parse_number(match.group(1))


_COUNT = regex.compile(r"(\d+|[一二三四五六七八九十两百]+)(?:名|位|个|人)?")


def _compatible(a: _Mention, b: _Mention, window: int = 2, keys_a=None, keys_b=None) -> bool:
    """Same event if they contradict on no identifying argument and either share one
    or are close (and not in one sentence).  ``keys_a``, ``keys_b``: their
    :func:`_key_values`, when known."""
    if _other_steps(a, b):
        return False  # 当选 and, later, 就任: two steps of one career
    if _groups_apart(a, b):
        return False  # 一名学生被捕 and 4名学生被捕, 途人 and 示威者: two groups, two arrests
    if a.own_time and b.own_time and (
        a.own_time[1] <= b.own_time[0] or b.own_time[1] <= a.own_time[0]
    ):
        return False  # told with times of their own that do not meet: two happenings
    if keys_a is None:
        keys_a = _key_values(a)
    if keys_b is None:
        keys_b = _key_values(b)
    shared = set(keys_a) & set(keys_b)
    agreeing = {role for role in shared if _agree(keys_a[role], keys_b[role])}
    agree = len(agreeing)
    # places told at two grains (湖南 in a title, 双峰县杏子铺镇 in the story) need not differ
    places = {role for role in shared - agreeing if names_a_place(a.template.roles[role])}
    if (a.also or b.also) and _told_apart(a, b):
        return False  # 李强还参谒了X: 还 tells one more happening, which names another place
    if a.template.one_per_story and not a.headline and not b.headline and a.section == b.section:
        # a story tells one disaster: its mentions are one, whatever place or toll each
        # names, unless they name different people (张三死亡…李四死亡); a roundup's items
        # (each under a heading line of its own) are stories of their own
        return not any(_named_apart(a, b, role) for role in shared - agreeing)
    if a.title != b.title:
        # a title and its story's first telling of the same type (杨楠被立案调查 / 河南省足协
        # 宣布杨楠…被立案调查): one event unless all they name differs, or the post past
        # the lead (张红文任合肥市委书记 and, far on, 出任副总经理: two steps of a career)
        differing = shared - places - agreeing
        if abs(b.sentence_index - a.sentence_index) > window and any(
            "TITLE" in a.template.roles[role].labels for role in differing
        ):
            return False  # another post told further on: 任合肥市委书记 / 2020年担任副省长
        return agree > 0 or not differing
    if agree < len(shared):
        # they name someone else in the same role; or only a place differs while the toll
        # is the same (44人死亡 in 印度 and in 特伦甘纳邦): one happening told twice; or
        # they name the same person and differ only in an organisation (徐雄被逮捕, by the
        # company's notice and by the procuratorate): one person's happening, told twice
        return (agree + len(places) == len(shared) and _same_toll(a, b)) or (
            _same_person(a, b, agreeing)
            and _only_organisations(a, b, shared - agreeing)
            and not _posts_told(a, b)
        )
    if agree:
        return True
    if a.sentence_index == b.sentence_index:
        # two triggers of one type in one sentence (融资…领投): one event when nothing
        # tells them apart, i.e. one of them has no identifying argument at all
        return not keys_a or not keys_b
    if a.headline or b.headline:
        return False  # numbered headlines are separate stories: nearness says nothing
    if not keys_b and b.sentence_index > a.sentence_index:
        return True  # names no one and no place: it restates the latest one (这场火灾造成…)
    return 0 < b.sentence_index - a.sentence_index <= window


@lru_cache(maxsize=4)
def _heading_starts(text: str) -> tuple[int, ...]:
    """Where the heading lines of a text start: short lines with no closing stop that more
    text follows (a title, the items of a 快讯 roundup)."""
    return tuple(m.start() for m in _HEADING.finditer(text) if m.end() < len(text.rstrip()))


_HEADING = regex.compile(r"(?m)^[^\n]{2,40}(?<![。！？；.!?;：:])$")
