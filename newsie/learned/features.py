"""Feature functions of the learned event backend (plain strings for python-crfsuite).

Three models share them:

* the trigger tagger: a character CRF with B/I/O labels (untyped), features are character
  n-grams in a window, the word (rjieba) around the character and its position in it,
  and the trigger-lexicon reliability of the strings covering the character;
* the type classifier: a maximum-entropy model (a CRF over one-item sequences) that
  gives a candidate span (a tagger span or a lexicon match) its event type, or
  :data:`NOT_TRIGGER`, from the span, its context words, its word alignment, its other
  mentions and the lexicon's trigger ratio and type distribution;
* the argument tagger: a character CRF over one sequence per event, labels
  ``B-k``/``I-k`` where ``k`` indexes the role in the event type's role list; features
  are the character window and words conjoined with the event type and with the
  distance to the trigger.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: Bumped whenever a feature function changes: a model trained with other features is
#: refused at load time (retrain it).
FEATURES_VERSION = 3

#: The type classifier's label for a candidate span that is no trigger.
NOT_TRIGGER = "O"

_PUNCT_BREAK = frozenset('，,；;：:。！？!?、（）()《》“”"')
_CLAUSE = frozenset("，,；;。！？!?：:")


def fold(text: str) -> str:
    """Digits -> 0, ASCII letters lower-cased (same length as ``text``)."""
    out = []
    for ch in text:
        if ch.isdigit():
            out.append("0")
        elif "A" <= ch <= "Z":
            out.append(ch.lower())
        elif ch in " \t\r\n\u3000":
            out.append("_")
        else:
            out.append(ch)
    return "".join(out)


def words(text: str) -> list[tuple[int, int, str]]:
    """Word spans of ``text`` with their part of speech (rjieba); one span per character
    (part of speech 'x') when the segmenter is missing or changes the text."""
    try:
        import rjieba
    except ImportError:  # pragma: no cover - rjieba is a dependency
        return [(i, i + 1, "x") for i in range(len(text))]
    spans, position = [], 0
    for word, pos in rjieba.tag(text):
        end = position + len(word)
        if text[position:end] != word:  # segmenter changed the text: give up on it
            return [(i, i + 1, "x") for i in range(len(text))]
        spans.append((position, end, pos))
        position = end
    if position != len(text):
        spans.append((position, len(text), "x"))
    return spans


def word_index(text: str, spans: list[tuple[int, int, str]]) -> list[int]:
    """For each character, the index of its word in ``spans``."""
    index = [0] * len(text)
    for k, (start, end, _pos) in enumerate(spans):
        for i in range(start, end):
            index[i] = k
    return index


def _bucket(ratio: float) -> str:
    for edge, name in ((0.9, "9"), (0.7, "7"), (0.5, "5"), (0.3, "3"), (0.1, "1")):
        if ratio >= edge:
            return name
    return "0"


class Lexicon:
    """Trigger strings with how often they are triggers (and of which type) when they
    occur.  ``counts[s] = [as_trigger, occurrences]``, ``types[s] = {type: n}``."""

    def __init__(
        self,
        counts: Mapping[str, Sequence[int]] | None = None,
        types: Mapping[str, Mapping[str, int]] | None = None,
        max_len: int = 8,
    ) -> None:
        self.counts = {k: [int(v[0]), int(v[1])] for k, v in (counts or {}).items()}
        self.types = {k: dict(v) for k, v in (types or {}).items()}
        self.max_len = max_len
        self._matcher = None

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, string) of every occurrence of a known trigger string."""
        if self._matcher is None:
            from newsie._matcher import WordMatcher

            self._matcher = WordMatcher(list(self.counts))
        words = self._matcher.words
        return [(start, end, words[k]) for k, start, end in self._matcher.find(text)]

    def to_json(self) -> dict:
        return {"counts": self.counts, "types": self.types, "max_len": self.max_len}

    @classmethod
    def from_json(cls, data: Mapping) -> Lexicon:
        return cls(data.get("counts"), data.get("types"), data.get("max_len", 8))


