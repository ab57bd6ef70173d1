"""Turkish request words, read as the English the scan knows ('80ler rock ama metal olmasın' -> 'rock 80s but not
metal'). Turkish glues its cases to a word ('şarkıları', '90'lardan', 'Queen'in') and says 'like', 'not' and
'before' after what they are about ('radiohead gibi', 'rap olmasın', '2000 öncesi'): `segment` cuts a name's
case off after its apostrophe, writes the decades as '80s' and says those after-words first, as English does.
Members often type without Turkish letters ('huzunlu sarkilar'): the table holds each word both ways
(`unmarked`)."""

from __future__ import annotations

import re

from segue.engine.query.lang._after import like_first, said_first
from segue.engine.query.lang._core import Language, table, unmarked, words

__all__ = ["LANGUAGE", "segment"]

_NOUN = (
    "", "lar", "ler", "ı", "i", "u", "ü", "sı", "si", "su", "sü", "ları", "leri", "lardan", "lerden", "a", "e",
    "ya", "ye", "da", "de", "dan", "den", "ın", "in", "un", "ün", "nın", "nin", "larını", "lerini", "ım", "im",
    "ımı", "imi", "larım", "lerim",
)  # fmt: skip
"""What a noun takes ('şarkı*': şarkılar, şarkıları, şarkısı, şarkıya, şarkılardan...)."""

_NOUNS = table(
    """
    şarkı*=songs parça*=tracks müzik*=music muzik*=music müziğ*=music muzig*=music albüm*=album grup*=bands
    sanatçı*=artists şarkıcı*=singers çalma_liste*=playlist playlist*=playlist
    rock*=rock pop*=pop rap*=rap caz*=jazz metal*=metal punk*=punk blues*=blues elektronik*=electronic
    klasik_müzik*=classical klasik_rock*=classic_rock arabesk*=arabesque reggae*=reggae disko*=disco
    türkü*=turkish_folk halk_müziğ*=turkish_folk halk_muzig*=turkish_folk
    """,
    _NOUN,
)

_ENGLISH_FORMS = frozenset({"rape", "pope", "rocke", "metale", "cazi", "poplar"})
"""A noun's forms that are English words ('rap' + 'e'): not read as Turkish."""
_NOUNS = {key: english for key, english in _NOUNS.items() if key not in _ENGLISH_FORMS}

