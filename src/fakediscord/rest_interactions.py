"""REST routes for application commands, interaction callbacks and the interaction webhook."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from fakediscord.constants import ErrorCode
from fakediscord.errors import ApiError
from fakediscord.limits import FormErrors
from fakediscord.rest import Handler, RestContext, json_response, no_content, read_body, snowflake

TRUE_WORDS = frozenset({"1", "true", "True"})


class CommandRoutes:
    """Global and guild command trees: list, bulk overwrite (what `tree.sync()` does), upsert, get, edit, delete."""

    def __init__(self, ctx: RestContext) -> None:
        self.ctx = ctx

    def routes(self) -> list[tuple[str, str, Handler]]:
        global_base = "/applications/{application_id}/commands"
        guild_base = "/applications/{application_id}/guilds/{guild_id}/commands"
        found: list[tuple[str, str, Handler]] = []
        for base in (global_base, guild_base):
            found += [
                ("GET", base, self.list),
                ("PUT", base, self.overwrite),
                ("POST", base, self.upsert),
                ("GET", base + "/{command_id}", self.get),
                ("PATCH", base + "/{command_id}", self.edit),
                ("DELETE", base + "/{command_id}", self.delete),
            ]
        return found

    def _scope(self, request: web.Request) -> int | None:
        if snowflake(request, "application_id") != self.ctx.world.application_id:
            raise ApiError(403, ErrorCode.MISSING_ACCESS, "Missing Access")
        if "guild_id" not in request.match_info:
            return None
        guild_id = snowflake(request, "guild_id")
        if guild_id not in self.ctx.world.guilds:
            raise ApiError(403, ErrorCode.MISSING_ACCESS, "Missing Access")
        return guild_id

    async def list(self, request: web.Request) -> web.Response:
        return json_response(self.ctx.commands.commands(self._scope(request)))

    async def overwrite(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body, _ = await read_body(request, self.ctx)
        errors = FormErrors()
        stored = self.ctx.commands.bulk_overwrite(scope, body, errors)
        if errors:
            raise ApiError.form(errors)
        return json_response(stored)

    async def upsert(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body, _ = await read_body(request, self.ctx)
        errors = FormErrors()
        existed = self.ctx.commands.find(str(body.get("name")), scope, int(body.get("type") or 1)) is not None
        stored = self.ctx.commands.upsert(scope, body, errors)
        if stored is None:
            raise ApiError.form(errors)
        return json_response(stored, 200 if existed else 201)

    def _command_id(self, request: web.Request) -> int:
        return snowflake(request, "command_id")

    async def get(self, request: web.Request) -> web.Response:
        found = self.ctx.commands.get(self._scope(request), self._command_id(request))
        if found is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_APPLICATION_COMMAND, "application command")
        return json_response(found)

    async def edit(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body, _ = await read_body(request, self.ctx)
        errors = FormErrors()
        stored = self.ctx.commands.edit(scope, self._command_id(request), body, errors)
        if errors:
            raise ApiError.form(errors)
        if stored is None:
            raise ApiError.not_found(ErrorCode.UNKNOWN_APPLICATION_COMMAND, "application command")
        return json_response(stored)

    async def delete(self, request: web.Request) -> web.Response:
        if not self.ctx.commands.delete(self._scope(request), self._command_id(request)):
            raise ApiError.not_found(ErrorCode.UNKNOWN_APPLICATION_COMMAND, "application command")
        return no_content()


class InteractionRoutes:
    """The callback endpoint and the interaction webhook (follow-ups, the original response, its edits)."""

    def __init__(self, ctx: RestContext) -> None:
        self.ctx = ctx

    def routes(self) -> list[tuple[str, str, Handler]]:
        hook = "/webhooks/{webhook_id}/{webhook_token}"
        return [
            ("POST", "/interactions/{interaction_id}/{interaction_token}/callback", self.callback),
            ("POST", hook, self.followup),
            ("GET", hook + "/messages/{message_id}", self.get_message),
            ("PATCH", hook + "/messages/{message_id}", self.edit_message),
            ("DELETE", hook + "/messages/{message_id}", self.delete_message),
        ]

    async def callback(self, request: web.Request) -> web.Response:
        body, attachments = await read_body(request, self.ctx)
        result = self.ctx.interactions.callback(
            snowflake(request, "interaction_id"), request.match_info["interaction_token"], body, attachments
        )
        if request.query.get("with_response") in TRUE_WORDS:
            return json_response(result)
        return no_content()

    def _record(self, request: web.Request) -> Any:
        return self.ctx.interactions.by_webhook(snowflake(request, "webhook_id"), request.match_info["webhook_token"])

    async def followup(self, request: web.Request) -> web.Response:
        record = self._record(request)
        body, attachments = await read_body(request, self.ctx)
        message = self.ctx.interactions.followup(record, body, attachments)
        if request.query.get("wait") in TRUE_WORDS:
            return json_response(self.ctx.messages.payload(message))
        return no_content()

    async def get_message(self, request: web.Request) -> web.Response:
        message = self.ctx.interactions.message(self._record(request), request.match_info["message_id"])
        return json_response(self.ctx.messages.payload(message))

    async def edit_message(self, request: web.Request) -> web.Response:
        record = self._record(request)
        body, files = await read_body(request, self.ctx)
        message = self.ctx.interactions.edit(record, request.match_info["message_id"], body, files)
        return json_response(self.ctx.messages.payload(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        self.ctx.interactions.delete(self._record(request), request.match_info["message_id"])
        return no_content()
