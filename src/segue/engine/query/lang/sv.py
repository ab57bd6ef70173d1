"""Swedish request words as members type them, slang and all ('asså nåt lugnt att plugga till', 'ge mig 5 deppiga
låtar', 'rock men ingen metal', 'låtar från 80-talet'), read as the English the scan knows. `normalize_name` folds
'å', 'ä' and 'ö', so 'latar' and 'låtar' are one key. Swedish glues its compounds ('festlåtar', 'sommarlåtar'): the
head is split off as in German ('-musik' only in the table: 'Partymusik' is German's). A decade is '80-talet' or
'00-talet' (`segment` writes it '80s'); whose songs a name's 's' says ('robyns låtar') is undone like a case ending."""

from __future__ import annotations

import re

from segue.engine.query.lang._core import Language, table, words

__all__ = ["LANGUAGE", "segment"]

_WORDS = table(
    """
    låt=song låtar=songs låten=the_song låtarna=the_songs låtarna_från=songs_from dänga=banger dängor=bangers
    bängers=bangers bangers=bangers musik=music musiken=music spellista=playlist spellistan=playlist
    artister=artists sångare=singer sångerska=female_singer sångerskor=female_singers grupper=groups
    hitsen=hits största_hitsen=biggest_hits

    glad=happy glada=happy glatt=happy gladare=happier ledsen=sad ledsna=sad ledset=sad sorgsen=sad sorgsna=sad
    sorglig=sad sorgliga=sad deppig=sad deppiga=sad deppigt=sad lugn=calm lugna=calm lugnt=calm superlugnt=very_calm
    lugnare=calmer avslappnad=relaxed avslappnande=relaxing avkopplande=relaxing chilla=chill chillig=chill
    chilliga=chill mysig=cozy mysiga=cozy mysigt=cozy romantisk=romantic romantiska=romantic kärlek=love
    kärlekslåtar=love_songs arg=angry arga=angry argt=angry sur=angry sura=angry förbannad=angry aggressiv=aggressive
    aggressiva=aggressive energisk=energetic energiska=energetic peppig=upbeat peppiga=upbeat pepp=hype
    snabb=fast snabba=fast snabbt=fast långsam=slow långsamma=slow långsamt=slow tung=heavy tunga=heavy tungt=heavy
    hård=hard hårda=hard mörk=dark mörka=dark melankolisk=melancholic melankoliska=melancholic nostalgisk=nostalgic
    nostalgiska=nostalgic sommar=summer sommaren=summer vinter=winter höst=autumn hösten=autumn regnig=rainy
    regn=rain natt=night natten=night kväll=evening kvällen=evening morgon=morning morgonen=morning
    akustisk=acoustic akustiska=acoustic instrumentala=instrumental utan_sång=without_vocals utan_text=without_lyrics
    okänd=unknown okända=unknown underskattad=underrated underskattade=underrated populär=popular populära=popular
    kända=famous största=biggest nya=new ny=new nytt=new gamla=old gammal=old klassiska=classic klassiker=classics
    grym=great grymma=great grymt=great bra=good bäst=best bästa=best sköna=good skön=good

    plugga=studying pluggar=studying pluggandet=studying träna=workout tränar=workout träning=workout
    träningen=workout gymmet=gym på_gymmet=at_the_gym springa=running springer=running löpning=running
    jogga=running sova=sleep somna=fall_asleep sömn=sleep fest=party festa=party festen=party förfest=pregame
    förfesten=pregame efterfest=afterparty dansa=dance dans=dance laga_mat=cooking lagar_mat=cooking städa=cleaning
    städar=cleaning köra=driving köra_bil=driving bilen=driving i_bilen=in_the_car roadtrip=road_trip jobba=work
    jobbar=work jobbet=work fokusera=focus fokus=focus bakgrunden=background i_bakgrunden=in_the_background
    middag=dinner dejt=date_night träningsmusik=workout_music festmusik=party_music dansmusik=dance_music
    sommarmusik=summer_music julmusik=christmas_music gymmusik=gym_music klassisk=classical klassisk_musik=classical
    indieband=indie_bands rockband=rock_bands popband=pop_bands punkband=punk_bands

    något_som_låter_som=something_like nåt_som_låter_som=something_like låter_som=sounds_like som_låter_som=like
    typ=like liknande=similar_to liknar=similar_to som=like i_stil_med=in_the_style_of

    inte=not ingen=no inget=no inga=no utan=without förutom=except utom=except vad_som_helst=anything
    vad_som_helst_utom=anything_but men=but och=and o=and eller=or bara=only mer=more mindre=less väldigt=very
    jätte=very sjukt=very fett=very skitbra=very_good asså= alltså= nåt=something något=something någon=some
    några=some själv=themselves själva=themselves

    ge_mig=give_me tipsa=recommend tipsa_om=recommend tips=recommend rekommendera=recommend spela=play
    sätt_på=play lägg_på=play jag_vill=i_want vill=i_want behöver=need letar_efter=looking_for tack=please
    snälla=please jag= mig= mej= till= att= medans=while medan=while när=when är= just_nu= man= de= måste=
    tyst=quiet tysta=quiet elektronisk=electronic elektroniska=electronic som_liknar=similar_to

    en= ett= två=two tre=three fyra=four fem=five sex=six sju=seven åtta=eight nio=nine tio=ten

    innan=before före=before efter=after sedan=since från=from

    svensk=swedish svenska=swedish på_svenska=in_swedish svenska_låtar=swedish_songs engelska=english
    på_engelska=in_english svensk_hiphop=swedish_hip_hop svensk_rap=swedish_rap svensk_pop=swedish_pop
    dansband=danceable_band
    """
)

_DECADE = re.compile(r"(?i)(?<![\w-])((?:19|20)?\d0)\s*-?\s*talet(?![\w])")
"""'80-talet', '00-talet', '2010-talet': the decade as the scan writes it ('80s')."""


def segment(text: str) -> str:
    """`text` with Swedish decades as the scan writes them ('låtar från 80-talet' -> 'låtar från 80s')."""
    return _DECADE.sub(r"\1s", text) if "talet" in text.lower() else text


LANGUAGE = Language(
    code="sv",
    phrases=_WORDS,
    weak=words(
        "en sex som bra o men till jag att man de just_nu hard lat tio fest glad mer bangers musik band hits tips tack "
        "fokus dans nya ny "
        "arg sur gym natt regn pepp vill roadtrip instrumentala"
    ),
    joins=words("och eller"),
    compound_heads={"latar": "songs", "listan": "playlist"},
    name_cases=(("s", ""),),
    segment=segment,
)
