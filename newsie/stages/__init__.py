"""The built-in stages; importing this package registers them."""

from newsie.stages import entities, events, page, sentences, times, tokens, values

__all__ = ["entities", "events", "page", "sentences", "times", "tokens", "values"]
