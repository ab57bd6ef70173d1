"""One place turns errors into words, answers each interaction once, and counts by type; deferral on a budget."""

from __future__ import annotations

import asyncio
import logging
import re
from types import SimpleNamespace
from typing import Any, cast

import discord
import pytest
from discord import app_commands
from hypothesis import given, settings
from hypothesis import strategies as st

from segue.bot import render, respond
from segue.bot.failures import AdminOnly, Failures, RateLimited, ShuttingDown, explain
from segue.bot.gate import Admission
from segue.bot.stats import BotStats
from segue.errors import PermissionDeniedError, ProviderError, RateLimitedError, UnknownSeedError, UserInputError
from support.bot import FakeInteraction, speaker, speech


def invoke_error(exc: Exception) -> app_commands.CommandInvokeError:
    @app_commands.command(name="x", description="x")
    async def x(interaction: discord.Interaction) -> None: ...

    return app_commands.CommandInvokeError(x, exc)


@pytest.mark.parametrize(
    ("error", "text", "expected", "quiet"),
    [
        (UnknownSeedError("artist", "Zz", ["Volt"]), "I don't know the artist 'Zz'. Did you mean Volt?", True, False),
        (invoke_error(UserInputError("x", user_message="Too long.")), "Too long.", True, False),
        (RateLimited(Admission(False, 6.2, "user", True)), "You're going a bit fast. Try again in 7 s.", True, False),
        (RateLimited(Admission(False, 6.2, "user", False)), "⏳ Still cooling down.", True, True),
        (RateLimitedError(3.0), "You're going a bit fast. Try again in 3 s.", True, False),
        (AdminOnly(), PermissionDeniedError.default_message, True, False),
        (ShuttingDown(), "I'm restarting right now. Please try again in a few seconds.", True, False),
        (app_commands.NoPrivateMessage(), "This command only works in a server.", True, False),
        (ProviderError("HTTP 500 from https://x?api_key=SECRET"), ProviderError.default_message, False, False),
    ],
)
def test_explain(error: Exception, text: str, expected: bool, quiet: bool) -> None:
    said = explain(error, speaker())
    assert (said.text, said.expected, said.quiet) == (text, expected, quiet)


def test_unexpected_errors_never_show_their_details() -> None:
    said = explain(invoke_error(RuntimeError("token=abc.def.ghi at https://internal")), speaker())
    assert "token" not in said.text
    assert "internal" not in said.text
    assert said.kind == "RuntimeError"
    assert not said.expected


async def test_answers_ephemerally_counts_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    stats = BotStats()
    failures = Failures(stats, speech())
    interaction = FakeInteraction()
    with caplog.at_level(logging.INFO):
        await failures.interaction(interaction, invoke_error(RuntimeError("boom")))
    kind, payload = interaction.response.calls[0]
    assert kind == "send"
    assert payload["ephemeral"] is True
    assert payload["allowed_mentions"] == respond.NO_PINGS
    assert stats.errors["RuntimeError"] == 1
    assert stats.recent[-1].kind == "RuntimeError"
    assert not stats.recent[-1].expected
    assert any("failed: RuntimeError" in r.getMessage() and r.exc_info for r in caplog.records)
    assert "user=1001" in caplog.records[-1].getMessage()


async def test_answers_with_a_followup_when_already_answered() -> None:
    failures = Failures(BotStats(), speech())
    interaction = FakeInteraction()
    await interaction.response.defer(thinking=True)
    await failures.interaction(interaction, UserInputError("x", user_message="Nope."))
    assert len(interaction.response.calls) == 1  # never a second initial response
    assert interaction.followup.sent[0]["ephemeral"] is True


async def test_autocomplete_failures_answer_with_no_choices() -> None:
    interaction = FakeInteraction(type=discord.InteractionType.autocomplete)
    await Failures(BotStats(), speech()).interaction(interaction, RuntimeError("x"))
    assert interaction.response.calls == [("autocomplete", {"choices": []})]


async def test_rate_limits_are_counted() -> None:
    stats = BotStats()
    await Failures(stats, speech()).interaction(FakeInteraction(), RateLimited(Admission(False, 1.0, "user", True)))
    assert sum(stats.rate_limited.values()) == 1


async def test_within_budget_answers_fast_work_without_deferring() -> None:
    stats = BotStats()
    interaction = FakeInteraction()

    async def fast() -> str:
        return "done"

    assert await respond.within_budget(interaction, fast(), budget=60, stats=stats) == "done"
    assert interaction.response.calls == []
    assert stats.deferred == 0


