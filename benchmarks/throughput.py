"""Throughput of newsie: chars/s and docs/s per stage (a first pass, and the shares of a
second, warm one) and end to end, 1 and N processes,
the ``fast`` preset, peak memory, reference tools (jieba posseg, jionlp extract_time, a
spaCy NER model) with ratios, the one-big-vs-many-small linearity check (time and memory,
each case in a fresh process), and an optional profile.

    python benchmarks/throughput.py                       # everything, default sizes
    python benchmarks/throughput.py --limit 40 --processes 1 2 --linearity-mb 1
    python benchmarks/throughput.py --spacy-model /path/to/zh_core_web_sm --profile

Corpus: ``/work/shared/data/news/xinwenlianbo-2025h2/*.md`` (or ``--corpus GLOB``); each
file is a document published at 19:00 Beijing time on the date in its name (20250701.md).
The script exits cleanly (status 0, a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gc
import glob
import itertools
import json
import os
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_CORPUS = "/work/shared/data/news/xinwenlianbo-2025h2/*.md"


def load_corpus(pattern: str, limit: int | None) -> list[dict]:
    files = sorted(glob.glob(pattern))[: limit or None]
    records = []
    for path in files:
        match = re.search(r"(\d{4})(\d{2})(\d{2})", Path(path).name)
        published = (
            datetime(int(match[1]), int(match[2]), int(match[3]), 19, 0).isoformat()
            if match
            else None
        )
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        records.append({"id": Path(path).stem, "text": text, "published": published})
    return records


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, MB."""
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def current_rss_mb() -> float:
    """Resident memory now, MB (Linux /proc; else the peak so far)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def per_stage(nlp, records) -> dict:
    """Run sequentially with every stage timed; chars/s per stage over all documents."""
    spent: dict[str, float] = {name: 0.0 for name in nlp.stage_names}
    originals = [slot.component for slot in nlp._slots]
    for slot, component in zip(nlp._slots, originals):

        def timed(doc, component=component, name=slot.name):
            start = time.perf_counter()
            try:
                return component(doc)
            finally:
                spent[name] += time.perf_counter() - start

        slot.component = timed
    chars = sum(len(r["text"]) for r in records)
    try:
        start = time.perf_counter()
        docs = list(nlp.pipe(records))
        total = time.perf_counter() - start
    finally:
        for slot, component in zip(nlp._slots, originals):
            slot.component = component
    errors = sum(1 for d in docs for item in d.documents() if item.errors)
    events = sum(len(d.all_events) for d in docs)
    stages = {
        name: {"seconds": round(s, 3), "chars_per_s": round(chars / s) if s else None,
               "share": round(s / total, 3)}
        for name, s in spent.items()
    }
    return {
        "docs": len(docs), "chars": chars, "seconds": round(total, 3),
        "docs_per_s": round(len(docs) / total, 2), "chars_per_s": round(chars / total),
        "events": events, "errors": errors, "stages": stages,
    }


def end_to_end(nlp, records, processes: int, batch_size: int) -> dict:
    chars = sum(len(r["text"]) for r in records)
    gc.collect()  # start clean: the garbage of the timing before is not this one's cost
    start = time.perf_counter()
    docs = list(nlp.pipe(records, n_process=processes, batch_size=batch_size))
    seconds = time.perf_counter() - start
    return {
        "processes": processes, "docs": len(docs), "seconds": round(seconds, 3),
        "docs_per_s": round(len(docs) / seconds, 2), "chars_per_s": round(chars / seconds),
        "events": sum(len(d.all_events) for d in docs),
        "peak_rss_mb_self": round(rss_mb(), 1),
        "peak_rss_mb_children": round(rss_mb(resource.RUSAGE_CHILDREN), 1),
    }


def posseg_runner() -> Callable[[list[dict]], None] | None:
    """A function that runs jieba ``posseg.cut`` over records' texts, with jieba's
    dictionary loaded beforehand (None without jieba)."""
    try:
        import jieba
        from jieba import posseg
    except ImportError:
        return None
    jieba.setLogLevel(60)
    jieba.initialize()

    def run(records: list[dict]) -> None:
        for record in records:
            for _ in posseg.cut(record["text"]):
                pass

    return run


def posseg_seconds(records) -> float | None:
    """Seconds jieba ``posseg.cut`` takes over the records' texts (None without jieba)."""
    run = posseg_runner()
    if run is None:
        return None
    gc.collect()
    start = time.perf_counter()
    run(records)
    return time.perf_counter() - start


