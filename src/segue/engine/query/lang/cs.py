"""Czech request words as members type them, often without their marks ('smutne pisnicky', 'neco klidnyho na
uceni', 'rock z 80. let', 'žádnej pop, dej mi rock'), read as the English the scan knows. Czech declines: an
adjective's stem takes '*' with the written and the spoken endings ('smutn*': smutné, smutný, smutných, spoken
smutnej, smutnejch, smutnýho), and an act's name takes a case ending undone as Polish's is ('od Eminema', 'podobnýho
Nirvaně', 'od Linkin Parku'). `normalize_name` folds the marks, so 'písničky' and 'pisnicky' are one key. A decade is
'z 80. let' (`segment` writes it '80s') or a word ('osmdesátky', 'z devadesátek')."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_ENDINGS = (
    "ý", "á", "é", "í", "ého", "ému", "ým", "ých", "ými", "ou", "ej", "ejch", "ýho", "ejma", "ejm",
    "ího", "ímu", "ím", "ích", "ími",
)  # fmt: skip
"""An adjective's endings, written and spoken ('smutn*': smutný, smutná, smutných, smutnej, smutnejch, smutnýho)."""

_ADJECTIVES = table(
    """
    smutn*=sad vesel*=happy klidn*=calm pomal*=slow rychl*=fast tich*=quiet hlasit*=loud agresivn*=aggressive
    romantick*=romantic energick*=energetic tvrd*=heavy temn*=dark melancholick*=melancholic
    nostalgick*=nostalgic akustick*=acoustic instrumentáln*=instrumental znám*=famous neznám*=unknown
    populárn*=popular nov*=new star*=old dobr*=good nejlepš*=best česk*=czech slovensk*=slovak anglick*=english
    americk*=american elektronick*=electronic jazzov*=jazz rockov*=rock letn*=summer zimn*=winter
    nočn*=night rann*=morning vánočn*=christmas podobn*=similar uklidňující*=calming relaxačn*=relaxing
    tanečn*=danceable naštvan*=angry nasran*=angry pohodov*=chill chillov*=chill depresivn*=depressing
    """,
    _ENDINGS,
)

_WORDS = table(
    """
    písnička=song písničky=songs písniček=songs písničku=song písničkama=songs píseň=song písně=songs
    songy=songs songů=songs skladby=tracks skladba=track skladeb=tracks hudba=music hudbu=music hudby=music
    hudbě=music muzika=music muziku=music muziky=music kapela=band kapely=bands kapel=bands zpěvák=singer
    zpěvačka=female_singer zpěvačky=female_singers hity=hits hitů=hits hit=hit bangery=bangers klasika=classical
    klasiku=classical

    na_spaní=for_sleep ke_spaní=for_sleep spaní=sleep na_učení=for_studying učení=studying na_učení_se=for_studying
    učit_se=studying na_cvičení=for_workout cvičení=workout do_posilovny=for_the_gym posilovna=gym posilovny=gym
    do_posilky=for_the_gym posilka=gym posilky=gym na_běh=for_running běh=running běhání=running na_párty=for_a_party
    párty=party pařba=party parba=party na_pařbu=for_a_party na_parbu=for_a_party na_rande=for_a_date_night
    rande=date_night do_auta=for_driving v_autě=driving na_cestu=for_a_road_trip k_táboráku=for_a_campfire
    táborák=campfire s_kytarou=with_guitar kytara=guitar kytarou=guitar na_pozadí=in_the_background
    pozadí=background na_vaření=for_cooking vaření=cooking na_úklid=for_cleaning úklid=cleaning do_práce=for_work
    práce=work na_soustředění=for_focus soustředění=focus na_zlepšení_nálady=to_cheer_me_up nálady=
    diskotéka=disco diskotéce=disco jak_na_diskotéce=like_at_a_disco potichu=quiet

    něco_jako=something_like jako=like podobné_jako=similar_to podobný_jako=similar_to něco_podobnýho=something_like
    něco_podobného=something_like ve_stylu=in_the_style_of typu=like

    bez=without žádný=no žádnej=no žádná=no žádné=no ne=not ani=nor kromě=except cokoliv=anything
    cokoliv_kromě=anything_but cokoli_kromě=anything_but ale=but a=and nebo=or jen=only jenom=only víc=more
    více=more míň=less méně=less hodně=very fakt=really moc=very málo=little málo_známej=lesser_known
    málo_známý=lesser_known málo_známé=lesser_known at_se_trese_barak=loud ať_se_třese_barák=loud

    dej_mi=give_me dejte_mi=give_me dej=give_me pošli=give_me pošlete=give_me pusť=play pusťte=play pustit=play
    doporuč=recommend doporučte=recommend doporučíte=recommend chci=i_want potřebuju=i_need potřebuji=i_need
    hledám=looking_for prosím=please díky=thanks něco=something nějaký=some nějakej=some nějaké=some
    nějakou=some dneska=today teď=now mi= mě= jsem=i_am se= si= od=by

    jeden=one jednu=one dva=two dvě=two tři=three čtyři=four pět=five šest=six sedm=seven osm=eight devět=nine
    deset=ten

    klidnější=calmer klidnejsi=calmer veselejší=happier smutnější=sadder rychlejší=faster pomalejší=slower
    tvrdší=heavier tišší=quieter novější=newer starší=older známější=more_famous

    šedesátky=60s šedesátek=60s sedmdesátky=70s sedmdesátek=70s osmdesátky=80s osmdesátek=80s devadesátky=90s
    devadesátek=90s nultý_léta=2000s nultá_léta=2000s z=from ze=from po_roce=after před_rokem=before
    od_roku=since roce= rokem= let=

    na=for do=for pro=for k=for ke=for v=in ve=in o=about s=with
    """
)

_DECADE = re.compile(r"(?<![\w-])(z\s+|ze\s+)?((?:19|20)?\d0)\.\s*(?:let|léta|leta)(?![\w])", re.IGNORECASE)
"""'z 80. let', '90. léta': the decade as the scan writes it ('80s')."""


def segment(text: str) -> str:
    """`text` with Czech decades as the scan writes them ('rock z 80. let' -> 'rock from 80s')."""
    lowered = text.lower()
    if "let" not in lowered and "léta" not in lowered:
        return text
    return _DECADE.sub(lambda m: f"{'from ' if m.group(1) else ''}{m.group(2)}s", text)


LANGUAGE = Language(
    code="cs",
    phrases={**_ADJECTIVES, **_WORDS},
    weak=words(
        "a na do pro to se mi ne z s v k o ve ke jak hit fakt moc dej star stara stare staru let me min party nova"
    ),
    letters="ěřůčšž",
    joins=words("a nebo"),
    name_cases=(("a", ""), ("u", ""), ("e", "a"), ("ovi", ""), ("em", "")),
    segment=segment,
)