async def test_within_budget_defers_slow_work_then_follows_up() -> None:
    stats = BotStats()
    interaction = FakeInteraction()
    release = asyncio.Event()

    async def slow() -> str:
        await release.wait()
        return "late"

    task = asyncio.create_task(respond.within_budget(interaction, slow(), budget=0, stats=stats, ephemeral=True))
    await interaction.response.answered.wait()
    assert interaction.response.calls == [("defer", {"ephemeral": True, "thinking": True})]
    release.set()
    assert await task == "late"
    await respond.send(interaction, content="here")
    assert interaction.followup.sent[0]["content"] == "here"
    assert stats.deferred == 1


async def test_within_budget_defers_an_update_for_components() -> None:
    interaction = FakeInteraction(type=discord.InteractionType.component)
    release = asyncio.Event()

    async def slow() -> None:
        await release.wait()

    task = asyncio.create_task(respond.within_budget(interaction, slow(), budget=0, stats=BotStats(), update=True))
    await interaction.response.answered.wait()
    release.set()
    await task
    await respond.edit(interaction, content="page 2")
    assert interaction.response.calls == [("defer", {})]
    assert interaction.edits[0]["content"] == "page 2"
    assert interaction.edits[0]["view"] is None


async def test_message_failures_reply_once_and_stay_silent_when_repeated() -> None:
    class Message:
        def __init__(self) -> None:
            self.author = type("A", (), {"id": 7})()
            self.guild = None
            self.replies: list[dict[str, object]] = []

        async def reply(self, **kwargs: object) -> None:
            self.replies.append(kwargs)

    failures = Failures(BotStats(), speech())
    first, repeat = Message(), Message()
    await failures.message(first, RateLimited(Admission(False, 5, "user", True)))  # type: ignore[arg-type]
    await failures.message(repeat, RateLimited(Admission(False, 5, "user", False)))  # type: ignore[arg-type]
    assert len(first.replies) == 1
    assert first.replies[0]["mention_author"] is False
    assert first.replies[0]["allowed_mentions"] == respond.NO_PINGS
    assert repeat.replies == []


# -- every message that quotes the user renders as inert text (issue 7.5) ----------------------------------------

MARKUP = ["**", "__", "~~", "||", "`", "```", "> ", "# ", "- ", "[CLICKME](http://evil.example)", "<@1>", "@everyone"]
typed = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), min_size=1, max_size=8).map("".join)
_ESCAPED = re.compile(r"\\.")
_LIVE = re.compile(r"[*_~|`\[]|^\s*(?:>|#|-)|@(?:everyone|here)|<@[!&]?\d", re.MULTILINE)


def assert_inert(rendered: str) -> None:
    """Nothing left for Discord to format: every markup character is escaped and no mention pattern survives."""
    bare = _ESCAPED.sub("", rendered)  # a zero-width space after "@" is what breaks a mention, so it stays
    assert not _LIVE.search(bare), rendered
    assert "\n" not in rendered


def quoting_errors(text: str) -> list[Exception]:
    """Every error the bot raises with the user's words in it."""
    return [
        UnknownSeedError("artist", text, [text]),
        UnknownSeedError("track", text),
        UnknownSeedError("genre", text, ["house", text]),
        invoke_error(UnknownSeedError("artist", text)),
        app_commands.TransformerError(
            text, discord.AppCommandOptionType.integer, cast(Any, SimpleNamespace(_error_display_name="x"))
        ),
    ]


@settings(max_examples=300, deadline=None)
@given(typed)
def test_every_error_that_quotes_the_user_renders_as_plain_text(text: str) -> None:
    for error in quoting_errors(text):
        said = explain(error, speaker())
        assert_inert(said.text)
        description = render.notice_embed("Hmm", said.text).description or ""
        assert_inert(description)


async def test_a_masked_link_in_an_unknown_artist_is_shown_not_followed() -> None:
    failures = Failures(BotStats(), speech())
    interaction = FakeInteraction()
    await failures.interaction(interaction, UnknownSeedError("artist", "[CLICKME](http://evil.example) **bold**"))
    (embed,) = interaction.everything_sent()[0]["embeds"]  # type: ignore[misc]
    assert embed.description == r"I don't know the artist '\[CLICKME](http://evil.example) \*\*bold\*\*'."