def lexicon_stats(
    lexicon: Lexicon,
    text: str,
    own: Mapping[str, tuple[int, dict[str, int]]] | None = None,
) -> list[tuple[int, int, str, float, dict[str, int]]]:
    """Lexicon matches in ``text`` as (start, end, string, trigger ratio, type counts).

    ``own`` holds this text's own contribution (trigger count and type counts, per
    string) to subtract from the lexicon: leave-one-out statistics for training data, so
    that the features look as they will on unseen text.
    """
    matches = lexicon.matches(text)
    occurrences: dict[str, int] = {}
    if own is not None:
        for _, _, key in matches:
            occurrences[key] = occurrences.get(key, 0) + 1
    out = []
    for start, end, key in matches:
        as_trigger, total = lexicon.counts[key]
        types = lexicon.types.get(key, {})
        if own is not None:
            mine, my_types = own.get(key, (0, {}))
            as_trigger -= mine
            total -= occurrences.get(key, 0)
            if my_types:
                types = {t: n - my_types.get(t, 0) for t, n in types.items()}
                types = {t: n for t, n in types.items() if n > 0}
        if as_trigger <= 0 or total <= 0:
            continue
        out.append((start, end, key, min(1.0, as_trigger / total), types))
    return out


def trigger_features(
    text: str,
    spans: list[tuple[int, int, str]],
    windex: list[int],
    lex: list[tuple[int, int, str, float, dict[str, int]]],
) -> list[list[str]]:
    """Features of each character for the trigger tagger."""
    n = len(text)
    f = fold(text)
    p = "^^^" + f + "$$$"
    best: list[tuple[float, str] | None] = [None] * n
    # where each lexicon string occurs: DuEE often marks only one of repeated mentions
    seen: dict[str, list[int]] = {}
    for start, _end, key, _ratio, _types in lex:
        seen.setdefault(key, []).append(start)
    for start, end, key, ratio, _types in lex:
        places = seen[key]
        repeat = ("f" if places[0] == start else "n") + ("l" if places[-1] == start else "m")
        for i in range(start, end):
            if end - start == 1:
                pos = "S"
            elif i == start:
                pos = "B"
            elif i == end - 1:
                pos = "E"
            else:
                pos = "I"
            score = ratio + 0.01 * (end - start)
            if best[i] is None or score > best[i][0]:  # type: ignore[index]
                best[i] = (score, pos + _bucket(ratio) + str(min(end - start, 4)) + repeat)
    out = []
    for i in range(n):
        c_3, c_2, c_1, c0, c1, c2, c3 = p[i : i + 7]  # the window around character i
        ws, we, tag = spans[windex[i]]
        word = f[ws:we]
        wpos = "S" if we - ws == 1 else ("B" if i == ws else ("E" if i == we - 1 else "M"))
        k = windex[i]
        prev_word = f[spans[k - 1][0] : spans[k - 1][1]] if k > 0 else "^"
        next_word = f[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else "$"
        prev_tag = spans[k - 1][2] if k > 0 else "^"
        next_tag = spans[k + 1][2] if k + 1 < len(spans) else "$"
        feats = [
            "b",
            "c0=" + c0,
            "c-1=" + c_1,
            "c1=" + c1,
            "c-2=" + c_2,
            "c2=" + c2,
            "c-3=" + c_3,
            "c3=" + c3,
            "b-1=" + c_1 + c0,
            "b0=" + c0 + c1,
            "b-2=" + c_2 + c_1,
            "b1=" + c1 + c2,
            "t-1=" + c_1 + c0 + c1,
            "t-2=" + c_2 + c_1 + c0,
            "t0=" + c0 + c1 + c2,
            "w=" + word,
            "wp=" + wpos,
            "wpc=" + wpos + c0,
            "ww=" + wpos + word,
            "pw=" + prev_word,
            "nw=" + next_word,
            "pww=" + prev_word + "|" + word,
            "wnw=" + word + "|" + next_word,
            "pos=" + wpos + tag,
            "ppos=" + prev_tag + "|" + tag,
            "npos=" + tag + "|" + next_tag,
            "posw=" + tag + word,
        ]
        if best[i] is not None:
            code = best[i][1]  # type: ignore[index]
            feats.append("L=" + code)
            feats.append("Lp=" + code[0])
            feats.append("Lr=" + code[0] + code[-2:])
            feats.append("Lc=" + code[:-2] + c0)
            feats.append("Lw=" + code[-2:] + word)
        out.append(feats)
    return out


def type_features(
    text: str,
    start: int,
    end: int,
    spans: list[tuple[int, int, str]],
    windex: list[int],
    match: tuple[float, Mapping[str, int]] | None,
) -> list[str]:
    """Features of a candidate trigger span for the event-type classifier; ``match`` is
    the span's lexicon (trigger ratio, type counts), None when it is no lexicon string."""
    f = fold(text)
    trig = f[start:end]
    p = "^^^" + f + "$$$"
    s, e = start + 3, end + 3
    feats = [
        "b",
        "t=" + trig,
        "tf=" + trig[:1],
        "tl=" + trig[-1:],
        "p1=" + p[s - 1],
        "p2=" + p[s - 2 : s],
        "p3=" + p[s - 3 : s],
        "n1=" + p[e],
        "n2=" + p[e : e + 2],
        "n3=" + p[e : e + 3],
        "tp1=" + p[s - 1] + "|" + trig,
        "tn1=" + trig + "|" + p[e],
    ]
    feats.extend("tc=" + ch for ch in trig)
    first, last = windex[start], windex[end - 1]
    ws, we = spans[first][0], spans[last][1]
    feats.append("tw=" + f[ws:we])
    feats.append("tpos=" + spans[first][2])
    feats.append("wb=" + ("s" if ws == start else "x") + ("e" if we == end else "x"))
    mention = text[start:end]
    first_mention = "f" if text.find(mention) == start else "n"
    last_mention = "l" if text.rfind(mention) == start else "m"
    feats.append("rep=" + first_mention + last_mention)
    for offset in range(1, 9):
        k = first - offset
        if k >= 0:
            word = f[spans[k][0] : spans[k][1]]
            feats.append("lw=" + word)
            if offset <= 2:
                feats.append(f"lw{offset}=" + word)
                feats.append(f"tlw{offset}=" + trig + "|" + word)
        k = last + offset
        if k < len(spans):
            word = f[spans[k][0] : spans[k][1]]
            feats.append("rw=" + word)
            if offset <= 2:
                feats.append(f"rw{offset}=" + word)
                feats.append(f"trw{offset}=" + trig + "|" + word)
    for k in range(len(spans)):
        if k < first - 8 or k > last + 8:
            word = f[spans[k][0] : spans[k][1]]
            if len(word) > 1:
                feats.append("sw=" + word)
    ratio = _bucket(match[0]) if match else "none"
    feats.append("LR=" + ratio)
    feats.append("LRt=" + ratio + trig)
    type_counts = match[1] if match else None
    if type_counts:
        total = sum(type_counts.values())
        for kind, count in type_counts.items():
            feats.append("LT=" + kind + ":" + _bucket(count / total))
            feats.append("LTx=" + kind)
    else:
        feats.append("LT=none")
    return feats


def _distance(i: int, start: int, end: int) -> str:
    if start <= i < end:
        return "T"
    d = start - i if i < start else i - end + 1
    side = "L" if i < start else "R"
    for edge, name in (
        (1, "1"),
        (2, "2"),
        (3, "3"),
        (5, "5"),
        (8, "8"),
        (12, "12"),
        (20, "20"),
        (40, "40"),
    ):
        if d <= edge:
            return side + name
    return side + "F"


def argument_features(
    text: str,
    spans: list[tuple[int, int, str]],
    windex: list[int],
    event_type: str,
    start: int,
    end: int,
    base: list[list[str]] | None = None,
) -> list[list[str]]:
    """Features of each character for the argument tagger, for the event of
    ``event_type`` whose trigger is ``text[start:end]``."""
    n = len(text)
    f = fold(text)
    p = "^^^" + f + "$$$"
    trig = f[start:end]
    t_first, t_last = windex[start], windex[end - 1]
    # inside 《》 or “” (titles, products, quoted names)
    quoted = [False] * n
    depth = 0
    for i, ch in enumerate(text):
        if ch in "《“「":
            depth += 1
        elif ch in "》”」":
            depth = max(0, depth - 1)
        elif depth:
            quoted[i] = True
    # clause breaks between each character and the trigger
    breaks_before = [0] * (n + 1)
    for i, ch in enumerate(text):
        breaks_before[i + 1] = breaks_before[i] + (1 if ch in _CLAUSE else 0)
    E = event_type
    out = []
    for i in range(n):
        c_3, c_2, c_1, c0, c1, c2, c3 = p[i : i + 7]  # the window around character i
        k = windex[i]
        ws, we, tag = spans[k]
        word = f[ws:we]
        wpos = "S" if we - ws == 1 else ("B" if i == ws else ("E" if i == we - 1 else "M"))
        prev_tag = spans[k - 1][2] if k > 0 else "^"
        next_tag = spans[k + 1][2] if k + 1 < len(spans) else "$"
        prev_word = f[spans[k - 1][0] : spans[k - 1][1]] if k > 0 else "^"
        next_word = f[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else "$"
        d = _distance(i, start, end)
        wd = t_first - k if k < t_first else (k - t_last if k > t_last else 0)
        wdist = (
            ("L" if k < t_first else "R") + str(wd)
            if wd <= 4
            else ("L" if k < t_first else "R") + "F"
        )
        q = "q" if quoted[i] else "-"
        if i < start:
            crossed = breaks_before[start] - breaks_before[i + 1]
        elif i >= end:
            crossed = breaks_before[i] - breaks_before[end]
        else:
            crossed = 0
        cross = str(min(crossed, 3))
        feats = [
            "b",
            "E=" + E,
            "c0=" + c0,
            "c-1=" + c_1,
            "c1=" + c1,
            "c-2=" + c_2,
            "c2=" + c2,
            "b-1=" + c_1 + c0,
            "b0=" + c0 + c1,
            "w=" + word,
            "wp=" + wpos,
            "d=" + d,
            "x=" + cross,
            "dx=" + d + cross,
            "Ed=" + E + d,
            "Edx=" + E + d + cross,
            "Ec0=" + E + c0,
            "Ec-1=" + E + c_1,
            "Ec1=" + E + c1,
            "Eb-1=" + E + c_1 + c0,
            "Eb0=" + E + c0 + c1,
            "Ew=" + E + word,
            "Ewp=" + E + wpos + word,
            "Ewd=" + E + d[0] + word,
            "Td=" + trig + d,
            "Tw=" + trig + d[0] + word,
            "pos=" + wpos + tag,
            "pp=" + prev_tag + "|" + tag,
            "np=" + tag + "|" + next_tag,
            "pw=" + prev_word,
            "nw=" + next_word,
            "Epos=" + E + wpos + tag,
            "Edpos=" + E + d[0] + tag,
            "Epp=" + E + prev_tag + "|" + tag,
            "Enp=" + E + tag + "|" + next_tag,
            "Epw=" + E + prev_word,
            "Enw=" + E + next_word,
            "c-3=" + c_3,
            "c3=" + c3,
            "t0=" + c_1 + c0 + c1,
            "Et0=" + E + c_1 + c0 + c1,
            "Eb-2=" + E + c_2 + c_1,
            "Eb1=" + E + c1 + c2,
            "wd=" + wdist,
            "Ewd=" + E + wdist,
            "Ewdp=" + E + wdist + wpos + tag,
            "q=" + q,
            "Eq=" + E + q + d[0],
        ]
        out.append(feats)
    return out
