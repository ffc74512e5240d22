"""The stage registry: stages are registered by name with what they require and provide.

A stage is any callable ``Document -> Document``.  A *factory* builds one from its
configuration; classes are factories (their ``__init__`` keywords are the config) and
plain functions are stages that take no config.  Third-party packages register stages
through the ``newsie.stages`` entry-point group.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: The layers a Document carries; stages declare which they require and provide.
LAYERS = ("items", "sentences", "tokens", "entities", "times", "values", "events")


@dataclass(frozen=True)
class StageSpec:
    """How to build a registered stage."""

    name: str
    factory: Callable[..., Any]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    splits: bool = False
    description: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)

    def build(self, config: dict[str, Any] | None = None) -> Callable[..., Any]:
        """Instantiate the stage with ``config`` (keyword arguments of the factory)."""
        config = dict(config or {})
        if inspect.isclass(self.factory):
            try:
                return self.factory(**config)
            except TypeError as exc:
                raise TypeError(f"stage {self.name!r}: bad config {config}: {exc}") from exc
        if config:
            raise TypeError(f"stage {self.name!r} is a function and takes no config: {config}")
        return self.factory


_REGISTRY: dict[str, StageSpec] = {}
_ENTRY_POINTS_LOADED = False


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
    splits: bool = False,
) -> Callable[[F], F]:
    """Register a stage factory under ``name``.

    >>> @stage("shout", requires=["sentences"], provides=["meta"])
    ... def shout(doc):
    ...     doc.meta["loud"] = doc.text.upper()
    ...     return doc

    ``splits=True`` marks a stage that returns a list of documents (a page splitter).
    """

    def register(factory: F) -> F:
        doc = inspect.getdoc(factory) or ""
        _REGISTRY[name] = StageSpec(
            name=name,
            factory=factory,
            requires=tuple(requires),
            provides=tuple(provides),
            splits=splits,
            description=doc.splitlines()[0] if doc else "",
        )
        factory.stage_name = name  # type: ignore[attr-defined]
        return factory

    return register


def _load_entry_points() -> None:
    global _ENTRY_POINTS_LOADED
    if _ENTRY_POINTS_LOADED:
        return
    _ENTRY_POINTS_LOADED = True
    for ep in entry_points(group="newsie.stages"):
        if ep.name not in _REGISTRY:
            ep.load()  # importing the module registers its stages


_BUILTINS_LOADED = False


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    from importlib import import_module

    from newsie.stages import BUILTIN_MODULES

    for module in BUILTIN_MODULES:
        import_module(module)
    _BUILTINS_LOADED = True


def get_stage(name: str) -> StageSpec:
    """The registered stage called ``name`` (built-in, user or plugin)."""
    _load_builtins()
    if name not in _REGISTRY:
        _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no stage named {name!r}; registered stages: {known}") from None


def registered_stages() -> dict[str, StageSpec]:
    """All registered stages by name."""
    _load_builtins()
    _load_entry_points()
    return dict(_REGISTRY)
