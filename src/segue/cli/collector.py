"""The cyclic garbage collector in a process that runs one command, then ends.

What such a process makes while it starts (modules, the catalog, the engine's tables) lives until it ends: the
collector's passes over it free next to nothing, and cost `segue ask` tens of ms (BENCHMARKS.md, issue 14).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside; after, what was made inside goes to the oldest generation unwalked (frozen, then
    unfrozen, as `gc` documents), where the first young collection would have walked all of it. The collector
    runs again after, as before (tests run commands in their own process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
