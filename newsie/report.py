"""A static, self-contained HTML report of an events export (``newsie report``).

The page has no external resources -- no CDN, fonts or network requests: an inline SVG
timeline of events by type, the most frequent actors, and an event table with a search
box and type / status filters (a few lines of inline JavaScript).  It opens offline and
can be attached to an e-mail.

>>> from newsie.report import write_report
>>> write_report("events.parquet", "report.html")      # doctest: +SKIP
"""

from __future__ import annotations

import html
import math
import os
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from newsie.display import TYPE_PALETTE

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
    """Events with a local ``when`` (event time, else publication time) column."""
    import pandas as pd

    frame = events.copy()
    for column in ("time_start", "published"):
        if column not in frame:
            frame[column] = pd.NaT
        frame[column] = pd.to_datetime(frame[column], utc=True, errors="coerce", format="ISO8601")
    when = frame["time_start"].where(frame["time_start"].notna(), frame["published"])
    frame["when"] = when.dt.tz_convert(_tz())
    for column in ("type", "status", "trigger", "actors", "title", "document_id", "time_text"):
        if column not in frame:
            frame[column] = None
    if "confidence" not in frame:
        frame["confidence"] = float("nan")
    return frame


def _type_colors(types: list[str]) -> dict[str, str]:
    return {t: TYPE_PALETTE[i % len(TYPE_PALETTE)] for i, t in enumerate(types)}


def _nice_step(span_days: float) -> tuple[str, int]:
    """Tick unit and count for an axis spanning ``span_days``."""
    if span_days <= 14:
        return "day", 1
    if span_days <= 70:
        return "day", 7
    if span_days <= 400:
        return "month", 1
    if span_days <= 1500:
        return "month", 3
    return "year", 1


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    unit, step = _nice_step((end - start).total_seconds() / 86400)
    ticks: list[datetime] = []
    if unit == "day":
        t = start.replace(hour=0, minute=0, second=0, microsecond=0)
        while t <= end:
            ticks.append(t)
            t += timedelta(days=step)
    elif unit == "month":
        t = start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        while t <= end:
            ticks.append(t)
            month = t.month - 1 + step
            t = t.replace(year=t.year + month // 12, month=month % 12 + 1)
    else:
        t = start.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
        while t <= end:
            ticks.append(t)
            t = t.replace(year=t.year + 1)
    return [t for t in ticks if start <= t <= end] or [start]


def timeline_svg(frame, types: list[str], colors: dict[str, str], width: int = 1100) -> str:
    """An inline SVG: one lane per event type, a dot per day sized by the event count."""
    dated = frame[frame["when"].notna()]
    if dated.empty:
        return '<p class="muted">No event has a time or a publication time to place it on a timeline.</p>'
    days = dated["when"].dt.floor("D")
    start = days.min().to_pydatetime()
    end = (days.max() + timedelta(days=1)).to_pydatetime()
    if (end - start).days < 2:
        start -= timedelta(days=1)
        end += timedelta(days=1)
    left, right, top, lane = 150, 30, 20, 34
    height = top + lane * len(types) + 40
    span = (end - start).total_seconds()

    def x(t: datetime) -> float:
        return left + (t - start).total_seconds() / span * (width - left - right)

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="timeline of events by type" '
            f'style="max-width:{width}px;font-family:sans-serif;font-size:12px">'
        )
    ]
    for t in _ticks(start, end):
        xt = x(t)
        out.append(
            f'<line x1="{xt:.1f}" y1="{top - 6}" x2="{xt:.1f}" y2="{height - 34}" stroke="#e5e5e5"/>'
            f'<text x="{xt:.1f}" y="{height - 18}" text-anchor="middle" fill="#555">'
            f"{_e(t.strftime('%Y-%m-%d'))}</text>"
        )
    counts = dated.assign(day=days).groupby(["type", "day"]).size()
    peak = max(int(counts.max()), 1)
    for i, event_type in enumerate(types):
        y = top + lane * i + lane / 2
        total = int((dated["type"] == event_type).sum())
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#f0f0f0"/>'
            f'<text x="{left - 10}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
            f"{_e(event_type)} ({total})</text>"
        )
        if event_type not in counts.index.get_level_values(0):
            continue
        for day, n in counts.loc[event_type].items():
            day = day.to_pydatetime()
            cx = x(day + timedelta(hours=12))
            r = 3.5 + 9 * math.sqrt(int(n) / peak)
            out.append(
                f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colors[event_type]}" '
                f'fill-opacity="0.75" stroke="#fff"><title>{_e(event_type)} · '
                f"{_e(day.strftime('%Y-%m-%d'))} · {int(n)} event(s)</title></circle>"
            )
    out.append(
        f'<line x1="{left}" y1="{height - 34}" x2="{width - right}" y2="{height - 34}" stroke="#999"/>'
    )
    out.append("</svg>")
    return "".join(out)


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


