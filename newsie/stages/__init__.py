"""The built-in stages, one module each; :mod:`newsie.registry` imports them on first use."""

BUILTIN_MODULES = (
    "newsie.stages.page",
    "newsie.stages.sentences",
    "newsie.stages.tokens",
    "newsie.stages.entities",
    "newsie.stages.times",
    "newsie.stages.values",
    "newsie.stages.events",
    "newsie.learned.stage",
)
