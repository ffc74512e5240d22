"""The document that flows through a pipeline, and the spans its stages add."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidatorFunctionWrapHandler,
    WrapSerializer,
    WrapValidator,
    field_validator,
    model_validator,
)

from newsie._compact import CompactModel, pack_layer, restore, unpack_layer
from newsie.time.value import TimeValue


class Span(CompactModel):
    """A labelled stretch of ``Document.text``: ``doc.text[start:end] == span.text``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    text: str = Field(description="The covered text, exactly doc.text[start:end].")
    label: str = Field(description="What the span is (entity type, value kind, ...).")

    @model_validator(mode="after")
    def _check_bounds(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(
                f"span ({self.start}, {self.end}) does not match text {self.text!r}"
            )
        return self


class Sentence(Span):
    """A sentence (label 'SENT') or a heading line (label 'HEADING')."""


class Token(Span):
    """A word; ``label`` is its part of speech when the segmenter gives one, else 'W'."""


class Entity(Span):
    """A named entity: PERSON, ORG, GPE, LOC, PRODUCT, TITLE, ..."""

    canonical: str | None = Field(
        default=None, description="Canonical name after alias resolution."
    )
    entity_id: str | None = Field(default=None, description="Lexicon id, if known.")
    source: str | None = Field(default=None, description="Stage that produced it.")


class TimeMention(Span):
    """A time expression (label 'TIME') and its normalised value."""

    value: TimeValue | None = Field(
        default=None, description="Normalised value, or None when unresolved."
    )
    unresolved: str | None = Field(
        default=None, description="Why the value is None (e.g. 'no publication time')."
    )


class Value(Span):
    """A number with meaning: MONEY, QUANTITY (with unit), COUNT or PERCENT."""

    value: float = Field(description="The numeric value (26万 -> 260000).")
    unit: str | None = Field(default=None, description="Unit, e.g. '特斯拉', '平方米'.")
    currency: str | None = Field(default=None, description="ISO 4217 code for MONEY.")
    approximate: bool = Field(
        default=False,
        description="An estimate or a lower bound, not an exact figure (数十人, 10多人, "
        "约300万元): ``value`` is then the bound (10, 10, 3000000).",
    )


def _keep_token_layer(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    from newsie.token_layer import TokenLayer

    return value if isinstance(value, TokenLayer) else handler(value)


def _serialize_tokens(value: Sequence[Token], handler: SerializerFunctionWrapHandler) -> Any:
    return handler(value if type(value) is list else list(value))


class Document(BaseModel):
    """Text plus metadata, and the layers the pipeline stages fill in.

    Offsets of every span refer to ``text``.  ``published`` must be timezone-aware;
    naive datetimes are read as Asia/Shanghai time.
    """

    model_config = ConfigDict(validate_assignment=False, arbitrary_types_allowed=True)

    text: str = Field(description="The text the spans point into.")
    id: str = Field(default="", description="Document id; derived from the text if empty.")
    published: datetime | None = Field(default=None, description="Publication time.")
    source: str | None = None
    url: str | None = None
    title: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict, description="Free metadata.")

    sentences: list[Sentence] = Field(default_factory=list)
    tokens: Annotated[
        Sequence[Token], WrapValidator(_keep_token_layer), WrapSerializer(_serialize_tokens)
    ] = Field(default_factory=list)  # a list, or the TokenLayer a segmenter writes
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeMention] = Field(default_factory=list)
    values: list[Value] = Field(default_factory=list)
    events: list[Any] = Field(
        default_factory=list,
        description="Events found in this document's own text (none on a split page: "
        "they are in its items; doc.all_events holds them all).",
    )
    errors: list[str] = Field(
        default_factory=list, description="Errors recorded while processing this document."
    )
    items: list[Document] = Field(
        default_factory=list,
        description="Items a page splitter found (a main article, flash items); each is "
        "processed as a document of its own with offsets into its own text.",
    )
    parent_id: str | None = Field(default=None, description="Id of the page it came from.")
    offset: int = Field(
        default=0, description="Where this item's text starts in the parent page's text."
    )

    @field_validator("text", mode="before")
    @classmethod
    def _text_is_str(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(
                f"Document text must be str, got {type(value).__name__}; "
                "decode bytes with newsie.read_text() first"
            )
        return value

    @field_validator("published", mode="after")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        from newsie.time.zones import DEFAULT_TZ

        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=DEFAULT_TZ)
        return value

    @model_validator(mode="after")
    def _default_id(self) -> Document:
        if not self.id:
            self.id = hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return self

    def documents(self) -> list[Document]:
        """The processed documents: the items when the page was split, else itself."""
        return list(self.items) if self.items else [self]

    @property
    def all_events(self) -> list[Any]:
        """Events of this document, or of all its items when it was split.

        A page the ``page`` stage split into items holds no events of its own
        (``doc.events == []``): each item is processed as a document, with offsets into
        its own text.  ``doc.all_events`` is the one list to use for any document."""
        return [event for doc in self.documents() for event in doc.events]

    def span(self, start: int, end: int, label: str, cls: type[Span] = Span, **extra: Any):
        """Make a span of ``cls`` over ``text[start:end]``."""
        return cls(start=start, end=end, text=self.text[start:end], label=label, **extra)

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing character ``offset`` (None if none)."""
        import bisect

        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        """Pickle the span layers as rows (see :mod:`newsie._compact`): worker processes
        send whole documents back, and per-object pickling would cost more than the work."""
        if type(self) is not Document or self.__pydantic_extra__ or self.__pydantic_private__:
            return super().__reduce_ex__(protocol)
        from newsie.token_layer import TokenLayer  # pickles itself, as its offsets

        state = self.__dict__
        fields = tuple(
            pack_layer(state[name])
            if name in _LAYERS and type(state[name]) is not TokenLayer
            else state[name]
            for name in _FIELDS
        )
        return _restore_document, (fields, frozenset(self.__pydantic_fields_set__))

    def _repr_html_(self) -> str:  # Jupyter
        from newsie.display import render_document

        return render_document(self)

    def __repr__(self) -> str:
        head = self.text[:30].replace("\n", " ")
        if self.items:  # a split page: its layers are in its items
            counts = f"items={len(self.items)}, all_events={len(self.all_events)}"
        else:
            counts = (
                f"entities={len(self.entities)}, times={len(self.times)}, "
                f"events={len(self.events)}"
            )
        return (
            f"Document(id={self.id!r}, published={self.published}, chars={len(self.text)}, "
            f"{counts}, text={head!r}...)"
        )

    __str__ = __repr__


_FIELDS = tuple(Document.model_fields)
_LAYERS = frozenset({"sentences", "tokens", "entities", "times", "values"})


def _restore_document(fields: tuple, fields_set: frozenset[str]) -> Document:
    """Unpickle a Document (see :meth:`Document.__reduce_ex__`)."""
    from newsie.token_layer import TokenLayer

    values = tuple(
        unpack_layer(*value) if name in _LAYERS and type(value) is not TokenLayer else value
        for name, value in zip(_FIELDS, fields)
    )
    return restore(Document, values, fields_set)
