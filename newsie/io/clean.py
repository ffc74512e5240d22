"""Cleaning what comes in: HTML stripping, safe characters, and a matching view of text.

Three jobs, all linear in the length of the text:

* :func:`looks_like_html` / :func:`html_to_text` -- detect markup and turn a page into
  plain text (tags, scripts, styles and comments dropped, entities decoded, block
  elements become line breaks).  The Document text *is* the cleaned text: every span
  offset refers to it, and ``doc.meta["original_format"] == "html"`` says it was HTML.
* :func:`sanitize` -- a **length-preserving** repair of characters that break stages:
  C0/C1 control characters (NUL included) become spaces, lone surrogates become U+FFFD,
  a lone ``\\r`` and the Unicode line/paragraph separators become ``\\n``.  ``\\n``,
  ``\\t`` and ``\\r\\n`` are kept; zero-width characters (ZWSP, ZWJ, BOM, ...) and RTL
  marks are kept as they are (they are valid text; emoji ZWJ sequences need them).
* :func:`normalize_for_matching` -- a **same-length** view of the text for matching:
  Traditional characters -> Simplified (OpenCC ``t2s``, one character at a time, kept
  only when the result is one character) and full-width ASCII -> half-width.  A stage
  matches on ``normalize_for_matching(doc.text)`` and reports spans on ``doc.text``
  with the same offsets.
"""

from __future__ import annotations

import html as _html
import re
import threading
from functools import lru_cache

__all__ = [
    "ALSO_SIMPLIFIED",
    "html_to_text",
    "is_traditional",
    "looks_like_html",
    "matching_view",
    "normalize_for_matching",
    "sanitize",
    "simplified_view",
    "to_halfwidth",
    "to_simplified",
]

# ---------------------------------------------------------------------------------------
# Character repair (length-preserving)
# ---------------------------------------------------------------------------------------

# Control characters except \t \n \r; C1 controls (0x80-0x9f, NEL included); separators
# that other tools treat as line breaks; lone surrogates; a \r not followed by \n.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]|\r(?!\n)"
)
_LINE_LIKE = frozenset("\x0b\x0c\x85\u2028\u2029\r")


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in _LINE_LIKE:
        return "\n"
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return " "


def sanitize(text: str) -> tuple[str, int]:
    """``(clean_text, n_replaced)``: the same text with the characters that break stages
    replaced one for one (``len(clean_text) == len(text)``).

    Control characters become spaces, lone surrogates U+FFFD, a lone ``\\r`` / U+2028 /
    U+2029 / NEL / VT / FF a ``\\n``.  Everything else is kept as is.
    """
    if _BAD_CHARS.search(text) is None:
        return text, 0
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _replacement(match)

    return _BAD_CHARS.sub(replace, text), count


def control_ratio(text: str, sample: int = 65536) -> float:
    """Share of control characters (not \\t \\n \\r) in the first ``sample`` characters."""
    head = text[:sample]
    if not head:
        return 0.0
    bad = sum(1 for _ in re.finditer("[\x00-\x08\x0e-\x1f\x7f]", head))
    return bad / len(head)


# ---------------------------------------------------------------------------------------
# Matching view (same length)
# ---------------------------------------------------------------------------------------

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


_FULLWIDTH_CHARS = {chr(code): chr(half) for code, half in _FULLWIDTH.items()}
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (Ａ１！) and the ideographic space -> ASCII; same length."""
    # a substitution per full-width character beats str.translate, which looks up every
    # character of a CJK text in the table
    return _FULLWIDTH_RE.sub(lambda m: _FULLWIDTH_CHARS[m.group()], text)


_T2S_LOCK = threading.Lock()
#: Every character looked at so far -> its Simplified form (itself when T2S keeps it).
_T2S: dict[str, str] = {}
#: The characters T2S changes, among those looked at.
_T2S_CHANGED: set[str] = set()


@lru_cache(maxsize=1)
def _converter():
    import opencc

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # noqa: BLE001 - some OpenCC builds want the .json name
        return opencc.OpenCC("t2s.json")


def _maybe_traditional(char: str) -> bool:
    code = ord(char)
    # CJK radicals .. Yi, CJK compatibility ideographs, Ext A; skip surrogates.
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF) and not (
        0xD800 <= code <= 0xDFFF
    )


def _learn(chars: set[str]) -> None:
    """Convert characters not seen before, one OpenCC call for all of them."""
    missing = [char for char in chars if _maybe_traditional(char)]
    for char in chars:
        _T2S.setdefault(char, char)
    if not missing:
        return
    converter = _converter()
    with _T2S_LOCK:  # OpenCC objects are not documented as thread-safe
        # Separated by newlines, t2s maps them one to one when the lengths agree;
        # otherwise convert one by one.
        parts = converter.convert("\n".join(missing)).split("\n")
        if len(parts) != len(missing):
            parts = [converter.convert(char) for char in missing]
    for char, converted in zip(missing, parts):
        if len(converted) == 1 and converted != char:
            _T2S[char] = converted
            _T2S_CHANGED.add(char)


def traditional_chars(text: str) -> set[str]:
    """The distinct characters of ``text`` that Traditional -> Simplified changes."""
    chars = set(text)
    new = chars.difference(_T2S)
    if new:
        _learn(new)
    return chars.intersection(_T2S_CHANGED)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, character by character (same length as ``text``).

    Each distinct character is converted on its own with OpenCC ``t2s`` and the result is
    used only if it is a single character; results are cached for the process.  Returns
    ``text`` itself when nothing changes.
    """
    changed = traditional_chars(text)
    if not changed:
        return text
    return text.translate({ord(char): _T2S[char] for char in changed})


