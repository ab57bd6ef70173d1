"""Japanese request words, read as the English the scan knows ('シティポップが聴きたい' -> 'city pop i want to hear').
Japanese writes no spaces between words, so a run of kana and kanji is cut into this table's words first, longest
first (`segment`); what the table does not know stays one piece, as typed (a name). Requests only: the interface has
no Japanese catalog yet."""

from __future__ import annotations

import re
import unicodedata

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_TABLE = """
    おすすめ=recommend オススメ=recommend お勧め=recommend おすすめの=recommend 教えて=recommend_me
    教えてください=recommend_me 聴きたい=i_want 聞きたい=i_want 聴く=listen 聞く=listen 流して=play かけて=play
    ちょうだい= お願い= お願いします= やつ= 中= bgm=
    曲=songs 歌=songs 音楽=music 楽曲=songs バンド=band 歌手=singers アーティスト=artists 作業用=focus 用=for
    ラブソング=love_songs インスト=instrumental インスト曲=instrumental 歌なし=instrumental 歌詞なし=instrumental

    ロック=rock インディーロック=indie_rock インディー=indie インディーズ=indie オルタナ=alternative
    邦ロック=japanese_rock 邦楽=j-pop 邦=japanese 洋楽=pop シティポップ=city_pop ポップ=pop ポップス=pop
    ジェイポップ=j-pop アイドル=j-pop 歌謡曲=j-pop 昭和=old 昭和の=old
    ジャズ=jazz ジャジー=jazzy ジャジーな=jazzy ヒップホップ=hip_hop ラップ=rap アニソン=anime ボカロ=vocaloid
    エモ=emo パンク=punk
    メタル=metal テクノ=techno ハウス=house クラシック=classical ローファイ=lofi ロウファイ=lofi
    バラード=ballads ダンス=dance フォーク=folk ソウル=soul ファンク=funk レゲエ=reggae ケーポップ=kpop
    フュージョン=jazz_fusion アコースティック=acoustic
    韓国=korean 日本=japanese 日本語=japanese 英語=english

    悲しい=sad 泣ける=sad 切ない=melancholic 寂しい=lonely 明るい=happy 楽しい=happy 元気=upbeat 元気が出る=upbeat
    落ち着く=calm 落ち着いた=calm 静か=quiet 癒し=relaxing 癒される=relaxing 夜=night 深夜=late_night 朝=morning
    雨=rain 雨の日=rainy_day 梅雨=rainy 梅雨の日=rainy_day 夏=summer 冬=winter 秋=autumn 春=spring
    勉強=studying 勉強用=studying
    ドライブ=driving 運動=workout 筋トレ=workout ジム=gym トレーニング=workout ランニング=running
    恋愛=love 失恋=breakup パーティー=party 寝る=sleep 睡眠=sleep
    寝る前=sleep 寝る前に=sleep 懐かしい=nostalgic 踊れる=dance 踊りたい=dance
    昔=old 最近=new 新しい=new 有名=famous 人気=popular テンション上がる=hype テンションが上がる=hype
    テンションあがる=hype 盛り上がる=party アゲアゲ=party ノリノリ=upbeat エモい=emotional チル=chill チルい=chill
    速い=fast テンポ速い=fast テンポが速い=fast 遅い=slow テンポ遅い=slow ゆっくり=slow 怒り=angry イライラ=angry
    イライラしてる=angry ムカつく=angry 時に=for 時=for
    まったり=chill 泣きたい=sad 眠れる=sleep 眠くなる=sleep 集中=focus 集中できる=focus かっこいい=energetic
    知られてない=obscure あんまり知られてない=obscure あまり知られていない=obscure マイナー=obscure

    みたいな=vibes みたいな曲=vibes っぽい=vibes 似てる=vibes 似た=vibes 系=vibes
    以外=except 以外の=except なし=without 抜き=without 抜きで=without じゃない=not

    の= が= を= は= に= で= も= へ= と=and や=and ある= あります= ありますか= か= な= ね= よ=
    ください= ほしい= 欲しい= たい= です= 何か=something なにか=something 何=what いい=good 良い=good
"""
_WORDS = table(_TABLE)

_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+")
"""A run of hiragana, katakana (the long vowel mark too) and kanji: Japanese written without spaces."""
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_KEYS = frozenset(
    unicodedata.normalize("NFKC", k.partition("=")[0].replace("_", " "))
    for k in _TABLE.split()
    if _SCRIPT.fullmatch(k.partition("=")[0])
)
"""The table's words as written: cut on their exact kana, since the table's own keys drop the voicing marks
('トライブ' of a band's name would read as 'ドライブ', driving)."""
_LONGEST = max(map(len, _KEYS), default=1)
_SPACES = re.compile(r" {2,}")
_YEARS_SINCE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:以降|以後|から)")
_YEARS_BEFORE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:より前|以前|まで)")
_DECADE = re.compile(r"((?:19|20)?\d0)\s*年代")
"""'80年代', '1990年代': a decade, as '80s' reads; '2015年以降' since 2015, '2000年より前' before 2000."""
_LINKS = frozenset({"の", "が", "を", "は", "で"})
"""Particles between what is left out and what it is left out of ('ラップなしの ポップス')."""
_AFTER_WHAT = frozenset({"以外", "以外の", "なし", "抜き", "抜きで", "じゃない"})
"""Words that follow what they leave out ('ロック以外': all but rock), said before it as English says them."""


def segment(text: str) -> str:
    """`text` with each run of Japanese cut into the table's words, longest first, spaces between them; what the
    table lacks stays together ('米津玄師みたいな曲' -> '米津玄師 みたいな曲')."""
    if not _KANA.search(text):  # kanji alone is as likely Chinese ('有没有像 keshi 那种的歌')
        return text
    text = _DECADE.sub(r" \1s ", _YEARS_BEFORE.sub(r" before \1 ", _YEARS_SINCE.sub(r" since \1 ", text)))
    return _SPACES.sub(" ", _SCRIPT.sub(lambda m: f" {' '.join(_cut(m.group()))} ", text)).strip(" ")


def _cut(run: str) -> list[str]:
    run = unicodedata.normalize("NFKC", run)
    pieces: list[str] = []
    unknown = ""
    i = 0
    while i < len(run):
        found = next((n for n in range(min(_LONGEST, len(run) - i), 0, -1) if run[i : i + n] in _KEYS), 0)
        if found:
            pieces += [unknown] if unknown else []
            pieces.append(run[i : i + found])
            unknown = ""
            i += found
        else:
            unknown += run[i]
            i += 1
    return _said_before([*pieces, unknown] if unknown else pieces)


def _said_before(pieces: list[str]) -> list[str]:
    """The first leaving-out word said as English says it: 'ロック 以外' -> '以外 ロック' (except rock), and with what
    it is left out of after it, that first: 'メタル 以外の ロック' -> 'ロック 以外の メタル' (rock except metal)."""
    k = next((k for k in range(1, len(pieces)) if pieces[k] in _AFTER_WHAT), 0)
    if not k:
        return pieces
    rest = pieces[k + 1 :]
    after = next((j for j, p in enumerate(rest) if p not in _LINKS), None)
    if after is None:
        return [*pieces[: k - 1], pieces[k], pieces[k - 1], *rest]
    return [*pieces[: k - 1], rest[after], pieces[k], pieces[k - 1], *rest[after + 1 :]]


LANGUAGE = Language(code="ja", phrases=_WORDS, weak=words("と や か な ね よ 中 bgm"), segment=segment)
