"""Listener tags that say a mood, per mood label: evidence beside the audio features.

Audio features say a track *sounds* calm; Last.fm listeners who tagged an artist or a track "melancholic" or
"chillout" say it *is* heard that way, and Creative Commons tracks without features can qualify through them.
Each label lists the mood's own words first, then the styles a curator reaches for when asked for it (sleep:
ambient, modern classical; a dinner party: vocal jazz, bossa nova; a night drive: synthpop, chillwave, trip hop):
without them a mood was ranked by the chart among whatever passed its feature bounds ("songs to cry to" gave
"rockstar"). Only tags the catalog has count; a label missing here is scored by its features alone.
"""

from __future__ import annotations

MOOD_TAGS: dict[str, tuple[str, ...]] = {
    "sad": (
        "sad", "melancholic", "melancholy", "depressing", "emotional", "sad songs", "heartbreak", "singer-songwriter",
        "piano", "slowcore", "sadcore", "indie folk",
    ),
    "melancholic": (
        "melancholic", "melancholy", "sad", "emotional", "atmospheric", "dream pop", "slowcore", "post rock",
        "singer-songwriter",
    ),
    "chill": (
        "chill", "chillout", "chill out", "chilled", "mellow", "relaxing", "downtempo", "trip hop", "lounge",
        "chillwave", "lo-fi", "neo soul", "bossa nova",
    ),
    "mellow": ("mellow", "chill", "soothing", "relaxing", "easy listening", "soft rock", "acoustic", "neo soul"),
    "relaxing": ("relaxing", "calm", "soothing", "chillout", "peaceful", "ambient", "acoustic", "new age", "downtempo"),
    "calm": ("calm", "peaceful", "soothing", "relaxing", "ambient", "acoustic", "piano", "new age"),
    "sleep": (
        "sleep", "calm", "ambient", "soothing", "peaceful", "drone", "modern classical", "neoclassical", "piano",
        "new age", "dream pop",
    ),
    "meditation": ("meditation", "ambient", "calm", "peaceful", "new age", "drone", "dark ambient"),
    "focus": (
        "study", "concentration", "ambient", "instrumental", "post rock", "modern classical", "classical", "idm",
        "instrumental hip-hop", "downtempo",
    ),
    "background": (
        "easy listening", "lounge", "chillout", "smooth jazz", "bossa nova", "vocal jazz", "jazz", "soul", "neo soul",
    ),
    "dinner": (
        "vocal jazz", "jazz", "bossa nova", "smooth jazz", "lounge", "easy listening", "swing", "crooner",
    ),
    "happy": ("happy", "feel good", "upbeat", "fun", "uplifting", "disco", "funk", "motown", "power pop", "soul"),
    "upbeat": ("upbeat", "happy", "energetic", "feel good", "fun", "disco", "funk", "dance pop", "power pop"),
    "euphoric": ("uplifting", "euphoric", "epic", "energetic", "trance", "progressive house"),
    "party": ("party", "dance", "fun", "club", "dance pop", "disco", "house", "electropop"),
    "dance": ("dance", "party", "club", "disco", "funk", "dance pop", "house"),
    "romantic": ("romantic", "love songs", "love", "ballad", "soft rock", "soul"),
    "sensual": ("sensual", "sexy", "slow jams", "r&b", "neo soul", "soul", "quiet storm"),
    "dark": ("dark", "atmospheric", "darkwave", "gothic", "industrial", "dark ambient", "post-punk", "witch house"),
    "dreamy": ("dreamy", "dream pop", "atmospheric", "ethereal", "shoegaze", "chillwave", "ambient"),
    "energetic": ("energetic", "upbeat", "party", "epic", "workout"),
    "workout": (
        "workout", "gym", "energetic", "motivation", "hip hop", "rap", "nu metal", "hard rock", "electro house",
    ),
    "running": ("running", "workout", "energetic", "drum and bass", "electro house"),
    "angry": (
        "angry", "aggressive", "rage", "nu metal", "metalcore", "hardcore", "thrash metal", "industrial metal",
        "rap metal",
    ),
    "aggressive": ("aggressive", "angry", "brutal", "metalcore", "thrash metal", "hardcore", "death metal"),
    "driving": ("driving", "road trip", "classic rock", "heartland rock", "album rock", "southern rock"),
    "vocal": ("sing along", "songs that make you want to sing along"),
    "acoustic": ("acoustic", "singer-songwriter", "folk", "indie folk", "unplugged", "americana"),
    "instrumental": ("instrumental", "post rock", "ambient", "classical", "modern classical", "instrumental hip-hop"),
    "night drive": (
        "driving", "night", "atmospheric", "synthwave", "chillwave", "synthpop", "dream pop", "trip hop", "electro",
        "alternative r&b", "darkwave",
    ),
    "rainy": ("rainy day", "rain", "melancholic", "mellow", "acoustic", "indie folk", "dream pop", "trip hop"),
    "summer": ("summer", "feel good", "happy", "beach", "reggae", "surf", "tropical", "funk", "ska", "dancehall"),
    "morning": ("morning", "acoustic", "mellow", "happy", "folk", "indie folk", "singer-songwriter", "soul"),
}  # fmt: skip

MOOD_WORDS: frozenset[str] = frozenset(
    word.strip()
    for word in """
    sad|melancholic|melancholy|depressing|emotional|sad songs|heartbreak|chill|chillout|chill out|chilled|mellow|
    relaxing|calm|soothing|peaceful|sleep|meditation|study|concentration|happy|feel good|upbeat|fun|uplifting|
    euphoric|epic|energetic|party|dance|club|romantic|love songs|love|sensual|sexy|slow jams|dark|atmospheric|
    dreamy|ethereal|workout|gym|motivation|running|angry|aggressive|rage|brutal|driving|road trip|night|rainy day|
    rain|summer|beach|morning
    """.replace("\n", "").split("|")
) - {""}
"""Tags that state a mood; every other tag in `MOOD_TAGS` is a style that often carries it, and counts less."""
