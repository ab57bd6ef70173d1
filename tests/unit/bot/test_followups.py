"""Reading a chat message as a follow-up to an answer, which answer it acts on, and the twists it applies."""

from __future__ import annotations

import pytest

from segue.bot.custom_ids import DeeperId, MoreId, PageId, PickId
from segue.bot.followups import (
    LAST,
    FollowUp,
    Move,
    RecentAnswers,
    Referent,
    Twist,
    picked,
    read_follow_up,
    referent_in,
    twisted,
)
from segue.domain import EntityRef, FeatureRange, Novelty, Query
from segue.errors import UserInputError

KEY = "0123456789abcdef"


def page() -> FollowUp:
    return FollowUp(Move.PAGE)


def pick(n: int) -> FollowUp:
    return FollowUp(Move.PICK, position=n)


def twist(*twists: Twist) -> FollowUp:
    return FollowUp(Move.TWIST, twists=twists)


@pytest.mark.parametrize(
    ("text", "move", "language"),
    [
        ("more", page(), "en"),
        ("ok more please!", page(), "en"),
        ("next page", page(), "en"),
        ("another page", page(), "en"),
        ("more like the 3rd one", pick(3), "en"),
        ("like #2", pick(2), "en"),
        ("more like the first", pick(1), "en"),
        ("more like number 2", pick(2), "en"),
        ("like the last one", pick(LAST), "en"),
        ("older", twist(Twist.OLDER), "en"),
        ("newer", twist(Twist.NEWER), "en"),
        ("less popular", twist(Twist.LESS_POPULAR), "en"),
        ("more underground", twist(Twist.LESS_POPULAR), "en"),
        ("more popular", twist(Twist.MORE_POPULAR), "en"),
        ("chiller", twist(Twist.CHILLER), "en"),
        ("calmer", twist(Twist.CALMER), "en"),
        ("more upbeat", twist(Twist.UPBEAT), "en"),
        ("faster", twist(Twist.FASTER), "en"),
        ("slower", twist(Twist.SLOWER), "en"),
        ("sadder", twist(Twist.SADDER), "en"),
        ("happier", twist(Twist.HAPPIER), "en"),
        ("same vibe but a bit older", twist(Twist.OLDER), "en"),
        ("older and chiller please", twist(Twist.OLDER, Twist.CHILLER), "en"),
        ("more like that but older", twist(Twist.OLDER), "en"),
        ("más como esto pero más lentas", twist(Twist.SLOWER), "es"),
        ("más", page(), "es"),
        ("otra página", page(), "es"),
        ("más como la tercera", pick(3), "es"),
        ("como la 2ª", pick(2), "es"),
        ("pero más tranquilas", twist(Twist.CALMER), "es"),
        ("menos conocidas", twist(Twist.LESS_POPULAR), "es"),
        ("encore", page(), "fr"),
        ("page suivante", page(), "fr"),
        ("plus comme la troisième", pick(3), "fr"),
        ("plus anciennes", twist(Twist.OLDER), "fr"),
        ("mais plus calme", twist(Twist.CALMER), "fr"),
        ("mehr", page(), "de"),
        ("nächste Seite", page(), "de"),
        ("mehr wie das dritte", pick(3), "de"),
        ("älter", twist(Twist.OLDER), "de"),
        ("aber schneller", twist(Twist.FASTER), "de"),
        ("mais", page(), "pt-BR"),
        ("próxima página", page(), "pt-BR"),
        ("mais como a terceira", pick(3), "pt-BR"),
        ("mais antigas", twist(Twist.OLDER), "pt-BR"),
    ],
)
def test_follow_ups_are_read_in_each_language(text: str, move: FollowUp, language: str) -> None:
    found = read_follow_up(text)
    assert found is not None
    assert (found.move, found.position, found.twists, found.language) == (
        move.move,
        move.position,
        move.twists,
        language,
    )


def test_words_two_languages_share_claim_neither() -> None:
    """'menos populares' is Spanish and Portuguese alike: the answer it continues speaks."""
    found = read_follow_up("menos populares")
    assert found is not None
    assert found.language is None


