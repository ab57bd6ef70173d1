"""The playground's JSON and event-stream API, with the stand-in and the real SegueBot (known-answer catalog) behind it.

Each action goes through the stand-in as a Discord client would send it; the answers are read back through the
same API the page uses (interaction views, channel messages, the SSE stream).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from fakediscord import ManualClock, point_discord_at
from segue.bot.client import SegueBot
from segue.playground.server import DID_NOT_RESPOND, PlaygroundServer
from segue.playground.session import Playground
from support.bot import make_deps

JSON = dict[str, Any]
WAIT = 10.0


@pytest.fixture
async def playground() -> AsyncIterator[Playground]:
    """The stand-in with its preset server and the real bot connected (as `segue playground` wires it)."""
    # The manual clock keeps Discord's 3 s window open however slow the machine: the bot's speed is not under test.
    playground = Playground(clock=ManualClock())
    world = await playground.start()
    deps = make_deps()
    await deps.state.set_listening(str(world.listening.id), True)
    fake = playground.fake
    with point_discord_at(fake.api_base, fake.gateway_url):  # restores discord.py's URLs for other tests
        await playground.connect(
            SegueBot(deps, api_base=fake.api_base, gateway_url=fake.gateway_url, guild_ready_timeout=0.05)
        )
        try:
            yield playground
        finally:
            await playground.stop()


@pytest.fixture
async def client(playground: Playground) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(PlaygroundServer(playground).app())) as test_client:
        yield test_client


@pytest.fixture
def ids(playground: Playground) -> dict[str, str]:
    world = playground.world
    found = {p.user.name: str(p.user.id) for p in world.people}
    found.update({c.name: str(c.id) for c in world.channels})
    found.update({f"dm:{p.user.name}": str(dm.id) for p, dm in zip(world.people, world.dms, strict=True)})
    found["bot"] = str(playground.fake.bot.id)
    return found


async def ok(response: ClientResponse) -> JSON:
    body = await response.json()
    assert response.status == 200, body
    return body  # type: ignore[no-any-return]


async def refused(response: ClientResponse, status: int = 400) -> str:
    body = await response.json()
    assert response.status == status, body
    return str(body["error"])


async def command(client: TestClient[Any, Any], user: str, channel: str, text: str) -> JSON:
    """Run a slash command and return the interaction once the bot's answer is visible."""
    acted = await ok(await client.post("/api/command", json={"user": user, "channel": channel, "text": text}))
    assert acted["answered"], acted
    return await ok(await client.get(f"/api/interactions/{acted['interaction']}", params={"wait": "answer"}))


async def messages(client: TestClient[Any, Any], channel: str, viewer: str) -> list[JSON]:
    body = await ok(await client.get(f"/api/channels/{channel}/messages", params={"viewer": viewer}))
    return list(body["messages"])


def component(message: JSON, prefix: str) -> JSON:
    def walk(items: list[JSON]) -> list[JSON]:
        return [x for item in items for x in (item, *walk(item.get("children", [])))]

    found = [c for c in walk(message["components"]) if (c.get("custom_id") or "").startswith(prefix)]
    assert found, f"no component {prefix}* in {message['components']}"
    return found[0]


class Events:
    """The page's event stream, read one server-sent event at a time."""

    def __init__(self, response: ClientResponse) -> None:
        self.response = response

    async def next(self) -> tuple[str, JSON]:
        name, data = "", ""
        while True:
            line = (await self.response.content.readline()).decode()
            if line.startswith("event: "):
                name = line[7:].strip()
            elif line.startswith("data: "):
                data = line[6:].strip()
            elif line == "\n" and name:
                return name, json.loads(data)

    async def until(self, check: Callable[[str, JSON], bool]) -> JSON:
        async with asyncio.timeout(WAIT):
            while True:
                name, data = await self.next()
                if check(name, data):
                    return data


@pytest.fixture
async def events(client: TestClient[Any, Any]) -> AsyncIterator[Events]:
    response = await client.get("/api/events")
    assert response.headers["Content-Type"].startswith("text/event-stream")
    stream = Events(response)
    assert (await stream.next())[0] == "ready"
    yield stream
    response.close()


# -- who and where -----------------------------------------------------------------------------------------------


