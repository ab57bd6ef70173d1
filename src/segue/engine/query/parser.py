"""Deterministic free-text query parsing: "80s synth-pop like New Order but not too fast" -> `Query`.

No model and no paid API: one left-to-right token scan, longest match first, over small vocabularies (eras, counts,
novelty, moods, genres, cue words) plus exact name probes into the catalog. Precision beats recall for names: an
everyday word ("Air", "Low", "Yes") becomes an artist seed only when a cue asks for a name ("like Air", "by Low"),
when it is capitalized mid-sentence, or when it is the whole request; mood and genre words win over uncued names.
Fuzzy look-ups (the costly part, ~1-2 ms each on the real catalog) run only on spans a cue points at.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from types import MappingProxyType

from rapidfuzz import fuzz

from segue.domain import EntityRef, Novelty, Query
from segue.engine.protocols import NameResolver
from segue.engine.query import lexicon as lx
from segue.engine.query.acts import ActReadings
from segue.engine.query.blend import (
    hour_beside_mood,
    occasion_beside_mood,
    party_beside_occasion,
    said_not_wins,
    sorrow_beside_motion,
    sung_beside_wordless,
)
from segue.engine.query.canon import (
    branching_out,
    classics,
    nostalgia_for_era,
    one_hit_wonders,
    trending,
    way_into_act,
)
from segue.engine.query.company import by_company
from segue.engine.query.cyrillic import latin_names
from segue.engine.query.fallbacks import words_not_names
from segue.engine.query.genre_columns import music_heads
from segue.engine.query.genres import (
    ALIASES,
    GROUPS,
    RARE_SPELLINGS,
    STAND_INS,
    GenreTree,
    canonical,
)
from segue.engine.query.lang import Languages, load_languages
from segue.engine.query.links import PastedLinks, pasted_links
from segue.engine.query.meaning import WordMeanings
from segue.engine.query.moods import MOODS
from segue.engine.query.names import ScanContext
from segue.engine.query.places import place_spellings
from segue.engine.query.played_by import OVER_A_STRAY_TAG, OVER_THEIR_TAG, PLAYED_BY, PLAYED_BY_SAID, VOICED_SCENES
from segue.engine.query.regroup import (
    acts_place_the_scene,
    broad_scene_beside_seeds,
    church_music,
    cinematic_beside_genre,
    described_seed,
    either_tongue,
    first_dance_beside,
    genre_beside_played_as,
    instrument_beside_seeds,
    instrument_of_genre,
    language_of_the_genre,
    lyrics_beside_genre,
    mood_beside_played_as,
    named_energy,
    narrower_beside_broader,
    occasion_beside_asked,
    place_of_the_genre,
    practice_of_a_language,
    screen_not_genre,
    sound_beside_genre,
    spooky_titles,
    voice_of_genres,
    words_beside_named_acts,
)
from segue.engine.query.rewording import reworded
from segue.engine.query.scan import scan
from segue.engine.query.spelling import Speller
from segue.engine.query.story import heard_back_then
from segue.engine.query.tables import ParserTables
from segue.engine.query.tokens import Phrases, is_era_word
from segue.engine.scenes import NATIONALITIES, VOICE_GROUPS
from segue.engine.twists import comparative
from segue.errors import UserInputError
from segue.text import normalize_name, strip_control

__all__ = ["NameResolver", "QueryParser"]


FAMOUS_TYPO_MIN = 85.0
FAMOUS_TYPO_RENOWN = 0.85
"""A word this close to an artist this famous is a misspelt name, not a misspelt vocabulary word."""
NAME_TYPO_MIN = 90.0
NAME_TYPO_CHARS = 10
NAME_TYPO_RENOWN = 0.3
"""A span of three words or more, this long, this close (`fuzz.ratio`) to an act this known, is its name typed with
a slip (`QueryParser._name_typo`)."""
NAME_TYPOS_KEPT = 16_384
JOINED_LEAST = 3
"""Letters before a joined genre head ('emocore'), so a short word that ends in one ('hip', 'soul') is no compound."""
RARE_TAG_USES = 20
"""Tracks and artists carrying a mood-and-genre tag below which the words are read as a mood and a genre."""


def _artist_ref(names: NameResolver) -> Callable[[int], EntityRef] | None:
    """An artist index as a reference, where the resolver can say who it is (a catalog can)."""
    artist = getattr(names, "artist", None)
    if artist is None:
        return None

    def ref(i: int) -> EntityRef:
        found = artist(i)
        return EntityRef(i, found.id, found.name)

    return ref


def _for_elder(query: Query, text: str) -> Query:
    """'songs for my grandma': her generation's music (`GRANDPARENTS_ERA`), a guess made only when the request names
    no music and no era; 'boleros para mi abuela' and '80s rock for my grandpa' say what she likes."""
    named = query.genres or query.seed_artists or query.seed_tracks or query.by_artists or query.played_by
    if named or query.year_min is not None or query.year_max is not None:
        return query
    if _FOR_ELDER.search(text):
        low, high = GRANDPARENTS_ERA
    elif _FOR_PARENT.search(text):  # 'songs my dad would like': a mix across genres was the answer
        low, high = PARENTS_ERA
    else:
        return query
    novelty = Novelty.FAMILIAR if query.novelty is Novelty.BALANCED else query.novelty
    return replace(query, year_min=low, year_max=high, surprise=False, novelty=novelty)


def _moods_by_label(query: Query) -> Query:
    """A request read through a language's table asks for moods in the table's English ('pa estudiar' is
    'studying'), which the reason beside each song would quote untranslated ("studying (hablado 0,04)"): each word
    that is a mood's own is named by the mood's label instead, which every interface language has ('foco').
    Comparatives ('menos triste': 'less sad') keep their words: the twists beside seeds read them."""
    features = []
    for f in query.features:
        mood = MOODS.get(normalize_name(f.because))
        if mood is not None and not comparative(f.because) and not f.because.startswith("not "):
            f = replace(f, because=mood.label)
        features.append(f)
    # two words of one mood ('traurige lieder nach trennung': sad twice) are one: the reason listed each range twice
    return replace(query, features=tuple(dict.fromkeys(features)))


def _rare_mood_genre(key: str, vocab: dict[str, tuple[str, ...]], uses: dict[str, int]) -> bool:
    """'melancholic rock': a mood word before a genre, as a tag of its own on two artists, is the mood and the genre
    (the rare tag answered nothing); a real style ('dark ambient', 126 uses) stays one genre. Without tag counts
    (a catalog that does not say) nothing changes."""
    first, _, rest = key.partition(" ")
    if not rest or first not in MOODS or rest not in vocab or not vocab[key] or vocab[key][0] not in uses:
        return False
    return uses[vocab[key][0]] < RARE_TAG_USES


_ENGLISH_LIKE = re.compile(r"(?i)\b(?:like|similar to)\b")
"""An English cue before a name, which an act spelt as a foreign word ('rap like nas') still follows."""
_WORD = re.compile(r"\w+")
_TOGETHER = re.compile(
    r"(?i)\b(?:(?:fits?|suits?) both|both|middle ground|compromise|in common|all of us|common ground|together"
    r"|combined)\b"
)
"""'my gf likes taylor swift and i like the beatles, what can we both listen to': the seeds heard together
(`Query.blend`), as 'something between' them."""
_FOR_ELDER = re.compile(
    r"(?i)\b(?:for (?:my |our )?|(?:birthday|party|anniversary|wedding anniversary) of (?:my |our ))"
    r"(?:grandma|grandmother|grandpa|grandfather|grandparents|nan|nana|granny)\b"
)
"""'for my grandma', 'para mi abuela': who the music is for; 'the birthday of my grandma' is how Spanish, Portuguese
and French say 'my grandma's birthday' ('el cumpleaños de mi abuela')."""
GRANDPARENTS_ERA = lx.GENERATIONS["when my grandparents were young"]
_FOR_PARENT = re.compile(
    r"(?i)\b(?:for|to) (?:my )?(?:dad|father|mom|mum|mother|parents|old man)\b"
    r"|\bmy (?:dad|father|mom|mum|mother|parents|old man)(?:'?s)? (?:would|will|might|could|likes?|loves?|listens?)\b"
    r"|\b(?:my )?(?:dad|father|mom|mum|mother|parents)'s (?:favou?rites?|faves?|fav)\b"
)
"""'songs my dad would like', 'music for my mom': who the music is for, read as the hits of their generation."""
PARENTS_ERA = lx.GENERATIONS["when my parents were young"]
_ADDRESSED = re.compile(r"(?i)^\s*((?:hey|hi|hello|yo|ok|okay|oi|ey)[\s,]+)?segue\b[\s,:!.]*")
_TITLED = re.compile(r"(?i)\bwith (?:the word )?['\"]?(\w+)['\"]? in (?:the|its|their) (?:titles?|names?)\b")
_STRUCK = re.compile(r"~~[^~\n]{1,200}~~")
"""Discord's strikethrough: '~~sad~~ happy songs' takes the word back."""
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_EMOJI = re.compile("|".join(map(re.escape, sorted(lx.EMOJI, key=len, reverse=True))))