def _role_order(event_type: str, arg_columns: list[str]) -> list[str]:
    """The ``arg_`` columns in the order of the event type's template roles."""
    try:
        from newsie.events.template import registered_templates

        roles = [f"arg_{role}" for role in registered_templates()[event_type].roles]
    except Exception:  # noqa: BLE001 - unknown type: column order
        roles = []
    return [c for c in roles if c in arg_columns] + [c for c in arg_columns if c not in roles]


def _arguments_cell(row, arg_columns: list[str]) -> str:
    parts = []
    for column in _role_order(str(row.get("type")), arg_columns):
        value = row.get(column)
        text = _e(value)
        if text:
            parts.append(f"<b>{_e(column[4:])}</b>: {text}")
    return "<br>".join(parts)


def _table_html(frame, types, colors, max_rows: int) -> str:
    arg_columns = [c for c in frame.columns if c.startswith("arg_")]
    ordered = frame.sort_values("when", ascending=False, na_position="last").head(max_rows)
    body = []
    for row in ordered.to_dict("records"):
        when = row["when"]
        coarse = row.get("time_grain") in _COARSE and str(row.get("time_start")) != "NaT"
        when_text = (
            ""
            if when is None or str(when) == "NaT"
            else when.strftime("%Y-%m-%d" if coarse else "%Y-%m-%d %H:%M")
        )
        key = "" if not when_text else when.isoformat()
        event_type = str(row.get("type") or "")
        confidence = row.get("confidence")
        conf_text = "" if confidence is None or math.isnan(confidence) else f"{confidence:.2f}"
        document = _e(row.get("title")) or _e(row.get("document_id"))
        url = row.get("url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            document = f'<a href="{_e(url)}" rel="noreferrer noopener">{document or _e(url)}</a>'
        time_text = _e(row.get("time_text"))
        body.append(
            f'<tr data-type="{_e(event_type)}" data-status="{_e(row.get("status"))}">'
            f'<td data-key="{_e(key)}">{_e(when_text)}'
            + (f'<br><span class="muted">«{time_text}»</span>' if time_text else "")
            + "</td>"
            f'<td><span class="badge" style="background:{colors.get(event_type, "#777")}">'
            f"{_e(event_type)}</span></td>"
            f"<td>{_e(row.get('trigger'))}</td>"
            f"<td>{_arguments_cell(row, arg_columns)}</td>"
            f"<td>{_e(row.get('status'))}</td>"
            f"<td>{conf_text}</td>"
            f"<td>{document}</td></tr>"
        )
    statuses = sorted(str(s) for s in frame["status"].dropna().unique())
    type_options = "".join(f'<option value="{_e(t)}">{_e(t)}</option>' for t in types)
    status_options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in statuses)
    note = ""
    if len(frame) > max_rows:
        note = f' <span class="muted">(the {max_rows} most recent of {len(frame)})</span>'
    return (
        '<div class="controls">'
        '<input id="q" type="search" placeholder="Search events (trigger, actor, title…)" '
        'aria-label="search events">'
        f'<select id="ftype" aria-label="event type"><option value="">all types</option>{type_options}</select>'
        f'<select id="fstatus" aria-label="status"><option value="">any status</option>{status_options}</select>'
        f'<span class="muted">showing <b id="shown">{len(ordered)}</b> of {len(ordered)}</span>{note}'
        "</div>"
        '<div class="tablewrap"><table class="events" id="events"><thead><tr>'
        "<th>when</th><th>type</th><th>trigger</th><th>arguments</th><th>status</th>"
        "<th>conf.</th><th>document</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table></div>"
    )


def build_report(
    events,
    *,
    title: str = "newsie report",
    documents=None,
    max_rows: int = 5000,
    generated: datetime | None = None,
) -> str:
    """The report as one HTML string, from an events DataFrame (see ``docs/exports.md``)."""
    frame = _prepare(events)
    types = [str(t) for t in frame["type"].dropna().value_counts().index]
    colors = _type_colors(types)
    if documents is not None and "n_items" in documents:
        n_docs = int((documents["n_items"].fillna(0) == 0).sum())  # items, not their pages
    elif documents is not None:
        n_docs = len(documents)
    else:
        n_docs = int(frame["document_id"].nunique()) if "document_id" in frame else 0
    dated = frame["when"].dropna()
    span = (
        f"{dated.min().strftime('%Y-%m-%d')} – {dated.max().strftime('%Y-%m-%d')}"
        if not dated.empty
        else "–"
    )
    generated = generated or datetime.now(timezone.utc)
    actors = _actors(frame)
    cards = "".join(
        f'<div class="card"><b>{_e(value)}</b>{_e(label)}</div>'
        for value, label in (
            (len(frame), "events"),
            (n_docs, "documents"),
            (len(types), "event types"),
            (len(actors), "actors"),
            (span, "time span"),
        )
    )
    legend = " ".join(
        f'<span class="badge" style="background:{colors[t]}">{_e(t)}</span>' for t in types
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
        f"<section><h2>Timeline of events by type</h2>{legend}"
        f"{timeline_svg(frame, types, colors)}</section>"
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
