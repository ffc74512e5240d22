"""Showing documents and events: self-contained HTML (Jupyter, reports) and plain text.

* :func:`render_document` -- the text with entities, times, values and each event's
  trigger and arguments highlighted, and a table of the events under it (a split page
  shows each item under its own header with its publication time).
* :func:`render_event` / :func:`render_events` -- one event as a card, many as a table.
* :func:`format_document` -- a readable plain-text summary for terminals (``newsie show``).
* :class:`EventList` -- a list of events that displays itself as a table in Jupyter.

All text is HTML-escaped: a news item containing ``<script>`` renders as text.  The HTML
uses inline styles only (no external CSS, fonts or scripts), so it works offline and in
e-mail attachments.  It reads in light and dark themes (Jupyter, VS Code): text on the
page's own background keeps the theme's colour (muted text is made fainter, not grey),
and every light chip or highlight sets its own dark text colour.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from newsie.document import Document
    from newsie.events.models import Event
    from newsie.time.value import TimeValue

__all__ = [
    "LABEL_COLORS",
    "EventList",
    "events_html",
    "format_document",
    "format_event",
    "format_time",
    "render_document",
    "render_event",
    "render_events",
]

#: Background colour per span label (entities, times, values, triggers).
LABEL_COLORS: dict[str, str] = {
    "PERSON": "#fde2a7",
    "ORG": "#c9e4ff",
    "GPE": "#c8f0d2",
    "LOC": "#d7f5c4",
    "PRODUCT": "#f6d0f0",
    "TITLE": "#e6dcff",
    "TIME": "#ffe0cc",
    "MONEY": "#d3f3ee",
    "QUANTITY": "#e0ecd2",
    "COUNT": "#ececec",
    "PERCENT": "#f0e6d2",
    "TRIGGER": "#ff9e9e",
    "ARG": "#fff3b0",
}
_DEFAULT_COLOR = "#e8e8e8"
#: Text on the light label colours, whatever the theme's text colour.
_INK = "#1a1a1a"
#: Muted text and thin rules that work on light and dark backgrounds alike.
_MUTED = "opacity:0.7"
_RULE = "rgba(128,128,128,0.35)"

#: Colour per event type (used for type badges and the report timeline).
TYPE_PALETTE = (
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)  # fmt: skip

_FONT = (
    "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC',"
    "'Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
)


def _e(value: Any) -> str:
    """HTML-escape anything (None -> '')."""
    return "" if value is None else html.escape(str(value), quote=True)


def _num(value: float) -> str:
    """5000000.0 -> '5,000,000'; 0.125 -> '0.125'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def label_color(label: str | None) -> str:
    return LABEL_COLORS.get((label or "").upper(), _DEFAULT_COLOR)


def type_color(event_type: str, types: Sequence[str] | None = None) -> str:
    """A stable colour for an event type (by position in ``types``, else by name)."""
    if types is not None and event_type in types:
        index = list(types).index(event_type)
    else:
        index = sum(map(ord, event_type))
    return TYPE_PALETTE[index % len(TYPE_PALETTE)]


# -- time values ------------------------------------------------------------------------

_GRAIN_FORMAT = {
    "year": "%Y",
    "half_year": "%Y-%m",
    "quarter": "%Y-%m",
    "month": "%Y-%m",
    "week": "%Y-%m-%d",
    "day": "%Y-%m-%d",
    "hour": "%Y-%m-%d %H:00",
    "minute": "%Y-%m-%d %H:%M",
    "second": "%Y-%m-%d %H:%M:%S",
}


