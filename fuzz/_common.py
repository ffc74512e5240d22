"""Shared helpers for the fuzz targets: turn fuzzer bytes into news-like text."""

from __future__ import annotations

# Pieces that steer the fuzzer towards the grammar of dates, clocks and flash lists.
TOKENS = (
    "\n", "\n", "\n", "\r\n", " ", "\t", "　",
    "2025", "11", "28", "13", "45", "0", "9", "99", "2026", "1999", "12", "31", "00", "24",
    "年", "月", "日", "号", "时", "分", "秒", "点", "半", "星期", "周", "一", "二", "三", "五", "日",
    "天", "今天", "昨天", "明天", "前天", "上午", "下午", "晚上", "凌晨", "中午", "上周", "下月",
    "去年", "今年", "明年", "本月", "月底", "月初", "年初", "年底", "春节", "国庆", "元旦", "中秋",
    "农历", "正月", "初一", "腊月", "除夕", "季度", "上半年", "第三季度", "前5个月", "近日",
    "日前", "此前", "目前", "以来", "至", "到", "-", "—", "~", "/", ".", ":", "：", "：",
    "十", "二十", "三十一", "百", "千", "万", "亿", "两", "〇", "零", "１", "２", "：",
    "最新快讯", "快讯", "插图", "...", "…", "。", "，", "、", "！", "？", "（", "）", "《", "》",
    "10:15", "09:40", "23:59", "24:00", "7x24", "2025年11月20日", "2025-11-20", "2025/13/45",
    "中国科学院", "宣布", "发布", "举行", "成功", "研制", "万元", "亿元", "%", "人",
)


def news_text(data: bytes) -> str:
    """Structure-aware text from fuzzer bytes: token choices, or raw Unicode."""
    import atheris

    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        return fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    pieces = []
    while fdp.remaining_bytes() > 0 and len(pieces) < 400:
        if fdp.ConsumeIntInRange(0, 9) == 0:
            pieces.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 8)))
        else:
            pieces.append(TOKENS[fdp.ConsumeIntInRange(0, len(TOKENS) - 1)])
    return "".join(pieces)