def normalize_for_matching(text: str) -> str:
    """A same-length view of ``text`` for matching: Simplified, half-width ASCII.

    ``len(normalize_for_matching(t)) == len(t)`` always, so offsets found in the view are
    offsets in ``t``: match on the view, cut spans from the original.
    """
    out = to_simplified(to_halfwidth(text))
    if len(out) != len(text):  # pragma: no cover - guarded per character above
        return text
    return out


#: Characters T2S changes that are in use in Simplified text too (王丙乾, 乾坤, 於姓):
#: kept as they are in the matching view.
ALSO_SIMPLIFIED = "乾於"

def _keep_also_simplified(text: str, view: str) -> str:
    """``view`` with the characters of :data:`ALSO_SIMPLIFIED` put back as in ``text``."""
    chars = None
    for char in ALSO_SIMPLIFIED:
        i = text.find(char)
        while i != -1:
            if chars is None:
                chars = list(view)
            chars[i] = char
            i = text.find(char, i + 1)
    return view if chars is None else "".join(chars)


def matching_view(text: str) -> str:
    """``normalize_for_matching(text)`` (same length) with :data:`ALSO_SIMPLIFIED` kept
    in a Simplified text (王丙乾, 於姓): the view the entity recogniser matches on.  In a
    Traditional one (:func:`is_traditional`) 於 is the preposition 于 (於永華市政中心舉行)."""
    view = normalize_for_matching(text)
    if view == text:
        return text
    if "於" in text and is_traditional(text):
        text = text.replace("於", "于")  # only 乾 is put back
    return _keep_also_simplified(text, view)


def is_traditional(text: str, share: float = 0.02) -> bool:
    """True when Traditional -> Simplified changes at least ``share`` of the characters of
    ``text`` (the characters of :data:`ALSO_SIMPLIFIED` do not count)."""
    changed = traditional_chars(text).difference(ALSO_SIMPLIFIED)
    if not changed:
        return False
    count = re.subn("[" + re.escape("".join(sorted(changed))) + "]", "", text)[1]
    return count >= max(1.0, share * len(text))


#: The last text :func:`simplified_view` was asked for and its view: the stages of one
#: document (tokens, times, values, events) ask for the same text in turn.
_LAST_VIEW: tuple[str, str] = ("", "")


def simplified_view(text: str) -> str:
    """``text`` read as Simplified, same length: the view that word segmentation, times,
    values and event templates match on (punctuation and width untouched).

    A Traditional text (:func:`is_traditional`) is converted line by line with OpenCC's
    phrase-aware ``t2s`` (據瞭解 -> 据了解, 於 -> 于), a line whose length that would change
    character by character; in a Simplified text only its stray Traditional characters
    change, and :data:`ALSO_SIMPLIFIED` stays (王丙乾).  Returns ``text`` itself when
    nothing changes, so ``view is text`` tells a stage it has nothing to map back."""
    global _LAST_VIEW
    last = _LAST_VIEW
    if last[0] is text:
        return last[1]
    view = text
    if traditional_chars(text):
        if is_traditional(text):
            view = _phrase_t2s(text)
        else:
            view = _keep_also_simplified(text, to_simplified(text))
        if view == text:
            view = text
    _LAST_VIEW = (text, view)
    return view


def _phrase_t2s(text: str) -> str:
    """OpenCC ``t2s`` where it keeps the length, line by line; else character by character."""
    converter = _converter()
    with _T2S_LOCK:
        whole = converter.convert(text)
        if len(whole) == len(text):
            return whole
        lines = text.split("\n")
        converted = [converter.convert(line) for line in lines]
    return "\n".join(
        new if len(new) == len(line) else to_simplified(line)
        for line, new in zip(lines, converted)
    )


# ---------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------

_KNOWN_TAGS = (
    "html|head|body|title|meta|link|script|style|noscript|div|span|p|br|hr|a|img|ul|ol|li|"
    "table|thead|tbody|tr|td|th|h[1-6]|article|section|header|footer|nav|aside|main|"
    "strong|em|b|i|u|font|iframe|form|input|button|label|pre|code|blockquote|figure|"
    "figcaption|time|dl|dt|dd|small|sup|sub|center|svg|template|source|video|audio"
)
_HTML_HINT = re.compile(
    rf"<!doctype\s+html|<!--|</?(?:{_KNOWN_TAGS})(?=[\s/>])[^<>]{{0,2000}}>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*+)([^<>]*+)>")  # possessive: no backtracking
