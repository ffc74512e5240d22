"""The pipeline: an ordered list of named stages that a Document flows through."""

from __future__ import annotations

import difflib
import gc
import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsie._compact import gc_paused
from newsie.document import Document
from newsie.registry import StageSpec, get_stage

DEFAULT_STAGES = ("page", "sentences", "tokens", "entities", "times", "values", "events")
#: Named pipelines for :func:`load`: ``default`` (every stage) and ``fast`` (rules and
#: lexicons only: no word segmentation, no statistical NER).
PRESETS: dict[str, tuple[str, ...]] = {
    "default": DEFAULT_STAGES,
    "fast": ("page", "sentences", "entities_fast", "times", "values", "events"),
}


class PipelineError(ValueError):
    """A pipeline that cannot run: unknown stage, missing layer, duplicate name."""


#: Keywords ``nlp(text, ...)`` takes besides ``published``, ``id`` and ``disable``:
#: Document metadata, and how to read the input (see ``make_document``).
CALL_KEYWORDS = ("published", "id", "disable", "source", "url", "title", "meta", "html",
                 "encoding", "max_chars")  # fmt: skip


def import_user_code(spec: str, base: str | Path | None = None) -> str:
    """Import what a pipeline's own stages and templates need: a module by name
    (``my_stages``, ``pkg.stages``; the working folder is searched first, as by
    ``python -m``), a Python file (``stages/sentiment.py``, imported as ``sentiment``
    with its folder put on ``sys.path``, so worker processes find it too) or a template
    file or folder (``my_templates.toml``, registered with
    :func:`newsie.register_template`).  A relative path is taken from ``base`` when
    given (a config file's folder), else from the working folder.  Returns what it
    imported (a module name or an absolute path), for :attr:`Pipeline.imports`."""
    import importlib

    path = Path(spec)
    if base is not None and not path.is_absolute():
        path = Path(base) / path
    if spec.endswith(".toml") or (path.is_dir() and any(path.glob("*.toml"))):
        from newsie.events.template import register_template

        register_template(path)
        return str(path.resolve())
    if spec.endswith(".py") or os.sep in spec or "/" in spec:
        if not path.is_file():
            raise ImportError(f"no Python file {str(path)!r}")
        folder, name = str(path.resolve().parent), path.stem
    else:
        folder, name = (str(Path(base).resolve()) if base is not None else os.getcwd()), spec
    if folder not in sys.path:
        sys.path.insert(0, folder)
    importlib.import_module(name)
    return name


