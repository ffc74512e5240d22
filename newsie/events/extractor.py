"""Template-driven event extraction.

For each sentence: find trigger words (one Aho-Corasick pass for all templates) and
trigger patterns; for each trigger, fill the template's roles from the entities, values
and role patterns of the sentence (nearest compatible filler on the declared side,
preferring the trigger's own clause and cue words), read the status from cue words
around the trigger, and take the time from the sentence or, failing that, from the
article context.  Mentions of one event in several sentences are then merged.

This module finds triggers and drives the rest, which lives by concern:

* :mod:`newsie.events.fillers`: what may fill a role (entities, values, nominals);
* :mod:`newsie.events.roles`: which filler fills a role, as named features;
* :mod:`newsie.events.timing`: the time of a mention;
* :mod:`newsie.events.status`: its status, from cue words;
* :mod:`newsie.events.merge`: mentions of one happening merged into one event;
* :mod:`newsie.events.mention` and :mod:`newsie.events.clauses`: what they share.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import regex

from newsie._matcher import WordMatcher
from newsie.document import Document
from newsie.events.clauses import _clause_bounds, _clause_of, new_clause_between
from newsie.events.fillers import _DocIndex, _document_fillers, in_book_title
from newsie.events.mention import _DEMONSTRATIVE, PARTY_LABELS, PLACE_LABELS, Filler, _Mention
from newsie.events.merge import LOOKBACK, _compatible, _heading_starts, _in_title_line, _merge  # noqa: F401
from newsie.events.models import Evidence, Trigger, _model_for, event_id
from newsie.events.prefilter import required_words
from newsie.events.roles import (
    _NAMED,
    _a_bare_nominal_person,
    _after_trigger,
    _barred_authority,
    _before_passive_word,
    _choose,
    _court_officer,
    _cued_for,
    _distance,
    _from_context,
    _from_next,
    _heads_a_quote,
    _inside_a_quote,
    _joined_to_party,
    _paragraph_speaker,
    _passive,
    _passive_ok,
    _place_of_another_clause,
    _points_back,
    _relative_head,
    _setting,
    _side_ok,
    _speaker,
    _subject_taken,
    _teller,
    _typed,
    _unfit_for_role,
    _where,
    cued_by,
    far_bonus,
    in_object_phrase,
)
from newsie.events.rolls import roll_for
from newsie.events.status import (  # noqa: F401
    _CLAUSE_BREAK,
    _names_a_charge,
    _names_an_aim,
    _not_an_event,
    _status,
    _status_by_time,
    status_cues,
)
from newsie.events.template import Template
from newsie.events.timing import (
    _BACKGROUND,
    DATELINE_GAP,
    _age_before_publication,
    _age_start,
    _range_start,
    _time_for,
    dates_a_name,
    is_a_saying,
)
from newsie.events.titles import full_title
from newsie.io.clean import simplified_view
from newsie.time.value import TimeValue
from newsie.token_layer import token_bounds

_ANAPHORA = ("此次", "这次", "本次", "该次", "此番", "这一", "此项")
#: What makes an event named as a noun (袭击事件) the topic of what follows: 对, 就, 关于.
_TOPIC_MARKERS = ("对", "就", "关于", "对于")


#: 还 / 又 / 也 right before the trigger or its light verb (李强还参谒了中朝友谊塔, 上海一工厂也
#: 发生火灾): another happening of the kind
_ALSO = regex.compile(r"(?:还|又|也)(?:了)?(?:发生|出现|遭遇|遭到|再次)?$")
#: A numbered line of a list of headlines: 4. / （3） / 13.国际联播快讯：（1）
_LIST_ITEM = regex.compile(r"\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])")


#: Sentences longer than this are read in windows of about this size (cut at clause
#: breaks where possible), so that the work per trigger does not grow with the sentence.
WINDOW = 2000
#: A trigger in a part with more than NEAR_FILLERS fillers reads first those within NEAR
#: characters of it (:class:`_Near`), so that its work does not grow with the part.
NEAR, NEAR_FILLERS = 48, 32


#: The last character of a trigger that names China as where it goes (访华, 来华, 赴华).
_CHINA = ("华", "華")


class _Part:
    """A sentence, or a window of a very long one, with what every trigger in it needs
    computed once: its clauses, its semicolons and the matches of role patterns."""

    __slots__ = ("_clauses", "_matches", "_semicolons", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self._clauses = None
        self._semicolons = None
        self._matches: dict[Any, list] = {}

    def clauses(self, text: str) -> list[tuple[int, int]]:
        if self._clauses is None:
            self._clauses = _clause_bounds(text, self.start, self.end)
        return self._clauses

    def semicolons(self, text: str) -> list[int]:
        """Offsets (in the document) of the semicolons of the part."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in _SEMICOLON.finditer(text, self.start, self.end)]
        return self._semicolons

    def matches(self, key: Any, patterns) -> list:
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = _pattern_matches(patterns, self.text)
        return found


def _pattern_matches(patterns, text: str) -> list[tuple[str, int, int, int, int, str]]:
    """(role, match start, match end, group start, group end, group text) of every match
    of role patterns (``(role, compiled, required words)``, see :func:`_role_patterns`) in
    ``text`` whose role group is not empty, pattern by pattern."""
    out = []
    for role_name, pattern, words in patterns:
        if words is not None and not any(word in text for word in words):
            continue  # a word every match holds is not there
        for match in pattern.finditer(text):
            if match[role_name]:
                a, b = match.span()
                group_start, group_end = match.span(role_name)
                out.append((role_name, a, b, group_start, group_end, match[role_name]))
    return out


#: A connective a clause opens with, which a pattern's capture from the clause start takes
#: in (然而减持新规出台, 此外市府推出…): no part of what the role names.
_CONNECTIVE = regex.compile(r"(?:然而|但是|不过|而且|并且|同时|此外|另外|因此|所以|随后|其后|此前|目前|另一方面)[，,\s]?")


def _role_patterns(template: Template, kind: str) -> list[tuple[str, Any, tuple[str, ...] | None]]:
    """(role, compiled pattern, the words it cannot match without) of a template's role
    patterns of ``kind`` (``patterns`` or ``fallback``)."""
    return [
        (role_name, regex.compile(pattern), required_words(pattern))
        for role_name, role in template.roles.items()
        for pattern in getattr(role, kind)
    ]


