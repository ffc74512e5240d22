"""Event records: frozen pydantic models, one subclass per event type.

Every event type is declared by a :class:`~newsie.events.template.Template`; its model is
made from the template (``type`` is a ``Literal`` and argument roles are the template's
roles), and :func:`event_union` gives the discriminated union of all registered types.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model

from newsie._compact import CompactModel, pack_layer, restore, unpack_layer
from newsie.time.value import TimeValue

Status = Literal["happened", "planned", "denied", "reported"]


class Trigger(CompactModel):
    """The word or phrase that signals the event."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(description="Character offset in the document text.")
    end: int = Field(description="Exclusive end offset in the document text.")
    text: str = Field(description="The trigger text, doc.text[start:end].")
    label: str = Field(default="TRIGGER", description="Always 'TRIGGER'.")


class Argument(CompactModel):
    """One participant or attribute of an event (who, whom, what, how much, where)."""

    model_config = ConfigDict(frozen=True)

    role: str = Field(description="Role name in the event type's template, e.g. 'person'.")
    text: str = Field(description="The argument text, doc.text[start:end].")
    start: int = Field(description="Character offset in the document text.")
    end: int = Field(description="Exclusive end offset in the document text.")
    label: str | None = Field(
        default=None, description="Entity or value label of the filler (PERSON, MONEY, ...)."
    )
    value: float | str | None = Field(
        default=None,
        description="Normalised value: a number for money and quantities, the canonical "
        "name for entities.",
    )
    unit: str | None = Field(default=None, description="Unit of a quantity.")
    currency: str | None = Field(default=None, description="ISO 4217 currency of money.")
    approximate: bool = Field(
        default=False,
        description="The value is an estimate or a lower bound (数十人: at least 10).",
    )


class Evidence(CompactModel):
    """Where an event was found and what found it."""

    model_config = ConfigDict(frozen=True)

    document_id: str = Field(description="Id of the document the event comes from.")
    sentence_index: int | None = Field(description="Index into doc.sentences.")
    start: int = Field(description="Start offset of the evidence sentence.")
    end: int = Field(description="End offset of the evidence sentence.")
    stage: str = Field(description="Pipeline stage that made the event.")
    template: str = Field(description="Template that matched.")
    template_version: str = Field(description="Version of that template.")