async def test_state_names_the_server_people_channels_and_dms(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    state = await ok(await client.get("/api/state"))
    assert state["server"]["name"] == "Listening Room"
    assert [(p["name"], p["admin"]) for p in state["people"]] == [("alice", False), ("bob", False), ("ada", True)]
    assert [(c["name"], c["listening"]) for c in state["channels"]] == [
        ("general", False),
        ("music-requests", True),
        ("random", False),
    ]
    assert state["people"][0]["dm"] == ids["dm:alice"]
    assert state["names"]["users"][ids["bot"]] == "Segue"


async def test_command_list_is_what_each_person_sees_where_they_are(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    async def names(user: str, channel: str) -> set[str]:
        body = await ok(await client.get("/api/commands", params={"user": ids[user], "channel": ids[channel]}))
        return {c["name"] for c in body["commands"]}

    alice = await names("alice", "general")
    assert {"recommend", "similar", "mood", "discover", "help", "ping", "stats"} <= alice
    assert "admin" not in alice
    assert "admin" in await names("ada", "general")
    assert "admin" not in await names("ada", "dm:ada")  # guild-only
    assert "recommend" in await names("alice", "dm:alice")


# -- slash commands, components, edits -----------------------------------------------------------------------------


async def test_a_slash_command_answers_with_an_embed_a_menu_and_buttons(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    answer = await command(client, ids["alice"], ids["general"], "/recommend query:something chill like Willow count:3")
    assert not answer["ephemeral"]
    (message,) = answer["messages"]
    assert message["command"] == {"name": "recommend", "user": "alice", "user_id": ids["alice"]}
    assert message["author"] == {"id": ids["bot"], "name": "Segue", "bot": True}
    (embed,) = message["embeds"]
    assert "like Willow" in embed["description"]
    assert len(embed["fields"]) == 3
    assert all("[Spotify](https://" in f["value"] for f in embed["fields"])
    assert embed["footer"].startswith("Page 1")
    assert isinstance(embed["color"], int)
    assert len(component(message, "sg:pick:")["options"]) == 3
    labels = {c["label"] for row in message["components"] for c in row["children"] if c["type"] == "button"}
    assert labels == {"More like #1", "Less mainstream", "Next page"}
    assert [m["id"] for m in await messages(client, ids["general"], ids["bob"])] == [message["id"]]


async def test_next_page_edits_the_answer_in_place_and_the_stream_says_so(
    client: TestClient[Any, Any], ids: dict[str, str], events: Events
) -> None:
    answer = await command(client, ids["alice"], ids["general"], "/recommend artist:Volt count:2")
    message = answer["messages"][0]
    page = component(message, "sg:page:")
    clicked = await ok(
        await client.post(
            "/api/click", json={"user": ids["alice"], "message": message["id"], "custom_id": page["custom_id"]}
        )
    )
    assert clicked["answered"]
    edited = await events.until(
        lambda name, data: (
            name == "message" and data["kind"] == "message_edited" and data["message"]["id"] == message["id"]
        )
    )
    assert edited["message"]["embeds"][0]["footer"].startswith("Page 2")
    shown = await messages(client, ids["general"], ids["alice"])
    assert [(m["id"], m["edited"]) for m in shown] == [(message["id"], True)]


async def test_a_menu_choice_opens_a_private_panel_whose_buttons_work_for_its_owner_only(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    answer = await command(client, ids["alice"], ids["general"], "/recommend artist:Anvil count:2")
    message = answer["messages"][0]
    picker = component(message, "sg:pick:")
    chosen = picker["options"][0]
    acted = await ok(
        await client.post(
            "/api/select",
            json={
                "user": ids["alice"],
                "message": message["id"],
                "custom_id": picker["custom_id"],
                "values": [chosen["value"]],
            },
        )
    )
    panel = await ok(await client.get(f"/api/interactions/{acted['interaction']}", params={"wait": "answer"}))
    assert panel["ephemeral"]
    (private,) = panel["messages"]
    assert private["ephemeral"]
    assert private["visible_to"] == ids["alice"]
    assert private["embeds"][0]["title"] == "What do you think?"
    assert private["id"] in {m["id"] for m in await messages(client, ids["general"], ids["alice"])}
    assert private["id"] not in {m["id"] for m in await messages(client, ids["general"], ids["bob"])}

    like = component(private, "sg:fb:like:")
    stranger = await client.post(
        "/api/click", json={"user": ids["bob"], "message": private["id"], "custom_id": like["custom_id"]}
    )
    assert "ephemeral" in await refused(stranger)
    liked = await ok(
        await client.post(
            "/api/click", json={"user": ids["alice"], "message": private["id"], "custom_id": like["custom_id"]}
        )
    )
    done = await ok(await client.get(f"/api/interactions/{liked['interaction']}", params={"wait": "answer"}))
    assert done["ephemeral"]
    assert done["type"] == "update_message"  # the panel itself says so: no second message
    (rated,) = done["messages"]
    assert rated["id"] == private["id"]
    assert rated["content"].startswith("👍 Liked")
    assert rated["embeds"][0]["title"] == "What do you think?"
    like_now = component(rated, "sg:fb:like:")
    assert like_now["disabled"]
    assert like_now["label"] == "Like ✓"
    assert not component(rated, "sg:fb:dislike:")["disabled"]  # a change of mind is still one click away


async def test_help_is_private_to_whoever_asked(client: TestClient[Any, Any], ids: dict[str, str]) -> None:
    answer = await command(client, ids["bob"], ids["random"], "/help")
    assert answer["ephemeral"]
    assert answer["messages"][0]["visible_to"] == ids["bob"]
    assert await messages(client, ids["random"], ids["alice"]) == []
    assert len(await messages(client, ids["random"], ids["bob"])) == 1


async def test_admin_status_for_the_admin_only(client: TestClient[Any, Any], ids: dict[str, str]) -> None:
    status = await command(client, ids["ada"], ids["general"], "/admin status")
    assert status["messages"][0]["embeds"][0]["title"] == "Status"
    rows = status["messages"][0]["embeds"][0]["description"]
    assert "Draining" in rows
    assert "no" in rows.split("Draining", 1)[1].splitlines()[0]
    assert "In flight" in rows
    assert "0" in rows.split("In flight", 1)[1].splitlines()[0]  # the status request does not count itself
    hidden = await client.post(
        "/api/command", json={"user": ids["alice"], "channel": ids["general"], "text": "/admin status"}
    )
    said = await refused(hidden)
    assert "for server admins only" in said
    assert "ada" in said
    health = await command(client, ids["alice"], ids["general"], "/health")
    checks = health["messages"][0]["embeds"][0]["description"]
    assert "0" in checks.split("In flight", 1)[1].splitlines()[0]
    mistyped = await client.post(
        "/api/command", json={"user": ids["alice"], "channel": ids["general"], "text": "/nope"}
    )
    assert "no command /nope" in await refused(mistyped)


async def test_every_open_tab_gets_every_event(client: TestClient[Any, Any], ids: dict[str, str]) -> None:
    """Alice and Bob side by side in two tabs: both streams see the same new message."""
    tabs = [await client.get("/api/events") for _ in range(2)]
    try:
        streams = [Events(tab) for tab in tabs]
        for stream in streams:
            assert (await stream.next())[0] == "ready"
        answer = await command(client, ids["alice"], ids["general"], "/recommend artist:Volt count:2")
        wanted = answer["messages"][0]["id"]
        for stream in streams:
            seen = await stream.until(lambda name, data: name == "message" and data["message"]["id"] == wanted)
            assert seen["kind"] in {"message_created", "message_edited"}
    finally:
        for tab in tabs:
            tab.close()


# -- typing help -------------------------------------------------------------------------------------------------


async def test_suggestions_complete_commands_options_and_the_bots_autocomplete(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    async def suggest(text: str) -> JSON:
        return await ok(
            await client.post("/api/suggest", json={"user": ids["alice"], "channel": ids["general"], "text": text})
        )

    assert [s["text"] for s in (await suggest("/rec"))["suggestions"]] == ["/recommend "]
    artists = await suggest("/recommend artist:Vo")
    assert [(s["label"], s["text"]) for s in artists["suggestions"]] == [("Volt", "/recommend artist:Volt ")]
    assert artists["usage"] == "artist: An artist to start from"
    genres = await suggest("/recommend count:2 genre:thr")
    assert [s["text"] for s in genres["suggestions"]] == ["/recommend count:2 genre:thrash metal "]
    novelty = await suggest("/recommend novelty:")
    assert [s["label"] for s in novelty["suggestions"]] == ["familiar", "balanced", "deep cuts"]
    assert (await suggest("just chatting"))["suggestions"] == []


# -- free text ---------------------------------------------------------------------------------------------------


async def test_mentions_dms_and_the_listening_channel_get_replies(
    client: TestClient[Any, Any], ids: dict[str, str], events: Events
) -> None:
    async def ask(channel: str, text: str) -> JSON:
        posted = await ok(
            await client.post("/api/messages", json={"user": ids["alice"], "channel": channel, "content": text})
        )
        asked = posted["message"]
        reply = await events.until(
            lambda name, data: name == "message" and (data["message"]["reply_to"] or {}).get("id") == asked["id"]
        )
        return {"asked": asked, "reply": reply["message"]}

    mention = await ask(ids["general"], "@Segue folk from the 70s please")
    assert mention["asked"]["content"] == f"<@{ids['bot']}> folk from the 70s please"
    assert mention["reply"]["reply_to"]["author"] == "alice"
    assert "genre: folk" in mention["reply"]["embeds"][0]["description"]
    listening = await ask(ids["music-requests"], "some chill folk")
    assert "genre: folk" in listening["reply"]["embeds"][0]["description"]
    dm = await ask(ids["dm:alice"], "something like Anvil")
    assert "like Anvil" in dm["reply"]["embeds"][0]["description"]


async def test_replying_to_a_message_is_shown_with_what_it_replies_to(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    first = await ok(
        await client.post("/api/messages", json={"user": ids["bob"], "channel": ids["random"], "content": "x" * 200})
    )
    second = await ok(
        await client.post(
            "/api/messages",
            json={
                "user": ids["alice"],
                "channel": ids["random"],
                "content": "same",
                "reply_to": first["message"]["id"],
            },
        )
    )
    quoted = second["message"]["reply_to"]
    assert quoted["author"] == "bob"
    assert quoted["text"] == "x" * 119 + "…"


# -- refusals ----------------------------------------------------------------------------------------------------


async def test_what_discord_would_refuse_is_a_400_in_words(client: TestClient[Any, Any], ids: dict[str, str]) -> None:
    async def run(user: str, channel: str, text: str) -> str:
        return await refused(await client.post("/api/command", json={"user": user, "channel": channel, "text": text}))

    assert "no command /nope" in await run(ids["alice"], ids["general"], "/nope")
    assert "whole number" in await run(ids["alice"], ids["general"], "/recommend count:lots")
    assert "outside 1..10" in await run(ids["alice"], ids["general"], "/recommend count:99")
    assert "cannot see" in await run(ids["alice"], ids["dm:bob"], "/help")
    assert "must be an id" in await run("alice", ids["general"], "/help")
    empty = await client.post("/api/messages", json={"user": ids["alice"], "channel": ids["general"], "content": "  "})
    assert "Type a message" in await refused(empty)
    form = await client.post(
        "/api/command", data="user=1", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert await refused(form, 415) == "send JSON"


async def test_an_unanswered_interaction_says_the_application_did_not_respond(
    playground: Playground, ids: dict[str, str]
) -> None:
    server = PlaygroundServer(playground, response_wait=0.2)
    async with TestClient(TestServer(server.app())) as impatient, playground.fake.outage():
        # The gateway is down: the bot never hears of the interaction, so it cannot answer, however long we wait.
        acted = await ok(
            await impatient.post(
                "/api/command", json={"user": ids["alice"], "channel": ids["general"], "text": "/ping"}
            )
        )
    assert acted == {"interaction": acted["interaction"], "answered": False, "failed": DID_NOT_RESPOND}


# -- the page ----------------------------------------------------------------------------------------------------


async def test_the_page_and_its_files_are_served_with_a_strict_policy(client: TestClient[Any, Any]) -> None:
    page = await client.get("/")
    assert page.status == 200
    html = await page.text()
    assert '<script src="/static/app.js"></script>' in html
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    for name in ("app.js", "markdown.js"):
        script = await client.get(f"/static/{name}")
        assert script.status == 200
        assert script.content_type == "text/javascript"
        code = await script.text()
        assert not [
            sink for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write") if sink in code
        ]
    assert (await client.get("/static/index.html")).status == 404
    assert (await client.get("/static/..%2Fserver.py")).status == 404


async def test_the_locale_picker_switches_the_members_client_language(
    client: TestClient[Any, Any], ids: dict[str, str]
) -> None:
    """Issue 15: the page's language picker; the stand-in sends it as the interaction's `locale`."""
    state = await ok(await client.get("/api/state"))
    assert [loc["code"] for loc in state["locales"]] == ["en-US", "es-ES", "fr", "de", "pt-BR"]
    assert {p["locale"] for p in state["people"]} == {"en-US"}
    switched = await ok(await client.post("/api/locale", json={"user": ids["bob"], "locale": "es-ES"}))
    assert switched == {"user": ids["bob"], "locale": "es-ES"}
    answer = await command(client, ids["bob"], ids["general"], "/recommend query:something chill like Willow")
    (embed,) = answer["messages"][0]["embeds"]
    assert embed["description"].startswith("*Entendido como:*")
    assert embed["footer"].startswith("Página 1")
    typed = await command(client, ids["bob"], ids["general"], "/recomendar consulta:something like Willow cantidad:2")
    assert typed["messages"][0]["command"]["name"] == "recommend"  # the client sends the registered name
    assert len(typed["messages"][0]["embeds"][0]["fields"]) == 2
    english = await command(client, ids["alice"], ids["general"], "/recommend query:something chill like Willow")
    assert english["messages"][0]["embeds"][0]["description"].startswith("*Understood as:*")
    assert "locale must be one of" in await refused(
        await client.post("/api/locale", json={"user": ids["bob"], "locale": "xx"})
    )