def _trigger_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern's trigger group when it is a plain list of words
    (``(?P<trigger>胜|赢|获胜)``): a sentence without any of them cannot match."""
    found = _TRIGGER_GROUP.search(pattern)
    if found is None:
        return None
    words = tuple(found.group(1).split("|"))
    return words if all(words) else None


_TRIGGER_GROUP = regex.compile(r"\(\?P<trigger>([^()\[\]\\.*+?{}^$]*)\)")


def _windows(text: str, sentence) -> list:
    """The sentence itself, or windows of at most about :data:`WINDOW` characters of a
    longer one, cut after the last clause break of each window (else at the limit)."""
    if sentence.end - sentence.start <= WINDOW:
        return [sentence]
    out = []
    start = sentence.start
    while start < sentence.end:
        end = min(sentence.end, start + WINDOW)
        if end < sentence.end:
            cut = None
            for match in _CLAUSE_BREAK.finditer(text, start + WINDOW // 2, end):
                cut = match.end()
            end = cut or end
        out.append(_Part(start, end, text[start:end]))
        start = end
    return out


class EventExtractor:
    """Runs a set of templates over documents that have sentences, entities, times, values."""

    def __init__(
        self,
        templates: Iterable[Template],
        stage_name: str = "events",
        trigger_tagger: Any = None,
    ) -> None:
        """``trigger_tagger`` (optional): a callable text -> [(label, start, end)] that
        replaces the trigger words, its labels being template types or DuEE types
        (see :mod:`newsie.events.learned`); the templates still fill the roles."""
        self.templates = list(templates)
        self.stage_name = stage_name
        self.trigger_tagger = trigger_tagger
        self._by_label: dict[str, list[int]] = {}
        for index, template in enumerate(self.templates):
            self._by_label.setdefault(template.type, []).append(index)
            if template.duee:
                self._by_label.setdefault(template.duee, []).append(index)
        words: dict[str, list[int]] = {}
        for index, template in enumerate(self.templates):
            for word in template.triggers:
                words.setdefault(word, []).append(index)
        self._words = list(words.items())
        self._matcher = WordMatcher([w for w, _ in self._words])
        self._trigger_patterns = [
            (index, regex.compile(pattern), _trigger_words(pattern))
            for index, template in enumerate(self.templates)
            for pattern in template.patterns
        ]
        # one search for the words of all of them (most sentences hold none): a pattern
        # with a plain word list is tried only where one of its words is
        pattern_words: dict[str, list[int]] = {}
        for k, (_, _, ws) in enumerate(self._trigger_patterns):
            for w in ws or ():
                pattern_words.setdefault(w, []).append(k)
        self._pattern_words = list(pattern_words.values())
        self._pattern_matcher = WordMatcher(list(pattern_words))
        self._unworded = [k for k, (_, _, ws) in enumerate(self._trigger_patterns) if not ws]
        self._role_patterns = {
            index: _role_patterns(template, "patterns") for index, template in enumerate(self.templates)
        }
        self._fallback_patterns = {
            index: _role_patterns(template, "fallback") for index, template in enumerate(self.templates)
        }
        self._excludes = {
            index: tuple(template.exclude) for index, template in enumerate(self.templates)
        }
        # a phrase excludes a trigger only if it holds the trigger's text: per template and
        # trigger word, those of its phrases that do (most words are in none)
        self._word_excludes = {
            (index, word): tuple(phrase for phrase in self._excludes[index] if word in phrase)
            for index, template in enumerate(self.templates)
            for word in template.triggers
        }
        # templates with a role for an office (appointment.position) take 德国外长 apart
        self._office_roles = {
            index: any("TITLE" in role.labels for role in template.roles.values())
            for index, template in enumerate(self.templates)
        }
        # the roles of whom an act befalls, in templates that name its doer (arrested,
        # target): who reports the act is never one of them
        self._patient_roles = {
            (index, name)
            for index, template in enumerate(self.templates)
            if any(role.agent for role in template.roles.values())
            for name, role in template.roles.items()
            if not role.agent and not role.speaker and "PERSON" in role.labels
        }
        # templates of the courts name charges after their trigger (被控暴动罪): for the
        # others a trigger in a charge's name (襲警罪) is no event
        self._judicial = {
            index: "charge" in template.roles or (template.ace or "").startswith("Justice")
            for index, template in enumerate(self.templates)
        }
        # templates of speech acts (a speaker role) may ask for more (呼吁更多国家加入); for
        # the others an object put as a comparative (实施更加积极的政策) is an aim
        self._speech = {
            index: any(role.speaker for role in template.roles.values())
            for index, template in enumerate(self.templates)
        }
        # per template and role: the cue words of the template's other roles
        self._other_cues = {
            (index, role_name): tuple(
                cue
                for name, other in template.roles.items()
                if name != role_name and name not in role.shares  # 对X: where as well as whom
                for cue in other.cues
                if cue not in role.cues
            )
            for index, template in enumerate(self.templates)
            for role_name, role in template.roles.items()
        }

    # -- finding triggers -----------------------------------------------------------------

    def _tagged(self, sentence: str) -> list[tuple[int, int, int]]:
        """Triggers from the trigger tagger, each given to the template of its label (of
        several templates of one DuEE type, the one that lists the word)."""
        out = []
        for label, start, end in self.trigger_tagger(sentence):
            indices = self._by_label.get(label)
            if not indices:
                continue
            word = sentence[start:end]
            index = next(
                (i for i in indices if any(w in word or word in w for w in self.templates[i].triggers)),
                indices[0],
            )
            out.append((index, start, end))
        return out

    def _pattern_triggers(self, sentence: str, words=None) -> list[tuple[int, int, int]]:
        """(template index, start, end) of the matches of trigger patterns (``words``: the
        indices of the pattern words in the sentence, when known)."""
        if words is None:
            words = [k for k, _, _ in self._pattern_matcher.find(sentence)]
        if not words and not self._unworded:
            return []
        found = []
        tried = set(self._unworded)  # the others only where one of their words is
        for k in words:
            tried.update(self._pattern_words[k])
        for k in sorted(tried):
            index, pattern, _ = self._trigger_patterns[k]
            has_group = "trigger" in pattern.groupindex
            for match in pattern.finditer(sentence):
                found.append((index, *(match.span("trigger") if has_group else match.span())))
        return found

    def _word_triggers(self, sentence: str) -> list[tuple[int, int, int]]:
        """(template index, start, end) of the trigger words in a sentence."""
        words = self._words
        return [
            (index, start, end)
            for k, start, end in self._matcher.find(sentence)  # [] when there are no words
            for index in words[k][1]
        ]

    def _triggers(self, sentence: str, patterned=None, worded=None) -> list[tuple[int, int, int]]:
        """(template index, start, end) of triggers in a sentence, longest match wins
        (``patterned``, ``worded``: the sentence's :meth:`_pattern_triggers` and
        :meth:`_word_triggers`, when known)."""
        if self.trigger_tagger is not None:
            return self._tagged(sentence)
        found = list(self._word_triggers(sentence) if worded is None else worded)
        found += self._pattern_triggers(sentence) if patterned is None else patterned
        found = [
            f
            for f in found
            if not self._excluded(sentence, *f)
            and not _agent_noun(sentence, f[1], f[2], self.templates[f[0]].stated_by_age)
        ]
        # keep the longest trigger where triggers of one template overlap
        found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
        kept: list[tuple[int, int, int]] = []
        furthest: dict[int, int] = {}  # template -> furthest end kept (kept start no later)
        for candidate in found:
            index, start, end = candidate
            if start < end and furthest.get(index, -1) > start:
                continue  # overlaps a longer or earlier trigger of its template
            kept.append(candidate)
            furthest[index] = max(furthest.get(index, -1), end)
        return kept

    def _excluded(self, sentence: str, index: int, start: int, end: int) -> bool:
        word = sentence[start:end]
        phrases = self._word_excludes.get((index, word))
        if phrases is None:  # a pattern's trigger
            phrases = [phrase for phrase in self._excludes[index] if word in phrase]
        for phrase in phrases:
            position = sentence.find(phrase, max(0, start - len(phrase)), end + len(phrase))
            while position >= 0 and position < end:
                if position <= start and end <= position + len(phrase):
                    return True
                position = sentence.find(phrase, position + 1, end + len(phrase))
        return False

    @property
    def _only_at_words(self) -> bool:
        """Whether a trigger can only be where a trigger word or a pattern's word is (no
        trigger tagger, no pattern without words)."""
        return self.trigger_tagger is None and not self._unworded

    # -- running ----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        """Find the events of ``doc``.  Triggers, patterns and cues match on the matching
        view of the text (Traditional read as Simplified, same offsets); the events'
        texts are cut from the text itself."""
        view = simplified_view(doc.text)
        # trigger words: one pass of the automaton over the whole text, then each
        # sentence takes the words inside it; a text with none has no event (most texts
        # hold no word of a small template layer), and is not read further
        doc_words = self._word_triggers(view)
        pattern_words = self._pattern_matcher.find(view)  # the same, for the patterns
        if not doc_words and not pattern_words and self._only_at_words:
            doc.events = []
            return doc
        if view is doc.text:
            return self._extract(doc, doc.text, doc_words, pattern_words)
        sentences = [s.model_copy(update={"text": view[s.start : s.end]}) for s in doc.sentences]
        shadow = doc.model_copy(update={"text": view, "sentences": sentences})
        doc.events = self._extract(shadow, doc.text, doc_words, pattern_words).events
        return doc

    def _extract(self, doc: Document, original: str, doc_words: list, pattern_words: list) -> Document:
        """The events of ``doc`` (on the matching view), given its trigger words and pattern
        words (:meth:`_word_triggers`, ``_pattern_matcher``)."""
        fillers, index = _fillers_of(doc)
        names = sorted(
            (e.start, e.end) for e in doc.entities if e.label in ("ORG", "PRODUCT", "PERSON", "LOC")
        )
        name_starts = [x for x, _ in names]
        longest_name = max((y - x for x, y in names), default=0)
        mentions: list[_Mention] = []
        word_ends = [end for _, _, end in doc_words]
        pattern_word_ends = [end for _, _, end in pattern_words]
        # with word segmentation, a trigger that starts inside one word and ends inside
        # the next is no word of the text (集会 in 密集|会见, 出让 in 作出|让步)
        bounds = index.word_bounds()
        # the ends of all trigger words and pattern words: a sentence in which none ends
        # holds no trigger (most do not), and is skipped before it is cut into parts
        hit_ends = sorted(word_ends + pattern_word_ends) if self._only_at_words else None

        for s_index, whole in enumerate(doc.sentences):
            if whole.label == "FURNITURE":
                continue
            if hit_ends is not None and bisect_left(hit_ends, whole.start) == bisect_right(
                hit_ends, whole.end
            ):
                continue  # no word ends in it: none of its parts has a trigger
            # a very long "sentence" (a table, a run of digits) is read in windows, so that
            # the work per trigger stays bounded
            for sentence in _windows(doc.text, whole):
                # patterns run per part: a part is bounded, so no pattern can backtrack
                # over a whole document (a run of 100,000 digits)
                base = sentence.start
                patterned = self._pattern_triggers(
                    sentence.text,
                    [
                        k
                        for k, a, _ in pattern_words[
                            bisect_left(pattern_word_ends, base) : bisect_right(pattern_word_ends, sentence.end)
                        ]
                        if a >= base
                    ],
                )
                worded = [
                    (t, a - base, b - base)
                    for t, a, b in doc_words[
                        bisect_left(word_ends, base) : bisect_right(word_ends, sentence.end)
                    ]
                    if a >= base
                ]
                if not worded and not patterned and self.trigger_tagger is None:
                    continue  # most sentences: no trigger word, nothing to do
                if bounds is not None:
                    worded, patterned = (
                        [h for h in found if not _straddles(bounds, base + h[1], base + h[2])]
                        for found in (worded, patterned)
                    )
                part = _Part(sentence.start, sentence.end, sentence.text)
                hits = self._word_hits(sentence.text, patterned, worded)
                sorted_hits = {t: sorted(found) for t, found in hits.items()}
                hit_starts = sorted(h[0] for found in hits.values() for h in found)
                for t_index, start, end in self._triggers(sentence.text, patterned, worded):
                    a, b = sentence.start + start, sentence.start + end
                    # a word inside a name (中国物流与采购联合会) is no trigger
                    if any(
                        x <= a and b <= y and (x, y) != (a, b)
                        for x, y in names[
                            bisect_left(name_starts, a - longest_name) : bisect_right(name_starts, a)
                        ]
                    ):
                        continue
                    if in_book_title(sentence.text, start, end):
                        continue  # 《食品召回管理办法》 names a text, no recall
                    template = self.templates[t_index]
                    trigger = Trigger(
                        start=sentence.start + start,
                        end=sentence.start + end,
                        text=sentence.text[start:end],
                    )
                    others = _OtherHits(sorted_hits.get(t_index, ()), start, end, sentence.text)
                    mention = self._fill(
                        doc, fillers, s_index, t_index, template, trigger, others, part, index,
                        _next_predicate(sentence.text, hit_starts, end, base),
                    )
                    if mention is not None:
                        mentions.append(mention)
        mentions = _merge(mentions, one_case=_ONE_CASE.search(doc.text) is not None)
        doc.events = [self._event(doc, mention, original) for mention in mentions]
        return doc

    def _word_hits(
        self, sentence: str, patterned=None, worded=None
    ) -> dict[int, list[tuple[int, int]]]:
        """Every trigger-word occurrence per template, excluded phrases included."""
        hits: dict[int, list[tuple[int, int]]] = {}
        if self.trigger_tagger is not None:
            for index, start, end in self._tagged(sentence):
                hits.setdefault(index, []).append((start, end))
        for index, start, end in self._word_triggers(sentence) if worded is None else worded:
            hits.setdefault(index, []).append((start, end))
        for index, start, end in self._pattern_triggers(sentence) if patterned is None else patterned:
            hits.setdefault(index, []).append((start, end))
        return hits

    @staticmethod
    def _captures(
        patterns, sentence, trigger, others, own_only=False, matches=None
    ) -> dict[str, list[Filler]]:
        """Role fillers captured by role patterns in a sentence, for one trigger
        (``matches``: the patterns' matches in the sentence, from :func:`_pattern_matches`)."""
        if matches is None:
            matches = _pattern_matches(patterns, sentence.text)
        captured: dict[str, list[Filler]] = {}
        local = (trigger.start - sentence.start, trigger.end - sentence.start)
        for role_name, a, b, group_start, group_end, text in matches:
            own = a <= local[0] and local[1] <= b
            # a match around another trigger word (采购联盟) is about that one
            if (own_only and not own) or (
                not own and others.inside(a, b)
            ):
                continue
            lead = _CONNECTIVE.match(text)
            if lead is not None and len(text) - lead.end() >= 2:  # 然而减持新规: 减持新规
                group_start, text = group_start + lead.end(), text[lead.end() :]
            captured.setdefault(role_name, []).append(
                Filler(sentence.start + group_start, sentence.start + group_end, text, "TEXT")
            )
        return captured

    def _fill(
        self, doc, fillers, s_index, t_index, template, trigger, others=None, sentence=None,
        index=None, next_trigger=None, read_near=True,
    ) -> _Mention | None:
        """The mention of ``trigger`` with its roles filled (None when a required role is
        missing).  ``sentence``: the trigger's sentence or window of it (a :class:`_Part`);
        ``index``: the document's :class:`_DocIndex` (both made when not given);
        ``read_near``: read the fillers near the trigger first (:class:`_Near`)."""
        if index is None:
            index = _DocIndex(doc, fillers)
        if others is None:
            others = _OtherHits((), 0, 0)
        if sentence is None:
            whole = doc.sentences[s_index]
            sentence = _Part(whole.start, whole.end, whole.text)
        if (
            _not_an_event(doc.text, sentence.start, trigger)
            or (not self._judicial[t_index] and _names_a_charge(doc.text, trigger))
            or (not self._speech[t_index] and _names_an_aim(doc.text, trigger))
        ):
            return None
        mention = _Mention(template=template, trigger=trigger, sentence_index=s_index)
        mention.headline = bool(_LIST_ITEM.match(doc.sentences[s_index].text))
        mention.title = _in_title_line(doc.text, trigger)
        mention.section = bisect_right(_heading_starts(doc.text), trigger.start)
        before = doc.text[max(sentence.start, trigger.start - 4) : trigger.start]
        after = doc.text[trigger.end : min(sentence.end, trigger.end + 3)]
        mention.anaphoric = (
            before.endswith(_ANAPHORA)
            or bool(_DEMONSTRATIVE.match(after))
            # 对袭击事件深感忧虑: the event as the topic of an attitude, told before
            or (before.endswith(_TOPIC_MARKERS) and doc.text.startswith("事件", trigger.end))
        )
        mention.also = bool(_ALSO.search(before))
        # a semicolon ends a statement as well as a full stop does: roles are filled
        # within the trigger's own part of the sentence
        part_start, part_end = sentence.start, sentence.end
        semicolons = sentence.semicolons(doc.text)
        k = bisect_right(semicolons, trigger.start - 1)  # semicolons ending by the trigger
        if k:
            part_start = semicolons[k - 1] + 1
        k = bisect_left(semicolons, trigger.end)  # the first one after it
        if k < len(semicolons):
            part_end = semicolons[k]
        key = ("fillers", part_start, part_end)  # the same for every trigger of the part
        in_sentence = sentence._matches.get(key)
        if in_sentence is None:
            in_sentence = sentence._matches[key] = index.fillers_within(part_start, part_end)
        near = None
        if read_near:
            near = _Near.of(sentence, (part_start, part_end), in_sentence, trigger, doc.text)
        if near is not None:
            in_sentence = near.fillers
        captured = self._captures(
            self._role_patterns[t_index], sentence, trigger, others,
            matches=sentence.matches(("role", t_index), self._role_patterns[t_index]),
        )
        fallback = (
            self._captures(
                self._fallback_patterns[t_index], sentence, trigger, others, True,
                matches=sentence.matches(("fallback", t_index), self._fallback_patterns[t_index]),
            )
            if self._fallback_patterns[t_index]
            else {}
        )
        # a passive clause (A被B击败) puts the agent between 被 and the trigger and the
        # patient before 被: the template's passive roles then look there
        marker = _passive(doc.text, sentence.start, trigger) if template.passive else None
        used: set[tuple[int, int]] = set()
        # the names other roles took: one party never plays two parts (賣家 … 賣家 is
        # not both the fraudster and the victim)
        used_names: set[str] = set()
        taken_spans: list[tuple[int, int, bool]] = []  # what roles took, and whether a party

        def inside_taken(f: Filler, parties_only: bool) -> bool:
            return any(a <= f.start and f.end <= b and (party or not parties_only) for a, b, party in taken_spans)

        # an age (成立24年来) tells a founding as background: its parties are in its clause
        aged = template.stated_by_age and _AGE.match(doc.text, trigger.end) is not None
        # a movement's name (占领运动) has no participant in its sentence
        movement = trigger.text in template.name_triggers
        clauses = sentence.clauses(doc.text)
        trigger_clause = _clause_of(clauses, trigger.start)
        # roles a pattern captured are the most specific: fill them first, so that the
        # entities they took are not offered to the other roles
        order = sorted(template.roles, key=lambda name: name not in captured)
        for role_name in order:
            role = template.roles[role_name]
            # the place another role took that this one may take too, when it says more
            # than a country's or a city's name (对叙利亚南部苏韦达省发动空袭, not 袭击乌克兰)
            shared = {
                (f.start, f.end)
                for other in role.shares
                for f in mention.arguments.get(other, ())
                if f.label in PLACE_LABELS and f.value is None
            } if role.shares else ()
            candidates = [
                c
                for c in (
                    _typed(_after_trigger(member, trigger), in_sentence, role)
                    for c in captured.get(role_name, ())
                    for member in (_list_members(c) if role.multiple else (c,))
                )
                if part_start <= c.start and c.end <= part_end
                and (c.start, c.end) not in used
                and not _splits_a_latin_word(doc.text, c)
                and not (c.start < trigger.end and trigger.start < c.end)
            ] or ([] if role.patterns_only or (movement and (_NAMED.intersection(role.labels) or "COUNT" in role.labels)) else [
                f
                for f in in_sentence
                if f.label in role.labels
                and not (f.start < trigger.end and trigger.start < f.end)
                and ((f.start, f.end) not in used or (f.start, f.end) in shared)
                # a name inside a party another role took is part of it (英國《Time Out》,
                # 葉石濤文學紀念館); an organiser may name its event (华宇集团…董事会会议,
                # 教育部…貢獻獎), and a place its gathering (read off the name: see below)
                and (not inside_taken(f, parties_only=True) or (f.start, f.end) in shared)
                and (f.refers_to is None or (f.refers_to.start, f.refers_to.end) not in used)
                # a country in front of its representative (伊朗总统佩泽希齐扬) is neither
                # the person nor where the event took place
                and not (f.possessor and ("PERSON" in role.labels or _where(role)))
                and not (f.office and self._office_roles[t_index])
                and (
                    marker is not None and role_name in template.passive
                    or _side_ok(role.side, f, trigger)
                    or _relative_head(doc.text, role, f, trigger)
                )
                and _passive_ok(marker, role_name, role, template, f, trigger, doc.text)
                and not _before_passive_word(doc.text, role, f, trigger)
                and not _setting(doc.text, f, role, trigger)
                and not _court_officer(doc.text, role_name, f)
                and not _unfit_for_role(doc.text, role_name, f)
                and not _joined_to_party(doc.text, role, f)
                and not (f.label == "PERSON" and _heads_a_quote(doc.text, f, trigger))
            ])
            # 感谢A的专业，感谢B: A is what the first thanks, not who thanks the second; when
            # only such objects are near, the part is not read further (a run of triggers)
            objects_only = False
            if _where(role) and trigger.text.endswith(_CHINA) and not captured.get(role_name):
                # 访华, 来华: the word names where; a place in a later clause is another's
                candidates = [c for c in candidates if _clause_of(clauses, c.start) == trigger_clause]
            if _where(role) and not captured.get(role_name):
                candidates = [
                    c for c in candidates if not _place_of_another_clause(doc.text, clauses, trigger_clause, c)
                ]
            if len(candidates) > 1 and not captured.get(role_name):
                # a name inside a quoted name or slogan (「臺南圈起來」) yields to any other
                # candidate; alone, it still fills the role
                unquoted = [c for c in candidates if not _inside_a_quote(doc.text, c, trigger)]
                candidates = unquoted or candidates
            if role.side == "before" and candidates and others.hits and not captured.get(role_name):
                kept = [c for c in candidates if not others.object_at(c.start - sentence.start)]
                objects_only, candidates = not kept, kept
            other_cues = self._other_cues[t_index, role_name]
            if other_cues and not captured.get(role_name) and not _where(role):
                # 美称将对伊朗实施制裁: whom another role's cue word (对) opens is that
                # role's (but 对加沙城发动袭击 may tell where as well as whom)
                candidates = [c for c in candidates if not _cued_for(doc.text, c, template, role_name)]
            if role.side == "before" and not role.cues and not captured.get(role_name) and not _where(role):
                # 向网信办、公安部门报警: whom 向 or 对 opens is not the doer
                candidates = [c for c in candidates if not in_object_phrase(doc.text, c, trigger)]
            if role.cued and not captured.get(role_name):  # X道歉: X is no one apologised to
                candidates = [c for c in candidates if cued_by(doc.text, c, role.cues)]
            taken = [f for fs in mention.arguments.values() for f in fs]
            barred = _barred_authority(doc.text, role, in_sentence, trigger)
            if barred is not None:  # 小米公司发布会后，水利部发布…: not 小米公司
                candidates = [c for c in candidates if _distance(c, trigger) < barred]
            silenced = barred is not None and not candidates
            if not role.speaker:
                # 警方证实，一所学校遭…袭击: the source is no participant; a lone source
                # is one only when no other role's filler stands between it and the
                # trigger (习近平指出，上海合作组织成立24年来: the organisation is the subject)
                told = [c for c in candidates if not _speaker(doc.text, c, trigger)]
                if (t_index, role_name) in self._patient_roles:
                    # 傅華伶…表示今早被捕的4名學生: the one who tells is not arrested
                    candidates = [c for c in told if not _teller(doc.text, c, trigger)]
                elif told and len(candidates) > 1:
                    candidates = told
                elif candidates and not told and not _where(role) and _subject_taken(doc.text, taken, trigger):
                    candidates = []
                    silenced = True
            best_score: list[float] | None = [] if near is not None else None  # for near.settled
            named_again = bool(used_names) and any(c.text in used_names for c in candidates)
            if named_again:  # 賣家 … 賣家: one party does not play two parts of it
                candidates = [c for c in candidates if c.text not in used_names]
            chosen = _choose(
                doc.text, candidates, trigger, clauses, trigger_clause, role, in_sentence, taken,
                other_cues, next_trigger, best_score,
            )
            if near is not None and not objects_only and not (named_again and not candidates) and not near.settled(
                role, chosen, best_score, captured.get(role_name, ()), taken, candidates
            ):  # a filler further away might change the choice: read the whole part
                return self._fill(
                    doc, fillers, s_index, t_index, template, trigger, others, sentence, index,
                    next_trigger, read_near=False,
                )
            if not chosen and role_name in fallback:
                chosen = [
                    c
                    for c in fallback[role_name]
                    if (c.start, c.end) not in used and not (c.start < trigger.end and trigger.start < c.end)
                ][:1]
            if role.roll:  # 表揚12位優良人員, 黃之鋒等20人被控: the names listed further on
                names = roll_for(doc.text, index.rolls, trigger.end, chosen)
                if names:
                    chosen = names
                    mention.from_roll.add(role_name)
            # a numbered headline (4.习近平会见泰国总理；) stands alone: no context
            if not chosen and role.context and not mention.anaphoric and not mention.headline and not movement and not (
                silenced or aged
            ) and (role.context is True or _points_back(doc.text, sentence)):
                chosen = _from_context(doc, fillers, s_index, role, index)
                if chosen:
                    mention.from_context.add(role_name)
            if not chosen and role.continued:
                chosen = _from_next(doc, fillers, s_index, role, index)
            if not chosen and role.speaker:
                chosen = _paragraph_speaker(doc.text, index, trigger)
            if chosen:
                # 该公司随后道歉: the company named before apologised
                if any(f.addressed for f in chosen):
                    # 总统先生 names its holder from afar: like a filler from the
                    # context, it does not tell this event from another
                    mention.from_context.add(role_name)
                chosen = [f.refers_to if f.refers_to is not None else f for f in chosen]
                if role.labels == ("TITLE",):  # 調任本局歸仁分局長: the title as written
                    named = [g for g in in_sentence if g.label != "TITLE"]
                    bounds = index.word_bounds()
                    chosen = [full_title(doc.text, f, bounds, named, trigger) for f in chosen]
                mention.arguments[role_name] = chosen
                used.update((f.start, f.end) for f in chosen)
                if _where(role) and all(inside_taken(f, parties_only=False) for f in chosen):
                    # a place read off a name (第35届青岛国际啤酒节开幕): where, but it tells
                    # this event from no other (see merge._key_values)
                    mention.read_off_names.add(role_name)
                party = not PARTY_LABELS.isdisjoint(role.labels)
                taken_spans.extend((f.start, f.end, party) for f in chosen if f.end - f.start > 2)
                used_names.update(f.text for f in chosen if f.label in PARTY_LABELS)
                for f in chosen:
                    # 印度总理 took 印度 with it (no place of the meeting), a list named by
                    # its head (华为、腾讯等公司) its members
                    if f.office or f.headed:
                        used.update(
                            (g.start, g.end) for g in in_sentence if f.start <= g.start and g.end <= f.end
                        )
            elif (
                role.required
                and not mention.anaphoric
                and self.trigger_tagger is None
                and trigger.text not in template.strong_triggers
            ):
                return None  # as below: each role is visited once, so it stays missing
        if not template.bare_nominals and _a_bare_nominal_person(doc.text, template, mention.arguments):
            return None  # 護士退休後想繼續工作: a habit of nurses, no one's step
        missing = template.unfilled(mention.arguments)
        # a learned trigger finder has weighed the context already: its triggers stand
        # without the roles the word lists need as evidence
        if missing and not mention.anaphoric and self.trigger_tagger is None:
            if trigger.text not in template.strong_triggers:
                return None
            mention.unsupported = True  # 6车追尾引发大火: a fire, though no place is said
        mention.time_index, mention.time_from_context, mention.time_gap = _time_for(
            doc, s_index, trigger, clauses, sentence, index, saying=is_a_saying(template)
        )
        if movement and mention.time_index is not None and (
            mention.time_from_context or not dates_a_name(doc.text, doc.times[mention.time_index], trigger)
        ):  # 這次反送中運動, 傘運前夕…於2012年7月28日成立: a movement's span is its own
            mention.time_index, mention.time_from_context = None, False
        if (
            not template.background
            and mention.time_index is None
            and _BACKGROUND.search(doc.text, *clauses[trigger_clause])
        ):
            return None  # 曾在…担任领导职务: a post once held, no appointment
        mention.status = template.status or _status(doc.text, sentence.start, sentence.end, trigger)
        if mention.status == "planned" and not template.plannable:
            return None  # 中国将胜出: a forecast of an outcome, no event
        if mention.time_gap == DATELINE_GAP and mention.status != "happened":
            mention.time_index = None  # the dateline dates what happened, not what is planned
        if mention.time_index is not None:
            own = doc.times[mention.time_index]
            value = own.value
            mention.time_vague = value is not None and value.kind == "vague"
            if not mention.time_from_context:  # a time of its own sentence
                mention.status = _status_by_time(mention.status, value, doc.published, own.text)
                if template.begins_range and value is not None:
                    value = _range_start(value)  # a tenure's steps meet at its ends: their starts differ
                if value is not None and value.kind in ("point", "range") and value.start and value.end:
                    mention.own_time = (value.start, value.end)
        return mention

    def _event(self, doc: Document, mention: _Mention, original: str):
        """The event record of a mention; its texts are cut from ``original`` (the text
        of which ``doc.text`` may be the Simplified view)."""
        template = mention.template
        sentence = doc.sentences[mention.sentence_index]
        view = original is not doc.text
        arguments = [
            filler.argument_fields(role_name, original[filler.start : filler.end] if view else None)
            for role_name, chosen in mention.arguments.items()
            for filler in chosen
        ]
        trigger = mention.trigger
        if view:
            trigger = trigger.model_copy(update={"text": original[trigger.start : trigger.end]})
        time_mention = doc.times[mention.time_index] if mention.time_index is not None else None
        time = time_mention.value if time_mention is not None and not mention.time_vague else None
        if time is None and template.dated_by_publication and mention.status == "happened":
            time = _publication_day(doc.published)
        time_text = time_mention.text if time_mention is not None else None
        if template.stated_by_age:
            if time_mention is not None and time_mention.start == trigger.end:
                time = _age_start(time_mention.text, time_mention.value)  # 成立24年来
            aged = _age_before_publication(doc.text, trigger.end, doc.published)
            if aged is not None:  # 开业15年的御膳厨房: 15 years before publication
                time, time_text = aged[0], original[trigger.end : trigger.end + len(aged[1])]
        if template.begins_range and time is not None:
            time = _range_start(time)  # 2007年5月至2011年6月任…: took the post in May 2007
        roles = template.roles
        filled = sum(1 for name in roles if name in mention.arguments)
        # the template's base (its measured precision, see docs/templates.md), a little
        # more when most roles are filled, less for borrowed roles and hearsay
        confidence = template.confidence - 0.1 * (1.0 - (filled / len(roles) if roles else 1.0))
        confidence -= 0.1 * len(mention.from_context)
        confidence -= 0.05 if mention.status == "reported" else 0.0
        confidence -= 0.15 if mention.unsupported else 0.0
        model = _model_for(template.type, tuple(template.roles), template.description)
        return model(
            id=event_id(doc.id, template.type, mention.trigger.start),
            type=template.type,
            trigger=trigger,
            arguments=arguments,
            # 近日, 目前: the text names no date for the event; it keeps the words only
            time=time,
            time_text=time_text,
            status=mention.status,
            confidence=round(max(0.05, min(0.95, confidence)), 3),
            evidence=Evidence(
                document_id=doc.id,
                sentence_index=mention.sentence_index,
                start=sentence.start,
                end=sentence.end,
                stage=self.stage_name,
                template=template.type,
                template_version=template.version,
            ),
        )


#: A court report that says its accused share one case (同案被告, 同案共有7名被告): their
#: charges are one lawsuit with every defendant, not one per person.
_ONE_CASE = regex.compile(r"同案(?:被告|共有|另有|還有|还有|的|\p{N})")


def _publication_day(published: datetime | None) -> TimeValue | None:
    """The day of the publication time, as the time of an event that took place that day."""
    if published is None:
        return None
    start = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeValue(kind="point", start=start, end=start + timedelta(days=1), grain="day", anchor="published")


_SEMICOLON = regex.compile(r"[；;]")
_NOUN_SUFFIX = ("者", "人数", "率", "权")
#: A trigger verb and one character that make a noun: a person by a role (亚马逊创办人贝索斯),
#: a thing (邀请卡, 感谢状, 收购价) or a stage or day (淘汰赛, 纪念日): no event (but
#: 淘汰|赛前排名第二的选手 is the verb and 赛前).
_TRIGGER_NOUNS = frozenset(
    {"创办人", "创立人", "赞助人", "投资人", "发起人", "举报人", "代言人", "提名人", "收购人",
     "起诉人", "申请人", "被捕人", "上诉人", "继承人", "介绍人", "推荐人", "担保人", "委托人", "签约人",
     "邀请卡", "邀请函", "感谢状", "感谢函", "慰问金", "淘汰赛", "收购价", "发行价", "成交价",
     "纪念日", "选举日", "投票日"}
)


_SINCE = regex.compile(r"(?:\d+|[一二三四五六七八九十百]+)(?:多|余)?(?:周年|年来|年以来|年之际)|以来|周年")
#: An age that still tells the event (成立24年来, 成立迄今), unlike an anniversary or 以来.
_AGE = regex.compile(r"(?:\d+|[一二三四五六七八九十百]+)(?:多|余)?年以?[来來]|迄今")


#: The fillers and index of the last document read: each template layer reads the same
#: document in turn (EventStage), and they are the same for all of them.
_LAST: list = [None]


def _fillers_of(doc: Document) -> tuple[list[Filler], _DocIndex]:
    """The document's fillers and their index, made once for all template layers (the
    cache holds the layers' inputs themselves, so it cannot mistake another document for
    this one)."""
    key = (doc.text, doc.entities, doc.values, doc.times, doc.tokens)
    last = _LAST[0]
    if last is not None and all(a is b for a, b in zip(last[0], key)):
        return last[1], last[2]
    # the word bounds, read once: the fillers may need them, every layer's pass does
    words = token_bounds(doc.tokens) if doc.tokens else None
    fillers = _document_fillers(doc, words)
    index = _DocIndex(doc, fillers, words)
    _LAST[0] = (key, fillers, index)
    return fillers, index


def _list_members(capture: Filler) -> list[Filler]:
    """The members of a list a pattern captured for a role of several fillers (柏诚股份、
    圣晖集成、中瓷电子 of …涨停; 学校、机构及协力团队), each a filler of its own; other
    captures as they are."""
    if capture.label != "TEXT" or "、" not in capture.text:
        return [capture]
    spans, start = [], 0
    for joint in _LIST_JOINT.finditer(capture.text):
        spans.append((start, joint.start()))
        start = joint.end()
    spans.append((start, len(capture.text)))
    if not all(2 <= b - a <= 8 for a, b in spans):
        return [capture]  # a list of short names only: not 老挝人民革命党中央总书记、国家主席通伦
    return [
        Filler(capture.start + a, capture.start + b, capture.text[a:b], "TEXT") for a, b in spans
    ]


#: What joins the items of a list: 、, and 及 / 以及 before its last item (学校、机构及协力团队).
_LIST_JOINT = regex.compile(r"、|(?<=、[^、]*)(?:以及|及)(?=[^、]*$)")


def _splits_a_latin_word(text: str, capture: Filler) -> bool:
    """Whether a pattern's capture starts or ends inside a word or number in Latin script
    ('ur Ideas」2017竞赛' cut out of Fly Your Ideas): never a filler's edge."""
    def inside(k: int) -> bool:
        return 0 < k < len(text) and (text[k - 1] + text[k]).isascii() and (
            text[k - 1].isalnum() and text[k].isalnum()
        )

    return capture.label == "TEXT" and (inside(capture.start) or inside(capture.end))


def _straddles(bounds: set[int], start: int, end: int) -> bool:
    """The span starts inside a word and ends inside another (密|集会|见)."""
    return start not in bounds and end not in bounds and any(
        k in bounds for k in range(start + 1, end)
    )


def _agent_noun(sentence: str, start: int, end: int, stated_by_age: bool = False) -> bool:
    """A trigger verb made a noun (遇难者, 投资者, 死亡人数, 离婚率, 离婚权, 邀请函, 淘汰赛, 收购价,
    创办人) or a point of reference (新中国成立以来, 成立周年) states no event; an age (成立24年来)
    still states it for a template that says so (``stated_by_age``)."""
    return (
        sentence.startswith(_NOUN_SUFFIX, end)
        or (sentence[start : end + 1] in _TRIGGER_NOUNS and sentence[end + 1 : end + 2] != "前")
        or (bool(_SINCE.match(sentence, end)) and not (stated_by_age and _AGE.match(sentence, end)))
    )


#: A pronoun subject between two triggers: a new predicate, as a clause break is.
_PRONOUN_SUBJECT = regex.compile(r"[他她它]们?")


def _next_predicate(sentence: str, hit_starts: list[int], end: int, base: int) -> int | None:
    """Where the next trigger (of any template) starts when it heads a predicate of its
    own after this trigger (离开后他将创办X: X is what is founded, not what is left;
    A被判处死刑，B被判处死缓: B is not sentenced to death); not a trigger inside a
    modifier (会见来华访问的X: X is still the one met).  ``hit_starts``: the sorted starts
    of the part's trigger-word hits."""
    k = bisect_left(hit_starts, end)
    if k == len(hit_starts):
        return None
    start = hit_starts[k]
    new = new_clause_between(sentence, end, start) or _PRONOUN_SUBJECT.search(sentence, max(0, end - 1), start + 1)
    return base + start if new else None


#: What may stand between a trigger and its object (感谢|向|…).
_OBJECT_GAP = regex.compile(r"了?(?:向|对|给)?")


class _OtherHits:
    """The trigger-word hits of a template in a part but the ones overlapping a trigger
    (``start``, ``end``), sorted: a role pattern's match around one of them is about it."""

    __slots__ = ("_text", "end", "hits", "start", "starts")

    def __init__(self, hits, start: int, end: int, text: str = "") -> None:
        self.hits, self.start, self.end, self._text = hits, start, end, text
        self.starts = [h[0] for h in hits]

    def object_at(self, a: int) -> bool:
        """Whether ``a`` follows another hit directly, up to 了 or 向 (感谢|A…，感谢B): what
        stands there is that hit's object."""
        k = bisect_left(self.starts, a - 8)
        for x, y in self.hits[k : bisect_right(self.starts, a)]:
            if (y <= self.start or self.end <= x) and y <= a and _OBJECT_GAP.fullmatch(self._text, y, a):
                return True
        return False

    def inside(self, a: int, b: int) -> bool:
        """Whether a hit lies within [a, b]."""
        for k in range(bisect_left(self.starts, a), bisect_right(self.starts, b)):
            x, y = self.hits[k]
            if y <= b and (y <= self.start or self.end <= x):
                return True
        return False


class _Near:
    """The fillers of a long part that lie within ``radius`` characters of a trigger.

    A trigger reads these first; :meth:`settled` says whether a role's choice among them
    is the one the whole part gives.  No filler further away can win: its score is at
    most minus its distance plus the bonuses a far filler can reach
    (:func:`newsie.events.roles.far_bonus`: the role's cue, the affiliation of an ORG
    once a PERSON is taken, the length); the bonus of a pattern capture goes to captures,
    which must lie in the window.  The chosen fillers
    keep 10 characters (50 for a list) from the window's edges, so that what their score
    looks at around them (X的Y, A、B) is in the window too.  A role's candidates are
    filtered one by one, but for the speaker rule of ``_fill``, which :meth:`settled`
    checks too: a filter that looks at all candidates at once must be checked there."""

    __slots__ = ("fillers", "hi", "labels", "lo", "longest", "radius", "text", "trigger")

    def __init__(
        self, in_part: list[Filler], stats: tuple, trigger: Trigger, radius: int, text: str
    ) -> None:
        starts, self.labels, self.longest = stats  # of the whole part: an upper bound
        self.radius, self.lo, self.hi = radius, trigger.start - radius, trigger.end + radius
        self.text, self.trigger = text, trigger
        first = bisect_left(starts, self.lo - self.longest)  # none before can reach lo
        k = bisect_left(starts, self.lo)
        self.fillers = [f for f in in_part[first:k] if f.end >= self.lo]
        self.fillers += in_part[k : bisect_right(starts, self.hi)]

    @classmethod
    def of(cls, part: _Part, bounds, in_part: list[Filler], trigger: Trigger, text: str):
        """The fillers of ``in_part`` (those of ``part`` within ``bounds``, by start) near
        ``trigger``, or None when there are few or all of them are near."""
        if len(in_part) <= NEAR_FILLERS:
            return None
        key = ("near", *bounds)
        stats = part._matches.get(key)  # the part's cache, shared by its triggers
        if stats is None:
            stats = part._matches[key] = (
                [f.start for f in in_part],
                frozenset(f.label for f in in_part),
                max(f.end - f.start for f in in_part),
            )
        near = cls(in_part, stats, trigger, NEAR, text)
        return near if len(near.fillers) < len(in_part) else None

    def settled(self, role, chosen, best_score: list[float], captures, taken, candidates) -> bool:
        """Whether ``chosen`` (by :func:`_choose` from ``candidates``, the near fillers left
        for the role, with ``taken`` and the score of its best in ``best_score``) is what
        the whole part gives."""
        if any(c.start < self.lo or c.end > self.hi for c in captures):
            return False
        margin = 50 if role.multiple else 10
        if any(f.start < self.lo + margin or f.end > self.hi - margin for f in chosen):
            return False
        if not self.labels.intersection(role.labels):
            return True  # no filler of the part could be a candidate
        if all(_speaker(self.text, c, self.trigger) for c in candidates):
            return False  # the sources of a report stay only when no other filler is left
        reach = far_bonus(role, taken, self.longest)
        return bool(best_score) and best_score[-1] > reach - self.radius

