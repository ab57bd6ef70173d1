"""Spanish request words, read as the English the scan knows ('canciones tristes de los 80' -> 'songs sad from
the 80s'). Adjectives are given once with '*' (o/a/os/as) or '+' (the word and its plural)."""

from segue.engine.query.lang._core import Language, table, words

_ADJECTIVES = table(
    """
    tranquil*=calm calmad*=calm sosegad*=calm relajad*=relaxed animad*=upbeat alegr*=happy
    romantic*=romantic energetic*=energetic enérgic*=energetic potente+=energetic lent*=slow rápid*=fast
    acústic*=acoustic melancólic*=melancholic nostálgic*=nostalgic oscur*=dark sombrí*=dark agresiv*=aggressive
    furios*=furious enojad*=angry enfadad*=angry movid*=upbeat bailable+=danceable soñador*=dreamy
    gótic*=gothic gotic*=gothic
    desconocid*=unknown nuev*=new modern*=modern antigu*=old viej*=old famos*=famous
    poco_conocid*=lesser_known menos_conocid*=lesser_known clásic*=classical electrónic*=electronic
    latin*=latin español*=spanish española*=spanish mexican*=mexican argentin*=argentinian brasileñ*=brazilian
    cuban*=cuban colombian*=colombian pesad*=heavy folclóric*=folk folcloric*=folk folklóric*=folk
    folkloric*=folk
    alternativ*=alternative progresiv*=progressive psicodélic*=psychedelic psicodelic*=psychedelic
    frances*=french italian*=italian corean*=korean japones*=japanese
    """,
    ("o", "a", "os", "as"),
)

_PLURALS = table(
    """
    triste+=sad feliz=happy felices=happy alegre+=happy relajante+=relaxing suave+=mellow
    instrumental+=instrumental instrumentales=instrumental motivador+=motivational motivadora+=motivational
    popular+=popular reciente+=recent
    """,
    ("s",),
)

