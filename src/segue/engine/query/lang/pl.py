"""Polish request words, read as the English the scan knows ('smutne piosenki z lat 80 bez rapu' -> 'sad songs from
80s without rap'). Polish inflects: an adjective's stem takes '*' (each case, gender and number ending), a noun
lists the forms people type. Members often type without Polish letters ('wesole', 'silka'): the table holds each
word with 'ł' and as 'l' (`unmarked`). A decade is written 'lata 80', 'z lat
80', '80.', '80-tych' or as a word ('osiemdziesiątki'): `segment` makes the numeric forms '80s'."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, unmarked, words

__all__ = ["LANGUAGE", "segment"]

_HARD = ("y", "a", "e", "ego", "emu", "ym", "ą", "ej", "ych", "ymi", "i")
"""A hard-stem adjective's endings ('smutn*': smutny, smutna, smutne, smutnego, smutnych, smutną...)."""
_SOFT = ("i", "a", "ia", "ie", "iego", "iemu", "im", "ą", "ią", "iej", "ich", "imi")
"""A soft- or k/g-stem adjective's endings ('polsk*': polski, polska, polskie, polskiego; 'letn*': letni, letnia)."""

_HARD_ADJECTIVES = table(
    """
    smutn*=sad smętn*=sad przygnębiając*=depressing dołując*=depressing depresyjn*=depressing
    spokojn*=calm wyciszając*=calm cich*=calm łagodn*=gentle delikatn*=gentle
    wesoł*=happy radosn*=happy pozytywn*=upbeat optymistyczn*=happy energetyczn*=energetic energiczn*=energetic
    żywioł*=energetic motywując*=motivational romantyczn*=romantic melancholijn*=melancholic
    nostalgiczn*=nostalgic mroczn*=dark ciemn*=dark agresywn*=aggressive wściekł*=angry wkurzon*=angry
    taneczn*=danceable relaksacyjn*=relaxing relaksując*=relaxing odprężając*=relaxing nastrojow*=atmospheric
    klimatyczn*=atmospheric piękn*=beautiful instrumentaln*=instrumental akustyczn*=acoustic
    epickn*=epic woln*=slow głośn*=loud ostr*=heavy mocn*=heavy
    znan*=famous nieznan*=unknown mało_znan*=lesser_known malo_znan*=lesser_known mniej_znan*=less_known
    popularn*=popular niszow*=lesser_known undergroundow*=underground mainstreamow*=mainstream
    star*=old now*=new śwież*=new nowoczesn*=modern klasyczn*=classical elektroniczn*=electronic
    jazzow*=jazz dżezow*=jazz rockow*=rock popow*=pop rapow*=rap hiphopow*=hip_hop metalow*=metal
    punkow*=punk folkow*=folk bluesow*=blues klubow*=club imprezow*=party gitarow*=guitar
    alternatywn*=alternative psychodeliczn*=psychedelic progresywn*=progressive
    zimow*=winter jesienn*=autumn wiosenn*=spring nocn*=night porann*=morning wieczorn*=evening
    świąteczn*=christmas bożonarodzeniow*=christmas deszczow*=rainy wakacyjn*=summer
    dobr*=good fajn*=good najlepsz*=best spokojniejsz*=calmer weselsz*=happier smutniejsz*=sadder
    szybsz*=faster wolniejsz*=slower nowsz*=newer starsz*=older mroczniejsz*=darker
    energiczniejsz*=more_energetic żywsz*=more_energetic lżejsz*=softer łagodniejsz*=softer
    podobn*=similar
    sześćdziesiąt*=60s siedemdziesiąt*=70s osiemdziesiąt*=80s dziewięćdziesiąt*=90s dwutysięczn*=2000s
    """,
    _HARD,
)

