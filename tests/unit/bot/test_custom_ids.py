"""Button state in custom_ids: every id round-trips, stays within 100 characters, and matches its DynamicItem."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segue.bot import custom_ids as ids
from segue.bot import panels, views
from segue.bot.answers import Reply
from segue.domain import Answer, Links, Novelty, Query, Reason, Recommendation, Track
from support.bot import speaker

track_ids = st.from_regex(r"[A-Za-z0-9_.\-]{1,64}", fullmatch=True)
keys = st.from_regex(r"[0-9a-f]{16}", fullmatch=True)
pages = st.integers(min_value=0, max_value=ids.PAGE_MAX)
kinds = st.sampled_from(ids.FEEDBACK_KINDS)

any_id = st.one_of(
    st.builds(ids.FeedbackId, kinds, track_ids),
    st.builds(ids.MoreId, track_ids),
    st.builds(ids.PickId, keys),
    st.builds(ids.DeeperId, keys),
    st.builds(ids.PageId, keys, pages),
)


@given(state=any_id)
def test_every_id_round_trips_within_100_chars(state: ids.AnyId) -> None:
    rendered = state.render()
    assert len(rendered) <= ids.CUSTOM_ID_MAX
    assert ids.parse(rendered) == state


@given(text=st.text(max_size=120))
def test_foreign_ids_parse_to_none_or_a_valid_state(text: str) -> None:
    parsed = ids.parse(text)
    assert parsed is None or parsed.render() == text


def test_longest_ids_fit() -> None:
    longest_track = "t" * 64
    assert len(ids.FeedbackId("dislike", longest_track).render()) <= 100
    assert len(ids.PageId("f" * 16, ids.PAGE_MAX).render()) <= 100


@pytest.mark.parametrize(
    "bad",
    [
        lambda: ids.FeedbackId("like", "has space").render(),
        lambda: ids.MoreId("x" * 65).render(),
        lambda: ids.PickId("NOTHEX0000000000").render(),
        lambda: ids.PageId("0" * 16, 100).render(),
        lambda: ids.DeeperId("short").render(),
    ],
)
def test_unusable_state_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case raises ValueError with its own message
        bad()  # type: ignore[operator]


def _reply(n: int = 3, novelty: Novelty = Novelty.BALANCED, page: int = 0) -> Reply:
    recs = tuple(
        Recommendation(
            track=Track(id=f"t{i}", title=f"Song {i} @everyone", artists=("A",), artist_ids=("a",)),
            score=1.0,
            reasons=(Reason("tag", "x"),),
            links=Links(),
        )
        for i in range(n)
    )
    return Reply(Answer(query=Query(novelty=novelty), results=recs), "t", "1", "0123456789abcdef", page)


def test_answer_view_items_carry_ids_their_dynamic_items_parse() -> None:
    view = panels.answer_view(_reply(), speaker())
    assert view is not None
    custom_ids = [getattr(item, "custom_id", None) for item in view.children]
    assert custom_ids == [
        "sg:pick:0123456789abcdef",
        "sg:more:t0",
        "sg:deep:0123456789abcdef",
        "sg:page:0123456789abcdef:1",
    ]
    for item in view.children:
        assert isinstance(item, views.DYNAMIC_ITEMS)
        assert item.template.fullmatch(item.custom_id) is not None
    assert len(set(custom_ids)) == len(custom_ids)


def test_answer_view_adapts_to_novelty_and_last_page_and_empty_answers() -> None:
    deep = panels.answer_view(_reply(novelty=Novelty.DEEP), speaker())
    assert deep is not None
    assert not any(isinstance(i, views.DeeperButton) for i in deep.children)
    last = panels.answer_view(_reply(page=ids.PAGE_MAX), speaker())
    assert last is not None
    assert not any(isinstance(i, views.PageButton) for i in last.children)
    assert panels.answer_view(_reply(n=0), speaker()) is None


def test_track_picker_labels_are_plain_and_clipped() -> None:
    view = panels.answer_view(_reply(), speaker())
    assert view is not None
    picker = view.children[0]
    assert isinstance(picker, views.TrackPicker)
    labels = [o.label for o in picker.item.options]
    assert labels[0].startswith("1. Song 0 @\u200beveryone")
    assert all(len(label) <= 100 for label in labels)


def test_track_panel_has_all_feedback_and_more() -> None:
    panel = panels.track_panel(Track(id="t9", title="x", artists=("a",), artist_ids=("a1",)), speaker())
    assert [getattr(i, "custom_id", None) for i in panel.children] == [
        "sg:fb:like:t9",
        "sg:fb:dislike:t9",
        "sg:fb:known:t9",
        "sg:fb:block:t9",
        "sg:more:t9",
    ]
