"""Rolls of names: 表揚12位優良人員 … 工務局副局長王建雄、警察局警務員陳弘益…等12人.

An event of a counted group of people names no one in its own clause: a praise or thanks
of one (表揚12位…人員, 感謝12位獲獎者), or one that names the first of them and counts
the rest (黃之鋒等20人被控).  The group's members are in rolls of names further on, often
at the end of the article (表揚名單如下：…, 分別為：…).  A role marked ``roll`` then takes
every name of the rolls after the trigger: for a counted object always, for a counted
filler when the rolls hold as many names as it counts, and for a role with no filler of
its own when a prize heads them (獲獎名單如下：特等獎8位：田宗益、…)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import regex

from newsie.events.mention import Filler
from newsie.ner.lexicon import starts_with_surname, surnames
from newsie.time.numerals import to_number

#: A counted group of people as the trigger's object (表揚12位, 感謝二十名, 表彰了3位).
_COUNTED = regex.compile(r"了?(?:\d+|[一二三四五六七八九十两兩百千]+)(?:位|名)")
#: A filler that counts the group it heads (黃之鋒|等20人, 张三|等共十一名).
_GROUP = regex.compile(r"等共?(?P<n>\d+|[一二三四五六七八九十两兩百]+)(?:人|名|位)")
#: Where a roll of names is cut into items, and the colon that opens it.
_ITEM_MARKS = regex.compile(r"[、；;及与與]")
_COLON = regex.compile(r"[：:]")
#: The stretches of text a roll lies within: one sentence, one line.
_STRETCH = regex.compile(r"[^。！？!?\n，,]+")
#: What may close a roll's last item (…陳淑娟等12人, …石國宏等人).
_TOTAL = regex.compile(r"等(?:\d+|[一二三四五六七八九十两兩百]+)?[人位名].*$")
#: The last characters of an affiliation or title just before a name (…國小|楊易霖,
#: …警務員|陳弘益, …志工|邱招蓮).
_AFFILIATION_ENDS = frozenset("小中校学學大局处處所司长長员員师師园園幼院会會队隊科课課组組工")
#: Fewer names make no roll (甲、乙 is a pair).
MIN_NAMES = 3
#: A heading that names a prize or a list of winners (特等獎8位：…, 得獎名單：…), and such
#: a heading with its colon anywhere in a text.
_PRIZE_HEADING = regex.compile(r"[奖獎]|名[单單]")
_PRIZE_ROLL = regex.compile(r"(?:[奖獎]|名[单單])[^：:\n，。]{0,12}[：:]")


@dataclass(frozen=True, slots=True)
class Roll:
    """A roll's names, in order, and the heading before its colon ('' without one)."""

    names: list[Filler]
    heading: str = ""


def counted_object(text: str, trigger_end: int) -> bool:
    """Whether the trigger's object is a counted group of people (表揚|12位…)."""
    return _COUNTED.match(text, trigger_end) is not None


def roll_for(
    text: str, rolls: Callable[[], list[Roll]], trigger_end: int, chosen: list[Filler]
) -> list[Filler]:
    """The names a roll role takes for a trigger ending at ``trigger_end`` whose role
    chose ``chosen``: those of the rolls after the trigger when its object is a counted
    group (表揚|12位); when the one chosen filler heads a counted group (黃之鋒|等20人)
    and the rolls hold that many names; or, when the role chose none, those of the rolls
    after it headed by a prize (頒獎典禮 … 特等獎8位：田宗益、黃聖恩…); else none.
    ``rolls``: gives the document's rolls, read only when one of these may apply."""
    if counted_object(text, trigger_end):
        return names_after(rolls(), trigger_end)
    if len(chosen) == 1:
        group = _GROUP.match(text, chosen[0].end)
        if group is not None:
            names = names_after(rolls(), trigger_end)
            if names and len(names) == to_number(group["n"]):
                return names
    if not chosen and _PRIZE_ROLL.search(text) is not None:  # read the rolls only then
        return names_after([r for r in rolls() if _PRIZE_HEADING.search(r.heading)], trigger_end)
    return []


def rolls(text: str, fillers: list[Filler]) -> list[Roll]:
    """The rolls of person names in ``text``, in order: stretches of a sentence cut by
    list marks into items, each an optional affiliation and a name (…國小楊易霖、南化國中
    王榮俊、程錦茹…), with at least :data:`MIN_NAMES` names, most items named, and two
    of the names found as persons by the entity stage (one, after a heading and a colon:
    分別為：…); ``fillers`` sorted by start."""
    persons = {
        f.end: f for f in fillers if f.label == "PERSON" and not f.nominal and f.refers_to is None
    }
    found_rolls = []
    for stretch in _STRETCH.finditer(text):
        if not _ITEM_MARKS.search(stretch[0]):
            continue
        # a heading before a colon (分別為：, 名單如下：) introduces a roll: only what
        # follows it is an item, and one name the entity stage found is confirmation enough
        body, start, heading = stretch[0], stretch.start(), ""
        colon = _COLON.search(body)
        if colon is not None:
            heading = body[: colon.start()]
            body, start = body[colon.end() :], start + colon.end()
        items = []
        for piece in _ITEM_MARKS.split(body):
            blank = len(piece) - len(piece.lstrip())  # 、 司徒子朗: the name after the space
            items.append((start + blank, start + len(piece.rstrip())))
            start += len(piece) + 1
        if len(items) < MIN_NAMES:
            continue
        a, b = items[-1]
        total = _TOTAL.search(text, a, b)
        if total:
            items[-1] = (a, total.start())
        names = [_name_of(text, a, b, persons) for a, b in items]
        found = [n for n in names if n is not None]
        entities = sum(1 for n in found if n.end in persons and persons[n.end] is n)
        confirmed = entities >= (1 if colon is not None else 2)
        if len(found) >= MIN_NAMES and confirmed and len(found) >= 0.6 * len(items):
            found_rolls.append(Roll(found, heading))
    return found_rolls


def _name_of(text: str, start: int, end: int, persons: dict[int, Filler]) -> Filler | None:
    """The name an item of a roll ends with: a person the entity stage found, the
    whole item when it is a bare name (程錦茹, 司徒子朗), or the three characters after an
    affiliation (南化國中|王榮俊)."""
    found = persons.get(end)
    if found is not None and found.start >= start:
        return found
    item = text[start:end]
    if (
        2 <= len(item) <= 3
        and starts_with_surname(item)
        or len(item) == 4
        and item[:2] in surnames()
    ):
        return Filler(start, end, item, "PERSON")
    if len(item) >= 5 and item[-4] in _AFFILIATION_ENDS and starts_with_surname(item[-3:]):
        return Filler(end - 3, end, item[-3:], "PERSON")
    return None


def names_after(found: list[Roll], position: int) -> list[Filler]:
    """The names of every roll that starts after ``position``, each name once."""
    starts = [roll.names[0].start for roll in found]
    seen: set[str] = set()
    out: list[Filler] = []
    for roll in found[bisect_right(starts, position) :]:
        for f in roll.names:
            if f.text not in seen:
                seen.add(f.text)
                out.append(f)
    return out
