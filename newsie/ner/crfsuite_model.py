"""Read the weights of a CRFsuite model file (what ``pycrfsuite.Trainer`` writes).

newsie trains its tagger with python-crfsuite but tags with array operations
(:mod:`newsie.ner.crf`), so it reads the model's labels, attributes and weights itself.
The format is CRFsuite's first-order model (``lCRF`` / ``FOMC``): a header of offsets,
a feature table (type, source, destination, weight) and two CQDB string tables.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<II")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True, eq=False)
class CRFWeights:
    """The weights of a first-order CRF."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    #: ``transitions[i, j]``: the weight of label ``j`` following label ``i``
    transitions: np.ndarray
    #: ``states[a, j]``: the weight of attribute ``a`` for label ``j`` (0 where none)
    states: np.ndarray


def read_crfsuite(path: str | Path) -> CRFWeights:
    """The labels, attributes and weights of the CRFsuite model at ``path``."""
    data = Path(path).read_bytes()
    if len(data) < _HEADER.size:
        raise ValueError(f"{path} is not a CRFsuite model (too short)")
    magic, _, kind, _, _, _, _, off_features, off_labels, off_attrs, _, _ = _HEADER.unpack_from(
        data
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a first-order CRFsuite model ({magic!r}, {kind!r})")
    labels = _strings(data, off_labels, path)
    attributes = _strings(data, off_attrs, path)
    chunk, _, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature table where the header says")
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    transitions = np.zeros((len(labels), len(labels)))
    states = np.zeros((len(attributes), len(labels)))
    for kind_id, table in ((_TRANSITION, transitions), (_STATE, states)):
        rows = features[features["type"] == kind_id]
        table[rows["src"], rows["dst"]] = rows["weight"]
    return CRFWeights(tuple(labels), tuple(attributes), transitions, states)


def _strings(data: bytes, offset: int, path) -> list[str]:
    """The strings of the CQDB table at ``offset``, in id order."""
    chunk, _, _, _, count, backward = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ValueError(f"{path}: no string table where the header says")
    # record i: its id and its size (a uint32 each), then the string and a NUL
    at = np.frombuffer(data, "<u4", count, offset + backward).astype(np.int64) + offset
    raw = np.frombuffer(data, np.uint8)
    ids, sizes = (
        sum(raw[at + k + i].astype(np.int64) << (8 * i) for i in range(4)) for k in (0, 4)
    )
    if not np.array_equal(ids, np.arange(count)):
        raise ValueError(f"{path}: string table out of order")
    starts = (at + _RECORD.size).tolist()
    joined = b"\x00".join([data[a : a + n - 1] for a, n in zip(starts, sizes.tolist())])
    return joined.decode("utf-8").split("\x00") if count else []
