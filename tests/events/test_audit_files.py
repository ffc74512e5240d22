"""The files of the precision audit (benchmarks/news_gold/audit.py) are well formed: every
judged event names an audited article, a verdict and, for a wrong one, a known class;
the events of one happening share a key within their article and type."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "news_gold"
CLASSES = {"generic", "sense", "type", "name", "call", "other"}


def _rows() -> list[dict]:
    with (GOLD / "audit_judged.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _articles() -> set[str]:
    lines = (GOLD / "audit_articles.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def test_every_judgment_is_complete():
    articles = _articles()
    for row in _rows():
        assert row["id"] in articles, row
        assert 0 <= row["start"] < row["end"], row
        if row["verdict"] == "Y":
            assert row["happening"] and row["wrong"] is None, row
        else:
            assert row["verdict"] == "N" and row["happening"] is None, row
            assert row["wrong"] in CLASSES, row


def test_no_event_is_judged_twice_and_no_article_is_in_the_gold_set():
    rows = _rows()
    keys = [(r["id"], r["type"], r["start"], r["end"]) for r in rows]
    assert len(keys) == len(set(keys))
    with (GOLD / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = {json.loads(line)["id"] for line in handle}
    assert not gold & _articles()


def test_happening_keys_stay_within_their_type():
    """A key names one happening of one type in one article: the same key under two
    types would let one event count another type's happening."""
    types = defaultdict(set)
    for row in _rows():
        if row["verdict"] == "Y":
            types[row["id"], row["happening"]].add(row["type"])
    assert {k: v for k, v in types.items() if len(v) > 1} == {}


