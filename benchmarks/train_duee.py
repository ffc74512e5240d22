"""Train newsie's learned event backend on a DuEE-format file and score it on the dev split.

    python benchmarks/train_duee.py --out /tmp/newsie-duee          # train + evaluate
    python benchmarks/train_duee.py --out /tmp/newsie-duee --eval-only --stage \\
        --predictions /tmp/dev-pred.jsonl                           # score a trained model

Default data: ``../shared/data/duee1.0/duee_train.json`` (DuEE 1.0 train).  Its licence
(Baidu) allows non-commercial research or teaching only: the trained model must not be
committed or shipped -- keep ``--out`` outside the repository.

Split: the sentences whose ``int(hashlib.sha1(id.encode()).hexdigest(), 16) % 10 == 0``
are the dev split (about 10%); the model trains on the rest.  The official dev and test
sets are not used.

Prints trigger identification (sentence, start, text), trigger classification
(sentence, type, start, text) and argument (sentence, type, role, exact stripped text)
precision / recall / F1, overall and per event type, and the model's speed; ``--stage``
also scores the ``learned_events`` stage in a newsie pipeline and times it;
``--predictions FILE`` writes the dev predictions as DuEE JSON lines.  The code is
``newsie.learned.evaluate`` (also ``python -m newsie.learned --train FILE --out DIR``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_FILE = ROOT.parent / "shared" / "data" / "duee1.0" / "duee_train.json"

if __name__ == "__main__":
    from newsie.learned.evaluate import main

    raise SystemExit(main(default_train=DEFAULT_FILE))
