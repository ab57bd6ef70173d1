"""`segue catalog stats`: what a built catalog holds, as a dict (for `--json`) and as text.

Answers the questions that decide whether a build is healthy: how many tracks per source, how many have audio
features or a playable MP3, how rich the tag vocabulary is, and how many artists have neighbours to explain with.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from segue.catalog.layout import ARTIST_SOURCES, SOURCES
from segue.catalog.store import Catalog

TOP_GENRES = 15


def catalog_stats(catalog: Catalog, top: int = TOP_GENRES) -> dict[str, Any]:
    """Counts and coverage figures of one catalog (plain JSON types only)."""
    manifest = catalog.manifest
    n = max(1, catalog.n_tracks)
    by_source = np.bincount(np.asarray(catalog.track_source, dtype=np.int64), minlength=len(SOURCES))
    features_known = ~np.isnan(np.asarray(catalog.features)).any(axis=1)
    feature_by_source = {
        name: int(np.count_nonzero(features_known & (np.asarray(catalog.track_source) == i)))
        for i, name in enumerate(SOURCES)
    }
    bits = np.asarray(catalog.artist_sources, dtype=np.int64)
    tracks_per_tag = np.bincount(catalog.track_tags.indices, minlength=len(catalog.tag_names))
    order = np.argsort(-tracks_per_tag, kind="stable")[:top]
    mp3 = int(manifest["counts"].get("tracks_with_mp3", 0))
    colisten = int(np.count_nonzero(np.asarray(catalog.artist_neighbors)[:, 0] >= 0))
    tagged = int(np.count_nonzero(np.asarray(catalog.artist_tag_neighbors)[:, 0] >= 0))
    return {
        "path": str(catalog.path),
        "schema_version": manifest.get("schema_version"),
        "built_at": manifest.get("built_at"),
        "build_seconds": manifest.get("build_seconds"),
        "tracks": catalog.n_tracks,
        "tracks_by_source": {name: int(by_source[i]) for i, name in enumerate(SOURCES)},
        "artists": catalog.n_artists,
        "artists_by_source": {name: int(np.count_nonzero(bits & (1 << i))) for i, name in enumerate(ARTIST_SOURCES)},
        "artists_in_several_sources": int(np.count_nonzero([bin(int(b)).count("1") > 1 for b in bits])),
        "tags": len(catalog.tag_names),
        "track_genres": int(np.count_nonzero(tracks_per_tag)),
        "top_genres": [{"name": catalog.tag_names[int(i)], "tracks": int(tracks_per_tag[i])} for i in order],
        "audio_features": {
            "tracks": int(features_known.sum()),
            "share": round(float(features_known.sum()) / n, 4),
            "by_source": feature_by_source,
        },
        "mp3": {"tracks": mp3, "share": round(mp3 / n, 4)},
        "artists_with_colisten_neighbors": colisten,
        "artists_with_tag_neighbors": tagged,
    }


def render_text(stats: dict[str, Any]) -> str:
    """The stats as aligned human-readable lines."""
    lines = [
        f"catalog      {stats['path']} (schema {stats['schema_version']}, built {stats['built_at']} "
        f"in {stats['build_seconds']} s)",
        f"tracks       {stats['tracks']:>7,}  " + ", ".join(f"{k} {v:,}" for k, v in stats["tracks_by_source"].items()),
        f"artists      {stats['artists']:>7,}  "
        + ", ".join(f"{k} {v:,}" for k, v in stats["artists_by_source"].items())
        + f"; in several datasets {stats['artists_in_several_sources']:,}",
        f"tags         {stats['tags']:>7,}  of which on tracks (genres/styles) {stats['track_genres']:,}",
        f"audio feat.  {stats['audio_features']['tracks']:>7,}  ({stats['audio_features']['share']:.1%} of tracks)",
        f"mp3 links    {stats['mp3']['tracks']:>7,}  ({stats['mp3']['share']:.1%} of tracks, Creative Commons)",
        f"neighbours   {stats['artists_with_colisten_neighbors']:>7,}  artists by co-listening, "
        f"{stats['artists_with_tag_neighbors']:,} by shared tags",
        "top genres   " + ", ".join(f"{g['name']} ({g['tracks']:,})" for g in stats["top_genres"]),
    ]
    return "\n".join(lines)