_WORDS = table(
    """
    sin_copyright=no_copyright sin_derechos_de_autor=copyright_free libre_de_derechos=royalty_free
    libres_de_derechos=royalty_free
    fáciles_de_entender=easy_to_understand fácil_de_entender=easy_to_understand
    faciles_de_entender=easy_to_understand facil_de_entender=easy_to_understand
    que_todo_el_mundo_conoce=everyone_knows que_todos_conocen=everyone_knows
    con_la_familia=with_the_family con_mi_familia=with_my_family en_familia=with_the_family
    esencial=essential esenciales=essentials imprescindible=essential imprescindibles=essentials
    para_principiantes=for_beginners por_dónde_empezar=where_to_start por_donde_empezar=where_to_start
    grandes_éxitos=greatest_hits grandes_exitos=greatest_hits
    los_angeles=los_angeles las_vegas=las_vegas los_ángeles=los_angeles buenos_aires=buenos_aires
    este_finde=this_weekend finde=weekend un_rato= época=era epoca=era
    de_toda_la_vida=classic rockero=rock rockera=rock rockeros=rock rockeras=rock previa=party la_previa=party
    pa_la_previa=for_a_party q_no_conozca=unknown que_no_conozca=unknown q_no_conozco=unknown
    que_no_conozco=unknown
    canciones_cortas=short_songs canciones_largas=long_songs temas_cortos=short_tracks temas_largos=long_tracks
    rolas_cortas=short_songs
    rolas_largas=long_songs
    puro= pura= puros= puras=
    despecho=heartbreak de_despecho=heartbreak l=the
    sobre=about acerca_de=about que_hablen_de=about buenas=good buena=good buenos=good bueno=good buen=good
    cantantes_femeninas=female_singers cantantes_mujeres=female_singers mujeres_cantantes=female_singers
    raperas=female_rappers rapera=female_rapper mujeres_raperas=female_rappers voces_femeninas=female_vocals
    voz_femenina=female_vocals voz_grave=deep_voice voz_profunda=deep_voice voz_de_mujer=female_vocals
    voz_masculina=male_vocals
    música=music musica=music canción=song cancion=song canciones=songs tema=track temas=tracks
    pista=track pistas=tracks rolas=songs rolitas=songs compa= compas= carnal= discos=records grupo=band grupos=bands
    peda=party pedota=party
    bandas=bands artista=artist artistas=artists playlist=playlist lista=playlist

    el=the la=the los=the las=the un=a una=a unos=some unas=some algunas=some algunos=some algo=something
    de=of del=of_the al=to_the y=and e=and o=or u=or con=with para=for pa=for por=for en=in a=to
    sin=without pero=but pero_sin=but_without pero_no=but_not no=not no_quiero=no pero_no_quiero=but_no
    pero_que_no_sea=but_not nada_de=no nada=nothing excepto=except menos=except
    salvo=except ni=nor más=  muy=very bien=  tipo=like algo_tipo=something_like
    como=like algo_como=something_like como_la_de=like como_el_de=like como_los_de=like
    como_las_de=like como_lo_de=like parecida_a_la_de=similar_to parecido_a_lo_de=similar_to parecido_a=similar_to
    parecida_a=similar_to parecidos_a=similar_to
    parecidas_a=similar_to similar_a=similar_to similares_a=similar_to al_estilo_de=in_the_style_of
    estilo=like en_la_onda_de=in_the_vein_of que_suene_como=sounding_like que_suenen_como=sounding_like
    que_suene_a=sounding_like suena_a=sounds_like

    dame=give_me damé=give_me pon=play ponme=play_me reproduce=play recomiéndame=recommend_me
    recomiendame=recommend_me recomiéndenme=recommend_me recomiendenme=recommend_me recomienda=recommend
    que_no_sea_tan_conocida=not_too_mainstream que_no_sea_tan_conocido=not_too_mainstream
    que_no_sean_tan_conocidas=not_too_mainstream que_no_sean_tan_conocidos=not_too_mainstream
    poco_conocida=underrated poco_conocido=underrated poco_conocidas=underrated poco_conocidos=underrated
    rolitas=songs rolas=songs quiero=i_want necesito=i_need busco=i_want porfa=please
    por_favor=please domingo=sunday sábado=saturday sabado=saturday viernes=friday tarde=afternoon
    tarde_de_domingo=sunday_afternoon domingo_por_la_tarde=sunday_afternoon
    pasame=give_me pásame=give_me escuchar=listen_to escucho=listen_to oír=hear oir=hear
    mientras=while mientras_estudio=while_studying mientras_trabajo=while_working mientras_corro=while_running

    uno=one dos=two tres=three cuatro=four cinco=five seis=six siete=seven ocho=eight nueve=nine diez=ten
    doce=twelve quince=fifteen veinte=twenty un_par_de=a_couple_of

    años=  anos=  década=decade decada=decade de_los=from_the de_las=from_the
    de_la_decada_de=from_the de_la_decada_de_los=from_the la_decada_de_los=the
    la_decada_de=the decada_de=the de_los_años=from_the antes_de=before antes_del=before despues_de=after
    despues_del=after después_de=after después_del=after desde=since desde_el=since a_partir_de=since
    a_partir_del=since hasta=until hasta_el=until entre=between cincuenta=fifties sesenta=sixties
    setenta=seventies ochenta=eighties noventa=nineties los_cincuenta=the_fifties los_sesenta=the_sixties
    los_setenta=the_seventies los_ochenta=the_eighties los_noventa=the_nineties ochentas=eighties
    noventas=nineties ochenteras=eighties ochenteros=eighties noventeras=nineties

    triste=sad tristeza=sadness llorar=cry para_llorar=for_crying desamor=heartbreak amor=love
    de_amor=love canciones_de_amor=love_songs enamorados=in_love rabia=rage con_rabia=angry mi_novia=my_girlfriend
    mi_novio=my_boyfriend mi_esposa=my_wife mi_esposo=my_husband carnaval=carnival ira=anger
    sin_letra=without_lyrics sin_voz=without_vocals sin_vocales=without_vocals en_vivo=live en_directo=live
    buen_rollo=good_vibes buenas_vibras=good_vibes
    no_tan=not_too tan=  no_muy=not_too algo_de=some un_poco_de=some día=day dia=day disfrutar=
    que_se_parezca_a=similar_to que_se_parezcan_a=similar_to parecido=similar parecida=similar
    español=spanish espanol=spanish inglés=english ingles=english en_inglés=in_english en_ingles=in_english
    portugués=portuguese portugues=portuguese en_portugués=in_portuguese en_portugues=in_portuguese
    francés=french frances=french alemán=german aleman=german alemana=german alemanes=german
    independiente=indie independientes=indie rock_clásico=classic_rock rock_clasico=classic_rock

    dormir=sleep para_dormir=for_sleep siesta=nap relajarse=relax relajarme=relax relax=relax
    descansar=relax entrenar=workout entrenamiento=workout gimnasio=gym gym=gym ejercicio=exercise
    estirar=stretching estiramiento=stretching estiramientos=stretching enfriamiento=cooldown
    levantar_pesas=lifting pesas=weightlifting sentadillas=squats
    hacer_ejercicio=exercise hacer_deporte=workout deporte=workout hacer=
    solo_de_saxofón=sax_solo solo_de_saxofon=sax_solo saxofón=saxophone saxofon=saxophone coro=choir coros=choir
    voz_rasposa=raspy_voice rasposa=raspy
    solo_de_guitarra=guitar_solo solos_de_guitarra=guitar_solos cuerdas=strings falsete=falsetto
    que_no_sea=that_is_not q_no_sea=that_is_not que_no_sean=that_are_not q_no_sean=that_are_not q=that
    banda_sonora=soundtrack bandas_sonoras=soundtracks la_banda_sonora=the_soundtrack
    tios=  tíos=  mis_tios=  mis_tíos=  con_mis_tios=  con_mis_tíos=  familia=
    maximo=max máximo=max como_maximo=at_most como_máximo=at_most que_me_anime=that_cheers_me_up
    q_me_anime=that_cheers_me_up me_anime=cheers_me_up animarme=cheer_me_up para_animarme=to_cheer_me_up
    solo=only sólo=only solo_artistas_femeninas=only_female_artists
    femenina=female femeninas=female femenino=female femeninos=female mujeres=women mujer=woman
    artistas_femeninas=female_artists cantantes_femeninas=female_singers solo_mujeres=only_women
    de_chicas=by_women de_mujeres=by_women cantadas_por_mujeres=sung_by_women por_mujeres=by_women
    estadio=stadium partido_de_futbol=football_game partido_de_fútbol=football_game
    correr=running trotar=jogging estudiar=studying concentrarme=focus concentrarse=focus concentración=focus
    concentracion=focus trabajar=work leer=reading bailar=dance fiesta=party fiestas=party fiestón=party
    perreo=reggaeton_party la_disco=the_club pa_la_disco=for_the_club en_la_disco=in_the_club discoteca=club
    antro=club vieja_escuela=old_school de_la_vieja_escuela=old_school
    conducir=driving manejar=driving carretera=road_trip viaje_en_carretera=road_trip
    cocinar=cooking cena=dinner meditar=meditation meditación=meditation yoga=yoga que_son=that_are son_buenas=good
    son_buenos=good son_bonitas=beautiful clase_de_yoga=yoga
    clases_de_yoga=yoga limpiar=cleaning lluvia=rainy
    tormenta=stormy tormentas=stormy lluvioso=rainy
    lluvioso=rainy día_lluvioso=rainy_day día_de_lluvia=rainy_day dia_de_lluvia=rainy_day días_de_lluvia=rainy_days
    dias_de_lluvia=rainy_days buena_vibra=good_vibes buena_onda=good_vibes onda=like lo_más=the_most
    lo_mas=the_most por_la_costa=along_the_coast nada_de_lo_que_suena_en_la_radio=nothing_on_the_radio
    nada_de_lo_q_suena_en_la_radio=nothing_on_the_radio lo_que_suena_en_la_radio=on_the_radio
    lo_q_suena_en_la_radio=on_the_radio lo_que_pasan_en_la_radio=on_the_radio
    nada_de_lo_que_pasan_en_la_radio=nothing_on_the_radio
    verano=summer playa=beach deprimente=depressing deprimentes=depressing
    tan_deprimentes=too_depressing cumple=birthday
    cumpleaños=birthday cumpleanos=birthday mi_tía= mi_tia= tía= tia= desamor=heartbreak viejito=old_school
    viejitos=old_school viejita=old_school tranqui=calm tranquis=calm
    mañana=tomorrow
    de_mañana=tomorrow por_la_mañana=morning de_la_mañana=morning para_la_mañana=for_the_morning la_mañana=the_morning
    en_la_mañana=morning las_mañanas=mornings examen=exam
    empezar_el_día=morning empezar_el_dia=morning
    boda=wedding noche=late_night conducir_de_noche=night_drive bonito=beautiful bonita=beautiful bonitas=beautiful
    bonitos=beautiful vals=slow_dance el_vals=the_slow_dance novios=couple los_novios=the_couple
    baile_de_los_novios=first_dance el_baile_de_los_novios=the_first_dance primer_baile=first_dance
    sorprendeme=surprise_me sorpréndeme=surprise_me sorprendenme=surprise_me sorpréndanme=surprise_me
    no_se_que_escuchar=what_should_i_listen_to no_sé_qué_escuchar=what_should_i_listen_to
    no_se_q_escuchar=what_should_i_listen_to que_escucho=what_should_i_listen_to qué_escucho=what_should_i_listen_to
    que_me_recomiendas=recommend_me qué_me_recomiendas=recommend_me me_recomiendas=recommend_me
    recomiendas=recommend recomiendan=recommend que_me_recomiendan=recommend_me qué_me_recomiendan=recommend_me
    diferente=different diferentes=different chido=good chida=good chidos=good chidas=good chingon=good
    chingón=good chingona=good chingonas=good chingones=good perron=good perrón=good perronas=good
    prendido=energetic prendida=energetic prendidas=energetic prendidos=energetic bien_prendido=energetic
    bien_prendida=energetic
    perrear=dance pa_perrear=to_dance para_perrear=to_dance bailen=dance baile=dance
    quinceañera=birthday_party quinceanera=birthday_party quinceañeras=birthday_party xv_años=birthday_party
    los_chavos= las_chavas= chavos= chavas= los_chamacos= chamacos= las_tias= las_tías=
    dedicar=love pa_dedicar=love para_dedicar=love dedicarle=love
    que_ponía_mi_amá=my_mom_used_to_play que_ponia_mi_ama=my_mom_used_to_play que_ponía_mi_mamá=my_mom_used_to_play
    que_ponia_mi_mama=my_mom_used_to_play que_ponía_mi_papá=my_dad_used_to_play que_ponia_mi_papa=my_dad_used_to_play
    que_ponían_mis_papás=my_parents_used_to_play que_ponian_mis_papas=my_parents_used_to_play
    que_ponía_mi_jefa=my_mom_used_to_play que_ponia_mi_jefa=my_mom_used_to_play
    de_esas=  esas=  de_esos=  esos=  en_la_cocina=  cocina=cooking
    mi_ama=my_mom mi_amá=my_mom mi_mamá=my_mom mi_mama=my_mom mi_jefa=my_mom mi_papá=my_dad mi_papa=my_dad
    mi_apá=my_dad mi_apa=my_dad mi_jefe=my_dad
    y_cosas_así=  y_cosas_asi=  cosas_así=  cosas_asi=  y_asi=  y_así=  y_parecidas=  y_parecidos=
    sola=alone solas=alone
    funk_brasileiro=brazilian_funk funk_brasileño=brazilian_funk funk_brasilero=brazilian_funk
    música_de_banda=banda_music musica_de_banda=banda_music banda_sinaloense=banda
    una_banda=a_band la_banda=the_band otra_banda=another_band alguna_banda=some_band mi_banda=my_band
    banda_de=band_of esta_banda=this_band
    españa=spain de_españa=from_spain espana=spain de_espana=from_spain

    música_clásica=classical musica_clasica=classical clásica=classical clasica=classical
    música_electrónica=electronic_music electrónica=electronic electronica=electronic
    reguetón=reggaeton regueton=reggaeton reggaetón=reggaeton reguetones=reggaeton
    rock_en_español=spanish_rock rock_latino=latin_rock rock_nacional=argentina_rock rock_argentino=argentina_rock
    rock_nacional_argentino=argentina_rock
    música_latina=latin_music música_mexicana=regional_mexican cantautor=singer_songwriter
    cantautores=singer_songwriter hip_hop_en_español=spanish_hip_hop rap_en_español=spanish_rap
    balada=ballad baladas=ballads baladas_en_español=spanish_ballads baladas_en_espanol=spanish_ballads

    joyas_ocultas=hidden_gems joyitas=hidden_gems joyas_escondidas=hidden_gems joyitas_escondidas=hidden_gems
    joya_escondida=hidden_gem éxitos=hits exitos=hits clásicos=classics clasicos=classics
    novedades=new_releases lo_último=latest lo_ultimo=latest lo_más_nuevo=newest de_siempre=classic
        navidad=christmas navideñas=christmas navidenas=christmas villancicos=christmas
    carne_asada=summer_party asado=summer_party parrillada=summer_party pisteada=party pistear=party
    con_la_familia=with_family
    en_familia=with_family mucha_energia=energetic mucha_energía=energetic con_mucha_energia=energetic
    con_mucha_energía=energetic pop_latino=latin_pop una_mezcla_de=a_mix_of mezcla_de=mix_of mezcla=mix y_de=and
    abuela=grandma abuelita=grandma abuelo=grandpa
    abuelos=grandparents menos_comercial=less_mainstream
    pero_menos_comercial=but_less_mainstream mi=my mis=my tu=your tus=your su=their nuestra=our nuestro=our yo=i
    me=me cumpleaños=birthday
    casa=home limpiar_la_casa=cleaning_the_house hogar=home en_casa=at_home
    después_del_trabajo=after_work despues_del_trabajo=after_work
    después_de_trabajar=after_work despues_de_trabajar=after_work
    me_gusta=i_like me_gustan=i_like me_encanta=i_love me_encantan=i_love si_te_gusta=if_you_like
    que=that que_no_sea=not que_no_sean=not cualquier_cosa=anything cualquier_cosa_menos=anything_but
    todo_menos=anything_but lo_mejor_de=the_best_of mejor=best mejores=best las_mejores=the_best los_mejores=the_best
    canciones_de=songs_by temas_de=tracks_by éxitos_de=hits_by exitos_de=hits_by canciones_de_cuna=lullabies
    canciones_de_navidad=christmas_music música_de_navidad=christmas_music musica_de_navidad=christmas_music
    trabajo=work motivarme=motivation motivarse=motivation motivación=motivation motivacion=motivation
    de_fondo=background música_de_fondo=background_music musica_de_fondo=background_music pegadiza=catchy
    pegadizas=catchy pegadizos=catchy viajar=road_trip viaje=road_trip coche=car carro=car auto=car
    temazos=bangers temazo=banger épica=anthemic épicas=anthemic epica=anthemic epicas=anthemic épico=anthemic
    epico=anthemic
    iglesia=church misa=church_service alabanza=spanish_worship alabanzas=spanish_worship adoracion=spanish_worship
    adoración=spanish_worship
    alabanzas_en_español=spanish_worship adoración_en_español=spanish_worship de_adoración_en_español=spanish_worship
    alabanza_en_español=spanish_worship cristiana_en_español=spanish_worship cristiano_en_español=spanish_worship
    cristiano=christian cristiana=christian cristianos=christian cristianas=christian musica_cristiana=spanish_christian
    música_cristiana=spanish_christian rap_cristiano=christian_reggaeton reggaeton_cristiano=christian_reggaeton
    urbano_cristiano=christian_reggaeton oracion=prayer oración=prayer de_oracion=prayer de_oración=prayer
    jovenes=youth jóvenes=youth grupo_de_jovenes=church_youth grupo_de_jóvenes=church_youth culto=church_service
    congregacion=church congregación=church honre_a_dios=christian a_dios=christian niños=kids ninos=kids
    infantil=kids infantiles=kids
    fiesta_infantil=kids_party para_niños=for_kids para_ninos=for_kids cumpleaños_infantil=kids_birthday
    senderismo=hiking acampar=camping campamento=camping vuelo=flight vuelo_largo=long_flight en_avión=on_a_plane
    en_avion=on_a_plane invierno=winter acogedor=cozy acogedora=cozy graduación=graduation graduacion=graduation
    fiesta_universitaria=frat_party despedida_de_soltero=bachelor_party despedida_de_soltera=bachelorette_party
    poneme=play poné=play pone=play ponete= tirame=give_me tírame=give_me mandame=give_me recomendame=recommend
    recomendás=recommend qué_me_recomendás=recommend laburo=work laburar=work laburando=working pibes=friends
    pibas=friends parrilla=cookout vino= ruta=road_trip ruta_larga=long_drive horas=hours manejo=driving
    de_manejo=of_driving costa=beach ventanilla= cantando=singing_along cantemos=singalong mate=coffee
    suavecito=soft suavecita=soft bajón=sad bajon=sad che= boliche=club al_palo=loud grasa=cheesy grasas=cheesy
    grasún=cheesy castellano=spanish en_castellano=in_spanish letra=lyrics letras=lyrics recital=concert
    sobresaltos=sudden_loud_parts sin_sobresaltos=without_sudden_loud_parts arranco=i_start arrancar=start
    terminé_de_laburar=done_for_the_day terminé_de_trabajar=done_for_the_day termine_de_laburar=done_for_the_day
    tengo=i_have tengo_el_día_libre=i_have_the_day_off tengo_el_dia_libre=i_have_the_day_off día_libre=day_off
    dia_libre=day_off guitarra=guitar guitarras=guitars con_guitarra=with_guitar
"""
)

