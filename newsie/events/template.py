"""Event templates: the declarative description of an event type.

A template names the event type, the words (or regular expressions) that trigger it and
its roles, each with the entity / value labels it accepts.  Templates are TOML files (see
``docs/templates.md``); the built-in ones live in ``corpora/templates/``.  Register your
own with :func:`register_template` -- no change to newsie needed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Side = Literal["before", "after", "any"]


class Role(BaseModel):
    """One role of an event type and how to fill it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    labels: tuple[str, ...] = Field(
        description="Entity or value labels a filler may have (PERSON, ORG, MONEY, ...)."
    )
    side: Side = Field(default="any", description="Where the filler sits relative to the trigger.")
    required: bool = Field(default=False, description="No event without this role.")
    multiple: bool = Field(default=False, description="The role takes every matching filler.")
    cues: tuple[str, ...] = Field(
        default=(), description="Words just before the filler that mark this role (向, 从)."
    )
    patterns: tuple[str, ...] = Field(
        default=(),
        description="Regexes over the sentence; the named group of the role's name is a "
        "filler of any label (for fillers that are no entity, e.g. 向(?P<recipient>...)捐赠).",
    )
    patterns_only: bool = Field(
        default=False,
        description="Only the role's patterns fill it, not any entity or value of its "
        "labels (a death toll is a number next to 死亡, not any number).",
    )
    fallback: tuple[str, ...] = Field(
        default=(),
        description="Like patterns, but tried only when no entity or pattern fills the "
        "role, and only matches that include the trigger (发布(?P<product>…)).",
    )
    context: bool = Field(
        default=False,
        description="May be taken from earlier sentences of the document when the "
        "event's own sentence lacks it.",
    )
    continued: bool = Field(
        default=False,
        description="May be taken from the next sentence when that one goes on about "
        "the event (starts with 该, 此, 这, 其: 该磁体磁场达到16.5特斯拉).",
    )
    duee: str | None = Field(default=None, description="DuEE role name it maps to.")
    description: str = ""


class Template(BaseModel):
    """The declaration of one event type."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(description="English event type name, snake_case.")
    version: str = Field(default="1", description="Bumped whenever the template changes.")
    label: str = Field(default="", description="Chinese name of the event type.")
    duee: str | None = Field(default=None, description="DuEE 1.0 event type it maps to.")
    description: str = ""
    triggers: tuple[str, ...] = Field(default=(), description="Trigger words.")
    patterns: tuple[str, ...] = Field(
        default=(),
        description="Trigger regexes; the group 'trigger' (or the whole match) is the trigger.",
    )
    strong_triggers: tuple[str, ...] = Field(
        default=(),
        description="Trigger words that name the event beyond doubt (火灾, 大火): their "
        "events stand, with lower confidence, when a required role finds no filler.",
    )
    exclude: tuple[str, ...] = Field(
        default=(),
        description="Phrases that contain a trigger word but do not state the event "
        "(离职声明, 采购联盟).",
    )
    roles: dict[str, Role] = Field(default_factory=dict)
    required_any: tuple[str, ...] = Field(
        default=(),
        description="No event unless at least one of these roles is filled (a trigger "
        "alone is too weak, but no single role is always there).",
    )
    confidence: float = Field(default=0.7, ge=0, le=1, description="Base confidence.")
    status: Literal["happened", "planned", "denied", "reported"] | None = Field(
        default=None, description="Fixed status, when the trigger itself implies one."
    )
    passive: dict[str, str] = Field(
        default_factory=dict,
        description="Roles that trade places when the trigger is passive (被/遭 击败): "
        "{winner = 'loser', loser = 'winner'}.",
    )
    merge: bool = Field(
        default=True,
        description="Merge mentions of this type within a document when their arguments agree.",
    )

    @field_validator("type")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not value.replace("_", "").isalnum() or not value.islower() or not value.isascii():
            raise ValueError(f"event type must be lower snake_case ASCII, got {value!r}")
        return value


_TEMPLATES: dict[str, Template] = {}
_BUILTINS_LOADED = False


def load_templates(path: str | Path) -> list[Template]:
    """Read the template(s) in a TOML file: one table, or a ``[[template]]`` array."""
    path = Path(path)
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return parse_templates(data, source=str(path))


def parse_templates(data: Mapping[str, Any], source: str = "<dict>") -> list[Template]:
    """Templates from already-parsed TOML/JSON data."""
    entries = data["template"] if "template" in data else [data]
    out = []
    for entry in entries:
        try:
            out.append(Template.model_validate(entry))
        except Exception as exc:
            raise ValueError(f"bad template in {source}: {exc}") from exc
    return out


def register_template(template: Template | Mapping[str, Any] | str | Path) -> list[Template]:
    """Register templates (a Template, a dict, or a TOML file/folder); returns them.

    A template with the type of an existing one replaces it.
    """
    _load_builtins()
    return _register(template)


def _register(template: Template | Mapping[str, Any] | str | Path) -> list[Template]:
    if isinstance(template, Template):
        templates = [template]
    elif isinstance(template, Mapping):
        templates = parse_templates(template)
    else:
        path = Path(template)
        if path.is_dir():
            templates = [t for file in sorted(path.rglob("*.toml")) for t in load_templates(file)]
        elif path.is_file():
            templates = load_templates(path)
        else:
            raise FileNotFoundError(f"template file or folder not found: {path}")
    for item in templates:
        _TEMPLATES[item.type] = item
    return templates


def unregister_template(event_type: str) -> None:
    """Remove a registered event type."""
    _load_builtins()
    _TEMPLATES.pop(event_type, None)


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    from newsie.resources import corpora_path

    _register(corpora_path("templates"))


def get_template(event_type: str) -> Template:
    """The registered template of ``event_type``."""
    _load_builtins()
    try:
        return _TEMPLATES[event_type]
    except KeyError:
        raise KeyError(f"no event type {event_type!r}; known: {sorted(_TEMPLATES)}") from None


def registered_templates() -> dict[str, Template]:
    """All registered templates by event type."""
    _load_builtins()
    return dict(_TEMPLATES)


def select_templates(types: Iterable[str] | None) -> list[Template]:
    """The templates for ``types`` (all registered ones when None)."""
    if types is None:
        return list(registered_templates().values())
    return [get_template(name) for name in types]