def test_fresh_traditional_annotations_are_complete():
    """benchmarks/news_gold/fresh_traditional.jsonl: two annotators' events (type, mention
    offsets, status) on articles outside the gold set and the audit."""
    types = set((GOLD / "types.txt").read_text(encoding="utf-8").split())
    with (GOLD / "fresh_traditional.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    with (GOLD / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = {json.loads(line)["id"] for line in handle}
    assert records and not ({r["id"] for r in records} & (gold | _articles()))
    for record in records:
        for event in record["annotator_a"] + record["annotator_b"]:
            assert event["type"] in types, event
            assert event["status"] in {"happened", "planned", "denied", "reported"}, event
            assert event["mentions"] == sorted(event["mentions"]), event
            assert all(0 <= s < e for s, e in event["mentions"]), event


def test_dev_extensions_are_dev_articles_of_no_other_set():
    """benchmarks/news_gold/trad_dev.jsonl, simp_dev.jsonl, fresh_dev.jsonl, fresh_check.jsonl,
    fresh_dev2.jsonl, fresh_dev3.jsonl, fresh_dev4.jsonl and fresh_dev5.jsonl: adjudicated events of fresh articles, all in the dev split, in
    neither the gold set, the audit, the fresh Traditional set nor each other."""
    types = set((GOLD / "types.txt").read_text(encoding="utf-8").split())

    def ids(name: str) -> list[str]:
        with (GOLD / name).open(encoding="utf-8") as handle:
            return [json.loads(line)["id"] for line in handle]

    others = set(ids("gold.jsonl")) | set(ids("fresh_traditional.jsonl")) | _articles()
    seen: set[str] = set()
    sets = (
        ("trad_dev.jsonl", {"traditional"}, 32),
        ("simp_dev.jsonl", {"simplified"}, 32),
        ("fresh_dev.jsonl", {"simplified", "traditional"}, 24),
        ("fresh_check.jsonl", {"simplified", "traditional"}, 24),
        ("fresh_dev2.jsonl", {"simplified", "traditional"}, 60),
        ("fresh_dev3.jsonl", {"simplified", "traditional"}, 60),
        ("fresh_dev4.jsonl", {"simplified", "traditional"}, 50),
        ("fresh_dev5.jsonl", {"simplified", "traditional"}, 40),
    )
    for name, scripts, count in sets:
        with (GOLD / name).open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        assert len(records) == len({r["id"] for r in records}) == count
        assert not ({r["id"] for r in records} & (others | seen))
        seen |= {r["id"] for r in records}
        for record in records:
            assert record["split"] == "dev" and record["script"] in scripts
            for event in record["events"]:
                assert event["type"] in types, event
                assert all(0 <= s < e for s, e in event["mentions"]), event
                assert all(0 <= a["start"] < a["end"] for a in event["arguments"]), event


def test_the_fresh_coverage_pass_covers_the_fresh_dev_articles_only():
    """coverage_fresh*.jsonl: offsets and labels of the 84 fresh dev articles (never of
    fresh_check's), each type a built-in one or null; the retyped file differs from the
    adjudicated one only in types given to untyped happenings, as both retypings agree."""
    fresh = _ids("fresh_dev.jsonl") | _ids("fresh_dev2.jsonl")
    for name in ("coverage_fresh_a.jsonl", "coverage_fresh_b.jsonl", "coverage_fresh.jsonl"):
        _assert_a_coverage_pass(name, fresh)
    adjudicated, retyped = _happenings("coverage_fresh.jsonl"), _happenings("coverage_fresh_retyped.jsonl")
    later = _steps_retyping("coverage_fresh_retyped.jsonl")  # retyped again against desk_steps
    given = []
    for article_id in sorted(adjudicated):
        for before, after in zip(adjudicated[article_id], retyped[article_id], strict=True):
            assert (before["start"], before["end"]) == (after["start"], after["end"])
            if before["type"] is None:
                key = (article_id, after["start"], after["end"])
                given.append("null" if key in later else after["type"] or "null")
            else:
                assert after["type"] == before["type"]

    def retyping(name: str) -> list[str]:
        lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
        return [line.split("\t")[1] for line in sorted(lines, key=lambda x: int(x.split("\t")[0]))]

    assert given == retyping("coverage_fresh_retype_a.tsv") == retyping("coverage_fresh_retype_b.tsv")


def _steps_retyping(name: str) -> dict[tuple[str, int, int], tuple[str, str]]:
    """The happenings of coverage file ``name`` that coverage_retype_steps_a/_b.tsv retyped
    (those still untyped when desk_steps.toml was written): (id, start, end) -> the two
    annotators' types."""
    rows = {}
    for who in "ab":
        lines = (GOLD / f"coverage_retype_steps_{who}.tsv").read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            file, article_id, start, end, kind = line.split("\t")
            if file == name:
                rows.setdefault((article_id, int(start), int(end)), []).append(kind)
    return {key: tuple(kinds) for key, kinds in rows.items()}


def test_the_steps_retyping_of_every_pass_agrees_and_is_applied():
    """coverage_retype_steps_a/_b.tsv: two annotators' types, among desk_steps.toml's 13 or
    null, for the happenings the three passes still left untyped; they agree on all but a
    few, and each retyped file carries their type (an adjudicated one of the two where they
    differ) and otherwise what it held."""
    steps = _desk_types("desk_steps")
    pairs = {}
    for name, before in (
        ("coverage_retyped.jsonl", None),
        ("coverage_fresh_retyped.jsonl", None),
        ("coverage_fresh3_retyped.jsonl", "coverage_fresh3.jsonl"),
    ):
        rows = _steps_retyping(name)
        assert rows, name
        retyped = _happenings(name)
        found = {(i, h["start"], h["end"]): h for i, hs in retyped.items() for h in hs}
        for key, (a, b) in rows.items():
            assert {a, b} <= steps | {"null"}
            assert (found[key]["type"] or "null") in {a, b}
            pairs[name, key] = (a, b)
        if before is not None:  # the third pass's retyped file differs only where retyped
            for article_id, happenings in _happenings(before).items():
                for old, new in zip(happenings, retyped[article_id], strict=True):
                    if (article_id, old["start"], old["end"]) not in rows:
                        assert old == new
    agreed = sum(a == b for a, b in pairs.values())
    assert agreed >= 0.95 * len(pairs)


def test_the_gold_coverage_retyping_against_the_fresh_types_agrees():
    """coverage_retype_fresh_a/_b.tsv: both annotators' types for the happenings the gold
    set's coverage pass had left untyped, by their order; only types of desk_fresh.toml."""
    fresh = _desk_types("desk_fresh")
    a, b = (
        (GOLD / f"coverage_retype_fresh_{x}.tsv").read_text(encoding="utf-8").splitlines()
        for x in "ab"
    )
    assert a and sorted(a) == sorted(b)
    assert [int(line.split("\t")[0]) for line in a] == list(range(len(a)))
    assert {line.split("\t")[1] for line in a} <= fresh | {"null"}


def test_the_third_coverage_pass_covers_fresh_dev3_only():
    """coverage_fresh3*.jsonl: offsets and labels of the 60 articles of fresh_dev3, each type
    a built-in one or null; the adjudicated pass keeps only happenings of the raw passes'
    kinds (no text of the articles)."""
    for name in (
        "coverage_fresh3_a.jsonl",
        "coverage_fresh3_b.jsonl",
        "coverage_fresh3.jsonl",
        "coverage_fresh3_retyped.jsonl",
    ):
        _assert_a_coverage_pass(name, _ids("fresh_dev3.jsonl"))


def test_the_fourth_coverage_pass_covers_fresh_dev4_only():
    """coverage_fresh4*.jsonl: offsets and labels of the 50 articles of fresh_dev4, each type
    a built-in one or null (no text of the articles)."""
    for name in (
        "coverage_fresh4_a.jsonl",
        "coverage_fresh4_b.jsonl",
        "coverage_fresh4.jsonl",
        "coverage_fresh4_retyped.jsonl",
    ):
        _assert_a_coverage_pass(name, _ids("fresh_dev4.jsonl"))


def test_the_crime_retyping_agrees_and_is_applied():
    """coverage_retype_crime_a/_b.tsv: two annotators' types, among desk_crime.toml's 3 or
    null, for every happening the four passes still left untyped; coverage_fresh4_retyped
    carries their types and otherwise what coverage_fresh4 held."""
    crime = _desk_types("desk_crime")
    a, b = (
        (GOLD / f"coverage_retype_crime_{x}.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for x in "ab"
    )
    assert len(a) == len(b) and sum(x == y for x, y in zip(a, b)) >= 0.95 * len(a)
    rows = {}
    for line in a:
        file, article_id, start, end, kind = line.split("\t")
        assert kind in crime | {"null"}
        rows[file, article_id, int(start), int(end)] = kind
    untyped = {
        (name, article_id, h["start"], h["end"])
        for name in ("coverage_retyped.jsonl", "coverage_fresh_retyped.jsonl",
                     "coverage_fresh3_retyped.jsonl", "coverage_fresh4.jsonl")
        for article_id, hs in _happenings(name).items()
        for h in hs
        if h["type"] is None
    }
    assert untyped <= set(rows)  # every happening untyped before is retyped
    before, after = _happenings("coverage_fresh4.jsonl"), _happenings("coverage_fresh4_retyped.jsonl")
    assert before.keys() == after.keys()
    for article_id, happenings in before.items():
        for old, new in zip(happenings, after[article_id], strict=True):
            kind = rows.get(("coverage_fresh4.jsonl", article_id, old["start"], old["end"]), "null")
            if kind == "null":
                assert old == new
            else:
                assert new == {**old, "type": kind, "retyped": True}


def _desk_types(name: str) -> set[str]:
    """The types of template file corpora/templates/ace/``name``.toml."""
    import tomllib

    path = GOLD.parents[1] / f"corpora/templates/ace/{name}.toml"
    return {t["type"] for t in tomllib.loads(path.read_text(encoding="utf-8"))["template"]}


def _happenings(name: str) -> dict[str, list[dict]]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        return {r["id"]: r["happenings"] for r in map(json.loads, handle)}


def _ids(name: str) -> set[str]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        return {json.loads(line)["id"] for line in handle}


def _assert_a_coverage_pass(name: str, articles: set[str]) -> None:
    """A coverage file holds offsets and labels of exactly ``articles``, each type a built-in
    one or null with a label."""
    import newsie

    types = set(newsie.registered_templates())
    found = _happenings(name)
    assert set(found) == articles, name
    for happenings in found.values():
        for h in happenings:
            assert set(h) - {"retyped"} == {"start", "end", "type", "label"}
            assert 0 <= h["start"] < h["end"]
            assert h["type"] is None or h["type"] in types, h
            assert h["type"] is not None or h["label"], h


def test_dev_role_expectations_are_well_formed():
    """benchmarks/news_gold/audit_dev_roles.jsonl: each expectation names an article of
    the development audit, an event judged right there, a kind and spans in order."""
    lines = (GOLD / "audit_dev_articles.txt").read_text(encoding="utf-8").splitlines()
    articles = {line.split("\t")[0] for line in lines if line and not line.startswith("#")}
    with (GOLD / "audit_dev_judged.jsonl").open(encoding="utf-8") as handle:
        right = {
            (r["id"], r["type"], r["start"], r["end"])
            for r in map(json.loads, handle)
            if r["verdict"] == "Y"
        }
    with (GOLD / "audit_dev_roles.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    assert rows
    for row in rows:
        assert row["id"] in articles, row
        assert (row["id"], row["type"], row["start"], row["end"]) in right, row
        assert row["expect"] in {"keep", "fix", "drop", "add"}, row
        assert 0 <= row["span"][0] < row["span"][1], row
        assert ("wrong" in row) == (row["expect"] == "fix"), row
