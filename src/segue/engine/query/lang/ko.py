"""Korean request words, read as the English the scan knows ('슬픈 노래 추천해줘' -> 'sad songs recommend me').
Korean writes spaces between words, so the table reads them as typed; particles glued to
a word are listed with it, and `segment` cuts them off a word typed in Latin letters ('chill한 노래', 'DEAN이나
crush 같은'). Requests only: the interface has no Korean catalog yet."""

import re

from segue.engine.query.lang._after import like_first, said_first
from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_WORDS = table(
    """
    추천해줘=recommend_me 추천해=recommend_me 추천해주세요=recommend_me 추천해_주세요=recommend_me 추천=recommend
    틀어줘=play 들려줘=play 알려줘=recommend_me 뭐_들을까=what_should_i_listen_to 뭐_듣지=what_should_i_listen_to
    노래=songs 노래들=songs 음악=music 곡=songs 곡들=songs 밴드=band 가수=singers 그룹=groups
    같은=like 같은거=like 비슷한=similar 느낌=vibe 스타일=style 처럼=like 말고=except 없이=without 빼고=except
    그리고=and 아니면=or 좀=  더=more 너무=too 안=not

    케이팝=kpop 한국=korean 한국어=korean 한국_노래=korean_songs 일본=japanese 팝=pop 발라드=ballads 힙합=hip_hop
    알앤비=r&b 인디=indie 록=rock 락=rock 재즈=jazz 트로트=trot 댄스=dance 아이돌=kpop 걸그룹=kpop_girl_groups
    보이그룹=kpop_boy_groups 시티팝=city_pop 로파이=lofi

    비_오는_날=rainy_day 비오는날=rainy_day 비_오는=rainy 비=rain 듣기_좋은=good 좋은=good 신나는=upbeat
    슬픈=sad 우울한=melancholic 잔잔한=calm 조용한=quiet 편안한=relaxing 감성=mellow 밤=night 새벽=late_night
    아침=morning 여름=summer 겨울=winter 가을=autumn 봄=spring 운동=workout 공부=studying 드라이브=driving
    사랑=love 이별=breakup 파티=party 잠=sleep 잘_때=sleep 옛날=old 요즘=new 최신=new 유명한=famous
    하나=one 두=two 세=three 다섯=five 열=ten
    boy_group=kpop_boy_groups boy_groups=kpop_boy_groups girl_group=kpop_girl_groups girl_groups=kpop_girl_groups
    밤에=at_night 쩌는=great 다른=other 중에= 중에서= 있어= 있어요= 있나요=
    이나=or 나=or 이랑=and 랑=and 느낌으로=vibe 느낌의=vibe 한=
    """
)

_GLUED = re.compile(
    r"([A-Za-z&.]+)(한|이나|나|이랑|랑|같은|처럼|스러운|느낌|으로|로|의|은|는|이|가|을|를)(?=\s|$|[,.!?])"
)
"""A Latin word with a Korean particle or ending glued to it ('chill한', 'DEAN이나', 'R&B는'): the two apart."""


_HANGUL = re.compile("[\uac00-\ud7a3]")
_LIKE = frozenset({"같은", "처럼", "비슷한"})
_LEFT_OUT = re.compile(r"(\S+) (말고|빼고|없이)(?=\s|$|[,.!?])")
"""'BTS 말고 다른 boy group': 'not' said after what it leaves out, said first as English does."""
_NAME_ENDS = frozenset({"중에", "추천해줘", "노래", "있어?", "요즘", "말고", "이나", "나"})


def segment(text: str) -> str:
    """`text` with particles glued to words in Latin letters cut off ('chill한 노래' -> 'chill 한 노래') and 'like'
    said before the name it follows, as English says it ('crush 같은' -> '같은 crush')."""
    if not _HANGUL.search(text):
        return text
    text = _LEFT_OUT.sub(said_first(frozenset()), _GLUED.sub(r"\1 \2", text))
    return like_first(text, _LIKE, _NAME_ENDS, 3)


LANGUAGE = Language(
    code="ko",
    phrases=_WORDS,
    weak=words("비 좀 더 안 두 세 열 boy_group boy_groups girl_group girl_groups"),
    segment=segment,
)