def _check_keywords(function: str, given: Mapping[str, Any], accepted: Iterable[str]) -> None:
    """Raise TypeError for a keyword ``function`` does not take, naming the closest one
    it does (``publish`` -> ``published``), as a misspelt keyword would otherwise be
    accepted and ignored."""
    accepted = list(accepted)
    for name in given:
        if name in accepted:
            continue
        close = difflib.get_close_matches(name, accepted, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise TypeError(
            f"{function} got an unexpected keyword argument {name!r}{hint} "
            f"(it takes: {', '.join(accepted)})"
        )


@dataclass
class _Slot:
    name: str
    component: Callable[..., Any]
    factory: str | None  # registered factory name, None for an unregistered callable
    config: dict[str, Any] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    splits: bool = False


def _slot_from_spec(name: str, spec: StageSpec, config: dict[str, Any] | None) -> _Slot:
    return _Slot(
        name=name,
        component=spec.build(config),
        factory=spec.name,
        config=dict(config or {}),
        requires=spec.requires,
        provides=spec.provides,
        splits=spec.splits,
    )


class Pipeline:
    """Runs its stages in order over each document.

    Build one with :func:`newsie.load`; change it with :meth:`add`, :meth:`replace` and
    :meth:`remove`; save it with :meth:`to_config` / :meth:`save`.
    """

    def __init__(self, stages: Iterable[str | tuple[str, Mapping[str, Any]]] = ()) -> None:
        self._slots: list[_Slot] = []
        #: Modules, Python files and template files imported for this pipeline's stages
        #: (its config's ``[pipeline] imports``, the CLI's ``--import``): saved with it
        #: and imported again by worker processes.
        self.imports: list[str] = []
        for entry in stages:
            name, config = (entry, None) if isinstance(entry, str) else entry
            self._slots.append(_slot_from_spec(name, get_stage(name), dict(config or {})))
        self.check()

    # -- building ---------------------------------------------------------------------

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages, in order."""
        return [slot.name for slot in self._slots]

    @property
    def stages(self) -> list[tuple[str, Callable[..., Any]]]:
        """(name, stage) pairs, in order."""
        return [(slot.name, slot.component) for slot in self._slots]

    def get(self, name: str) -> Callable[..., Any]:
        """The stage called ``name``."""
        return self._slots[self._index(name)].component

    def add(
        self,
        stage: str | Callable[..., Any],
        *,
        name: str | None = None,
        config: Mapping[str, Any] | None = None,
        before: str | None = None,
        after: str | None = None,
        requires: Iterable[str] | None = None,
        provides: Iterable[str] | None = None,
    ) -> Callable[..., Any]:
        """Add a stage (a registered name or any ``Document -> Document`` callable).

        It goes last unless ``before`` or ``after`` names a stage.  Returns the stage.
        """
        slot = self._make_slot(stage, name, config, requires, provides)
        if slot.name in self.stage_names:
            raise PipelineError(f"the pipeline already has a stage named {slot.name!r}")
        if before is not None and after is not None:
            raise PipelineError("give before= or after=, not both")
        position = len(self._slots)
        if before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        candidate = self._slots[:position] + [slot] + self._slots[position:]
        self._check(candidate)
        self._slots = candidate
        return slot.component

    def replace(
        self,
        name: str,
        stage: str | Callable[..., Any] | None = None,
        *,
        config: Mapping[str, Any] | None = None,
        requires: Iterable[str] | None = None,
        provides: Iterable[str] | None = None,
    ) -> Callable[..., Any]:
        """Replace the stage ``name`` by another one, or rebuild it with a new ``config``."""
        index = self._index(name)
        old = self._slots[index]
        if stage is None:
            if old.factory is None:
                raise PipelineError(f"stage {name!r} is not registered; pass a new stage")
            stage = old.factory
        slot = self._make_slot(stage, name, config, requires, provides)
        candidate = list(self._slots)
        candidate[index] = slot
        self._check(candidate)
        self._slots = candidate
        return slot.component

    def remove(self, name: str) -> Callable[..., Any]:
        """Remove the stage ``name``; fails if a later stage needs what it provides."""
        index = self._index(name)
        candidate = self._slots[:index] + self._slots[index + 1 :]
        self._check(candidate)
        return self._slots.pop(index).component

    def check(self) -> None:
        """Raise :class:`PipelineError` if a stage requires a layer no earlier stage provides."""
        self._check(self._slots)

    def _make_slot(self, stage, name, config, requires, provides) -> _Slot:
        if isinstance(stage, str):
            slot = _slot_from_spec(name or stage, get_stage(stage), dict(config or {}))
        elif callable(stage):
            registered = getattr(stage, "stage_name", None)
            if registered is not None and not isinstance(stage, type):
                spec = get_stage(registered)
                if config:
                    raise PipelineError("config= applies to registered names, not instances")
                slot = _Slot(
                    name=name or registered,
                    component=stage,
                    factory=registered if spec.factory is stage else None,
                    requires=spec.requires,
                    provides=spec.provides,
                    splits=spec.splits,
                )
            elif isinstance(stage, type) and registered is not None:
                slot = _slot_from_spec(name or registered, get_stage(registered), dict(config or {}))
            else:
                slot = _Slot(
                    name=name or getattr(stage, "__name__", type(stage).__name__),
                    component=stage,
                    factory=None,
                    requires=tuple(getattr(stage, "requires", ())),
                    provides=tuple(getattr(stage, "provides", ())),
                )
        else:
            raise TypeError(f"a stage must be a registered name or a callable, not {stage!r}")
        if requires is not None:
            slot.requires = tuple(requires)
        if provides is not None:
            slot.provides = tuple(provides)
        return slot

    def _index(self, name: str) -> int:
        for i, slot in enumerate(self._slots):
            if slot.name == name:
                return i
        raise PipelineError(f"no stage named {name!r} in the pipeline {self.stage_names}")

    @staticmethod
    def _check(slots: list[_Slot]) -> None:
        available: dict[str, str] = {}
        seen: set[str] = set()
        for slot in slots:
            if slot.name in seen:
                raise PipelineError(f"two stages are named {slot.name!r}")
            seen.add(slot.name)
            for layer in slot.requires:
                if layer not in available:
                    raise PipelineError(
                        f"stage {slot.name!r} requires the {layer!r} layer, but no stage "
                        f"before it provides it (stages so far: "
                        f"{[s.name for s in slots[: slots.index(slot)]]})"
                    )
            for layer in slot.provides:
                available[layer] = slot.name

    # -- configuration ----------------------------------------------------------------

    def to_config(self) -> dict[str, Any]:
        """The pipeline as a plain dict that :func:`newsie.load` turns back into it.

        Stages registered in the user's own modules are listed under ``[pipeline]
        imports``, so that loading the config (the CLI's ``--config`` too) imports them;
        a stage defined in ``__main__`` (a notebook, a script) cannot be imported again
        and needs ``--import`` or an ``imports`` entry naming a module."""
        stages: dict[str, dict[str, Any]] = {}
        imports = list(self.imports)
        for slot in self._slots:
            if slot.factory is None:
                raise PipelineError(
                    f"stage {slot.name!r} is an unregistered callable and cannot be saved; "
                    "register it with @newsie.stage(...)"
                )
            stages[slot.name] = {"factory": slot.factory, **slot.config}
            module = getattr(get_stage(slot.factory).factory, "__module__", None) or ""
            if (
                module
                and module.split(".")[0] != "newsie"
                and module not in ("__main__", "__mp_main__")
                and module not in imports
            ):
                imports.append(module)
        pipeline: dict[str, Any] = {"stages": self.stage_names}
        if imports:
            pipeline["imports"] = imports
        return {"pipeline": pipeline, "stages": stages}

    @classmethod
    def from_config(cls, config: Mapping[str, Any], base: str | Path | None = None) -> Pipeline:
        """Build a pipeline from a dict made by :meth:`to_config`, importing its
        ``[pipeline] imports`` first (relative paths from ``base``, else the working
        folder)."""
        try:
            names = list(config["pipeline"]["stages"])
        except (KeyError, TypeError):
            raise PipelineError("config needs a [pipeline] table with a 'stages' list") from None
        settings = dict(config.get("stages", {}))
        imports = config["pipeline"].get("imports", [])
        if isinstance(imports, str) or not all(isinstance(i, str) for i in imports):
            raise PipelineError("[pipeline] imports must be a list of module names or paths")
        pipeline = cls()
        for spec in imports:
            try:
                pipeline.imports.append(import_user_code(spec, base))
            except ImportError as exc:
                raise PipelineError(f"[pipeline] imports: cannot import {spec!r}: {exc}") from None
        for name in names:
            options = dict(settings.get(name, {}))
            factory = options.pop("factory", name)
            try:
                spec = get_stage(factory)
            except KeyError as exc:
                raise PipelineError(
                    f"{str(exc).strip(chr(34))}; a stage of your own is registered when its "
                    "module is imported: list the module in the config's [pipeline] imports, "
                    "or pass --import MODULE on the command line"
                ) from None
            pipeline._slots.append(_slot_from_spec(name, spec, options))
        pipeline.check()
        return pipeline

    def save(self, path: str | Path) -> None:
        """Write the config as TOML."""
        import tomli_w

        Path(path).write_text(tomli_w.dumps(self.to_config()), encoding="utf-8")

    # -- running ----------------------------------------------------------------------

    def __call__(
        self,
        text: str | bytes | Document,
        *,
        published: datetime | str | None = None,
        id: str | None = None,
        disable: Iterable[str] = (),
        **metadata: Any,
    ) -> Document:
        """Process one text (or Document) and return the Document.

        ``published`` (a datetime or a date string, see :func:`newsie.io.inputs.
        parse_published`) is what relative times resolve against; ``id``, ``source``,
        ``url``, ``title`` and ``meta`` are kept on the Document; ``html``, ``encoding``
        and ``max_chars`` say how to read the input (:func:`newsie.io.inputs.
        make_document`).  ``disable`` names stages to skip for this call.  Any other
        keyword raises :class:`TypeError` naming the closest accepted one.

        When a page splitter finds several items, they are in ``doc.items``, each
        processed as a document of its own; ``doc.all_events`` holds the events of all.
        """
        from newsie.io.inputs import make_document

        _check_keywords("nlp()", metadata, CALL_KEYWORDS)
        pipeline = self._without(disable)
        # The cyclic collector waits until the document is done: the stages make many
        # objects and almost no cycles (26 cyclic objects in 50 news documents), and
        # collections triggered meanwhile rescan every document kept so far (measured:
        # 4-5% of the time of nlp.pipe over the news corpus).
        with gc_paused():
            doc = make_document(text, published=published, id=id, **metadata)
            return pipeline._run(doc)

    def _without(self, disable: Iterable[str] | str) -> Pipeline:
        """This pipeline, or a copy sharing its stages without those named in ``disable``
        (which must exist; the rest must still find the layers they require)."""
        if isinstance(disable, str):
            disable = [disable]
        names = list(disable or ())
        if not names:
            return self
        for name in names:
            if name not in self.stage_names:
                close = difflib.get_close_matches(name, self.stage_names, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise PipelineError(
                    f"cannot disable {name!r}: no such stage in {self.stage_names}{hint}"
                )
        slots = [slot for slot in self._slots if slot.name not in names]
        self._check(slots)
        copy = Pipeline()
        copy._slots = slots
        copy.imports = list(self.imports)
        return copy

    def _run(self, doc: Document, start: int = 0) -> Document:
        for i in range(start, len(self._slots)):
            slot = self._slots[i]
            if slot.splits:
                items = slot.component(doc)
                if len(items) == 1 and items[0] is doc:
                    continue
                doc.items = [self._run(item, i + 1) for item in items]
                return doc
            doc = slot.component(doc)
        return doc

    def pipe(
        self,
        inputs: Iterable[str | bytes | Document | Mapping[str, Any]],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        disable: Iterable[str] = (),
        **unknown: Any,
    ) -> Iterator[Document]:
        """Process many inputs lazily, one output Document per input, in input order.

        Inputs are texts, Documents or records (mappings with ``text`` and optional
        ``id``, ``published``, ``source``, ``url``, ``title``).  An input that fails is
        still yielded, with the error in ``doc.errors``; the rest go on.
        ``n_process > 1`` runs the pipeline in that many processes: this one and
        ``n_process - 1`` workers, which take batches of at most ``batch_size`` inputs
        (and about 20,000 characters).  Workers are forked on Linux when no other thread
        runs, else spawned (see :func:`_start_method`).  ``disable`` names stages to skip.
        Wrong keywords and values raise here, before any input is read.
        """
        _check_keywords("nlp.pipe()", unknown, ("batch_size", "n_process", "disable"))
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size}")
        pipeline = self._without(disable)
        if n_process <= 1:
            return (pipeline._safe_run(record) for record in inputs)
        return pipeline._pipe_parallel(inputs, batch_size, n_process)

    def _safe_run(self, record: Any) -> Document:
        from newsie.io.inputs import make_document, record_error_document

        with gc_paused():  # as in __call__
            try:
                doc = make_document(record)
            except Exception as exc:  # noqa: BLE001 - every input must come out
                return record_error_document(record, exc)
            try:
                return self._run(doc)
            except Exception as exc:  # noqa: BLE001
                doc.errors.append(f"{type(exc).__name__}: {exc}")
                doc.meta["traceback"] = traceback.format_exc(limit=5)
                return doc

    def _pipe_parallel(self, inputs, batch_size, n_process) -> Iterator[Document]:
        """``n_process`` processes run the pipeline: this one and ``n_process - 1``
        workers; results come back in input order.

        Batches go to the workers, a few ahead; whenever the next result in input order
        is not ready (the workers are starting, or busy), this process runs the next
        input itself instead of waiting, so no core idles and only the workers' share of
        documents is pickled.  A batch whose worker fails as a whole (its inputs or
        results cannot be pickled) is run again here, input by input; a batch whose
        worker process dies gets an error Document for the input that killed it (found by
        rerunning the batch one input at a time) and the pool is restarted (at most
        ``_MAX_RESTARTS`` crashes).  A pipeline that cannot be sent to workers at all
        runs in this process, with a warning.
        """
        import multiprocessing as mp
        import warnings
        from concurrent.futures import Future, ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        from newsie.io.inputs import record_error_document

        try:
            state = self._worker_state()
        except Exception as exc:  # noqa: BLE001
            warnings.warn(
                f"pipeline cannot be sent to worker processes ({exc}); running in one process",
                RuntimeWarning,
                stacklevel=3,
            )
            for record in inputs:
                yield self._safe_run(record)
            return

        # read ahead: once all that is left is read (at most one batch), the workers get
        # no more batches and this process runs the rest while they finish theirs (no
        # idle tail; a small job starts no worker at all)
        records = _Lookahead(inputs, batch_size, _BATCH_CHARS)
        workers = n_process - 1

        def new_pool() -> ProcessPoolExecutor:
            method = _start_method()
            return ProcessPoolExecutor(
                max_workers=workers,
                mp_context=mp.get_context(method),
                initializer=_init_worker,
                # a forked worker has this pipeline already (nothing is pickled); a
                # spawned one rebuilds it from its state
                initargs=(self if method == "fork" else state,),
            )

        pool = new_pool()
        crashes = 0
        in_flight = 0
        # (inputs, job) in input order; job: a worker's future, or results made here
        pending: list[tuple[list[Any], Future | list[Document]]] = []
        try:
            while True:
                while in_flight < 2 * workers and not records.ending():
                    batch = _take_batch(records, batch_size)
                    pending.append((batch, pool.submit(_run_batch, batch)))
                    in_flight += 1
                if not pending or isinstance(pending[0][1], Future) and not pending[0][1].done():
                    record = next(records, _END)
                    if record is not _END:  # rather than wait, run the next input here
                        pending.append(([record], [self._safe_run(record)]))
                        continue
                    if not pending:
                        return
                batch, job = pending[0]
                pending.pop(0)
                if not isinstance(job, Future):
                    yield from job
                    continue
                in_flight -= 1
                try:
                    results = _loads(job.result())
                except BrokenProcessPool as exc:
                    # A worker died (crash, kill, out of memory).  Restart the pool, find
                    # the input(s) that kill it by running this batch one input at a
                    # time, then resubmit the batches that were waiting.
                    error = RuntimeError(f"worker process died: {exc}")
                    results = []
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
                    for record in batch:
                        try:
                            results.extend(_loads(pool.submit(_run_batch, [record]).result()))
                        except BrokenProcessPool:
                            crashes += 1
                            if crashes > _MAX_RESTARTS:
                                raise
                            results.append(record_error_document(record, error))
                            pool.shutdown(wait=False, cancel_futures=True)
                            pool = new_pool()
                    pending = [
                        (b, pool.submit(_run_batch, b) if isinstance(j, Future) else j)
                        for b, j in pending
                    ]
                except Exception as exc:  # noqa: BLE001 - e.g. unpicklable inputs/results
                    warnings.warn(
                        f"a batch failed in a worker ({type(exc).__name__}: {exc}); "
                        "running it in this process",
                        RuntimeWarning,
                        stacklevel=3,
                    )
                    results = [self._safe_run(record) for record in batch]
                yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _worker_state(self) -> bytes:
        """What a worker needs to rebuild this pipeline, pickled.

        Registered stages travel as (factory name, config, module to import) and are
        rebuilt in the worker; unregistered callables travel pickled (by pickle, else by
        cloudpickle when it is installed).
        """
        import pickle

        slots = []
        for slot in self._slots:
            if slot.factory is not None:
                module = getattr(get_stage(slot.factory).factory, "__module__", None)
                slots.append(("registered", slot.name, slot.factory, dict(slot.config), module))
            else:
                slots.append(
                    (
                        "object",
                        slot.name,
                        slot.component,
                        slot.requires,
                        slot.provides,
                        slot.splits,
                    )
                )
        state = (list(self.imports), slots)
        try:
            return b"P" + pickle.dumps(state)
        except Exception as exc:  # noqa: BLE001
            try:
                import cloudpickle
            except ImportError:
                raise PipelineError(
                    f"a stage cannot be pickled for worker processes: {exc}; define it at "
                    "module level or install cloudpickle"
                ) from exc
            return b"C" + cloudpickle.dumps(state)

    def __repr__(self) -> str:
        return f"Pipeline({self.stage_names})"


_WORKER_PIPELINE: Pipeline | None = None
_MAX_RESTARTS = 8
# a worker batch closes at this many characters: small enough that a worker's last
# batch, which this process may wait for at the end, is little work; large enough that
# sending a batch costs little beside running it
_BATCH_CHARS = 20_000


class _Lookahead:
    """An iterator over inputs that reads a batch of them ahead (``size`` inputs or
    ``chars`` characters, plus one), to see the end coming."""

    def __init__(self, inputs: Iterable[Any], size: int, chars: int) -> None:
        self._inputs = iter(inputs)
        self._ahead: deque[tuple[Any, int]] = deque()
        self._size = max(1, size)
        self._chars = chars
        self._chars_ahead = 0
        self._ended = False

    def ending(self) -> bool:
        """True when all the inputs left (possibly none) have been read ahead and make
        one batch at most (as :func:`_take_batch` would cut it)."""
        while not self._ended and self._one_batch():
            record = next(self._inputs, _END)
            if record is _END:
                self._ended = True
            else:
                size = _size(record)
                self._ahead.append((record, size))
                self._chars_ahead += size
        return self._ended

    def _one_batch(self) -> bool:
        """Whether what is read ahead would go into a single batch."""
        if not self._ahead:
            return True
        before_last = self._chars_ahead - self._ahead[-1][1]
        return len(self._ahead) <= self._size and before_last < self._chars

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        self.ending()
        if not self._ahead:
            raise StopIteration
        record, size = self._ahead.popleft()
        self._chars_ahead -= size
        return record


def _take_batch(records: Iterator[Any], batch_size: int) -> list[Any]:
    """The next batch: at most ``batch_size`` inputs and about ``_BATCH_CHARS``
    characters, so that a few long documents do not make one worker wait for another
    (empty at the end of the input)."""
    batch: list[Any] = []
    chars = 0
    for record in records:
        batch.append(record)
        chars += _size(record)
        if len(batch) >= batch_size or chars >= _BATCH_CHARS:
            break
    return batch


_END = object()


def _size(record: Any) -> int:
    """Characters of an input, as far as can be told without converting it."""
    text = record.get("text") if isinstance(record, Mapping) else getattr(record, "text", record)
    return len(text) if isinstance(text, (str, bytes)) else 0


def _start_method() -> str:
    """How workers start: ``"fork"`` on Linux when this process runs a single thread
    (the worker begins with the pipeline built: no imports, grammars or lexicons to load
    again, about 0.7 s of CPU for the default pipeline), else ``"spawn"``: on macOS and
    Windows, where fork is unsafe or absent, and in any process with a second thread,
    Python's or a native library's (a BLAS or OpenMP pool, a Jupyter kernel's), which
    could hold a lock that the fork would copy locked."""
    if sys.platform != "linux":
        return "spawn"
    try:  # every thread of the process, Python's or a native library's, is a task here
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


def _init_worker(state: bytes | Pipeline) -> None:
    global _WORKER_PIPELINE
    import importlib
    import pickle

    if isinstance(state, Pipeline):  # forked: the pipeline came with the process
        # what the fork copied is no garbage of this worker's: frozen, it is left out of
        # the worker's collections, which then neither scan it nor copy its memory pages
        # by touching them (as the gc module's documentation advises for forked workers)
        gc.freeze()
        _WORKER_PIPELINE = state
        return
    if state[:1] == b"C":
        import cloudpickle  # noqa: F401 - registers what pickle needs to load it
    imports, slots = pickle.loads(state[1:])
    pipeline = Pipeline()
    for spec in imports:  # user stages and templates, as in the parent process
        pipeline.imports.append(import_user_code(spec))
    for entry in slots:
        if entry[0] == "registered":
            _, name, factory, config, module = entry
            if module and module not in ("__main__", "__mp_main__"):
                try:  # a user stage registers itself when its module is imported
                    importlib.import_module(module)
                except ImportError:
                    pass
            pipeline._slots.append(_slot_from_spec(name, get_stage(factory), config))
        else:
            _, name, component, requires, provides, splits = entry
            pipeline._slots.append(
                _Slot(name, component, None, {}, tuple(requires), tuple(provides), splits)
            )
    pipeline.check()
    _WORKER_PIPELINE = pipeline


def _run_batch(batch: list[Any]) -> bytes:
    assert _WORKER_PIPELINE is not None
    return _dumps([_WORKER_PIPELINE._safe_run(record) for record in batch])


def _dumps(documents: list[Document]) -> bytes:
    from newsie._compact import dumps

    return dumps(documents)


def _loads(payload: bytes) -> list[Document]:
    from newsie._compact import loads

    return loads(payload)


def load(config: Mapping[str, Any] | str | Path | None = None) -> Pipeline:
    """Build a pipeline: the default offline one, a preset by name (``"default"``,
    ``"fast"``, see :data:`PRESETS`), or one from a config dict or TOML file."""
    if config is None:
        return Pipeline(DEFAULT_STAGES)
    if isinstance(config, str) and config in PRESETS:
        return Pipeline(PRESETS[config])
    if isinstance(config, (str, Path)):
        import tomllib

        path = Path(config)
        if not path.is_file():
            raise FileNotFoundError(
                f"pipeline config not found: {path} (presets: {', '.join(PRESETS)})"
            )
        with path.open("rb") as handle:
            config = tomllib.load(handle)
        return Pipeline.from_config(config, base=path.parent)
    return Pipeline.from_config(config)
