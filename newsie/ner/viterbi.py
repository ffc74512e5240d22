"""Viterbi decoding of many sequences at once, in step across them."""

from __future__ import annotations

import numpy as np


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of each position, for sequences laid end to end.

    ``scores[t, j]`` is label ``j``'s state score at position ``t`` of the concatenation,
    ``lengths`` the sequences' lengths and ``transitions[i, j]`` the score of ``j``
    following ``i``.  The recursion and its ties are CRFsuite's: a path's score is the
    sum of its state and transition scores, added in order, and of equal scores the
    lower label wins.  Each step of the loop advances every sequence still running, so
    the loop is as long as the longest sequence, not the concatenation.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    labels = np.empty(len(scores), dtype=np.int64)
    if len(lengths) == 0 or len(scores) == 0:
        return labels
    size = transitions.shape[0]
    order = np.argsort(-lengths, kind="stable")
    starts = (np.cumsum(lengths) - lengths)[order]
    longest = int(lengths[order[0]])
    # running[t]: how many sequences are longer than t (the first ones, in this order)
    running = np.searchsorted(-lengths[order], -np.arange(longest), side="left")
    # step-major layout: the rows of step t are rows[t]:rows[t + 1], one per running sequence
    rows = np.concatenate([[0], np.cumsum(running)]).tolist()
    step = np.repeat(np.arange(longest), running)
    sequence = np.arange(len(step)) - np.repeat(rows[:-1], running)
    position = starts[sequence] + step
    step_scores = scores[position]
    back = np.empty((len(position), size), dtype=np.intp)
    best = step_scores[: running[0]].copy()
    candidates = np.empty((running[0], size, size))
    for t in range(1, longest):
        n, here = running[t], slice(rows[t], rows[t + 1])
        paths = candidates[:n]
        np.add(best[:n, :, None], transitions, out=paths)  # [sequence, from, to]
        np.argmax(paths, axis=1, out=back[here])
        np.max(paths, axis=1, out=best[:n])
        best[:n] += step_scores[here]
    label = np.argmax(best, axis=1)
    step_labels = np.empty(len(position), dtype=np.int64)
    each = np.arange(running[0])
    for t in range(longest - 1, 0, -1):
        n, here = running[t], slice(rows[t], rows[t + 1])
        step_labels[here] = label[:n]
        label[:n] = back[here][each[:n], label[:n]]
    step_labels[: running[0]] = label
    labels[position] = step_labels
    return labels