_FOLLOW_UPS = table(
    """
    como_la_primera=like_the_first_one como_el_primero=like_the_first_one como_la_segunda=like_the_second_one
    como_el_segundo=like_the_second_one como_la_tercera=like_the_third_one como_el_tercero=like_the_third_one
    como_la_cuarta=like_the_fourth_one como_el_cuarto=like_the_fourth_one como_la_quinta=like_the_fifth_one
    como_el_quinto=like_the_fifth_one como_la_última=like_the_last_one como_el_último=like_the_last_one
    otra_página=another_page página_siguiente=next_page
    """
)
"""Words that point back at an earlier answer ('más como la tercera'): read as the English the scan knows as such
(`lexicon.FOLLOW_UPS`), so 'la tercera' is never looked up as a name."""

LANGUAGE = Language(
    code="es",
    by_words=words("de"),
    phrases={**_FOLLOW_UPS, **_ADJECTIVES, **_PLURALS, **_WORDS},
    weak=words("a no me la el con solo son e o u en al pon anos recital mate vino che costa letra letras ruta"),
    letters="ñ¿¡",
    unwritten="âêôãõçàèìòù",
    joins=words("y o"),
    decade_leads=words(
        "los las años anos los_años la_decada_de decada_de de_los_años de_la_decada_de de_la_decada_de_los "
        "la_decada_de_los"
    ),
)
