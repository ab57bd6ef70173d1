"""Infrastructure every part shares: the resilient HTTP client, the tiered cache (in-process L1, Redis L2), rate
limits (memory and Redis behind one interface), circuit breakers, metrics and the operations endpoint.

The names load on first use: the cache alone (what `segue ask` needs) does not import prometheus-client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.infra.breaker import BreakerConfig, CircuitBreaker
    from segue.infra.cache import Cache, MemoryCache, Namespace, keep_newest
    from segue.infra.clock import Clock
    from segue.infra.metrics import MetricsRegistry

__all__ = [
    "BreakerConfig",
    "Cache",
    "CircuitBreaker",
    "Clock",
    "MemoryCache",
    "MetricsRegistry",
    "Namespace",
    "keep_newest",
]

__getattr__ = lazy_names(
    __name__,
    {
        "BreakerConfig": "segue.infra.breaker",
        "CircuitBreaker": "segue.infra.breaker",
        "Cache": "segue.infra.cache",
        "MemoryCache": "segue.infra.cache",
        "Namespace": "segue.infra.cache",
        "keep_newest": "segue.infra.cache",
        "Clock": "segue.infra.clock",
        "MetricsRegistry": "segue.infra.metrics",
    },
)
