"""German request words, read as the English the scan knows ('Rock aus den 80ern aber kein Metal' -> 'rock from
the 80s but no metal'). Adjectives take '*' (e/er/es/en/em); '80er', '90ern' are decades; compounds ending in
-musik, -lieder, -songs or -bands are split ('Partymusik' -> 'party music')."""

from segue.engine.query.lang._core import Language, table, words

_ADJECTIVES = table(
    """
    traurig*=sad ruhig*=calm entspannend*=relaxing entspannt*=relaxed fröhlich*=happy frohlich*=happy
    glücklich*=happy gluecklich*=happy froh*=happy heiter*=happy romantisch*=romantic energiegeladen*=energetic
    energisch*=energetic kraftvoll*=energetic schnell*=fast langsam*=slow akustisch*=acoustic
    melancholisch*=melancholic nostalgisch*=nostalgic düster*=dark duster*=dark dunkl*=dark wütend*=angry
    wutend*=angry aggressiv*=aggressive sanft*=soft leise*=quiet gemütlich*=cozy gemutlich*=cozy
    tanzbar*=danceable chillig*=chill träumerisch*=dreamy traumerisch*=dreamy motivierend*=motivational
    unbekannt*=unknown wenig_bekannt*=lesser_known bekannt*=well_known berühmt*=famous beruhmt*=famous
    beliebt*=popular neu*=new aktuell*=current modern*=modern klassisch*=classical elektronisch*=electronic
    deutsch*=german französisch*=french franzosisch*=french spanisch*=spanish brasilianisch*=brazilian
    kubanisch*=cuban kolumbianisch*=colombian italienisch*=italian japanisch*=japanese koreanisch*=korean
    mexikanisch*=mexican türkisch*=turkish tuerkisch*=turkish turkisch*=turkish österreichisch*=austrian
    oesterreichisch*=austrian osterreichisch*=austrian berliner=berlin
    lateinamerikanisch*=latin instrumental*=instrumental gut*=good geil*=good
    alternativ*=alternative progressiv*=progressive psychedelisch*=psychedelic
    """,
    ("", "e", "er", "es", "en", "em"),
)

