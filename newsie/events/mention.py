"""What the events stage works with: role fillers and the mentions of events it merges.

A :class:`Filler` is anything that can fill a role (an entity, a value, a pattern
capture); a :class:`_Mention` is one trigger with its roles filled, before mentions of
one event are merged (:mod:`newsie.events.merge`) and made into event records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from newsie.events.models import Argument, Trigger
from newsie.events.template import Template

#: A demonstrative before a noun (这项创新API, 该公司): it points back, it names nothing.
_DEMONSTRATIVE = regex.compile(r"(?:了)?(?:这|该|此)(?:项|款|个|次|一|些|种|家|位|场)")
#: Labels of values: numbers identify no event.
_NUMERIC = frozenset({"MONEY", "COUNT", "QUANTITY", "PERCENT"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: The labels of parties (people, organisations): one plays one part of an event, and a
#: short capture for a role of theirs names one as an entity does.
PARTY_LABELS = frozenset({"PERSON", "ORG"})


def names_a_place(role) -> bool:
    """Whether a role's fillers are places first (地点, 震中, 目的地)."""
    return bool(role.labels) and role.labels[0] in PLACE_LABELS


@dataclass(slots=True)
class Filler:
    """Something that can fill a role: an entity, a value or a pattern capture.

    Slots and no frozen-ness: thousands are made per document and read in every role's
    loop (8% of the events stage, measured); none is changed once made."""

    start: int
    end: int
    text: str
    label: str
    value: float | str | None = None
    unit: str | None = None
    currency: str | None = None
    nominal: bool = False
    #: a country or organisation in front of its representative (澳大利亚|总理|阿尔巴尼斯):
    #: roles that take a person take the representative instead
    possessor: bool = False
    #: a person named by office, with no name (德国|外长): for templates that have no
    #: role for the office itself (appointments take the office apart)
    office: bool = False
    #: a value that is an estimate or a lower bound (数十人)
    approximate: bool = False
    #: what an anaphor (该公司, 该男子) points back to: the role takes that named filler
    refers_to: Filler | None = None
    #: an anaphor that addresses a title's holder (总统先生), named far before it
    addressed: bool = False
    #: a list named by its head noun (华为、腾讯等公司): one filler holding its members
    headed: bool = False

    def argument(self, role: str, text: str | None = None) -> Argument:
        """The filler as the argument of ``role``; ``text``: its text when the filler was
        found on another view of the document (the Simplified view of a Traditional one)."""
        return Argument(**self.argument_fields(role, text))

    def argument_fields(self, role: str, text: str | None = None) -> dict[str, Any]:
        """The fields of :meth:`argument`, not validated: for an event model, which
        validates its arguments itself (no need to make and dump an Argument first)."""
        return {
            "role": role,
            "text": self.text if text is None else text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "currency": self.currency,
            "approximate": self.approximate,
        }


@dataclass
class _Mention:
    template: Template
    trigger: Trigger
    sentence_index: int
    arguments: dict[str, list[Filler]] = field(default_factory=dict)
    from_context: set[str] = field(default_factory=set)
    time_index: int | None = None
    time_from_context: bool = False
    time_gap: int = 99  # clauses between the time and the trigger (99: from context / none)
    #: (start, end) of the time its own sentence gives it, when that is a point or range
    own_time: tuple | None = None
    #: its time is a vague word (近日): kept as words, with no value
    time_vague: bool = False
    status: str = "happened"
    anaphoric: bool = False
    unsupported: bool = False  # a strong trigger kept without a required role
    headline: bool = False  # in a numbered line of a list of headlines
    title: bool = False  # in the document's first line, when a story follows it
    #: a title that has taken in a telling of its story (whose cue, if any, it took)
    told: bool = False
    also: bool = False  # 还 / 又 before the trigger: one more happening of its kind
    section: int = 0  # the heading lines before it: a roundup's items are sections
    #: roles whose fillers lie inside another role's (青岛 of 第35届青岛国际啤酒节)
    read_off_names: set[str] = field(default_factory=set)
    #: roles that took the names of a roll (see rolls.py): the roll
    #: names the event's whole group, so it identifies no one mention and wins a merge
    from_roll: set[str] = field(default_factory=set)
