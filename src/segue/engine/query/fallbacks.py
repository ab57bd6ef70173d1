"""Readings for what the word lists do not cover: a word read by meaning, and what a song is about.

Both run on a scan's tokens after (meaning) or instead of (topics) the name look-ups, and both are said in the
answer: 'thunderstorm' taken to mean rainy, 'trucks' matched to song titles because lyrics are not in the catalog.
"""

from __future__ import annotations

from dataclasses import replace

from segue.domain import Query
from segue.engine.query import lexicon as lx
from segue.engine.query.meaning import WordMeanings
from segue.engine.query.names import NameScan
from segue.engine.query.state import apply_mood
from segue.text import normalize_name

_NEGATION_WORDS = frozenset(p for p in lx.NEGATION_CUES if " " not in p)
MAX_TOPIC_WORDS = 3
"""'songs about long train rides': the words after 'about' that become topics, at most."""
_DRINKS = ("drinking", "drink", "drunk", "whiskey", "whisky", "beer", "wine", "tequila", "bourbon")
TOPIC_TITLES = {"drinking": _DRINKS, "alcohol": _DRINKS, "booze": _DRINKS, "getting drunk": _DRINKS}
"""A mood word after 'about' that is a subject, not the sound: 'sad country songs about drinking' read drinking as
the party mood (danceable, bright) beside 'sad' and led with 'You Need To Calm Down'; songs about drinking are
the whiskey and beer in their titles, sad or not."""


def read_by_meaning(scan: NameScan) -> None:
    """A word no list knows, when nothing else says the mood ('music for a thunderstorm', 'heist music'): read
    by meaning (`engine.query.meaning`) and said in the answer. Never a capitalized name, an everyday word or a
    word after a negation; one word at most, the first that reads."""
    meanings, st = scan.p.meanings, scan.st
    # Beside a genre named, an unknown word describes it, not a mood to add: '1 song that explains hardcore' read
    # 'explains' as romantic, 'the real basement kind' of emo as sensual, ska's 'checkered vans' as driving.
    if meanings is None or st.moods or st.genres:
        return
    # A song the catalog lacks, its artist standing in ('apocalypse by Cigarettes After Sex'), is a title and a
    # name: none of its words is a mood ('cigarettes' was read as party).
    standing = tuple(f" by {a.name}" for a in st.seed_artists)
    unread = {w for phrase in st.unresolved if not phrase.endswith(standing) for w in normalize_name(phrase).split()}
    for k, tok in enumerate(scan.toks):
        word = tok.norm
        if (scan.used[k] and word not in unread) or not _meaningful(scan, k):
            continue
        mood = meanings.mood(word)
        if mood is None:
            continue
        apply_mood(mood, tok.raw)(st, False)
        st.meant.append((tok.raw, mood.label))
        scan.mark(k, 1)
        kept = [p for p in st.unresolved if word not in normalize_name(p).split()]
        for phrase in st.unresolved:  # the other words of a name that was never one stay accounted for
            if phrase not in kept:
                rest = [w for w in phrase.split() if normalize_name(w) not in (word, *lx.FUNCTION_WORDS)]
                st.ignored.extend([" ".join(rest)] if rest else [])
        st.unresolved = kept
        if not kept:
            st.suggestions.clear()
        return


_NAME_AFTER = frozenset({"era", "period", "years", "days", "style", "type", "soundtrack", "ost", "theme"})
"""Words after which the word before is a name ('the fela era', 'zelda soundtrack'), never read by meaning."""


def _meaningful(scan: NameScan, k: int) -> bool:
    tok = scan.toks[k]
    word = tok.norm
    if not word.isalpha() or len(word) < 3 or word in lx.FUNCTION_WORDS or word in lx.COMMON_WORDS:
        return False
    if scan.case_signal and tok.cap:
        return False  # "Bonfire", "Heist": a name, written as one
    before = scan.toks[k - 1].norm if k > 0 and not tok.hard else ""
    after = scan.toks[k + 1] if k + 1 < scan.n and not scan.toks[k + 1].hard else None
    if before == "the" or (after is not None and (after.norm in _NAME_AFTER or after.word.isdecimal())):
        return False  # 'the sopranos', 'the fela era', 'persona 5': the name of something, not a feeling
    for j in range(k - 1, max(-1, k - 4), -1):  # 'no heist music': the clause's last three words before it
        if scan.toks[j + 1].hard:
            break
        if scan.toks[j].norm in _NEGATION_WORDS:
            return False
    return True


_ABOUT_PEOPLE = frozenset({"parents", "kids"})
"""Function words elsewhere ('for the kids') that are people, and a topic after 'about', as `lexicon.KIN` are."""


def read_topics(scan: NameScan, j: int, *, negated: bool = False) -> int:
    """'songs about trucks', 'a song about Paris': what the songs are about, never a name ('The Trucks'). A mood,
    genre, era or count there ('about heartbreak', 'about 10 songs') is left to the main scan; after a negation
    ('nothing about money or cars') the words are what the songs must not be about. Returns where they end."""
    if j >= 2 and scan.toks[j - 2].norm in ("how", "what"):
        return j  # 'how about Drake': a suggestion, not a topic
    for length in (2, 1):
        titles = TOPIC_TITLES.get(scan.key(j, length)) if j + length <= scan.n and scan.free(j, length) else None
        if titles is not None and not negated:
            scan.st.topics.extend(titles)
            scan.mark(j, length)
            return j + length
    k = j
    while k < scan.n and k - j < MAX_TOPIC_WORDS and scan.free(k, 1) and (k == j or not scan.toks[k].hard):
        tok = scan.toks[k]
        if (tok.comma and k > j) or scan._vocab_at(k) or scan._cue(k):
            break
        topics = scan.st.exclude_topics if negated else scan.st.topics
        pair = f"{tok.norm} {scan.toks[k + 1].norm}" if k + 1 < scan.n and scan.free(k + 1, 1) else ""
        if pair in lx.TWO_WORD_PLACES:  # 'songs about new york': one place, not 'new' and 'york'
            topics.append(pair)
            scan.mark(k, 2)
            k += 2
            continue
        # The people of a member's life are what songs are about ('songs about mom' was a mix, 'mom' not said).
        said = tok.norm not in lx.FUNCTION_WORDS or tok.norm in lx.KIN or tok.norm in _ABOUT_PEOPLE
        if said and tok.word.isalpha() and len(tok.word) >= 3:
            topics.append(tok.word)
        scan.mark(k, 1)
        k += 1
    return k


def words_not_names(query: Query, meanings: WordMeanings | None) -> Query:
    """An everyday word beside what was read is a word, not a missing name: 'just got fired lol need something
    to feel better' said "I don't know 'fired'. Did you mean Fredo, The Field, Red?". Such a word (one of the
    commonest English words, typed in lower case) is reported unused instead; alone, it is still offered as
    a name ('the beetles' is read as The Beatles)."""
    understood = query.seed_artists or query.seed_tracks or query.genres or query.moods or query.topics
    if meanings is None or not understood or not query.unresolved:
        return query
    words = {u for u in query.unresolved if u.isalpha() and u.islower() and meanings.common(u)}
    if not words:
        return query
    unresolved = tuple(u for u in query.unresolved if u not in words)
    return replace(
        query,
        unresolved=unresolved,
        suggestions=query.suggestions if unresolved else (),
        ignored=(*query.ignored, *(u for u in query.unresolved if u in words)),
    )