def _emoji_word(m: re.Match[str]) -> str:
    """An emoji's word; after the last word of the request, as a clause of its own ('w the boys 🔥' is no request
    for The Boys' bangers)."""
    word = lx.EMOJI[m.group()]
    return f" {word} " if any(c.isalnum() for c in m.string[m.end() :]) else f", {word} "


def _joined_head(key: str) -> str | None:
    """The genre head a one-word tag is written with ('dreampop': 'pop'), if any (`lx.JOINED_HEADS`)."""
    return next((h for h in lx.JOINED_HEADS if key.endswith(h) and len(key) - len(h) >= JOINED_LEAST), None)


def _joined_spellings(vocab: dict[str, tuple[str, ...]], known: Callable[[str], bool]) -> None:
    """'dreampop' is 'dream pop': a genre written as one word that the tree does not know stands for its spaced
    spelling's tags, when the vocabulary has them ('hardcore' is no 'hard core')."""
    for key in [k for k in vocab if " " not in k and not known(k)]:
        head = _joined_head(key)
        spaced = None if head is None else f"{key[: -len(head)]} {head}"
        if spaced is not None and vocab.get(spaced):
            vocab[key] = vocab[spaced]


def _unread_words(query: Query) -> int:
    """Words no list read; a word read by meaning only is a guess and counts as unread ('zhe' as meditation)."""
    return sum(len(p.split()) for p in (*query.unresolved, *query.ignored)) + len(query.meant)


