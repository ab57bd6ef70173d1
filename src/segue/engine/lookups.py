"""Names and ids against one catalog, for the commands and the bot: forgiving look-ups, autocomplete, stored seeds.

Apart from the service's answering because these read the catalog alone, each a call or two, and the bot's slash
options and buttons use them beside the answers (the service took them in through `CatalogLookups`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from segue.domain import EntityRef, NameMatch, Query, Track
from segue.engine.protocols import CatalogView
from segue.errors import UnknownSeedError, UserInputError
from segue.text import normalize_name, strip_control

__all__ = ["EXACT_SCORE", "FUZZY_ACCEPT", "CatalogLookups"]

EXACT_SCORE = 100.0
FUZZY_ACCEPT = 85.0
ACCEPT_MARGIN = 2.0
"""Short of an exact name, the best match must lead the next by this much to be taken without asking..."""
RENOWN_MARGIN = 5.0
RENOWN_LEAD = 0.3
"""...unless one within `RENOWN_MARGIN` of the best is this much better known (renown 0..1), which is then meant."""


class CatalogLookups:
    """Look-ups by name or id over `catalog` (a mix-in of `RecommendationService`)."""

    catalog: CatalogView

    @property
    def n_tracks(self) -> int:
        return self.catalog.n_tracks

    @property
    def n_artists(self) -> int:
        return self.catalog.n_artists

    # -- names ---------------------------------------------------------------------------------------------------

    def resolve_artist(self, name: str) -> EntityRef:
        """An artist by name, forgiving typos; UnknownSeedError with suggestions otherwise."""
        clean = self._clean_name(name, "artist")
        matches = self.catalog.search_artists(clean, limit=5)
        famous = self.catalog.short_artist(normalize_name(clean))
        if famous is not None and self._famous_meant(clean, famous, matches):
            matches = [famous, *matches]
        return self._accept("artist", clean, matches)

    @staticmethod
    def _famous_meant(typed: str, famous: NameMatch, matches: list[NameMatch]) -> bool:
        """Whether a famous act's short name is what was typed: '/similar bowie' is David Bowie, not Bolier, and
        'gaga' Lady Gaga over the little-known GAGA (as after 'like' in a request); 'the weekend' keeps its article,
        so it is The Weeknd misspelt, not Vampire Weekend."""
        if normalize_name(typed).startswith("the ") and not normalize_name(famous.name).startswith("the "):
            return False
        if not matches or matches[0].score < EXACT_SCORE:
            return True
        return famous.renown - matches[0].renown >= RENOWN_LEAD

    def resolve_track(self, text: str) -> EntityRef:
        """A track by 'Title - Artist', 'Title by Artist' or title alone."""
        clean = self._clean_name(text, "track")
        matches = self.catalog.search_tracks(clean, limit=5)
        return self._accept("track", clean, matches)

    def resolve_genre(self, name: str) -> str:
        """A catalog tag by name, forgiving typos; UnknownSeedError with suggestions otherwise."""
        clean = self._clean_name(name, "genre")[:100]
        matches = self.catalog.search_tags(clean, limit=5)
        if matches and matches[0].score >= FUZZY_ACCEPT:
            return matches[0].name
        raise UnknownSeedError("genre", clean, [m.name for m in matches[:3]])

    def track(self, track_id: str) -> Track | None:
        """A catalog track by id, or None when this catalog does not have it (any more)."""
        index = self.catalog.track_index(track_id)
        return None if index is None else self.catalog.track(index)

    def track_ref(self, track_id: str) -> EntityRef | None:
        """A seed for the track with this id, or None."""
        index = self.catalog.track_index(track_id)
        return None if index is None else EntityRef(index, track_id, self.catalog.track(index).display)

    def refresh(self, query: Query) -> Query:
        """The query with its seeds re-pointed at this catalog's indices (a rebuild may have moved them)."""
        catalog = self.catalog

        def refs(found: Callable[[str], int | None], items: tuple[EntityRef, ...]) -> tuple[EntityRef, ...]:
            pairs = ((found(r.id), r) for r in items)
            return tuple(EntityRef(i, r.id, r.name) for i, r in pairs if i is not None)

        return replace(
            query,
            seed_tracks=refs(catalog.track_index, query.seed_tracks),
            seed_artists=refs(catalog.artist_index, query.seed_artists),
            exclude_artists=refs(catalog.artist_index, query.exclude_artists),
            exclude_tracks=refs(catalog.track_index, query.exclude_tracks),
        )

    def autocomplete_artists(self, prefix: str, limit: int = 25) -> list[str]:
        return [m.name for m in self.catalog.search_artists(strip_control(prefix)[:100], limit=limit)] if prefix else []

    def autocomplete_tracks(self, prefix: str, limit: int = 25) -> list[str]:
        return [m.name for m in self.catalog.search_tracks(strip_control(prefix)[:100], limit=limit)] if prefix else []

    def autocomplete_genres(self, prefix: str, limit: int = 25) -> list[str]:
        return [m.name for m in self.catalog.search_tags(strip_control(prefix)[:100], limit=limit)] if prefix else []

    # -- helpers ---------------------------------------------------------------------------------------------

    def _clean_name(self, name: str, kind: str) -> str:
        clean = strip_control(name).strip()
        if not clean:
            raise UserInputError(f"empty {kind} name", user_message=f"Please give me a {kind} name.")
        if len(clean) > 200:
            raise UserInputError(f"{kind} name too long", user_message=f"That {kind} name is too long (200 max).")
        return clean

    @staticmethod
    def _accept(kind: str, name: str, matches: list[NameMatch]) -> EntityRef:
        """The best match when it is close and, short of exact, clearly the one meant: a far better-known act
        about as close wins ('eminen' is Eminem, not Eminence); a tie or a mention typed as a name ('@everyone'
        was the act Evernone) is asked about instead."""
        if not matches or matches[0].score < FUZZY_ACCEPT:
            raise UnknownSeedError(kind, name, [m.name for m in matches[:3]])
        best = matches[0]
        if best.score < EXACT_SCORE:
            close = [m for m in matches if best.score - m.score < RENOWN_MARGIN]
            known = max(close, key=lambda m: m.renown)
            best = known if known.renown - best.renown >= RENOWN_LEAD else best
            rivals = [m for m in close if m is not best]
            if name.lstrip().startswith("@") or any(abs(best.score - m.score) < ACCEPT_MARGIN for m in rivals):
                raise UnknownSeedError(kind, name, [m.name for m in matches[:3]])
        return EntityRef(best.index, best.id, best.name)
