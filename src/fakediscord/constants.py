"""Discord API v10 numbers the stand-in speaks: opcodes, close codes, error codes, flags and enums.

Kept in one place so the gateway, the REST routes and the test API agree on every magic number.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable

DISCORD_EPOCH_MS = 1_420_070_400_000
API_VERSION = 10
SUPPORTED_API_VERSIONS = frozenset({9, 10})


class Opcode(enum.IntEnum):
    """Gateway opcodes."""

    DISPATCH = 0
    HEARTBEAT = 1
    IDENTIFY = 2
    PRESENCE_UPDATE = 3
    VOICE_STATE_UPDATE = 4
    RESUME = 6
    RECONNECT = 7
    REQUEST_GUILD_MEMBERS = 8
    INVALID_SESSION = 9
    HELLO = 10
    HEARTBEAT_ACK = 11


class CloseCode(enum.IntEnum):
    """Gateway close codes (4000-4014) as Discord sends them."""

    UNKNOWN_ERROR = 4000
    UNKNOWN_OPCODE = 4001
    DECODE_ERROR = 4002
    NOT_AUTHENTICATED = 4003
    AUTHENTICATION_FAILED = 4004
    ALREADY_AUTHENTICATED = 4005
    INVALID_SEQ = 4007
    RATE_LIMITED = 4008
    SESSION_TIMED_OUT = 4009
    INVALID_SHARD = 4010
    SHARDING_REQUIRED = 4011
    INVALID_API_VERSION = 4012
    INVALID_INTENTS = 4013
    DISALLOWED_INTENTS = 4014


class ErrorCode(enum.IntEnum):
    """JSON error codes of REST responses."""

    GENERAL = 0
    UNKNOWN_CHANNEL = 10003
    UNKNOWN_GUILD = 10004
    UNKNOWN_MEMBER = 10007
    UNKNOWN_MESSAGE = 10008
    UNKNOWN_USER = 10013
    UNKNOWN_WEBHOOK = 10015
    UNKNOWN_INTERACTION = 10062
    UNKNOWN_APPLICATION_COMMAND = 10063
    MAX_APPLICATION_COMMANDS = 30032
    UNAUTHORIZED = 40001
    INTERACTION_ALREADY_ACKNOWLEDGED = 40060
    MISSING_ACCESS = 50001
    CANNOT_EDIT_OTHERS_MESSAGE = 50005
    EMPTY_MESSAGE = 50006
    MISSING_PERMISSIONS = 50013
    INVALID_WEBHOOK_TOKEN = 50027
    INVALID_FORM_BODY = 50035


class Intent(enum.IntFlag):
    """Gateway intents the stand-in filters events by."""

    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_PRESENCES = 1 << 8
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    DIRECT_MESSAGES = 1 << 12
    MESSAGE_CONTENT = 1 << 15


PRIVILEGED_INTENTS = Intent.GUILD_MEMBERS | Intent.GUILD_PRESENCES | Intent.MESSAGE_CONTENT
ALL_INTENTS = (1 << 26) - 1


class Permission(enum.IntFlag):
    """Guild and channel permission bits."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_AUDIT_LOG = 1 << 7
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CONNECT = 1 << 20
    SPEAK = 1 << 21
    MANAGE_ROLES = 1 << 28
    MANAGE_WEBHOOKS = 1 << 29
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_THREADS = 1 << 34
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40


ALL_PERMISSIONS = (1 << 51) - 1
EVERYONE_PERMISSIONS = (
    Permission.CREATE_INSTANT_INVITE
    | Permission.ADD_REACTIONS
    | Permission.VIEW_CHANNEL
    | Permission.SEND_MESSAGES
    | Permission.EMBED_LINKS
    | Permission.ATTACH_FILES
    | Permission.READ_MESSAGE_HISTORY
    | Permission.USE_EXTERNAL_EMOJIS
    | Permission.CONNECT
    | Permission.SPEAK
    | Permission.USE_APPLICATION_COMMANDS
    | Permission.SEND_MESSAGES_IN_THREADS
)
# What an invite link usually grants a bot; MENTION_EVERYONE included so tests can prove allowed_mentions guards it.
DEFAULT_BOT_PERMISSIONS = EVERYONE_PERMISSIONS | Permission.MENTION_EVERYONE | Permission.MANAGE_MESSAGES


class ChannelKind(enum.IntEnum):
    """Channel types."""

    TEXT = 0
    DM = 1
    VOICE = 2
    CATEGORY = 4
    NEWS = 5