@pytest.mark.parametrize(
    "text",
    [
        "more jazz",  # a request of its own
        "sad songs",
        "more like Daft Punk",
        "more like one",  # 'One' is a song; a number is said with 'number', '#' or a digit
        "upbeat",  # a mood asked for, not a comparative
        "older than the beatles",
        "the 3rd one",  # 'who sings the 3rd one' asks about a track: the parser's note answers it
        "",
        "more " * 13,
    ],
)
def test_requests_and_questions_are_no_follow_ups(text: str) -> None:
    assert read_follow_up(text) is None


def test_the_answer_a_message_showed_is_read_from_its_buttons() -> None:
    ids = [PickId(KEY).render(), MoreId("t1").render(), DeeperId(KEY).render(), PageId(KEY, 3).render()]
    assert referent_in(ids) == Referent(KEY, 2)  # its Next page names page 4: it shows page 3
    assert referent_in(ids[:3]) == Referent(KEY)  # no Next page (the last one): its latest page
    assert referent_in([MoreId("t1").render(), "sg:fb:like:t1", "other"]) is None


def test_a_number_names_a_track_as_the_page_numbers_it_else_counted_on_it() -> None:
    shown = [f"t{i}" for i in range(1, 10)]  # three pages of three: #1-3, #4-6, #7-9
    assert picked(shown, 0, 3, 2) == "t2"
    assert picked(shown, 3, 3, 5) == "t5"  # '#5' on page 2
    assert picked(shown, 3, 3, 1) == "t4"  # 'the first one' on page 2 is its first
    assert picked(shown, 6, 3, 5) == "t5"  # page 3 holds three: '#5' is page 2's, as numbered
    assert picked(shown, 3, 3, LAST) == "t6"
    with pytest.raises(UserInputError) as err:
        picked(shown, 0, 3, 7)  # the first page never showed #7
    assert "no track at that number" in err.value.user_message


def test_recent_answers_keep_each_members_last_per_channel_for_the_window() -> None:
    now = [0.0]
    recent = RecentAnswers(window=1800, size=2, clock=lambda: now[0])
    recent.remember("alice", 1, Referent(KEY, 0), message_id=100)
    recent.remember("alice", 1, Referent(KEY, 1), message_id=101)  # her next page: the latest
    assert recent.latest("alice", 1) == Referent(KEY, 1)
    assert recent.latest("alice", 2) is None  # another channel's
    assert recent.latest("bob", 1) is None  # another member's
    assert recent.shown_in(100) == Referent(KEY, 0)
    now[0] = 1801
    assert recent.latest("alice", 1) is None
    assert recent.shown_in(101) == Referent(KEY, 1)  # a reply names its message whenever it was sent
    recent.remember("bob", 1, Referent(KEY, 0), message_id=102)
    recent.remember("carol", 1, Referent(KEY, 0), message_id=103)
    assert recent.shown_in(100) is None  # bounded: the oldest go first
    assert recent.latest("bob", 1) == Referent(KEY, 0)
    recent.forget("bob")
    assert recent.latest("bob", 1) is None
    assert recent.shown_in(102) is None


# -- twists -----------------------------------------------------------------------------------------------------

CALM = FeatureRange("energy", high=0.45, target=0.3, because="calm")
UPBEAT = (FeatureRange("valence", low=0.6, because="upbeat"), FeatureRange("energy", low=0.7, because="upbeat"))
SAD = (
    FeatureRange("valence", high=0.3, because="sad songs"),
    FeatureRange("acousticness", target=0.75, because="sad songs"),
)
HAPPY = FeatureRange("valence", low=0.72, because="happy")
FAST = FeatureRange("tempo", low=140.0, because="fast")
DAFT = EntityRef(1, "a1", "Daft Punk")
READINGS = {
    "calm": Query(moods=("calm",), features=(CALM,)),
    "upbeat": Query(moods=("upbeat",), features=UPBEAT),
    "sad": Query(moods=("sad",), features=SAD),
    "happy": Query(moods=("happy",), features=(HAPPY,)),
    "fast": Query(moods=("fast",), features=(FAST,)),
    "older": Query(year_max=2005),
    "newer": Query(year_min=2012),
    "like daft punk but older": Query(seed_artists=(DAFT,), year_max=1987),
    "like daft punk but newer": Query(seed_artists=(DAFT,), artists_from=2007),
}


