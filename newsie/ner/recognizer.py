"""The entity recogniser: lexicon + rules (+ the CRF model), merged and resolved."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from newsie.io.clean import is_traditional, matching_view, to_halfwidth
from newsie.ner.aliases import full_names, propagate, resolve
from newsie.ner.candidates import Candidate
from newsie.ner.lexicon import BODY_NAME_ENDS, Entry, Lexicon, load_lexicon, starts_with_surname
from newsie.ner.rules import ACRONYMS, DOTS, NO_NAME_VERBS, apply_rules

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&'.\-]*")

GPE_SUFFIXES = ("省", "市", "县", "区", "州", "国", "都", "府", "自治区", "特别行政区")
#: One-character country/region abbreviations the model tags as LOC (赴美, 中美).
ABBREVIATIONS = {
    "中": "中国",
    "美": "美国",
    "俄": "俄罗斯",
    "日": "日本",
    "韩": "韩国",
    "英": "英国",
    "法": "法国",
    "德": "德国",
    "朝": "朝鲜",
    "印": "印度",
    "港": "香港",
    "澳": "澳门",
    "台": "台湾",
    "京": "北京",
    "沪": "上海",
    "津": "天津",
    "渝": "重庆",
    "粤": "广东",
    "苏": "江苏",
    "浙": "浙江",
    "川": "四川",
    "鲁": "山东",
    "豫": "河南",
    "鄂": "湖北",
    "湘": "湖南",
    "闽": "福建",
    "皖": "安徽",
    "赣": "江西",
    "冀": "河北",
    "晋": "山西",
    "辽": "辽宁",
    "陕": "陕西",
    "琼": "海南",
    "桂": "广西",
    "越": "越南",
    "巴": "巴基斯坦",
    "以": "以色列",
    "伊": "伊朗",
    "葡": "葡萄牙",
    "奥": "奥地利",
    "墨": "墨西哥",
    "菲": "菲律宾",
    "泰": "泰国",
    "意": "意大利",
    "西": "西班牙",
    "荷": "荷兰",
    "瑞": "瑞士",
    "加": "加拿大",
    "新": "新加坡",
    "马": "马来西亚",
    "埃": "埃及",
    "叙": "叙利亚",
    "沙": "沙特阿拉伯",
    "华": "中国",
    "藏": "西藏",
    "柬": "柬埔寨",
    "秘": "秘鲁",
    "乌": "乌克兰",
    "土": "土耳其",
    "蒙": "蒙古国",
    "哈": "哈萨克斯坦",
    "老": "老挝",
    "缅": "缅甸",
}


class EntityRecognizer:
    """Finds PERSON, ORG, GPE, LOC, PRODUCT and TITLE spans in text.

    ``use_model=False`` gives the rules-and-lexicons preset.  ``lexicons`` adds user
    lexicon files (same TSV format as the shipped ones; later entries win).
    """

    def __init__(
        self,
        use_model: bool = True,
        model_path: str | None = None,
        lexicons: Sequence[str] = (),
        propagate_names: bool = True,
    ) -> None:
        self.lexicon: Lexicon = load_lexicon(tuple(lexicons))
        self.tagger = None
        if use_model:
            from newsie.ner.crf import load_tagger

            self.tagger = load_tagger(model_path)
        self.propagate_names = propagate_names

    # -- candidates ---------------------------------------------------------------------

    def _model(self, text: str, chunks: Iterable[tuple[int, int]] | None) -> list[Candidate]:
        if self.tagger is None:
            return []
        pieces = list(chunks or [(0, len(text))])
        found = self.tagger.spans_many([text[start:end] for start, end in pieces])
        return [
            Candidate(start + s, start + e, label, "model")
            for (start, _), spans in zip(pieces, found)
            for s, e, label in spans
        ]

    def candidates(
        self, text: str, chunks=None, bounds: Callable[[], set[int]] | None = None
    ) -> list[Candidate]:
        """Merged, resolved candidates (sorted, non-overlapping).

        ``bounds``: where the segmenter's words start and end, when known: a name the
        model runs into a one-character adverb gives it back (陳虹秀|亦).

        Lexicon, rules and model run on :func:`matching_view` (Traditional -> Simplified,
        full-width -> half-width, same length), so offsets are offsets in ``text``: cut
        surfaces from the original text.  Lexicon canonicals are Simplified; other names
        are Simplified too when the document is Traditional (see :func:`~newsie.io.clean.is_traditional`).
        """
        original, text = text, matching_view(text)
        matches = self.lexicon.matches(text)
        lexical = [
            Candidate(
                m.start,
                m.end,
                m.entry.label,
                "lexicon",
                m.entry.canonical,
                m.entry.entity_id,
                weak=m.entry.label == "TITLE"
                or (m.entry.label == "PERSON" and m.entry.surface != m.entry.canonical),
            )
            for m in matches
        ]
        lexical = [_deputy(text, c) for c in lexical]
        rules = apply_rules(text, self.lexicon, matches, recall_rules=self.tagger is None)
        strong = merge(lexical + rules)
        model = [m for m in self._model(text, chunks) if plausible_model(text, m, self.lexicon)]
        merged = merge_model(strong, model, self.lexicon, text)
        # Names not in the lexicon take their canonical form from the text: the Simplified
        # view for a Traditional document, else the original (per-character T2S would turn
        # the Simplified name 王丙乾 into 王丙干).
        traditional = (
            text is not original  # the view differs: by width only, or by script too?
            and text != to_halfwidth(original)
            and is_traditional(original)
        )
        names = text if traditional else original
        merged = [_trim_shared_suffix(text, c) for c in merged]
        if bounds is not None:
            merged = _off_adverbs(text, merged, bounds)
            merged = _off_a_word_before(text, merged, bounds, self.lexicon)
        if ")日" in text or "）日" in text:
            merged = _outside_dates(text, merged)
        titles = [c for c in lexical if c.label == "TITLE"]
        merged = _off_conjunctions(text, merged)
        if bounds is not None:
            merged = _coordinated_names(text, merged, bounds)
        merged = _split_name_and_title(text, merged, titles)
        merged = _party_and_member(text, merged, lexical)
        merged = _body_name_title(text, merged, titles)
        merged = _title_after_body(merged, titles)
        if self.propagate_names:
            merged = propagate(names, merged, full_names(merged, names))
        return resolve(names, merged)


#: Words that begin with the last character of a place name (北京城|管 is 北京|城管,
#: 天津港|口 is 天津|港口): a place that ends where one of them begins gives that
#: character back to the word.
_SHARED_SUFFIX_WORDS = frozenset({"城管", "城区", "港口", "港区", "岛民", "镇民", "村民", "省份"})


def _deputy(text: str, c: Candidate) -> Candidate:
    """A title with 副 before it is the deputy's title (副社长, 副检察长), not the
    principal's: the lexicon lists only some deputies."""
    if c.label != "TITLE" or text[c.start - 1 : c.start] != "副" or text[c.start - 2 : c.start] == "正副":
        return c
    canonical = "副" + (c.canonical or text[c.start : c.end])
    return Candidate(c.start - 1, c.end, c.label, c.source, canonical, c.entity_id, c.weak)