_SOFT_ADJECTIVES = table(
    """
    polsk*=polish angielsk*=english amerykańsk*=american brytyjsk*=british francusk*=french niemieck*=german
    hiszpańsk*=spanish włosk*=italian japońsk*=japanese koreańsk*=korean brazylijsk*=brazilian
    latynosk*=latin rosyjsk*=russian ukraińsk*=ukrainian irlandzk*=irish szwedzk*=swedish
    ciężk*=heavy lekk*=light szybk*=fast epick*=epic letn*=summer ostatn*=latest
    """,
    _SOFT,
)

_WORDS = table(
    """
    piosenka=song piosenki=songs piosenek=songs piosenkę=song piosenkami=songs piosence=song piosenką=song
    piosenke=song piosneki=songs utwór=track utwory=tracks utworów=tracks utworu=track utworami=tracks
    kawałek=track kawałki=tracks kawałków=tracks kawałka=track kawałkami=tracks kawalek=track
    numer=track numery=tracks numerów=tracks nuta=song nuty=songs nutki=songs nut=songs nutę=song
    muzyka=music muzyki=music muzyce=music muzykę=music muzyką=music muza=music muzy=music muzę=music
    muzą=music muzyczka=music muzyczkę=music muzyczki=music muzike=music muzyke=music
    zespół=band zespoły=bands zespołów=bands zespołu=band zespole=band kapela=band kapele=bands kapel=bands
    kapeli=band wykonawca=artist wykonawcy=artists wykonawców=artists artysta=artist artyści=artists
    artystów=artists artysty=artist artystka=artist artystki=artists piosenkarka=singer piosenkarz=singer
    wokalistka=singer wokalista=singer wokalistki=singers album=album albumy=albums albumu=album albumów=albums
    płyta=album płyty=albums płytę=album płyt=albums playlista=playlist playlistę=playlist playlisty=playlist
    składanka=playlist składankę=playlist hit=hit hity=hits hitów=hits hiciory=hits hiciorów=hits
    bangery=bangers banger=banger bangerów=bangers bangerki=bangers klasyki=classics klasyk=classic
    przeboje=hits przebojów=hits

    rock=rock rocka=rock rockiem=rock rocku=rock rap=rap rapu=rap rapem=rap rapsy=rap rapik=rap
    hip_hopu=hip_hop hiphopu=hip_hop pop=pop popu=pop popem=pop popik=pop
    metal=metal metalu=metal metalem=metal metalik=metal punk=punk punka=punk punku=punk punkiem=punk
    jazz=jazz jazzu=jazz jazzem=jazz jazzik=jazz dżez=jazz dżezu=jazz blues=blues bluesa=blues
    bluesem=blues bluesik=blues elektronika=electronic elektroniki=electronic elektronikę=electronic
    elektroniką=electronic elektronice=electronic elektro=electro klasyka=classical klasyki_muzyki=classical
    klasykę=classical klasyką=classical techno=techno house=house housu=house trance=trance transu=trance
    disco=disco disco_polo=disco_polo reggae=reggae country=country folk=folk folku=folk soul=soul
    funk=funk funku=funk ambient=ambient ambientu=ambient synthwave=synthwave
    grunge=grunge
    alternatywa=alternative alternatywy=alternative alternatywę=alternative alternatywka=alternative
    shoegaze=shoegaze drill=drill trap=trap trapu=trap trapy=trap anime=anime
    soundtrack=soundtrack soundtracki=soundtracks soundtracków=soundtracks ścieżka_dźwiękowa=soundtrack
    ścieżki_dźwiękowe=soundtracks muzyka_filmowa=film_score muzyki_filmowej=film_score
    muzykę_filmową=film_score dubstep=dubstep
    rock_and_roll=rock_and_roll rokendrol=rock_and_roll
    heavy_metal=heavy_metal death_metal=death_metal black_metal=black_metal metalcore=metalcore
    nu_metal=nu_metal pop_punk=pop_punk hard_rock=hard_rock opera=opera opery=opera
    operę=opera reggaeton=reggaeton poezja_śpiewana=singer-songwriter poezji_śpiewanej=singer-songwriter
    szanty=sea_shanties szant=sea_shanties kolędy=christmas_carols kolęd=christmas_carols
    rave=rave hardstyle=hardstyle

    coś=something czegoś=something cokolwiek=anything coś_jak=something_like coś_w_stylu=something_like
    coś_podobnego_do=something_similar_to coś_w_klimacie=something_like w_stylu=in_the_style_of
    w_klimacie=in_the_style_of w_klimatach=in_the_style_of klimaty=vibes klimat=vibe klimacie=vibe
    jak=like jak_np=like typu=like podobne_do=similar_to podobny_do=similar_to podobnych_do=similar_to
    podobnego_do=similar_to podobną_do=similar_to przypominające=similar_to przypominające_mi=similar_to
    jakiś=some jakąś=some jakieś=some jakichś=some jakiegoś=some jakis=some jakas=some jakies=some
    parę=a_couple pare=a_couple kilka=a_few kilku=a_few

    i=and oraz=and albo=or lub=or czy=or z=with ze=with bez=without ale=but a=and nie=not żadnego=no
    żadnej=no żadnych=no tylko=only byle_nie=not_any byle=just oprócz=except poza=except ale_bez=but_without
    ale_nie=but_not nie_oni=not_them ale_nie_oni=but_not_them nie_on=not_him nie_ona=not_her
    bez_nich=not_them bez_niego=not_him bez_niej=not_her
    bez_słów=without_lyrics bez_tekstu=without_lyrics bez_wokalu=without_vocals z_wokalem=with_vocals
    z_żeńskim_wokalem=female_vocals żeński_wokal=female_vocals kobiecy_wokal=female_vocals
    męski_wokal=male_vocals z_męskim_wokalem=male_vocals na_żywo=live koncertowe=live koncertówki=live

    poleć=recommend polećcie=recommend polec=recommend zaproponuj=recommend podrzuć=recommend
    podrzućcie=recommend wrzuć=recommend wrzućcie=recommend wrzuc=recommend podeślij=recommend
    daj=give_me dajcie=give_me dawaj=give_me puść=play puśćcie=play pusc=play włącz=play wlacz=play
    zapodaj=play znajdź=find znajdz=find chcę=i_want chce=i_want chciałbym=i_want chciałabym=i_want
    szukam=looking_for potrzebuję=i_need potrzebuje=i_need mi= mnie= nam= plz=please pls=please
    proszę=please prosze=please pliska=please posłuchać= posluchac= słuchania= sluchania= do_słuchania=

    jeden=one jedną=one jedna=one jedno=one dwa=two dwie=two trzy=three cztery=four pięć=five sześć=six
    siedem=seven osiem=eight dziewięć=nine dziesięć=ten piętnaście=fifteen dwadzieścia=twenty sztuk= sztuki=

    lat= latach= latami= roku= z_lat=from z_lata=from sprzed=before przed=before po=after
    od=from sześćdziesiątki=60s sześćdziesiątek=60s siedemdziesiątki=70s siedemdziesiątek=70s
    siedemdziesiątkach=70s osiemdziesiątki=80s osiemdziesiątek=80s osiemdziesiątkach=80s
    dziewięćdziesiątki=90s dziewięćdziesiątek=90s dziewięćdziesiątkach=90s dwutysięczne=2000s
    dwutysięcznych=2000s

    dla=for na=for do=for w=in przy=while o=about pod=for
    do_nauki=for_studying nauki=studying nauka=studying naukę=studying uczenia=studying uczenia_się=studying
    nauki_do_sesji=studying sesji=exams pracy=work praca=work pracę=work skupienia=focus skupienie=focus
    koncentracji=focus siłownia=gym siłowni=gym siłownię=gym siłka=gym siłki=gym siłkę=gym siłce=gym
    trening=workout treningu=workout treningi=workout ćwiczeń=workout ćwiczenia=workout ćwiczyć=workout
    biegania=running bieganie=running biegu=running spania=sleep snu=sleep zasypiania=sleep do_snu=for_sleep
    na_sen=for_sleep przed_snem=before_sleep na_dobranoc=before_sleep zaśnięcia=sleep
    impreza=party imprezy=party imprezę=party imprezie=party imprezka=party imprezkę=party imprezki=party
    domówka=party domówkę=party domówki=party melanż=party melanżu=party wesele=wedding wesela=wedding
    weselu=wedding urodziny=birthday urodzin=birthday osiemnastka=birthday osiemnastkę=birthday tańca=dance
    tańczenia=dance tańczyć=dance potańczyć=dance medytacji=meditation medytacja=meditation jogi=yoga
    joga=yoga jogę=yoga gotowania=cooking gotowanie=cooking sprzątania=cleaning sprzątanie=cleaning
    randka=date_night randkę=date_night randki=date_night na_randkę=for_date_night drogę=road_trip
    drogi=road_trip w_drogę=for_a_road_trip na_drogę=for_a_road_trip podróż=road_trip podróży=road_trip
    wyjazd=road_trip wyjazdu=road_trip auta=driving samochodu=driving w_aucie=driving jazdy=driving
    do_auta=for_driving do_samochodu=for_driving
    deszcz=rainy deszczu=rainy noc=night nocy=night nocą=at_night w_nocy=at_night rano=morning
    ranek=morning poranek=morning wieczór=evening wieczoru=evening wieczorem=evening na_wieczór=for_the_evening
    lato=summer latem=summer wakacje=summer wakacji=summer na_wakacje=for_summer jesień=autumn jesieni=autumn
    jesienią=autumn zima=winter zimy=winter zimą=winter wiosna=spring wiosny=spring wiosną=spring
    miłość=love miłości=love o_miłości=about_love rozstanie=breakup rozstaniu=breakup po_rozstaniu=breakup
    zerwaniu=breakup smutek=sad smutku=sad smutno=sad dół=sad doła=sad depresja=depressing depresji=depressing
    płakania=to_cry_to popłakać=to_cry_to do_płakania=to_cry_to do_płaczu=to_cry_to relaks=relaxing
    relaksu=relaxing odpoczynku=relaxing odpoczynek=relaxing odpocząć=relaxing chill=chill chillu=chill
    czil=chill czilu=chill na_chillu=chill na_luzie=chill luz=chill luzik=chill luźne=chill
    vibe=vibe vibes=vibes wajb=vibe wajby=vibes nastrój=mood nastroju=mood humoru=mood
    na_poprawę_humoru=to_cheer_me_up na_poprawe_humoru=to_cheer_me_up poprawić_humor=to_cheer_me_up
    święta=christmas świąt=christmas na_święta=for_christmas sylwester=party sylwestra=party
    gry=gaming grania=gaming gier=gaming do_grania=for_gaming granie=gaming

    filmu=movie filmów=movies filmy=movies z_filmów=from_movies z_gier=from_games dzieci=kids
    dziecka=kids dla_dzieci=for_kids kołysanki=lullabies kołysanka=lullaby ballady=ballads ballada=ballad
    balladę=ballad karaoke=karaoke gitara=guitar gitarą=guitar gitary=guitar pianino=piano fortepian=piano
    fortepianu=piano skrzypce=violin skrzypiec=violin wiolonczela=cello perkusja=drums saksofon=saxophone
    wino= wina= winem= winie= z_winem= przy_winie=
    kawa=coffee kawy=coffee kawie=coffee przy_kawie=with_coffee plaża=beach plaży=beach na_plażę=to_the_beach
    spacer=walk spaceru=walk na_spacer=for_a_walk kolacja=dinner kolacji=dinner do_kolacji=for_dinner
    przyjaciółmi=friends znajomymi=friends ze_znajomymi=with_friends z_przyjaciółmi=with_friends

    bez_praw_autorskich=copyright_free bez_copyrightu=no_copyright
    mój=my moja=my moje=my mojego=my moich=my mojej=my twój=your twoja=your twoje=your nasz=our nasza=our
    który=that która=that które=that którzy=that żeby=that zeby=that aby=that to=this ta=this
    te=these taki=such takie=such taka=such więcej=more mniej=less bardzo=very bardziej=more najbardziej=the_most
    wszech_czasów=of_all_time wszechczasów=of_all_time wszystkie=all teraz=now nowości=new_releases
    nowe_rzeczy=new top=top topka=top topowe=top najlepsze=best mainstream=mainstream underground=underground
    mało_znane=lesser_known malo_znane=lesser_known mało=little dobre=good fajne=good spoko=good
    po_polsku=in_polish po_angielsku=in_english po_hiszpańsku=in_spanish po_francusku=in_french
    po_niemiecku=in_german po_włosku=in_italian po_japońsku=in_japanese po_koreańsku=in_korean
    po_rosyjsku=in_russian
    """
)


