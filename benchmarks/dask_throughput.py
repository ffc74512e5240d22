"""Throughput of newsie on a Dask ``LocalCluster`` against one in-process pipeline.

    python benchmarks/dask_throughput.py                  # 2 worker processes, 1 thread each
    python benchmarks/dask_throughput.py --workers 2 --partitions 16 --limit 100

Corpus: the news transcripts (``--corpus GLOB``, as in ``throughput.py``).  The same
records run (1) through ``nlp.pipe`` in this process and (2) through
``newsie.dask.extract_bag`` on the cluster.  Before timing, this process and every worker
(through ``Client.run``) build the pipeline and run it over the first 5 documents:
building takes about a second and happens once per worker process.  Prints
chars/s for both, their ratio, and checks that both found the same events.  Exits
cleanly (status 0, a message) when the corpus or Dask is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, load_corpus

WARM_UP = 5  # documents run before timing, in this process and in every worker


def _warm_up(config, texts: list[str]) -> int:
    """Build (and cache) the pipeline in a Dask worker and run it over ``texts``."""
    from newsie.dask import get_pipeline

    nlp = get_pipeline(config)
    return sum(len(nlp(text).all_events) for text in texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N files")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--pipeline", default="default", help="preset name or config file")
    args = parser.parse_args(argv)

    records = load_corpus(args.corpus, args.limit)
    if not records:
        print(f"no corpus at {args.corpus}: nothing measured")
        return 0
    try:
        import dask.bag as db
        import distributed
    except ImportError:
        print("dask / distributed not installed (pip install 'newsie-zh-events[dask]'): nothing measured")
        return 0
    import newsie
    from newsie.dask import extract_bag

    chars = sum(len(r["text"]) for r in records)
    nlp = newsie.load(args.pipeline)
    for record in records[:WARM_UP]:  # warm up, as the workers are warmed up below
        nlp(record["text"])
    start = time.perf_counter()
    local = sum(len(doc.all_events) for doc in nlp.pipe(records))
    local_s = time.perf_counter() - start

    cluster = distributed.LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=40,
    )
    with distributed.Client(cluster) as client:
        config = nlp.to_config()
        # build the pipeline in every worker and run it over the same first documents
        # (client.run reaches each worker; a warm-up bag could land on one of them only)
        client.run(_warm_up, config, [r["text"] for r in records[:WARM_UP]])
        bag = db.from_sequence(records, npartitions=args.partitions)
        start = time.perf_counter()
        events = extract_bag(bag, config).compute()
        dask_s = time.perf_counter() - start
        workers = len(client.scheduler_info()["workers"])
    cluster.close()

    result = {
        "docs": len(records),
        "chars": chars,
        "pipeline": args.pipeline,
        "in_process": {"seconds": round(local_s, 2), "chars_per_s": round(chars / local_s),
                       "events": local},
        "local_cluster": {"workers": workers, "threads_per_worker": 1,
                          "partitions": args.partitions, "seconds": round(dask_s, 2),
                          "chars_per_s": round(chars / dask_s), "events": len(events)},
        "ratio_cluster_over_in_process": round(local_s / dask_s, 2),
        "same_events": local == len(events),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