def _trim_shared_suffix(text: str, c: Candidate) -> Candidate:
    """``c`` without its last character when that character begins a common word that
    runs on past the name (北京城管执法人员 holds no place 北京城)."""
    if (
        c.label in ("LOC", "GPE")
        and c.end - c.start >= 3
        and text[c.end - 1 : c.end + 1] in _SHARED_SUFFIX_WORDS
    ):
        return Candidate(c.start, c.end - 1, c.label, c.source, None, None, c.weak)
    return c


def _split_name_and_title(
    text: str, cands: list[Candidate], titles: list[Candidate]
) -> list[Candidate]:
    """A model or rule span made of a person's name and the title after it (黄伟哲市长 as ORG)
    is the person and the title: the name is two or three characters after a surname."""
    if not titles:
        return cands
    ends = {t.end: t for t in titles}
    out = []
    for c in cands:
        title = ends.get(c.end) if c.source in ("model", "rule") and c.label != "PERSON" else None
        name = text[c.start : title.start] if title is not None else ""
        if 2 <= len(name) <= 3 and starts_with_surname(name) and name.isalpha():
            out.append(Candidate(c.start, title.start, "PERSON", "model"))
            out.append(title)
        else:
            out.append(c)
    return out


#: What ends the name of a body or a group, not a person's (国民党中常会, 民进党籍立委会).
_BODY_END = BODY_NAME_ENDS | frozenset("党团组社盟联队籍")


