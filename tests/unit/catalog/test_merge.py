"""Merging the datasets: what Last.fm listeners' tags the catalog keeps."""

from __future__ import annotations

import numpy as np

from segue.catalog.importers import HetrecData
from segue.catalog.merge import merge


def _hetrec(assignments: list[tuple[int, int, str]]) -> HetrecData:
    """Two artists everyone listened to, tagged by (user, artist id, tag)."""
    tags = sorted({t for _, _, t in assignments})
    ids = {t: i + 1 for i, t in enumerate(tags)}
    users = [1, 2, 3]
    return HetrecData(
        artist_names={10: "Calle 13", 20: "My Chemical Romance"},
        listen_user=np.array([u for u in users for _ in (10, 20)], dtype=np.int32),
        listen_artist=np.array([a for _ in users for a in (10, 20)], dtype=np.int32),
        listen_plays=np.ones(6, dtype=np.int64),
        tag_names={i: t for t, i in ids.items()},
        tag_user=np.array([u for u, _, _ in assignments], dtype=np.int32),
        tag_artist=np.array([a for _, a, _ in assignments], dtype=np.int32),
        tag_tag=np.array([ids[t] for _, _, t in assignments], dtype=np.int32),
    )


def test_a_listener_who_insults_an_artist_tags_it_with_nothing() -> None:
    merged = merge(
        [],
        [],
        _hetrec(
            [
                (1, 10, "reggaeton"),
                (2, 10, "latin"),
                (3, 10, "emo"),
                (3, 10, "brutal death metal"),
                (3, 10, "cocksucker"),
                (3, 20, "emo"),  # the same listener's tags on an artist they did not insult stay
                (1, 20, "emo"),
                (2, 20, "fucking awesome"),  # praise, not an insult
                (2, 20, "punk rock"),
            ]
        ),
    )
    calle, mcr = (merged.artist_names.index(n) for n in ("Calle 13", "My Chemical Romance"))
    tags = merged.artist_user_tags
    assert tags[(calle, "reggaeton")] == tags[(calle, "latin")] == 1
    assert (calle, "emo") not in tags
    assert (calle, "brutal death metal") not in tags
    assert tags[(mcr, "emo")] == 2
    assert tags[(mcr, "punk rock")] == tags[(mcr, "fucking awesome")] == 1
    assert merged.dropped["hetrec tags of a listener who insulted the artist"] == 3