_WORDS = table(
    """
    hüzünlü=sad huzunlu=sad üzgün=sad üzücü=sad duygusal=emotional melankolik=melancholic dertli=sad acılı=sad
    sakin=calm sakin_bir=calm huzurlu=peaceful dingin=calm rahatlatıcı=relaxing dinlendirici=relaxing
    neşeli=happy mutlu=happy eğlenceli=fun enerjik=energetic hareketli=upbeat coşkulu=energetic gaz=energetic
    hızlı=fast yavaş=slow romantik=romantic aşk_şarkıları=love_songs karanlık=dark agresif=aggressive
    sert=heavy öfkeli=angry sinirli=angry efsane=best baba=best güzel=good iyi=good en_iyi=best popüler=popular
    bilinmeyen=unknown az_bilinen=lesser_known pek_bilinmeyen=lesser_known underground=underground eski=old
    yeni=new nostaljik=nostalgic akustik=acoustic enstrümantal=instrumental sözsüz=instrumental
    vokalsiz=instrumental alternatif=alternative
    rapsiz=without_rap metalsiz=without_metal popsuz=without_pop klasik=classical türkçe=turkish turkce=turkish
    türk=turkish yabancı= ingilizce=in_english hip_hop=hip_hop hiphop=hip_hop

    telifsiz=copyright_free telif_hakkı_olmayan=copyright_free telif_yemeyen=copyright_free
    dans=dance dansa_uygun=danceable parti=party eğlence=party düğün=wedding doğum_günü=birthday
    yol=road_trip yolculuk=road_trip yol_için=for_a_road_trip araba=driving araba_için=for_driving
    araba_sürerken=while_driving spor=workout sporda=workout antrenman=workout spor_salonu=gym salon=gym
    koşu=running koşarken=while_running koşmak=running ders=studying ders_çalışırken=while_studying
    ders_çalışmak_için=for_studying çalışırken=while_working çalışmak_için=for_working odaklanmak=focus
    konsantrasyon=focus uyku=sleep uyumak=sleep uyumadan_önce=before_sleep uyurken=for_sleep
    yemek_yaparken=while_cooking akşam_yemeği=dinner temizlik=cleaning temizlik_yaparken=while_cleaning
    sevgilimle=date_night randevu=date_night yağmurlu=rainy yağmur=rainy gece=night gece_yarısı=midnight
    sabah=morning akşam=evening yaz=summer kış=winter sonbahar=autumn ilkbahar=spring bahar=spring
    ayrılık=breakup kalp_kırıklığı=heartbreak ağlamak=to_cry_to ağlamalık=to_cry_to oyun=gaming
    oyun_oynarken=while_gaming kahve=coffee meditasyon=meditation yoga=yoga

    dinlemelik= dinlemek_için= dinlemek= dinlerken= bana= beni= bize= lütfen=please lutfen=please kanka=
    abi= ya= önerir_misin=recommend önerir_misiniz=recommend önerebilir_misin=recommend öner=recommend
    önerin=recommend önerisi=recommend önerileri=recommend at=recommend atar_mısın=recommend atsana=recommend
    atın=recommend çal=play çalsana=play çalar_mısın=play koy=play koyar_mısın=play
    istiyorum=i_want lazım=i_need arıyorum=looking_for
    bir=a bi=a şey=something şeyler=something bir_şey=something bi_şey=something bi_şeyler=something
    bir_şeyler=something bişey=something bişeyler=something birşey=something birşeyler=something
    ne_olursa=anything ne_olursa_olsun=anything

    gibi=like tarzı=in_the_style_of tarzında=in_the_style_of tarzi=in_the_style_of benzer=similar_to
    benzeyen=similar_to benzeri=similar_to

    ve=and veya=or ya_da=or ile=with ama=but fakat=but ancak=but daha=more çok=very biraz=a_bit sadece=only
    yalnızca=only olmasın=not olmasin=not olmasın_onlardan=not_them olmasin_onlardan=not_them
    onlardan_olmasın=not_them değil=not yok=no hariç=except dışında=except olsun=

    iki=two üç=three dört=four beş=five altı=six yedi=seven sekiz=eight dokuz=nine tane= adet=

    öncesi=before oncesi=before sonra=after sonrası=after sonraki=after beri=since
    altmışlar=60s altmışlardan=60s yetmişler=70s yetmişlerden=70s seksenler=80s seksenlerden=80s
    seksenlerin=80s doksanlar=90s doksanlardan=90s doksanların=90s ikibinler=2000s

    için=for icin=for in= ın= un= ün= nin= nın= dan= den= tan= ten= da= de= te= ta= e= a= ı= i= u= ü= ya= ye=
    """
)