def _party_and_member(
    text: str, cands: list[Candidate], lexical: list[Candidate]
) -> list[Candidate]:
    """A model organisation made of a known organisation and the person after it
    (民建联黄俊硕, 公民党杨岳桥: Hong Kong news names a member by party) is the two; so is
    an organisation that took the surname of the person after it (自由党易|志明)."""
    known = {c.start: c.end for c in lexical if c.label == "ORG"}
    if not known:
        return cands
    persons = {c.start: c for c in cands if c.label == "PERSON"}
    out, dropped = [], set()
    for c in cands:
        end = known.get(c.start)
        rest = text[end : c.end] if end is not None else ""
        if c.source != "model" or c.label != "ORG" or not rest or not rest.isalpha():
            out.append(c)
            continue
        after = persons.get(c.end)
        if 2 <= len(rest) <= 3 and starts_with_surname(rest) and rest[-1] not in _BODY_END:
            out += [Candidate(c.start, end, "ORG", "lexicon"), Candidate(end, c.end, "PERSON", "model")]
        elif len(rest) == 1 and after is not None and after.length <= 2 and starts_with_surname(rest):
            out += [Candidate(c.start, end, "ORG", "lexicon"), Candidate(end, after.end, "PERSON", "model")]
            dropped.add(id(after))
        else:
            out.append(c)
    return [c for c in out if id(c) not in dropped]


def _body_name_title(
    text: str, cands: list[Candidate], titles: list[Candidate]
) -> list[Candidate]:
    """A model organisation that runs from a body's name through its head's name into the
    title (體育局陳良乾局|長: 體育局, 陳良乾, 局長) is the three."""
    if not titles:
        return cands
    out = []
    for c in cands:
        title = next(
            (t for t in titles if c.start < t.start < c.end < t.end), None
        ) if c.source == "model" and c.label == "ORG" else None
        split = None
        if title is not None:
            middle = text[c.start : title.start]
            for size in (3, 2):
                k = len(middle) - size
                if k >= 2 and middle[k - 1] in BODY_NAME_ENDS and starts_with_surname(middle[k:]):
                    split = k
                    break
        if split is None:
            out.append(c)
            continue
        out += [
            Candidate(c.start, c.start + split, "ORG", "model"),
            Candidate(c.start + split, title.start, "PERSON", "model"),
            title,
        ]
    return out


def _title_after_body(cands: list[Candidate], titles: list[Candidate]) -> list[Candidate]:
    """A title the lexicon knows with its body's last word (市委书记) that an organisation
    named in full took the head of (中山市委|书记): the rest after the organisation is the
    title, as the guidelines give the post (书记) apart from the body (中山市委)."""
    if not titles:
        return cands
    orgs = {c.end: c for c in cands if c.label == "ORG"}
    starts = {c.start for c in cands}
    added = []
    for t in titles:
        for end in range(t.start + 1, t.end - 1):
            org = orgs.get(end)
            if org is not None and org.start < t.start and end not in starts:
                added.append(Candidate(end, t.end, "TITLE", "lexicon", weak=True))
                break
    return sorted(cands + added, key=lambda c: c.start) if added else cands


#: One-character adverbs the model runs into the name before them (陳虹秀|亦上台).
_NAME_TAIL_WORDS = frozenset("亦也都则又便就才均曾已将再仍却并即还")


def _off_adverbs(
    text: str, cands: list[Candidate], bounds: Callable[[], set[int]]
) -> list[Candidate]:
    """Each model person without the one-character adverb it ran into, when the segmenter
    makes that adverb a word of its own (陳虹秀|亦|上台).  The segmenter's other cuts are
    not trusted inside names (周鸿祎能|给, 穆伊|兹将).  ``bounds`` is called once, if a
    name ends in such a character."""
    words = None
    out = []
    for c in cands:
        if (
            c.source == "model"
            and c.label == "PERSON"
            and c.end - c.start >= 4
            and text[c.end - 1] in _NAME_TAIL_WORDS
        ):
            words = bounds() if words is None else words
            if c.end - 1 in words and c.end in words:
                c = Candidate(c.start, c.end - 1, c.label, c.source, None, None, c.weak)
        out.append(c)
    return out


