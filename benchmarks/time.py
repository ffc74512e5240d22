"""Speed of the Chinese time normaliser.

* ``find_times`` throughput (chars/s, one core) on the 新闻联播 2025H2 transcripts in
  ``../shared/data/news/xinwenlianbo-2025h2/`` (published = the file's date, 19:00).
* ``parse_time`` median microseconds per expression over a few hundred realistic
  expressions (no result cache exists, so nothing is cached).
* If installed, jionlp and dateparser on the same inputs, as ratios.

Run: ``python benchmarks/time.py``.  Skips cleanly when the data is missing.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

warnings.simplefilter("ignore")
ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "xinwenlianbo-2025h2"
TZ = ZoneInfo("Asia/Shanghai")
REF = datetime(2025, 11, 28, 13, 39, tzinfo=TZ)

EXPRESSIONS = [
    "2025年11月28日", "2025年11月28日13:39", "2025年11月28日 13:39", "2025-11-28", "2025.11.28",
    "2025/11/28", "11/28", "11月28日", "二〇二五年十一月二十八日", "２０２５年１１月２８日",
    "28日", "周三", "星期五", "礼拜天", "上周五", "下周一", "本周三", "週三", "星期三下午",
    "今天", "昨天", "前天", "明天", "后天", "大前天", "今年", "去年", "前年", "明年", "后年",
    "本月", "上月", "上个月", "下个月", "本周", "上周", "下周", "去年底", "明年上半年",
    "3天前", "两年前", "三个月后", "次日", "当天", "当晚", "清晨", "早上", "上午", "中午",
    "下午", "傍晚", "晚上", "夜间", "凌晨", "深夜", "午夜", "13:39", "晚8点", "下午3点半",
    "20时15分", "8点一刻", "3点45", "第三季度", "三季度", "Q3", "上半年", "下半年",
    "11月上旬", "11月中旬", "11月下旬", "年初", "年底", "月初", "月底", "2026年初",
    "2019年以来", "今年以来", "11月26日至28日", "2023-2025年", "2023年至2025年",
    "11月26日-28日", "本周至下周", "三个月", "两周", "半年", "3天", "两个小时", "每周三",
    "每年", "每天", "近日", "日前", "近期", "目前", "此前", "最近", "前不久", "元旦", "春节",
    "除夕", "元宵节", "清明节", "劳动节", "五一", "端午节", "七夕", "中秋节", "重阳节",
    "国庆节", "腊八", "小年", "冬至", "圣诞节", "平安夜", "复活节", "情人节", "万圣节",
    "母亲节", "父亲节", "感恩节", "北京时间11月28日13时", "美国东部时间27日晚8点",
    "当地时间28日上午", "今年前10个月", "前三季度", "1—10月", "去年同期", "五年来",
    "过去24小时", "未来三天", "近两年", "十月第一个星期一", "正月十五", "农历八月十五",
    "2025年第三季度", "2024年下半年", "今晚8点", "明天上午9点", "昨天下午", "11月28日晚",
]


def bench_find_times() -> None:
    from newsie.time import find_times

    files = sorted(NEWS.glob("*.md"))
    if not files:
        print(f"find_times: skipped (no data at {NEWS})")
        return
    docs = []
    for f in files:
        d = f.stem[:8]
        pub = datetime(int(d[:4]), int(d[4:6]), int(d[6:8]), 19, 0, tzinfo=TZ)
        docs.append((f.read_text(encoding="utf-8"), pub))
    chars = sum(len(t) for t, _ in docs)
    find_times(docs[0][0][:1000], docs[0][1])  # compile the grammar
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        n = sum(len(find_times(t, p)) for t, p in docs)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"find_times: {len(docs)} docs, {chars:,} chars, {n:,} mentions, "
          f"best of 3 {best:.2f} s -> {chars / best:,.0f} chars/s (target >= 1,000,000)")
    _compare_extractors(docs, chars, best)


def _compare_extractors(docs, chars, ours) -> None:
    try:
        import jionlp
    except Exception:  # pragma: no cover - optional
        print("jionlp: not installed, skipped")
        return
    sample = docs[:5]
    sample_chars = sum(len(t) for t, _ in sample)
    t0 = time.perf_counter()
    for text, pub in sample:
        try:
            jionlp.extract_time(text, time_base=pub.timestamp(), with_parsing=True)
        except Exception:
            pass
    dt = time.perf_counter() - t0
    rate = sample_chars / dt
    print(f"jionlp.extract_time: {sample_chars:,} chars (first 5 docs) in {dt:.2f} s -> "
          f"{rate:,.0f} chars/s; newsie is {chars / ours / rate:.1f}x faster")


def bench_parse_time() -> None:
    from newsie.time import parse_time

    for e in EXPRESSIONS:
        parse_time(e, REF)
    unparsed = [e for e in EXPRESSIONS if parse_time(e, REF) is None]
    samples = []
    for _ in range(30):
        for e in EXPRESSIONS:
            t0 = time.perf_counter_ns()
            parse_time(e, REF)
            samples.append((time.perf_counter_ns() - t0) / 1000)
    med = statistics.median(samples)
    p90 = statistics.quantiles(samples, n=10)[-1]
    print(f"parse_time: {len(EXPRESSIONS)} expressions x 30, median {med:.1f} us, p90 {p90:.1f} us "
          f"(target median <= 20 us; no result cache); unparsed: {unparsed}")
    _compare_parsers(med)


def _compare_parsers(ours: float) -> None:
    try:
        import jionlp

        t0 = time.perf_counter()
        for e in EXPRESSIONS:
            try:
                jionlp.parse_time(e, time_base=REF.timestamp())
            except Exception:
                pass
        us = (time.perf_counter() - t0) / len(EXPRESSIONS) * 1e6
        print(f"jionlp.parse_time: mean {us:.1f} us/expression -> newsie median is {us / ours:.1f}x faster")
    except ImportError:
        print("jionlp: not installed, skipped")
    try:
        import dateparser

        settings = {"RELATIVE_BASE": REF.replace(tzinfo=None), "PREFER_DATES_FROM": "past"}
        dateparser.parse("2025年11月28日", languages=["zh"], settings=settings)
        t0 = time.perf_counter()
        ok = 0
        for e in EXPRESSIONS:
            try:
                ok += dateparser.parse(e, languages=["zh"], settings=settings) is not None
            except Exception:
                pass
        us = (time.perf_counter() - t0) / len(EXPRESSIONS) * 1e6
        print(f"dateparser.parse: mean {us:.1f} us/expression ({ok}/{len(EXPRESSIONS)} parsed) -> "
              f"newsie median is {us / ours:.1f}x faster")
    except ImportError:
        print("dateparser: not installed, skipped")


def bench_adversarial() -> None:
    from newsie.time import find_times

    for name, unit in (("digits", "1234567890"), ("年月日", "年月日"), ("2025年", "2025年"),
                       ("1年", "1年"), ("十一", "十一月二十八日"), ("colons", "12:34:")):
        text = unit * (1_000_000 // len(unit))
        t0 = time.perf_counter()
        find_times(text, REF)
        print(f"adversarial {name!r} x {len(text):,} chars: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    bench_parse_time()
    bench_find_times()
    if "--adversarial" in sys.argv:
        bench_adversarial()