_WORDS = table(
    """
    ohne_copyright=no_copyright gemafrei=royalty_free gemafreie=royalty_free gemafreier=royalty_free
    gemafreien=royalty_free lizenzfrei=royalty_free urheberrechtsfrei=copyright_free
    weniger_hart=less_heavy weniger=less hart=heavy härter=heavier harter=heavier gerne= solange= solang= auch= hat=
    es= diesen=this motorik=krautrock zeug=stuff kram=stuff
    kurze_songs=short_songs kurze_lieder=short_songs kurze_titel=short_tracks kurze_stücke=short_tracks
    lange_songs=long_songs lange_lieder=long_songs lange_titel=long_tracks lange_stücke=long_tracks
    musik=music lied=song lieder=songs liedern=songs song=song songs=songs titel=tracks stück=track
    stücke=tracks stuck=track stucke=tracks band=band bands=bands künstler=artists kunstler=artists
    playlist=playlist album=album alben=albums

    der=of_the die=the das=the den=the dem=the des=of_the ein=a eine=a einen=a einem=a einige=some
    ein_paar=a_few paar=a_few etwas=something was=something und=and oder=or mit=with ohne=without
    für=for fur=for fuer=for fürs=for fuers=for zum=for zur=for um=for zu=too in=in im=in am=at
    aber=but aber_kein=but_no aber_keine=but_no aber_nicht=but_not kein=no keine=no keinen=no nicht=not nichts=nothing
    nix=no nüscht=nothing am_besten= ganz=very ne=a nen=a lange_autofahrt=long_drive langen_autofahrt=long_drive
    lange_fahrt=long_drive
    regnerischer=rainy regnerische=rainy regnerischen=rainy regnerisches=rainy
    außer=except ausser=except bloß_kein=no nur=only mehr=more sehr=very bitte=please
    empfehlungen=recommendations empfehlung=recommendation hat_jemand=

    über=about ueber=about
    sängerinnen=female_singers saengerinnen=female_singers sangerinnen=female_singers
    sängerin=female_singer rapperinnen=female_rappers rapperin=female_rapper frauenstimmen=female_vocals
    frauenstimme=female_vocals weibliche_stimme=female_vocals weibliche_stimmen=female_vocals
    weiblicher_stimme=female_vocals tiefe_stimme=deep_voice tiefer_stimme=deep_voice
    sommerhits=summer_hits sommerhit=summer_hit baggersee=beach weiblichen_stimme=female_vocals
    weiblichen_stimmen=female_vocals
    wie=like wie_die_von=like wie_von=like so_wie=like so_ähnlich_wie=similar_to ähnlich_wie=similar_to
    sowas_wie=something_like so_was_wie=something_like sowas=something so_was=something
    ahnlich_wie=similar_to
    was_ähnliches_wie=similar_to was_ahnliches_wie=similar_to ähnliches=similar
    ähnlich=similar ahnlich=similar im_stil_von=in_the_style_of im_stile_von=in_the_style_of
    à_la=in_the_style_of a_la=in_the_style_of klingt_wie=sounds_like die_wie=sounding_like
    von=by vom=by

    hören=listen_to horen=listen_to anhören=listen_to anhoren=listen_to beim=while während=while wahrend=while
    gib_mir=give_me gebt_mir=give_me spiel=play spiele=play spiel_mir=play_me empfiehl_mir=recommend_me
    ich_will=i_want ich_möchte=i_want ich_mochte=i_want ich_brauche=i_need hast_du=

    eins=one zwei=two drei=three vier=four fünf=five funf=five sechs=six sieben=seven acht=eight
    neun=nine zehn=ten zwölf=twelve zwolf=twelve fünfzehn=fifteen zwanzig=twenty

    jahre=  jahren=  jahrzehnt=decade aus=from aus_den=from_the aus_der=from_the vor=before nach=after
    seit=since ab=since bis=until zwischen=between fünfziger=fifties funfziger=fifties fünfzigern=fifties
    sechziger=sixties sechzigern=sixties siebziger=seventies siebzigern=seventies achtziger=eighties
    achtzigern=eighties neunziger=nineties neunzigern=nineties nuller=noughties nullern=noughties
    achtzigerjahre=eighties neunzigerjahre=nineties siebzigerjahre=seventies sechzigerjahre=sixties

    liebe=love liebeslieder=love_songs wut=anger weinen=cry zum_weinen=for_crying
    neue_deutsche_welle=german_new_wave ndw=german_new_wave
    urlaub=vacation in_den_urlaub=on_vacation mitsingen=sing_along zum_mitsingen=to_sing_along trennung=breakup
    nach_der_trennung=after_a_breakup
    prüfung=exam pruefung=exam montag_morgen=monday_morning montagmorgen=monday_morning
    dienstag_morgen=tuesday_morning dienstagmorgen=tuesday_morning mittwoch_morgen=wednesday_morning
    mittwochmorgen=wednesday_morning donnerstag_morgen=thursday_morning donnerstagmorgen=thursday_morning
    freitag_morgen=friday_morning freitagmorgen=friday_morning samstag_morgen=saturday_morning
    samstagmorgen=saturday_morning sonntag_morgen=sunday_morning sonntagmorgen=sunday_morning
    depressiv=depressing depressive=depressing zu_depressiv=too_depressing klausur=exam
    klausuren=exams liebeskummer=heartbreak hab_liebeskummer=heartbroken
    ich_hab=i_have hab=i_have
    meine_freundin=my_girlfriend meinen_freund=my_boyfriend mein_freund=my_boyfriend meine_frau=my_wife
    meinen_mann=my_husband karneval=carnival fasching=carnival ohne_gesang=without_vocals
    ohne_text=without_lyrics live=live gute_laune=good_mood
    nicht_zu=not_too aber_nicht_zu=but_not_too nicht_so=not_too klingt=  klingen=
    englisch=english englische=english auf_englisch=in_english

    schlafen=sleep einschlafen=fall_asleep zum_schlafen=for_sleep zum_einschlafen=for_sleep
    entspannen=relax entspannung=relax training=workout trainieren=workout sport=workout
    saxophon=saxophone chor=choir chöre=choir gitarrensolo=guitar_solo gitarrensoli=guitar_solos
    gitarrensolos=guitar_solos bläser=horns blaeser=horns streicher=strings streichern=strings falsett=falsetto
    rauchige_stimme=raspy_voice raue_stimme=raspy_voice
    höchstens=at_most hoechstens=at_most maximal=max kennt_jemand=  kennt_ihr=  kennst_du=
    suche=  ich_suche=i_want gibts=  gibt_es=  brauch=  wär_cool=
    waer_cool=  deutschsprachig=german deutschsprachige=german fürn=for_the fuern=for_the kaffee=coffee
    neueres=newer neuere=newer neueren=newer was_neueres=something_newer als_ich_jung_war=  was_lief=  lief=
    im_radio=on_the_radio in_deutschland=
    zocken=gaming zum_zocken=for_gaming treibend=energetic treibende=energetic treibenden=energetic
    frauen=women künstlerinnen=female_artists
    kuenstlerinnen=female_artists nur_frauen=only_women
    von_frauen=by_women gesungen_von_frauen=sung_by_women
    stadion=stadium fußballspiel=football_game fussballspiel=football_game
    fitnessstudio=gym fitness=workout krafttraining=workout laufen=running joggen=jogging
    lernen=studying zum_lernen=for_studying konzentration=focus konzentrieren=focus arbeiten=work
    lesen=reading tanzen=dance feiern=party autofahrt=driving autofahren=driving roadtrip=road_trip
    oma=grandma opa=grandpa kochen=cooking abendessen=dinner regen=rainy abend=evening abends=evening feierabend=evening
    gewitter=stormy sturm=stormy regnerisch*=rainy regentag=rainy_day eine_mischung_aus=a_mix_of mischung_aus=mix_of
    eine_mischung_von=a_mix_of mischung=mix
    grillen=barbecue zum_grillen=for_a_barbecue mit_freunden=with_friends
    neue_deutsche_härte=german_industrial_metal neue_deutsche_harte=german_industrial_metal
    ndh=german_industrial_metal
    neue_deutsche_todeskunst=german_dark_wave
    alte=old altes=old alten=old altem=old
    ich_höre_gern=i_like höre_gern=i_like ich_hoere_gern=i_like hoere_gern=i_like ich_hör_gern=i_like
    ähnliche=similar ähnlichen=similar aehnliche=similar aehnlichen=similar empfehlen=recommend
    empfehlt=recommend empfiehlst=recommend könnt_ihr_mir=recommend_me konnt_ihr_mir=recommend_me welche=
    welches= welchen= hallo= hier_schreibt= schreibt= nachbar= nachbarn=
    früher=older von_früher=older fruher=older frueher=older von_frueher=older
    älter=older aelter=older ältere=older aeltere=older älteres=older
    regentage=rainy_days regentagen=rainy_days
    sonntag=sunday sonntags=sunday
    samstag=saturday samstags=saturday freitag=friday
    am_sonntag=on_sunday heute_abend=tonight heute_nacht=tonight heute=today
    sommer=summer
    strand=beach morgen=tomorrow am_morgen=morning heute_morgen=this_morning für_den_morgen=morning morgens=morning
    hochzeit=wedding
    nacht=late_night nachts=late_night
    den_tag_beginnen=morning
    meditation=meditation meditieren=meditation

    frankreich=france spanien=spain italien=italy brasilien=brazil deutschland=germany österreich=austria
    oesterreich=austria schweiz=switzerland england=england großbritannien=great_britain grossbritannien=great_britain
    schottland=scotland irland=ireland südkorea=korea suedkorea=korea schweden=sweden norwegen=norway
    finnland=finland dänemark=denmark daenemark=denmark island=iceland mexiko=mexico kolumbien=colombia
    argentinien=argentina kanada=canada russland=russia kuba=cuba jamaika=jamaica australien=australia polen=poland
    türkei=turkey tuerkei=turkey griechenland=greece niederlanden=netherlands niederlande=netherlands
    belgien=belgium indien=india afrika=africa amerika=america tschechien=czech_republic
    aus_der_schweiz=from_switzerland aus_der_türkei=from_turkey aus_der_tuerkei=from_turkey

    klassik=classical klassische_musik=classical elektronische_musik=electronic_music elektro=electro
    deutschrap=german_hip_hop deutscher_rap=german_hip_hop deutschrock=deutschrock deutscher_rock=deutschrock
    deutschpop=german_pop deutscher_pop=german_pop liedermacher=singer_songwriter volksmusik=folk
    lateinamerikanische_musik=latin_music klavier=piano gitarre=guitar filmmusik=film_music

    geheimtipps=hidden_gems geheimtipp=hidden_gems unterschätzte=underrated unterschätzt=underrated
    unterschaetzte=underrated unterschatzte=underrated perlen=hidden_gems klassiker=classics hits=hits
    neuheiten=new_releases neuerscheinungen=new_releases
        weihnachten=christmas weihnachtslieder=christmas_music weihnachtsmusik=christmas_music
    mein=my meine=my meinen=my meiner=my meinem=my meines=my vorsingen= dein=your deine=your unser=our unsere=our
    ich=i mich=me mir=me
    geburtstag=birthday zuhause=home zu_hause=at_home nach_der_arbeit=after_work putzen=cleaning
    aufräumen=tidying aufraumen=tidying
    ich_mag=i_like ich_liebe=i_love ich_hore_gern=i_like wenn_du_magst=if_you_like
    das_nicht=not alles_außer=anything_but alles_ausser=anything_but das_beste_von=the_best_of
    irgendwas=anything irgendetwas=anything irgendwas_außer=anything_but irgendwas_ausser=anything_but egal_was=anything
    beste=best besten=best bester=best bestes=best größten=greatest grössten=greatest groessten=greatest
    die_jeder_kennt=everyone_knows mit_der_familie=with_the_family
    für_anfänger=for_beginners fuer_anfaenger=for_beginners anfänger=beginners wo_anfangen=where_to_start
    größten_hits=greatest_hits groessten_hits=greatest_hits unverzichtbar=essential
    hintergrund=background hintergrundmusik=background_music ohrwurm=catchy ohrwürmer=catchy ohrwurmer=catchy
    herzschmerz=heartbreak motivation=motivation episch=anthemic epische=anthemic reisen=road_trip
    kirche=church gottesdienst=church_service lobpreis=worship kinder=kids für_kinder=for_kids fur_kinder=for_kids
    fuer_kinder=for_kids kindergeburtstag=kids_birthday kinderparty=kids_party wandern=hiking wanderung=hike
    zelten=camping flug=flight langstreckenflug=long_flight im_flugzeug=on_a_plane zugfahrt=train_ride
    gemütlich=cozy gemutlich=cozy gemuetlich=cozy abschlussfeier=graduation abifeier=graduation abiball=graduation
    kneipe=pub junggesellenabschied=bachelor_party junggesellinnenabschied=bachelorette_party jga=bachelor_party
    flughafen=airport zum_flughafen=to_the_airport fahrt_zum_flughafen=airport zugreise=train_journey
    überrasch_mich=surprise_me überrasche_mich=surprise_me ueberrasch_mich=surprise_me uberrasch_mich=surprise_me
    überrascht_mich=surprise_me überraschung=surprise_me vorglühen=pregame vorgluehen=pregame vorgluhen=pregame
    zum_vorglühen=for_the_pregame fürs_vorglühen=for_the_pregame fuers_vorgluehen=for_the_pregame
    mitgrölen=sing_along mitgroelen=sing_along mitgrolen=sing_along zum_mitgrölen=to_sing_along
    zum_mitgroelen=to_sing_along afterhour= afterhours= die_afterhour= für_die_afterhour= fuer_die_afterhour=
    schluss_gemacht=broke_up sie_hat_schluss_gemacht=breakup er_hat_schluss_gemacht=breakup
    strassenrap=german_hip_hop straßenrap=german_hip_hop alles_grau=gloomy grau=gloomy hauptsache= rhein= am_rhein=
    in_der_wg=at_home wg_party=house_party wg-party=house_party wg=home papa=dad mama=mom meinen_papa=my_dad
    meine_mama=my_mom wir_brauchen=we_need brauchen=need wir=we auf_deutsch=in_german grad=right_now
    gerade=right_now was_hört_man=what's_popular was_hoert_man=what's_popular
"""
)