class QueryParser:
    """Turns one free-text request into a `Query`; build once per catalog, then `parse` is cheap and pure."""

    def __init__(
        self,
        names: NameResolver,
        genres: GenreTree,
        *,
        max_chars: int = 500,
        reference_year: int | None = None,
        languages: Languages | None = None,
        meanings: WordMeanings | None = None,
        tables: ParserTables | None = None,
    ) -> None:
        self.names = names
        self.languages = languages if languages is not None else load_languages()
        """Requests in other languages are read as English before the scan (engine.query.lang)."""
        cyrillic = [lang for code, lang in self.languages.by_code.items() if code in ("ru", "uk")]
        self._cyrillic_words = frozenset(p for lang in cyrillic for p in lang.phrases if " " not in p)
        """Russian and Ukrainian request words: never part of an act's name spelled in Cyrillic
        (`cyrillic.latin_names`)."""
        self.tree = genres
        self.max_chars = max_chars
        self.reference_year = reference_year or date.today().year
        """What 'recent' and 'new' count back from; the service should pass the catalog's newest release year."""
        tag_keys = {normalize_name(t) for t in names.tag_names}
        spellings = place_spellings(frozenset(NATIONALITIES & tag_keys), tag_keys)
        places = frozenset(NATIONALITIES & tag_keys) | frozenset(spellings.values())
        self._stand_ins: set[str] = set()
        self._tag_counts: Sequence[int] | None = getattr(names, "tag_counts", None)
        """How many tracks and artists carry each tag, when the catalog says (the `NameResolver` need not)."""
        self._uses: dict[str, int] = {}
        """Tracks and artists per tag name (filled with the genre vocabulary; empty when the catalog does not say)."""
        if tables is None:
            self.genre_vocab = self._build_genre_vocab(places, spellings)
        else:
            self.genre_vocab, self._uses = dict(tables.genre_vocab), dict(tables.uses)
            self._stand_ins = set(tables.stand_ins)
        self._acts = ActReadings(
            self.genre_vocab,
            self.reference_year,
            self._uses,
            artist_genres=getattr(names, "artist_genres", None),
            first_year=getattr(names, "artist_first_year", None),
            began=getattr(names, "artist_began", None),
            track_artist=getattr(names, "track_artist", None),
            album_songs=getattr(names, "album_songs", None),
            album_tracks=getattr(names, "album_tracks", None),
            artist_ref=_artist_ref(names),
            exact_artist=names.exact_artist,
            search_artists=names.search_artists,
        )
        """What the catalog says of an act, when it does (a `NameResolver` need not): first years, genres, albums."""
        played_by = self._played_by() if tables is None else dict(tables.played_by)
        context = ScanContext(
            names,
            self.genre_vocab,
            Phrases(self.genre_vocab),
            self.reference_year,
            {},
            nationalities=places,
            place_spellings=spellings,
            stand_ins=frozenset(k for k in self._stand_ins if k in self.genre_vocab),
            voices=self._voice_tags(tag_keys),
            meanings=meanings,
            tag_counts=self._tag_counts,
        )
        if tables is None:  # the voiced scenes read as their words say, with the other genres' acts known
            unvoiced = {k: v for k, v in played_by.items() if k not in VOICED_SCENES}
            first = replace(context, played_by=unvoiced, played_by_phrases=Phrases(unvoiced))
            voiced = {k: scan(k, first).genres for k in VOICED_SCENES if k in played_by}
        else:
            voiced = dict(tables.voiced)
        self.tables = ParserTables(self.genre_vocab, self._uses, frozenset(self._stand_ins), played_by, voiced)
        """What this parser read out of the catalog: `build_service` keeps it for the next process."""
        self._context = replace(
            context,
            played_by=played_by,
            played_by_phrases=Phrases(played_by),
            # A genre read through its acts over a tag of its own keeps the tag too: its few songs stay in.
            played_by_genres={k: g for k, g in voiced.items() if g}
            | {k: (said,) for k in played_by if (said := PLAYED_BY_SAID.get(k, k)) in OVER_THEIR_TAG},
        )
        vocabulary = (*MOODS, *self.genre_vocab, *lx.REQUEST_NOUNS, *lx.SIMILAR_CUES)
        self._speller = Speller(w for phrase in vocabulary for w in phrase.split())
        self._name_typos: dict[str, bool] = {}
        """Spans already checked for a famous name typed with a slip (`_name_typo`), at most `NAME_TYPOS_KEPT`."""
        self._table_words = frozenset(
            w for lang in self.languages.by_code.values() for p in lang.phrases for w in p.split()
        )
        """Every word of the request languages' tables: a span made mostly of them is a request, not a name."""
        self._request_words = lx.FUNCTION_WORDS | lx.REQUEST_NOUNS | lx.SIMILAR_CUES

    @cached_property
    def _foreign(self) -> ScanContext:
        return replace(self._context, meanings=None, english=False)

    def without_meanings(self) -> QueryParser:
        """The same parser reading no word by meaning: what the word lists alone understand (`segue eval-words`)."""
        clone = copy.copy(self)
        clone._context = replace(self._context, meanings=None)
        return clone

    def _build_genre_vocab(self, places: frozenset[str], spelled: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
        """Normalized genre phrase -> the catalog tags it stands for (empty when the catalog has nothing close)."""
        tags = tuple(self.names.tag_names)
        vocab: dict[str, tuple[str, ...]] = {}
        keys = {t: normalize_name(t) for t in tags}  # once per tag: this runs at every start
        genre_tags = [t for t in tags if self._genre_like(canonical(keys[t]))]
        for tag in genre_tags:  # a tag's own spelling first, so 'jazz' stays 'jazz' even when 'jazzy' is a tag
            vocab.setdefault(keys[tag], (tag,))
        for tag in genre_tags:
            vocab.setdefault(canonical(keys[tag]), (tag,))
        for key, node in self.tree.names.items():
            if key not in vocab:
                compound = self._compound(key, vocab, places, spelled)
                vocab[key] = compound or tuple(self.tree.related_catalog_tags(node, tags))
                if vocab[key] and not compound:
                    self._stand_ins.add(key)
        for alias, target in ALIASES.items():
            if target in vocab and alias not in vocab:
                vocab[alias] = vocab[target]
            elif target in vocab and alias in RARE_SPELLINGS:  # 'prog rock' is progressive rock, and its own tag
                vocab[alias] = tuple(dict.fromkeys((*vocab[target], *vocab[alias])))
        known = lx.GENRE_TAGS | lx.GENRE_HEADS
        _joined_spellings(vocab, lambda key: key in known or self.tree.lookup(key) is not None)
        if self._tag_counts is not None:
            music_heads(vocab, tags, self._tag_counts)
        for name, members in GROUPS.items():
            found = tuple(dict.fromkeys(t for m in members for t in vocab.get(m, ())))
            if name not in vocab and found:
                vocab[name] = found
        for name, nearest in STAND_INS.items():
            # A country stands in by its own tag ('corridos': Mexican music), as 'mexican music' reads.
            standing = vocab.get(nearest) or ((nearest,) if nearest in places else ())
            if not vocab.get(name) and standing:  # the tree may know the name without a catalog tag ('banda')
                vocab[name] = standing
                self._stand_ins.add(name)
        blocked = lx.FUNCTION_WORDS | lx.NOVELTY_DEEP | lx.NOVELTY_FAMILIAR | set(lx.RECENT_WORDS) | set(lx.OLD_WORDS)
        counts = self._tag_counts
        self._uses = uses = {} if counts is None else {t: int(counts[i]) for i, t in enumerate(tags)}
        return {
            k: v
            for k, v in vocab.items()
            if k not in MOODS and k not in blocked and not _rare_mood_genre(k, vocab, uses)
        }

    @staticmethod
    def _voice_tags(tag_keys: set[str] | frozenset[str]) -> Mapping[str, tuple[str, ...]]:
        """Voice -> the catalog tag 'female singers' asks for; 'female groups' -> the tags of its groups."""
        voices: dict[str, tuple[str, ...]] = {
            v: (t,) for v, t in lx.VOICE_GENRES.items() if normalize_name(t) in tag_keys
        }
        for voice, tags in VOICE_GROUPS.items():
            kept = tuple(t for t in tags if normalize_name(t) in tag_keys)
            if kept:
                voices[f"{voice} groups"] = kept
        return MappingProxyType(voices)

    def _played_by(self) -> dict[str, tuple[EntityRef, ...]]:
        """`PLAYED_BY` with the acts the catalog has (one will do: piseiro is Os Barões da Pisadinha's), for the
        genres it has no tag of its own for (a genre only read as its nearest catalog genre counts as without)."""
        out: dict[str, tuple[EntityRef, ...]] = {}
        acts: dict[tuple[str, ...], tuple[EntityRef, ...]] = {}  # one look-up per list: a film has dozens of spellings
        lists = list(dict.fromkeys(PLAYED_BY.values()))
        spelled = list(dict.fromkeys(normalize_name(n) for names in lists for n in names))
        batch = getattr(self.names, "exact_artists", None)  # the catalog's: every name in two queries
        matches = dict(zip(spelled, batch(spelled) if batch else map(self.names.exact_artist, spelled), strict=True))
        for names in lists:
            found = [m for m in (matches[normalize_name(n)] for n in names) if m is not None]
            acts[names] = tuple(EntityRef(m.index, m.id, m.name) for m in found)
        for genre, names in PLAYED_BY.items():
            # A tag of its own, not the nearest one read in its place, nor a scene of two ('emo rap': emo x rap).
            own = [t for t in self.genre_vocab.get(genre, ()) if t in self._uses or not self._uses]
            over = genre in OVER_THEIR_TAG or genre in OVER_A_STRAY_TAG
            tagged = own and normalize_name(genre) in map(normalize_name, own) and not over
            if not tagged and acts[names]:
                out[genre] = acts[names]
        return out

    @staticmethod
    def _compound(
        key: str, vocab: dict[str, tuple[str, ...]], places: frozenset[str], spelled: Mapping[str, str]
    ) -> tuple[str, ...]:
        """'jazz rap', 'french house' without a catalog tag of their own: kept as a scene when the first word is a
        genre or a place the catalog has ('argentine rock': the place listeners tag 'argentina'), so the recommender
        narrows the head by it instead of answering the nearest broader genre."""
        first, _, rest = key.partition(" ")
        first = spelled.get(first, first)
        if not rest or not vocab.get(rest) or not (first in places or (" " not in rest and vocab.get(first))):
            return ()
        modifier = first if first in places else vocab[first][0]
        return tuple(f"{modifier} {tag}" for tag in vocab[rest])

    def _genre_like(self, key: str) -> bool:
        """A catalog tag that names a genre ('french house', 'k pop'), not an opinion, a decade or a country."""
        words = key.split()
        if not words or any(is_era_word(w) for w in words):
            return False
        if key in lx.GENRE_TAGS or self.tree.lookup(key) is not None:
            return True
        # A listener tag that is a band's whole name ('panic at the disco') names the band, not a kind of disco.
        if words[-1] in lx.GENRE_HEADS:
            return not (len(words) > 2 and self.names.exact_artist(key) is not None)
        return len(words) == 1 and _joined_head(key) is not None and self.names.exact_artist(key) is None

    def parse(self, text: str, *, language: str | None = None) -> Query:
        """Parse untrusted text; raises `UserInputError` (friendly message) only for empty or overlong text.

        `language` reads the text in that language instead of detecting it ('es', 'fr', 'de', 'pt-BR').
        """
        if not isinstance(text, str):
            raise UserInputError("Please type what you'd like to hear.")
        # The raw length counts, as Discord counts it: invisible characters are no way around the cap.
        if len(text) > self.max_chars:
            raise UserInputError(f"That request is too long ({len(text)} characters); keep it under {self.max_chars}.")
        cleaned = strip_control(text).strip()
        if not cleaned:
            raise UserInputError("Tell me what you'd like to hear, e.g. 'chill songs like Nujabes'.")
        pasted = pasted_links(cleaned)
        if pasted.text == cleaned:
            return self._read(cleaned, language)
        read = self._read(pasted.text, language) if pasted.text else Query(language=None)
        return self._with_links(read, pasted, cleaned)

    def _with_links(self, query: Query, pasted: PastedLinks, cleaned: str) -> Query:
        """The request's pasted links added to its reading: a Spotify track the catalog has is a seed song; any
        other link is said to be one (`Query.links`)."""
        found = {m.index: m for m in map(self.names.spotify_track, pasted.spotify_ids) if m is not None}
        songs = tuple(EntityRef(m.index, m.id, m.name) for m in found.values())
        kept = tuple(t for t in query.seed_tracks if t.index not in found)
        lacking = ("spotify",) if len(found) < len(pasted.spotify_ids) else ()
        return replace(
            query,
            text=cleaned,
            seed_tracks=(*songs, *kept),
            links=(*lacking, *pasted.sites),
            surprise=query.surprise and not songs,
        )

    def _read(self, cleaned: str, language: str | None) -> Query:
        """The reading of a request without links (`parse`)."""
        # '🔥🔥🔥', 'songs for 🌧 days': the emoji's word is read; the request keeps what was typed. 'yo segue,
        # gimme bangers' speaks to the bot by name (an artist is called Segue too): the name is no request.
        worded = _EMOJI.sub(_emoji_word, _STRUCK.sub(" ", cleaned))
        worded = _SPACES.sub(" ", worded) if worded != cleaned else worded  # '🇰🇷 girl groups' is one phrase
        worded = _ADDRESSED.sub(r"\1", worded).strip() or worded.strip()
        worded = latin_names(reworded(worded), self.names.search_artists, self._cyrillic_words)
        titled = _TITLED.search(worded)  # 'songs with love in the title': a word the titles hold, not a mood
        worded = _TITLED.sub(" ", worded) if titled else worded
        reading = self.languages.read(worded, self._is_name, language=language)
        # The word vectors are English: a foreign word left unread ('tormenta') is not guessed at through them.
        context = self._context if reading.language in ("en", None) else self._foreign
        query = reading.restore(self._respelled(reading.text, scan(reading.text, context), context))
        query = self._named_as_typed(query, worded, reading.text)
        if titled:
            query = replace(query, topics=(*query.topics, titled.group(1).lower()), surprise=False)
        query = self._acts.album_era(self._acts.act_then_album(query), reading.text)
        query = self._acts.album_named(query, reading.text)
        named_first = getattr(self.names, "artists_named_first", None)  # a `NameResolver` need not say
        if self._acts.artist_genres is not None and named_first is not None:
            query = by_company(query, self._acts.artist_genres, named_first)
        query = sorrow_beside_motion(
            said_not_wins(party_beside_occasion(occasion_beside_mood(hour_beside_mood(sung_beside_wordless(query)))))
        )
        query = self._acts.in_seed_genre(self._acts.male_beside_seeds(voice_of_genres(self._acts.other_voice(query))))
        query = cinematic_beside_genre(screen_not_genre(query), reading.text)
        query = sound_beside_genre(query, reading.text, self.genre_vocab)
        query = described_seed(query, reading.text, self.genre_vocab)
        query = mood_beside_played_as(narrower_beside_broader(query, reading.text, self.tree))
        query = church_music(spooky_titles(occasion_beside_asked(first_dance_beside(genre_beside_played_as(query)))))
        query = broad_scene_beside_seeds(instrument_of_genre(instrument_beside_seeds(query)))
        query = self._acts.era_of_act(self._acts.early_career(query))
        query = heard_back_then(query, reading.text)
        query = _for_elder(
            self._acts.older_than_acts(self._acts.newer_than_acts(query, reading.text), reading.text), reading.text
        )
        query = classics(
            nostalgia_for_era(way_into_act(one_hit_wonders(query), reading.text)), reading.text, self.reference_year
        )
        query = branching_out(trending(query, reading.text, self.reference_year), reading.text)
        if len(query.seed_artists) > 1 and _TOGETHER.search(reading.text):
            # 'what fits both' was said unknown
            said = {w for phrase in _TOGETHER.findall(reading.text) for w in phrase.casefold().split()}
            query = replace(
                query,
                blend=True,
                ignored=tuple(w for w in query.ignored if not set(w.casefold().split()) <= said),
                unresolved=tuple(w for w in query.unresolved if not set(w.casefold().split()) <= said),
            )
        query = either_tongue(lyrics_beside_genre(place_of_the_genre(acts_place_the_scene(query))), reading.text)
        query = language_of_the_genre(query)
        query = words_beside_named_acts(named_energy(practice_of_a_language(query), reading.text))
        query = words_not_names(query, context.meanings)
        query = _moods_by_label(query) if reading.spans and reading.language != "en" else query
        return query if worded == cleaned else replace(query, text=cleaned)

    def _named_as_typed(self, query: Query, typed: str, read: str) -> Query:
        """A song named by its artist, or an act named after a cue, that the language reading reworded ('songs like
        me haces bien by jorge drexler' lost its 'bien' as a Spanish filler, 'rap like nas' its Nas as Portuguese
        'in the'): the words as typed name them, when they find them."""
        if read == typed or query.seed_tracks:
            return query
        lost = query.named and not (query.seed_artists or query.by_artists or query.unresolved)
        if lost and _ENGLISH_LIKE.search(typed):
            as_typed = scan(typed, self._context)  # read as English: the one word that made it Portuguese was Nas
            return replace(as_typed, language="en") if as_typed.seed_artists or as_typed.seed_tracks else query
        if not any(" by " in u.casefold() for u in query.unresolved):
            return query
        as_typed = scan(typed, self._context)
        named = [normalize_name(u) for u in query.unresolved]
        # Only the song of the act named after 'by' ('"Evidências" do chitãozinho' is no 'Evidencia' by Baby Rasta).
        acts = [normalize_name(t.name.rsplit(" - ", 1)[-1]) for t in as_typed.seed_tracks]
        by_named = all(any(act in u for u in named) for act in acts)
        found = as_typed.seed_tracks and by_named and len(as_typed.unresolved) < len(query.unresolved)
        return as_typed if found else query

    def _respelled(self, text: str, query: Query, context: ScanContext) -> Query:
        """The request read again with its misspelt vocabulary words corrected ('chil musik', 'reggea'), when that
        leaves fewer words unread; each correction is said (`Query.meant`)."""
        # A song the catalog lacks with its artist standing in ('"as it was" harry styles') is read: respelling its
        # words made 'styles' a 'style' and lost the song.
        unread = (*query.unknown_names(), *query.ignored)
        # A word written with a capital after the first is a name as typed ('more like Fred again..' is no 'free').
        capitals = {m.group().lower() for m in _WORD.finditer(text) if m.start() > 0 and m.group()[0].isupper()}
        if text == text.upper():
            capitals = set()
        # A common English word is no misspelling ('naruto e bleach' was read as beach).
        meanings = self._context.meanings  # English words, whatever language the request is read in

        def kept(word: str) -> bool:
            return word in capitals or self._is_name(word) or (meanings is not None and meanings.common(word))

        fixes = self._speller.corrections(unread, kept) if unread else {}
        # 'movin', 'mornin': the word said as it is said ('movin' was a misspelt 'movie')
        said_so = {w: f"{w}g" for p in unread for w in p.lower().split() if w.endswith("in") and kept(f"{w}g")}
        fixes = {**fixes, **{w: g for w, g in said_so.items() if not kept(w)}}
        slots = {w.lower() for phrase in query.unresolved for w in phrase.split()}
        fixes = {w: f for w, f in fixes.items() if w not in slots or not self._famous_typo(w)}
        if not fixes:
            return query
        fixed = _WORD.sub(lambda m: fixes.get(m.group().lower(), m.group()), text)
        again = scan(fixed, context)
        # A correction is a vocabulary word; one that reads as a new artist ('fred' -> the band Free) is no fix.
        if _unread_words(again) >= _unread_words(query) or set(again.seed_artists) - set(query.seed_artists):
            return query
        # A plural read as its singular ('live performances') is no misspelling worth a note, nor a dropped g
        # ('mornin', 'drivin': the way the word is said).
        said = [(w, f) for w, f in fixes.items() if w.rstrip("s") != f.rstrip("s") and f != f"{w}g"]
        return replace(again, text=query.text, meant=(*again.meant, *said))

    def _famous_typo(self, word: str) -> bool:
        """A word where a name was expected that is one slip from a famous artist ('like drak' is Drake, not
        'dark'): left to the name guess, never respelled into the vocabulary."""
        if len(word) < 4:
            return False
        found = self.names.search_artists(word, 1)
        return bool(found) and found[0].score >= FAMOUS_TYPO_MIN and found[0].renown >= FAMOUS_TYPO_RENOWN

    def _is_name(self, key: str) -> bool:
        """An artist name in a foreign request ('Los Prisioneros'): its words stay as typed. The probe cache is the
        scan's own, so a name is looked up once."""
        cache = self._context.artist_cache
        if key not in cache:
            cache[key] = self.names.exact_artist(key)
        return cache[key] is not None or self._name_typo(key) or self._famous_surname(key)

    def _famous_surname(self, key: str) -> bool:
        """One word that a famous act is known by ('temas como Crimen de Cerati'): 'de' before it says whose the
        song is, as before a whole name; read as 'of', the song was an unknown name."""
        if " " in key or key in self._table_words:
            return False
        found = self.names.short_artist(key)
        return found is not None

    def _name_typo(self, key: str) -> bool:
        """A span of three words or more one slip from a famous act's name ('lana del ray'): a foreign reading must
        keep its words, or 'del' became 'of' and the request seeded the act Ray."""
        words = key.split()
        if len(words) < 3 or len(key) < NAME_TYPO_CHARS or any(w in self._request_words for w in words):
            return False
        if 2 * sum(w in self._table_words for w in words) > len(words):
            return False  # mostly request words of the language ('canciones de rock en espanol'), not a name
        found = self._name_typos.get(key)
        if found is None:
            match = self.names.search_artists(key, 1)
            # The whole span is the name with a slip, not a name inside more words ('quelle di lucio battisti').
            name = normalize_name(match[0].name).split() if match else []
            found = (
                len(name) == len(words)
                and fuzz.ratio(key, " ".join(name)) >= NAME_TYPO_MIN
                and match[0].renown >= NAME_TYPO_RENOWN
            )
            if len(self._name_typos) < NAME_TYPOS_KEPT:
                self._name_typos[key] = found
        return found
