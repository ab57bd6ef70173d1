"""Dutch request words (the Netherlands' and Flanders'), read as the English the scan knows ('droevige nummers uit
de jaren 80 zonder rap' -> 'sad songs from the 80s without rap'). Adjectives take '*' (the word and its '-e' form:
'droevig', 'droevige'); 'jaren 80' and 'tachtiger jaren' are decades; compounds ending in -muziek, -nummers,
-liedjes or -plaatjes are split ('feestmuziek' -> 'party music', 'technoplaatjes' -> 'techno tracks')."""

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_ADJECTIVES = table(
    """
    droevig*=sad verdrietig*=sad triest*=sad melancholisch*=melancholic vrolijk*=happy blij*=happy
    gelukkig*=happy rustig*=calm kalm*=calm ontspannen*=relaxed relaxt*=relaxed chill*=chill
    romantisch*=romantic energiek*=energetic opzwepend*=energetic snell*=fast traag*=slow langzam*=slow
    akoestisch*=acoustic nostalgisch*=nostalgic duister*=dark donker*=dark boos*=angry kwaad*=angry
    agressief*=aggressive agressiev*=aggressive zacht*=soft dansbar*=danceable dromerig*=dreamy
    motiverend*=motivational onbekend*=unknown bekend*=famous beroemd*=famous populair*=popular nieuw*=new
    oud*=old klassiek*=classical elektronisch*=electronic instrumentaal*=instrumental instrumental*=instrumental
    goed*=good lekker*=good mooi*=beautiful heftig*=heavy hard*= zwaar*=heavy luid*=loud
    nederlands*=dutch vlaams*=belgian belgisch*=belgian duits*=german frans*=french spaans*=spanish
    engels*=english amerikaans*=american brits*=british italiaans*=italian japans*=japanese koreaans*=korean
    braziliaans*=brazilian alternatief*=alternative alternatiev*=alternative progressief*=progressive
    nederlandstalig*=dutch vlaamstalig*=belgian trage=slow langzaam=slow zware=heavy boze=angry dansbaar=danceable
    progressieve=progressive instrumentale=instrumental druk*=loud
    gezellig*=cozy knus*=cozy
    psychedelisch*=psychedelic vrolijker*=happier droeviger*=sadder rustiger*=calmer sneller*=faster
    trager*=slower zachter*=softer nieuwer*=newer ouder*=older
    """,
    ("", "e"),
)

_WORDS = table(
    """
    muziek=music muziekje=music muziekjes=music nummer=song nummers=songs numers=songs nummertje=song
    nummertjes=songs liedje=song liedjes=songs lied=song liederen=songs plaatje=track plaatjes=tracks plaat=track
    platen=records track=track tracks=tracks band=band bands=bands bandje=band bandjes=bands artiest=artist
    artiesten=artists zanger=singer zangeres=singer playlist=playlist afspeellijst=playlist album=album
    albums=albums hits=hits hitjes=hits meezingers=singalongs meezinger=singalong

    hiphop=hip_hop nederhop=dutch_hip_hop nederpop=dutch_pop levenslied=dutch_schlager levensliedjes=dutch_schlager
    levensliederen=dutch_schlager smartlap=dutch_schlager smartlappen=dutch_schlager klassiek=classical
    klassieke_muziek=classical klassiekers=classics klassieker=classic elektronische_muziek=electronic
    dance=dance jazz=jazz rock=rock pop=pop metal=metal punk=punk techno=techno house=house hardstyle=hardstyle
    gabber=gabber hardcore=hardcore carnavalsmuziek=carnival carnaval=carnival kerstmuziek=christmas
    kerstliedjes=christmas_songs kerst=christmas

    iets=something wat=something zoiets=something_like iets_zoals=something_like zoals=like als=like
    iets_als=something_like lijkt_op=like vergelijkbaar_met=similar_to
    een_beetje_zoals=a_bit_like

    en=and of=or met=with zonder=without maar=but maar_dan=but geen=no niet=not ni=not niks=no nee=no
    alles_behalve=anything_but behalve=except liever_geen=no liefst_geen=no maar_liever_geen=but_no
    maar_niet=but_not
    alleen=only gewoon= eens= ff= effe= even= zonder_tekst=without_lyrics zonder_zang=without_vocals
    zonder_woorden=without_lyrics met_zang=with_vocals vrouwelijke_zang=female_vocals

    gooi=recommend gooi_eens=recommend tips=recommend tip=recommend raad=recommend aanraden=recommend
    geef=give_me geef_me=give_me geef_mij=give_me zet=play zet_eens=play speel=play draai=play draaien=play
    zoek=looking_for ik_zoek=looking_for wil=i_want ik_wil=i_want heb=i_need nodig= ik=i me= mij= mijn=my
    aub=please alsjeblieft=please alstublieft=please pls=please plz=please

    een=a twee=two drie=three vier=four vijf=five zes=six zeven=seven acht=eight negen=nine tien=ten
    paar=a_few een_paar=a_few

    jaren= de_jaren= uit_de_jaren=from_the jaren_zestig=60s jaren_zeventig=70s jaren_tachtig=80s
    jaren_negentig=90s zestiger_jaren=60s zeventiger_jaren=70s tachtiger_jaren=80s negentiger_jaren=90s
    de_tachtiger_jaren=80s de_negentiger_jaren=90s de_zeventiger_jaren=70s de_zestiger_jaren=60s voor=for
    na=after sinds=since uit=from

    om_te_studeren=for_studying studeren=studying studie=studying blokken=studying om_te_blokken=for_studying
    leren=studying werken=work concentreren=focus focussen=focus te_concentreren=focus om_op_te_focussen=for_focus
    sportschool=gym gym=gym sporten=workout trainen=workout training=workout hardlopen=running lopen=running
    slapen=sleep om_te_slapen=for_sleep inslapen=sleep feest=party feestje=party feesten=party fuif=party
    party=party borrel=party verjaardag=birthday bruiloft=wedding trouwerij=wedding dansen=dance
    koken=cooking het_koken=cooking opruimen=cleaning schoonmaken=cleaning poetsen=cleaning date=date_night
    roadtrip=road_trip autorit=driving in_de_auto=driving rijden=driving regen=rainy regenachtige=rainy
    nacht=night avond=evening ochtend=morning zomer=summer winter=winter herfst=autumn lente=spring
    liefde=love over_liefde=about_love liefdesverdriet=heartbreak verdriet=sad huilen=to_cry_to
    ontspannen=relaxing relaxen=relaxing chillen=chill vibes=vibes sfeer=atmospheric ambiance=party
    ambiancemuziek=party_music
    gamen=gaming gamesessie=gaming koffie=coffee wandelen=walk wandeling=walk diner=dinner eten=dinner

    te_druk=too_loud niet_te_druk=not_too_loud ni_te_druk=not_too_loud in_het_nederlands=in_dutch
    opruim=cleaning studeer=studying sport=workout slaap=sleep werk=work dans=dance zomer=summer feest=party
    zondagochtend=sunday_morning zondagmiddag=sunday_afternoon zaterdagavond=saturday_night vrijdagavond=friday_night
    zondag=sunday zaterdag=saturday vrijdag=friday maandag=monday ochtend=morning middag=afternoon
    bigroom=big_room voorpret= graag=please indrinken=pregame
    voor_tijdens=during tijdens=during het=the de=the om=to te=to op= bij=at aan=on in=in
    mijn=my je=your jouw=your onze=our die=that dat=that deze=these dit=this meer=more minder=less
    heel=very erg=very zo=so echt=really wel= toch= nog=still beetje=a_bit wat_rustiger=calmer
    """
)

