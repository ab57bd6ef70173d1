"""Co-like counts: what liking, unliking, ageing out and forgetting do, checked against a recount from scratch."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from segue.cf.colikes import CoLikes


def test_items_liked_together_are_related_by_cosine() -> None:
    model = CoLikes()
    for user, items in {"a": "xyz", "b": "xy", "c": "xw"}.items():
        for item in items:
            model.like(user, item)
    related = model.related(["x"], 3)
    # y: 2 co-likes / sqrt(3 * 2); z, w: 1 / sqrt(3 * 1)
    assert [i for i, _ in related] == ["y", "w", "z"]
    assert math.isclose(related[0][1], 2 / math.sqrt(6))
    assert model.related(["x"], 3, exclude=["y"])[0][0] == "w"
    assert model.related(["unknown"], 3) == []


def test_unlike_and_forget_take_the_pairs_back() -> None:
    model = CoLikes()
    for item in "xyz":
        model.like("a", item)
    model.like("b", "x")
    model.like("b", "y")
    model.unlike("a", "z")
    assert [i for i, _ in model.related(["x"], 5)] == ["y"]
    model.forget("b")
    model.forget("a")
    assert model.related(["x"], 5) == []
    assert (model.members, model.items) == (0, 0)


def test_old_likes_age_out_past_the_bound() -> None:
    model = CoLikes(max_user_likes=2)
    for item in "xyz":
        model.like("a", item)
    assert model.related(["x"], 5) == []  # x aged out when z came
    assert [i for i, _ in model.related(["y"], 5)] == ["z"]


def recount(likes: dict[str, list[str]], bound: int) -> dict[tuple[str, str], int]:
    pairs: dict[tuple[str, str], int] = {}
    for items in likes.values():
        kept = items[-bound:]
        for a in kept:
            for b in kept:
                if a != b:
                    pairs[a, b] = pairs.get((a, b), 0) + 1
    return pairs


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("pqrstu"), st.booleans()), max_size=60))
def test_incremental_counts_equal_a_recount(events: list[tuple[str, str, bool]]) -> None:
    model, likes = CoLikes(max_user_likes=3), {}
    for user, item, liked in events:
        mine = likes.setdefault(user, [])
        if liked:
            model.like(user, item)
            if item not in mine:
                mine.append(item)
                del mine[:-3]
        else:
            model.unlike(user, item)
            if item in mine:
                mine.remove(item)
    expected = recount(likes, 3)
    for item in "pqrstu":
        got = {(item, other): n for other, n in model._pairs.get(item, {}).items()}
        assert got == {k: v for k, v in expected.items() if k[0] == item}
