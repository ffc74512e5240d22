"""Named-entity recognition for newsie: lexicons, rules, a shipped character CRF,
alias resolution and optional spaCy/HanLP backends.

The stages live in :mod:`newsie.stages.entities` (``entities``, ``entities_fast``);
:class:`newsie.ner.recognizer.EntityRecognizer` is the engine behind them.  Importing
this package is cheap: lexicons and the model load when a stage is built.
"""

from newsie.ner.labels import LABELS

__all__ = ["LABELS"]
