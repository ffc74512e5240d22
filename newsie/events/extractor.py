"""Template-driven event extraction.

For each sentence: find trigger words (one Aho-Corasick pass for all templates) and
trigger patterns; for each trigger, fill the template's roles from the entities, values
and role patterns of the sentence (nearest compatible filler on the declared side,
preferring the trigger's own clause and cue words), read the status from cue words
around the trigger, and take the time from the sentence or, failing that, from the
article context.  Mentions of one event in several sentences are then merged.

What fills a role and what a mention holds are in :mod:`newsie.events.mention`, the
status cues in :mod:`newsie.events.status`, the merging in :mod:`newsie.events.merge`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

import regex

from newsie._matcher import WordMatcher
from newsie.document import Document
from newsie.events.mention import _DEMONSTRATIVE, _NUMERIC, PLACE_LABELS, Filler, _Mention
from newsie.events.merge import LOOKBACK, _compatible, _in_title_line, _merge  # noqa: F401
from newsie.events.models import Evidence, Trigger, _model_for, event_id
from newsie.events.nominals import TEAM_SUFFIXES, find_nominals
from newsie.events.status import _CLAUSE_BREAK, _not_an_event, _status, status_cues  # noqa: F401
from newsie.events.template import Template
from newsie.io.clean import simplified_view
from newsie.token_layer import token_bounds
from newsie.values.numbers import parse_number

_COORDINATION = regex.compile(r"^\s*(?:、|，|,|与|和|及|以及|跟|同|并|携手|联合)\s*$")
_ANAPHORA = ("此次", "这次", "本次", "该次", "此番", "这一", "此项")
# a clause about the past of someone or something, not about the news of the article
_BACKGROUND = regex.compile(r"曾经|曾[在是任于经]|此前|早前|先前|当年|正值|昔日|\G\s*在[^，,]{1,30}(?:之前|以前)\s*$")


#: A numbered line of a list of headlines: 4. / （3） / 13.国际联播快讯：（1）
_LIST_ITEM = regex.compile(r"\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])")


#: Sentences longer than this are read in windows of about this size (cut at clause
#: breaks where possible), so that the work per trigger does not grow with the sentence.
WINDOW = 2000
#: A trigger in a part with more than NEAR_FILLERS fillers reads first those within NEAR
#: characters of it (:class:`_Near`), so that its work does not grow with the part.
NEAR, NEAR_FILLERS = 48, 32


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
    of role patterns in ``text`` whose role group is not empty, pattern by pattern."""
    out = []
    for role_name, pattern in patterns:
        for match in pattern.finditer(text):
            if match[role_name]:
                a, b = match.span()
                group_start, group_end = match.span(role_name)
                out.append((role_name, a, b, group_start, group_end, match[role_name]))
    return out


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


_LINE_BREAK = regex.compile(r"\n")


