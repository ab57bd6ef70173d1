"""Live sources fused with the local engine: one deadline, reciprocal-rank fusion, learned tracks, whole answers.

`LiveSources` asks the provider hub and fuses its lists with the catalog's; `LearnedStore` keeps tracks the
sources taught us; `AnswerCache` stores whole impersonal answers in the shared cache.

The names load on first use: the answer cache alone (what `segue ask` needs) does not import the providers and
their HTTP client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.engine.live.answer_cache import AnswerCache
    from segue.engine.live.fusion import FusionPool
    from segue.engine.live.learned import LearnedStore
    from segue.engine.live.sources import LiveSources

__all__ = ["AnswerCache", "FusionPool", "LearnedStore", "LiveSources"]

__getattr__ = lazy_names(
    __name__,
    {
        "AnswerCache": "segue.engine.live.answer_cache",
        "FusionPool": "segue.engine.live.fusion",
        "LearnedStore": "segue.engine.live.learned",
        "LiveSources": "segue.engine.live.sources",
    },
)
