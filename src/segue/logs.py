"""Logging set-up: one format, optional rotated file, and a filter that masks secrets.

Tokens leak through exception messages and URLs more often than through deliberate logging, so the filter
rewrites the final formatted message rather than trusting callers.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

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


def setup_logging(level: int = logging.INFO, log_file: Path | None = None) -> None:
    """Configure the root logger once: stderr always, plus a rotated file when asked."""
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(log_file, maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8")
        )
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    # Alembic announces its plugins and context at INFO on every start; our migration code logs what matters.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