class _DocIndex:
    """Sorted offsets of a document's fillers and times, to find those of a sentence
    without scanning the document."""

    def __init__(self, doc: Document, fillers: list[Filler]) -> None:
        self.fillers = sorted(fillers, key=lambda f: f.start)  # stable: keeps their order
        self.starts = [f.start for f in self.fillers]
        times = doc.times
        self.time_order = sorted(range(len(times)), key=lambda i: times[i].start)
        self.time_starts = [times[i].start for i in self.time_order]
        self.times = times
        # the article's earlier times usable as context: by end, with the latest index
        eligible = sorted(
            (t.end, i)
            for i, t in enumerate(times)
            if t.value is not None
            and t.value.kind in ("point", "range")
            and t.value.grain in ("day", "hour", "minute", "second")
        )
        self.context_ends = [end for end, _ in eligible]
        self.breaks = [m.start() for m in _LINE_BREAK.finditer(doc.text)]  # paragraphs
        self.context_latest: list[int] = []
        for _, i in eligible:
            self.context_latest.append(max(i, self.context_latest[-1]) if self.context_latest else i)

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
        # one search for all of them: most sentences hold none of the words
        gate_words = {w for _, _, ws in self._trigger_patterns for w in ws or ()}
        self._pattern_gate = (
            regex.compile("|".join(regex.escape(w) for w in sorted(gate_words, key=len, reverse=True)))
            if gate_words and all(ws for _, _, ws in self._trigger_patterns)
            else None
        )
        self._role_patterns = {
            index: [
                (role_name, regex.compile(pattern))
                for role_name, role in template.roles.items()
                for pattern in role.patterns
            ]
            for index, template in enumerate(self.templates)
        }
        self._fallback_patterns = {
            index: [
                (role_name, regex.compile(pattern))
                for role_name, role in template.roles.items()
                for pattern in role.fallback
            ]
            for index, template in enumerate(self.templates)
        }
        self._excludes = {
            index: tuple(template.exclude) for index, template in enumerate(self.templates)
        }
        # templates with a role for an office (appointment.position) take 德国外长 apart
        self._office_roles = {
            index: any("TITLE" in role.labels for role in template.roles.values())
            for index, template in enumerate(self.templates)
        }
        # per template and role: the cue words of the template's other roles
        self._other_cues = {
            (index, role_name): tuple(
                cue
                for name, other in template.roles.items()
                if name != role_name
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

    def _pattern_triggers(self, sentence: str) -> list[tuple[int, int, int]]:
        """(template index, start, end) of the matches of trigger patterns."""
        found = []
        if self._pattern_gate is not None and self._pattern_gate.search(sentence) is None:
            return found
        for index, pattern, words in self._trigger_patterns:
            if words and not any(word in sentence for word in words):
                continue  # the trigger itself is missing: no match possible
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
            if not self._excluded(sentence, *f) and not _agent_noun(sentence, f[1], f[2])
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
        for phrase in self._excludes[index]:
            position = sentence.find(phrase, max(0, start - len(phrase)), end + len(phrase))
            while position >= 0 and position < end:
                if position <= start and end <= position + len(phrase):
                    return True
                position = sentence.find(phrase, position + 1, end + len(phrase))
        return False

    # -- running ----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        """Find the events of ``doc``.  Triggers, patterns and cues match on the matching
        view of the text (Traditional read as Simplified, same offsets); the events'
        texts are cut from the text itself."""
        view = simplified_view(doc.text)
        if view is doc.text:
            return self._extract(doc, doc.text)
        sentences = [s.model_copy(update={"text": view[s.start : s.end]}) for s in doc.sentences]
        shadow = doc.model_copy(update={"text": view, "sentences": sentences})
        doc.events = self._extract(shadow, doc.text).events
        return doc

    def _extract(self, doc: Document, original: str) -> Document:
        fillers = _document_fillers(doc)
        index = _DocIndex(doc, fillers)
        names = sorted(
            (e.start, e.end) for e in doc.entities if e.label in ("ORG", "PRODUCT", "PERSON", "LOC")
        )
        name_starts = [x for x, _ in names]
        longest_name = max((y - x for x, y in names), default=0)
        mentions: list[_Mention] = []
        # trigger words: one pass of the automaton over the whole text, then each
        # sentence takes the words inside it
        doc_words = self._word_triggers(doc.text)
        word_ends = [end for _, _, end in doc_words]
        # with word segmentation, a trigger that starts inside one word and ends inside
        # the next is no word of the text (集会 in 密集|会见, 出让 in 作出|让步)
        bounds = token_bounds(doc.tokens) if doc.tokens else None

        for s_index, whole in enumerate(doc.sentences):
            if whole.label == "FURNITURE":
                continue
            # a very long "sentence" (a table, a run of digits) is read in windows, so that
            # the work per trigger stays bounded
            for sentence in _windows(doc.text, whole):
                # patterns run per part: a part is bounded, so no pattern can backtrack
                # over a whole document (a run of 100,000 digits)
                patterned = self._pattern_triggers(sentence.text)
                base = sentence.start
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
                    if _in_title(sentence.text, start, end):
                        continue  # 《食品召回管理办法》 names a text, no recall
                    template = self.templates[t_index]
                    trigger = Trigger(
                        start=sentence.start + start,
                        end=sentence.start + end,
                        text=sentence.text[start:end],
                    )
                    others = _OtherHits(sorted_hits.get(t_index, ()), start, end)
                    mention = self._fill(
                        doc, fillers, s_index, t_index, template, trigger, others, part, index,
                        _next_predicate(sentence.text, hit_starts, end, base),
                    )
                    if mention is not None:
                        mentions.append(mention)
        mentions = _merge(mentions)
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
        if _not_an_event(doc.text, sentence.start, trigger):
            return None
        mention = _Mention(template=template, trigger=trigger, sentence_index=s_index)
        mention.headline = bool(_LIST_ITEM.match(doc.sentences[s_index].text))
        mention.title = _in_title_line(doc.text, trigger)
        before = doc.text[max(sentence.start, trigger.start - 4) : trigger.start]
        after = doc.text[trigger.end : min(sentence.end, trigger.end + 3)]
        mention.anaphoric = any(before.endswith(word) for word in _ANAPHORA) or bool(
            _DEMONSTRATIVE.match(after)
        )
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
        clauses = sentence.clauses(doc.text)
        trigger_clause = _clause_of(clauses, trigger.start)
        # roles a pattern captured are the most specific: fill them first, so that the
        # entities they took are not offered to the other roles
        order = sorted(template.roles, key=lambda name: name not in captured)
        for role_name in order:
            role = template.roles[role_name]
            candidates = [
                c
                for c in (
                    _typed(_after_trigger(c, trigger), in_sentence, role)
                    for c in captured.get(role_name, ())
                )
                if part_start <= c.start and c.end <= part_end
                and (c.start, c.end) not in used
                and not (c.start < trigger.end and trigger.start < c.end)
            ] or ([] if role.patterns_only else [
                f
                for f in in_sentence
                if f.label in role.labels
                and not (f.start < trigger.end and trigger.start < f.end)
                and (f.start, f.end) not in used
                # a country in front of its representative (伊朗总统佩泽希齐扬) is neither
                # the person nor where the event took place
                and not (f.possessor and ("PERSON" in role.labels or _where(role)))
                and not (f.office and self._office_roles[t_index])
                and (marker is not None and role_name in template.passive or _side_ok(role.side, f, trigger))
                and _passive_ok(marker, role_name, role, template, f, trigger)
                and not _setting(doc.text, f, role)
            ])
            if len(candidates) > 1:  # 警方证实，一所学校遭…袭击: the source is no participant
                told = [c for c in candidates if not _speaker(doc.text, c, trigger)]
                if told:
                    candidates = told
            taken = [f for fs in mention.arguments.values() for f in fs]
            other_cues = self._other_cues[t_index, role_name]
            best_score: list[float] = []
            chosen = _choose(
                doc.text, candidates, trigger, clauses, trigger_clause, role, in_sentence, taken,
                other_cues, next_trigger, best_score,
            )
            if near is not None and not near.settled(
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
            # a numbered headline (4.习近平会见泰国总理；) stands alone: no context
            if not chosen and role.context and not mention.anaphoric and not mention.headline:
                chosen = _from_context(doc, fillers, s_index, role, index)
                if chosen:
                    mention.from_context.add(role_name)
            if not chosen and role.continued:
                chosen = _from_next(doc, fillers, s_index, role, index)
            if chosen:
                mention.arguments[role_name] = chosen
                used.update((f.start, f.end) for f in chosen)
                for f in chosen:
                    if f.office:  # 印度总理 took 印度 with it: no place of the meeting
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
        missing = [name for name, role in template.roles.items() if role.required and name not in mention.arguments]
        if template.required_any and not any(n in mention.arguments for n in template.required_any):
            missing.append("|".join(template.required_any))
        # a learned trigger finder has weighed the context already: its triggers stand
        # without the roles the word lists need as evidence
        if missing and not mention.anaphoric and self.trigger_tagger is None:
            if trigger.text not in template.strong_triggers:
                return None
            mention.unsupported = True  # 6车追尾引发大火: a fire, though no place is said
        mention.time_index, mention.time_from_context, mention.time_gap = _time_for(
            doc, s_index, trigger, clauses, sentence, index
        )
        if (
            not template.background
            and mention.time_index is None
            and _BACKGROUND.search(doc.text, *clauses[trigger_clause])
        ):
            return None  # 曾在…担任领导职务: a post once held, no appointment
        mention.status = template.status or _status(doc.text, sentence.start, sentence.end, trigger)
        return mention

    def _event(self, doc: Document, mention: _Mention, original: str):
        """The event record of a mention; its texts are cut from ``original`` (the text
        of which ``doc.text`` may be the Simplified view)."""
        template = mention.template
        sentence = doc.sentences[mention.sentence_index]
        view = original is not doc.text
        arguments = [
            filler.argument(role_name, original[filler.start : filler.end] if view else None)
            for role_name, chosen in mention.arguments.items()
            for filler in chosen
        ]
        trigger = mention.trigger
        if view:
            trigger = trigger.model_copy(update={"text": original[trigger.start : trigger.end]})
        time_mention = doc.times[mention.time_index] if mention.time_index is not None else None
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
            arguments=[argument.model_dump() for argument in arguments],
            time=time_mention.value if time_mention is not None else None,
            time_text=time_mention.text if time_mention is not None else None,
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


_PASSIVE = regex.compile(r"(?:被|遭|遭到|惨遭|遭遇|受到)[^，,。；;被遭]{0,12}$")


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a title in 《》."""
    opening = text.rfind("《", 0, start)
    if opening < 0:
        return False
    closing = text.find("》", opening)
    return closing >= end and text.find("《", opening + 1, start) < 0


def _passive(text: str, sentence_start: int, trigger: Trigger) -> tuple[int, int] | None:
    """(start, end) of the passive marker when the trigger is passive: 被X击败, 遭逆转."""
    offset = max(sentence_start, trigger.start - 14)
    match = _PASSIVE.search(text[offset : trigger.start])
    if match is None:
        return None
    marker = regex.match(r"被|遭到|惨遭|遭遇|遭|受到", match.group())
    return offset + match.start(), offset + match.start() + len(marker.group())


def _passive_ok(marker, role_name, role, template, filler, trigger) -> bool:
    if marker is None or role_name not in template.passive:
        return True
    if role.side == "before":  # the agent: between the marker and the trigger
        return marker[1] <= filler.start and filler.end <= trigger.start
    return filler.end <= marker[0]  # the patient: before the marker


_SEMICOLON = regex.compile(r"[；;]")
_SOURCE = regex.compile(r"网?(?:消息|讯|电|记者|报道称|援引)|[（(]?(?:记者|通讯员)")
_NOUN_SUFFIX = ("者", "人数", "率")


_SINCE = regex.compile(r"(?:\d+|[一二三四五六七八九十百]+)(?:多|余)?(?:周年|年来|年以来|年之际)|以来|周年")


def _straddles(bounds: set[int], start: int, end: int) -> bool:
    """The span starts inside a word and ends inside another (密|集会|见)."""
    return start not in bounds and end not in bounds and any(
        k in bounds for k in range(start + 1, end)
    )


def _where(role) -> bool:
    """Whether a role names where something happens or goes (a place first, not the
    actor before the trigger): 地点, 目的地."""
    return bool(role.labels) and role.labels[0] in PLACE_LABELS and role.side != "before"


#: What follows the source of a report: 警方18日证实，…; 外交部发言人表示，…
_REPORTING = regex.compile(r"[^，。；,;]{0,8}?(?:证实|表示|称|透露|介绍|指出|通报|说|披露|获悉)[，,:：]")


def _speaker(text: str, filler: Filler, trigger: Trigger) -> bool:
    """Whether ``filler`` is the source that reports the trigger's clause (X证实，…trigger)
    rather than a participant in it."""
    return filler.end <= trigger.start and _REPORTING.match(text, filler.end, trigger.start) is not None


def _agent_noun(sentence: str, start: int, end: int) -> bool:
    """A trigger verb made a noun (遇难者, 投资者, 死亡人数, 离婚率) or a point of
    reference (成立24年来, 开业以来, 成立周年) states no event."""
    return sentence.startswith(_NOUN_SUFFIX, end) or bool(_SINCE.match(sentence, end))


def _document_fillers(doc: Document) -> list[Filler]:
    fillers: list[Filler] = []
    entities = sorted(doc.entities, key=lambda e: e.start)
    i = 0
    while i < len(entities):
        entity = entities[i]
        j = i
        # a chain of adjacent places (香港大埔区宏福苑) is one place
        while (
            entity.label in PLACE_LABELS
            and j + 1 < len(entities)
            and entities[j + 1].label in PLACE_LABELS
            and entities[j + 1].start == entities[j].end
        ):
            j += 1
        if j > i:
            last = entities[j]
            fillers.append(
                Filler(entity.start, last.end, doc.text[entity.start : last.end], last.label)
            )
        for k in range(i, j + 1):
            e = entities[k]
            possessor = (
                e.label in ("GPE", "ORG")
                and k + 2 < len(entities)
                and entities[k + 1].label == "TITLE"
                and entities[k + 1].start == e.end
                and entities[k + 2].label == "PERSON"
                and entities[k + 2].start == entities[k + 1].end
            )
            fillers.append(
                Filler(e.start, e.end, e.text, e.label, e.canonical or e.text, possessor=possessor)
            )
            if (
                not possessor
                and e.label in ("GPE", "ORG")
                and k + 1 < len(entities)
                and entities[k + 1].label == "TITLE"
                and entities[k + 1].start == e.end
            ):  # 德国外长, 赞比亚总统 with no name after: a person named by office
                end = entities[k + 1].end
                fillers.append(Filler(e.start, end, doc.text[e.start : end], "PERSON", office=True))
        i = j + 1
    for f in list(fillers):  # 法国队, 中国女排: the team of a country or a club
        if f.label in ("GPE", "ORG") and doc.text.startswith(TEAM_SUFFIXES, f.end):
            suffix = next(s for s in TEAM_SUFFIXES if doc.text.startswith(s, f.end))
            end = f.end + len(suffix)
            fillers.append(Filler(f.start, end, doc.text[f.start : end], "ORG"))
    # does a nominal overlap an entity?  by start, the furthest end so far; a title does
    # not count (一名工程师 is a person, though 工程师 alone is an office)
    covered = sorted((f.start, f.end) for f in fillers if f.label != "TITLE")
    covered_starts = [a for a, _ in covered]
    furthest: list[int] = []
    for _, b in covered:
        furthest.append(max(b, furthest[-1]) if furthest else b)
    ends = {f.end: f for f in fillers if f.label in ("GPE", "ORG", "LOC")}
    for start, end, label in find_nominals(doc.text):
        k = bisect_left(covered_starts, end)  # the fillers starting before the nominal ends
        if k and furthest[k - 1] > start:
            continue
        owner = ends.get(start)
        if owner is not None and label == "ORG":  # 韩国政府, 北京警方: one authority
            fillers.append(Filler(owner.start, end, doc.text[owner.start : end], "ORG"))
        else:
            fillers.append(Filler(start, end, doc.text[start:end], label, nominal=True))
    for value in doc.values:
        fillers.append(
            Filler(
                value.start,
                value.end,
                value.text,
                value.label,
                value.value,
                value.unit,
                value.currency,
                approximate=value.approximate,
            )
        )
    # 央视网消息, 新华社讯, 路透社报道: the source of the text, no participant
    fillers = [
        f
        for f in fillers
        if not (f.label == "ORG" and _SOURCE.match(doc.text, f.end))
        # a one-character name (中, 美 of 中美) is too ambiguous to fill a role, and 中
        # paired with another one (中柬, 美中) names a relation, not a place
        and not (f.label in ("PERSON", "ORG", "GPE", "LOC") and len(f.text) < 2)
        and not (
            f.label in PLACE_LABELS
            and len(f.text) == 2
            and "中" in f.text
            and set(f.text) <= _COUNTRY_INITIALS
        )
    ]
    fillers.sort(key=lambda f: (f.start, -(f.end - f.start)))
    return fillers


class _Clauses(list):
    """Clause bounds (start, end) in order, with their starts for bisection."""

    starts: list[int]


def _clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, position = _Clauses(), start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, end))
    bounds.starts = [a for a, _ in bounds]
    return bounds


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> int:
    """Index of the clause holding ``offset`` (the last clause when none does)."""
    starts = getattr(clauses, "starts", None)
    if starts is None:
        starts = [a for a, _ in clauses]
    k = bisect_right(starts, offset) - 1  # clause starts strictly increase
    if k >= 0 and offset < clauses[k][1]:
        return k
    return len(clauses) - 1