_RAW_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "svg"})
_SKIP_TAGS = frozenset({"head"})  # content dropped (the title is kept in meta)
_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "figure", "figcaption", "title", "form", "center", "address", "details", "summary", "option", "body", "html"]
)
_CELL_TAGS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
# A line break in the source between two CJK characters is no space (CSS segment breaks).
_CJK_BREAK = re.compile(
    r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])[ \t]*[\r\n]+[ \t]*"
    r"(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])"
)
_TAG_LIMIT = 4096  # a "<tag" whose ">" is further away than this is text, not a tag


def looks_like_html(text: str, sample: int = 100_000) -> bool:
    """True when ``text`` has markup: a doctype, a comment, or two known tags."""
    head = text[:sample]
    if "<" not in head:
        return False
    for hits, match in enumerate(_HTML_HINT.finditer(head), start=1):
        token = match.group().lower()
        if token.startswith(("<!doctype", "<html", "<body", "<!--")) or hits >= 2:
            return True
    return False


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Plain text of an HTML page and what was found about it (``title``).

    Scripts, styles, ``<head>`` and comments are dropped, tags removed, entities decoded;
    block elements (p, div, br, li, h1-h6, tr, ...) end lines, table cells are separated
    by spaces, runs of whitespace collapse to one space, and at most one blank line is
    kept between blocks.  Runs in time linear in ``len(markup)``; an unclosed comment or
    script swallows the rest of the page, as a browser would.
    """
    lower = markup.lower()
    length = len(markup)
    pieces: list[str] = []  # text pieces and "\n" block breaks
    info: dict[str, str] = {}
    position = 0
    skip_depth = 0  # inside <head>
    title_parts: list[str] | None = None
    next_gt = -2  # cached markup.find(">", ...) to stay linear on "<<<<<..."

    def emit(raw: str) -> None:
        if not raw:
            return
        text = _html.unescape(raw)
        if _has_break_or_spaces(text):  # most pieces have neither: skip the two passes
            text = _SPACES.sub(" ", _CJK_BREAK.sub("", text))
        if title_parts is not None:
            title_parts.append(text)
        if not skip_depth:
            pieces.append(text)

    while position < length:
        lt = markup.find("<", position)
        if lt < 0:
            emit(markup[position:])
            break
        if lt > position:
            emit(markup[position:lt])
        if lower.startswith("<!--", lt):
            end = markup.find("-->", lt + 4)
            position = length if end < 0 else end + 3
            continue
        if next_gt < lt:  # the first ">" from here (length: there is none)
            next_gt = markup.find(">", lt)
            next_gt = length if next_gt < 0 else next_gt
        if lower.startswith(("<!", "<?"), lt):  # doctype, CDATA, processing instruction
            if next_gt == length:
                emit(markup[lt:])
                break
            position = next_gt + 1
            continue
        # a tag ends at the first ">" after its "<", with no "<" between: the regex reads
        # that window only, so each character is in one window ("<aaaa..." runs)
        match = None
        if next_gt < min(length, lt + _TAG_LIMIT) and markup.find("<", lt + 1, next_gt) < 0:
            match = _TAG.match(markup, lt, next_gt + 1)
        if match is None:
            emit("<")
            position = lt + 1
            continue
        closing, name = match.group(1) == "/", match.group(2).lower()
        position = match.end()
        if name in _RAW_TEXT_TAGS and not closing and not match.group(3).rstrip().endswith("/"):
            end = lower.find(f"</{name}", position)
            if end < 0:
                position = length
            else:
                gt = markup.find(">", end)
                position = length if gt < 0 else gt + 1
            pieces.append("\n")
            continue
        if name in _SKIP_TAGS:
            skip_depth = 0 if closing else 1
            continue
        if name == "title":
            if closing:
                if title_parts is not None:
                    title = _SPACES.sub(" ", "".join(title_parts)).strip()
                    if title and "title" not in info:
                        info["title"] = title
                title_parts = None
            else:
                title_parts = []
            continue
        if name in _BLOCK_TAGS:
            pieces.append("\n")
        elif name in _CELL_TAGS:
            pieces.append(" ")
    return _tidy("".join(pieces)), info


def _has_break_or_spaces(text: str) -> bool:
    """Whether ``_CJK_BREAK`` or ``_SPACES`` could change ``text``: it holds a line
    break, a tab, a form feed, a no-break space or two spaces in a row."""
    return (
        "\n" in text or "\r" in text or "\t" in text or "\f" in text or "\xa0" in text
        or "  " in text
    )


_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
