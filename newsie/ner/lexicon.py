"""Entity lexicons: TSV files read once and matched with an Aho-Corasick automaton.

File format (see corpora/lexicons/entities/README.md)::

    surface[|alias...] <TAB> LABEL [<TAB> canonical [<TAB> id]]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsie._matcher import WordMatcher
from newsie.io.clean import normalize_for_matching
from newsie.ner.resources import lexicon_dir

_ALNUM = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Entry:
    """One lexicon form: ``surface`` matches, resolving to ``canonical``."""

    surface: str
    label: str
    canonical: str
    entity_id: str


class Match(NamedTuple):
    """An occurrence of a lexicon surface: ``text[start:end]``."""

    start: int
    end: int
    entry: Entry


def make_id(label: str, canonical: str) -> str:
    """The default entity id: ``label:canonical`` (label lower-cased)."""
    return f"{label.lower()}:{canonical}"


def read_entries(path: str | Path) -> list[Entry]:
    """Parse one lexicon file."""
    entries: list[Entry] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                raise ValueError(f"{path}:{number}: expected 'surface<TAB>LABEL', got {line!r}")
            surfaces = [s.strip() for s in cols[0].split("|") if s.strip()]
            label = cols[1].strip()
            canonical = cols[2].strip() if len(cols) > 2 and cols[2].strip() else surfaces[0]
            entity_id = (
                cols[3].strip() if len(cols) > 3 and cols[3].strip() else make_id(label, canonical)
            )
            entries.extend(Entry(s, label, canonical, entity_id) for s in surfaces)
    return entries


class Lexicon:
    """Surfaces -> entries, with leftmost-longest and all-matches search."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_surface: dict[str, Entry] = {}
        for entry in entries:
            self.by_surface[entry.surface] = entry  # later files override earlier ones
        # Text is matched in its normalised view (Simplified, half-width): index each
        # surface under its normalised form too (刚果（金） as 刚果(金)); same length.
        self._lookup: dict[str, Entry] = dict(self.by_surface)
        for surface, entry in self.by_surface.items():
            self._lookup.setdefault(normalize_for_matching(surface), entry)
        # Latin forms match only at word boundaries: note which ends are letters
        self._surfaces = list(self._lookup.items())
        self._bounds = [
            (bool(_ALNUM.match(surface[0])), bool(_ALNUM.match(surface[-1])))
            for surface, _ in self._surfaces
        ]
        self._matcher = WordMatcher([surface for surface, _ in self._surfaces])

    def __len__(self) -> int:
        return len(self.by_surface)

    def get(self, surface: str) -> Entry | None:
        return self._lookup.get(surface)

    def all_matches(self, text: str) -> list[Match]:
        """Every occurrence of every surface (Latin forms only at word boundaries)."""
        if not self._matcher:
            return []
        out = []
        n = len(text)
        alnum = _ALNUM.match
        surfaces, bounds = self._surfaces, self._bounds
        for index, start, end in self._matcher.find(text):
            first_bound, last_bound = bounds[index]
            if first_bound and start > 0 and alnum(text[start - 1]):
                continue
            if last_bound and end < n and alnum(text[end]):
                continue
            out.append(Match(start, end, surfaces[index][1]))
        return out

    def matches(self, text: str) -> list[Match]:
        """Non-overlapping plausible matches, longest first then leftmost."""
        found = [m for m in self.all_matches(text) if plausible(text, m)]
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken = bytearray(len(text))
        kept = []
        for m in found:
            if not any(taken[m.start : m.end]):
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)


#: A title followed by one of these is part of a longer word (委员会, 董事会, 记者会,
#: 国王杯).
_TITLE_NOT_BEFORE = set("会台组团部所处杯")


def plausible(text: str, m: Match) -> bool:
    """Context checks: no unit after a number (16.5特斯拉), no 委员 in 委员会,
    no place in 北京时间."""
    if m.start > 0 and text[m.start - 1].isdigit():
        return False
    after = text[m.end : m.end + 2]
    if m.entry.label == "TITLE" and after[:1] in _TITLE_NOT_BEFORE:
        return False
    if m.entry.label == "GPE" and (after == "时间" or (after[:1] == "人" and after != "人民")):
        return False  # 北京时间, 中国人
    if m.entry.surface.endswith("市") and after[:1] in "民场长委政区":
        return False  # 北京市民 -> 北京 + 市民
    if m.entry.label == "ORG" and after[:1] in "门论":
        return False  # 教育部门, 人民日报社论
    if m.entry.surface.endswith("党") and after[:1] == "派":
        return False  # 各民主党派: parties of a kind, no party
    bad = _BAD_CONTEXT.get(m.entry.surface)
    if bad and bad.search(text, max(0, m.start - 2), min(len(text), m.end + 2)):
        return False
    return True


#: Surfaces that are ordinary words in some contexts (regex over ±2 characters).
_BAD_CONTEXT = {
    "中国": re.compile("发展中国家"),
    "联想": re.compile("联想[到起]"),
    "常熟": re.compile("非常熟"),
    "小米": re.compile("小米[粥饭粒]"),
    "快手": re.compile("快手快脚"),
    "大众": re.compile("大众[化的]|人民大众|广大"),
    "以军": re.compile("以军[事民人工籍功装区校令乐医]|[予给加]以军"),
    "乌军": re.compile("乌军工"),  # 乌军工企业: Ukraine's arms industry
    "俄军": re.compile("俄军工"),
    "美军": re.compile("美军工|完美军"),
    "工党": re.compile("[职员]工党|工党[员委支]"),  # 下岗职工党员
}


def lexicon_files(folder: Path | None = None) -> list[Path]:
    folder = folder or lexicon_dir() / "entities"
    return sorted(folder.glob("*.tsv"))


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The shipped entity lexicon plus ``extra`` user files (cached)."""
    entries: list[Entry] = []
    for path in [*lexicon_files(), *map(Path, extra)]:
        entries.extend(read_entries(path))
    return Lexicon(entries)


#: The last character of a body's name (教育局, 宣传部, 體育局): what a head noun turns into
#: a body's name (宣传|部), and where a body's name ends before its head's (體育局|陳良乾).
BODY_NAME_ENDS = frozenset("局部厅处所院会委署司")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Chinese surnames (single and compound) from ``surnames.txt``."""
    path = lexicon_dir() / "entities" / "surnames.txt"
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if not w.startswith("#"))


def starts_with_surname(name: str) -> bool:
    """Whether ``name`` begins with a surname, single (王) or compound (欧阳)."""
    family = surnames()
    return name[:1] in family or name[:2] in family
