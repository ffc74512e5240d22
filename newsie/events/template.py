"""Event templates: the declarative description of an event type.

A template names the event type, the words (or regular expressions) that trigger it and
its roles, each with the entity / value labels it accepts.  Templates are TOML files (see
``docs/templates.md``); the built-in ones live in ``corpora/templates/``.  Register your
own with :func:`register_template` -- no change to newsie needed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Side = Literal["before", "after", "any"]
#: The four classes of China's national emergency plan (国家突发公共事件总体应急预案):
#: 自然灾害, 事故灾难, 公共卫生事件, 社会安全事件.
EmergencyClass = Literal["natural_disaster", "accident", "public_health", "social_security"]
EMERGENCY_CLASSES: dict[str, str] = {
    "natural_disaster": "自然灾害",
    "accident": "事故灾难",
    "public_health": "公共卫生事件",
    "social_security": "社会安全事件",
}
#: The 33 event subtypes of ACE 2005 (LDC2006T06), as Type:Subtype.
ACE_SUBTYPES = (
    "Life:Be-Born",
    "Life:Marry",
    "Life:Divorce",
    "Life:Injure",
    "Life:Die",
    "Movement:Transport",
    "Transaction:Transfer-Ownership",
    "Transaction:Transfer-Money",
    "Business:Start-Org",
    "Business:Merge-Org",
    "Business:Declare-Bankruptcy",
    "Business:End-Org",
    "Conflict:Attack",
    "Conflict:Demonstrate",
    "Contact:Meet",
    "Contact:Phone-Write",
    "Personnel:Start-Position",
    "Personnel:End-Position",
    "Personnel:Nominate",
    "Personnel:Elect",
    "Justice:Arrest-Jail",
    "Justice:Release-Parole",
    "Justice:Trial-Hearing",
    "Justice:Charge-Indict",
    "Justice:Sue",
    "Justice:Convict",
    "Justice:Sentence",
    "Justice:Fine",
    "Justice:Execute",
    "Justice:Extradite",
    "Justice:Acquit",
    "Justice:Appeal",
    "Justice:Pardon",
)
#: The names of the codes a template (and each of its events) carries.
CODE_FIELDS = (
    "ace", "cameo", "cameo_root", "goldstein", "quad_class", "emergency_class", "broader"
)


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
    cued: bool = Field(
        default=False,
        description="Only a filler a cue word marks (向X道歉) or a pattern captures fills "
        "the role: the one before the trigger with no cue is the doer (X道歉), not whom.",
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
    context: bool | Literal["linked"] = Field(
        default=False,
        description="May be taken from earlier sentences of the document when the "
        "event's own sentence lacks it; 'linked': only when that sentence points back, by "
        "its opening or a pronoun (此举旨在推进…采购计划, 他曾是…), not when it tells something else (全国企业"
        "采购…金额同比增长).",
    )
    continued: bool = Field(
        default=False,
        description="May be taken from the next sentence when that one goes on about "
        "the event (starts with 该, 此, 这, 其: 该磁体磁场达到16.5特斯拉).",
    )
    roll: bool = Field(
        default=False,
        description="When the trigger's object is a counted group of people (表揚12位…"
        "人員), or its filler heads one (黃之鋒等20人被控) and the rolls after it name as "
        "many, the role takes the names of those rolls (…王建雄、陳弘益…等12人); with no "
        "filler of its own, it takes the rolls after it headed by a prize (特等獎8位：…).",
    )
    speaker: bool = Field(
        default=False,
        description="Who says the sentence does it (X表示，…由衷感谢…): a reporting source "
        "is no outsider, and with no filler of its own the role takes the speaker of the "
        "trigger's paragraph.",
    )
    agent: bool = Field(
        default=False,
        description="The doer, whom a passive trigger word (被捕, 被罚, 获释, 落网) never "
        "has before it: there the one before it is the patient.",
    )
    authorities: bool = Field(
        default=True,
        description="Whether a government or party body (国务院, 水利部, 警方) may fill the "
        "role; not a launch's company: what a ministry 发布 is a document, no product.",
    )
    shares: tuple[str, ...] = Field(
        default=(),
        description="Roles whose place this role may take too (an attack's place is the "
        "place it struck: 对叙利亚南部苏韦达省发动空袭).",
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
    name_triggers: tuple[str, ...] = Field(
        default=(),
        description="Trigger words that are a movement's name (反送中, 占领运动): the name "
        "stands for the whole movement, so no person or organisation of its sentence is "
        "its participant (他占领运动时不在前线); role patterns still fill them.",
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
    background: bool = Field(
        default=True,
        description="Whether a mention in a background clause with no time of its own "
        "(曾在…担任, 此前…) is an event of this type; false for career steps.",
    )
    dated_by_publication: bool = Field(
        default=False,
        description="Whether a mention with no time of its own that happened took place on "
        "the publication day (a market report's limit moves: 某股涨停).",
    )
    one_per_story: bool = Field(
        default=False,
        description="Whether a story usually tells one of it (a death, an explosion): its "
        "mentions in one document merge whatever place or toll each names, unless they "
        "name different people or carry times that do not meet.",
    )
    bare_nominals: bool = Field(
        default=True,
        description="Whether a bare common noun for people (教師, 護士) may be the person "
        "of the event; false for career steps, where it tells a habit (護士退休後…, "
        "無法加入醫管局), not one person's step (一名護士, 该教师 and names still do).",
    )
    begins_range: bool = Field(
        default=False,
        description="Whether a range given as the event's time is a stretch the event "
        "begins: a tenure (2007年5月至2011年6月任…主任: took the post in May 2007), the run "
        "of an opening (即日起至5月5日试营运: opened today).",
    )
    plannable: bool = Field(
        default=True,
        description="Whether a mention told as to come (将访问, 拟收购) is an event of this "
        "type, a planned one; false for an outcome (a win, a title), where it is a forecast "
        "(中国将胜出, 有望持续胜出), no event.",
    )
    stated_by_age: bool = Field(
        default=False,
        description="Whether a trigger followed by the age of what it made (成立24年来, "
        "成立迄今) still states the event; an anniversary (成立76周年) never does.",
    )
    layer: str = Field(
        default="base",
        description="The templates of one layer are applied in one pass, where a trigger "
        "of each bounds the roles of the others (离开后他将创办X); the events stage runs "
        "each layer on its own, base first, so a template of a new layer changes no "
        "event of another. The news and DuEE types are 'base', the news-desk types "
        "added with the ontology codes (emergencies, business, politics, ACE) 'desk'.",
    )
    ace: str | None = Field(
        default=None,
        description="ACE 2005 event type and subtype it maps to, as Type:Subtype "
        "(Conflict:Attack, Justice:Arrest-Jail).",
    )
    cameo: str | None = Field(
        default=None,
        pattern=r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$",
        description="CAMEO event code it maps to: a root (2 digits, 19), or where the "
        "type is that precise a base (3 digits, 193) or sub code (4 digits, 0871).",
    )
    goldstein: float | None = Field(
        default=None,
        ge=-10,
        le=10,
        description="Goldstein scale value of the CAMEO code (-10 conflict .. +10 "
        "cooperation); filled from the code when not given.",
    )
    quad_class: Literal[1, 2, 3, 4] | None = Field(
        default=None,
        description="QuadClass of the CAMEO code: 1 verbal cooperation, 2 material "
        "cooperation, 3 verbal conflict, 4 material conflict; filled from the code.",
    )
    broader: str | None = Field(
        default=None,
        description="The broader type this one refines (shooting: attack; "
        "corpora/ontology/broader.toml): where both read one trigger, only this type's "
        "event is kept, and it names the broader type.",
    )
    emergency_class: EmergencyClass | None = Field(
        default=None,
        description="Class of China's national emergency plan: natural_disaster (自然灾害), "
        "accident (事故灾难), public_health (公共卫生事件), social_security (社会安全事件).",
    )

    @property
    def cameo_root(self) -> str | None:
        """The two-digit CAMEO root of :attr:`cameo` (19 for 193)."""
        return self.cameo[:2] if self.cameo else None

    def unfilled(self, filled) -> list[str]:
        """The required roles not in ``filled`` (role names), and ``a|b`` when none of
        :attr:`required_any` is."""
        missing = [name for name, role in self.roles.items() if role.required and name not in filled]
        if self.required_any and not any(name in filled for name in self.required_any):
            missing.append("|".join(self.required_any))
        return missing

    def codes(self) -> dict[str, Any]:
        """The codes its events carry: ace, cameo, cameo_root, goldstein, quad_class,
        emergency_class, and the broader type it refines (None where none applies)."""
        return {name: getattr(self, name) for name in CODE_FIELDS}

    @model_validator(mode="before")
    @classmethod
    def _cameo_values(cls, data: Any) -> Any:
        """Fill goldstein and quad_class from the CAMEO code."""
        if isinstance(data, Mapping) and data.get("cameo"):
            code = str(data["cameo"])
            known = cameo_codes()
            if code not in known:
                raise ValueError(f"unknown CAMEO code {code!r} (corpora/ontology/cameo.toml)")
            data = dict(data)
            data.setdefault("goldstein", known[code]["goldstein"])
            data.setdefault("quad_class", quad_class_of(code))
        return data

    @model_validator(mode="after")
    def _codes_agree(self) -> Template:
        if self.ace is not None and self.ace not in ACE_SUBTYPES:
            raise ValueError(f"unknown ACE 2005 subtype {self.ace!r}: one of {ACE_SUBTYPES}")
        if self.cameo is None and (self.goldstein is not None or self.quad_class is not None):
            raise ValueError("goldstein and quad_class need a cameo code")
        if self.cameo is not None and self.quad_class != quad_class_of(self.cameo):
            raise ValueError(
                f"CAMEO {self.cameo} is QuadClass {quad_class_of(self.cameo)}, not {self.quad_class}"
            )
        return self

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


@cache
def cameo_codes() -> dict[str, dict[str, Any]]:
    """The CAMEO event codes newsie knows (``corpora/ontology/cameo.toml``): code ->
    ``{"name", "goldstein"}``; every root and the codes the templates use."""
    from newsie.resources import corpora_path

    with corpora_path("ontology", "cameo.toml").open("rb") as handle:
        return tomllib.load(handle)["codes"]


def quad_class_of(code: str) -> int:
    """GDELT's QuadClass of a CAMEO code: roots 01-05 are 1, 06-08 2, 09-13 3, 14-20 4."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@cache
