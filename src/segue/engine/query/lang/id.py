"""Indonesian (and Malaysian) request words as members type them, slang and all ('lagu galau dong', 'kasih 5 lagu
sedih', 'rock tapi jangan metal', 'lagu2 tahun 80an'), read as the English the scan knows. Indonesian does not
inflect: a plural is the word twice ('lagu-lagu', 'lagu2'), a decade is '80an' or 'tahun 80an', and the
particles that soften a request ('dong', 'sih', 'ya', 'aja') are dropped; `segment` writes the decades as '80s'
and a doubled word written with a 2 in full."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_WORDS = table(
    """
    lagu=songs lagu_lagu=songs lagunya=songs lagu_lagunya=songs musik=music musiknya=music tembang=songs
    playlist=playlist album=album band=band penyanyi=singer artis=artist penyanyi_cewek=female_singers
    penyanyi_cowok=male_singers

    galau=sad sedih=sad mellow=mellow baper=emotional patah_hati=heartbreak sakit_hati=heartbreak
    ceria=happy senang=happy seneng=happy bahagia=happy gembira=happy semangat=upbeat bersemangat=upbeat
    santai=relaxed kalem=calm tenang=calm adem=calm pelan=slow lambat=slow cepat=fast ngebut=fast
    enerjik=energetic energik=energetic keras=heavy kenceng=loud romantis=romantic mesra=romantic
    kesel=angry kesal=angry marah=angry emosi=angry gelap=dark serem=dark seram=dark nostalgia=nostalgic
    akustik=acoustic instrumental=instrumental tanpa_lirik=without_lyrics gak_ada_liriknya=without_lyrics
    yg_gak_ada_liriknya=without_lyrics tanpa_vokal=without_vocals enak=good bagus=good keren=good mantap=good
    mantul=good asik=good asyik=good seru=fun seru_seru=fun hits=hits populer=popular terkenal=famous
    gak_terkenal=lesser_known kurang_terkenal=lesser_known jarang_didengar=lesser_known underrated=underrated
    baru=new terbaru=new lama=old jadul=old jaman_dulu=old zaman_dulu=old lawas=old klasik=classical
    musik_klasik=classical elektronik=electronic musik_elektronik=electronic barat=western lokal=indonesian
    indonesia=indonesian indo=indonesian jepang=japanese korea=korean

    buat=for untuk=for utk=for pas=for waktu=while sambil=while lagi= nemenin=for menemani=for
    belajar=studying nugas=studying ngerjain_tugas=studying kerja=work fokus=focus tidur=sleep pengantar_tidur=for_sleep
    sebelum_tidur=before_sleep olahraga=workout nge_gym=gym ngegym=gym gym=gym lari=running jogging=running
    party=party pesta=party joget=dance goyang=dance dansa=dance nari=dance masak=cooking bersih_bersih=cleaning
    beres_beres=cleaning beres_beres_rumah=cleaning nyapu=cleaning nyetir=driving perjalanan=road_trip
    road_trip=road_trip jalan_jalan=road_trip mudik=road_trip nge_date=date_night ngedate=date_night
    kencan=date_night ayang=my_partner pacar=my_partner hujan=rainy pas_hujan=rainy malam=night malem=night
    malam_minggu=saturday_night malem_minggu=saturday_night pagi=morning sore=evening senja=sunset
    rumah=home di_rumah=at_home dari_rumah=from_home kerja_dari_rumah=work_from_home wfh=work_from_home
    ngopi=coffee sambil_ngopi=with_coffee kopi=coffee nikahan=wedding pernikahan=wedding ulang_tahun=birthday
    ultah=birthday main_game=gaming ngegame=gaming nge_game=gaming mabar=gaming

    kayak=like kaya=like seperti=like mirip=similar_to mirip_sama=similar_to mirip_dengan=similar_to
    yang_mirip=similar_to yg_mirip=similar_to ala=like gaya=in_the_style_of sejenis=like

    dan=and sama=and atau=or tapi=but tp=but namun=but tanpa=without jangan=no gak=no ga=no nggak=no
    enggak=no tidak=no bukan=not asal_bukan=anything_but kecuali=except selain=except gak_ada=no ga_ada=no
    tak_nak=no tak=no nak= je= aja= saja= doang=only cuma=only hanya=only lebih=more kurang=less agak=a_bit
    banget=very bgt=very sekali=very paling=the_most terlalu=too jangan_lagu_mereka=not_them
    bukan_lagu_mereka=not_them jangan_mereka=not_them

    rekomendasi=recommend rekomen=recommend rekomendasiin=recommend saranin=recommend kasih=give_me kasi=give_me
    minta=give_me puterin=play putar=play puter=play setel=play setelin=play cariin=find nyari=looking_for
    cari=looking_for mau=i_want pengen=i_want pingin=i_want butuh=i_need dong= sih= deh= nih= ya= yah= yaa=
    kak= gan= bro= guys= plis=please tolong=please

    satu=one dua=two tiga=three empat=four lima=five enam=six tujuh=seven delapan=eight sembilan=nine
    sepuluh=ten beberapa=a_few

    tahun= thn= sebelum=before setelah=after sesudah=after sejak=since dari=from era=era
    yang= yg= ada= bisa= gitu= gini= ini=this itu=that di=in ke=to nya= aku= gue= gw= saya= ku= mereka=them
    """
)

_DECADE = re.compile(r"(?i)(?<![\w-])(?:tahun\s+|thn\s+)?((?:19|20)?\d0)\s*-?\s*an(?![\w])")
"""'80an', 'tahun 80an', '2000-an': the decade as the scan writes it ('80s')."""
_DOUBLED = re.compile(r"(?i)\b([a-z]{2,})2\b")
"""'lagu2', 'beres2': the doubled word written out ('lagu lagu'), as 'lagu-lagu' is read and the table has it."""
_INDONESIAN = re.compile(r"(?i)\b(?:lagu\w*|musik\w*|yg|yang|buat|dong|gak|tapi|kayak|mirip|tahun|kasih|jangan)\b")


def segment(text: str) -> str:
    """`text` with Indonesian decades as the scan writes them ('lagu rock tahun 80an' -> 'lagu rock 80s') and its
    doubled words written out ('lagu2' -> 'lagu lagu'); a request without an Indonesian word is returned as it is."""
    if not _INDONESIAN.search(text) and not _DECADE.search(text):
        return text
    return _DOUBLED.sub(r"\1 \1", _DECADE.sub(r"\1s", text))


LANGUAGE = Language(
    code="id",
    phrases=_WORDS,
    weak=words(
        "pas lagi waktu sama kaya ala gaya tak album band party gym hits jogging underrated mellow instrumental "
        "playlist road_trip era ini itu di ke ya nih bro guys dan lama baru sore mau kak dua nostalgia lima ga"
    ),
    joins=words("dan atau"),
    segment=segment,
)