def reference_tools(records, spacy_model: str | None) -> dict:
    chars = sum(len(r["text"]) for r in records)
    out: dict[str, dict] = {}
    seconds = posseg_seconds(records)
    if seconds is None:
        out["jieba.posseg.cut"] = {"skipped": "jieba not installed"}
    else:
        out["jieba.posseg.cut"] = {"seconds": round(seconds, 3), "chars_per_s": round(chars / seconds)}
    try:
        import jionlp

        extract_time = getattr(getattr(jionlp, "ner", None), "extract_time", None) or jionlp.extract_time
        sample = records[: max(1, len(records) // 4)]
        sample_chars = sum(len(r["text"]) for r in sample)
        import logging

        logging.disable(logging.ERROR)  # jionlp logs a traceback for every phrase it rejects
        start = time.perf_counter()
        try:
            for record in sample:
                extract_time(record["text"], time_base=time.time(), with_parsing=True)
        finally:
            logging.disable(logging.NOTSET)
        seconds = time.perf_counter() - start
        out["jionlp.extract_time"] = {
            "docs": len(sample), "seconds": round(seconds, 3),
            "chars_per_s": round(sample_chars / seconds),
        }
    except ImportError:
        out["jionlp.extract_time"] = {"skipped": "jionlp not installed"}
    except Exception as exc:  # noqa: BLE001
        out["jionlp.extract_time"] = {"failed": f"{type(exc).__name__}: {exc}"}
    if spacy_model:
        try:
            import spacy

            nlp = spacy.load(spacy_model, exclude=["parser", "lemmatizer"])
            nlp.max_length = max(nlp.max_length, max(len(r["text"]) for r in records) + 1)
            start = time.perf_counter()
            for _ in nlp.pipe(r["text"] for r in records):
                pass
            seconds = time.perf_counter() - start
            out["spacy"] = {"model": spacy_model, "seconds": round(seconds, 3),
                            "chars_per_s": round(chars / seconds)}
        except Exception as exc:  # noqa: BLE001
            out["spacy"] = {"failed": f"{type(exc).__name__}: {exc}"}
    else:
        out["spacy"] = {"skipped": "no --spacy-model PATH given"}
    return out


def _spin(n: int) -> int:
    """A fixed piece of pure-Python work (dict and str operations, as the pipeline does)."""
    counts: dict[int, int] = {}
    total = 0
    for i in range(n):
        counts[i % 997] = counts.get(i % 997, 0) + 1
        total += len(str(i))
    return total


def machine_ceiling(processes: int, n: int = 4_000_000) -> float:
    """What ``processes`` processes give over one on this machine for work that needs no
    communication at all: ``_spin(n)`` in this process, then split across a pool started
    beforehand, then in this process again (the mean of the two single-process timings
    is the reference, so a drift during the measurement shifts both sides alike)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(processes, mp_context=mp.get_context("spawn")) as pool:
        list(pool.map(_spin, [1000] * processes))  # started and warm
        t0 = time.perf_counter()
        _spin(n)
        t1 = time.perf_counter()
        list(pool.map(_spin, [n // processes] * processes))
        t2 = time.perf_counter()
        _spin(n)
        t3 = time.perf_counter()
    return ((t1 - t0) + (t3 - t2)) / 2 / (t2 - t1)


def _timed_copy(config, records, batch_size: int, barrier, results) -> None:
    """One independent copy of the pipeline (see :func:`copies_ceiling`)."""
    import newsie

    nlp = newsie.load(config)
    # one untimed pass, as the process it is compared with has made many: every event
    # type's model built, every cache filled
    list(nlp.pipe(records, batch_size=batch_size))
    barrier.wait()
    start = time.perf_counter()
    list(nlp.pipe(records, batch_size=batch_size))
    results.put(time.perf_counter() - start)


def copies_ceiling(nlp, records, processes: int, batch_size: int, one_process_s: float) -> float:
    """What ``processes`` processes can give over one for this very work on this machine
    when they need no communication at all: that many independent copies of the
    pipeline, each over all the records, started together; their summed throughput over
    that of one process alone (``one_process_s``, timed next to it).  Cores that slow
    each other down (shared caches, memory bandwidth, a host that lends its cores to other
    machines) show here, where a spin loop barely feels them."""
    import multiprocessing as mp

    context = mp.get_context("spawn")
    barrier, results = context.Barrier(processes + 1), context.Queue()
    copies = [
        context.Process(
            target=_timed_copy, args=(nlp.to_config(), records, batch_size, barrier, results)
        )
        for _ in range(processes)
    ]
    for copy in copies:
        copy.start()
    barrier.wait()  # all built and warm: the copies start their timed runs together
    seconds = [results.get() for _ in copies]
    for copy in copies:
        copy.join()
    return one_process_s * sum(1 / s for s in seconds)


def interleaved_seconds(systems: dict, records, chunk: int = 8) -> dict[str, float]:
    """Seconds each system takes over all records, timed chunk by chunk in turn (posseg,
    default, fast on the same few documents, the order rotating from chunk to chunk), so
    that a machine whose speed drifts (a shared virtual machine does, within seconds)
    slows them all alike."""
    totals = dict.fromkeys(systems, 0.0)
    names = list(systems)
    for i in range(0, len(records), chunk):
        part = records[i : i + chunk]
        k = (i // chunk) % len(names)
        for name in names[k:] + names[:k]:
            start = time.perf_counter()
            systems[name](part)
            totals[name] += time.perf_counter() - start
    return totals


def paired_rounds(nlp, fast, records, rounds: int, batch_size: int, processes: int) -> dict:
    """The speed ratios, measured so that the machine's drift cancels out: jieba
    ``posseg.cut``, the default pipeline and the ``fast`` preset interleaved chunk by
    chunk (:func:`interleaved_seconds`); the default pipeline in ``processes`` processes
    timed between two single-process runs (the reference is their mean); and two
    ceilings for that many processes: the machine's for a spin loop
    (:func:`machine_ceiling`) and this machine's for this pipeline, from independent
    copies of it (:func:`copies_ceiling`).  The median of the rounds is reported."""
    run_posseg = posseg_runner()
    if run_posseg is None:
        return {"skipped": "jieba not installed"}

    def runner(pipeline):
        return lambda part: list(pipeline.pipe(part, batch_size=batch_size))

    chars = sum(len(r["text"]) for r in records)
    rows = []
    for _ in range(rounds):
        gc.collect()
        seconds = interleaved_seconds(
            {"posseg": run_posseg, "default": runner(nlp), "fast": runner(fast)}, records
        )
        row = {f"{name}_chars_per_s": chars / s for name, s in seconds.items()}
        row["default / posseg"] = seconds["posseg"] / seconds["default"]
        row["fast / posseg"] = seconds["posseg"] / seconds["fast"]
        if processes > 1:
            before = end_to_end(nlp, records, 1, batch_size)["seconds"]
            parallel = end_to_end(nlp, records, processes, batch_size)["seconds"]
            after = end_to_end(nlp, records, 1, batch_size)["seconds"]
            row[f"default_{processes}_processes_chars_per_s"] = chars / parallel
            row[f"{processes} processes / 1 process"] = (before + after) / 2 / parallel
            row[f"machine ceiling: {processes} processes / 1 process"] = machine_ceiling(processes)
            row[f"pipeline copies ceiling: {processes} processes / 1 process"] = copies_ceiling(
                nlp, records, processes, batch_size, (before + after) / 2
            )
        rows.append({k: round(v, 3) if "/" in k else round(v) for k, v in row.items()})
        print(json.dumps({"paired_round": rows[-1]}), flush=True)
    ratios = [key for key in rows[0] if "/" in key] if rows else []
    from newsie.pipeline import _start_method

    return {"rounds": rows, "workers_started_by": _start_method()} | {
        f"median {key}": round(statistics.median(r[key] for r in rows), 3) for key in ratios
    }


def _linearity_texts(records, megabytes: float, pieces: int) -> tuple[str, list[str]]:
    """One text of ``megabytes`` MB of corpus text, and the same text in ``pieces`` small
    ones cut at line breaks near the even split points (so no word is cut)."""
    corpus = "\n".join(r["text"] for r in records)
    total = int(megabytes * 1_000_000)
    text = (corpus * (total // max(1, len(corpus)) + 1))[:total]
    size = total // pieces
    cuts, position = [0], 0
    for _ in range(pieces - 1):
        position += size
        newline = text.find("\n", position)
        position = newline + 1 if 0 <= newline < position + size else position
        cuts.append(min(position, total))
    cuts.append(total)
    return text, [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def _linearity_case(config, corpus, limit, megabytes, pieces, case, queue) -> None:
    """Run one linearity case in a fresh process: (seconds, peak RSS MB) on the queue."""
    import newsie

    records = load_corpus(corpus, limit)
    nlp = newsie.load(config)
    nlp(records[0]["text"][:2000], published=records[0]["published"])
    text, small = _linearity_texts(records, megabytes, pieces)
    published = records[0]["published"]
    gc.collect()
    base = current_rss_mb()
    start = time.perf_counter()
    if case == "one":
        nlp(text, published=published, max_chars=None)
    else:
        for _ in nlp.pipe({"text": t, "published": published} for t in small):
            pass
    queue.put((time.perf_counter() - start, base, rss_mb(), len(small)))


def linearity(config, corpus, limit, megabytes: float, pieces: int) -> dict:
    """One document of ``megabytes`` MB vs ``pieces`` small documents of the same total
    size, each in a fresh process (so peak memory is its own): a linear pipeline takes
    about as long for both, and the big one needs memory in proportion to its size."""
    import multiprocessing as mp

    context = mp.get_context("spawn")
    out = {}
    for case in ("one", "many"):
        queue = context.Queue()
        process = context.Process(
            target=_linearity_case,
            args=(config, corpus, limit, megabytes, pieces, case, queue),
        )
        process.start()
        out[case] = queue.get()
        process.join()
    (one, one_base, one_peak, n), (many, many_base, many_peak, _) = out["one"], out["many"]
    return {
        "chars": int(megabytes * 1_000_000), "one_doc_s": round(one, 2), "many_docs": n,
        "many_docs_s": round(many, 2), "ratio_one_over_many": round(one / many, 2),
        "within_1.5x": 1 / 1.5 <= one / many <= 1.5,
        "one_doc_peak_rss_mb": round(one_peak, 1),
        "one_doc_rss_growth_mb": round(one_peak - one_base, 1),
        "many_docs_peak_rss_mb": round(many_peak, 1),
        "many_docs_rss_growth_mb": round(many_peak - many_base, 1),
    }


def profile(nlp, records, path: str | None) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    for _ in nlp.pipe(records):
        pass
    profiler.stop()
    if path:
        Path(path).write_text(profiler.output_html(), encoding="utf-8")
    return profiler.output_text(unicode=False, color=False, show_all=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N files")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--spacy-model", default=None, help="path of a spaCy NER model")
    parser.add_argument("--linearity-mb", type=float, default=10.0, help="0 to skip")
    parser.add_argument("--linearity-pieces", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="pyinstrument the pipeline")
    parser.add_argument("--profile-html", default=None)
    parser.add_argument("--json", default=None, help="also write the results here")
    parser.add_argument("--linearity-only", action="store_true",
                        help="skip the throughput and reference measurements")
    parser.add_argument("--rounds", type=int, default=3,
                        help="paired rounds of posseg / default / fast / N processes (0 to skip)")
    args = parser.parse_args(argv)

    records = load_corpus(args.corpus, args.limit)
    if not records:
        print(f"corpus not found ({args.corpus}); nothing to benchmark")
        return 0

    import newsie

    results: dict = {"corpus": args.corpus, "files": len(records)}
    start = time.perf_counter()
    nlp = newsie.load()
    nlp(records[0]["text"][:2000], published=records[0]["published"])  # load models
    results["load_and_warm_s"] = round(time.perf_counter() - start, 2)

    gc.collect()
    lin_args = (args.corpus, args.limit, args.linearity_mb, args.linearity_pieces)
    if args.linearity_only:
        results["linearity"] = linearity(None, *lin_args)
        print(json.dumps({"linearity": results["linearity"]}), flush=True)
        return 0
    results["sequential_per_stage"] = per_stage(nlp, records)
    print(json.dumps({"sequential_per_stage": results["sequential_per_stage"]},
                     ensure_ascii=False, indent=1), flush=True)
    # the first pass pays once for what a stage makes when it first needs it (the events
    # stage builds the model class of each event type it meets); a second pass over the
    # same corpus shows the shares of a pipeline that has met them all
    warm = per_stage(nlp, records)
    results["warm_stage_shares"] = {name: row["share"] for name, row in warm["stages"].items()}
    print(json.dumps({"warm_stage_shares": results["warm_stage_shares"]}), flush=True)
    results["end_to_end"] = []
    for processes in args.processes:
        row = end_to_end(nlp, records, processes, args.batch_size)
        results["end_to_end"].append(row)
        print(json.dumps(row), flush=True)
    fast = newsie.load("fast")
    fast(records[0]["text"][:2000], published=records[0]["published"])
    results["fast_per_stage"] = per_stage(fast, records)
    results["fast_end_to_end"] = end_to_end(fast, records, 1, args.batch_size)
    print(json.dumps({"fast_per_stage": results["fast_per_stage"],
                      "fast_end_to_end": results["fast_end_to_end"]},
                     ensure_ascii=False, indent=1), flush=True)
    # the paired rounds come before the reference tools: importing jionlp starts a native
    # thread (numpy's BLAS), after which workers are spawned, not forked (see
    # newsie.pipeline._start_method), as in any process that has imported numpy
    paired = (
        paired_rounds(nlp, fast, records, args.rounds, args.batch_size, max(args.processes))
        if args.rounds > 0
        else None
    )
    results["reference"] = reference_tools(records, args.spacy_model)
    one = next((r for r in results["end_to_end"] if r["processes"] == 1), None)
    newsie_cps = one["chars_per_s"] if one else results["sequential_per_stage"]["chars_per_s"]
    tokens_cps = results["sequential_per_stage"]["stages"].get("tokens", {}).get("chars_per_s")
    times_cps = results["sequential_per_stage"]["stages"].get("times", {}).get("chars_per_s")
    ratios = {}
    for name, row in results["reference"].items():
        if "chars_per_s" in row:
            ratios[f"newsie_end_to_end / {name}"] = round(newsie_cps / row["chars_per_s"], 3)
            ratios[f"newsie_fast_end_to_end / {name}"] = round(
                results["fast_end_to_end"]["chars_per_s"] / row["chars_per_s"], 3)
    for row in results["end_to_end"]:
        if one and row["processes"] > 1:
            ratios[f"{row['processes']} processes / 1 process"] = round(
                row["chars_per_s"] / one["chars_per_s"], 3)
    if tokens_cps and "chars_per_s" in results["reference"].get("jieba.posseg.cut", {}):
        ratios["newsie tokens / jieba.posseg"] = round(
            tokens_cps / results["reference"]["jieba.posseg.cut"]["chars_per_s"], 3)
    if times_cps and "chars_per_s" in results["reference"].get("jionlp.extract_time", {}):
        ratios["newsie times / jionlp.extract_time"] = round(
            times_cps / results["reference"]["jionlp.extract_time"]["chars_per_s"], 3)
    results["ratios"] = ratios
    if paired is not None:
        results["paired_rounds"] = paired
        for key, value in paired.items():
            if key.startswith("median "):
                ratios[f"paired: {key}"] = value
    print(json.dumps({"reference": results["reference"], "ratios": ratios},
                     ensure_ascii=False, indent=1), flush=True)
    if args.linearity_mb > 0:
        results["linearity"] = linearity(None, *lin_args)
        print(json.dumps({"linearity": results["linearity"]}), flush=True)
    results["peak_rss_mb_self"] = round(rss_mb(), 1)
    results["peak_rss_mb_children"] = round(rss_mb(resource.RUSAGE_CHILDREN), 1)
    if args.profile:
        text = profile(nlp, records[: min(len(records), 20)], args.profile_html)
        print(text[:6000])
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps({k: results[k] for k in ("peak_rss_mb_self", "peak_rss_mb_children")}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
