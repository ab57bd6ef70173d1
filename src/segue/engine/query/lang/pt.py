"""Brazilian Portuguese request words, read as the English the scan knows ('rock dos anos 80 mas sem metal' ->
'rock of 80s but without metal'). Adjectives take '*' (o/a/os/as) or '+' (the word and its plural)."""

from segue.engine.query.lang._core import Language, table, words

_ADJECTIVES = table(
    """
    calm*=calm tranquil*=calm relaxad*=relaxed animad*=upbeat agitad*=energetic romântic*=romantic
    romantic*=romantic enérgic*=energetic energetic*=energetic lent*=slow rápid*=fast rapid*=fast
    acústic*=acoustic acustic*=acoustic melancólic*=melancholic melancolic*=melancholic nostálgic*=nostalgic
    sombri*=dark escur*=dark agressiv*=aggressive furios*=furious irritad*=angry dançant*=danceable
    dancant*=danceable sonhador*=dreamy desconhecid*=unknown pouco_conhecid*=lesser_known
    menos_conhecid*=lesser_known nov*=new
    antig*=old velh*=old modern*=modern famos*=famous clássic*=classical classic*=classical eletrônic*=electronic
    eletronic*=electronic brasileir*=brazilian latin*=latin cuban*=cuban colombian*=colombian
    alemã*=german alema*=german frances*=french espanhol*=spanish corean*=korean japones*=japanese
    italian*=italian
    alternativ*=alternative progressiv*=progressive psicodélic*=psychedelic psicodelic*=psychedelic
    pesad*=heavy folclóric*=folk folcloric*=folk sertanej*=sertanejo
    """,
    ("o", "a", "os", "as"),
)

_PLURALS = table(
    """
    dançante+=danceable dancante+=danceable
    triste+=sad alegre+=happy relaxante+=relaxing suave+=mellow instrumental+=instrumental
    instrumentais=instrumental motivador+=motivational motivadora+=motivational popular+=popular
    populares=popular recente+=recent feliz=happy felizes=happy
    """,
    ("s",),
)

