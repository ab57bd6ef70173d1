"""Moods that, alone or side by side, are read as the acts known for them once the scan is done: the sad song made
to dance to ('sad songs but make them danceable') and the gym's anthems ('gym motivation'). As feature bounds alone
each found the wrong songs (any dim song with a beat; festival EDM above the workout's loudness floor)."""

from __future__ import annotations

from dataclasses import replace

from segue.engine.query.names import ScanContext
from segue.engine.query.played_by import GYM_ANTHEMS, SAD_BANGERS
from segue.engine.query.state import State, record_played_by

__all__ = ["moments_beside_seeds", "sad_to_dance", "workout_alone"]

_MOMENTS = frozenset({"workout", "running", "morning", "driving", "night drive", "summer"})
"""Moods that say when or where the music plays, not what it sounds like: beside named acts they rank, not cut."""
_DANCING = frozenset({"dance", "bangers", "party"})
"""Mood labels that, beside 'sad', ask for the sad song made to dance to."""


def sad_to_dance(st: State, ctx: ScanContext) -> None:
    """'sad songs but make them danceable', 'sad bangers': a sad mood beside a dancing one is the sad song made for
    the dancefloor, by and like its acts (`SAD_BANGERS`). As bounds the two found any dim song with a beat
    ($uicideBoy$, John Mayer's 'Gravity'); a request naming acts or a genre keeps them."""
    acts = ctx.played_by.get(SAD_BANGERS, ())
    if not acts or st.seed_artists or st.seed_tracks or st.genres or st.played_by:
        return
    labels = set(st.moods)
    if "sad" not in labels or not labels & _DANCING:
        return
    words = {word for word, label in st.mood_words if label == "sad" or label in _DANCING}
    st.features[:] = [f for f in st.features if f.because not in words]
    st.moods[:] = [m for m in st.moods if m != "sad" and m not in _DANCING]
    st.mood_words[:] = [(w, label) for w, label in st.mood_words if w not in words]
    record_played_by(st, SAD_BANGERS, acts)


def workout_alone(st: State, ctx: ScanContext) -> None:
    """'gym motivation', 'songs for a workout', 'pump up songs for the gym': the workout mood alone is the gym's
    anthems, by and like their acts (`GYM_ANTHEMS`), the mood kept for the songs like theirs; as bounds alone it was
    festival EDM. Beside a genre, an act, an era or another mood ('metal workout') the mood stays as it was, and so in
    another language, which leans to music sung in it ('canciones para el gym': reggaeton)."""
    acts = ctx.played_by.get(GYM_ANTHEMS, ())
    if not acts or not ctx.english or set(st.moods) != {"workout"} or st.genres or st.played_by:
        return
    if st.eras or st.after or st.before:
        return
    if st.seed_artists or st.seed_tracks or st.by_artists or st.surprise or st.exclude_genres:
        return  # 'for the gym, but no reggaeton' answers as its Spanish twin does (the mood's own songs)
    record_played_by(st, GYM_ANTHEMS, acts)


def moments_beside_seeds(st: State) -> None:
    """'songs like sicko mode for deadlifts', 'travis scott for leg day', 'like rufus du sol for a sunrise set': a
    moment beside named acts or songs (the gym, a run, the morning, a drive, summer) ranks their kind and cuts none
    of it. The workout's floors (energy 0.8, 118 bpm) left out 'Sicko Mode' itself and most of its neighbours; its
    targets stay."""
    if not (st.seed_artists or st.seed_tracks) or st.played_by:
        return  # the gym's own anthems keep the mood for the songs like theirs (`workout_alone`)
    words = {word for word, label in st.mood_words if label in _MOMENTS}
    if not words:
        return
    kept = [f if f.because not in words else replace(f, low=None, high=None) for f in st.features]
    st.features[:] = [f for f in kept if f.low is not None or f.high is not None or f.target is not None]
