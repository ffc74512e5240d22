"""A static, self-contained HTML report of an events export (``newsie report``).

The page has no external resources -- no CDN, fonts or network requests: an inline SVG
timeline of events by type over the publication window, the most frequent actors, and
an event table (newest publication first, with each event's sentence) with a search box
and type / status filters (a few lines of inline JavaScript).  It opens offline and can
be attached to an e-mail.

Event times far outside the publication window (两千多年前, 2035年) are counted at the
edges of the timeline, not plotted, so they cannot stretch its axis.

>>> from newsie.report import write_report
>>> write_report("events.parquet", "report.html")      # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import math
import os
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from newsie.display import TYPE_PALETTE, text_on

__all__ = ["build_report", "write_report"]

_CSS = """
body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB',
'Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f2d3d;color:#fff;padding:1em 2em}
header h1{margin:0;font-size:1.5em}
header .meta{opacity:.8;font-size:.9em;margin-top:.3em}
main{padding:1em 2em;max-width:1400px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:1em 1.2em;margin:1em 0}
h2{font-size:1.1em;margin:0 0 .6em 0}
.cards{display:flex;gap:1em;flex-wrap:wrap}
.card{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.6em 1em;min-width:8em}
.card b{display:block;font-size:1.6em}
.badge{color:#fff;border-radius:4px;padding:0 .4em;font-size:.85em;white-space:nowrap}
table.events{border-collapse:collapse;width:100%;font-size:.88em}
table.events th{text-align:left;background:#f0f0f0;border-bottom:2px solid #bbb;padding:.3em .5em;
cursor:pointer;user-select:none;position:sticky;top:0}
table.events td{border-bottom:1px solid #e6e6e6;padding:.3em .5em;vertical-align:top}
table.events tr:hover td{background:#f7fbff}
.controls{display:flex;gap:.8em;align-items:center;flex-wrap:wrap;margin-bottom:.6em}
.controls input{padding:.35em .6em;font-size:1em;min-width:22em;border:1px solid #bbb;border-radius:4px}
.controls select{padding:.3em;font-size:.95em}
.actors{display:grid;grid-template-columns:minmax(8em,16em) 1fr 3em;gap:.25em .8em;
align-items:center;font-size:.9em}
.bar{height:.9em;background:#4a90d9;border-radius:2px}
.muted{color:#888}
.tablewrap{max-height:70vh;overflow:auto}
.nowrap{white-space:nowrap}
td.sentence{min-width:22em;max-width:40em;color:#333}
td.sentence mark{background:#ffe08a;color:#222;padding:0 .1em;border-radius:2px}
p.note{font-size:.85em;margin:.3em 0}
"""

_JS = """
(function(){
  var q=document.getElementById('q'),ft=document.getElementById('ftype'),
      fs=document.getElementById('fstatus'),rows=[].slice.call(document.querySelectorAll('#events tbody tr')),
      shown=document.getElementById('shown');
  function apply(){
    var s=q.value.trim().toLowerCase(),t=ft.value,st=fs.value,n=0;
    rows.forEach(function(r){
      var ok=(!t||r.dataset.type===t)&&(!st||r.dataset.status===st)&&
             (!s||r.textContent.toLowerCase().indexOf(s)>=0);
      r.style.display=ok?'':'none'; if(ok)n++;
    });
    shown.textContent=n;
  }
  [q,ft,fs].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});
  [].slice.call(document.querySelectorAll('#events th')).forEach(function(th,i){
    th.addEventListener('click',function(){
      var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
      var body=document.querySelector('#events tbody');
      rows.sort(function(a,b){
        var x=a.children[i].dataset.key||a.children[i].textContent,
            y=b.children[i].dataset.key||b.children[i].textContent;
        var nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny)&&/^[-0-9.]+$/.test(x)&&/^[-0-9.]+$/.test(y))?nx-ny:x.localeCompare(y);
        return asc?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  apply();
  document.body.setAttribute('data-ready','1');
})();
"""


_COARSE = {"year", "half_year", "quarter", "month", "week", "day"}


def _e(value: Any) -> str:
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError, ImportError):
        pass
    return html.escape(str(value), quote=True)


def _tz():
    from newsie.time.zones import DEFAULT_TZ

    return DEFAULT_TZ


def _prepare(events):
    """Events with local ``time_start`` / ``published`` and ``when`` (the event time,
    else the publication time) columns."""
    import pandas as pd

    frame = events.copy()
    for column in ("time_start", "published"):
        if column not in frame:
            frame[column] = pd.NaT
        values = frame[column]
        if not isinstance(values.dtype, pd.DatetimeTZDtype):
            values = pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601")
        frame[column] = values.dt.tz_convert(_tz())
    frame["when"] = frame["time_start"].where(frame["time_start"].notna(), frame["published"])
    for column in ("type", "status", "trigger", "actors", "title", "document_id", "time_text",
                   "sentence", "roles", "time_grain", "url"):  # fmt: skip
        if column not in frame:
            frame[column] = None
    if "confidence" not in frame:
        frame["confidence"] = float("nan")
    return frame


def _type_colors(types: list[str]) -> dict[str, str]:
    return {t: TYPE_PALETTE[i % len(TYPE_PALETTE)] for i, t in enumerate(types)}


def publication_window(frame, documents=None) -> tuple[datetime, datetime] | None:
    """First and last local publication day (``[start, end)``, whole days) of the
    documents, else of the events; without publication times, the central 90% of the
    event times.  None when nothing is dated."""
    import pandas as pd

    published = None
    if documents is not None and "published" in documents and len(documents):
        published = pd.to_datetime(documents["published"], utc=True, errors="coerce")
    if published is None or published.isna().all():
        published = frame["published"]
    published = published.dropna()
    if not published.empty:
        days = published.dt.tz_convert(_tz()).dt.floor("D")
        return days.min().to_pydatetime(), (days.max() + timedelta(days=1)).to_pydatetime()
    when = frame["when"].dropna()
    if when.empty:
        return None
    if len(when) >= 20:
        when = when[(when >= when.quantile(0.05)) & (when <= when.quantile(0.95))]
    days = when.dt.floor("D")
    return days.min().to_pydatetime(), (days.max() + timedelta(days=1)).to_pydatetime()


def plot_range(window: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
    """The timeline's axis: the publication window and a margin on either side (10% of
    it, at least a week) for events shortly before or after it."""
    start, end = window
    margin = max(timedelta(days=7), (end - start) * 0.1)
    return start - margin, end + margin


#: (unit, step, label format) of axis ticks, finest first.
_TICK_STEPS = (
    ("day", 1, "%m-%d"), ("day", 2, "%m-%d"), ("day", 7, "%m-%d"), ("day", 14, "%m-%d"),
    ("month", 1, "%Y-%m"), ("month", 2, "%Y-%m"), ("month", 3, "%Y-%m"), ("month", 6, "%Y-%m"),
    ("year", 1, "%Y"), ("year", 2, "%Y"), ("year", 5, "%Y"), ("year", 10, "%Y"),
    ("year", 25, "%Y"), ("year", 50, "%Y"), ("year", 100, "%Y"), ("year", 500, "%Y"),
)  # fmt: skip
#: Most axis labels, however wide the timeline; the axis takes the finest step that
#: gives at most COMFORTABLE_TICKS labels that fit.
MAX_TICKS = 20
COMFORTABLE_TICKS = 12
#: Most lanes in the timeline: the rarest types beyond it share the last one.
MAX_LANES = 24


def _tick_dates(start: datetime, end: datetime, unit: str, step: int) -> list[datetime]:
    ticks: list[datetime] = []
    if unit == "day":
        t = start.replace(hour=0, minute=0, second=0, microsecond=0)
        if step == 7:  # weeks start on Mondays
            t -= timedelta(days=t.weekday())
        while t <= end:
            ticks.append(t)
            t = (t + timedelta(days=step)).replace(hour=0)
    elif unit == "month":
        t = start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        t = t.replace(month=(t.month - 1) // step * step + 1)
        while t <= end:
            ticks.append(t)
            month = t.month - 1 + step
            t = t.replace(year=t.year + month // 12, month=month % 12 + 1)
    else:
        t = start.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        t = t.replace(year=max(1, t.year // step * step))
        while t <= end:
            ticks.append(t)
            if t.year + step > 9999:
                break
            t = t.replace(year=t.year + step)
    return [t for t in ticks if start <= t <= end]


def axis_ticks(
    start: datetime, end: datetime, width: float = 900, max_ticks: int = MAX_TICKS
) -> list[tuple[datetime, str]]:
    """Ticks and their labels for an axis ``width`` pixels wide: the finest step whose
    labels fit (about 7 px a character and a gap) and number at most ``max_ticks``."""
    for unit, step, fmt in _TICK_STEPS:
        ticks = _tick_dates(start, end, unit, step)
        label_width = 7 * (7 if unit == "month" else 5 if unit == "day" else 4) + 22
        fits = min(max_ticks, COMFORTABLE_TICKS, max(2, int(width // label_width)))
        if len(ticks) <= fits:
            if unit == "year":
                return [(tick, str(tick.year)) for tick in ticks]
            return [(tick, tick.strftime(fmt)) for tick in ticks] or [(start, _ymd(start))]
    return [(start, str(start.year)), (end, str(end.year))]


def _ymd(value: datetime) -> str:
    """2025-07-01; year 25 as 0025 (strftime writes '25')."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    """Tick dates of an axis from ``start`` to ``end`` (see :func:`axis_ticks`)."""
    return [tick for tick, _ in axis_ticks(start, end)]


def timeline_svg(
    frame,
    types: list[str],
    colors: dict[str, str],
    width: int = 1100,
    window: tuple[datetime, datetime] | None = None,
) -> str:
    """An inline SVG: one lane per event type, a dot per day sized by the event count,
    over the publication ``window`` (shaded) and a margin; events dated before or after
    the axis are counted at its ends ("‹ 3", "2 ›"), and every event in its lane's total."""
    dated = frame[frame["when"].notna()]
    if dated.empty or window is None:
        return '<p class="muted">No event has a time or a publication time to place it on a timeline.</p>'
    if len(types) > MAX_LANES:  # the rarest types share the last lane
        kept = types[: MAX_LANES - 1]
        other = f"{len(types) - len(kept)} other types"
        frame = frame.assign(type=frame["type"].where(frame["type"].isin(kept), other))
        dated = frame[frame["when"].notna()]
        types = [*kept, other]
        colors = {**colors, other: "#999999"}
    start, end = plot_range(window)
    left, right, top, lane = 200, 46, 34, 28
    height = top + lane * len(types) + 40
    bottom = height - 34
    span = (end - start).total_seconds()
    plot_width = width - left - right

    def x(t: datetime) -> float:
        return left + (t - start).total_seconds() / span * plot_width

    when = dated["when"]
    inside = dated[(when >= start) & (when < end)]
    before = dated[when < start]
    after = dated[when >= end]
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="timeline of events by type" '
            f'style="max-width:{width}px;font-family:sans-serif;font-size:12px">'
        ),
        (
            f'<rect class="window" x="{x(window[0]):.1f}" y="{top - 10}" '
            f'width="{x(window[1]) - x(window[0]):.1f}" height="{bottom - top + 10}" '
            f'fill="#eef4fb"><title>publication window: {_e(window[0].strftime("%Y-%m-%d"))} – '
            f"{_e((window[1] - timedelta(days=1)).strftime('%Y-%m-%d'))}</title></rect>"
        ),
    ]
    ticks = axis_ticks(start, end, plot_width)
    if ticks and len(ticks[0][1]) == 5:  # day labels (07-14): the year goes in the gutter
        years = sorted({tick.year for tick, _ in ticks})
        year = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        out.append(
            f'<text class="year" x="{left - 42}" y="{top - 16}" text-anchor="end" '
            f'fill="#555" font-weight="600">{year}</text>'
        )
    for tick, label in ticks:
        xt = x(tick)
        out.append(
            f'<line x1="{xt:.1f}" y1="{top - 10}" x2="{xt:.1f}" y2="{bottom}" stroke="#e5e5e5"/>'
            f'<text class="tick" x="{xt:.1f}" y="{top - 16}" text-anchor="middle" '
            f'fill="#555">{_e(label)}</text>'
        )
        if len(types) > 12:  # a tall chart: the dates below it too
            out.append(
                f'<text class="tick-repeat" x="{xt:.1f}" y="{bottom + 16}" '
                f'text-anchor="middle" fill="#555">{_e(label)}</text>'
            )
    days = inside["when"].dt.floor("D")
    counts = inside.assign(day=days).groupby(["type", "day"]).size()
    peak = max(int(counts.max()), 1) if len(counts) else 1
    totals = frame["type"].value_counts()
    for i, event_type in enumerate(types):
        y = top + lane * i + lane / 2
        total = int(totals.get(event_type, 0))
        undated = total - int((dated["type"] == event_type).sum())
        note = f"{total} event(s)" + (f", {undated} without a time" if undated else "")
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#f0f0f0"/>'
            f'<text class="lane" x="{left - 42}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
            f"<title>{_e(event_type)}: {_e(note)}</title>{_e(event_type)} ({total})</text>"
        )
        for side, rows, tx, anchor in (
            ("before", before, left - 6, "end"),
            ("after", after, width - right + 6, "start"),
        ):
            n = int((rows["type"] == event_type).sum())
            if n:
                first = rows.loc[rows["type"] == event_type, "when"]
                span_text = f"{_ymd(first.min())} – {_ymd(first.max())}"
                label = f"‹ {n}" if side == "before" else f"{n} ›"
                out.append(
                    f'<text class="outside" x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
                    f'fill="#888" font-size="11"><title>{n} {_e(event_type)} event(s) dated '
                    f"{side} the timeline ({_e(span_text)})</title>{label}</text>"
                )
        if event_type not in counts.index.get_level_values(0):
            continue
        for day, n in counts.loc[event_type].items():
            day = day.to_pydatetime()
            cx = x(day + timedelta(hours=12))
            r = 3 + 8 * math.sqrt(int(n) / peak)
            out.append(
                f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colors[event_type]}" '
                f'fill-opacity="0.75" stroke="#fff"><title>{_e(event_type)} · '
                f"{_e(day.strftime('%Y-%m-%d'))} · {int(n)} event(s)</title></circle>"
            )
    out.append(f'<line x1="{left}" y1="{top - 10}" x2="{width - right}" y2="{top - 10}" stroke="#999"/>')
    out.append("</svg>")
    notes = []
    if len(before) or len(after):
        parts = []
        if len(before):
            parts.append(f"{len(before)} before it (from {_ymd(before['when'].min())})")
        if len(after):
            parts.append(f"{len(after)} after it (to {_ymd(after['when'].max())})")
        notes.append(
            f"{len(before) + len(after)} event(s) dated far from the publication window are "
            f"counted at the ends of their lanes, not plotted: {'; '.join(parts)}."
        )
    undated = len(frame) - len(dated)
    if undated:
        notes.append(f"{undated} event(s) without a time or a publication time are not plotted.")
    note = "".join(f'<p class="muted note">{_e(n)}</p>' for n in notes)
    return "".join(out) + note


def _actors(frame) -> Counter:
    counter: Counter = Counter()
    column = frame.get("actors")
    if column is not None and column.notna().any():
        for value in column.dropna():
            for name in str(value).split("|"):
                if name.strip():
                    counter[name.strip()] += 1
        return counter
    # exports without an actors column: entity-like roles
    for name in frame.columns:
        if name.startswith("arg_") and name[4:] in {
            "person", "organization", "donor", "recipient", "founder", "issuer", "buyer",
            "seller", "company", "institution",
        }:  # fmt: skip
            for value in frame[name].dropna():
                for part in str(value).split("|"):
                    if part.strip():
                        counter[part.strip()] += 1
    return counter


def _actors_html(counter: Counter, top: int = 15) -> str:
    if not counter:
        return '<p class="muted">No actors (people, organisations, places) in these events.</p>'
    common = counter.most_common(top)
    peak = common[0][1]
    rows = "".join(
        f'<div title="{_e(name)}">{_e(name)}</div>'
        f'<div><div class="bar" style="width:{100 * n / peak:.1f}%"></div></div><div>{n}</div>'
        for name, n in common
    )
    return f'<div class="actors">{rows}</div>'


def _role_order(event_type: str, roles: list[str]) -> list[str]:
    """Role names in the order of the event type's template roles."""
    try:
        from newsie.events.template import registered_templates

        order = list(registered_templates()[event_type].roles)
    except Exception:  # noqa: BLE001 - unknown type: as given
        order = []
    return [r for r in order if r in roles] + [r for r in roles if r not in order]


def _row_roles(row, arg_columns: list[str]) -> dict[str, list[str]]:
    """Role -> fillers of a row: from the ``roles`` JSON (schema 2) or from ``arg_<role>``
    columns (schema 1, or ``wide=True``)."""
    raw = row.get("roles")
    if isinstance(raw, str) and raw:
        try:
            roles = json.loads(raw)
        except ValueError:
            roles = {}
        if isinstance(roles, dict):
            return {str(k): [str(v) for v in (vs if isinstance(vs, list) else [vs])]
                    for k, vs in roles.items()}  # fmt: skip
    out = {}
    for column in arg_columns:
        text = _e(row.get(column))
        if text:
            out[column[4:]] = str(row.get(column)).split("|")
    return out


def _arguments_cell(row, arg_columns: list[str]) -> str:
    roles = _row_roles(row, arg_columns)
    return "<br>".join(
        f"<b>{_e(role)}</b>: {_e('、'.join(roles[role]))}"
        for role in _role_order(str(row.get("type")), list(roles))
    )


def _sentence_cell(row, limit: int = 240) -> str:
    """The evidence sentence, the trigger marked, cut to about ``limit`` characters
    around it."""
    sentence = row.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        return ""
    trigger = row.get("trigger")
    at = sentence.find(trigger) if isinstance(trigger, str) and trigger else -1
    if len(sentence) > limit:
        begin = max(0, min(at - limit // 2, len(sentence) - limit)) if at >= 0 else 0
        head = "…" if begin else ""
        tail = "…" if begin + limit < len(sentence) else ""
        at = at - begin if at >= 0 else -1
        sentence = head + sentence[begin : begin + limit] + tail
        at = at + len(head) if at >= 0 else -1
    if at < 0:
        return _e(sentence)
    end = at + len(trigger)
    return f"{_e(sentence[:at])}<mark>{_e(sentence[at:end])}</mark>{_e(sentence[end:])}"


def _time_text(value, grain) -> str:
    if value is None or str(value) == "NaT":
        return ""
    return value.strftime("%Y-%m-%d" if grain in _COARSE or grain is None else "%Y-%m-%d %H:%M")


def _table_html(frame, types, colors, max_rows: int) -> str:
    arg_columns = [c for c in frame.columns if c.startswith("arg_")]
    keys = [c for c in ("published", "document_id", "trigger_start") if c in frame]
    ordered = frame.sort_values(
        keys, ascending=[False, True, True][: len(keys)], na_position="last", kind="stable"
    ).head(max_rows)
    body = []
    for row in ordered.to_dict("records"):
        published = row.get("published")
        published_text = _time_text(published, "minute")
        published_key = "" if not published_text else published.isoformat()
        start = row.get("time_start")
        time_text = _time_text(start, row.get("time_grain"))
        time_key = "" if not time_text else start.isoformat()
        expression = _e(row.get("time_text"))
        event_type = str(row.get("type") or "")
        confidence = row.get("confidence")
        conf_text = "" if confidence is None or math.isnan(confidence) else f"{confidence:.2f}"
        document = _e(row.get("title")) or _e(row.get("document_id"))
        url = row.get("url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            document = f'<a href="{_e(url)}" rel="noreferrer noopener">{document or _e(url)}</a>'
        body.append(
            f'<tr data-type="{_e(event_type)}" data-status="{_e(row.get("status"))}">'
            f'<td data-key="{_e(published_key)}" class="nowrap">{_e(published_text)}</td>'
            f'<td><span class="badge" style="background:{colors.get(event_type, "#777")};'
            f'color:{text_on(colors.get(event_type, "#777"))}">{_e(event_type)}</span></td>'
            f"<td>{_e(row.get('trigger'))}</td>"
            f"<td>{_arguments_cell(row, arg_columns)}</td>"
            f'<td class="sentence">{_sentence_cell(row)}</td>'
            f'<td data-key="{_e(time_key)}" class="nowrap">{_e(time_text)}'
            + (f'<br><span class="muted">«{expression}»</span>' if expression else "")
            + "</td>"
            f"<td>{_e(row.get('status'))}</td>"
            f"<td>{conf_text}</td>"
            f"<td>{document}</td></tr>"
        )
    statuses = sorted(str(s) for s in frame["status"].dropna().unique())
    type_options = "".join(f'<option value="{_e(t)}">{_e(t)}</option>' for t in types)
    status_options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in statuses)
    note = ""
    if len(frame) > max_rows:
        note = f' <span class="muted">(the {max_rows} most recently published of {len(frame)})</span>'
    return (
        '<div class="controls">'
        '<input id="q" type="search" placeholder="Search events (trigger, actor, sentence, title…)" '
        'aria-label="search events">'
        f'<select id="ftype" aria-label="event type"><option value="">all types</option>{type_options}</select>'
        f'<select id="fstatus" aria-label="status"><option value="">any status</option>{status_options}</select>'
        f'<span class="muted">showing <b id="shown">{len(ordered)}</b> of {len(ordered)}</span>{note}'
        "</div>"
        '<div class="tablewrap"><table class="events" id="events"><thead><tr>'
        '<th title="publication time (sorted: newest first)">published ▾</th><th>type</th>'
        "<th>trigger</th><th>arguments</th><th>sentence</th><th>event time</th>"
        "<th>status</th><th>conf.</th><th>document</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table></div>"
    )


def _plural(n: int, word: str) -> str:
    return f"{word}" if n == 1 else f"{word}s"


def document_counts(frame, documents=None) -> tuple[int, int, str]:
    """``(documents, items, label)``: with a documents table, the documents read (pages
    and unsplit documents) and the items split from pages; else only the documents that
    have events can be counted, and the label says so."""
    if documents is not None and len(documents.columns):
        if "parent_id" in documents:
            top = int(documents["parent_id"].isna().sum())
            items = int(documents["parent_id"].notna().sum())
        else:
            top, items = len(documents), 0
        return top, items, _plural(top, "document") + " read"
    ids = frame["document_id"].dropna()
    if "parent_id" in frame:  # an item's page is the document that was read
        ids = frame["parent_id"].where(frame["parent_id"].notna(), frame["document_id"]).dropna()
    n = int(ids.nunique())
    return n, 0, _plural(n, "document") + " with events"


def build_report(
    events,
    *,
    title: str = "newsie report",
    documents=None,
    max_rows: int = 5000,
    generated: datetime | None = None,
) -> str:
    """The report as one HTML string, from an events DataFrame (see ``docs/exports.md``);
    ``documents`` (the documents table), when given, makes the document counts and the
    publication window those of every document read, with events or not."""
    frame = _prepare(events)
    types = [str(t) for t in frame["type"].dropna().value_counts().index]
    colors = _type_colors(types)
    n_docs, n_items, docs_label = document_counts(frame, documents)
    window = publication_window(frame, documents)
    span = (
        f"{window[0].strftime('%Y-%m-%d')} – {(window[1] - timedelta(days=1)).strftime('%Y-%m-%d')}"
        if window
        else "–"
    )
    generated = generated or datetime.now(timezone.utc)
    actors = _actors(frame)
    figures = [
        (len(frame), _plural(len(frame), "event")),
        (n_docs, docs_label),
    ]
    if n_items:
        figures.append((n_items, _plural(n_items, "item") + " of split pages"))
    figures += [
        (len(types), "event " + _plural(len(types), "type")),
        (len(actors), _plural(len(actors), "actor")),
        (span, "published"),
    ]
    cards = "".join(
        f'<div class="card"><b>{_e(value)}</b>{_e(label)}</div>' for value, label in figures
    )
    from newsie import __version__

    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="newsie {_e(__version__)}">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><div class="meta">generated '
        f"{_e(generated.astimezone(_tz()).strftime('%Y-%m-%d %H:%M %Z'))} by newsie "
        f"{_e(__version__)} · times in Asia/Shanghai</div></header><main>"
        f'<div class="cards">{cards}</div>'
        f"<section><h2>Timeline of events by type</h2>"
        f'<p class="muted note">Each dot is the events of a type on one day, by the event '
        f"time (else the publication time); the shaded band is the publication window.</p>"
        f"{timeline_svg(frame, types, colors, window=window)}</section>"
        f"<section><h2>Most frequent actors</h2>{_actors_html(actors)}</section>"
        f"<section><h2>Events</h2>{_table_html(frame, types, colors, max_rows)}</section>"
        f"</main><script>{_JS}</script></body></html>\n"
    )


def write_report(
    source: Any,
    output: str | os.PathLike[str] = "report.html",
    *,
    title: str = "newsie report",
    max_rows: int = 5000,
) -> Path:
    """Write the report for ``source``: an export file / folder, a DataFrame, or
    Documents / Events.  The file is written atomically."""
    import pandas as pd

    from newsie.export import to_pandas
    from newsie.export.writers import ExportError, atomic_path, infer_format, read_table

    documents = None
    if isinstance(source, pd.DataFrame):
        events = source
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise ExportError(f"no such file: {path}")
        events = read_table(path, "events")
        if path.is_dir() or (path.is_file() and infer_format(path) == "duckdb"):
            try:
                documents = read_table(path, "documents")
            except ExportError:
                documents = None
    else:
        events = to_pandas(source, "events")
        documents = to_pandas(source, "documents")
    if "type" not in events.columns and len(events):
        raise ValueError(f"{source}: not an events table (no 'type' column)")
    page = build_report(events, title=title, documents=documents, max_rows=max_rows)
    with atomic_path(output) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return Path(output)
