"""Honorees named in a list: 表揚12位優良人員 … 工務局副局長王建雄、警察局警務員陳弘益…等12人.

A praise, award or thanks whose object is a counted group of people (表揚12位…人員,
感謝12位獲獎者) names no one in its own clause: its honorees are in a list of names
further on, often at the end of the article (表揚名單如下：…).  A role marked
``honorees`` then takes every name of the lists that follow the trigger."""

from __future__ import annotations

from bisect import bisect_right

import regex

from newsie.events.mention import Filler
from newsie.ner.lexicon import starts_with_surname

#: A counted group of people as the trigger's object (表揚12位, 感謝二十名, 表彰了3位).
_COUNTED = regex.compile(r"了?(?:\d+|[一二三四五六七八九十两兩百千]+)(?:位|名)")
#: Where a roll of names is cut into items: list marks, and the colon that opens it.
_ITEM_MARKS = regex.compile(r"[、；;及与與：:]")
#: The stretches of text a roll lies within: one sentence, one line.
_STRETCH = regex.compile(r"[^。！？!?\n，,]+")
#: What may close a roll's last item (…陳淑娟等12人, …石國宏等人).
_TOTAL = regex.compile(r"等(?:\d+|[一二三四五六七八九十两兩百]+)?[人位名].*$")
#: The last characters of an affiliation or title just before a name (…國小|楊易霖,
#: …警務員|陳弘益, …志工|邱招蓮).
_AFFILIATION_ENDS = frozenset("小中校学學大局处處所司长長员員师師园園幼院会會队隊科课課组組工")
#: Fewer names make no roll of honorees (甲、乙 is a pair).
MIN_NAMES = 3


def counted_object(text: str, trigger_end: int) -> bool:
    """Whether the trigger's object is a counted group of people (表揚|12位…)."""
    return _COUNTED.match(text, trigger_end) is not None


def name_lists(text: str, fillers: list[Filler]) -> list[list[Filler]]:
    """The rolls of person names in ``text``, in order: stretches of a sentence cut by
    list marks into items, each an optional affiliation and a name (…國小楊易霖、南化國中
    王榮俊、程錦茹…), with at least :data:`MIN_NAMES` names, most items named, and two
    of the names found as persons by the entity stage; ``fillers`` sorted by start."""
    persons = {
        f.end: f for f in fillers if f.label == "PERSON" and not f.nominal and f.refers_to is None
    }
    rolls = []
    for stretch in _STRETCH.finditer(text):
        if not _ITEM_MARKS.search(stretch[0]):
            continue
        items, start = [], stretch.start()
        for piece in _ITEM_MARKS.split(stretch[0]):
            items.append((start, start + len(piece)))
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
        if len(found) >= MIN_NAMES and entities >= 2 and len(found) >= 0.6 * len(items):
            rolls.append(found)
    return rolls


def _name_of(text: str, start: int, end: int, persons: dict[int, Filler]) -> Filler | None:
    """The name an item of a roll ends with: a person the entity stage found, the
    whole item when it is a bare name (程錦茹), or the three characters after an
    affiliation (南化國中|王榮俊)."""
    found = persons.get(end)
    if found is not None and found.start >= start:
        return found
    item = text[start:end]
    if 2 <= len(item) <= 3 and starts_with_surname(item):
        return Filler(start, end, item, "PERSON")
    if len(item) >= 5 and item[-4] in _AFFILIATION_ENDS and starts_with_surname(item[-3:]):
        return Filler(end - 3, end, item[-3:], "PERSON")
    return None


def honorees_after(lists: list[list[Filler]], position: int) -> list[Filler]:
    """The names of every list that starts after ``position``, each name once."""
    starts = [run[0].start for run in lists]
    seen: set[str] = set()
    out: list[Filler] = []
    for run in lists[bisect_right(starts, position) :]:
        for f in run:
            if f.text not in seen:
                seen.add(f.text)
                out.append(f)
    return out
