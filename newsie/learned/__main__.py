"""``python -m newsie.learned --train FILE --out DIR``: train and score (see evaluate)."""

from newsie.learned.evaluate import main

raise SystemExit(main())