_FOLLOW_UPS = table(
    """
    wie_das_erste=like_the_first_one wie_der_erste=like_the_first_one wie_das_zweite=like_the_second_one
    wie_der_zweite=like_the_second_one wie_das_dritte=like_the_third_one wie_der_dritte=like_the_third_one
    wie_das_vierte=like_the_fourth_one wie_der_vierte=like_the_fourth_one wie_das_fünfte=like_the_fifth_one
    wie_der_fünfte=like_the_fifth_one wie_das_letzte=like_the_last_one wie_der_letzte=like_the_last_one
    nächste_seite=next_page
    """
)
"""Words that point back at an earlier answer ('mehr wie das dritte'): read as the English the scan knows as such
(`lexicon.FOLLOW_UPS`), so 'das dritte' is never looked up as a name."""

LANGUAGE = Language(
    code="de",
    phrases={**_FOLLOW_UPS, **_ADJECTIVES, **_WORDS},
    weak=words(
        "die was in am um so band bands song songs album sport live hits fitness meditation training playlist "
        "was an roadtrip bitte hast_du im stuck es"
    ),
    decade_leads=words("die den der"),
    decade_suffixes=("erjahre", "erjahren", "ern", "er"),
    compound_heads={
        "musik": "music",
        "lieder": "songs",
        "songs": "songs",
        "bands": "bands",
        "klassiker": "classics",
    },
)
