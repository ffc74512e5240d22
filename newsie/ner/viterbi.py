"""Viterbi decoding of many sequences at once, in step across them."""

from __future__ import annotations

import numpy as np


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of each position, for sequences laid end to end.

    ``scores[t, j]`` is label ``j``'s state score at position ``t`` of the concatenation,
    ``lengths`` the sequences' lengths and ``transitions[i, j]`` the score of ``j``
    following ``i``.  The recursion and its ties are CRFsuite's: a path's score is the
    sum of its state and transition scores, added in order, and of equal scores the
    lower label wins.  Each step of the loop is one array operation across the sequences
    still running, so the loop is as long as the longest sequence, not the concatenation.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    lengths = lengths[lengths > 0]  # an empty sequence takes no position
    labels = np.empty(len(scores), dtype=np.int64)
    if len(scores) == 0:
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
    # path[r]: the best path score ending in each label at row r (step-major), made in
    # place from the state scores; the back pointers are found again for the chosen
    # labels only, on the way back
    path = scores[position]
    candidates = np.empty((running[0], size, size))
    best = np.empty((running[0], size))
    for t in range(1, longest):
        n = running[t]
        np.add(path[rows[t - 1] : rows[t - 1] + n, :, None], transitions, out=candidates[:n])
        np.maximum.reduce(candidates[:n], axis=1, out=best[:n])  # [sequence, to]
        path[rows[t] : rows[t + 1]] += best[:n]
    ends = lengths[order] - 1  # each sequence's last step
    label = path[np.take(rows, ends) + np.arange(len(ends))].argmax(axis=1)
    step_labels = np.empty(len(position), dtype=np.int64)
    for t in range(longest - 1, 0, -1):
        n = running[t]
        step_labels[rows[t] : rows[t + 1]] = label[:n]
        before = path[rows[t - 1] : rows[t - 1] + n] + transitions[:, label[:n]].T
        label[:n] = before.argmax(axis=1)
    step_labels[: running[0]] = label
    labels[position] = step_labels
    return labels
