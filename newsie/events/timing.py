"""The time of an event mention: a time of its own clause, else of its sentence, else the
latest earlier time of its paragraph (never one of a background clause)."""

from __future__ import annotations

import regex

from newsie.document import Document
from newsie.events.clauses import _clause_of
from newsie.events.fillers import _DocIndex
from newsie.events.models import Trigger

# a clause about the past of someone or something, not about the news of the article
_BACKGROUND = regex.compile(r"曾经|曾[在是任于经]|此前|早前|先前|当年|正值|昔日|\G\s*在[^，,]{1,30}(?:之前|以前)\s*$")


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