def _side_ok(side: str, filler: Filler, trigger: Trigger) -> bool:
    if side == "before":
        return filler.end <= trigger.start
    if side == "after":
        return filler.start >= trigger.end
    return True


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


def _typed(capture: Filler, in_sentence: list[Filler], role) -> Filler:
    """Give a pattern capture the type of the entity or value it is (or ends with)."""
    same = [f for f in in_sentence if f.start == capture.start and f.end == capture.end]
    for f in same:
        if not role.labels or f.label in role.labels:
            return f
    inside = [
        f
        for f in in_sentence
        if capture.start <= f.start and f.end <= capture.end and f.label in role.labels
    ]
    if (
        inside
        and set(role.labels) <= PLACE_LABELS
        and not any(f.end == capture.end for f in inside)
    ):  # 在莞深高速东莞段翻车: a place more precise than any name in it stays whole
        return Filler(capture.start, capture.end, capture.text, "LOC")
    if inside and not (_NUMERIC & set(role.labels)):
        return max(inside, key=lambda f: (f.end, f.end - f.start))  # the head comes last
    if _NUMERIC & set(role.labels):
        if inside:
            return inside[0]
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


def _setting(text: str, filler: Filler, role) -> bool:
    """Where something happens, not a participant (unless the role is a place): 在X中/上,
    a place right after 在/于 (习近平在北京人民大会堂会见), and a country that describes
    a person (阿富汗公民, 美籍华人)."""
    if filler.label in PLACE_LABELS and text.startswith(_DEMONYM_NOUNS, filler.end):
        return True  # neither a participant nor where it happened
    if not role.labels or role.labels[0] in PLACE_LABELS:
        return False
    before = text[max(0, filler.start - 1) : filler.start]
    if before == "在" and text[filler.end : filler.end + 1] in ("中", "上", "里", "内"):
        return True
    return filler.label in PLACE_LABELS and before in ("在", "于")


