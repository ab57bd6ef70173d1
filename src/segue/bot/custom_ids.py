"""The state every persistent button carries in its `custom_id`, as plain data with one format and one parser.

A button must still work after a restart, so all it needs is in its id: the action, a track id or an answer key,
and a page. Discord caps a custom_id at 100 characters; the longest we make is `sg:page:<16 hex>:<page>` or
`sg:fb:dislike:<track id>` (track ids are at most 64 characters), well inside the cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

CUSTOM_ID_MAX = 100
TRACK_ID = r"[A-Za-z0-9_.\-]{1,64}"
KEY = r"[0-9a-f]{16}"
PAGE_MAX = 99

FeedbackKind = Literal["like", "dislike", "known", "block"]
FEEDBACK_KINDS: tuple[FeedbackKind, ...] = ("like", "dislike", "known", "block")
_KINDS: dict[str, FeedbackKind] = {k: k for k in FEEDBACK_KINDS}

FEEDBACK_TEMPLATE = rf"sg:fb:(?P<kind>like|dislike|known|block):(?P<track>{TRACK_ID})"
MORE_TEMPLATE = rf"sg:more:(?P<track>{TRACK_ID})"
PICK_TEMPLATE = rf"sg:pick:(?P<key>{KEY})"
DEEPER_TEMPLATE = rf"sg:deep:(?P<key>{KEY})"
PAGE_TEMPLATE = rf"sg:page:(?P<key>{KEY}):(?P<page>[0-9]{{1,2}})"
FORGET_TEMPLATE = r"sg:forget:(?P<user>[0-9]{1,20})"

_TRACK_RE = re.compile(TRACK_ID)
_KEY_RE = re.compile(KEY)


def valid_track_id(track_id: str) -> bool:
    """Whether a catalog track id can ride in a custom_id (ids from our catalog always can)."""
    return _TRACK_RE.fullmatch(track_id) is not None


def valid_key(key: str) -> bool:
    """Whether a saved-answer key has the shape we make (checked before anything is read or written)."""
    return _KEY_RE.fullmatch(key) is not None


def _check(custom_id: str) -> str:
    if len(custom_id) > CUSTOM_ID_MAX:
        raise ValueError(f"custom_id longer than {CUSTOM_ID_MAX}: {custom_id!r}")
    return custom_id


@dataclass(frozen=True, slots=True)
class FeedbackId:
    """Like, dislike, know it or never this artist, for one track."""

    kind: FeedbackKind
    track_id: str

    def render(self) -> str:
        if not valid_track_id(self.track_id):
            raise ValueError(f"track id not usable in a custom_id: {self.track_id!r}")
        return _check(f"sg:fb:{self.kind}:{self.track_id}")


@dataclass(frozen=True, slots=True)
class MoreId:
    """More like this track."""

    track_id: str

    def render(self) -> str:
        if not valid_track_id(self.track_id):
            raise ValueError(f"track id not usable in a custom_id: {self.track_id!r}")
        return _check(f"sg:more:{self.track_id}")


@dataclass(frozen=True, slots=True)
class PickId:
    """The select menu that picks one track of a saved answer."""

    key: str

    def render(self) -> str:
        if not _KEY_RE.fullmatch(self.key):
            raise ValueError(f"bad answer key: {self.key!r}")
        return _check(f"sg:pick:{self.key}")


@dataclass(frozen=True, slots=True)
class DeeperId:
    """The same request, less mainstream."""

    key: str

    def render(self) -> str:
        if not _KEY_RE.fullmatch(self.key):
            raise ValueError(f"bad answer key: {self.key!r}")
        return _check(f"sg:deep:{self.key}")


@dataclass(frozen=True, slots=True)
class PageId:
    """Page `page` (0-based) of a saved answer."""

    key: str
    page: int

    def render(self) -> str:
        if not _KEY_RE.fullmatch(self.key):
            raise ValueError(f"bad answer key: {self.key!r}")
        if not 0 <= self.page <= PAGE_MAX:
            raise ValueError(f"page out of range: {self.page}")
        return _check(f"sg:page:{self.key}:{self.page}")


@dataclass(frozen=True, slots=True)
class ForgetId:
    """The confirm button of /privacy delete, naming the only member it acts for."""

    user_id: str

    def render(self) -> str:
        if not self.user_id.isdecimal() or len(self.user_id) > 20:
            raise ValueError(f"bad user id: {self.user_id!r}")
        return _check(f"sg:forget:{self.user_id}")


AnyId = FeedbackId | MoreId | PickId | DeeperId | PageId | ForgetId

_PARSERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(FEEDBACK_TEMPLATE), "fb"),
    (re.compile(MORE_TEMPLATE), "more"),
    (re.compile(PICK_TEMPLATE), "pick"),
    (re.compile(DEEPER_TEMPLATE), "deep"),
    (re.compile(PAGE_TEMPLATE), "page"),
    (re.compile(FORGET_TEMPLATE), "forget"),
)


def parse(custom_id: str) -> AnyId | None:
    """The state in a custom_id we made, or None for anything else."""
    for pattern, action in _PARSERS:
        m = pattern.fullmatch(custom_id)
        if m is None:
            continue
        if action == "fb":
            return FeedbackId(_KINDS[m["kind"]], m["track"])
        if action == "more":
            return MoreId(m["track"])
        if action == "pick":
            return PickId(m["key"])
        if action == "deep":
            return DeeperId(m["key"])
        if action == "forget":
            return ForgetId(m["user"])
        return PageId(m["key"], int(m["page"]))
    return None
