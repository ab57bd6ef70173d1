"""Hindi and Punjabi as members type them, in Latin letters (Hinglish: 'gym ke liye punjabi gaane', 'arijit jaise
gaane but thode upbeat'), read as the English the scan knows; the English words stay as typed. Hindi puts 'like',
'not', 'except' and 'before' after what they are about ('drake jaisa', 'rap nahi', 'metal ke alawa', '2010 se
pehle'), so `segment` first says them before it, as English does. Requests only: the interface has no Hindi
catalog yet."""

from __future__ import annotations

import re

from segue.engine.query.lang._after import like_first, said_first
from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_WORDS = table(
    """
    gaane=songs gane=songs gaana=songs gana=songs gaanay=songs gaaney=songs gaaneya=songs ganeya=songs geet=songs
    gaano=songs gaanon=songs sangeet_wale=sangeet
    sunao=play suna_do=play sunado=play chala_do=play chalao=play chalado=play laga_do=play lagao=play
    laga_de=play bajao=play baja_do=play daal_do=play dal_do=play daalo=play de_do=play dedo=play de_de=play
    batao=recommend bata_do=recommend batado=recommend suggest_karo=recommend recommend_karo=recommend
    jaise=like jaisa=like jaisi=like jese=like jesa=like jaise_hi=like ki_tarah=like ki_tarah_ke=like
    bina=without alawa=except alava=except ilawa=except siwa=except nahi=no nahin=no nai=no mat=no
    pehle=before baad=after thode=more thoda=more thodi=more zyada=more jyada=more kam=less

    ke_liye= ke_liye_gaane=songs_for liye= ke= ka= ki= ko= se= mein= me= wala= wale= wali= waala= waale= waali=
    kuch=something koi=some mujhe= muje= humko= hume= chahiye= chaiye= chahie= chahte= hai= hain= ho= tha= the_=
    yaar= yar= bhai= bai= bhaiyo= bro= bas= sirf=only aur=and ya=or par=but lekin=but sunna= sunne= sunni= sunte=
    karte= karne= karo= kar= waqt= time_pe= sa= si= ekdum= bilkul= dil_se= tusi= sanu= menu= kujh=something
    vadiya=good wadiya=good badhiya=good badiya=good accha=good acha=good achha=good achhe=good acche=good
    mast=good sohne=beautiful sohna=beautiful

    sad_wale=sad dukhi=sad udaas=sad udas=sad dard=sad dard_bhare=sad rona=sad rone=to_cry_to emotional=emotional
    khush=happy khushi=happy khush_karne=happy mood_fresh=happy fresh_mood=happy
    pyaar=love pyar=love ishq=love mohabbat=love prem=love pyaar_wale=love_songs
    dil_toota=heartbreak toota_dil=heartbreak dil_tootne=heartbreak breakup_wale=breakup bewafa=heartbreak
    shant=calm shaant=calm sukoon=calm sukun=calm aaram=relaxing araam=relaxing sone=sleep neend=sleep
    sone_se_pehle=before_sleep
    padhai=studying padhne=studying padhte=studying padhaai=studying kaam=work josh=energetic joshila=energetic
    dhamakedar=bangers dhamaakedar=bangers nachne=dance nachna=dance naachne=dance naach=dance nacho=dance
    shaadi=shaadi shadi=shaadi vyah=shaadi viah=shaadi
    baarish=rainy barish=rainy baarish_wale_din=rainy_day barish_wale_din=rainy_day raat=night raat_ko=at_night
    subah=morning safar=road_trip lambi_drive=long_drive gaadi=car gaddi=car

    retro=old purane=old purana=old purani=old naye=new naya=new nayi=new nai_wale=new latest=latest
    hindi=hindi punjabi=punjabi

    ek=one teen=three char=four chaar=four paanch=five panch=five chhe=six saat=seven aath=eight nau=nine
    das=ten do_gaane=two_songs
    """
)

_NAME_ENDS = words(
    """
    aur par but bas pls please yaar yar bhai mujhe muje koi kuch ke ki ka ko liye se hai ho sunao chahiye and or
    some something songs gaane gane gaana kuchh mere meri mera
    """
)
"""Words a name does not run through, back from a 'like' said after it ('mujhe drake jaisa kuch')."""
_LIKE = frozenset({"jaise", "jaisa", "jaisi", "jese", "jesa"})
_AFTER_WHAT = re.compile(
    r"(?i)\b([\w&'-]+(?: (?:hop|fi|pop|metal|rock|house|music|songs|gaane))?) "
    r"(nahi|nahin|ke alawa|ke alava|ke ilawa|ke siwa|ke bina|ko chhod ke|ko chhodke|chhodke)\b"
)
"""What is left out, then the word that leaves it out ('rap nahi', 'hip hop ke alawa'): said before it."""
_NOT_LEFT_OUT = words("mujhe muje kuch koi hai ho pata chahiye bilkul bhi toh to bas ekdum")
_YEARS_BEFORE = re.compile(r"(?i)\b((?:19|20)\d\d|\d0s)\s+(?:se\s+)?pehle\b")
_YEARS_AFTER = re.compile(r"(?i)\b((?:19|20)\d\d|\d0s)\s+(?:ke\s+)?baad\b")
_YEARS_SINCE = re.compile(r"(?i)(?<!\ben )(?<!\bem )(?<!\bin )\b((?:19|20)\d\d)\s+se\b(?!\s+pehle)")
"""'2015 se' is since 2015; not Spanish or Portuguese 'en 2010 se escuchaba'."""
_LEFT_OUT_FIRST = said_first(_NOT_LEFT_OUT)


def segment(text: str) -> str:
    """`text` with Hindi's after-words said first: 'drake jaisa kuch chill' -> 'jaisa drake kuch chill', 'rap nahi
    chahiye' -> 'nahi rap chahiye', '2010 se pehle' -> 'pehle 2010'. Only these Hindi words move anything, so an
    English request is returned as it is."""
    low = text.lower()
    if not any(w in low for w in ("jais", "jes", "nahi", "alawa", "alava", "ilawa", "siwa", "bina", "chhod")) and (
        "pehle" not in low and "baad" not in low and " se " not in low
    ):
        return text
    text = _YEARS_BEFORE.sub(r"pehle \1", text)
    text = _YEARS_AFTER.sub(r"baad \1", text)
    text = _YEARS_SINCE.sub(r"since \1", text)
    text = _AFTER_WHAT.sub(_LEFT_OUT_FIRST, text)
    return like_first(text, _LIKE, _NAME_ENDS, 5)


LANGUAGE = Language(
    code="hi",
    phrases=_WORDS,
    weak=words(
        "do de se par me the_ ho ya mat kam teen das char ek sa si bro latest retro hindi punjabi emotional time_pe"
    ),
    joins=words("aur ya"),
    segment=segment,
)