#: One-character short names of countries, as in 中美关系, 中柬友好, 中白合作 (印尼 and
#: 巴西 are names of their own: only pairs with 中 are read as relations).
_COUNTRY_INITIALS = frozenset("中美俄英法德日韩朝印巴澳加意西葡荷比瑞挪芬丹波捷匈罗保希土伊叙埃南越老柬泰缅马新菲蒙哈吉塔乌白阿古墨秘智委尼孟斯多")

#: Words after a country that make it describe a person: 阿富汗公民, 美籍, 华裔.
_DEMONYM_NOUNS = ("公民", "籍", "裔", "国籍", "侨民", "移民", "留学生", "游客", "男子", "女子")


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
    gap = text[a.end : b.start]
    # a representative named between them speaks for the first member
    for f in sorted(fillers, key=lambda f: -f.start):
        if a.end <= f.start and f.end <= b.start and f.label in ("PERSON", "TITLE"):
            offset = f.start - a.end
            gap = gap[:offset] + gap[offset + (f.end - f.start) :]
    return bool(_COORDINATION.match(gap))


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
#: A new predicate between two triggers: a clause break or a pronoun subject.
_NEW_PREDICATE = regex.compile(r"[，,；;]|[他她它]们?")


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
    return base + start if _NEW_PREDICATE.search(sentence, end, start) else None


