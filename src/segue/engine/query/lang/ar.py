"""Arabic request words as members type them, in Arabic script and in Arabizi, the Latin letters and digits of chat
('عايز اغاني هادية للمذاكرة', 'msh 3ayez rap, 7aga pop 7elwa', 'aghani mn el tesinat'), Egyptian, Levantine and
Gulf alike, read as the English the scan knows. Arabic glues 'the' (ال) and 'for the' (لل) to its nouns: the table
lists the forms people type. `normalize_name` folds the hamza and the short vowels ('أغاني' is 'اغاني'); `segment`
writes Arabic-Indic digits as Western ones ('١٠ اغاني'). Requests only: the interface has no Arabic catalog yet."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_SCRIPT = table(
    """
    اغاني=songs اغانى=songs الاغاني=songs اغنية=song اغنيه=song موسيقى=music موسيقي=music الموسيقى=music
    مزيكا=music مزيكا_هادية=calm_music تراك=track تراكات=tracks

    حزينة=sad حزين=sad حزينه=sad هادية=calm هادئة=calm هادي=calm هادئ=calm هاديه=calm رومانسية=romantic
    رومانسي=romantic رومانسيه=romantic حماس=hype حماسية=hype حماسيه=hype صاخبة=loud صاخبه=loud تفرح=happy
    فرحانة=happy مبهجة=happy سعيدة=happy سعيده=happy رايقة=chill رايقه=chill نشيطة=energetic قوية=energetic
    بيانو=piano اكوستك=acoustic اكوستيك=acoustic جيتار=guitar

    للمذاكرة=for_studying المذاكرة=studying مذاكرة=studying للدراسة=for_studying للجيم=for_the_gym جيم=gym
    الجيم=gym للرياضة=for_workout للحفلة=for_a_party حفلة=party الحفلة=party للسواقة=for_driving سواقة=driving
    السواقة=driving للتركيز=for_focus تركيز=focus للنوم=for_sleep نوم=sleep للفرح=for_a_wedding فرح=wedding
    للشغل=for_work للطبخ=for_cooking

    راب=rap الراب=rap روك=rock الروك=rock بوب=pop البوب=pop جاز=jazz الجاز=jazz كلاسيكية=classical
    كلاسيكي=classical كلاسيك=classical ميتال=metal الميتال=metal عربي=arabic عربية=arabic العربي=arabic
    خليجية=arabic خليجي=arabic

    مش_عايز=no مش_عايزة=no ما_بدي=no ما_ابي=no مابي=no انا= يا_باشا=
    عايز=i_want عايزة=i_want ابي=i_want ابغى=i_want ابغي=i_want بدي=i_want اريد=i_want عطني=give_me عطيني=give_me
    ادني=give_me شغل=play شغلي=play شغلى=play شغللي=play

    زي=like مثل=like متل=like بدون=without من_غير=without مش=not مو=not ما=not غير=except الا=except
    اي_حاجة=anything اي_شي=anything اي=any حاجة=something شي=something بس=but و=and او=or جدا=very اوي=very
    كتير=very من=from في=in على=on ال=

    التسعينات=90s تسعينات=90s الثمانينات=80s ثمانينات=80s السبعينات=70s سبعينات=70s الستينات=60s
    الالفينات=2000s الفينات=2000s بعد=after قبل=before سنة= عام=

    معروفة=famous مشهورة=famous مش_معروفة=lesser_known مش_مشهورة=lesser_known قديمة=old قديم=old قديمه=old
    جديدة=new جديد=new جديده=new كلام=lyrics بدون_كلام=without_lyrics
    """
)

_ARABIZI = table(
    """
    aghani=songs a8ani=songs aghany=songs aghaani=songs oghniya=song ughniya=song mazika=music mazzika=music
    musi2a=music

    7azina=sad 7azin=sad hazina=sad 7azeen=sad ra2e2a=gentle ra2ee2a=gentle ra2i2a=gentle hadya=calm hadi=calm
    hady=calm hadye=calm hadia=calm 7elwa=good 7elw=good helwa=good mabsota=happy mabsout=happy mabsoot=happy
    far7ana=happy mdaye2=angry metdaye2=angry za3lan=angry 3anifa=aggressive 3anif=aggressive 3alya=loud
    3aly=loud nashat=energetic romansy=romantic romansi=romantic a7zan=sadder ahda=calmer arwa2=calmer

    lel=for lil=for lal=for le=for nom=sleep noum=sleep mozakra=studying mozakara=studying mudhakara=studying
    dirasa=studying fara7=wedding far7=wedding batbo5=cooking batbokh=cooking tab5=cooking sewa2a=driving
    sowa2a=driving

    msh_3ayez=no msh_3ayza=no mesh_3ayez=no mish_3ayez=no mosh_3ayez=no ma_bade=no ma_bidi=no mabdi=no
    ana= ya_basha= ya_3am= tkon= tkoon= yakon= bidi_shi=i_want_something bade_shi=i_want_something
    3ayez=i_want 3ayza=i_want 3awez=i_want bade=i_want bidi=i_want baddi=i_want abi=i_want abgha=i_want
    shaghal=play sha8al=play shaghghal=play shaghali=play

    zay=like zai=like zy=like metl=like mitl=like mtl=like msh=not mesh=not mish=not mosh=not mush=not
    8er=except gheir=except ghir=except 8eir=except ghair=except bas=but bs=but w=and aw=or gedan=very awi=very
    awy=very keteer=very ktir=very ay_7aga=anything ay_haga=anything ay_shi=anything 7aga=something haga=something
    shi=something mn=from men=from min=from el=

    tesinat=90s tis3inat=90s tes3inat=90s tisinat=90s tamaninat=80s tamanenat=80s tamaneenat=80s sab3inat=70s
    setinat=60s alfinat=2000s ba3d=after ba3ed=after 2abl=before abl=before qabl=before

    ramadan= ramadan_kareem= 3arabi=arabic arabi=arabic khaleeji=arabic 5aleegy=arabic 5aliji=arabic tarab=
    2adim=old adim=old 2adima=old
    gdid=new gedid=new gdida=new gedida=new mahraganat=party_bangers mahragan=party_bangers
    """
)

_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INDIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def segment(text: str) -> str:
    """`text` with Arabic-Indic and Persian digits written as Western ones ('١٠ اغاني' -> '10 اغاني')."""
    return text.translate(_INDIC) if _INDIC_DIGIT.search(text) else text


LANGUAGE = Language(
    code="ar",
    phrases={**_SCRIPT, **_ARABIZI},
    weak=words(
        "el w aw ana bas bs shi ma men min mn le lil abl adim abi gym party bade hady hadi hadia nom w aw ahda "
        "metl awi arabi zai zy mosh mush bidi haga"
    ),
    joins=words("و او w aw"),
    segment=segment,
)