_WORDS = table(
    """
    pra_live= para_live= na_live= pra_stream= jogando=while_gaming sem_copyright=no_copyright
    sem_direitos_autorais=copyright_free livre_de_direitos=royalty_free livres_de_direitos=royalty_free
    fáceis_de_entender=easy_to_understand fácil_de_entender=easy_to_understand
    faceis_de_entender=easy_to_understand facil_de_entender=easy_to_understand
    e_tal= e_tals= etc= e_afins= moda_de_viola=sertanejo modas_de_viola=sertanejo sertanejo_raiz=sertanejo
    que_todo_mundo_conhece=everyone_knows que_todos_conhecem=everyone_knows
    essencial=essential essenciais=essentials para_iniciantes=for_beginners por_onde_começar=where_to_start
    me_surpreenda=surprise_me surpreenda_me=surprise_me me_surpreende=surprise_me
    por_onde_comecar=where_to_start maiores_sucessos=greatest_hits
    com_a_família=with_the_family com_a_familia=with_the_family em_família=with_the_family
    em_familia=with_the_family com_minha_família=with_my_family com_minha_familia=with_my_family
    músicas_curtas=short_songs músicas_longas=long_songs canções_curtas=short_songs canções_longas=long_songs
    faixas_curtas=short_tracks faixas_longas=long_tracks sons_curtos=short_songs
    raiva_do_ex=mad_at_my_ex raiva_do_meu_ex=mad_at_my_ex odio_do_ex=i_hate_my_ex ódio_do_ex=i_hate_my_ex
    churrasco=barbecue no_churrasco=at_a_barbecue com_os_amigos=with_friends com_amigos=with_friends amigos=friends
    resenha=party rolê=night_out role=night_out balada=party baladinha=party
    sobre=about boas=good bons=good legais=good
    cantoras=female_singers cantora=female_singer rappers_mulheres=female_rappers mulheres_no_rap=female_rappers
    vozes_femininas=female_vocals voz_feminina=female_vocals voz_grave=deep_voice vocal_feminino=female_vocals
    voz_masculina=male_vocals
    leve=mellow leves=mellow mais_leve=mellow paredão=party paredao=party pra_tocar= tocar=
    música=music musica=music músicas=songs musicas=songs canção=song cancao=song canções=songs cancoes=songs
    faixa=track faixas=tracks som=music sons=songs bandas=bands artista=artist artistas=artists
    playlist=playlist álbum=album album=album discos=records

    o=the a=the os=the as=the um=a uma=a uns=some umas=some algumas=some alguns=some algo=something
    de=of do=of da=of dos=of das=of no=in na=in nos=in nas=in e=and ou=or com=with para=for pra=for
    pro=for por=for em=in sem=without mas=but mas_sem=but_without mas_não=but_not mas_nao=but_not
    não=not nao=not nada_de=no nada=nothing exceto=except menos=except fora=except nem=nor mais=more muito=very
    bem=  tipo=like algo_tipo=something_like coisa_tipo=something_like como=like algo_como=something_like
    como_a_de=like como_o_de=like
    como_as_de=like como_os_de=like como_as_do=like como_as_da=like como_os_do=like como_os_da=like
    parecido_com=similar_to parecida_com=similar_to parecidos_com=similar_to parecidas_com=similar_to
    semelhante_a=similar_to no_estilo_de=in_the_style_of estilo=like
    que_nem=like igual=like igual_a=like na_linha_de=in_the_vein_of

    me_dá=give_me me_da=give_me me_de=give_me dá=give da_me=give_me toca=play toque=play coloca=play
    ouvir=listen_to escutar=listen_to
    bota=play me_recomenda=recommend_me recomenda=recommend indica=recommend me_indica=recommend_me
    quero=i_want preciso_de=i_need por_favor=please pfv=please manda=give_me alguma_coisa=something
    alguma=some domingo=sunday no_domingo=on_sunday sábado=saturday sabado=saturday tarde=afternoon
    tarde_de_domingo=sunday_afternoon domingo_à_tarde=sunday_afternoon domingo_a_tarde=sunday_afternoon
    animar=upbeat pra_animar=upbeat

    um_par_de=a_couple_of dois=two duas=two três=three tres=three quatro=four cinco=five seis=six sete=seven
    oito=eight nove=nine dez=ten doze=twelve quinze=fifteen vinte=twenty

    anos=  ano=  década=decade decada=decade dos_anos=of_the das_decadas=of_the antes_de=before
    antes_do=before depois_de=after depois_do=after desde=since desde_o=since a_partir_de=since
    até=until ate=until entre=between cinquenta=fifties sessenta=sixties setenta=seventies
    oitenta=eighties noventa=nineties

    tristeza=sadness chorar=cry pra_chorar=for_crying para_chorar=for_crying trânsito=commute transito=commute
    sozinho=alone sozinha=alone sozinhos=alone
    no_trânsito=commute no_transito=commute carnaval=carnival
    das_antigas=old_school de_raiz=classic minha_namorada=my_girlfriend meu_namorado=my_boyfriend
    minha_esposa=my_wife meu_marido=my_husband amor=love de_amor=love
    mas_nacional=but_brazilian nacional=brazilian raiz=classic coração_partido=heartbroken
    louvor=gospel no_culto=at_church culto=church calminho=calm calminha=calm calminhas=calm
    calminhos=calm tranquilinho=calm tranquilinha=calm levou_chifre=heartbroken levei_chifre=heartbroken
    chifre=heartbroken pra_quem= quem= funk=brazilian_funk baile_funk=brazilian_funk funk_carioca=brazilian_funk
    brega_funk=brazilian_funk sexta=friday de_sexta=on_friday
    coracao_partido=heartbroken uma_mistura_de=a_mix_of mistura_de=mix_of mistura=mix e_de=and vó=grandma vo=grandma
    vovó=grandma vovo=grandma
    avó=grandma avô=grandpa avos=grandparents avós=grandparents menos_comercial=less_mainstream beber=drinking
    pra_beber=for_drinking banho=shower no_banho=in_the_shower na_sala= sala=
    festa_junina=party junino=party junina=party são_joão=party sao_joao=party pé_de_serra=classic
    pe_de_serra=classic piseiro=piseiro prova=exam da_época_dos_meus_pais=from_when_my_parents_were_young
    da_epoca_dos_meus_pais=from_when_my_parents_were_young dos_meus_pais=my_parents_era
    época_dos_meus_pais=my_parents_era
    epoca_dos_meus_pais=my_parents_era
    da_época_dos_meus_avós=when_my_grandparents_were_young término=breakup termino=breakup
    depois_do_término=after_a_breakup
    depois_do_termino=after_a_breakup deprimente=depressing deprimentes=depressing trap_br=brazilian_trap
    funk_br=brazilian_funk boa=good mano= mas_sem_ser=but_not_too mas_sem_ser_mt=but_not_too sem_ser=not_too
    sem_ser_mt=not_too sem_ser_muito=not_too mt=very
    sofrência=sad_sertanejo sofrencia=sad_sertanejo sofrer=heartbroken pra_sofrer=heartbroken
    para_sofrer=heartbroken sofrendo=heartbroken modão=sertanejo modao=sertanejo modões=sertanejo
    modoes=sertanejo de_viola=  viola_caipira=sertanejo codar=coding programar=coding agronejo=sertanejo
    agarradinho=romantic agarradinhos=romantic agarradinha=romantic atual=recent atuais=recent
    de_madrugada=late_night madrugada=late_night na_madrugada=late_night
    rock_nacional=brazilian_rock rap_nacional=brazilian_rap
    indie_brasileiro=brazilian_indie indie_nacional=brazilian_indie raiva=rage com_raiva=angry pra_cima=upbeat
    sem_letra=without_lyrics
    sem_voz=without_vocals sem_vocal=without_vocals ao_vivo=live boas_vibes=good_vibes astral=good_vibes
    não_tão=not_too nao_tao=not_too não_muito=not_too nao_muito=not_too tão=  tao=  dia=day
    dia_de_chuva=rainy_day curtir=  pra_curtir=  que_pareça=sounding_like que_pareca=sounding_like
    parece=sounds_like inglês=english ingles=english em_inglês=in_english em_ingles=in_english
    sertanejo_universitário=sertanejo sertanejo_universitario=sertanejo
    msc=song mscs=songs hj= hoje= mto=very mtas=many mtos=many qnd=when quando=when ta= tá= oq=what q=that
    sla= sei_la= sabe= aquela=that aquele=that aquelas=those aqueles=those galera=friends a_galera=friends
    cantar_junto=sing_along pra_cantar_junto=to_sing_along faceis_de_cantar=easy_to_sing fáceis_de_cantar=easy_to_sing
    faceis_de_cantar_junto=easy_to_sing_along fáceis_de_cantar_junto=easy_to_sing_along
    misturado=mixed misturada=mixed treino=workout no_treino=workout funks=brazilian_funk br=brazilian
    pop_br=brazilian_pop rap_br=brazilian_rap msc_br=brazilian_songs gringo= gringa= gringos= internacional=
    do_ex=breakup o_ex=my_ex meu_ex=my_ex minha_ex=my_ex meio= começar= comecar= mandar= pra_mandar= pra_começar=
    pra_comecar= anita=anitta da_anita=by_anitta
    vozeirão= vozeirao=

    dormir=sleep pra_dormir=for_sleep para_dormir=for_sleep relaxar=relax descansar=relax treinar=workout
    saxofone=saxophone falsete=falsetto voz_rouca=raspy_voice rouca=raspy solo_de_guitarra=guitar_solo
    solos_de_guitarra=guitar_solos cordas=strings metais=horns
    abertura=opening aberturas=openings musicas_de_abertura=openings músicas_de_abertura=openings
    trilha_sonora=soundtrack trilhas_sonoras=soundtracks a_trilha=the_soundtrack trilha=soundtrack
    no_maximo=at_most no_máximo=at_most maximo=max máximo=max precisando=  to_precisando=  de_preferencia=
    de_preferência=  com_a_familia=  com_a_família=  menos_conhecidas=lesser_known menos_conhecidos=lesser_known
    pode_ser=  de_qlq_epoca=  de_qualquer_epoca=  de_qualquer_época=  qlq_epoca=  qualquer_época=
    mulheres=women mulher=woman femininas=female feminina=female cantoras=female_singers
    artistas_femininas=female_artists so_mulheres=only_women só_mulheres=only_women
    de_mulheres=by_women cantadas_por_mulheres=sung_by_women por_mulheres=by_women de_minas=by_women
    estádio=stadium estadio=stadium jogo_de_futebol=football_game
    treino=workout malhar=workout para_academia=for_gym pra_academia=for_gym para_a_academia=for_the_gym
    internacional=in_english internacionais=in_english
    na_academia=at_the_gym de_academia=gym da_academia=gym exercício=exercise exercicio=exercise
    fazer_exercício=exercise fazer_exercicio=exercise fazer_exercícios=exercise fazer=
    trampo=work depois_do_trampo=after_work depois_do_trabalho=after_work depois_de_trabalhar=after_work em_casa=at_home
    correr=running
    corrida=running estudar=studying concentrar=focus concentração=focus concentracao=focus foco=focus
    focar=focus trabalhar=work ler=reading dançar=dance dancar=dance festa=party balada=party
    dirigir=driving viagem_de_carro=road_trip viagem=road_trip estrada=road_trip cozinhar=cooking
    jantar=dinner chuva=rainy chuvoso=rainy
    tempestade=stormy tempestades=stormy dia_chuvoso=rainy_day verão=summer verao=summer praia=beach
    manhã=morning manha=morning casamento=wedding noite=late_night meditar=meditation meditação=meditation yoga=yoga
    aula_de_yoga=yoga aulas_de_yoga=yoga oi= gente= alguém=someone
    indicação=recommendation
    começar_o_dia=morning comecar_o_dia=morning
    meditacao=meditation

    música_clássica=classical musica_classica=classical clássica=classical classica=classical
    mpb_clássica=classic_mpb mpb_classica=classic_mpb samba_clássico=classic_samba samba_classico=classic_samba
    música_eletrônica=electronic_music musica_eletronica=electronic_music eletrônica=electronic
    eletronica=electronic música_popular_brasileira=mpb música_brasileira=brazilian_music
    musica_brasileira=brazilian_music rock_nacional=brazilian_rock rock_brasileiro=brazilian_rock
    pop_nacional=brazilian_pop funk_carioca=funk_carioca axé=axe forró=forro
    bossa_nova=bossa_nova francês=french frances=french espanhol=spanish alemão=german
    piano=piano violão=acoustic_guitar violao=acoustic_guitar barzinho=acoustic no_barzinho=acoustic

    joias_escondidas=hidden_gems pérolas=hidden_gems perolas=hidden_gems sucessos=hits clássicos=classics
    classicos=classics lançamentos=new_releases lancamentos=new_releases
        natal=christmas natalinas=christmas
    meu=my minha=my meus=my minhas=my teu=your tua=your seu=your sua=your nosso=our nossa=our eu=i
    aniversário=birthday aniversario=birthday casa=home limpar_a_casa=cleaning_the_house faxina=cleaning
    eu_gosto_de=i_like gosto_de=i_like eu_amo=i_love amo=i_love curto=i_like se_você_gosta_de=if_you_like
    se_voce_gosta_de=if_you_like
    que=that que_não_seja=not que_nao_seja=not que_não_sejam=not que_nao_sejam=not
    qualquer_coisa=anything qualquer_coisa_menos=anything_but tudo_menos=anything_but o_melhor_de=the_best_of
    melhor=best melhores=best
    músicas_de=songs_by musicas_de=songs_by músicas_do=songs_by musicas_do=songs_by músicas_da=songs_by
    musicas_da=songs_by sucessos_de=hits_by sucessos_do=hits_by sucessos_da=hits_by canções_de_ninar=lullabies
    músicas_de_natal=christmas_music musicas_de_natal=christmas_music
    trabalho=work viajar=road_trip ambiente=background som_ambiente=background_music chiclete=catchy
    motivação=motivation motivacao=motivation motivar=motivation épica=anthemic epica=anthemic carro=car
    igreja=church culto=church_service louvor=worship jovens=youth dos_jovens=church_youth também= tambem=
    adoracao=worship adoração=worship cristã=christian crista=christian cristão=christian cristao=christian
    crianças=kids criancas=kids infantil=kids
    festa_infantil=kids_party pra_crianças=for_kids pra_criancas=for_kids para_crianças=for_kids
    para_criancas=for_kids acampamento=camping acampar=camping voo=flight voo_longo=long_flight no_avião=on_a_plane
    no_aviao=on_a_plane inverno=winter aconchegante=cozy formatura=graduation boteco=dive_bars
    despedida_de_solteiro=bachelor_party despedida_de_solteira=bachelorette_party
"""
)

_FOLLOW_UPS = table(
    """
    como_a_primeira=like_the_first_one como_o_primeiro=like_the_first_one como_a_segunda=like_the_second_one
    como_o_segundo=like_the_second_one como_a_terceira=like_the_third_one como_o_terceiro=like_the_third_one
    como_a_quarta=like_the_fourth_one como_o_quarto=like_the_fourth_one como_a_quinta=like_the_fifth_one
    como_o_quinto=like_the_fifth_one como_a_última=like_the_last_one como_o_último=like_the_last_one
    próxima_página=next_page outra_página=another_page
    """
)
"""Words that point back at an earlier answer ('mais como a terceira'): read as the English the scan knows as such
(`lexicon.FOLLOW_UPS`), so 'a terceira' is never looked up as a name."""

LANGUAGE = Language(
    code="pt-BR",
    by_words=words("de do da"),
    phrases={**_FOLLOW_UPS, **_ADJECTIVES, **_PLURALS, **_WORDS},
    weak=words("funk a o e as os no me da do com em por para sons som piano album estilo pro estrada"),
    letters="ãõ",
    joins=words("e ou"),
    decade_leads=words("anos os_anos dos_anos das_decadas decada_de década_de a_decada_de"),
)