class _OtherHits:
    """The trigger-word hits of a template in a part but the ones overlapping a trigger
    (``start``, ``end``), sorted: a role pattern's match around one of them is about it."""

    __slots__ = ("end", "hits", "start", "starts")

    def __init__(self, hits, start: int, end: int) -> None:
        self.hits, self.start, self.end = hits, start, end
        self.starts = [h[0] for h in hits]

    def inside(self, a: int, b: int) -> bool:
        """Whether a hit lies within [a, b]."""
        for k in range(bisect_left(self.starts, a), bisect_right(self.starts, b)):
            x, y = self.hits[k]
            if y <= b and (y <= self.start or self.end <= x):
                return True
        return False


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


def _choose(
    text, candidates, trigger, clauses, trigger_clause, role, fillers=(), taken=(), other_cues=(),
    next_trigger=None, best_score=None,
) -> list[Filler]:
    """The filler(s) of a role among ``candidates``: the best scored, extended through a
    coordinated list for a multiple role.  ``best_score``: a list the score of the best
    is appended to."""
    if next_trigger is not None:  # a name past the next predicate's trigger is that
        # verb's argument (离开后他将创办X), unless the role's cue points to it (接替...的X);
        # counts and places are shared
        candidates = [
            c
            for c in candidates
            if c.start < next_trigger
            or c.label not in _NAMED
            or any(cue in text[trigger.end : c.start] for cue in role.cues)
        ]
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
    places = {f.end: f.start for f in fillers if f.label in PLACE_LABELS}

    def score(filler: Filler) -> float:
        clause_gap = abs(_clause_of(clauses, filler.start) - trigger_clause)
        value = -_distance(filler, trigger) - 15 * clause_gap + 0.01 * (filler.end - filler.start)
        preceding = text[max(0, filler.start - 3) : filler.start]
        if role.cues and any(preceding.endswith(cue) for cue in role.cues):
            value += 30
        elif other_cues and any(preceding.endswith(cue) for cue in other_cues):
            value -= 25  # 为华为授牌: 为 marks another role's filler
        if filler.label == "TEXT":
            value += 100
        if filler.nominal:
            value -= 6  # a name at about the same distance is the better filler
        elif _possessor(text, filler, candidates):
            value -= 30  # 击败《星际争霸》游戏中的世界顶尖玩家: the players, not the game
        if filler.label == "ORG" and taken and _affiliation(text, filler, list(taken), fillers):
            value += 40
        if (
            role.labels
            and role.labels[0] not in PLACE_LABELS
            and _after_locative(text, filler, places)
            and not (role.cues and any(preceding.endswith(cue) for cue in role.cues))
        ):
            value -= 20  # 在X平台宣布, 在广西南宁会见: where it was said, not who
        return value

    # bound(f) >= score(f): the distance, the length and every bonus f could get (keep it
    # in step with score: _best scores only the candidates whose bound can beat the best)
    cues = tuple(role.cues)
    affiliation = 40 if any(f.label == "PERSON" for f in taken) else 0  # see _affiliation

    def bound(filler: Filler) -> float:
        return (
            -_distance(filler, trigger) + 0.01 * (filler.end - filler.start) + 1e-6
            + (30 if cues and text[max(0, filler.start - 3) : filler.start].endswith(cues) else 0)
            + (100 if filler.label == "TEXT" else 0) + (affiliation if filler.label == "ORG" else 0)
        )

    first, top = _best(candidates, score, bound)
    best = candidates[first]
    if best_score is not None:
        best_score.append(top)
    if not role.multiple:
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
            chosen.append(ordered[k + step])
            k += step
    return sorted(chosen, key=lambda f: f.start)


