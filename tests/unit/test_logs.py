"""Secret redaction in log lines, including the interaction and webhook tokens in discord.py's DEBUG lines."""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable

import discord
import discord.webhook.async_
import pytest

from segue.logs import RedactingFilter, redact


def test_redaction_masks_tokens_and_keys() -> None:
    token = "MTA1234567890123456789012.GabcdE.abcdefghijklmnopqrstuvwxyz12345"
    text = f"connecting with {token} and api_key=0123456789abcdef0123 Authorization: Bot sekrit-value-123"
    out = redact(text)
    assert token not in out
    assert "0123456789abcdef0123" not in out
    assert "sekrit-value-123" not in out
    assert "connecting with" in out


def test_redacting_filter_rewrites_args() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "key %s", ("token=supersecretvalue",), None)
    RedactingFilter().filter(record)
    assert "supersecretvalue" not in record.getMessage()


# -- interaction and webhook tokens in discord.py's DEBUG lines (issue 7.3) ---------------------------------------

INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTI0NTY3ODkwMTIzNDU2Nzg5OnNlY3JldC10b2tlbi1wYXJ0LWFhYWFhYWFhYWFhYWFhYWE"
WEBHOOK_TOKEN = "Zk3-abcDEF_ghiJKLmnoPQRstuVWXyz0123456789abcdefGHIJKLmnopqr"


def discord_token_routes() -> list[str]:
    """Every REST path template in discord.py that carries an interaction or webhook token."""
    sources = [discord.http, discord.webhook.async_]
    found = set()
    for module in sources:
        for path in re.findall(r"'(/[^'\s]*\{\w*token\}[^'\s]*)'", inspect.getsource(module)):
            found.add(path)
    return sorted(found)


def discord_url_formats() -> list[str]:
    """discord.py's log formats that print a URL (the `method, url` pairs), read from its source."""
    formats = set()
    for module in (discord.http, discord.webhook.async_):
        for fmt in re.findall(r"(?:fmt = |_log\.\w+\(\s*)'([^']*%s %s[^']*)'", inspect.getsource(module)):
            formats.add(fmt)
    return sorted(formats)


def test_the_route_list_is_read_from_discord_py() -> None:
    routes = discord_token_routes()
    assert "/interactions/{webhook_id}/{webhook_token}/callback" in routes
    assert "/webhooks/{webhook_id}/{webhook_token}/messages/@original" in routes
    assert len(routes) >= 4
    assert len(discord_url_formats()) >= 3


@pytest.mark.parametrize("route", discord_token_routes())
def test_every_token_url_shape_discord_py_logs_is_masked(route: str) -> None:
    for token in (INTERACTION_TOKEN, WEBHOOK_TOKEN):
        values = {
            "webhook_id": "1245678901234567890",
            "interaction_id": "1245678901234567890",
            "application_id": "1111111111111111111",
            "message_id": "2222222222222222222",
            "thread_id": "3333333333333333333",
            "webhook_token": token,
            "interaction_token": token,
            "token": token,
        }
        url = "https://discord.com/api/v10" + re.sub(r"\{(\w+)\}", lambda m, v=values: v[m.group(1)], route)
        for fmt in discord_url_formats():
            specs = re.findall(r"%[.\d]*[sf]", fmt)
            args: list[object] = [1.5 if spec.endswith("f") else "204" for spec in specs]
            at = fmt[: fmt.index("%s %s")].count("%")  # the `method, url` pair
            args[at : at + 2] = ["POST", url]
            record = logging.LogRecord("discord.http", logging.DEBUG, __file__, 1, fmt, tuple(args), None)
            RedactingFilter().filter(record)
            line = record.getMessage()
            assert token not in line, (route, fmt)
            assert "/api/v10/" in line
            assert "***" in line


# -- the ring for /admin logs, JSON lines and request ids (issue 12) ----------------------------------------------


def test_ring_keeps_recent_lines_masked_and_filters_by_level() -> None:
    from segue.logs import RingHandler

    ring = RingHandler(capacity=3)
    log = logging.getLogger("segue.test.ring")
    log.addHandler(ring)
    log.setLevel(logging.DEBUG)
    try:
        log.info("one")
        log.warning("connecting with token=%s", "supersecretvalue")
        log.debug("three")
        log.error("four https://discord.com/api/v10/webhooks/123/%s/messages", WEBHOOK_TOKEN)
    finally:
        log.removeHandler(ring)
    lines = ring.recent(10)
    assert len(lines) == 3  # bounded: "one" fell out
    assert "one" not in "\n".join(lines)
    assert all("supersecretvalue" not in line and WEBHOOK_TOKEN not in line for line in lines)
    assert "token=***" in lines[0]
    warnings = ring.recent(10, logging.WARNING)
    assert [line.split()[2] for line in warnings] == ["WARNING", "ERROR"]
    assert ring.recent(1) == lines[-1:]


def json_lines(run: Callable[[logging.Logger], None]) -> list[dict[str, object]]:
    """What `run` logs, as the JSON formatter writes it (through the same filters as setup_logging's handlers)."""
    import io
    import json

    from segue.logs import JsonFormatter, RequestIdFilter

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter())
    handler.addFilter(RequestIdFilter())
    log = logging.getLogger("segue.test.json")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        run(log)
    finally:
        log.removeHandler(handler)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_json_lines_carry_the_request_id_into_tasks_and_mask_secrets() -> None:
    import asyncio

    from segue.logs import request_id

    async def source_call(log: logging.Logger) -> None:
        log.info("asked a source with api_key=%s", "0123456789abcdef0123")

    async def handle(log: logging.Logger) -> None:
        token = request_id.set("i1234")
        try:
            log.info("request arrived")
            await asyncio.gather(asyncio.create_task(source_call(log)))  # tasks copy the context they start in
        finally:
            request_id.reset(token)
        log.info("between requests")

    lines = json_lines(lambda log: asyncio.run(handle(log)))
    assert [(d["msg"], d["request_id"]) for d in lines] == [
        ("request arrived", "i1234"),
        ("asked a source with api_key=***", "i1234"),
        ("between requests", "-"),
    ]
    assert {"ts", "level", "logger"} <= set(lines[0])


def test_json_lines_keep_the_traceback_masked() -> None:
    def fail(log: logging.Logger) -> None:
        try:
            raise RuntimeError("token=supersecretvalue")
        except RuntimeError:
            log.exception("it broke")

    (line,) = json_lines(fail)
    assert "RuntimeError" in str(line["exc"])
    assert "supersecretvalue" not in str(line["exc"])
