"""newsie's entity labels and how they map to and from other NER schemes.

newsie labels: PERSON, ORG, GPE (countries, provinces, cities, districts),
LOC (other places, facilities, estates), PRODUCT and TITLE (job titles).
"""

from __future__ import annotations

LABELS = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "TITLE")

#: Labels a model trained on MSRA / People's Daily produces (newsie side).
MODEL_LABELS = ("PERSON", "ORG", "LOC")

#: MSRA / People's Daily (PER, LOC, ORG) -> newsie.
FROM_MSRA = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "NR": "PERSON", "NS": "LOC", "NT": "ORG"}
#: newsie -> MSRA / People's Daily; PRODUCT and TITLE have no counterpart (dropped).
TO_MSRA = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

#: CLUENER2020 -> newsie (address is GPE or LOC in newsie; both score as LOC).
FROM_CLUENER = {
    "name": "PERSON",
    "company": "ORG",
    "organization": "ORG",
    "government": "ORG",
    "address": "LOC",
    "scene": "LOC",
    "position": "TITLE",
    "game": "PRODUCT",
    "movie": "PRODUCT",
    "book": "PRODUCT",
}
#: newsie -> coarse CLUENER comparison classes used by the benchmark.
TO_CLUENER = {
    "PERSON": "name",
    "ORG": "org",  # company | organization | government
    "GPE": "address",
    "LOC": "address",  # scene is folded in as well
    "TITLE": "position",
    "PRODUCT": "product",  # game | movie | book
}
#: CLUENER -> the same coarse comparison classes.
CLUENER_COARSE = {
    "name": "name",
    "company": "org",
    "organization": "org",
    "government": "org",
    "address": "address",
    "scene": "address",
    "position": "position",
    "game": "product",
    "movie": "product",
    "book": "product",
}

#: OntoNotes 5 -> newsie (labels not listed are not entities for newsie).
FROM_ONTONOTES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "NORP": None,
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "PRODUCT",
}
#: Weibo NER (PER/ORG/LOC/GPE, .NAM names and .NOM nominals) -> newsie.
FROM_WEIBO = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}

#: Labels of HanLP's MSRA-style NER models -> newsie.
FROM_HANLP = {
    "NR": "PERSON",
    "NS": "LOC",
    "NT": "ORG",
    "PERSON": "PERSON",
    "LOCATION": "LOC",
    "ORGANIZATION": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "ORG": "ORG",
    "PER": "PERSON",
    "FAC": "LOC",
    "PRODUCT": "PRODUCT",
}


def to_newsie(label: str) -> str | None:
    """Map any known scheme's label to a newsie label (None: not an entity for newsie)."""
    if label in LABELS:
        return label
    for table in (FROM_MSRA, FROM_ONTONOTES, FROM_CLUENER, FROM_HANLP):
        if label in table:
            return table[label]
    return None


def to_scheme(label: str, scheme: str) -> str | None:
    """Map a newsie label to ``scheme`` ('msra', 'cluener', 'newsie') for scoring."""
    if scheme == "msra":
        return TO_MSRA.get(label)
    if scheme == "cluener":
        return TO_CLUENER.get(label)
    return label