_DUTCH = re.compile(
    r"(?i)\b(?:liedjes|liedje|nummers?|nummertjes|plaatjes|muziek|iets|zoiets|maar|geen|niet|een|het)\b"
)
_NOT_THEIRS = re.compile(r"(?i)\b(?:maar )?niet van (?:hun ?zelf|hen|hun|haar|hem)\b")
_YEARS = re.compile(r"(?i)\bvan (na|voor) ((?:19|20)\d\d)\b")
_WHOSE = re.compile(
    r"(?i)\b(liedjes|liedje|nummers|nummertjes|plaatjes|platen|hits|muziek|bangers|songs|albums?) van\b"
)
_STYLE_OF = re.compile(r"(?i)\bin de stijl van\b")


def segment(text: str) -> str:
    """`text` with Dutch's 'van' said in English where it is 'by' or 'from' ('liedjes van queen' -> 'liedjes by
    queen', 'van na 2015' -> 'after 2015', 'maar niet van hun zelf' -> 'but not them'), in a request with a Dutch
    word only: 'van' is too often part of a name (Van Morrison, Armin van Buuren) to be a table word, which would
    make 'la oreja de van gohg' a request rather than a misspelt name."""
    if "van" not in text.lower():
        return text
    # 'van na 2015' and 'van voor 2000' are Dutch whatever else is typed ('rap van voor 2000').
    text = _YEARS.sub(lambda m: f"{'after' if m.group(1).lower() == 'na' else 'before'} {m.group(2)}", text)
    if not _DUTCH.search(text):
        return text
    text = _NOT_THEIRS.sub(" but not them ", _STYLE_OF.sub("in the style of", text))
    return _WHOSE.sub(r"\1 by", text)


LANGUAGE = Language(
    code="nl",
    phrases={**_ADJECTIVES, **_WORDS},
    weak=words(
        "in om te de me die dat dit zo wat en of na erg hard oud band bands album albums track tracks rock pop "
        "metal punk techno house jazz dance party gym date roadtrip vibes hits pls plz winter diner hardcore tips "
        "tip heel even op met ambiance training sport boos"
    ),
    joins=words("en of"),
    decade_leads=words("jaren de_jaren uit_de_jaren"),
    segment=segment,
    compound_heads={
        "muziek": "music",
        "nummers": "songs",
        "nummertjes": "songs",
        "liedjes": "songs",
        "plaatjes": "tracks",
        "platen": "records",
        "hits": "hits",
        "bandjes": "bands",
        "bands": "bands",
    },
    unwritten="ñãõçàìòùâ",
)
