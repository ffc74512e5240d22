"""``hanlp_entities``: named entities from a HanLP NER model stored in a local folder.

HanLP (and torch) are imported only when the stage is built.  newsie never downloads
models: on a machine with network access run, e.g.::

    import hanlp
    ner = hanlp.load(hanlp.pretrained.ner.MSRA_NER_ELECTRA_SMALL_ZH)

then copy the folder it was unpacked to (under ``~/.hanlp``; ``hanlp.load`` prints it)
and pass it as ``model_path``.  The model is fed characters, sentence by sentence.
"""

from __future__ import annotations

from newsie.document import Document
from newsie.ner.backends import map_label, parse_label_map, require_dir, set_entities
from newsie.registry import stage

HOW = (
    "install HanLP (pip install torch hanlp) and, on a machine with network access, run "
    "`hanlp.load(hanlp.pretrained.ner.MSRA_NER_ELECTRA_SMALL_ZH)`, then copy the model "
    "folder it unpacked under ~/.hanlp to this path (or save your own with component.save)"
)


@stage("hanlp_entities", requires=("sentences",), provides=("entities",))
class HanlpEntities:
    """Named entities from a local HanLP NER model (labels mapped to newsie's)."""

    def __init__(
        self,
        model_path: str = "",
        label_map: list[str] | None = None,
        labels: list[str] | None = None,
        batch_size: int = 32,
        max_chars: int = 500,
    ) -> None:
        folder = require_dir(model_path, "hanlp_entities", HOW)
        try:
            import hanlp
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("hanlp_entities needs HanLP: pip install torch hanlp") from exc
        self.model = hanlp.load(str(folder), devices=-1)
        self.mapping = parse_label_map(label_map)
        self.keep = set(labels) if labels else None
        self.batch_size = batch_size
        self.max_chars = max_chars

    def _pieces(self, doc: Document) -> list[tuple[int, str]]:
        bounds = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        pieces = []
        for start, end in bounds:
            for offset in range(start, end, self.max_chars):
                chunk = doc.text[offset : min(end, offset + self.max_chars)]
                if chunk.strip():
                    pieces.append((offset, chunk))
        return pieces

    def __call__(self, doc: Document) -> Document:
        pieces = self._pieces(doc)
        spans = []
        if pieces:
            outputs = self.model([list(chunk) for _, chunk in pieces], batch_size=self.batch_size)
            for (offset, _), found in zip(pieces, outputs):
                for _text, label, begin, end in found:
                    mapped = map_label(label, self.mapping)
                    if mapped:
                        spans.append((offset + begin, offset + end, mapped))
        return set_entities(doc, spans, "hanlp_entities", self.keep)