_TURKISH = re.compile(
    r"(?i)[şğıçöü]|\b(?:şarkı\w*|sarki\w*|müzik\w*|muzik\w*|gibi|tarz\w*|olmas[ıi]n|için|icin|öncesi|oncesi|"
    r"sonra\w*|hariç|haric|dışında|disinda|beri|bana|biraz|bi|bir)\b"
)
_CASE = re.compile(r"(?i)(?<=[a-z0-9])['\u2019](?:y?[aeıiuü]|n?[ıiuü]n|[dt][ae]n?|y?l[ae]|nd[ae]n?)(?![\w'])")
"""A case glued to a name after an apostrophe ('Queen'in', 'Daft Punk'a', 'hip hop'u'): cut off."""
_DECADE = re.compile(r"(?i)(?<![\w'])((?:19|20)?\d0)['\u2019]?(?:l[ae]r\w*)(?![\w])")
"""'80ler', '80'ler', '90'lardan', '2000'lerin': the decade as the scan writes it ('80s')."""
_YEARS = re.compile(
    r"(?i)(?<![\w'])((?:19|20)\d\d|\d0s)['\u2019]?(?:[dt][ae]n)?\s+(öncesi|oncesi|önce|once|sonra\w*|beri)\b"
)
"""'2000 öncesi', '2010'dan sonra', '2015ten beri': the years, then the word that bounds them."""
_OWNER = re.compile(
    r"(?i)(?<![\w'])([\w&.-]+(?: [\w&.-]+){0,2})['\u2019]n?[ıiuü]n\s+((?:\w+\s+)?)(şarkı\w*|sarki\w*|parça\w*)"
)
"""'Queen'in efsane şarkıları': the songs, then whose they are ('efsane şarkıları by Queen')."""
_AFTER_WHAT = re.compile(
    r"(?i)\b((?:hip hop|drum and bass|[\w&-]+)) (olmasın|olmasin|hariç|haric|dışında|disinda|istemiyorum|yok)\b"
)
"""What is left out, then the word that leaves it out ('rap olmasın', 'pop dışında'): said before it."""
_LIKE = frozenset({"gibi", "tarzı", "tarzi", "tarzında", "tarzinda", "benzeyen", "benzer", "benzeri"})
_NAME_ENDS = words(
    """
    bana bize ve veya ama biraz bi bir şey sey bişey bisey şarkı sarki şarkılar sarkilar müzik muzik pop rock rap
    için icin daha çok cok kanka lütfen lutfen abi ya
    """
)
"""Words a name does not run through, back from a 'like' said after it ('bana radiohead gibi bir şey')."""
_NOT_LEFT_OUT = words("bana bize bir bi şey sey hiç hic ne")
_LEFT_OUT_FIRST = said_first(_NOT_LEFT_OUT)


def segment(text: str) -> str:
    """`text` with Turkish's glued cases cut off names and its after-words said first: "Daft Punk'a benzeyen" ->
    'benzeyen Daft Punk', 'rap olmasın' -> 'olmasın rap', '2000 öncesi' -> 'öncesi 2000', "80'ler" -> '80s'. Only a
    request with a Turkish word or letter is touched."""
    text = _DECADE.sub(r"\1s", text)  # '80ler' is Turkish alone
    if not _TURKISH.search(text):
        return text
    text = _YEARS.sub(_years, text)
    text = _OWNER.sub(_owner, text)
    text = _CASE.sub("", text)
    text = _AFTER_WHAT.sub(_LEFT_OUT_FIRST, text)
    return like_first(text, _LIKE, _NAME_ENDS, 4)


def _owner(found: re.Match[str]) -> str:
    """'bana Queen'in efsane şarkıları' -> 'bana efsane şarkıları by Queen': the owner is the name's words only."""
    owner = found.group(1).split(" ")
    lead = []
    while len(owner) > 1 and owner[0].lower() in _NAME_ENDS:
        lead.append(owner.pop(0))
    return " ".join([*lead, f"{found.group(2)}{found.group(3)} by {' '.join(owner)}"])


def _years(found: re.Match[str]) -> str:
    """'2000 öncesi' -> 'öncesi 2000'; 'önce' is written 'öncesi' ('once' is English)."""
    word = found.group(2)
    return f"{'öncesi' if word.lower() in ('önce', 'once') else word} {found.group(1)}"


LANGUAGE = Language(
    code="tr",
    phrases=unmarked({**_NOUNS, **_WORDS}, {"ı": "i"}),
    weak=words(
        "at in a e i u da de ya ye dan den ten te ta pop rock rap metal punk blues hit hits playlist yoga salon "
        "bi gaz baba dans parti cal"
    ),
    letters="şğı",
    joins=words("ve veya"),
    segment=segment,
)
