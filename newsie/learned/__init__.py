"""Optional learned event backend: CRFs trained on DuEE-format data (see docs/learned.md).

Importing this package registers the ``learned_events`` stage::

    import newsie.learned
    nlp = newsie.Pipeline(["sentences"])
    nlp.add("learned_events", config={"model_path": "/path/to/model"})

No model is shipped (DuEE is licensed for non-commercial research only); train one with
``python benchmarks/train_duee.py --out DIR`` or :func:`newsie.learned.train`.
python-crfsuite is imported only when a model is trained or loaded.
"""

from newsie.learned.data import in_dev_split, read_duee
from newsie.learned.model import EventModel, ModelNotFoundError, train
from newsie.learned.stage import LearnedEventStage, load_model

__all__ = [
    "EventModel",
    "LearnedEventStage",
    "ModelNotFoundError",
    "in_dev_split",
    "load_model",
    "read_duee",
    "train",
]
