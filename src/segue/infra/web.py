"""The operations endpoint: `/metrics` (Prometheus text), `/healthz` (readiness, JSON), `/livez`, and `/status`
(everything `segue ctl status` shows, JSON; heavier than /healthz, which probes call often).

Off unless `SEGUE_METRICS_PORT` is set, so several shard processes on one machine never fight over a port.
Health is computed by a callable from the composition root, which knows what "healthy" means for this process.
aiohttp's server half (`aiohttp.web`, ~12 ms of imports beside the client discord.py brings) is imported when an
endpoint is built: a bot without SEGUE_METRICS_PORT never needs it (BENCHMARKS.md, issue 14, cold start).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, generate_latest

from segue.infra.metrics import MetricsRegistry

if TYPE_CHECKING:
    from aiohttp import web

HealthCheck = Callable[[], Awaitable[dict[str, Any]]]
"""Returns {"ok": bool, ...details}; not ok answers 503 so a load balancer or orchestrator can react.

A coroutine, so a check can ask its dependency (a Redis PING) instead of trusting a flag no traffic has tested."""


def ops_app(metrics: MetricsRegistry, health: HealthCheck, status: HealthCheck | None = None) -> web.Application:
    """The aiohttp application (separate from `serve_ops` so tests can drive it with a test client)."""
    from aiohttp import web

    async def prometheus(_: web.Request) -> web.Response:
        # 0.0.4: the text format every Prometheus reads; the body is the same in 1.0.0 for our legacy-safe names.
        return web.Response(body=generate_latest(metrics.exposed), headers={"Content-Type": CONTENT_TYPE_PLAIN_0_0_4})

    async def healthz(_: web.Request) -> web.Response:
        return _json(await health())

    async def status_json(_: web.Request) -> web.Response:
        assert status is not None
        return _json(await status())

    def _json(report: dict[str, Any]) -> web.Response:
        return web.Response(
            body=json.dumps(report, default=str).encode(),
            status=200 if report.get("ok") else 503,
            content_type="application/json",
        )

    async def livez(_: web.Request) -> web.Response:
        # Alive, not ready: the answer comes from the bot's own event loop, so a stalled loop fails the probe (and
        # the orchestrator restarts the process), while a gateway still connecting does not.
        return web.Response(text="ok\n")

    app = web.Application()
    app.router.add_get("/metrics", prometheus)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/livez", livez)
    if status is not None:
        app.router.add_get("/status", status_json)
    return app


@contextlib.asynccontextmanager
async def serve_ops(
    metrics: MetricsRegistry, health: HealthCheck, *, host: str, port: int | None, status: HealthCheck | None = None
) -> AsyncIterator[int | None]:
    """Serve the endpoint for the block's lifetime; yields the bound port (None when disabled)."""
    if port is None:
        yield None
        return
    from aiohttp import web

    runner = web.AppRunner(ops_app(metrics, health, status), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    try:
        addresses = runner.addresses
        bound = int(addresses[0][1]) if addresses else port
        yield bound
    finally:
        await runner.cleanup()
