"""Which messages are requests, and which deserve an answer, a hint, or silence."""

from __future__ import annotations

import pytest

from segue.bot.freetext import HintMemory, Incoming, Route, Verdict, asks_for_music, route, strip_mentions, verdict
from segue.domain import EntityRef, Query


def msg(*, bot: bool = False, dm: bool = False, mention: bool = False, listening: bool = False) -> Incoming:
    return Incoming("x", bot, dm, mention, listening)


@pytest.mark.parametrize(
    ("incoming", "expected"),
    [
        (msg(dm=True), Route.DM),
        (msg(mention=True), Route.MENTION),
        (msg(mention=True, listening=True), Route.MENTION),
        (msg(listening=True), Route.CHANNEL),
        (msg(), None),
        (msg(bot=True, dm=True), None),
    ],
)
def test_route(incoming: Incoming, expected: Route | None) -> None:
    assert route(incoming) == expected


def test_verdicts() -> None:
    seeds = Query(seed_artists=(EntityRef(0, "a0", "Volt"),))
    nothing = Query(text="lol same")
    unknown = Query(text="like Zz", unresolved=("Zz",))
    assert verdict(seeds, Route.CHANNEL) is Verdict.ANSWER
    assert verdict(nothing, Route.CHANNEL) is Verdict.IGNORE
    assert verdict(unknown, Route.CHANNEL) is Verdict.IGNORE
    assert verdict(nothing, Route.MENTION) is Verdict.HINT
    assert verdict(nothing, Route.DM) is Verdict.HINT
    assert verdict(unknown, Route.MENTION) is Verdict.ANSWER
    assert verdict(Query(text="chill songs", moods=("chill",)), Route.CHANNEL) is Verdict.ANSWER
    back = Query(text="more like the 3rd one", follow_up=True)  # told how to go on from an answer: its buttons
    assert verdict(back, Route.MENTION) is Verdict.ANSWER
    assert verdict(back, Route.CHANNEL) is Verdict.IGNORE


def test_strip_mentions() -> None:
    assert strip_mentions("<@42> metal please <@!42>", 42) == "metal please"
    assert strip_mentions("<@43> hi", 42) == "<@43> hi"


def test_hint_once_per_cooldown() -> None:
    now = [0.0]
    hints = HintMemory(600, clock=lambda: now[0])
    assert hints.should_hint("u")
    assert not hints.should_hint("u")
    assert hints.should_hint("v")
    now[0] += 601
    assert hints.should_hint("u")


def test_a_surprise_answers_a_direct_ask_but_not_channel_chatter() -> None:
    """Issue 9: 'surprise me' was answered with the help hint; 'whatever' in a busy channel must stay chatter."""
    surprise = Query(text="surprise me", surprise=True)
    assert verdict(surprise, Route.MENTION) is Verdict.ANSWER
    assert verdict(surprise, Route.DM) is Verdict.ANSWER
    assert verdict(Query(text="lol whatever", surprise=True), Route.CHANNEL) is Verdict.IGNORE
    assert verdict(Query(text="random jazz", surprise=True, genres=("jazz",)), Route.CHANNEL) is Verdict.ANSWER


VOLT = EntityRef(0, "a0", "Volt")


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        (Query(text="sad songs", moods=("sad",)), True),
        (Query(text="rainy day vibes", moods=("rainy",)), True),
        (Query(text="anything like volt", seed_artists=(VOLT,), named=True), True),
        (Query(text="volt", seed_artists=(VOLT,)), True),  # nothing but a name
        (Query(text="sad jazz", moods=("sad",), genres=("jazz",)), True),  # a genre with a mood
        (Query(text="good night everyone", moods=("night drive",)), False),
        (Query(text="happy birthday volt!", moods=("happy",), seed_artists=(VOLT,)), False),
        (Query(text="anyone watching volt tonight?", seed_artists=(VOLT,), ignored=("watching",)), False),
    ],
)
def test_channel_chatter_that_shares_words_with_moods_and_acts_is_no_request(query: Query, asks: bool) -> None:
    """An opted-in channel answered 'happy birthday bob!' (B.o.B, happy) and 'good night everyone' (a night drive)."""
    assert asks_for_music(query) is asks
    assert verdict(query, Route.CHANNEL) is (Verdict.ANSWER if asks else Verdict.IGNORE)
    assert verdict(query, Route.MENTION) is Verdict.ANSWER  # addressed to the bot: answered as before


def test_a_link_alone_is_answered_when_addressed_and_left_alone_in_a_channel() -> None:
    """'@Segue https://youtu.be/...' got the hint or silence; its answer says links cannot be opened."""
    video = Query(text="https://youtu.be/x", links=("youtu.be",))
    assert verdict(video, Route.MENTION) is Verdict.ANSWER
    assert verdict(video, Route.CHANNEL) is Verdict.IGNORE
