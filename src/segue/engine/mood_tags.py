"""Listener tags that say a mood, per mood label: evidence beside the audio features.

Audio features say a track *sounds* calm; Last.fm listeners who tagged an artist or a track "melancholic" or
"chillout" say it *is* heard that way, and Creative Commons tracks without features can qualify through them.
Only tags the catalog has count; a label missing here is scored by its features alone.
"""

from __future__ import annotations

MOOD_TAGS: dict[str, tuple[str, ...]] = {
    "sad": ("sad", "melancholic", "melancholy", "depressing", "emotional", "sad songs"),
    "melancholic": ("melancholic", "melancholy", "sad", "emotional", "atmospheric"),
    "chill": ("chill", "chillout", "chill out", "chilled", "mellow", "relaxing", "downtempo"),
    "mellow": ("mellow", "chill", "soothing", "relaxing", "easy listening"),
    "relaxing": ("relaxing", "calm", "soothing", "chillout", "peaceful"),
    "calm": ("calm", "peaceful", "soothing", "relaxing", "ambient"),
    "sleep": ("sleep", "calm", "ambient", "soothing", "peaceful"),
    "meditation": ("meditation", "ambient", "calm", "peaceful"),
    "focus": ("study", "concentration", "ambient", "instrumental", "post rock"),
    "background": ("easy listening", "lounge", "chillout", "smooth jazz", "bossa nova"),
    "happy": ("happy", "feel good", "upbeat", "fun", "uplifting"),
    "upbeat": ("upbeat", "happy", "energetic", "feel good", "fun"),
    "euphoric": ("uplifting", "euphoric", "epic", "energetic"),
    "party": ("party", "dance", "fun", "club"),
    "dance": ("dance", "party", "club", "disco"),
    "romantic": ("romantic", "love songs", "love", "sensual", "sexy"),
    "dark": ("dark", "atmospheric", "darkwave", "gothic"),
    "dreamy": ("dreamy", "dream pop", "atmospheric", "ethereal"),
    "energetic": ("energetic", "upbeat", "party", "epic"),
    "workout": ("workout", "gym", "energetic", "motivation"),
    "running": ("running", "workout", "energetic"),
    "angry": ("angry", "aggressive", "rage"),
    "aggressive": ("aggressive", "angry", "brutal"),
    "driving": ("driving", "road trip"),
    "night drive": ("driving", "night", "atmospheric", "synthwave"),
    "rainy": ("rainy day", "rain", "melancholic", "mellow"),
    "summer": ("summer", "feel good", "happy", "beach"),
    "morning": ("morning", "acoustic", "mellow", "happy"),
}