def format_time(value: TimeValue | None) -> str:
    """A short human reading of a time value: '2025-11-20', '~2026-01 – 2026-02', ..."""
    if value is None:
        return ""
    prefix = "~" if value.approximate else ""
    if value.kind == "duration":
        seconds = value.duration_seconds or 0
        for unit, size in (("y", 365 * 86400), ("d", 86400), ("h", 3600), ("min", 60)):
            if unit == "y" and seconds % size:
                continue
            if seconds >= size:
                return f"{prefix}{seconds / size:g} {unit}"
        return f"{prefix}{seconds:g} s"
    if value.kind == "set":
        return f"every {value.recurrence or value.grain}"
    fmt = _GRAIN_FORMAT.get(value.grain, "%Y-%m-%d %H:%M")
    start = value.start.strftime(fmt) if value.start else "?"
    if value.grain == "half_year" and value.start:
        start = f"{value.start.year}H{1 if value.start.month <= 6 else 2}"
    elif value.grain == "quarter" and value.start:
        start = f"{value.start.year}Q{(value.start.month - 1) // 3 + 1}"
    elif value.grain == "week" and value.start:
        start = f"week of {start}"
    if value.kind in ("range", "open") and value.end is not None:
        # end is exclusive; show the last covered unit for day-or-coarser grains
        from datetime import timedelta

        last = value.end
        if value.grain in ("day", "week", "month", "year", "quarter", "half_year"):
            last = value.end - timedelta(microseconds=1)
        if value.start is None:  # open: until the end (截至6月底 '… – 2026-06-30')
            return f"{prefix}… – {last.strftime(fmt)}"
        return f"{prefix}{start} – {last.strftime(fmt)}"
    if value.kind == "open":  # from the start on (2019年以后 '2019 – …')
        return f"{prefix}{start} – …"
    return f"{prefix}{start}"


# -- spans to highlight -----------------------------------------------------------------


@dataclass
class _Mark:
    start: int
    end: int
    label: str  # colour key
    badge: str  # small text after the span
    notes: list[str]  # tooltip lines
    priority: int


def _marks(doc: Document) -> list[_Mark]:
    """Non-overlapping marks for a document: triggers, then entities/times/values, then
    argument fillers that are none of those; every overlapping span adds a tooltip line."""
    candidates: list[_Mark] = []
    roles_at: dict[tuple[int, int], list[str]] = {}
    for event in doc.events:
        t = event.trigger
        candidates.append(
            _Mark(t.start, t.end, "TRIGGER", event.type, [f"trigger of {event.type}"], 0)
        )
        for argument in event.arguments:
            roles_at.setdefault((argument.start, argument.end), []).append(
                f"{event.type}.{argument.role}"
            )
    for entity in doc.entities:
        note = f"{entity.label}"
        if entity.canonical and entity.canonical != entity.text:
            note += f" = {entity.canonical}"
        candidates.append(_Mark(entity.start, entity.end, entity.label, entity.label, [note], 1))
    for time in doc.times:
        note = (
            f"TIME {format_time(time.value)}"
            if time.value
            else f"TIME ({time.unresolved or 'unresolved'})"
        )
        candidates.append(_Mark(time.start, time.end, "TIME", "TIME", [note], 1))
    for value in doc.values:
        amount = _num(value.value)
        extra = " ".join(x for x in (value.currency, value.unit) if x)
        candidates.append(
            _Mark(
                value.start,
                value.end,
                value.label,
                value.label,
                [f"{value.label} {amount} {extra}".strip()],
                1,
            )
        )
    for (start, end), roles in roles_at.items():
        candidates.append(_Mark(start, end, "ARG", roles[0].split(".", 1)[1], [], 2))

    chosen: list[_Mark] = []
    taken: list[tuple[int, int]] = []
    for mark in sorted(candidates, key=lambda m: (m.priority, -(m.end - m.start), m.start)):
        if mark.end <= mark.start or mark.start < 0 or mark.end > len(doc.text):
            continue
        if any(mark.start < e and s < mark.end for s, e in taken):
            continue
        chosen.append(mark)
        taken.append((mark.start, mark.end))
    for mark in chosen:
        roles = roles_at.get((mark.start, mark.end), [])
        if roles:
            mark.notes.extend(f"argument: {r}" for r in roles)
            if mark.label != "TRIGGER":
                mark.badge = (
                    f"{mark.badge} · {', '.join(r.split('.', 1)[1] for r in roles)}"
                    if mark.priority < 2
                    else mark.badge
                )
    return sorted(chosen, key=lambda m: m.start)


def _mark_html(text: str, mark: _Mark) -> str:
    color = label_color(mark.label)
    border = "border:2px solid #c0392b;" if mark.label == "TRIGGER" else ""
    if mark.priority < 2 and any(n.startswith("argument:") for n in mark.notes):
        border = "border-bottom:2px solid #b7950b;"
    return (
        f'<mark class="newsie-{_e(mark.label.lower())}" title="{_e(chr(10).join(mark.notes))}" '
        f'style="background:{color};color:{_INK};{border}padding:0.05em 0.25em;margin:0 0.1em;'
        f'border-radius:0.3em;line-height:2">{_e(text)}'
        f'<span style="font-size:0.62em;font-weight:600;margin-left:0.3em;color:#444;'
        f'vertical-align:middle">{_e(mark.badge)}</span></mark>'
    )


