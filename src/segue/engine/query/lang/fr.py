"""French request words, read as the English the scan knows ('rock des années 80 mais pas de métal' -> 'rock of
the 80s but no metal'). Elisions are separate words ('d'amour' is 'd amour'); adjectives take '*' (e/s/es)."""

from segue.engine.query.lang._core import Language, table, words

_ADJECTIVES = table(
    """
    calme*=calm triste*=sad joyeux=happy joyeuse*=happy gai*=happy heureux=happy heureuse*=happy
    relaxant*=relaxing reposant*=relaxing apaisant*=calming tranquille*=calm romantique*=romantic
    énergique*=energetic entraînant*=upbeat entrainant*=upbeat dansant*=danceable lent*=slow rapide*=fast
    acoustique*=acoustic mélancolique*=melancholic nostalgique*=nostalgic sombre*=dark planant*=dreamy
    motivant*=motivational festi*=party inconnu*=unknown peu_connu*=lesser_known méconnu*=lesser_known
    pas_trop_connu*=lesser_known pas_très_connu*=lesser_known pas_tres_connu*=lesser_known
    récent*=recent moderne*=modern nouvelle*=new ancien*=old ancienne*=old célèbre*=famous populaire*=popular
    électronique*=electronic electronique*=electronic classique*=classical française*=french
    francais=french français=french francophone=french francophones=french allemand*=german espagnol*=spanish
    cubain*=cuban colombien*=colombian italien*=italian italienne*=italian japonais*=japanese coréen*=korean
    coreen*=korean coréenne*=korean mexicain*=mexican
    brésilien*=brazilian
    bresilien*=brazilian brésilienne*=brazilian latine*=latin latino*=latin
    instrumental*=instrumental énervé*=angry enerve*=angry agressif=aggressive agressive*=aggressive
    alternatif=alternative alternative*=alternative progressif=progressive progressive*=progressive
    psychédélique*=psychedelic psychedelique*=psychedelic
    """,
    ("", "e", "s", "es"),
)

