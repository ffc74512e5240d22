"""Compact pickling for the small frozen models a pipeline makes by the thousand.

Pydantic pickles a model as its ``__dict__`` plus bookkeeping and restores it in Python,
one object at a time; for a document with ten thousand tokens that cost more than
making them, and it is what worker processes pay to send documents back.  Here a
:class:`CompactModel` pickles as its class and a tuple of field values, a list of them
(a document layer) as one class and a list of tuples, and both are restored without
re-validation: the values were valid when they were pickled.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any

from pydantic import BaseModel

# the setters of BaseModel's own slots: calling them skips the attribute lookup that
# object.__setattr__ makes on every call (for loops that make a model per word)
set_state = vars(BaseModel)["__dict__"].__set__
set_fields_set = vars(BaseModel)["__pydantic_fields_set__"].__set__
set_extra = vars(BaseModel)["__pydantic_extra__"].__set__
set_private = vars(BaseModel)["__pydantic_private__"].__set__
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type[BaseModel]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(cls.model_fields)
    return names


def _new(cls: type[BaseModel], state: dict[str, Any], fields_set: set[str]):
    """A model with these field values, made without validation."""
    obj = cls.__new__(cls)
    set_state(obj, state)
    set_fields_set(obj, fields_set)
    set_extra(obj, None)
    set_private(obj, None)
    return obj


def restore(cls: type[BaseModel], values: tuple, fields_set: frozenset[str] | None = None):
    """Rebuild a model pickled by :meth:`CompactModel.__reduce__`."""
    names = _names(cls)
    return _new(cls, dict(zip(names, values)), set(names if fields_set is None else fields_set))


class CompactModel(BaseModel):
    """A pydantic model that pickles as ``(class, field values)``."""

    def __reduce__(self) -> tuple[Any, ...]:
        cls = type(self)
        state = self.__dict__
        names = _names(cls)
        if len(state) != len(names) or self.__pydantic_extra__ or self.__pydantic_private__:
            return super().__reduce__()  # something unusual: let pydantic handle it
        fields_set = self.__pydantic_fields_set__
        unset = None if len(fields_set) == len(names) else frozenset(fields_set)
        return restore, (cls, tuple(state[name] for name in names), unset)


def pack_layer(items: list[Any]) -> tuple[type | None, list[Any], list | None]:
    """``(cls, rows, fields_sets)`` for a list of models of one class ``cls``:
    ``fields_sets`` is None when every model has all its fields set.  Anything else is
    ``(None, items, None)``, pickled object by object."""
    if not items:
        return None, items, None
    cls = type(items[0])
    if not _packable(cls) or set(map(type, items)) != {cls}:
        return None, items, None
    rows = list(map(itemgetter(*_names(cls)), map(_STATE, items)))
    fields_sets = list(map(_FIELDS_SET, items))
    if min(map(len, fields_sets)) == len(_names(cls)):
        return cls, rows, None
    shared: dict[frozenset[str], frozenset[str]] = {}  # equal sets pickle once
    sets = [shared.setdefault(fs := frozenset(f), fs) for f in fields_sets]
    return cls, rows, sets


_STATE = attrgetter("__dict__")
_FIELDS_SET = attrgetter("__pydantic_fields_set__")


@cache
def _packable(cls: type) -> bool:
    """A CompactModel of two fields or more whose instances hold nothing but their
    fields (no extra fields, no private attributes): it packs as rows of values."""
    return (
        issubclass(cls, CompactModel)
        and len(_names(cls)) >= 2
        and cls.model_config.get("extra") != "allow"
        and not cls.__private_attributes__
    )


def unpack_layer(cls: type | None, rows: list[Any], fields_sets: list | None) -> list[Any]:
    """The list :func:`pack_layer` packed."""
    if cls is None:
        return rows
    if fields_sets is None and cls.model_config.get("frozen", False):
        return fast_unpacker(cls)(rows)
    names = _names(cls)
    return [
        _new(cls, dict(zip(names, row)), set(names if fields_sets is None else fields_sets[i]))
        for i, row in enumerate(rows)
    ]


@cache
def fast_unpacker(cls: type[BaseModel]) -> Callable[[Iterable[tuple]], list]:
    """A loop written for ``cls`` (as ``dataclasses`` and ``namedtuple`` write their
    methods): rows unpack into a dict literal, and all models share one fields-set
    (``cls`` is frozen: nothing adds to it).  A few times faster than a generic loop,
    for the spans another process sends and the words a TokenLayer makes."""
    names = _names(cls)
    variables = [f"v{i}" for i in range(len(names))]
    state = ", ".join(f"{name!r}: {var}" for name, var in zip(names, variables))
    source = (
        "def unpack(rows):\n"
        "    layer = []\n"
        "    append = layer.append\n"
        f"    for {', '.join(variables)}, in rows:\n"
        "        obj = new(cls)\n"
        f"        set_state(obj, {{{state}}})\n"
        "        set_fields(obj, fields)\n"
        "        set_extra(obj, None)\n"
        "        set_private(obj, None)\n"
        "        append(obj)\n"
        "    return layer\n"
    )
    namespace = {
        "new": cls.__new__,
        "cls": cls,
        "set_state": set_state,
        "set_fields": set_fields_set,
        "set_extra": set_extra,
        "set_private": set_private,
        "fields": set(names),
    }
    exec(source, namespace)  # noqa: S102 - source built above from the model's field names
    return namespace["unpack"]


def dumps(obj: Any) -> bytes:
    """``pickle.dumps`` (highest protocol) with the cyclic garbage collector paused."""
    with gc_paused():
        return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(payload: bytes) -> Any:
    """``pickle.loads`` with the cyclic garbage collector paused: unpickling a batch
    makes many objects and no garbage, and collections triggered by the allocation count
    would otherwise rescan all of them."""
    with gc_paused():
        return pickle.loads(payload)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: for code that makes many objects that cannot
    form reference cycles (collections triggered by the allocation count would rescan
    every live object, again and again)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