def _highlighted_text(doc: Document) -> str:
    text = doc.text
    out: list[str] = []
    position = 0
    for mark in _marks(doc):
        out.append(_e(text[position : mark.start]))
        out.append(_mark_html(text[mark.start : mark.end], mark))
        position = mark.end
    out.append(_e(text[position:]))
    return "".join(out).replace("\n", "<br>\n")


# -- events -----------------------------------------------------------------------------

_TABLE = "border-collapse:collapse;font-size:0.9em;margin:0.5em 0;width:100%"
_TH = (
    "text-align:left;border-bottom:2px solid rgba(128,128,128,0.6);padding:0.25em 0.5em;"
    "background:rgba(128,128,128,0.12);color:inherit"
)
_TD = f"text-align:left;vertical-align:top;border-bottom:1px solid {_RULE};padding:0.25em 0.5em"


def luminance(color: str) -> float:
    """Relative luminance (WCAG) of a ``#rrggbb`` colour, 0 (black) ... 1 (white)."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_on(background: str) -> str:
    """The text colour that reads best on ``background``: white or near-black."""
    light = luminance(background)
    return "#ffffff" if (1.05 / (light + 0.05)) >= ((light + 0.05) / 0.05) else _INK


def _type_badge(event_type: str) -> str:
    color = type_color(event_type)
    return (
        f'<span style="background:{color};color:{text_on(color)};border-radius:0.3em;'
        f'padding:0.05em 0.4em;font-size:0.85em">{_e(event_type)}</span>'
    )


def _arguments_html(event: Event) -> str:
    parts = []
    for argument in event.arguments:
        extra = ""
        if isinstance(argument.value, (int, float)) and argument.value is not None:
            unit = " ".join(x for x in (argument.currency, argument.unit) if x)
            extra = f' <span style="{_MUTED}">({_num(argument.value)}{" " + unit if unit else ""})</span>'
        elif isinstance(argument.value, str) and argument.value != argument.text:
            extra = f' <span style="{_MUTED}">(= {_e(argument.value)})</span>'
        parts.append(
            f'<span style="white-space:nowrap"><b>{_e(argument.role)}</b>: '
            f'<span style="background:{label_color(argument.label or "ARG")};color:{_INK};'
            f'padding:0 0.2em;border-radius:0.2em">{_e(argument.text)}</span>{extra}</span>'
        )
    return "<br>".join(parts)


def _event_row(event: Event, document_text: str | None = None) -> str:
    time = format_time(event.time)
    if event.time_text:
        time = f"{_e(time)} <span style='{_MUTED}'>«{_e(event.time_text)}»</span>"
    else:
        time = _e(time)
    evidence = ""
    if document_text is not None:
        ev = event.evidence
        evidence = _e(document_text[ev.start : ev.end][:200])
    return (
        "<tr>"
        f'<td style="{_TD}">{_type_badge(event.type)}</td>'
        f'<td style="{_TD}">{_e(event.trigger.text)}</td>'
        f'<td style="{_TD}">{_arguments_html(event)}</td>'
        f'<td style="{_TD}">{time}</td>'
        f'<td style="{_TD}">{_e(event.status)}</td>'
        f'<td style="{_TD}">{event.confidence:.2f}</td>'
        + (
            f'<td style="{_TD};{_MUTED};font-size:0.9em">{evidence}</td>'
            if document_text is not None
            else ""
        )
        + "</tr>"
    )


def render_events(events: Iterable[Event], *, texts: dict[str, str] | None = None) -> str:
    """A table of events (type, trigger, arguments, time, status, confidence).

    ``texts`` maps document ids to texts; when given, an evidence column shows each
    event's sentence.
    """
    events = list(events)
    with_evidence = texts is not None
    head = ["type", "trigger", "arguments", "time", "status", "conf."] + (
        ["evidence"] if with_evidence else []
    )
    rows = "".join(
        _event_row(e, (texts or {}).get(e.evidence.document_id, "") if with_evidence else None)
        for e in events
    )
    if not events:
        rows = f'<tr><td style="{_TD};{_MUTED}" colspan="{len(head)}">no events</td></tr>'
    return (
        f'<div class="newsie-events" style="{_FONT}"><table style="{_TABLE}"><thead><tr>'
        + "".join(f'<th style="{_TH}">{h}</th>' for h in head)
        + f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )


#: Alias used by notebooks: ``HTML(newsie.display.events_html(events))``.
events_html = render_events


def render_event(event: Event) -> str:
    """One event as a small self-contained HTML card."""
    time = format_time(event.time)
    rows = [
        (
            "trigger",
            _e(event.trigger.text)
            + f' <span style="{_MUTED}">[{event.trigger.start}:{event.trigger.end}]</span>',
        ),
        ("arguments", _arguments_html(event) or f'<span style="{_MUTED}">none</span>'),
        (
            "time",
            _e(time)
            + (
                f' <span style="{_MUTED}">«{_e(event.time_text)}»</span>'
                if event.time_text
                else ""
            ),
        ),
        ("status", _e(event.status)),
        ("confidence", f"{event.confidence:.2f}"),
        (
            "evidence",
            _e(
                f"document {event.evidence.document_id}, sentence {event.evidence.sentence_index}, "
                f"template {event.evidence.template} v{event.evidence.template_version}"
            ),
        ),
    ]
    body = "".join(
        f'<tr><th style="{_TD};{_MUTED};font-weight:600;width:7em">{k}</th>'
        f'<td style="{_TD}">{v}</td></tr>'
        for k, v in rows
    )
    return (
        f'<div class="newsie-event" style="{_FONT};border:1px solid {_RULE};border-radius:0.4em;'
        f'padding:0.5em 0.8em;margin:0.3em 0;max-width:48em">'
        f'<div style="margin-bottom:0.3em">{_type_badge(event.type)} '
        f'<span style="{_MUTED};font-size:0.8em">{_e(event.id)}</span></div>'
        f'<table style="{_TABLE}">{body}</table></div>'
    )


# -- documents --------------------------------------------------------------------------


def _legend(docs: Sequence[Document]) -> str:
    labels: list[str] = []
    for doc in docs:
        for span in [*doc.entities, *doc.values]:
            if span.label not in labels:
                labels.append(span.label)
        if doc.times and "TIME" not in labels:
            labels.append("TIME")
        if doc.events and "TRIGGER" not in labels:
            labels.append("TRIGGER")
    return " ".join(
        f'<span style="background:{label_color(label)};color:{_INK};padding:0 0.3em;'
        f'border-radius:0.2em;font-size:0.75em;margin-right:0.3em">{_e(label)}</span>'
        for label in labels
    )


def _item_header(doc: Document, index: int | None) -> str:
    parts = []
    if index is not None:
        parts.append(f"item {index + 1}")
    if doc.title:
        parts.append(_e(doc.title))
    if doc.published:
        parts.append(_e(doc.published.strftime("%Y-%m-%d %H:%M %Z").strip()))
    parts.append(f'<span style="{_MUTED};font-weight:normal">{_e(doc.id)}</span>')
    return (
        f'<div class="newsie-item" style="font-size:0.85em;font-weight:600;color:inherit;'
        f'border-bottom:1px solid {_RULE};margin:0.8em 0 0.3em 0">{" · ".join(parts)}</div>'
    )


def _errors_html(doc: Document) -> str:
    if not doc.errors:
        return ""
    return "".join(
        f'<div style="color:#d9534f;font-size:0.85em">error: {_e(err)}</div>' for err in doc.errors
    )


def render_document(doc: Document) -> str:
    """The document as self-contained HTML: highlighted text, then a table of its events."""
    items = doc.documents()
    split = bool(doc.items)
    parts = [
        f'<div class="newsie-document" style="{_FONT};line-height:1.6;max-width:60em">',
        f'<div style="margin-bottom:0.3em">{_legend(items)}</div>',
    ]
    if split:
        n_events = sum(len(item.events) for item in items)
        parts.append(
            f'<div class="newsie-page" style="font-size:0.85em;{_MUTED}">page {_e(doc.id)}: '
            f"{len(items)} items, {n_events} event(s) in its items (<code>doc.all_events</code>)"
            + (
                f", published {_e(doc.published.strftime('%Y-%m-%d %H:%M'))}"
                if doc.published
                else ""
            )
            + "</div>"
        )
    elif doc.title or doc.published:
        parts.append(_item_header(doc, None))
    parts.append(_errors_html(doc))
    for index, item in enumerate(items):
        if split:
            parts.append(_item_header(item, index))
            parts.append(_errors_html(item))
        parts.append(f'<div class="newsie-text">{_highlighted_text(item)}</div>')
    events = [event for item in items for event in item.events]
    texts = {item.id: item.text for item in items}
    parts.append(
        f'<div style="font-size:0.85em;font-weight:600;margin-top:1em">{len(events)} event(s)</div>'
    )
    parts.append(render_events(events, texts=texts))
    parts.append("</div>")
    return "".join(parts)


class EventList(list):
    """A list of events that shows itself as a table in Jupyter.

    >>> events = EventList(doc.all_events)   # doctest: +SKIP
    >>> events.to_pandas()                   # doctest: +SKIP
    """

    def _repr_html_(self) -> str:
        return render_events(self)

    def to_pandas(self, table: str = "events"):
        from newsie.export import to_pandas

        return to_pandas(list(self), table=table)


# -- plain text -------------------------------------------------------------------------


def format_event(event: Event, indent: str = "") -> str:
    """One event on a few lines of plain text."""
    head = f"{indent}{event.type} [{event.status}, {event.confidence:.2f}] «{event.trigger.text}»"
    if event.time is not None or event.time_text:
        head += f" @ {format_time(event.time) or '?'}"
        if event.time_text:
            head += f" ({event.time_text})"
    lines = [head]
    for argument in event.arguments:
        extra = ""
        if isinstance(argument.value, (int, float)):
            unit = " ".join(x for x in (argument.currency, argument.unit) if x)
            extra = f" = {_num(argument.value)}{' ' + unit if unit else ''}"
        elif isinstance(argument.value, str) and argument.value != argument.text:
            extra = f" = {argument.value}"
        label = f" <{argument.label}>" if argument.label else ""
        lines.append(f"{indent}    {argument.role}: {argument.text}{label}{extra}")
    return "\n".join(lines)


def _format_one(doc: Document, header: str, width: int) -> list[str]:
    lines = [header]
    text = " ".join(doc.text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    lines.append(f"  text: {text}")
    for err in doc.errors:
        lines.append(f"  error: {err}")
    if doc.entities:
        groups: dict[str, list[str]] = {}
        for entity in doc.entities:
            name = (
                entity.text
                if not entity.canonical or entity.canonical == entity.text
                else f"{entity.text}={entity.canonical}"
            )
            if name not in groups.setdefault(entity.label, []):
                groups[entity.label].append(name)
        lines.append("  entities:")
        lines.extend(f"    {label}: {', '.join(names)}" for label, names in groups.items())
    if doc.times:
        lines.append("  times:")
        for time in doc.times:
            reading = (
                format_time(time.value) if time.value else f"unresolved ({time.unresolved or '?'})"
            )
            lines.append(f"    {time.text} -> {reading}")
    if doc.values:
        lines.append("  values: " + ", ".join(f"{v.text} ({v.label})" for v in doc.values))
    if doc.events:
        lines.append(f"  events ({len(doc.events)}):")
        lines.extend(format_event(event, indent="    ") for event in doc.events)
    else:
        lines.append("  events: none")
    return lines


def format_document(doc: Document, width: int = 100) -> str:
    """A readable plain-text summary: per item, its entities, times and events."""
    items = doc.documents()
    out: list[str] = []
    published = doc.published.strftime("%Y-%m-%d %H:%M %Z").strip() if doc.published else "unknown"
    n_events = sum(len(item.events) for item in items)
    out.append(
        f"document {doc.id} · published {published} · {len(doc.text)} chars · "
        f"{len(items)} item(s) · {n_events} event(s)"
    )
    for err in doc.errors if doc.items else []:
        out.append(f"error: {err}")
    for index, item in enumerate(items):
        if doc.items:
            when = item.published.strftime("%Y-%m-%d %H:%M") if item.published else "?"
            header = f"\n[{index + 1}] {item.id} · {when}"
        else:
            header = ""
        out.extend(_format_one(item, header, width) if header else _format_one(item, "", width)[1:])
    return "\n".join(out)
