"""Links pasted into a request: Spotify track ids are kept, other links are only their sites, the words remain."""

from __future__ import annotations

import pytest

from segue.engine.query.links import PastedLinks, pasted_links

ID = "0sf12qNH5qcw8qpgymFOqD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("songs like radiohead", PastedLinks("songs like radiohead")),
        (f"like https://open.spotify.com/track/{ID}?si=ab12 but chill", PastedLinks("like but chill", (ID,))),
        (f"https://open.spotify.com/intl-de/track/{ID}", PastedLinks("", (ID,))),
        (f"spotify:track:{ID}", PastedLinks("", (ID,))),
        (f"[Blinding Lights](<https://open.spotify.com/track/{ID}>)", PastedLinks("Blinding Lights", (ID,))),
        ("like this https://youtu.be/dQw4w9WgXcQ pls", PastedLinks("like this pls", (), ("youtu.be",))),
        ("https://www.youtube.com/watch?v=x https://m.youtube.com/watch?v=y", PastedLinks("", (), ("youtube.com",))),
        ("[click](https://evil.example) radiohead", PastedLinks("click radiohead", (), ("evil.example",))),
        ("https://open.spotify.com/album/1234567890123456789012", PastedLinks("", (), ("open.spotify.com",))),
    ],
)
def test_links_are_taken_out_and_read_apart(text: str, expected: PastedLinks) -> None:
    assert pasted_links(text) == expected
