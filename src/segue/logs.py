"""Logging set-up: one format, optional rotated file, and a filter that masks secrets.

Tokens leak through exception messages and URLs more often than through deliberate logging, so the filter
rewrites the final formatted message rather than trusting callers. JSON lines (`SEGUE_LOG_FORMAT=json`) carry the
request id the bot sets when an interaction or message arrives, so one grep follows it through engine, sources
and replies; a bounded ring of recent lines serves `/admin logs` without reading files.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections import deque
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

# Discord bot tokens: three base64url parts separated by dots (24+ . 6 . 27+ chars).
_DISCORD_TOKEN = re.compile(r"[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}")
# api_key=..., token=..., secret=..., Authorization: Bot/Bearer ...
_KEY_VALUE = re.compile(
    r"(?i)(api[_-]?key|token|secret|password|client[_-]?secret|authorization)([\"']?\s*[:=]\s*[\"']?)"
    r"(?:(?:bot|bearer|basic)\s+)?([^\s\"'&,;]{6,})"
)
# Passwords inside connection URLs: postgresql://user:secret@host/db, redis://:secret@host.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/\s@]*:)[^@\s/]+@", re.IGNORECASE)
_LONG_HEX = re.compile(r"\b[a-f0-9]{32,}\b")
# Interaction and webhook tokens ride in REST paths that discord.py logs at DEBUG:
# /interactions/<id>/<token>/callback, /webhooks/<application or webhook id>/<token>[/messages/...].
# Each lets its holder post as the bot for 15 minutes (interactions) or for good (webhooks).
_URL_TOKEN = re.compile(r"(/(?:interactions|webhooks)/\d+/)[^/\s?#\"'<>]+")
MASK = "***"


def redact(text: str) -> str:
    """Mask anything shaped like a Discord token, an interaction or webhook token in a URL, or an API key."""
    text = _URL_TOKEN.sub(lambda m: m.group(1) + MASK, text)
    text = _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + "@", text)
    text = _DISCORD_TOKEN.sub(MASK, text)
    text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    return _LONG_HEX.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets masked (args are merged first)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg = redact(message)
        record.args = None
        return True


LogFormat = Literal["text", "json"]
TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

request_id: ContextVar[str | None] = ContextVar("segue_request_id", default=None)
"""The request being handled; set where the bot receives an interaction or a message. asyncio copies it into every
task started from there (gathers, live-source calls, the reply), so every line logged on its behalf carries it."""


class RequestIdFilter(logging.Filter):
    """Puts the current request id (or "-") on each record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, object] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id.get() or "-",
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            doc["exc"] = record.exc_text
        return json.dumps(doc, ensure_ascii=False)


class RingHandler(logging.Handler):
    """The last `capacity` log lines in memory, already masked, for `/admin logs` (built by the composition root)."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__(logging.DEBUG)
        self._lines: deque[tuple[int, str]] = deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(TEXT_FORMAT))
        self.addFilter(RedactingFilter())
        self.addFilter(RequestIdFilter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append((record.levelno, self.format(record)))
        except Exception:  # a broken record must not break logging
            self.handleError(record)

    def recent(self, count: int, level: int = logging.DEBUG) -> list[str]:
        """Up to `count` most recent lines at `level` or above, oldest first."""
        picked = [text for levelno, text in reversed(self._lines) if levelno >= level][:count]
        return picked[::-1]


def _formatter(fmt: LogFormat) -> logging.Formatter:
    return JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT)


def setup_logging(
    level: int = logging.INFO,
    log_file: Path | None = None,
    *,
    fmt: LogFormat = "text",
    console: bool = True,
    ring: RingHandler | None = None,
) -> None:
    """Configure the root logger: stderr (unless `console` is off), a rotated file when asked, the ring if given.

    `segue ctl start` turns the console off: the detached process writes to its log file only.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        if handler is not ring:
            handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)] if console or log_file is None else []
    if log_file is not None:
        from logging.handlers import RotatingFileHandler  # with pickle and queue: ~2 ms of a `segue ask` without

        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(RotatingFileHandler(log_file, maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(_formatter(fmt))
        handler.addFilter(RedactingFilter())
        handler.addFilter(RequestIdFilter())
        root.addHandler(handler)
    if ring is not None:
        root.addHandler(ring)
    root.setLevel(level)
    # Alembic announces its plugins and context at INFO on every start; our migration code logs what matters.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