class Event(BaseModel):
    """An event: its type, trigger, arguments, time, status, confidence and evidence."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable id: hash of document id, type and trigger offset.")
    type: str = Field(description="Event type, e.g. 'departure'.")
    trigger: Trigger
    arguments: list[Argument] = Field(default_factory=list)
    time: TimeValue | None = Field(default=None, description="When it happened / will happen.")
    time_text: str | None = Field(default=None, description="The time expression used.")
    status: Status = Field(default="happened", description="happened, planned, denied, reported.")
    confidence: float = Field(ge=0.0, le=1.0, description="Estimated probability it is right.")
    evidence: Evidence
    # the codes of the event's type (its template's, see corpora/ontology/codes.toml):
    # each type's model has them as defaults, so every event carries them
    ace: str | None = Field(
        default=None,
        description="ACE 2005 event subtype of the type, Type:Subtype (Conflict:Attack).",
    )
    cameo: str | None = Field(
        default=None,
        description="CAMEO event code of the type: a root (18), base (193) or sub code (0871).",
    )
    cameo_root: str | None = Field(default=None, description="Two-digit CAMEO root of `cameo`.")
    goldstein: float | None = Field(
        default=None, description="Goldstein scale value of the CAMEO code (-10 .. +10)."
    )
    quad_class: int | None = Field(
        default=None,
        description="QuadClass of the CAMEO code: 1 verbal cooperation, 2 material "
        "cooperation, 3 verbal conflict, 4 material conflict.",
    )
    emergency_class: str | None = Field(
        default=None,
        description="Class of China's national emergency plan: natural_disaster, accident, "
        "public_health or social_security.",
    )
    broader: str | None = Field(
        default=None,
        description="The broader type this event's type refines (a shooting is an attack): "
        "count it with that type.",
    )

    def get(self, role: str) -> str | None:
        """Text of the first argument filling ``role`` (None if unfilled)."""
        for argument in self.arguments:
            if argument.role == role:
                return argument.text
        return None

    def all(self, role: str) -> list[Argument]:
        """All arguments filling ``role``."""
        return [argument for argument in self.arguments if argument.role == role]

    @property
    def roles(self) -> dict[str, list[str]]:
        """Role name -> argument texts."""
        out: dict[str, list[str]] = {}
        for argument in self.arguments:
            out.setdefault(argument.role, []).append(argument.text)
        return out

    def _repr_html_(self) -> str:  # Jupyter
        from newsie.display import render_event

        return render_event(self)

    def __reduce__(self):
        """Pickle by value: the model of an event type is made at run time
        (:func:`event_model`) and cannot be found by name, so an event travels as the
        key of its model, its field values and its arguments as rows."""
        cls = type(self)
        key = _MODEL_KEYS.get(cls, cls)  # a class made by _model_for, or an importable one
        state = self.__dict__
        arguments = pack_layer(state["arguments"])
        if (
            self.__pydantic_extra__
            or self.__pydantic_private__
            or (state["arguments"] and arguments[0] is not _argument_model(cls))
        ):
            return _rebuild_event, (key, self.model_dump(exclude_unset=True))
        values = tuple(  # the argument class is known from the event class: not sent
            arguments[1:] if name == "arguments" else value for name, value in state.items()
        )
        return _restore_event, (key, tuple(state), values, frozenset(self.__pydantic_fields_set__))


def _argument_model(cls: type[Event]) -> type[Argument]:
    """The argument class of an event model (its ``arguments`` items)."""
    from typing import get_args

    return get_args(cls.model_fields["arguments"].annotation)[0]


def _rebuild_event(key: Any, data: dict[str, Any]) -> Event:
    """Unpickle an event (see :meth:`Event.__reduce__`) by validating its data."""
    cls = _model_for(*key) if isinstance(key, tuple) else key
    return cls.model_validate(data)


def _restore_event(
    key: Any, names: tuple[str, ...], values: tuple, fields_set: frozenset[str]
) -> Event:
    """Unpickle an event (see :meth:`Event.__reduce__`) without re-validating it."""
    cls = _model_for(*key) if isinstance(key, tuple) else key
    state = dict(zip(names, values))
    rows, fields_sets = state["arguments"]
    state["arguments"] = unpack_layer(_argument_model(cls) if rows else None, rows, fields_sets)
    return restore(cls, tuple(state[name] for name in cls.model_fields), fields_set)


def event_id(document_id: str, event_type: str, start: int) -> str:
    """Stable id of an event mention."""
    key = f"{document_id}\x1f{event_type}\x1f{start}".encode()
    return hashlib.sha1(key).hexdigest()[:16]


#: The _model_for key of each model it made, to rebuild unpickled events with.
_MODEL_KEYS: dict[type, tuple[str, tuple[str, ...], str, tuple]] = {}


def _model_for(
    event_type: str, roles: tuple[str, ...], description: str, codes: tuple | None = None
) -> type[Event]:
    """The model of an event type, made once per (type, roles, description, codes);
    ``codes`` ((name, value) pairs, see :meth:`Template.codes`) default to those of the
    registered type (:func:`~newsie.events.template.event_codes`)."""
    if codes is None:
        from newsie.events.template import event_codes

        codes = event_codes(event_type)
    return _cached_model(event_type, roles, description, codes)


@cache
def _cached_model(
    event_type: str, roles: tuple[str, ...], description: str, codes: tuple
) -> type[Event]:
    model = _make_model(event_type, roles, description, codes)
    _MODEL_KEYS[model] = (event_type, roles, description, codes)
    return model


def _make_model(
    event_type: str, roles: tuple[str, ...], description: str, codes: tuple = ()
) -> type[Event]:
    role_type: Any = Literal[roles] if roles else str  # type: ignore[valid-type]
    argument_model = create_model(
        f"{_camel(event_type)}Argument",
        __base__=Argument,
        role=(role_type, Field(description=f"One of the roles of '{event_type}'.")),
    )
    code_fields = {
        name: (
            Event.model_fields[name].annotation,
            Field(default=value, description=Event.model_fields[name].description),
        )
        for name, value in codes
        if value is not None
    }
    return create_model(
        _camel(event_type),
        __base__=Event,
        __doc__=description or f"A '{event_type}' event.",
        type=(Literal[event_type], Field(description="Event type.")),  # type: ignore[valid-type]
        arguments=(list[argument_model], Field(default_factory=list)),  # type: ignore[valid-type]
        **code_fields,
    )


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Event"


def event_model(event_type: str) -> type[Event]:
    """The model class of a registered event type."""
    from newsie.events.template import get_template

    template = get_template(event_type)
    return _model_for(
        template.type, tuple(template.roles), template.description, tuple(template.codes().items())
    )


def event_union() -> Any:
    """The discriminated union (on ``type``) of all registered event types."""
    from newsie.events.template import registered_templates

    models = [event_model(name) for name in sorted(registered_templates())]
    if len(models) == 1:
        return models[0]
    return Annotated[Union[tuple(models)], Field(discriminator="type")]  # noqa: UP007


def event_adapter() -> TypeAdapter:
    """A TypeAdapter validating any registered event (e.g. from JSON)."""
    return TypeAdapter(event_union())


def json_schema() -> dict[str, Any]:
    """The JSON Schema of event records: a union discriminated on ``type``."""
    schema = event_adapter().json_schema()
    schema.setdefault("title", "newsie event")
    schema["$comment"] = "Generated by newsie from its event templates."
    return schema
