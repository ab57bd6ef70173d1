"""Word-for-word glosses: common misspellings and non-English request words -> the English word the vocabularies know.

People type "simlar to", "musc like" and "música triste"; the scan's vocabularies (cues, moods, genres) are
English and exact, so without a gloss those words are dropped or, worse, read as names. A gloss rewrites one
token's normalized form before the scan; the typed text stays for notes. Entries are plain dictionary knowledge
(a translation or a frequent typo of a request word), never names, and never an English word: "triste" may be
glossed, "sad" needs no gloss. Full translation of requests is the languages issue; this keeps the common words
of the commonest request languages from coming back empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from segue.text import normalize_name


def _table(text: str) -> Mapping[str, str]:
    """'word=english' pairs separated by whitespace; several words may share one line."""
    pairs: dict[str, str] = {}
    for item in text.split():
        word, _, english = item.partition("=")
        pairs[normalize_name(word)] = english.replace("_", " ")
    return MappingProxyType(pairs)


TYPOS: Mapping[str, str] = _table(
    """
    simlar=similar similiar=similar simular=similar similer=similar simliar=similar smilar=similar
    simillar=similar similair=similar silimar=similar
    musc=music muisc=music musik=music muzik=music muzic=music musics=music
    prettier=pretty prettiest=pretty aussie=australian aussies=australian
    sogns=songs sonsg=songs snogs=songs
    liek=like lik=like
    recomend=recommend reccomend=recommend recommed=recommend
    u=you ur=your ppl=people bc=because smth=something sth=something somethin=something
    somthing=something sumthing=something smthing=something somehting=something whats=what
    nite=night nites=nights tonite=tonight 2nite=tonight thru=through bday=birthday
    """
)
"""Misspellings and chat spellings of cue and request words (not of names: those are matched fuzzily)."""

FOREIGN: Mapping[str, str] = _table(
    """
    musica=music musicas=songs cancion=song canciones=songs cancao=song cancoes=songs
    lieder=songs liedern=songs musique=music
    para=for pra=for por=for zum=for zur=for pour=for en=in amour=love d'amour=love
    triste=sad tristes=sad traurig=sad traurige=sad trauriger=sad
    relaxante=relaxing relaxantes=relaxing relajante=relaxing relajantes=relaxing entspannen=relaxing
    entspannend=relaxing entspannte=relaxing entspannung=relaxing tranquila=calm tranquilas=calm
    treinar=workout treino=workout entrenar=workout entrenamiento=workout gimnasio=workout
    estudiar=studying estudar=studying lernen=studying
    dormir=sleep schlafen=sleep
    romantica=romantic romanticas=romantic romantico=romantic romanticos=romantic romantisch=romantic
    romantische=romantic romantique=romantic romantiques=romantic
    feliz=happy felices=happy alegre=happy alegres=happy frohlich=happy
    fiesta=party festa=party
    bailar=dance dancar=dance tanzen=dance
    clasica=classical classica=classical klassik=classical klassische=classical classique=classical
    deutsche=german deutscher=german deutschen=german deutsch=german
    brasileira=brazilian brasileiras=brazilian brasileiro=brazilian brasileiros=brazilian
    espanol=spanish espanola=spanish
    francaise=french francais=french
    русскии=russian русская=russian русские=russian русскую=russian
    рок=rock рэп=rap поп=pop музыка=music песни=songs
    おすすめ=recommend 音楽=music 曲=songs 추천해줘=recommend 추천=recommend 음악=music 노래=songs
    """
)
"""Request words of the commonest non-English requests (Spanish, Portuguese, German, French, Russian, Japanese,
Korean)."""

GLOSS: Mapping[str, str] = MappingProxyType({**FOREIGN, **TYPOS})
"""Every gloss: normalized typed word -> the English word the scan reads instead."""