def _off_a_word_before(
    text: str, cands: list[Candidate], bounds: Callable[[], set[int]], lexicon: Lexicon
) -> list[Candidate]:
    """Each model person without the last character of the word before it, when the
    segmenter ends that word inside the name and the rest is a person the lexicon knows
    (抗議|特朗普: 議特朗普 is 特朗普).  ``bounds`` is called once, if such a name is found."""
    words = None
    out = []
    for c in cands:
        if c.source == "model" and c.label == "PERSON" and c.end - c.start >= 3:
            entry = lexicon.get(text[c.start + 1 : c.end])
            if entry is not None and entry.label == "PERSON":
                words = bounds() if words is None else words
                if c.start not in words and c.start + 1 in words:
                    c = Candidate(c.start + 1, c.end, c.label, c.source, None, None, c.weak)
        out.append(c)
    return out


#: Conjunctions and prepositions that join two parties (主席同敏昂莱, 总统与马克龙).
_JOINING_WORDS = frozenset("同与和跟")


#: Verbs of acting together that stand between two parties (南市社會局|攜手|…基金會, 腾讯|联手|京东).
_TOGETHER = ("携手", "联手", "偕同", "会同", "连同")


def _off_conjunctions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Each model person without the conjunction it ran into, when a person or a title
    ends right before it (习近平主席|同|敏昂莱): two parties joined, not a name 同敏昂莱;
    and each model name without a verb of acting together it ran into, when a name ends
    right before it (南市社會局|攜手|財團法人…基金會)."""
    ends = {c.end for c in cands if c.label in ("PERSON", "TITLE")}
    names = {c.end for c in cands if c.label != "TITLE"}
    out = []
    for c in cands:
        if (
            c.source == "model"
            and c.label == "PERSON"
            and c.end - c.start >= 3
            and text[c.start] in _JOINING_WORDS
            and c.start in ends
        ):
            c = Candidate(c.start + 1, c.end, c.label, c.source, None, None, c.weak)
        elif (
            c.source == "model"
            and c.end - c.start >= 4
            and text.startswith(_TOGETHER, c.start)
            and c.start in names
        ):
            c = Candidate(c.start + 2, c.end, c.label, c.source, None, None, c.weak)
        out.append(c)
    return out


#: What joins a name to the person after it in a list (黃之鋒、林朗彥).
_LIST_JOINERS = frozenset("、及和与與")
#: A name joined to a person's (黃之鋒及周庭, 林朗彥（25歲）及周庭): what may stand between
#: them, a joiner (or 同) after an age in brackets, and a short description (前成員).
_JOINED_NAME = re.compile(
    rf"(?:[(（]\d{{1,3}}[歲岁][)）])?[{''.join(sorted(_LIST_JOINERS))}同]"
    r"(?:前|原)?(?:成員|成员|主席|會長|会长)?"
)


def _coordinated_names(
    text: str, cands: list[Candidate], bounds: Callable[[], set[int]]
) -> list[Candidate]:
    """Each word of two or three characters the segmenter cut whole, beginning with a
    surname and joined to a person by a conjunction (黃之鋒及周庭), as a person too: the
    members of a list of people are people.  ``bounds`` is called once, if any person is
    joined to an untagged word."""
    starts = {c.start for c in cands}
    taken = bytearray(len(text) + 1)
    for c in cands:
        taken[c.start : c.end] = b"\x01" * c.length
    words: set[int] | None = None
    added = []

    def a_name(start: int, end: int) -> bool:
        nonlocal words
        name = text[max(0, start) : end]
        if len(name) < end - start or not name.isalpha() or taken.find(1, start, end) != -1:
            return False
        if not starts_with_surname(name):
            return False
        if end in starts:  # 國王…和王后|蘇提達: a word before a name is its title
            return False
        words = bounds() if words is None else words
        if not (start in words and end in words and not any(k in words for k in range(start + 1, end))):
            return False
        # one character left over before a break (沈求|我,) is the end of a longer name
        return not (text[end : end + 1].isalpha() and not text[end + 1 : end + 2].isalpha())

    def add(start: int, end: int) -> None:
        added.append(Candidate(start, end, "PERSON", "rule"))
        taken[start:end] = b"\x01" * (end - start)

    for c in cands:
        if c.label != "PERSON":
            continue
        joint = _JOINED_NAME.match(text, c.end)
        if joint is not None and joint.end() not in starts:
            start = joint.end()  # after the person: 黃之鋒及|周庭
            end = next((e for e in (start + 3, start + 2) if a_name(start, e)), None)
            if end is not None:
                add(start, end)
        if text[c.start - 1 : c.start] in _LIST_JOINERS:
            end = c.start - 1  # before it: 黃之鋒|、林朗彥
            start = next((s for s in (end - 3, end - 2) if a_name(s, end)), None)
            if start is not None:
                add(start, end)
    return sorted(cands + added, key=lambda c: c.start) if added else cands


#: A day written the way Taiwanese and Hong Kong releases date their news, with what may
#: follow it: 今(27)日上午, 昨（9）日.
_BRACKETED_DAY = re.compile(r"[今昨明前本去]?[(（]\d{1,2}[)）]日(?:上午|下午|中午|晚上|晚间|早上|凌晨)?[於于在]?")


def _outside_dates(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Candidates cut back to the text outside a bracketed day (日臺南市政府 in 昨(9)日臺南市政府,
    台南市政府今 in 台南市政府今(27)日): the model runs names into the date around them."""
    days = [m.span() for m in _BRACKETED_DAY.finditer(text)]
    if not days:
        return cands
    out = []
    for c in cands:
        start, end = c.start, c.end
        for a, b in days:
            if a < end and start < b:  # overlaps the day: keep the longer side outside it
                start, end = (b, end) if end - b >= a - start else (start, a)
                while end > start and text[end - 1] in "於于在":  # 臺南博物館節於|今(17)日
                    end -= 1
        if end - start == c.length:
            out.append(c)
        elif end - start >= 2:
            out.append(Candidate(start, end, c.label, c.source, None, None, c.weak))
    return out


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping subset: longest first; on equal length lexicon beats rule."""
    kept: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=lambda c: (-c.length, c.source != "lexicon", c.start)):
        if taken.find(1, c.start, c.end) == -1:
            taken[c.start : c.end] = b"\x01" * c.length
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


_GENERIC_END = ("团队",)
#: Whitespace inside, or punctuation at either end: the model ran across a boundary.
_BAD_MODEL_SPAN = re.compile(r"\s|[【】「」“”。，、：；！？（）(),:;!?]|^[^\w《]|[^\w》]$")


#: What a model ORG may add around a rule ORG (中共X市委, 第九届X, X党委, X美术系).
_ORG_PREFIX = re.compile(r"^(?:第.{1,3}届|中共|中国)?$")
_ORG_UNIT_END = re.compile(r"(?:党委|委|会|团|院|中心|分行|支行|公司|系|所|部|处|局|厂|队|组|办)$")


def _model_wins(m: Candidate, hits: list[Candidate], lexicon: Lexicon, text: str) -> bool:
    hits = [
        h
        for h in hits
        if not (
            h.weak
            # a lone surname (潘|顾天) is no better name than the rule's
            and (
                h.label == "TITLE"
                or (m.label == h.label == "PERSON" and m.length > 1)
                or m.length >= h.length
            )
        )
    ]
    if not hits:
        return True
    if not all(m.contains(h) and h.length < m.length for h in hits):
        return False
    if any(h.source == "rule" for h in hits):
        if m.label != "ORG" or len(hits) != 1:
            return False
        h = hits[0]
        prefix, suffix = text[m.start : h.start], text[h.end : m.end]
        prefix_ok = (
            _ORG_PREFIX.match(prefix)
            or (lexicon.get(prefix) or Entry("", "", "", "")).label == "GPE"
        )
        return bool(prefix_ok) and (not suffix or bool(_ORG_UNIT_END.search(suffix)))
    if m.label == "ORG":
        return True
    return len(hits) == 1 and hits[0].label in ("GPE", "LOC")


#: Kinship nouns the model runs into a name (妻子梅·哈斯克尔): a relation, not the name.
_KIN = frozenset(
    (
        "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "哥哥", "姐姐", "弟弟", "妹妹", "女友",
        "男友", "前妻", "前夫", "孙子", "孙女", "夫人", "太太", "遗孀", "侄子", "外孙",
    )
)


def _trim_relations(
    model: list[Candidate], strong: list[Candidate], lexicon: Lexicon, text: str
) -> list[Candidate]:
    """A model PERSON that starts with a relation or a title before a dotted name the rules
    found (妻子|梅·哈斯克尔) starts where the name does."""
    dotted = [
        h
        for h in strong
        if h.weak and h.label == "PERSON" and any(c in DOTS for c in text[h.start : h.end])
    ]
    if not dotted:
        return model
    starts = [h.start for h in dotted]  # strong candidates do not overlap: sorted by start
    out = []
    for m in model:
        if m.label == "PERSON":  # the dotted names starting inside it
            for h in dotted[bisect_right(starts, m.start) : bisect_left(starts, m.end)]:
                prefix = text[m.start : h.start]
                entry = lexicon.get(prefix)
                if prefix in _KIN or (entry is not None and entry.label == "TITLE"):
                    m = Candidate(h.start, m.end, m.label, m.source)
        out.append(m)
    return out


def plausible_model(text: str, m: Candidate, lexicon: Lexicon) -> bool:
    """Drop model spans the rules own (Latin script) and generic team/company nouns."""
    surface = text[m.start : m.end]
    if _BAD_MODEL_SPAN.search(surface):
        return False
    before = text[max(0, m.start - 2) : m.start]
    if before[-1:].isdigit() or before == "平方":
        return False  # a unit after a number: 110平方米户外花园
    for word in _LATIN.findall(surface):
        if word in ACRONYMS or lexicon.get(word) is not None or len(word) == len(surface):
            return False
    if m.label == "ORG" and surface.endswith(_GENERIC_END):
        return False
    if m.label in ("ORG", "PERSON") and NO_NAME_VERBS.search(surface, 1):
        return False  # 保利协鑫能源宣布与隆基股份: two names and the verb between them
    if m.label == "PERSON" and surface[1:2] == "官":
        return False  # 李官斥責他, 王官判刑: Hong Kong's "magistrate Li", no name
    return True


def merge_model(
    strong: list[Candidate], model: list[Candidate], lexicon: Lexicon, text: str
) -> list[Candidate]:
    """Add model spans where they do not clash with lexicon/rule candidates.

    A model ORG that strictly contains only lexicon spans (中国银行卢森堡分行 around
    中国银行 and 卢森堡) replaces them, as does a model LOC/PERSON around a single place
    (杭州湾 around 杭州); a model PERSON replaces an overlapping weak dotted-name guess.
    Otherwise lexicon and rule candidates win.
    """
    model = _trim_relations(model, strong, lexicon, text)
    result: dict[int, Candidate] = dict(enumerate(strong))
    owner = [-1] * len(text)
    for index, c in result.items():
        owner[c.start : c.end] = [index] * c.length
    for m in model:
        hit_ids = set(owner[m.start : m.end])
        hit_ids.discard(-1)
        hits = [result[i] for i in hit_ids]
        if hits and not _model_wins(m, hits, lexicon, text):
            continue
        for i in hit_ids:
            h = result.pop(i)
            owner[h.start : h.end] = [-1] * h.length
        index = len(text) + m.start  # model spans never overlap: unique
        owner[m.start : m.end] = [index] * m.length
        result[index] = m
        entry = lexicon.get(text[m.start : m.end])
        if entry is not None:
            m.label, m.canonical, m.entity_id = entry.label, entry.canonical, entry.entity_id
        elif m.label == "LOC" and text[m.start : m.end] in ABBREVIATIONS:
            full = lexicon.get(ABBREVIATIONS[text[m.start : m.end]])
            m.label = "GPE"
            if full is not None:
                m.canonical, m.entity_id = full.canonical, full.entity_id
        elif m.label == "LOC" and text[m.start : m.end].endswith(GPE_SUFFIXES):
            m.label = "GPE"
    return sorted(result.values(), key=lambda c: c.start)