_WORDS = table(
    """
    sans_copyright=no_copyright libre_de_droits=royalty_free libres_de_droits=royalty_free
    faciles_à_comprendre=easy_to_understand facile_à_comprendre=easy_to_understand
    faciles_a_comprendre=easy_to_understand facile_a_comprendre=easy_to_understand
    qui_donnent_la_pêche=upbeat qui_donnent_la_peche=upbeat donnent_la_pêche=upbeat donnent_la_peche=upbeat
    qui_donne_la_pêche=upbeat qui_donne_la_peche=upbeat la_pêche=upbeat la_peche=upbeat discothèque=club
    discotheque=club
    grands_classiques=greatest_classics grandes_chansons=greatest_songs que_tout_le_monde_connaît=everyone_knows
    que_tout_le_monde_connait=everyone_knows en_famille=with_the_family
    incontournable=essential incontournables=essentials essentiel=essential essentiels=essentials
    pour_débutants=for_beginners pour_debutants=for_beginners par_où_commencer=where_to_start
    par_ou_commencer=where_to_start plus_grands_succès=greatest_hits plus_grands_succes=greatest_hits
    après_le_boulot=after_work apres_le_boulot=after_work après_le_travail=after_work apres_le_travail=after_work
    à_la_maison=at_home a_la_maison=at_home boulot=work j_ai_besoin_de=i_need
    j_ai_besoin_d=i_need si_j_aime=if_i_like si_j_adore=if_i_love qu_est_ce_que=what qu_est_ce_qu=what
    je_peux=i_can tu_peux=you_can d_autre=else recommander=recommend conseiller=recommend
    chansons_courtes=short_songs chansons_longues=long_songs morceaux_courts=short_tracks morceaux_longs=long_tracks
    titres_courts=short_tracks titres_longs=long_tracks sons_courts=short_songs sons_longs=long_songs
    musique=music musiques=music chansons=songs morceau=track morceaux=tracks titre=track bonne=good bonnes=good
    bons=good bon=good du_bon=good bien=  faire_du_sport=workout faire=do
    titres=tracks sons=songs son=song groupe=band groupes=bands artiste=artist artistes=artists
    actuel=recent actuelle=recent actuels=recent actuelles=recent collé_serré=romantic colle_serre=romantic
    gnangnan=cheesy
    playlist=playlist album=album albums=albums amis=friends entre_amis= copains=friends
    rap_américain=american_rap rap_americain=american_rap rock_américain=american_rock rock_americain=american_rock

    le=the la=the les=the l=the un=a une=a des=of_the du=some de_la=some d=of de=of quelques=a_few
    un_mélange_de=a_mix_of un_melange_de=a_mix_of mélange_de=mix_of melange_de=mix_of mélange=mix melange=mix
    moins=less afro=afrobeats afro_pop=afrobeats afropop=afrobeats ambiancer=party pour_ambiancer=for_a_party
    afro_beats=afrobeats afro_house=afro_house afro_francais=afro_french afro_french=afro_french afro_trap=afro_trap
    la_salle=the_gym
    à_la_salle=at_the_gym a_la_salle=at_the_gym salle_de_sport=gym salle_de_muscu=gym muscu=workout
    tout_le_monde= mariage=wedding qui_font_danser=danceable qui_fait_danser=danceable qui_bouge=upbeat
    qui_bougent=upbeat
    musique_de_film=film_music musiques_de_film=film_music musique_de_films=film_music épique=epic
    épiques=epic epique=epic epiques=epic surprends_moi=surprise_me surprenez_moi=surprise_me jsp=idk
    et_de=and qqch=something qqchose=something dimanche=sunday le_dimanche=on_sunday samedi=saturday vendredi=friday
    coeur_brisé=heartbroken
    cœur_brisé=heartbroken coeur_brise=heartbroken j_ai_le_coeur_brisé=heartbroken j_ai_le_coeur_brise=heartbroken
    manouche=gypsy jazz_manouche=gypsy_jazz mamie=grandma ma_grand_mère=my_grandma grand_mère=grandma
    grand_mere=grandma moins_commercial=less_mainstream moins_commerciale=less_mainstream
    quelque_chose=something truc=something trucs=stuff et=and ou=or avec=with pour=for à=to a=to au=to_the
    aux=to_the en=in sans=without mais=but mais_pas=but_not mais_pas_de=but_no mais_sans=but_without
    pas=not pas_de=no rien=nothing sauf=except ni=nor plus=more très=very tres=very un_peu=
    comme=like comme_celles_de=like comme_celle_de=like comme_ceux_de=like
    comme_celui_de=like un_peu_comme=kind_of_like quelque_chose_comme=something_like style=style à_la=in_the_style_of
    à_la_mode=popular a_la_mode=popular
    dans_le_style_de=in_the_style_of dans_le_genre_de=along_the_lines_of du_style_de=in_the_style_of
    façon=in_the_style_of facon=in_the_style_of similaire_à=similar_to similaire_a=similar_to
    similaires_à=similar_to proche_de=close_to qui_ressemble_à=sounding_like ressemblant_à=sounding_like
    genre=like par=by
    sur=about à_propos_de=about a_propos_de=about qui_parlent_de=about
    chanteuses=female_singers chanteuse=female_singer chanteurs=singers chanteur=singer
    rappeuses=female_rappers rappeuse=female_rapper
    voix_féminines=female_vocals voix_feminines=female_vocals groupes_de_filles=girl_groups
    voix_féminine=female_vocals voix_grave=deep_voice voix_feminine=female_vocals voix_de_femme=female_vocals
    voix_masculine=male_vocals
    festif=party festive=party festifs=party festives=party cucul=cheesy plutôt=rather plutot=rather soleil=sunshine
    commercial=commercial commerciale=commercial commerciaux=commercial commerciales=commercial

    écouter=listen_to ecouter=listen_to j_écoute=i_listen_to j_ecoute=i_listen_to
    donne_moi=give_me donnez_moi=give_me mets=play mets_moi=play_me joue=play recommande_moi=recommend_me
    propose_moi=recommend_me je_veux=i_want j_aimerais=i_want il_me_faut=i_need s_il_te_plaît=please
    s_il_vous_plaît=please stp=please svp=please

    deux=two trois=three quatre=four cinq=five six=six sept=seven huit=eight neuf=nine dix=ten douze=twelve
    quinze=fifteen vingt=twenty

    années=  annees=  année=  annee=  décennie=decade avant=before d_avant=before avant_les=before
    après=after apres=after d_après=after depuis=since à_partir_de=since a_partir_de=since jusqu_à=until
    jusqu_a=until entre=between cinquante=fifties soixante=sixties soixante_dix=seventies
    quatre_vingt=eighties quatre_vingts=eighties quatre_vingt_dix=nineties

    amour=love d_amour=love chansons_d_amour=love_songs colère=anger en_colère=angry en_colere=angry
    rage=rage pleurer=cry pour_pleurer=for_crying il_pleut=it_s_raining pleut=raining depuis_ce_matin=
    depuis_le_matin= je_suis=i_am jsuis=i_am chuis=i_m vacances=vacation
    des_vacances=vacation en_vacances=on_vacation rap_fr=french_rap moins_connus=less_known moins_connu=less_known
    peu_connus=less_known vénère=angry
    vener=angry énervé=angry enerve=angry variét=french_pop variet=french_pop la_variét=french_pop
    rap_conscient=rap conscient= larguer=dumped largué=dumped larguée=dumped me_faire_larguer=got_dumped
    je_viens_de=i_just viens_de=just le_seum=upset j_ai_le_seum=i_m_upset à_fond=loud a_fond=loud apéro=happy_hour
    apero=happy_hour l_apéro=happy_hour l_apero=happy_hour
    bac=exam mon_bac=my_exam partiels=exams mes_partiels=my_exams déprimant=depressing deprimant=depressing
    déprimantes=depressing qui_fait_pleurer=to_cry_to
    qui_fait_danser=to_dance_to qui_fait=that fait=
    qui_tape_fort=hard_hitting qui_tape=hard_hitting tape_fort=hard_hitting meuf=girlfriend ma_meuf=my_girlfriend
    ma_copine=my_girlfriend mon_copain=my_boyfriend ma_femme=my_wife mon_mari=my_husband carnaval=carnival
    sans_paroles=without_lyrics sans_voix=without_vocals
    en_live=live en_concert=live bonne_humeur=good_mood douce=soft doux=soft douces=soft
    trop=too pas_trop=not_too pas_très=not_too pas_tres=not_too jour=day jour_de_pluie=rainy_day
    méditer=meditation mediter=meditation anglais=english en_anglais=in_english
    qui_ressemble_a=sounding_like ressemble_à=sounds_like ressemble_a=sounds_like

    dormir=sleep pour_dormir=for_sleep s_endormir=fall_asleep m_endormir=fall_asleep t_endormir=fall_asleep
    endormir=fall_asleep sieste=nap se_détendre=relax se_detendre=relax
    détente=relax detente=relax sport=workout muscu=workout musculation=workout la_muscu=workout
    saxophone=saxophone chœurs=choir choeurs=choir chorale=choir cuivres=horns solo_de_guitare=guitar_solo
    solos_de_guitare=guitar_solos cordes=strings voix_rauque=raspy_voice voix_éraillée=raspy_voice
    grosse_basse=bass_line une_grosse_basse=a_bass_line
    sous_coté=underrated sous_cote=underrated sous_cotés=underrated sous_cotes=underrated sous_estimé=underrated
    sous_estime=underrated sous_estimés=underrated méconnus=lesser_known
    bande_originale=soundtrack bandes_originales=soundtracks bande_son=soundtrack
    jcherche=  je_cherche=  faut=  il_faut=  de_préférence=  de_preference=  fin_90=late_90s
    fin_des_années_90=late_90s début_2000=early_2000s debut_2000=early_2000s début_des_années_2000=early_2000s
    télétravail=work teletravail=work pop_fr=french_pop
    femmes=women féminines=female feminines=female féminin=female chanteuses=female_singers
    artistes_féminines=female_artists artistes_feminines=female_artists que_des_femmes=only_women
    que_des_artistes_féminines=only_female_artists
    de_femmes=by_women chantées_par_des_femmes=sung_by_women par_des_femmes=by_women
    stade=stadium match_de_foot=football_game
    salle_de_sport=gym entraînement=workout entrainement=workout courir=running course=running
    footing=jogging étudier=studying etudier=studying réviser=studying reviser=studying
    se_concentrer=focus concentration=focus travailler=work bosser=work lire=reading danser=dance
    fête=party fete=party soirée=party soiree=party faire_la_fête=party conduire=driving en_voiture=driving
    route=road_trip cuisiner=cooking dîner=dinner diner=dinner pluie=rainy pluvieux=rainy
    pluvieuse=rainy pluvieuses=rainy
    soirée_pluvieuse=rainy_evening soiree_pluvieuse=rainy_evening soirées_pluvieuses=rainy_evenings
    soirée_calme=calm_evening soiree_calme=calm_evening soirée_tranquille=quiet_evening
    soiree_tranquille=quiet_evening soirée_d_hiver=winter_evening soiree_d_hiver=winter_evening
    soirée_d_automne=autumn_evening soiree_d_automne=autumn_evening soirée_au_calme=quiet_evening
    soiree_au_calme=quiet_evening soirée_cosy=cozy_evening soiree_cosy=cozy_evening le_soir=evening
    soirée_seul=evening_alone soiree_seul=evening_alone soirée_seule=evening_alone soiree_seule=evening_alone
    orage=stormy orages=stormy tempête=stormy tempete=stormy
    été=summer ete=summer plage=beach matin=morning mariage=wedding nuit=late_night
    commencer_la_journée=morning commencer_la_journee=morning soir=evening le_soir=in_the_evening
    ce_soir=tonight du_soir=evening chiller=chill potes=friends entre_potes= t_as=have_you_got
    tu_as=have_you_got vous_avez=have_you_got

    musique_classique=classical classique=classical musique_électronique=electronic_music électro=electro
    chanson_française=chanson_francaise chanson_francaise=chanson_francaise variété=french_pop
    variété_française=french_pop variete_francaise=french_pop rap_français=french_rap rap_francais=french_rap
    musique_latine=latin_music musique_brésilienne=brazilian_music

    pépites=hidden_gems pepites=hidden_gems tubes=hits succès=hits classiques=classics nouveautés=new_releases
    nouveautes=new_releases nouveau=new nouveaux=new vieux=old vieilles=old
        noël=christmas noel=christmas
    mon=my ma=my mes=my ton=your ta=your tes=your notre=our nos=our moi=me je=i anniversaire=birthday
    maison=home faire_le_ménage=cleaning_the_house faire_le_menage=cleaning_the_house ménage=housework
    menage=housework
    j_aime=i_like j_adore=i_love si_tu_aimes=if_you_like
    que=that qui=that qui_ne_soit_pas=not tout_sauf=anything_but n_importe_quoi_sauf=anything_but
    le_meilleur_de=the_best_of meilleur=best meilleure=best meilleurs=best meilleures=best
    chansons_de=songs_by titres_de=tracks_by morceaux_de=tracks_by tubes_de=hits_by sons_de=songs_by sons_d=songs_by
    chansons_d=songs_by
    chansons_de_noël=christmas_music chansons_de_noel=christmas_music musique_de_noël=christmas_music
    musique_de_noel=christmas_music
    ambiance=background d_ambiance=background se_motiver=motivation motiver=motivation motivation=motivation
    voyager=road_trip voyage=road_trip voiture=car épique=anthemic epique=anthemic
    église=church eglise=church messe=church_service louange=worship enfants=kids pour_enfants=for_kids
    randonnée=hiking randonnee=hiking rando=hiking en_avion=on_a_plane long_vol=long_flight long_courrier=long_flight
    hiver=winter cocooning=cozy remise_des_diplômes=graduation remise_des_diplomes=graduation
    soirée_étudiante=frat_party soiree_etudiante=frat_party enterrement_de_vie_de_garçon=bachelor_party
    enterrement_de_vie_de_garcon=bachelor_party evg=bachelor_party evjf=bachelorette_party
    au_coin_du_feu=by_the_fire coin_du_feu=by_the_fire près_du_feu=by_the_fire pres_du_feu=by_the_fire
"""
)

_FOLLOW_UPS = table(
    """
    comme_la_première=like_the_first_one comme_le_premier=like_the_first_one comme_la_deuxième=like_the_second_one
    comme_le_deuxième=like_the_second_one comme_la_troisième=like_the_third_one comme_le_troisième=like_the_third_one
    comme_la_quatrième=like_the_fourth_one comme_le_quatrième=like_the_fourth_one
    comme_la_cinquième=like_the_fifth_one comme_le_cinquième=like_the_fifth_one comme_la_dernière=like_the_last_one
    comme_le_dernier=like_the_last_one page_suivante=next_page
    """
)
"""Words that point back at an earlier answer ('plus comme la troisième'): read as the English the scan knows as
such (`lexicon.FOLLOW_UPS`), so 'la troisième' is never looked up as a name."""

LANGUAGE = Language(
    code="fr",
    by_words=words("de"),  # "du rock québécois" is some rock, not a song by The Rock
    phrases={**_FOLLOW_UPS, **_ADJECTIVES, **_WORDS},
    weak=words("a la le les pour son sons des de plus sport style rage genre en on ou six album albums afro"),
    decade_leads=words("annees années annee année les_annees les_années"),
)
