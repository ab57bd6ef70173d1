"""Live sources fused with the local engine: one deadline, reciprocal-rank fusion, learned tracks, whole answers.

`LiveSources` asks the provider hub and fuses its lists with the catalog's; `LearnedStore` keeps tracks the
sources taught us; `AnswerCache` stores whole impersonal answers in the shared cache.
"""

from segue.engine.live.answer_cache import AnswerCache
from segue.engine.live.fusion import FusionPool
from segue.engine.live.learned import LearnedStore
from segue.engine.live.sources import LiveSources

__all__ = ["AnswerCache", "FusionPool", "LearnedStore", "LiveSources"]