def ontology_codes() -> dict[str, dict[str, Any]]:
    """The codes of the built-in event types (``corpora/ontology/codes.toml``, and the
    broader type of ``broader.toml``): type -> ``{"ace", "cameo", "emergency_class",
    "broader", ...}``, merged into each template at load."""
    from newsie.resources import corpora_path

    with corpora_path("ontology", "codes.toml").open("rb") as handle:
        table = tomllib.load(handle)
    with corpora_path("ontology", "broader.toml").open("rb") as handle:
        for name, broader in tomllib.load(handle).items():
            table.setdefault(name, {})["broader"] = broader
    return table


def parse_templates(data: Mapping[str, Any], source: str = "<dict>") -> list[Template]:
    """Templates from already-parsed TOML/JSON data.  The codes of
    :func:`ontology_codes` fill the code fields a template does not set itself."""
    entries = data["template"] if "template" in data else [data]
    out = []
    table = ontology_codes()
    for entry in entries:
        codes = table.get(entry.get("type")) if isinstance(entry, Mapping) else None
        if codes:
            entry = {**codes, **entry}
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


def event_codes(event_type: str) -> tuple[tuple[str, Any], ...]:
    """The codes (name, value) the events of ``event_type`` carry: the registered
    template's, else those of the codes table (an unregistered type of a template
    loaded by hand), else none."""
    template = _TEMPLATES.get(event_type)
    if template is not None:
        return tuple(template.codes().items())
    entry = ontology_codes().get(event_type)
    if entry is None:
        return ()
    try:
        template = Template.model_validate({"type": event_type, **entry})
    except ValueError:  # pydantic's ValidationError
        return ()
    return tuple(template.codes().items())


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