class InteractionKind(enum.IntEnum):
    """Interaction types."""

    PING = 1
    APPLICATION_COMMAND = 2
    MESSAGE_COMPONENT = 3
    AUTOCOMPLETE = 4
    MODAL_SUBMIT = 5


class CallbackType(enum.IntEnum):
    """Interaction callback (response) types."""

    PONG = 1
    CHANNEL_MESSAGE = 4
    DEFERRED_CHANNEL_MESSAGE = 5
    DEFERRED_UPDATE_MESSAGE = 6
    UPDATE_MESSAGE = 7
    AUTOCOMPLETE_RESULT = 8
    MODAL = 9


class OptionType(enum.IntEnum):
    """Application command option types."""

    SUB_COMMAND = 1
    SUB_COMMAND_GROUP = 2
    STRING = 3
    INTEGER = 4
    BOOLEAN = 5
    USER = 6
    CHANNEL = 7
    ROLE = 8
    MENTIONABLE = 9
    NUMBER = 10
    ATTACHMENT = 11


class CommandType(enum.IntEnum):
    """Application command types."""

    CHAT_INPUT = 1
    USER = 2
    MESSAGE = 3


class ComponentType(enum.IntEnum):
    """Message component types (classic and the v2 layout ones the stand-in walks)."""

    ACTION_ROW = 1
    BUTTON = 2
    STRING_SELECT = 3
    TEXT_INPUT = 4
    USER_SELECT = 5
    ROLE_SELECT = 6
    MENTIONABLE_SELECT = 7
    CHANNEL_SELECT = 8
    SECTION = 9
    TEXT_DISPLAY = 10
    CONTAINER = 17
    LABEL = 18


SELECT_TYPES = frozenset(
    {
        ComponentType.STRING_SELECT,
        ComponentType.USER_SELECT,
        ComponentType.ROLE_SELECT,
        ComponentType.MENTIONABLE_SELECT,
        ComponentType.CHANNEL_SELECT,
    }
)
LINK_BUTTON_STYLE = 5
PREMIUM_BUTTON_STYLE = 6


class MessageType(enum.IntEnum):
    """Message types the stand-in creates."""

    DEFAULT = 0
    REPLY = 19
    CHAT_INPUT_COMMAND = 20
    CONTEXT_MENU_COMMAND = 23


class MessageFlag(enum.IntFlag):
    """Message flags that matter to bots."""

    SUPPRESS_EMBEDS = 1 << 2
    EPHEMERAL = 1 << 6
    LOADING = 1 << 7
    SUPPRESS_NOTIFICATIONS = 1 << 12
    IS_COMPONENTS_V2 = 1 << 15


class Snowflakes:
    """Makes Discord-shaped ids. `next` gives each id a timestamp of its own, so `(id >> 22) % n` spreads servers and
    members created together over shards; `now` stamps events (interactions, messages) with the clock as Discord
    does, many per millisecond told apart by the increment, so an event's age read from its id is true at any rate.
    """

    def __init__(self, now_ms: Callable[[], int] | None = None) -> None:
        self._now_ms = now_ms or (lambda: int(time.time() * 1000))
        self._last_ms = 0
        self._event_ms = 0
        self._increment = 0
        self._lock = threading.Lock()

    def now(self) -> int:
        """An event's id: this millisecond, the next of its 4,096 increments (worker 2: never one `next` made)."""
        with self._lock:
            ms = max(self._now_ms(), self._event_ms)
            if ms == self._event_ms:
                self._increment += 1
                if self._increment >= 4096:
                    ms, self._increment = ms + 1, 0
            else:
                self._increment = 0
            self._event_ms = ms
            increment = self._increment
        return ((ms - DISCORD_EPOCH_MS) << 22) | (2 << 17) | increment

    def next(self) -> int:
        with self._lock:
            ms = max(self._now_ms(), self._last_ms + 1)
            self._last_ms = ms
        return ((ms - DISCORD_EPOCH_MS) << 22) | (1 << 17)

    def next_for_shard(self, shard_id: int, shard_count: int) -> int:
        """An id that Discord's `(id >> 22) % shard_count` routes to `shard_id`."""
        if not 0 <= shard_id < shard_count:
            raise ValueError(f"shard {shard_id} is not in 0..{shard_count - 1}")
        while True:
            candidate = self.next()
            if (candidate >> 22) % shard_count == shard_id:
                return candidate


def shard_for(guild_id: int, shard_count: int) -> int:
    """Discord's routing formula for guild events."""
    return (guild_id >> 22) % shard_count