def _best(candidates: list, score, bound) -> tuple[int, float]:
    """(index, score) of ``max(candidates, key=score)`` (ties to the first, as max), with
    few candidates scored: from the highest ``bound`` (>= score) down, until no candidate
    left can reach the best."""
    bounds = [bound(c) for c in candidates]
    first, top = 0, None
    for i in sorted(range(len(candidates)), key=bounds.__getitem__, reverse=True):
        if top is not None and bounds[i] < top:
            break
        value = score(candidates[i])
        if top is None or value > top or (value == top and i < first):
            first, top = i, value
    return first, top


class _Near:
    """The fillers of a long part that lie within ``radius`` characters of a trigger.

    A trigger reads these first; :meth:`settled` says whether a role's choice among them
    is the one the whole part gives.  No filler further away can win: ``score`` in
    :func:`_choose` gives one at most ``-distance + length / 100`` plus the role's cue
    bonus (30) and the affiliation bonus (40, an ORG once a PERSON is taken); the +100 of
    a pattern capture goes to captures, which must lie in the window.  The chosen fillers
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
        bonus = 30 if role.cues else 0
        if "ORG" in role.labels and any(f.label == "PERSON" for f in taken):
            bonus += 40
        return bool(best_score) and best_score[-1] > bonus + self.longest / 100 - self.radius


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


def _time_for(
    doc: Document, s_index: int, trigger: Trigger, clauses, sentence=None, doc_index=None
) -> tuple[int | None, bool, int]:
    """The time of an event: the nearest usable time of its sentence (one in a later
    clause belongs to what that clause says), else the latest earlier time of the text."""
    if sentence is None:
        sentence = doc.sentences[s_index]
    if doc_index is None:
        doc_index = _DocIndex(doc, [])
    trigger_clause = _clause_of(clauses, trigger.start)
    best, best_score, best_gap = None, None, 99
    for index in doc_index.times_within(sentence.start, sentence.end):
        mention = doc.times[index]
        if mention.value is None:
            if mention.unresolved is None:
                continue
            # 周三 in a text with no publication time: the event keeps the expression
            # (time_text) with no value, as the time layer keeps it with its reason
        elif mention.value.kind in ("duration", "set"):
            continue
        if sentence.start <= mention.start and mention.end <= sentence.end:
            clause_gap = abs(_clause_of(clauses, mention.start) - trigger_clause)
            if mention.start >= trigger.end and clause_gap:
                continue
            distance = (
                trigger.start - mention.end
                if mention.end <= trigger.start
                else 2 * (mention.start - trigger.end) + 10
            ) + 10 * clause_gap
            if best_score is None or distance < best_score:
                best, best_score, best_gap = index, distance, clause_gap
    if best is not None:
        return best, False, best_gap
    if clauses and _BACKGROUND.search(doc.text, *clauses[trigger_clause]):
        return None, False, 99  # background (在创立X之前, 曾任, 正值): not the article's time
    latest = doc_index.latest_context_time(sentence.start)  # the article's latest earlier time
    if latest is not None:
        return latest, True, 99
    return None, False, 99
