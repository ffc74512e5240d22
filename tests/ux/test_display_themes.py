"""The display reads in light and dark themes: every text has enough contrast on whatever
is behind it, when the page around it is white with dark text or dark with light text."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest
from builders import CHROMIUM_ARGS, make_doc, make_page

from newsie.display import luminance, render_document, render_event, render_events

#: (page background, page text colour) of the themes a notebook may be shown in
THEMES = {"light": ("#ffffff", "#1f1f1f"), "dark": ("#1e1e1e", "#d4d4d4")}
_VOID = {"br", "hr", "img", "meta", "input", "wbr"}


def _style(style: str, name: str) -> str | None:
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", style or "")
    return match.group(1).strip() if match else None


def _solid(value: str | None) -> str | None:
    """A colour that covers what is behind it (#rgb / #rrggbb / white); None for
    none, inherit, transparent or translucent rgba()."""
    if not value:
        return None
    value = value.split()[0]
    if value == "white":
        return "#ffffff"
    return value if re.fullmatch(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?", value) else None


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class _Texts(HTMLParser):
    """(text, colour, background) of every text in a fragment, in a theme."""

    def __init__(self, background: str, color: str) -> None:
        super().__init__()
        self.stack = [(background, color)]
        self.texts: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("style") or ""
        background, color = self.stack[-1]
        background = _solid(_style(style, "background")) or background
        color = _solid(_style(style, "color")) or color
        if tag not in _VOID:
            self.stack.append((background, color))

    def handle_endtag(self, tag):
        if tag not in _VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            background, color = self.stack[-1]
            self.texts.append((data.strip(), color, background))


def _fragments():
    page = make_page()
    doc = make_doc()
    doc.errors.append("something failed")
    return {
        "page": render_document(page),
        "doc": render_document(doc),
        "event": render_event(page.all_events[0]),
        "events": render_events(page.all_events, texts={i.id: i.text for i in page.items}),
    }


@pytest.mark.parametrize("theme", THEMES)
def test_every_text_reads_in_the_theme(theme):
    background, color = THEMES[theme]
    for name, fragment in _fragments().items():
        parser = _Texts(background, color)
        parser.feed(fragment)
        assert parser.texts, name
        for text, fg, bg in parser.texts:
            assert contrast(fg, bg) >= 3.0, (theme, name, text, fg, bg)


def test_highlights_and_chips_set_their_own_text_colour():
    """A light chip on a dark page needs dark text of its own: the theme's is light."""
    for fragment in _fragments().values():
        for style in re.findall(r'style="([^"]*)"', fragment):
            background = _solid(_style(style, "background"))
            if background and luminance(background) > 0.4:
                assert _solid(_style(style, "color")), style


def test_split_page_header_names_all_events():
    out = render_document(make_page())
    assert "2 items, 2 event(s) in its items (<code>doc.all_events</code>)" in out


def _shot(chromium, tmp_path, html_path, png):
    return subprocess.run(
        [chromium, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={png}", "--window-size=1000,700", html_path.as_uri()],
        check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("theme", THEMES)
def test_display_renders_in_both_themes(chromium, tmp_path, theme):
    background, color = THEMES[theme]
    page = tmp_path / f"{theme}.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
        f"<body style='background:{background};color:{color};margin:1.5em'>"
        f"{render_document(make_page())}</body></html>",
        encoding="utf-8",
    )
    png = tmp_path / f"{theme}.png"
    result = _shot(chromium, tmp_path, page, png)
    assert png.is_file(), result.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
