"""Property tests: the parser takes any text a Discord user can type and always answers with a sane `Query`."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from segue.domain import NameMatch, Query
from segue.engine.query.genres import GenreTree
from segue.engine.query.moods import FEATURE_DOMAINS, MOODS
from segue.engine.query.parser import QueryParser
from segue.errors import UserInputError
from segue.text import artist_key, normalize_name

ARTISTS = [
    "Air", "Low", "Yes", "Sleep", "Train", "Journey", "Genesis", "Future", "Rain", "Focus", "Drake", "Radiohead",
    "Nujabes", "Massive Attack", "Daft Punk", "Justice", "The Cure", "The 1975", "Maroon 5", "blink-182",
    "Florence + the Machine", "Sigur Rós", "Beyoncé", "AC/DC", "Guns N' Roses", "Earth, Wind & Fire", "!!!",
    "Boards of Canada", "Sleep Token", "The The", "Chill", "Party", "Metal", "5 Seconds of Summer",
]  # fmt: skip
TRACKS = [("Creep", "Radiohead"), ("Teardrop", "Massive Attack"), ("One More Time", "Daft Punk"), ("Air", "Low")]
TAGS = ["rock", "pop", "rap", "hip hop", "r&b", "edm", "metal", "death metal", "jazz", "synthpop", "lo-fi", "chill"]


class TinyCatalog:
    """A few dozen tricky names behind the `NameResolver` look-ups."""

    def __init__(self) -> None:
        self.keys = [normalize_name(a) for a in ARTISTS]
        self.exact = {**{artist_key(a): i for i, a in enumerate(ARTISTS)}, **{k: i for i, k in enumerate(self.keys)}}
        self.track_keys = [normalize_name(f"{t} by {a}") for t, a in TRACKS]
        self.tag_names = list(TAGS)

    def exact_artist(self, normalized_name: str) -> NameMatch | None:
        i = self.exact.get(normalized_name)
        return None if i is None else NameMatch(i, f"a{i}", ARTISTS[i], 100.0)

    def short_artist(self, normalized_name: str) -> NameMatch | None:
        return None  # no popularity to tell a famous bearer of a name part

    def famous_title_part(self, normalized_text: str) -> NameMatch | None:
        return None  # no popularity to tell the songs everyone knows

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        key = normalize_name(f"{title} by {ARTISTS[artist_index]}")
        i = self.track_keys.index(key) if key in self.track_keys else None
        return None if i is None else NameMatch(i, f"t{i}", f"{TRACKS[i][0]} - {TRACKS[i][1]}", 100.0)

    def spotify_track(self, spotify_id: str) -> NameMatch | None:
        return None

    def exact_tag(self, normalized_name: str) -> NameMatch | None:
        keys = [normalize_name(t) for t in TAGS]
        return NameMatch(keys.index(normalized_name), "g", normalized_name, 100.0) if normalized_name in keys else None

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]:
        found = process.extract(normalize_name(text), self.keys, scorer=fuzz.ratio, limit=limit)
        return [NameMatch(i, f"a{i}", ARTISTS[i], float(s)) for _, s, i in found]

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]:
        key = normalize_name(text)
        found = process.extract(key, self.track_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=least)
        return [NameMatch(i, f"t{i}", f"{TRACKS[i][0]} - {TRACKS[i][1]}", float(s)) for _, s, i in found]

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]:
        found = process.extract(normalize_name(text), TAGS, scorer=fuzz.ratio, limit=limit)
        return [NameMatch(i, f"g{i}", TAGS[i], float(s)) for _, s, i in found]


CATALOG = TinyCatalog()
TREE = GenreTree(
    [("rock music", "popular music"), ("popular music", "music"), ("metal", "rock music"), ("pop music", "music")]
)
PARSER = QueryParser(CATALOG, TREE, reference_year=2020)

WORDS = [
    *ARTISTS, *(t for t, _ in TRACKS), *TAGS, *list(MOODS)[:80], "like", "similar to", "by", "songs by", "not", "no",
    "without", "but", "but not", "except", "and", "or", ",", ".", "!", "?", "-", " - ", "&", "5", "ten", "give me",
    "top", "2019", "80s", "'90s", "eighties", "before", "after", "since", "between", "early", "late", "recent", "new",
    "deep cuts", "hits", "underground", "vocals", "with", "@everyone", "@here", "<@123456789>", "<#42>",
    "<:pepe:123>", "**", "__", "||", "`", "```", "> ", "🎵", "🔥", "👍🏽", "\u200b", "\x00", "\n", "\t", "İ", "ß",
    "ﬁ", "½", "Ⅷ", "٣", "𝓡𝓪𝓭𝓲𝓸𝓱𝓮𝓪𝓭", "ＡＩＲ", "e\u0301", "'", "’", "\\", "%s", "{}", "DROP TABLE", "9" * 30,
]  # fmt: skip

query_like = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", ", ", "  "]), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))
    )
)
any_text = st.one_of(st.text(max_size=600), query_like)


def parse_or_none(text: str) -> Query | None:
    try:
        return PARSER.parse(text)
    except UserInputError:
        return None


def check(q: Query) -> None:
    assert q.count is None or 1 <= q.count <= 10
    if q.year_min is not None and q.year_max is not None:
        assert q.year_min <= q.year_max
    for r in q.features:
        lo, hi = FEATURE_DOMAINS[r.feature]
        assert r.low is not None or r.high is not None or r.target is not None  # a bound, or a soft target
        for bound in (r.low, r.high, r.target):
            assert bound is None or lo <= bound <= hi
        assert r.low is None or r.high is None or r.low <= r.high
    for ref in (*q.seed_artists, *q.exclude_artists, *q.by_artists):
        assert ARTISTS[ref.index] == ref.name
        assert ref.id == f"a{ref.index}"
    for ref in q.seed_tracks:
        assert ref.name == f"{TRACKS[ref.index][0]} - {TRACKS[ref.index][1]}"
    assert set(q.by_artists) <= set(q.seed_artists)
    assert set(q.genres) <= set(TAGS)
    assert set(q.exclude_genres) <= set(TAGS)
    assert not set(q.genres) & set(q.exclude_genres)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_parses_to_a_sane_query_or_a_user_error(text: str) -> None:
    q = parse_or_none(text)
    if q is not None:
        check(q)


@settings(max_examples=200, deadline=None)
@given(query_like)
def test_parse_is_deterministic_and_idempotent(text: str) -> None:
    first = parse_or_none(text)
    assert parse_or_none(text) == first
    if first is not None:
        assert PARSER.parse(first.text) == first


@settings(max_examples=50, deadline=None)
@given(st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(["\x00", "\u200b", " ", "a\x00\x00\x00"])))
def test_overlong_text_is_refused(chunk: str) -> None:
    text = (chunk * (10_000 // len(chunk) + 1))[:10_000]
    try:
        PARSER.parse(text)
    except UserInputError:
        return
    raise AssertionError("10,000 characters were accepted")


NUMBER_CHARS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Nd", "Nl", "No")]
NUMBER_TEMPLATES = ["{} songs like Radiohead", "top {}", "{}0s rock", "{}{}{}{}", "give me {} tracks", "Air {}"]


def test_every_unicode_number_character_parses_in_every_numeric_position() -> None:
    """Issue 7.2: '➑ songs like Radiohead' crashed (isdigit() without a decimal value); every Nd/Nl/No code point."""
    assert len(NUMBER_CHARS) > 1500  # the whole of the three categories, not a sample
    for char in NUMBER_CHARS:
        for template in NUMBER_TEMPLATES:
            q = parse_or_none(template.replace("{}", char))
            if q is not None:
                check(q)


def test_decimal_digits_from_other_scripts_still_count() -> None:
    """Arabic-Indic and full-width digits are decimal: they keep their meaning, others are just words."""
    assert PARSER.parse("٣ songs like Radiohead").count == 3
    assert PARSER.parse("３ songs like Radiohead").count == 3
    assert PARSER.parse("➑ songs like Radiohead").count is None
