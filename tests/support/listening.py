"""A small listening history with two taste groups, for the co-listening lists and their measurement."""

from __future__ import annotations

import numpy as np

from segue.catalog.merge import Listening

# Artists 0-4 are one taste group and 5-9 another (users 0-7 / 8-15), each user likes 4 of their group's 5;
# artist 10 has one listener (user 0), artist 11 none.
N_ARTISTS = 12


def listening() -> Listening:
    rng = np.random.default_rng(4)
    users, artists, plays = [], [], []
    for user in range(16):
        base = 0 if user < 8 else 5
        for artist in base + rng.choice(5, size=4, replace=False):
            users.append(user)
            artists.append(int(artist))
            plays.append(float(rng.integers(1, 500)))
    users.append(0)
    artists.append(10)
    plays.append(30.0)
    return Listening(
        user=np.array(users, np.int32), artist=np.array(artists, np.int32), plays=np.array(plays), n_users=16
    )