def read(text: str) -> Query:
    """The parser's readings the twists rely on ('calmer' is read as 'calm'; 'X but older' by the acts' years)."""
    return READINGS.get(text, Query(text=text))


def era(query: Query, twist: Twist) -> tuple[int | None, int | None]:
    found = twisted(query, [twist], read)
    return found.year_min, found.year_max


def test_an_era_moves_by_its_own_length() -> None:
    """The parser reads '80s synth-pop but older' as the 80s still: the era moves here."""
    eighties = Query(text="80s synth-pop", genres=("synthpop",), year_min=1980, year_max=1989)
    assert era(eighties, Twist.OLDER) == (1970, 1979)
    assert era(eighties, Twist.NEWER) == (1990, 1999)
    assert era(Query(year_min=1995, year_max=1995), Twist.OLDER) == (1985, 1994)  # a decade at least
    assert era(Query(year_max=2005), Twist.OLDER) == (None, 1995)
    assert era(Query(year_max=2005), Twist.NEWER) == (2006, 2015)
    since = Query(year_min=2010, artists_from=2000)
    after = twisted(since, [Twist.OLDER], read)
    assert (after.year_min, after.year_max, after.artists_from) == (2000, 2009, None)
    assert twisted(eighties, [Twist.OLDER], read).genres == ("synthpop",)


def test_without_an_era_the_acts_own_years_say_what_older_is() -> None:
    daft = Query(text="like daft punk", seed_artists=(DAFT,))
    assert twisted(daft, [Twist.OLDER], read).year_max == 1987  # older than Daft Punk, not than 2005
    assert twisted(daft, [Twist.NEWER], read).artists_from == 2007
    renamed = Query(text="like daft punk", seed_artists=(EntityRef(2, "a2", "Daft Punk Tribute"),))
    assert twisted(renamed, [Twist.OLDER], read).year_max == 2005  # the text names other seeds now: plain 'older'
    jazz = Query(text="sad jazz", genres=("jazz",))
    assert twisted(jazz, [Twist.NEWER], read).year_min == 2012


def test_a_sound_twist_replaces_what_contradicts_it_and_keeps_the_rest() -> None:
    upbeat_pop = Query(genres=("pop",), moods=("upbeat",), features=UPBEAT)
    calmer = twisted(upbeat_pop, [Twist.CALMER], read)
    assert calmer.moods == ("calm",)  # energy above 0.7 and below 0.45 meet nowhere: 'upbeat' gives way whole
    assert calmer.features == (CALM,)
    assert calmer.genres == ("pop",)
    sad = Query(moods=("sad",), features=SAD)
    happier = twisted(sad, [Twist.HAPPIER], read)
    assert happier.moods == ("happy",)
    assert happier.features == (HAPPY,)  # sad's acousticness went with it
    faster = twisted(Query(moods=("calm",), features=(CALM,)), [Twist.FASTER], read)
    assert faster.moods == ("calm", "fast")  # no contradiction: both hold
    assert faster.features == (CALM, FAST)
    again = twisted(Query(moods=("sad",), features=SAD), [Twist.SADDER], read)
    assert again.moods == ("sad",)


def test_popularity_twists_turn_the_novelty_dial_and_twists_combine() -> None:
    both = twisted(Query(text="folk", genres=("folk",)), [Twist.LESS_POPULAR, Twist.CALMER], read)
    assert both.novelty is Novelty.DEEP
    assert both.moods == ("calm",)
    assert twisted(both, [Twist.MORE_POPULAR], read).novelty is Novelty.FAMILIAR
