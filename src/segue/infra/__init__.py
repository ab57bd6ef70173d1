"""Infrastructure every part shares: the resilient HTTP client, the tiered cache (in-process L1, Redis L2), rate
limits (memory and Redis behind one interface), circuit breakers, metrics and the operations endpoint."""

from segue.infra.breaker import BreakerConfig, CircuitBreaker
from segue.infra.cache import Cache, MemoryCache, Namespace
from segue.infra.clock import Clock
from segue.infra.metrics import MetricsRegistry

__all__ = ["BreakerConfig", "Cache", "CircuitBreaker", "Clock", "MemoryCache", "MetricsRegistry", "Namespace"]