_DECADE = re.compile(r"(?i)(?<![\w-])(?:(lata|lat|latach)\s+)?((?:19|20)?\d0)\s*-?\s*(?:tych|te|tki|tek|tkach)(?![\w])")
"""'80-tych', '80-te', '80tki': the decade as the scan writes it ('80s'); no other language writes these."""
_DOTTED = re.compile(r"(?i)(?<![\w.-])(?:(lata|lat|latach)\s+)?((?:19|20)?\d0)\.(?=\s|$)")
"""'lata 80.': Polish writes an ordinal with a dot, so in a Polish request the number is the decade."""
_SINCE = re.compile(r"(?i)(?<![\w])od\s+((?:19|20)\d\d)(?!\d)")
"""'od 2010': since 2010 ('od' is also 'from' and 'by')."""
_POLISH = re.compile(
    r"(?i)[ąęłńśźżć]|\b(?:lat|lata|latach|piosenk\w*|muzyk\w*|muz[aey]|kawał\w*|kawal\w*|coś|cos|jak|bez|nie|z|do|na|od)\b"
)


def segment(text: str) -> str:
    """`text` with Polish decades as the scan writes them ('rock 80-tych' -> 'rock 80s', and in a request with a
    Polish word 'hard rock lat 90.' -> 'hard rock lat 90s', 'od 2010' -> 'since 2010')."""
    text = _DECADE.sub(_decade, text)
    if not _POLISH.search(text):
        return text
    return _SINCE.sub(r"since \1", _DOTTED.sub(_decade, text))


def _decade(found: re.Match[str]) -> str:
    """The decade as '80s', after 'lat' when a word for the years came first (its 'lata' is no name: Lata
    Mangeshkar is 'lata' too, and 'lat' is the word the table reads as Polish)."""
    return f"lat {found.group(2)}s" if found.group(1) else f"{found.group(2)}s"


LANGUAGE = Language(
    code="pl",
    phrases=unmarked({**_HARD_ADJECTIVES, **_SOFT_ADJECTIVES, **_WORDS}, {"ł": "l"}),
    weak=words(
        "i a to do na po z w o mi cos pop rock rap metal top ale album hit plz pls chill vibe vibes plaza spacer"
    ),
    letters="ąęłńśźżć",
    joins=words("i oraz albo lub"),
    by_words=words("od"),
    possessive=words("kawałki kawałków piosenki piosenek utwory utworów hity hitów numery płyty albumy nuty"),
    decade_leads=words("lat lata latach z_lat z_lata"),
    segment=segment,
    name_cases=(("owi", ""), ("em", ""), ("ie", ""), ("y", "a"), ("y", "o"), ("e", "a"), ("a", ""), ("u", "")),
)
