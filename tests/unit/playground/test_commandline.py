"""The playground's command bar: `/name sub option:value` split, typed and completed against a synced tree."""

from __future__ import annotations

from typing import Any

import pytest

from fakediscord import Channel, SyncedCommand, User
from fakediscord.invocations import OptionValue
from segue.playground.commandline import CommandLineError, complete, convert, split

STRING, INTEGER, BOOLEAN, USER, CHANNEL, SUB = 3, 4, 5, 6, 7, 1


def option(name: str, kind: int = STRING, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": f"the {name}", **extra}


def command(name: str, *options: dict[str, Any]) -> SyncedCommand:
    return SyncedCommand.from_dict(
        {"id": "1", "application_id": "2", "name": name, "description": f"/{name}", "options": list(options)}
    )


TREE = [
    command(
        "recommend",
        option("query"),
        option("artist", autocomplete=True),
        option("count", INTEGER, min_value=1, max_value=10),
        option("novelty", choices=[{"name": "balanced", "value": "balanced"}, {"name": "deep cuts", "value": "deep"}]),
    ),
    command("mood", option("text", required=True), option("count", INTEGER)),
    command(
        "admin",
        option("status", SUB, options=[]),
        option("listen", SUB, options=[option("enabled", BOOLEAN, required=True), option("channel", CHANNEL)]),
    ),
    command("blend", option("member1", USER, required=True), option("member2", USER, required=True)),
]
ALICE = User(id=11, name="alice")
GENERAL = Channel(id=21, name="general", guild_id=1)


class Names:
    def user(self, text: str) -> OptionValue | None:
        return ALICE if text.lstrip("@") == "alice" else None

    def channel(self, text: str) -> OptionValue | None:
        return GENERAL if text.lstrip("#") == "general" else None

    def role(self, text: str) -> OptionValue | None:
        return None


def typed(text: str) -> dict[str, OptionValue]:
    return convert(split(text, TREE), Names())


def test_values_may_hold_spaces_and_colons_and_are_typed_by_the_schema() -> None:
    assert typed("/recommend query:something like Daft Punk: live count:3 novelty:deep cuts") == {
        "query": "something like Daft Punk: live",
        "count": 3,
        "novelty": "deep",
    }


def test_loose_text_goes_to_the_main_text_option() -> None:
    assert typed("/mood rainy sunday morning count:2") == {"text": "rainy sunday morning", "count": 2}
    assert typed("/recommend chill jazz") == {"query": "chill jazz"}


def test_subcommands_users_channels_and_booleans() -> None:
    line = split("/admin listen enabled:yes channel:#general", TREE)
    assert line.name == "admin listen"
    assert convert(line, Names()) == {"enabled": True, "channel": GENERAL}
    assert typed("/blend member1:@alice member2:alice") == {"member1": ALICE, "member2": ALICE}
    assert split("/admin status", TREE).name == "admin status"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("/nope", "no command /nope"),
        ("/recommend count:many", "whole number"),
        ("/recommend novelty:weird", "one of: balanced, deep cuts"),
        ("/mood count:2", "needs text"),
        ("/admin", "needs a subcommand"),
        ("/admin listen enabled:maybe", "true or false"),
        ("/blend member1:zoe member2:alice", "no user called 'zoe'"),
        ("/recommend query:a query:b", "given twice"),
        ("/recommend query:", "empty"),
        ("recommend", "starts with /"),
    ],
)
def test_what_a_client_would_refuse_is_refused_in_words(text: str, words: str) -> None:
    with pytest.raises(CommandLineError, match=words):
        typed(text)


def test_completion_offers_commands_then_subcommands_then_option_names() -> None:
    assert [s.text for s in complete("/re", TREE).suggestions] == ["/recommend "]
    assert [s.label for s in complete("/admin ", TREE).suggestions] == ["/admin status", "/admin listen"]
    names = complete("/recommend query:chill cou", TREE)
    assert [(s.label, s.text) for s in names.suggestions] == [("count:", "/recommend query:chill count:")]
    fresh = complete("/recommend ", TREE)
    assert [s.label for s in fresh.suggestions] == ["query:", "artist:", "count:", "novelty:"]
    assert fresh.usage == "/recommend [query:] [artist:] [count:] [novelty:]"


def test_completion_fills_choices_booleans_and_users_or_asks_the_bot() -> None:
    choices = complete("/recommend novelty:de", TREE)
    assert [(s.label, s.text) for s in choices.suggestions] == [("deep cuts", "/recommend novelty:deep ")]
    flags = complete("/admin listen enabled:", TREE)
    assert [s.label for s in flags.suggestions] == ["true", "false"]
    people = complete("/blend member1:@al", TREE, users=["alice", "bob"])
    assert [s.text for s in people.suggestions] == ["/blend member1:alice "]
    slot = complete("/recommend count:3 artist:Daft P", TREE).ask_bot
    assert slot is not None
    assert (slot.option.name, slot.prefix) == ("artist", "Daft P")
    assert slot.fill("Daft Punk") == "/recommend count:3 artist:Daft Punk "


def test_plain_text_and_unknown_commands_offer_nothing() -> None:
    assert complete("hello there", TREE).suggestions == ()
    assert complete("/zzz more", TREE).suggestions == ()


def test_localized_names_are_put_back_to_the_registered_ones() -> None:
    """Issue 15: a Spanish client shows /recomendar and /admin escuchar; the interaction carries the default names."""
    from segue.playground.commandline import canonical

    tree = [
        SyncedCommand.from_dict(
            {
                "id": "1", "application_id": "2", "name": "recommend", "description": "d",
                "name_localizations": {"es-ES": "recomendar"},
                "options": [option("query", name_localizations={"es-ES": "consulta"}),
                            option("count", INTEGER, name_localizations={"es-ES": "cantidad"})],
            }
        ),
        SyncedCommand.from_dict(
            {
                "id": "3", "application_id": "2", "name": "admin", "description": "d",
                "options": [option("listen", SUB, name_localizations={"es-ES": "escuchar"},
                                   options=[option("enabled", BOOLEAN, name_localizations={"es-ES": "activado"})])],
            }
        ),
    ]  # fmt: skip
    said = canonical("/recomendar consulta:algo como Willow cantidad:3", tree, "es-ES")
    assert said == "/recommend query:algo como Willow count:3"
    assert canonical("/admin escuchar activado:true", tree, "es-ES") == "/admin listen enabled:true"
    assert canonical("/recommend query:x", tree, "es-ES") == "/recommend query:x"  # the default names still work
    assert canonical("/recomendar consulta:x", tree, "fr") == "/recomendar consulta:x"  # not this client's language
    assert split(said, tree).name == "recommend"
