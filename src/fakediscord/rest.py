"""The REST API under `/api/v10` (and v9, and unversioned): routing, auth, 429s, errors, and the core routes.

Every JSON answer carries `Content-Type: application/json` exactly, because discord.py's `json_or_text` compares
the header with `==` and would otherwise hand the bot a string.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Middleware

from fakediscord.commands import CommandStore
from fakediscord.constants import ErrorCode, MessageFlag, Permission
from fakediscord.errors import ApiError
from fakediscord.gateway import Gateway
from fakediscord.interactions import InteractionRecord, InteractionService
from fakediscord.limits import FormErrors, check_message
from fakediscord.messages import Activity, Hub, MessageService
from fakediscord.models import Channel, Guild
from fakediscord.payloads import (
    channel_payload,
    member_payload,
    role_payload,
    user_payload,
)
from fakediscord.ratelimits import RateLimiter
from fakediscord.records import Rejection
from fakediscord.world import StoredMessage, World

log = logging.getLogger(__name__)
JSON = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
API_PREFIXES = ("/api/v10", "/api/v9", "/api")
# Routes Discord serves without the bot token: the interaction token is the credential.
TOKEN_FREE = ("/interactions/", "/webhooks/", "/gateway")


def json_response(data: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})


def no_content() -> web.Response:
    return web.Response(status=204)


@dataclass(eq=False)
class RestContext:
    """What the route handlers share."""

    world: World
    gateway: Gateway
    messages: MessageService
    interactions: InteractionService
    commands: CommandStore
    limiter: RateLimiter
    hub: Hub
    token: str
    recommended_shards: int
    base_url: str = ""
    requests: int = 0
    by_route: Counter[str] = field(default_factory=Counter)
    unknown_routes: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def strip_prefix(template: str) -> str:
    for prefix in API_PREFIXES:
        if template.startswith(prefix + "/"):
            return template[len(prefix) :]
    return template


async def read_body(request: web.Request, ctx: RestContext) -> tuple[Any, list[JSON]]:
    """JSON, or multipart with `payload_json` and files (which become attachments)."""
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        body: Any = json.loads(str(form.get("payload_json") or "{}"))
        attachments: list[JSON] = []
        for key, value in form.items():
            if key == "payload_json" or not isinstance(value, web.FileField):
                continue
            filename = value.filename
            content = value.file.read()
            attachment_id = ctx.world.snowflakes.next()
            attachments.append(
                {
                    "id": str(attachment_id),
                    "filename": filename,
                    "size": len(content),
                    "url": f"{ctx.base_url}/attachments/{attachment_id}/{filename}",
                    "proxy_url": f"{ctx.base_url}/attachments/{attachment_id}/{filename}",
                    "content_type": value.content_type,
                }
            )
        return body, attachments
    raw = await request.read()
    if not raw:
        return {}, []
    try:
        return json.loads(raw), []
    except ValueError as exc:
        raise ApiError(400, 50109, "The request body contains invalid JSON.") from exc


def make_middleware(ctx: RestContext) -> Middleware:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith("/api"):
            return await handler(request)
        resource = request.match_info.route.resource
        template = strip_prefix(resource.canonical) if resource is not None else request.path
        path = strip_prefix(request.path)
        ctx.requests += 1
        if request.match_info.http_exception is not None:
            ctx.unknown_routes.append(f"{request.method} {path}")
            return json_response({"message": "404: Not Found", "code": 0}, 404)
        ctx.by_route[f"{request.method} {template}"] += 1
        if not template.startswith(TOKEN_FREE) and request.headers.get("Authorization") != f"Bot {ctx.token}":
            return _reject(ctx, request, template, ApiError(401, ErrorCode.GENERAL, "401: Unauthorized"))
        rule = ctx.limiter.take(request.method, template, path)
        if rule is not None:
            return ctx.limiter.response(rule)
        try:
            return await handler(request)
        except ApiError as error:
            return _reject(ctx, request, template, error)
        except web.HTTPException:
            raise
        except Exception:
            # Answer 500 as JSON (discord.py retries it) and keep the traceback: this is a stand-in bug.
            log.exception("%s %s broke the stand-in", request.method, path)
            return _reject(ctx, request, template, ApiError(500, ErrorCode.GENERAL, "500: Internal Server Error"))

    return middleware


def _reject(ctx: RestContext, request: web.Request, template: str, error: ApiError) -> web.Response:
    record = _interaction_of(ctx, request)
    rejection = Rejection(
        method=request.method,
        path=template,
        status=error.status,
        code=int(error.code),
        message=error.message,
        interaction_id=None if record is None else record.id,
        errors=error.errors,
    )
    ctx.rejections.append(rejection)
    if record is not None:
        ctx.interactions.reject(record, rejection)
    ctx.hub.emit(Activity(kind="rejected", rejection=rejection))
    return json_response(error.body(), error.status)


def _interaction_of(ctx: RestContext, request: web.Request) -> InteractionRecord | None:
    info = request.match_info
    if "interaction_id" in info and info["interaction_id"].isdecimal():
        return ctx.interactions.records.get(int(info["interaction_id"]))
    if "webhook_token" in info:
        return ctx.interactions.find_by_token(info["webhook_token"])
    return None


def snowflake(request: web.Request, key: str) -> int:
    raw = request.match_info[key]
    if not raw.isdecimal():
        errors = FormErrors()
        errors.add([key], "NUMBER_TYPE_COERCE", f'Value "{raw}" is not snowflake.')
        raise ApiError.form(errors)
    return int(raw)


def _query_int(request: web.Request, key: str) -> int | None:
    raw = request.query.get(key, "")
    if not raw:
        return None
    if not raw.isdecimal():
        errors = FormErrors()
        errors.add([key], "NUMBER_TYPE_COERCE", f'Value "{raw}" is not int.')
        raise ApiError.form(errors)
    return int(raw)


class CoreRoutes:
    """Users, the application, the gateway URL, channels, messages and guilds."""

    def __init__(self, ctx: RestContext) -> None:
        self.ctx = ctx

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [
            ("GET", "/users/@me", self.me),
            ("GET", "/users/{user_id}", self.user),
            ("POST", "/users/@me/channels", self.create_dm),
            ("GET", "/oauth2/applications/@me", self.application),
            ("GET", "/applications/@me", self.application),
            ("GET", "/gateway", self.gateway_url),
            ("GET", "/gateway/bot", self.gateway_bot),
            ("GET", "/channels/{channel_id}", self.channel),
            ("GET", "/channels/{channel_id}/messages", self.history),
            ("POST", "/channels/{channel_id}/messages", self.send),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self.fetch_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message),
            ("POST", "/channels/{channel_id}/typing", self.typing),
            ("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", self.react),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", self.unreact),
            ("GET", "/guilds/{guild_id}", self.guild),
            ("GET", "/guilds/{guild_id}/channels", self.guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self.guild_roles),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self.guild_member),
        ]

    async def me(self, request: web.Request) -> web.Response:
        return json_response(user_payload(self.ctx.world.bot))

    async def user(self, request: web.Request) -> web.Response:
        user = self.ctx.world.users.get(snowflake(request, "user_id"))
        if user is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_USER, "User")
        return json_response(user_payload(user))

    async def create_dm(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request, self.ctx)
        user = self.ctx.world.users.get(int(body.get("recipient_id") or 0))
        if user is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_USER, "User")
        return json_response(channel_payload(self.ctx.world.dm_channel(user), self.ctx.world))

    async def application(self, request: web.Request) -> web.Response:
        world = self.ctx.world
        return json_response(
            {
                "id": str(world.application_id),
                "name": world.bot.name,
                "icon": None,
                "description": "A Discord stand-in application",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user_payload(world.owner),
                "verify_key": "0" * 64,
                "team": None,
                "flags": 0,
                "bot": user_payload(world.bot),
                "approximate_guild_count": len(world.guilds),
                "integration_types_config": {"0": {}},
                "redirect_uris": [],
                "tags": [],
            }
        )

    async def gateway_url(self, request: web.Request) -> web.Response:
        return json_response({"url": self.ctx.gateway.url})

    async def gateway_bot(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "url": self.ctx.gateway.url,
                "shards": self.ctx.recommended_shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 14_400_000,
                    "max_concurrency": 1,
                },
            }
        )

    def _channel(self, request: web.Request) -> Channel:
        channel = self.ctx.world.channels.get(snowflake(request, "channel_id"))
        if channel is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_CHANNEL, "Channel")
        if not self.ctx.world.bot_can(channel, Permission.VIEW_CHANNEL):
            raise ApiError(403, ErrorCode.MISSING_ACCESS, "Missing Access")
        return channel

    def _message(self, request: web.Request, channel: Channel) -> StoredMessage:
        message = self.ctx.world.messages.get(snowflake(request, "message_id"))
        if message is None or message.channel is not channel or message.deleted:
            raise ApiError.not_found(ErrorCode.UNKNOWN_MESSAGE, "Message")
        return message

    async def channel(self, request: web.Request) -> web.Response:
        return json_response(channel_payload(self._channel(request), self.ctx.world))

    async def history(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        limit = max(1, min(100, _query_int(request, "limit") or 50))
        before, after = _query_int(request, "before"), _query_int(request, "after")
        found = [
            m
            for m in self.ctx.world.channel_messages.get(channel.id, [])
            if not m.deleted
            and not m.flags & MessageFlag.EPHEMERAL
            and (before is None or m.id < before)
            and (after is None or m.id > after)
        ]
        newest = sorted(found, key=lambda m: m.id, reverse=True)[:limit]
        return json_response([self.ctx.messages.payload(m) for m in newest])

    async def send(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        world = self.ctx.world
        if not world.bot_can(channel, Permission.SEND_MESSAGES):
            raise ApiError(403, ErrorCode.MISSING_PERMISSIONS, "Missing Permissions")
        body, attachments = await read_body(request, self.ctx)
        errors = FormErrors()
        empty = check_message(body, errors, creating=True) and not attachments
        reference = body.get("message_reference") or {}
        if reference.get("message_id"):
            target = world.messages.get(int(reference["message_id"]))
            missing = target is None or target.deleted or target.channel is not channel
            if missing and reference.get("fail_if_not_exists", True):
                errors.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
        if errors:
            raise ApiError.form(errors)
        if empty:
            raise ApiError(400, ErrorCode.EMPTY_MESSAGE, "Cannot send an empty message")
        if body.get("embeds") and not world.bot_can(channel, Permission.EMBED_LINKS):
            body = {**body, "embeds": []}  # Discord drops embeds silently without EMBED_LINKS
        message = self.ctx.messages.create(channel, world.bot, body, attachments=attachments)
        return json_response(self.ctx.messages.payload(message))

    async def fetch_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        return json_response(self.ctx.messages.payload(self._message(request, channel)))

    async def edit_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        message = self._message(request, channel)
        if message.author.id != self.ctx.world.bot.id:
            raise ApiError(403, ErrorCode.CANNOT_EDIT_OTHERS_MESSAGE, "Cannot edit a message authored by another user")
        body, files = await read_body(request, self.ctx)
        errors = FormErrors()
        check_message(body, errors, creating=False)
        if errors:
            raise ApiError.form(errors)
        self.ctx.messages.edit(message, body, files=files)
        return json_response(self.ctx.messages.payload(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        message = self._message(request, channel)
        mine = message.author.id == self.ctx.world.bot.id
        if not mine and not self.ctx.world.bot_can(channel, Permission.MANAGE_MESSAGES):
            raise ApiError(403, ErrorCode.MISSING_PERMISSIONS, "Missing Permissions")
        self.ctx.messages.delete(message)
        return no_content()

    async def typing(self, request: web.Request) -> web.Response:
        self._channel(request)
        return no_content()

    async def react(self, request: web.Request) -> web.Response:
        message = self._message(request, self._channel(request))
        self.ctx.messages.react(message, request.match_info["emoji"], add=True)
        return no_content()

    async def unreact(self, request: web.Request) -> web.Response:
        message = self._message(request, self._channel(request))
        self.ctx.messages.react(message, request.match_info["emoji"], add=False)
        return no_content()

    def _guild(self, request: web.Request) -> Guild:
        guild = self.ctx.world.guilds.get(snowflake(request, "guild_id"))
        if guild is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_GUILD, "Guild")
        return guild

    async def guild(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        return json_response(
            {
                "id": str(guild.id),
                "name": guild.name,
                "icon": None,
                "owner_id": str(guild.owner_id),
                "roles": [role_payload(r) for r in guild.roles.values()],
                "emojis": [],
                "stickers": [],
                "features": [],
                "preferred_locale": guild.preferred_locale,
                "approximate_member_count": len(guild.members),
            }
        )

    async def guild_channels(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        return json_response([channel_payload(c, self.ctx.world) for c in guild.channels.values()])

    async def guild_roles(self, request: web.Request) -> web.Response:
        return json_response([role_payload(r) for r in self._guild(request).roles.values()])

    async def guild_member(self, request: web.Request) -> web.Response:
        member = self._guild(request).members.get(snowflake(request, "user_id"))
        if member is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_MEMBER, "Member")
        return json_response(member_payload(member))
